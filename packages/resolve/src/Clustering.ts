/**
 * Clustering that does not chain. Pairs above the match threshold are applied strongest first,
 * but two clusters are joined only when the whole of them agrees: every pair across them is
 * scored (candidate or not) and the join is refused when any pair is vetoed (two LinkedIn
 * profiles, Jr and Sr, a user's never-merge) or when the evidence across them sums to less than
 * nothing (correlation clustering's rule). A pair with nothing to compare (a record without a
 * name beside one with only a name: scored at the prior alone) is left out of that sum: it is no
 * evidence against. A pair backed by the names alone is also held back
 * when one of its records matches, about as well, a cluster that cannot live with the other side
 * (three Jane Does, two of whom are different): it joins neither and the pairs go to review.
 *
 * User constraints: `always` groups are joined first; `never` pairs veto any cluster holding both.
 *
 * @since 0.2.0
 */
import * as Memory from "./internal/memory.ts"
import { PairIds } from "./internal/pairs.ts"
import * as Steps from "./Steps.ts"

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
  /**
   * The prior in the pairs' scores: a pair scored at exactly this has no field both sides have,
   * and counts neither for nor against a join.
   */
  readonly priorBits?: number
  /** A competing match within this many bits makes a name-only pair ambiguous. */
  readonly ambiguityBits: number
  /** When two clusters are weighed, each pair across them counts at most this many bits either way. */
  readonly maxPairBits: number
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
): Result => Steps.runSync(clusterSteps(n, edges, score, options))

/**
 * `cluster` cut into steps (see `Steps`): the same result, with the strong pairs applied so far
 * reported as the stage `clustering`.
 *
 * @category clustering
 * @since 0.3.0
 */
export function* clusterSteps(
  n: number,
  edges: ReadonlyArray<Edge>,
  score: (i: number, j: number) => number,
  options: Options,
): Steps.Steps<Result> {
  const parent = Memory.int32(n)
  for (let i = 0; i < n; i++) parent[i] = i
  // Members and joins of each cluster as chains in typed arrays (two small arrays per record
  // were work for the collector): a cluster's members run from head[root]
  // along next, its joins (indexes into strong) from joinHead[root] along joinNext.
  const head = Memory.int32(n)
  const tail = Memory.int32(n)
  const next = Memory.int32(n).fill(-1)
  const size = Memory.int32(n).fill(1)
  for (let i = 0; i < n; i++) {
    head[i] = i
    tail[i] = i
  }
  const strong = edges
    .filter((e) => e.bits >= options.thresholdBits)
    .sort((e, f) => f.bits - e.bits || e.a - f.a || e.b - f.b)
  const joinHead = Memory.int32(n).fill(-1)
  const joinTail = Memory.int32(n).fill(-1)
  const joinNext = Memory.int32(strong.length).fill(-1)
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
  /** Joins two clusters (by the strong edge `edge`, or -1 for a user's always group). */
  const union = (ra: number, rb: number, edge: number): number => {
    const [keep, drop] = size[ra]! >= size[rb]! ? [ra, rb] : [rb, ra]
    parent[drop] = keep
    next[tail[keep]!] = head[drop]!
    tail[keep] = tail[drop]!
    size[keep]! += size[drop]!
    // Joins in the order they were applied: the kept cluster's, the dropped one's, then this one.
    if (joinHead[drop] !== -1) {
      if (joinHead[keep] === -1) joinHead[keep] = joinHead[drop]!
      else joinNext[joinTail[keep]!] = joinHead[drop]!
      joinTail[keep] = joinTail[drop]!
    }
    if (edge !== -1) {
      if (joinHead[keep] === -1) joinHead[keep] = edge
      else joinNext[joinTail[keep]!] = edge
      joinTail[keep] = edge
    }
    return keep
  }
  // Refusals, by pair of clusters with their sizes: many strong pairs can join the same two
  // clusters, and while neither grows the answer stays no (on a big import, most of the pairs
  // clustering scored were those of the same refused joins).
  const refusals = new PairIds(1024)
  let refusedSizes = Memory.int32(2048)
  /** Whether two clusters may be one: no veto and no never pair across, evidence not against. */
  const coherent = (ra: number, rb: number, user = false): boolean => {
    if (user) return coherentNow(ra, rb, true)
    const x = Math.min(ra, rb)
    const y = Math.max(ra, rb)
    const known = refusals.find(x, y)
    if (known !== -1 && refusedSizes[2 * known] === size[x] && refusedSizes[2 * known + 1] === size[y])
      return false
    if (coherentNow(ra, rb, false)) return true
    const id = refusals.idOf(x, y)
    if (2 * id + 1 >= refusedSizes.length) {
      const next = Memory.int32(refusedSizes.length * 2)
      next.set(refusedSizes)
      refusedSizes = next
    }
    refusedSizes[2 * id] = size[x]!
    refusedSizes[2 * id + 1] = size[y]!
    return false
  }
  const prior = options.priorBits ?? Number.NaN
  const coherentNow = (ra: number, rb: number, user: boolean): boolean => {
    let sum = 0
    for (let x = head[ra]!; x !== -1; x = next[x]!) {
      for (let y = head[rb]!; y !== -1; y = next[y]!) {
        if (forbidden(x, y)) return false
        if (user) continue
        const bits = score(x, y)
        if (bits === Number.NEGATIVE_INFINITY) return false
        if (bits !== prior) sum += Math.min(options.maxPairBits, Math.max(-options.maxPairBits, bits))
      }
    }
    return user || sum > 0
  }

  let constraintConflicts = 0
  for (const group of options.always) {
    const [first, ...rest] = group
    if (first === undefined) continue
    for (const x of rest) {
      const ra = find(first)
      const rb = find(x)
      if (ra === rb) continue
      if (!coherent(ra, rb, true)) {
        constraintConflicts++
        continue
      }
      union(ra, rb, -1)
    }
  }

  // Each record's strong edges (indexes into strong), strongest first, as compressed rows.
  const adjStart = Memory.int32(n + 1)
  for (const e of strong) {
    adjStart[e.a + 1]!++
    adjStart[e.b + 1]!++
  }
  for (let i = 0; i < n; i++) adjStart[i + 1]! += adjStart[i]!
  const adjFill = adjStart.slice(0, n)
  const adjacent = Memory.int32(2 * strong.length)
  strong.forEach((e, k) => {
    adjacent[adjFill[e.a]!++] = k
    adjacent[adjFill[e.b]!++] = k
  })
  /** A competing match of `x` (outside both clusters) nearly as good as `bits`, that `other` cannot join. */
  const competes = (x: number, rx: number, other: number, bits: number): boolean => {
    for (let k = adjStart[x]!; k < adjStart[x + 1]!; k++) {
      const e = strong[adjacent[k]!]!
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
  for (let k = 0; k < strong.length; k++) {
    // A join weighs every pair across the two clusters: a step holds few of them.
    if ((k & 255) === 0) yield Steps.at("clustering", k, strong.length)
    const e = strong[k]!
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
    union(ra, rb, k)
  }
  yield Steps.at("clustering", strong.length, strong.length)

  // Clusters in order of their smallest index (records visited ascending give each cluster its
  // members ascending); review pairs once per pair of clusters.
  const clusterOf = Memory.int32(n).fill(-1)
  const clusters: Array<Array<number>> = []
  const joins: Array<Array<Edge>> = []
  for (let i = 0; i < n; i++) {
    const r = find(i)
    if (clusterOf[r] === -1) {
      clusterOf[r] = clusters.length
      clusters.push([])
      const applied: Array<Edge> = []
      for (let k = joinHead[r]!; k !== -1; k = joinNext[k]!) applied.push(strong[k]!)
      joins.push(applied)
    }
    clusters[clusterOf[r]!]!.push(i)
  }
  const bestOf = new PairIds(1024)
  const best: Array<Edge> = []
  const consider = (e: Edge) => {
    const ra = find(e.a)
    const rb = find(e.b)
    if (ra === rb) return
    const id = bestOf.idOf(Math.min(ra, rb), Math.max(ra, rb))
    const prev = best[id]
    if (
      prev === undefined ||
      e.bits > prev.bits ||
      (e.bits === prev.bits && (e.a < prev.a || (e.a === prev.a && e.b < prev.b)))
    )
      best[id] = e
  }
  for (const e of edges) if (e.bits >= options.reviewBits) consider(e)
  for (const e of held) consider(e)
  const review = best.sort((e, f) => f.bits - e.bits || e.a - f.a || e.b - f.b)
  return {
    clusters,
    joins,
    review,
    stats: { accepted: strong.length, refused, ambiguous, constraintConflicts },
  }
}
