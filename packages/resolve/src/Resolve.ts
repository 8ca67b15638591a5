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
 * @since 0.1.0
 */

import type { MatchEvidence } from "@blackbook/model/Contact"
import type { SourceRecord } from "@blackbook/model/SourceRecord"
import { type Result, Schema } from "effect"
import * as Engine from "./internal/engine.ts"
import * as Profile from "./Profile.ts"
import * as Scoring from "./Scoring.ts"
import * as Settings from "./Settings.ts"

/**
 * User constraints by record key (`source:file#record`, as in `match.records` and `from`), or by
 * `file#record` (that locator in any source).
 *
 * @category models
 * @since 0.2.0
 */
export interface Constraints {
  /** Pairs of records that must never be in one contact. */
  readonly never?: ReadonlyArray<readonly [string, string]>
  /** Groups of records that must be one contact (a never-merge pair still wins). */
  readonly always?: ReadonlyArray<ReadonlyArray<string>>
}

/**
 * The constraints file (`blackbook merge --constraints FILE`): `{"never": [["a", "b"]],
 * "always": [["a", "b", "c"]]}`, both optional.
 *
 * @category models
 * @since 0.2.0
 */
export const ConstraintsJson = Schema.Struct({
  never: Schema.optionalKey(Schema.Array(Schema.Tuple([Schema.String, Schema.String]))),
  always: Schema.optionalKey(Schema.Array(Schema.Array(Schema.String))),
})

const decodeConstraints = Schema.decodeUnknownResult(Schema.fromJsonString(ConstraintsJson))

/**
 * Reads a constraints file's text; fails with a SchemaError naming every bad path.
 *
 * @category decoding
 * @since 0.2.0
 */
export const constraintsFromJson = (text: string): Result.Result<Constraints, Schema.SchemaError> =>
  decodeConstraints(text, { errors: "all", onExcessProperty: "error" })

/** @category models @since 0.1.0 */
export interface ResolveOptions {
  /**
   * ISO 3166 region for phone numbers written without a country code; when absent, the region
   * most of the records' international numbers belong to.
   */
  readonly region?: string
  /** Settings (comparisons, blocking, thresholds, priors); default `Settings.defaults`. */
  readonly settings?: Settings.Settings
  /** Shorthand for `settings.threshold`: minimum match probability for a merge. */
  readonly threshold?: number
  /** Shorthand for `settings.maxBlock`: blocking keys held by more records are skipped. */
  readonly maxBlock?: number
  readonly constraints?: Constraints
  /** Also return the candidate pairs blocking produced (for measuring blocking recall). */
  readonly keepCandidates?: boolean
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
 * clustering refused): worth a look.
 *
 * @category models
 * @since 0.2.0
 */
export interface PossibleDuplicate {
  /** Indexes into the input array. */
  readonly records: readonly [number, number]
  readonly evidence: MatchEvidence
}

/** @category models @since 0.1.0 */
export interface Resolution {
  /** Every input record in exactly one cluster; clusters ordered by their smallest record key. */
  readonly clusters: ReadonlyArray<Cluster>
  /** Possible duplicates, strongest first, one per pair of clusters. */
  readonly review: ReadonlyArray<PossibleDuplicate>
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

/** @category models @since 0.1.0 */
export interface PairScore {
  /** Match probability, 0..1. */
  readonly score: number
  /** Score in bits (log2 odds). */
  readonly bits: number
  readonly reason: string
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
export const settingsOf = (options: ResolveOptions = {}): Settings.Settings => {
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
export const compare = (a: SourceRecord, b: SourceRecord, options: ResolveOptions = {}): PairScore => {
  const settings = settingsOf(options)
  const region = options.region ?? Profile.dominantRegion([a, b])
  const pa = Profile.make(a, region)
  const pb = Profile.make(b, region)
  const model = Scoring.fromPriors(settings, [pa, pb])
  const ctx = Scoring.context([pa, pb])
  // Symmetric: the pair is always scored in record-key order.
  const [x, y] = pa.key <= pb.key ? [pa, pb] : [pb, pa]
  const s = Scoring.score(model, ctx, x, y)
  const reason = Scoring.explain(model, x, y, s.levels)
  const vetoed = model.comparisons.flatMap((c, i) => {
    const level = c.levels[s.levels[i]!]!
    return level.veto === true ? [c] : []
  })
  const conflict = vetoed.length > 0 ? reason.split("; ").find((t) => /^different /.test(t)) : undefined
  return {
    score: Math.round(s.probability * 1000) / 1000,
    bits: s.bits,
    reason,
    accepted: !s.veto && s.probability >= settings.threshold,
    ...(conflict !== undefined ? { conflict } : s.veto ? { conflict: reason } : {}),
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
  const r = Engine.run(records, records.map(Profile.reader(region)), {
    settings: settingsOf(options),
    ...(options.constraints !== undefined ? { constraints: options.constraints } : {}),
    ...(options.keepCandidates === true ? { keepCandidates: true } : {}),
  })
  return {
    clusters: r.clusters,
    review: r.review.map((x) => ({ records: x.records, evidence: x.evidence })),
    stats: {
      compared: r.stats.compared,
      accepted: r.stats.accepted,
      refused: r.stats.refused,
      ambiguous: r.stats.ambiguous,
      skippedBlocks: r.stats.skippedBlocks,
      constraintConflicts: r.stats.constraintConflicts,
      unknownConstraintRecords: r.stats.unknownConstraintRecords,
    },
    model: r.model,
    ...(r.candidates !== undefined ? { candidates: r.candidates } : {}),
  }
}
