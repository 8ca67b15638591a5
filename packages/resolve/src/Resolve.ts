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
import { fileNumbers } from "./internal/files.ts"
import * as Identical from "./internal/identical.ts"
import * as Memory from "./internal/memory.ts"
import { compareStrings } from "./internal/order.ts"
import { PairIds } from "./internal/pairs.ts"
import * as Profile from "./Profile.ts"
import * as Scoring from "./Scoring.ts"
import * as Settings from "./Settings.ts"
import * as Steps from "./Steps.ts"

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
    /**
     * Records with the same content as an earlier record of their file (a card or row repeated):
     * resolved once, through that record, and put in its cluster.
     */
    readonly identical: number
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

/**
 * One copy of each evidence entry (comparison, level, bits): the book keeps every pair's evidence,
 * an entry per comparison with evidence, and a few hundred entries recur across all the pairs
 * (whole lists and reasons mostly differ, by the values they name and the rare-name bits).
 */
class EvidenceEntries {
  // By comparison, level and bits (the comparisons' and levels' names are the model's own texts).
  private readonly entries = new Map<string, Map<string, Map<number, Evidence>>>()
  /** The list with each entry replaced by its shared copy (entries are read-only). */
  shared(list: ReadonlyArray<Evidence>): ReadonlyArray<Evidence> {
    const out: Array<Evidence> = []
    for (const x of list) {
      let byLevel = this.entries.get(x.comparison)
      if (byLevel === undefined) {
        byLevel = new Map()
        this.entries.set(x.comparison, byLevel)
      }
      let byBits = byLevel.get(x.level)
      if (byBits === undefined) {
        byBits = new Map()
        byLevel.set(x.level, byBits)
      }
      let known = byBits.get(x.bits)
      if (known === undefined) {
        known = x
        byBits.set(x.bits, x)
      }
      out.push(known)
    }
    return out
  }
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
): Resolution => Steps.runSync(resolveProfilesSteps(records, inputProfiles, options))

/**
 * `resolveProfiles` cut into steps (see `Steps`): the same work and result, with the stages
 * blocking, comparing, training, scoring and clustering reported on the way.
 *
 * @category resolution
 * @since 0.3.0
 */
export function* resolveProfilesSteps(
  records: ReadonlyArray<SourceRecord>,
  inputProfiles: ReadonlyArray<Profile.Profile>,
  options: PipelineOptions = {},
): Steps.Steps<Resolution> {
  // A card or row repeated in one file is resolved once (see `internal/identical`). Records a
  // constraint names keep their own say, and records with nothing to tell a person by stay apart.
  const named = new Set(
    [...(options.constraints?.never ?? []).flat(), ...(options.constraints?.always ?? []).flat()].map((k) =>
      k.trim(),
    ),
  )
  const groups = yield* Identical.group(records, (i) => {
    const p = inputProfiles[i]!
    if ((p.present & identifying) === 0) return false
    return named.size === 0 || !(named.has(p.key) || named.has(p.key.slice(p.key.indexOf(":") + 1)))
  })
  if (groups.doubles === 0) {
    const resolution = yield* pipeline(records, inputProfiles, options)
    return { ...resolution, stats: { ...resolution.stats, identical: 0 } }
  }
  const kept: Array<number> = []
  for (let i = 0; i < records.length; i++) if (groups.representative[i] === i) kept.push(i)
  const resolution = yield* pipeline(
    kept.map((i) => records[i]!),
    kept.map((i) => inputProfiles[i]!),
    options,
  )
  return withDoubles(resolution, kept, groups, inputProfiles)
}

/** The fields that can tell a person: a record with none of them is not grouped with its doubles. */
const identifying =
  Profile.fieldBits.given |
  Profile.fieldBits.family |
  Profile.fieldBits.email |
  Profile.fieldBits.phone |
  Profile.fieldBits.handle |
  Profile.fieldBits.twitterId |
  Profile.fieldBits.linkedin |
  Profile.fieldBits.document

/**
 * The resolution of the representatives (`kept[i]` is the input index of their i-th record) as
 * the resolution of every record: each record standing for others brings them into its cluster,
 * each joined by a match that says so.
 */
const withDoubles = (
  resolution: Omit<Resolution, "stats"> & { readonly stats: Omit<Resolution["stats"], "identical"> },
  kept: ReadonlyArray<number>,
  groups: Identical.Groups,
  profiles: ReadonlyArray<Profile.Profile>,
): Resolution => {
  const doublesOf = new Map<number, Array<number>>()
  groups.representative.forEach((r, i) => {
    if (r === i) return
    const list = doublesOf.get(r)
    if (list) list.push(i)
    else doublesOf.set(r, [i])
  })
  const byKey = (i: number, j: number) => compareStrings(profiles[i]!.key, profiles[j]!.key) || i - j
  const byScore = (e: MatchEvidence, f: MatchEvidence) =>
    f.score - e.score ||
    compareStrings(e.records[0], f.records[0]) ||
    compareStrings(e.records[1], f.records[1])
  const clusters = resolution.clusters.map((c) => {
    const records: Array<number> = []
    const match = [...c.match]
    for (const local of c.records) {
      const r = kept[local]!
      records.push(r)
      for (const d of doublesOf.get(r) ?? []) {
        records.push(d)
        const [x, y] = [profiles[r]!.key, profiles[d]!.key].sort(compareStrings) as [string, string]
        match.push({ records: [x, y], score: 1, reason: "identical records", evidence: [] })
      }
    }
    return { records: records.sort(byKey), match: match.sort(byScore) }
  })
  clusters.sort((c, d) => byKey(c.records[0]!, d.records[0]!))
  return {
    ...resolution,
    clusters,
    review: resolution.review.map((r) => ({
      ...r,
      records: [kept[r.records[0]]!, kept[r.records[1]]!] as const,
    })),
    stats: { ...resolution.stats, identical: groups.doubles },
    ...(resolution.candidates !== undefined
      ? { candidates: resolution.candidates.map(([a, b]) => [kept[a]!, kept[b]!] as const) }
      : {}),
  }
}

/** The pipeline itself, over records no two of which are one file's same record. */
function* pipeline(
  records: ReadonlyArray<SourceRecord>,
  inputProfiles: ReadonlyArray<Profile.Profile>,
  options: PipelineOptions,
): Steps.Steps<Omit<Resolution, "stats"> & { readonly stats: Omit<Resolution["stats"], "identical"> }> {
  const settings = settingsOf(options)
  const n = records.length
  const order = orderOf(
    records,
    inputProfiles.map((p) => p.key),
  )
  const profiles = order.map((i) => inputProfiles[i]!)
  const ctx = yield* Scoring.contextSteps(profiles, settings.shared)
  const cand = yield* Blocking.candidatesSteps(profiles, settings.blocking, settings.maxBlock)
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
  const base = options.model ?? (yield* Scoring.fromPriorsSteps(settings, profiles))
  for (let k = 0; k < cand.count; k++) {
    if ((k & 255) === 0) yield Steps.at("comparing", k, cand.count)
    const p = Comparison.pair(profiles[cand.a[k]!]!, profiles[cand.b[k]!]!)
    Scoring.levelsOf(settings.comparisons, p, ctx, levels, k * C)
    tfBits[k] = Scoring.tfBitsOf(base, p, levels, k * C)
  }
  yield Steps.at("comparing", cand.count, cand.count)
  // `bits` is filled only after training: until then it is training's working space.
  const model = options.model ?? (yield* Scoring.trainSteps(base, profiles, ctx, cand, levels, tfBits, bits))
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
  const { fileOf } = fileNumbers(profiles)
  // Each edge carries its candidate's number, for the levels behind its explanation.
  const edges: Array<CandidateEdge> = []
  // Every candidate's score, for lookups while clustering (typed arrays: no object per pair).
  for (let k = 0; k < cand.count; k++) {
    if ((k & 4095) === 0) yield Steps.at("scoring", k, cand.count)
    const a = cand.a[k]!
    const b = cand.b[k]!
    const score =
      Scoring.levelBits(model, levels, k * C) +
      tfBits[k]! +
      (fileOf[a] === fileOf[b] ? model.sameFileBits : 0)
    const veto = Scoring.vetoed(model, levels, k * C)
    bits[k] = score
    if (veto) vetoed[k] = 1
    if (!veto && score >= reviewBits) {
      edges.push({ a, b, bits: score, nameOnly: nameOnly(k), k })
    }
  }
  yield Steps.at("scoring", cand.count, cand.count)
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

  const result = yield* Clustering.clusterSteps(n, edges, score, {
    thresholdBits: bitsFor(settings.threshold),
    reviewBits,
    priorBits: model.priorBits,
    ambiguityBits: settings.clustering.ambiguityBits,
    maxPairBits: settings.clustering.maxPairBits,
    never,
    always,
  })

  const entries = new EvidenceEntries()
  const evidence = (e: Clustering.Edge): MatchEvidence => {
    const k = (e as Partial<CandidateEdge>).k
    const a = profiles[e.a]!
    const b = profiles[e.b]!
    const { reason, evidence } =
      k !== undefined
        ? Scoring.explanation(model, a, b, levels, k * C)
        : Scoring.explanation(model, a, b, Scoring.score(model, ctx, a, b).levels)
    return {
      records: [a.key, b.key],
      score: round(Scoring.probability(e.bits)),
      reason,
      evidence: entries.shared(evidence),
    }
  }
  const clusters: Array<Cluster> = []
  for (const [c, members] of result.clusters.entries()) {
    // Each join is explained: a pause now and then, nothing to report.
    if ((c & 255) === 0) yield
    clusters.push({
      records: members.map((i) => order[i]!),
      match: result.joins[c]!.map(evidence).sort(
        (e, f) =>
          f.score - e.score ||
          compareStrings(e.records[0], f.records[0]) ||
          compareStrings(e.records[1], f.records[1]),
      ),
    })
  }
  const review: Array<ReviewPair> = []
  for (const e of result.review) {
    if ((review.length & 255) === 0) yield
    review.push({ records: [order[e.a]!, order[e.b]!] as const, evidence: evidence(e) })
  }
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
