/**
 * The resolution pipeline over prepared profiles: blocking, comparison levels, training,
 * scoring, clustering, explanations. Resolve.ts and Book.ts both call it (Book computes each
 * record's profile once and reuses it for "me" detection).
 */

import type { MatchEvidence } from "@blackbook/model/Contact"
import type { SourceRecord } from "@blackbook/model/SourceRecord"
import * as Blocking from "../Blocking.ts"
import * as Clustering from "../Clustering.ts"
import * as Comparison from "../Comparison.ts"
import type { Profile } from "../Profile.ts"
import * as Scoring from "../Scoring.ts"
import type { Settings } from "../Settings.ts"
import * as Memory from "./memory.ts"
import { compareStrings } from "./order.ts"
import { PairIds } from "./pairs.ts"

/** Record-key constraints from the user. */
export interface Constraints {
  readonly never?: ReadonlyArray<readonly [string, string]>
  readonly always?: ReadonlyArray<ReadonlyArray<string>>
}

export interface EngineCluster {
  /** Input indexes, in record-key order. */
  readonly records: ReadonlyArray<number>
  readonly match: ReadonlyArray<MatchEvidence>
}

export interface EngineReview {
  /** Input indexes of the two records, in record-key order. */
  readonly records: readonly [number, number]
  readonly evidence: MatchEvidence
}

export interface EngineStats {
  readonly records: number
  readonly compared: number
  readonly accepted: number
  readonly refused: number
  readonly ambiguous: number
  readonly skippedBlocks: number
  readonly constraintConflicts: number
  /** Constraint entries naming no record of the input. */
  readonly unknownConstraintRecords: number
}

export interface EngineResult {
  readonly clusters: ReadonlyArray<EngineCluster>
  readonly review: ReadonlyArray<EngineReview>
  readonly stats: EngineStats
  readonly model: Scoring.Model
  /** Candidate pairs as input indexes (when asked for). */
  readonly candidates?: ReadonlyArray<readonly [number, number]>
}

export interface EngineOptions {
  readonly settings: Settings
  readonly constraints?: Constraints
  readonly keepCandidates?: boolean
}

const bitsFor = (p: number): number => {
  const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12)
  return Math.log2(q / (1 - q))
}

const round = (p: number): number => Math.round(p * 1000) / 1000

/** Input order -> record-key order; ties (the same key twice) fall back to the record's content. */
const orderOf = (records: ReadonlyArray<SourceRecord>, keys: ReadonlyArray<string>): Array<number> => {
  const order = records.map((_, i) => i).sort((i, j) => compareStrings(keys[i]!, keys[j]!))
  for (let s = 0; s < order.length; ) {
    let e = s + 1
    while (e < order.length && keys[order[e]!] === keys[order[s]!]) e++
    if (e - s > 1) {
      const tie = order.slice(s, e).map((i) => [JSON.stringify(records[i]), i] as const)
      tie.sort((x, y) => compareStrings(x[0], y[0]))
      tie.forEach(([, i], k) => {
        order[s + k] = i
      })
    }
    s = e
  }
  return order
}

interface CandidateEdge extends Clustering.Edge {
  readonly k: number
}

/** Runs the whole resolution. `profiles[i]` is the profile of `records[i]`. */
export const run = (
  records: ReadonlyArray<SourceRecord>,
  inputProfiles: ReadonlyArray<Profile>,
  options: EngineOptions,
): EngineResult => {
  const settings = options.settings
  const n = records.length
  const order = orderOf(
    records,
    inputProfiles.map((p) => p.key),
  )
  const profiles = order.map((i) => inputProfiles[i]!)
  const ctx = Scoring.context(profiles)
  const cand = Blocking.candidates(profiles, settings.blocking, settings.maxBlock)
  const C = settings.comparisons.length
  // The per-pair arrays share one buffer, blocking's spare one when it is big enough (it is, by
  // far): at a million records that saves 170 MB.
  const perPairBytes = cand.count * (8 + 8 + C + 1)
  const perPair = cand.spare.byteLength >= perPairBytes ? cand.spare.buffer : Memory.buffer(perPairBytes)
  const tfBits = new Float64Array(perPair, 0, cand.count)
  const bits = new Float64Array(perPair, 8 * cand.count, cand.count)
  const levels = new Uint8Array(perPair, 16 * cand.count, cand.count * C)
  // Read before it is written (only vetoes are marked): cleared of blocking's leftovers.
  const vetoed = new Uint8Array(perPair, (16 + C) * cand.count, cand.count).fill(0)
  // The priors' model holds the value counts; a pair's term-frequency bits are fixed by its levels
  // and those counts, whatever training makes of m and u, so they are computed with the levels.
  const base = Scoring.fromPriors(settings, profiles)
  for (let k = 0; k < cand.count; k++) {
    const p = Comparison.pair(profiles[cand.a[k]!]!, profiles[cand.b[k]!]!)
    Scoring.levelsOf(settings.comparisons, p, ctx, levels, k * C)
    tfBits[k] = Scoring.tfBitsOf(base, p, levels, k * C)
  }
  // `bits` is filled only after training: until then it is training's working space.
  const model = Scoring.train(base, profiles, ctx, cand, levels, tfBits, bits)
  const reviewBits = bitsFor(settings.reviewThreshold)
  // A pair backed by the names alone: no other comparison gives evidence for it. A value several
  // people hold (a household's address, landline or mailbox) does not tell namesakes among them
  // apart (a father and son at one address), so it leaves the pair backed by the names alone.
  const nameFields = new Set(["given", "family", "generation"])
  const nameOnly = (k: number): boolean => {
    for (let c = 0; c < C; c++) {
      const comparison = model.comparisons[c]!
      if (nameFields.has(comparison.field)) continue
      const l = levels[k * C + c]!
      if (comparison.levels[l]!.when.kind === "shared") continue
      if (model.weights[c]![l]! > 0) return false
    }
    return true
  }
  // Each edge carries its candidate's number, for the levels behind its explanation.
  const edges: Array<CandidateEdge> = []
  // Every candidate's score, for lookups while clustering (typed arrays: no object per pair).
  for (let k = 0; k < cand.count; k++) {
    const a = cand.a[k]!
    const b = cand.b[k]!
    const score = Scoring.levelBits(model, levels, k * C) + tfBits[k]!
    const veto = Scoring.vetoed(model, levels, k * C)
    bits[k] = score
    if (veto) vetoed[k] = 1
    if (!veto && score >= reviewBits) {
      edges.push({ a, b, bits: score, nameOnly: nameOnly(k), k })
    }
  }
  // Candidates come out by first index ascending: row x is rowStart[x] until rowStart[x + 1].
  const rowStart = Memory.int32(n + 1)
  for (let k = 0; k < cand.count; k++) rowStart[cand.a[k]! + 1]!++
  for (let x = 0; x < n; x++) rowStart[x + 1]! += rowStart[x]!
  // Pairs clustering asks about that blocking never paired, scored once (at 1M records, 2.6M).
  const extraIds = new PairIds(1024)
  let extraBits = Memory.float64(1024)
  const scratch = new Uint8Array(C)
  /** A pair's bits, -Infinity when vetoed. */
  const score = (i: number, j: number): number => {
    const x = Math.min(i, j)
    const y = Math.max(i, j)
    // Row x's partners are ascending: a binary search finds y among them.
    let lo = rowStart[x]!
    let hi = rowStart[x + 1]! - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const b = cand.b[mid]!
      if (b === y) return vetoed[mid] === 1 ? Number.NEGATIVE_INFINITY : bits[mid]!
      if (b < y) lo = mid + 1
      else hi = mid - 1
    }
    const known = extraIds.find(x, y)
    if (known !== -1) return extraBits[known]!
    // Into one reused level buffer: a typed array per pair costs more than scoring it.
    const p = Comparison.pair(profiles[x]!, profiles[y]!)
    Scoring.levelsOf(model.comparisons, p, ctx, scratch, 0)
    const s = Scoring.bitsOf(model, p, scratch, 0)
    const id = extraIds.idOf(x, y)
    if (id === extraBits.length) {
      const next = Memory.float64(extraBits.length * 2)
      next.set(extraBits)
      extraBits = next
    }
    extraBits[id] = s.veto ? Number.NEGATIVE_INFINITY : s.bits
    return extraBits[id]!
  }

  // Constraints name record keys (or `file#record`, matching that locator in any source).
  const byKey = new Map<string, Array<number>>()
  const index = (k: string, i: number) => {
    const list = byKey.get(k)
    if (list) list.push(i)
    else byKey.set(k, [i])
  }
  // Only when there are constraints to look up: at a million records the index is two million keys.
  const constrained =
    (options.constraints?.never?.length ?? 0) + (options.constraints?.always?.length ?? 0) > 0
  if (constrained)
    profiles.forEach((p, i) => {
      index(p.key, i)
      const colon = p.key.indexOf(":")
      if (colon >= 0) index(p.key.slice(colon + 1), i)
    })
  let unknownConstraintRecords = 0
  const lookup = (k: string): ReadonlyArray<number> => {
    const found = byKey.get(k.trim())
    if (found === undefined) unknownConstraintRecords++
    return found ?? []
  }
  const never: Array<readonly [number, number]> = []
  for (const [x, y] of options.constraints?.never ?? []) {
    const xs = lookup(x)
    const ys = lookup(y)
    for (const i of xs) for (const j of ys) never.push([i, j])
  }
  const always = (options.constraints?.always ?? []).map((g) => g.flatMap(lookup))

  const result = Clustering.cluster(n, edges, score, {
    thresholdBits: bitsFor(settings.threshold),
    reviewBits,
    ambiguityBits: 3,
    never,
    always,
  })

  const evidence = (e: Clustering.Edge): MatchEvidence => {
    const k = (e as Partial<CandidateEdge>).k
    const a = profiles[e.a]!
    const b = profiles[e.b]!
    let reason: string
    if (k !== undefined) reason = Scoring.explain(model, a, b, levels, k * C)
    else reason = Scoring.explain(model, a, b, Scoring.score(model, ctx, a, b).levels)
    return { records: [a.key, b.key], score: round(Scoring.probability(e.bits)), reason }
  }
  const clusters: Array<EngineCluster> = result.clusters.map((members, c) => ({
    records: members.map((i) => order[i]!),
    match: result.joins[c]!.map(evidence).sort(
      (e, f) =>
        f.score - e.score ||
        compareStrings(e.records[0], f.records[0]) ||
        compareStrings(e.records[1], f.records[1]),
    ),
  }))
  const review: Array<EngineReview> = result.review.map((e) => ({
    records: [order[e.a]!, order[e.b]!] as const,
    evidence: evidence(e),
  }))
  const candidates: Array<readonly [number, number]> | undefined = options.keepCandidates
    ? Array.from({ length: cand.count }, (_, k) => [order[cand.a[k]!]!, order[cand.b[k]!]!] as const)
    : undefined
  return {
    clusters,
    review,
    stats: {
      records: n,
      compared: cand.count,
      accepted: result.stats.accepted,
      refused: result.stats.refused,
      ambiguous: result.stats.ambiguous,
      skippedBlocks: cand.skippedBlocks,
      constraintConflicts: result.stats.constraintConflicts,
      unknownConstraintRecords,
    },
    model,
    ...(candidates !== undefined ? { candidates } : {}),
  }
}
