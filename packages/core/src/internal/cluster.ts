/**
 * Blocking, scoring and no-chaining clustering over prepared profiles (see Resolve.ts for the
 * method). Book calls this directly so profiles are computed once per record.
 */
import type { MatchEvidence } from "../Contact.ts"
import type { SourceRecord } from "../SourceRecord.ts"
import * as Compare from "./compare.ts"
import { compareStrings } from "./order.ts"
import * as Profile from "./profile.ts"

export interface Options {
  readonly threshold: number
  readonly maxBlock: number
}

/** Merge at a score of 0.85; skip keys shared by more than 50 records. */
export const defaults: Options = { threshold: Compare.defaultThreshold, maxBlock: 50 }

export interface Result {
  readonly clusters: Array<{
    readonly records: ReadonlyArray<number>
    readonly match: ReadonlyArray<MatchEvidence>
  }>
  readonly stats: {
    readonly compared: number
    readonly accepted: number
    readonly refused: number
    readonly ambiguous: number
    readonly skippedBlocks: number
  }
}

interface Edge {
  readonly a: number
  readonly b: number
  readonly score: number
  readonly reason: string
  readonly identified: boolean
}

/** Clusters records whose profiles (same order) are given. */
export const cluster = (
  records: ReadonlyArray<SourceRecord>,
  profiles: ReadonlyArray<Profile.Profile>,
  { threshold, maxBlock }: Options,
): Result => {
  // Work in key order; ties (the same key twice) fall back to the record's content.
  const keys = profiles.map((p) => p.key)
  const tie = (i: number): string => JSON.stringify(records[i])
  const order = records
    .map((_, i) => i)
    .sort((i, j) => compareStrings(keys[i]!, keys[j]!) || compareStrings(tie(i), tie(j)))
  const rank = new Int32Array(records.length)
  order.forEach((original, r) => {
    rank[original] = r
  })

  // Blocking. Most keys belong to one record: they stay in `first` and never get an array.
  const first = new Map<string, number>()
  const blocks = new Map<string, Array<number>>()
  for (const r of order) {
    for (const k of Profile.blockingKeys(profiles[r]!)) {
      const block = blocks.get(k)
      if (block) {
        if (block[block.length - 1] !== r) block.push(r)
        continue
      }
      const f = first.get(k)
      if (f === undefined) first.set(k, r)
      else if (f !== r) blocks.set(k, [f, r])
    }
  }
  let skippedBlocks = 0
  const seen = new Set<number>()
  const edges: Array<Edge> = []
  let compared = 0
  const n = records.length
  for (const block of blocks.values()) {
    if (block.length < 2) continue
    if (block.length > maxBlock) {
      skippedBlocks++
      continue
    }
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        const [a, b] = rank[block[x]!]! < rank[block[y]!]! ? [block[x]!, block[y]!] : [block[y]!, block[x]!]
        const id = rank[a]! * n + rank[b]!
        if (seen.has(id)) continue
        seen.add(id)
        compared++
        const c = Compare.compare(profiles[a]!, profiles[b]!)
        if (c.score >= threshold)
          edges.push({ a, b, score: c.score, reason: c.reason, identified: c.identified })
      }
    }
  }

  // Edges backed by an identifier first, then name-only ones; strongest first within each, ties
  // in key order, so the result does not depend on input order.
  edges.sort(
    (e, f) =>
      Number(f.identified) - Number(e.identified) ||
      f.score - e.score ||
      rank[e.a]! - rank[f.a]! ||
      rank[e.b]! - rank[f.b]!,
  )
  const nameOnly = new Map<number, Array<number>>()
  const link = (u: number, v: number): void => {
    const list = nameOnly.get(u)
    if (list) list.push(v)
    else nameOnly.set(u, [v])
  }
  for (const e of edges) {
    if (e.identified) continue
    link(e.a, e.b)
    link(e.b, e.a)
  }

  const parent = new Int32Array(n).map((_, i) => i)
  const members: Array<Array<number>> = records.map((_, i) => [i])
  const evidence: Array<Array<MatchEvidence>> = records.map(() => [])
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
  /** Whether no record of one cluster conflicts with one of the other (`strict`: soft conflicts too). */
  const compatible = (ra: number, rb: number, strict: boolean): boolean =>
    members[ra]!.every((x) =>
      members[rb]!.every(
        (y) =>
          Compare.conflict(profiles[x]!, profiles[y]!) === undefined &&
          (!strict || Compare.softConflict(profiles[x]!, profiles[y]!) === undefined),
      ),
    )
  /**
   * A name-only match is ambiguous when one side also matches, by name only, a cluster that
   * cannot live with the other side (two namesakes with different mailboxes): then it joins neither.
   */
  const ambiguousFrom = (u: number, ru: number, rv: number): boolean =>
    (nameOnly.get(u) ?? []).some((w) => {
      const rw = find(w)
      return rw !== ru && rw !== rv && !compatible(rw, rv, true)
    })
  let refused = 0
  let ambiguous = 0
  for (const e of edges) {
    const ra = find(e.a)
    const rb = find(e.b)
    if (ra === rb) continue
    if (!compatible(ra, rb, !e.identified)) {
      refused++
      continue
    }
    if (!e.identified && (ambiguousFrom(e.a, ra, rb) || ambiguousFrom(e.b, rb, ra))) {
      ambiguous++
      continue
    }
    const [keep, drop] = members[ra]!.length >= members[rb]!.length ? [ra, rb] : [rb, ra]
    parent[drop] = keep
    members[keep]!.push(...members[drop]!)
    evidence[keep]!.push(...evidence[drop]!, {
      records: [keys[e.a]!, keys[e.b]!],
      score: e.score,
      reason: e.reason,
    })
    members[drop] = []
    evidence[drop] = []
  }

  const clusters: Result["clusters"] = []
  for (let i = 0; i < n; i++) {
    if (find(i) !== i) continue
    const recs = members[i]!.slice().sort((x, y) => rank[x]! - rank[y]!)
    const match = evidence[i]!.slice().sort(
      (e, f) =>
        f.score - e.score ||
        compareStrings(e.records[0], f.records[0]) ||
        compareStrings(e.records[1], f.records[1]),
    )
    clusters.push({ records: recs, match })
  }
  clusters.sort((c, d) => rank[c.records[0]!]! - rank[d.records[0]!]!)
  return {
    clusters,
    stats: { compared, accepted: edges.length, refused, ambiguous, skippedBlocks },
  }
}
