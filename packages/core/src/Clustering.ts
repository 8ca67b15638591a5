/**
 * Clustering that does not chain. Pairs above the match threshold are applied strongest first,
 * but two clusters are joined only when the whole of them agrees: every pair across them is
 * scored (candidate or not) and the join is refused when any pair is vetoed (two LinkedIn
 * profiles, Jr and Sr, a user's never-merge) or when the evidence across them sums to less than
 * nothing (correlation clustering's rule). A pair backed by the names alone is also held back
 * when one of its records matches, about as well, a cluster that cannot live with the other side
 * (three Jane Does, two of whom are different): it joins neither and the pairs go to review.
 *
 * User constraints: `always` groups are joined first; `never` pairs veto any cluster holding both.
 *
 * @since 0.2.0
 */
import { PairIds } from "./internal/pairs.ts"

/**
 * A scored pair, by record index (a < b).
 *
 * @category models
 * @since 0.2.0
 */
export interface Edge {
  readonly a: number
  readonly b: number
  readonly bits: number
  /** Backed by the names alone (nothing else agrees): such a pair can be ambiguous. */
  readonly nameOnly?: boolean
}

/** @category models @since 0.2.0 */
export interface Options {
  /** Pairs at or above this score (bits) may merge. */
  readonly thresholdBits: number
  /** Pairs at or above this score (bits) that end up apart are listed for review. */
  readonly reviewBits: number
  /** A competing match within this many bits makes a name-only pair ambiguous. */
  readonly ambiguityBits: number
  /** Index pairs that must never share a cluster. */
  readonly never: ReadonlyArray<readonly [number, number]>
  /** Index groups that must share a cluster (unless a never pair forbids it). */
  readonly always: ReadonlyArray<ReadonlyArray<number>>
}

/** @category models @since 0.2.0 */
export interface Result {
  /** Clusters as record indexes (ascending); singletons included; ordered by their first index. */
  readonly clusters: ReadonlyArray<ReadonlyArray<number>>
  /** For each cluster (same order), the edges that joined it, in the order they were applied. */
  readonly joins: ReadonlyArray<ReadonlyArray<Edge>>
  /** Pairs left in different clusters with a score at or above `reviewBits`, one per cluster pair. */
  readonly review: ReadonlyArray<Edge>
  readonly stats: {
    /** Pairs at or above the threshold. */
    readonly accepted: number
    /** Joins refused because the clusters disagree (a veto, or evidence against outweighing for). */
    readonly refused: number
    /** Weak pairs held back because a record matched two incompatible clusters. */
    readonly ambiguous: number
    /** Always-merge links dropped because a never-merge pair forbids them. */
    readonly constraintConflicts: number
  }
}

/**
 * Clusters `n` records given the scored candidate edges and a scorer for any other pair: its
 * score in bits, or -Infinity when the pair is vetoed.
 *
 * @category clustering
 * @since 0.2.0
 */
export const cluster = (
  n: number,
  edges: ReadonlyArray<Edge>,
  score: (i: number, j: number) => number,
  options: Options,
): Result => {
  const parent = new Int32Array(n)
  for (let i = 0; i < n; i++) parent[i] = i
  const members: Array<Array<number>> = Array.from({ length: n }, (_, i) => [i])
  const joins: Array<Array<Edge>> = Array.from({ length: n }, () => [])
  const find = (i: number): number => {
    let r = i
    while (parent[r] !== r) r = parent[r]!
    let x = i
    while (parent[x] !== r) {
      const next = parent[x]!
      parent[x] = r
      x = next
    }
    return r
  }
  const never = new Map<number, Set<number>>()
  for (const [x, y] of options.never) {
    if (x === y) continue
    for (const [p, q] of [
      [x, y],
      [y, x],
    ] as const) {
      const s = never.get(p)
      if (s) s.add(q)
      else never.set(p, new Set([q]))
    }
  }
  const forbidden = (x: number, y: number): boolean => never.get(x)?.has(y) === true
  const union = (ra: number, rb: number, edge: Edge | undefined): number => {
    const [keep, drop] = members[ra]!.length >= members[rb]!.length ? [ra, rb] : [rb, ra]
    parent[drop] = keep
    for (const x of members[drop]!) members[keep]!.push(x)
    for (const e of joins[drop]!) joins[keep]!.push(e)
    if (edge) joins[keep]!.push(edge)
    members[drop] = []
    joins[drop] = []
    return keep
  }
  // Refusals, by pair of clusters with their sizes: many strong pairs can join the same two
  // clusters, and while neither grows the answer stays no (at a million records, most of the
  // pairs clustering scored were those of the same refused joins).
  const refusals = new PairIds(1024)
  let refusedSizes = new Int32Array(2048)
  /** Whether two clusters may be one: no veto and no never pair across, evidence not against. */
  const coherent = (ra: number, rb: number, user = false): boolean => {
    if (user) return coherentNow(ra, rb, true)
    const x = Math.min(ra, rb)
    const y = Math.max(ra, rb)
    const known = refusals.find(x, y)
    if (
      known !== -1 &&
      refusedSizes[2 * known] === members[x]!.length &&
      refusedSizes[2 * known + 1] === members[y]!.length
    )
      return false
    if (coherentNow(ra, rb, false)) return true
    const id = refusals.idOf(x, y)
    if (2 * id + 1 >= refusedSizes.length) {
      const next = new Int32Array(refusedSizes.length * 2)
      next.set(refusedSizes)
      refusedSizes = next
    }
    refusedSizes[2 * id] = members[x]!.length
    refusedSizes[2 * id + 1] = members[y]!.length
    return false
  }
  const coherentNow = (ra: number, rb: number, user: boolean): boolean => {
    let sum = 0
    for (const x of members[ra]!) {
      for (const y of members[rb]!) {
        if (forbidden(x, y)) return false
        if (user) continue
        const bits = score(x, y)
        if (bits === Number.NEGATIVE_INFINITY) return false
        sum += Math.min(30, Math.max(-30, bits))
      }
    }
    return user || sum > 0
  }

  let constraintConflicts = 0
  for (const group of options.always) {
    const [head, ...rest] = group
    if (head === undefined) continue
    for (const x of rest) {
      const ra = find(head)
      const rb = find(x)
      if (ra === rb) continue
      if (!coherent(ra, rb, true)) {
        constraintConflicts++
        continue
      }
      union(ra, rb, undefined)
    }
  }

  const strong = edges
    .filter((e) => e.bits >= options.thresholdBits)
    .sort((e, f) => f.bits - e.bits || e.a - f.a || e.b - f.b)
  const adjacent = new Map<number, Array<Edge>>()
  for (const e of strong) {
    for (const x of [e.a, e.b]) {
      const list = adjacent.get(x)
      if (list) list.push(e)
      else adjacent.set(x, [e])
    }
  }
  /** A competing match of `x` (outside both clusters) nearly as good as `bits`, that `other` cannot join. */
  const competes = (x: number, rx: number, other: number, bits: number): boolean => {
    for (const e of adjacent.get(x) ?? []) {
      if (e.bits < bits - options.ambiguityBits) break
      const y = e.a === x ? e.b : e.a
      const ry = find(y)
      if (ry === rx || ry === other) continue
      if (!coherent(ry, other)) return true
    }
    return false
  }
  let refused = 0
  let ambiguous = 0
  const held: Array<Edge> = []
  for (const e of strong) {
    const ra = find(e.a)
    const rb = find(e.b)
    if (ra === rb) continue
    if (!coherent(ra, rb)) {
      refused++
      held.push(e)
      continue
    }
    if (e.nameOnly === true && (competes(e.a, ra, rb, e.bits) || competes(e.b, rb, ra, e.bits))) {
      ambiguous++
      held.push(e)
      continue
    }
    union(ra, rb, e)
  }

  // Clusters in order of their smallest index; review pairs once per pair of clusters.
  const roots: Array<number> = []
  for (let i = 0; i < n; i++) if (find(i) === i) roots.push(i)
  const sorted = roots
    .map((r) => ({ r, recs: members[r]!.slice().sort((x, y) => x - y) }))
    .sort((x, y) => x.recs[0]! - y.recs[0]!)
  const best = new Map<string, Edge>()
  for (const e of [...edges.filter((x) => x.bits >= options.reviewBits), ...held]) {
    const ra = find(e.a)
    const rb = find(e.b)
    if (ra === rb) continue
    const k = ra < rb ? `${ra}|${rb}` : `${rb}|${ra}`
    const prev = best.get(k)
    if (
      prev === undefined ||
      e.bits > prev.bits ||
      (e.bits === prev.bits && (e.a < prev.a || (e.a === prev.a && e.b < prev.b)))
    )
      best.set(k, e)
  }
  const review = [...best.values()].sort((e, f) => f.bits - e.bits || e.a - f.a || e.b - f.b)
  return {
    clusters: sorted.map((c) => c.recs),
    joins: sorted.map((c) => joins[c.r]!),
    review,
    stats: { accepted: strong.length, refused, ambiguous, constraintConflicts },
  }
}
