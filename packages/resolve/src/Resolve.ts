/**
 * Identity resolution: which SourceRecords are one person.
 *
 * 1. Blocking (`Blocking`): records are compared only when they share a cheap key: an e-mail,
 *    its user name, a phone's last digits, a handle or profile, a document number, nickname
 *    group + family name, family-name sound + initial, the name pair in either order, birthday +
 *    initial, an address, an organisation word.
 * 2. Comparison (`Comparison`, `ComparisonLibrary`): each field of a pair falls in one ordered
 *    level (exact, nickname, Jaro-Winkler bands, initial, missing, conflicting...).
 * 3. Scoring (`Scoring`): Fellegi-Sunter weights log2(m/u) per level, u from random pairs and
 *    m by expectation-maximisation on the data itself (no labels), with term-frequency
 *    adjustment (a rare family name or personal domain counts more), shared values (a family
 *    mailbox or landline) counting little and role addresses (info@) nothing; different Twitter
 *    accounts, LinkedIn profiles or generations veto a merge.
 * 4. Clustering (`Clustering`): strongest pairs first, joining two clusters only when all of
 *    them agree (no chaining through one weak link); never-merge / always-merge constraints by
 *    record key; pairs in the uncertain band are listed as possible duplicates.
 *
 * Deterministic: records are ordered by key first, so any input order gives the same clusters.
 *
 * This module is where two records become one contact: `resolveProfiles` is the one entry point
 * of that pipeline (blocking -> comparison -> scoring -> clustering) over prepared profiles, and
 * `Clustering` makes the joins it decides on. `resolve` calls it for bare records; `Book.build`
 * calls it with the profiles it has already read for "me" detection.
 *
 * @since 0.1.0
 */

import type { Evidence, MatchEvidence } from "@blackbook/model/Contact"
import type { SourceRecord } from "@blackbook/model/SourceRecord"
import { type Result, Schema } from "effect"
import * as Blocking from "./Blocking.ts"
import * as Clustering from "./Clustering.ts"
import * as Comparison from "./Comparison.ts"
import * as Memory from "./internal/memory.ts"
import { compareStrings } from "./internal/order.ts"
import { PairIds } from "./internal/pairs.ts"
import * as Profile from "./Profile.ts"
import * as Scoring from "./Scoring.ts"
import * as Settings from "./Settings.ts"

/**
 * User constraints by record key (`source:file#record`, as in `match.records` and `from`), or by
 * `file#record` (that locator in any source): `never` lists pairs of records that must never be
 * in one contact, `always` groups of records that must be one contact (a never-merge pair still
 * wins). The same shape is the constraints file (`blackbook merge --constraints FILE`):
 * `{"never": [["a", "b"]], "always": [["a", "b", "c"]]}`, both optional.
 *
 * @category models
 * @since 0.2.0
 */
export const Constraints = Schema.Struct({
  never: Schema.optionalKey(Schema.Array(Schema.Tuple([Schema.String, Schema.String]))),
  always: Schema.optionalKey(Schema.Array(Schema.Array(Schema.String))),
})

/** @category models @since 0.2.0 */
export type Constraints = typeof Constraints.Type

const decodeConstraints = Schema.decodeUnknownResult(Schema.fromJsonString(Constraints))

/**
 * Reads a constraints file's text; fails with a SchemaError naming every bad path.
 *
 * @category decoding
 * @since 0.2.0
 */
export const constraintsFromJson = (text: string): Result.Result<Constraints, Schema.SchemaError> =>
  decodeConstraints(text, { errors: "all", onExcessProperty: "error" })

/**
 * What the pipeline takes besides the records and their profiles.
 *
 * @category models
 * @since 0.3.0
 */
export interface PipelineOptions {
  /** Settings (comparisons, blocking, thresholds, priors); default `Settings.defaults`. */
  readonly settings?: Settings.Settings
  /** Shorthand for `settings.threshold`: minimum match probability for a merge. */
  readonly threshold?: number
  /** Shorthand for `settings.maxBlock`: blocking keys held by more records are skipped. */
  readonly maxBlock?: number
  readonly constraints?: Constraints
  /** Also return the candidate pairs blocking produced (for measuring blocking recall). */
  readonly keepCandidates?: boolean
  /**
   * A trained model (its term frequencies included) to score with instead of training one on
   * these records: an incremental import resolves a part of a book with the model and the value
   * counts of the whole book.
   */
  readonly model?: Scoring.Model
}

/** @category models @since 0.1.0 */
export interface ResolveOptions extends PipelineOptions {
  /**
   * ISO 3166 region for phone numbers written without a country code; when absent, the region
   * most of the records' international numbers belong to.
   */
  readonly region?: string
}

/** @category models @since 0.1.0 */
export interface Cluster {
  /** Indexes into the input array, ordered by record key. */
  readonly records: ReadonlyArray<number>
  /** The pairs that joined the cluster, strongest first. */
  readonly match: ReadonlyArray<MatchEvidence>
}

/**
 * Two records left apart whose match probability falls in the uncertain band (or whose join
 * clustering refused): worth a look. Record-level: `Book` turns each into a contact-level
 * `Book.PossibleDuplicate`.
 *
 * @category models
 * @since 0.3.0
 */
export interface ReviewPair {
  /** Indexes into the input array. */
  readonly records: readonly [number, number]
  readonly evidence: MatchEvidence
}

/** @category models @since 0.1.0 */
export interface Resolution {
  /** Every input record in exactly one cluster; clusters ordered by their smallest record key. */
  readonly clusters: ReadonlyArray<Cluster>
  /** Possible duplicates, strongest first, one per pair of clusters. */
  readonly review: ReadonlyArray<ReviewPair>
  readonly stats: {
    /** Candidate pairs scored. */
    readonly compared: number
    /** Pairs at or above the threshold. */
    readonly accepted: number
    /** Joins refused because the clusters disagree (a veto, or more evidence against than for). */
    readonly refused: number
    /** Weak pairs left apart because one side also matched an incompatible cluster. */
    readonly ambiguous: number
    /** Blocking keys skipped for holding more than `maxBlock` records. */
    readonly skippedBlocks: number
    /** Always-merge links dropped because a never-merge pair forbids them. */
    readonly constraintConflicts: number
    /** Constraint entries that name no input record. */
    readonly unknownConstraintRecords: number
  }
  /** The trained model (comparisons with estimated m and u, prior). */
  readonly model: Scoring.Model
  /** Candidate pairs as input indexes, when `keepCandidates` is set. */
  readonly candidates?: ReadonlyArray<readonly [number, number]>
}

/**
 * `compare`'s verdict on one pair: its score rounded for people, the explanation, and whether it
 * would merge. (`Scoring.PairScore` is the raw score it is made from.)
 *
 * @category models
 * @since 0.3.0
 */
export interface PairVerdict {
  /** Match probability, 0..1. */
  readonly score: number
  /** Score in bits (log2 odds). */
  readonly bits: number
  readonly reason: string
  /** The evidence as data: comparison, level and bits of each non-null level (`Scoring.explanation`). */
  readonly evidence: ReadonlyArray<Evidence>
  /** Whether the pair passes the threshold on its own (clustering may still refuse it). */
  readonly accepted: boolean
  /** Set when a veto level forbids the merge. */
  readonly conflict?: string
}

/**
 * The settings an options object asks for.
 *
 * @category constructors
 * @since 0.2.0
 */
export const settingsOf = (options: PipelineOptions = {}): Settings.Settings => {
  const base = options.settings ?? Settings.defaults
  return {
    ...base,
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
    ...(options.maxBlock !== undefined ? { maxBlock: options.maxBlock } : {}),
  }
}

/**
 * Scores one pair on its own, with the model's priors (no data to learn from), for explanations
 * and tests.
 *
 * @category comparisons
 * @since 0.1.0
 */
export const compare = (a: SourceRecord, b: SourceRecord, options: ResolveOptions = {}): PairVerdict => {
  const settings = settingsOf(options)
  const region = options.region ?? Profile.dominantRegion([a, b])
  const pa = Profile.make(a, region)
  const pb = Profile.make(b, region)
  const model = Scoring.fromPriors(settings, [pa, pb])
  const ctx = Scoring.context([pa, pb], settings.shared)
  // Symmetric: the pair is always scored in record-key order.
  const [x, y] = pa.key <= pb.key ? [pa, pb] : [pb, pa]
  const s = Scoring.score(model, ctx, x, y)
  const { reason, evidence } = Scoring.explanation(model, x, y, s.levels)
  // The conflict is the first veto level the pair fell in, described on its own.
  const p = Comparison.pair(x, y)
  const veto = model.comparisons.findIndex((c, i) => c.levels[s.levels[i]!]!.veto === true)
  const vetoText = veto >= 0 ? Comparison.describe(model.comparisons[veto]!, s.levels[veto]!, p) : ""
  const conflict = vetoText !== "" ? vetoText : undefined
  return {
    score: Math.round(s.probability * 1000) / 1000,
    bits: s.bits,
    reason,
    evidence,
    accepted: !s.veto && s.probability >= settings.threshold,
    ...(conflict !== undefined ? { conflict } : s.veto ? { conflict: reason } : {}),
  }
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

/**
 * The one entry point of the pipeline: blocking, comparison levels, training, scoring and
 * clustering over prepared profiles (`profiles[i]` is the profile of `records[i]`, read with one
 * `Profile.reader`). Pure and deterministic. `resolve` reads the profiles for you; `Book.build`
 * passes the ones it has already read.
 *
 * @category resolution
 * @since 0.3.0
 */
export const resolveProfiles = (
  records: ReadonlyArray<SourceRecord>,
  inputProfiles: ReadonlyArray<Profile.Profile>,
  options: PipelineOptions = {},
): Resolution => {
  const settings = settingsOf(options)
  const n = records.length
  const order = orderOf(
    records,
    inputProfiles.map((p) => p.key),
  )
  const profiles = order.map((i) => inputProfiles[i]!)
  const ctx = Scoring.context(profiles, settings.shared)
  const cand = Blocking.candidates(profiles, settings.blocking, settings.maxBlock)
  const C = settings.comparisons.length
  // The per-pair arrays share one buffer, blocking's spare one when it is big enough (it is, by
  // far): a buffer of their own would add to the peak.
  const perPairBytes = cand.count * (8 + 8 + C + 1)
  const perPair = cand.spare.byteLength >= perPairBytes ? cand.spare.buffer : Memory.buffer(perPairBytes)
  const tfBits = new Float64Array(perPair, 0, cand.count)
  const bits = new Float64Array(perPair, 8 * cand.count, cand.count)
  const levels = new Uint8Array(perPair, 16 * cand.count, cand.count * C)
  // Read before it is written (only vetoes are marked): cleared of blocking's leftovers.
  const vetoed = new Uint8Array(perPair, (16 + C) * cand.count, cand.count).fill(0)
  // The priors' model holds the value counts; a pair's term-frequency bits are fixed by its levels
  // and those counts, whatever training makes of m and u, so they are computed with the levels.
  const base = options.model ?? Scoring.fromPriors(settings, profiles)
  for (let k = 0; k < cand.count; k++) {
    const p = Comparison.pair(profiles[cand.a[k]!]!, profiles[cand.b[k]!]!)
    Scoring.levelsOf(settings.comparisons, p, ctx, levels, k * C)
    tfBits[k] = Scoring.tfBitsOf(base, p, levels, k * C)
  }
  // `bits` is filled only after training: until then it is training's working space.
  const model = options.model ?? Scoring.train(base, profiles, ctx, cand, levels, tfBits, bits)
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
    const score =
      Scoring.levelBits(model, levels, k * C) +
      tfBits[k]! +
      Scoring.pairPriorBits(model, profiles[a]!, profiles[b]!)
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
  // Pairs clustering asks about that blocking never paired, scored once (in typed arrays: on a big
  // import they are too many for a map).
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
    // Nothing to compare (every level null): the prior itself, which clustering leaves out.
    extraBits[id] = s.veto
      ? Number.NEGATIVE_INFINITY
      : scratch.every((l) => l === 0)
        ? model.priorBits
        : s.bits
    return extraBits[id]!
  }

  // Constraints name record keys (or `file#record`, matching that locator in any source).
  const byKey = new Map<string, Array<number>>()
  const index = (k: string, i: number) => {
    const list = byKey.get(k)
    if (list) list.push(i)
    else byKey.set(k, [i])
  }
  // Only when there are constraints to look up: the index holds two keys per record.
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
    priorBits: model.priorBits,
    ambiguityBits: settings.clustering.ambiguityBits,
    maxPairBits: settings.clustering.maxPairBits,
    never,
    always,
  })

  const evidence = (e: Clustering.Edge): MatchEvidence => {
    const k = (e as Partial<CandidateEdge>).k
    const a = profiles[e.a]!
    const b = profiles[e.b]!
    const { reason, evidence } =
      k !== undefined
        ? Scoring.explanation(model, a, b, levels, k * C)
        : Scoring.explanation(model, a, b, Scoring.score(model, ctx, a, b).levels)
    return { records: [a.key, b.key], score: round(Scoring.probability(e.bits)), reason, evidence }
  }
  const clusters: Array<Cluster> = result.clusters.map((members, c) => ({
    records: members.map((i) => order[i]!),
    match: result.joins[c]!.map(evidence).sort(
      (e, f) =>
        f.score - e.score ||
        compareStrings(e.records[0], f.records[0]) ||
        compareStrings(e.records[1], f.records[1]),
    ),
  }))
  const review: Array<ReviewPair> = result.review.map((e) => ({
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

/**
 * Groups records into people. Pure and deterministic.
 *
 * @category resolution
 * @since 0.1.0
 */
export const resolve = (records: ReadonlyArray<SourceRecord>, options: ResolveOptions = {}): Resolution => {
  const region = options.region ?? Profile.dominantRegion(records)
  return resolveProfiles(records, records.map(Profile.reader(region)), options)
}
