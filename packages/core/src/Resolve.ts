/**
 * Identity resolution v1: which SourceRecords are one person.
 *
 * 1. Blocking: an inverted index from identity keys (canonical e-mail unless a role address,
 *    E.164 phone, `service:handle`, Twitter id, LinkedIn slug, and nickname group + family name)
 *    to records. Only records sharing a key are compared; a key held by more than `maxBlock`
 *    records (a switchboard, a shared mailbox) is skipped, so the cost stays near-linear.
 * 2. Scoring: each candidate pair gets a score in 0..1 and one sentence of evidence; hard
 *    conflicts (different LinkedIn profiles, Twitter ids, birthdays, Jr vs Sr, clearly different
 *    names) score 0.
 * 3. Clustering without chaining: accepted pairs are applied strongest first (pairs backed by
 *    an identifier before name-only ones), and a union is refused when any two records it would
 *    bring together conflict. A name-only pair is also refused when one side matches, by name
 *    only, a namesake that cannot live with the other side: the record joins neither.
 *
 * Deterministic: records are ordered by key first, so any input order gives the same clusters.
 *
 * @since 0.1.0
 */
import type { MatchEvidence } from "./Contact.ts"
import * as Clustering from "./internal/cluster.ts"
import * as Compare from "./internal/compare.ts"
import * as Profile from "./internal/profile.ts"
import type { SourceRecord } from "./SourceRecord.ts"

/** @category models @since 0.1.0 */
export interface ResolveOptions {
  /**
   * ISO 3166 region for phone numbers written without a country code; when absent, the region
   * most of the records' international numbers belong to.
   */
  readonly region?: string
  /** Minimum score for a merge (default 0.85). */
  readonly threshold?: number
  /** Blocks with more records than this are skipped (default 50). */
  readonly maxBlock?: number
}

/** @category models @since 0.1.0 */
export interface Cluster {
  /** Indexes into the input array, ordered by record key. */
  readonly records: ReadonlyArray<number>
  /** The accepted pairs that joined the cluster, strongest first. */
  readonly match: ReadonlyArray<MatchEvidence>
}

/** @category models @since 0.1.0 */
export interface Resolution {
  /** Every input record in exactly one cluster; clusters ordered by their smallest record key. */
  readonly clusters: ReadonlyArray<Cluster>
  readonly stats: {
    /** Candidate pairs scored. */
    readonly compared: number
    /** Pairs at or above the threshold. */
    readonly accepted: number
    /** Accepted pairs whose union was refused because it would join conflicting records. */
    readonly refused: number
    /** Name-only pairs left apart because one side also matched a namesake by name only. */
    readonly ambiguous: number
    /** Blocking keys skipped for holding more than `maxBlock` records. */
    readonly skippedBlocks: number
  }
}

/** @category models @since 0.1.0 */
export interface PairScore {
  readonly score: number
  readonly reason: string
  /** Whether the pair passes the threshold on its own (clustering may still refuse it). */
  readonly accepted: boolean
  /** Set when a hard conflict forbids the merge. */
  readonly conflict?: string
}

/**
 * Scores one pair of records exactly as `resolve` does, for explanations and tests.
 *
 * @category comparisons
 * @since 0.1.0
 */
export const compare = (a: SourceRecord, b: SourceRecord, options: ResolveOptions = {}): PairScore => {
  const region = options.region ?? Profile.dominantRegion([a, b])
  const c = Compare.compare(Profile.make(a, region), Profile.make(b, region))
  return {
    score: c.score,
    reason: c.reason,
    accepted: c.score >= (options.threshold ?? Clustering.defaults.threshold),
    ...(c.conflict !== undefined ? { conflict: c.conflict } : {}),
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
  return Clustering.cluster(
    records,
    records.map((r) => Profile.make(r, region)),
    {
      threshold: options.threshold ?? Clustering.defaults.threshold,
      maxBlock: options.maxBlock ?? Clustering.defaults.maxBlock,
    },
  )
}
