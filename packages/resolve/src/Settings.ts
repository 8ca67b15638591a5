/**
 * Resolution settings: comparisons, blocking rules, thresholds and the priors of the model, as
 * one plain value that round-trips through JSON (`toJson` / `fromJson`). `defaults` is what
 * `Resolve.resolve` and `Book.build` use; pass a modified copy to tune.
 *
 * @since 0.2.0
 */
import { type Result, Schema } from "effect"
import * as Blocking from "./Blocking.ts"
import { Comparison } from "./Comparison.ts"
import * as ComparisonLibrary from "./ComparisonLibrary.ts"

const Positive = Schema.Number.pipe(Schema.check(Schema.isGreaterThan(0)))
const Unit = Schema.Number.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 1 })))
const Count = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))

/**
 * @category models
 * @since 0.2.0
 */
export const Settings = Schema.Struct({
  comparisons: Schema.Array(Comparison),
  blocking: Schema.Array(Blocking.Rule),
  /** Keys held by more records than this are not used for blocking. */
  maxBlock: Count,
  /** Pairs with a match probability at least this are merged (when clustering agrees). */
  threshold: Unit,
  /** Pairs left apart with a probability at least this are listed as possible duplicates. */
  reviewThreshold: Unit,
  /**
   * The prior that two records are one person: each record has `duplicates` other records of the
   * same person on average, among at least `population` records (a small import is a sample of
   * a larger world: two "Jane"s in ten records are not the same person for that reason alone).
   * The prior is then split between pairs within one file and pairs across two by where the
   * expected matches fall, `splitPairs` matches' worth of the pairs' own shares as its prior.
   */
  prior: Schema.Struct({ duplicates: Positive, population: Count, splitPairs: Positive }),
  /** Expectation-maximisation of the m probabilities: rounds, and the weight of the priors in pairs. */
  em: Schema.Struct({ iterations: Count, priorPairs: Positive }),
  /**
   * u probabilities: random pairs sampled, the weight of the priors in pairs, and the fewest
   * pairs worth learning from (below it, in a small import, the priors are kept).
   */
  u: Schema.Struct({ sample: Count, priorPairs: Positive, minPairs: Count }),
  /**
   * Term frequencies: the weight of the prior in records (shrinks the counts of small imports)
   * and the largest adjustment in bits either way.
   */
  tf: Schema.Struct({ priorRecords: Positive, maxBits: Positive }),
  /**
   * Training: rounds of estimating u and m (each round after the first removes from u the true
   * matches hidden among the random pairs), and the seed that draws those random pairs.
   */
  training: Schema.Struct({ rounds: Count, seed: Schema.Int }),
  /**
   * The prior estimated from the data: rounds towards its fixed point, the weight in records of
   * `prior.duplicates` against the data's own estimate, and the most duplicates per record it may
   * reach.
   */
  priorEstimate: Schema.Struct({ rounds: Count, priorRecords: Positive, maxDuplicates: Positive }),
  /**
   * Clustering: a competing match within `ambiguityBits` of a name-only pair makes that pair
   * ambiguous; when two clusters are weighed for a join, each pair across them counts at most
   * `maxPairBits` either way (one overwhelming pair does not outvote all the others).
   */
  clustering: Schema.Struct({
    ambiguityBits: Schema.Number.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))),
    maxPairBits: Positive,
  }),
  /**
   * Shared values (a family landline, a team mailbox): a value is shared when its holders'
   * given names cannot be one person's, names being one person's when their Jaro-Winkler
   * similarity is at least `givenSimilarity`, or at least `swappedSimilarity` between one's given
   * and the other's family name (a name written the other way round).
   */
  shared: Schema.Struct({ givenSimilarity: Unit, swappedSimilarity: Unit }),
  /** Explanations: a term-frequency adjustment of at least `notableBits` is noted "(rare)" or "(common)". */
  explain: Schema.Struct({ notableBits: Positive }),
  /**
   * Identifiers: an exact unshared e-mail, phone, document or account weighs at least enough to
   * reach `bits` over the prior on its own; with two of them (an account counts as two), names
   * that disagree weigh at most `namesAgainst` bits against.
   */
  identifiers: Schema.Struct({ bits: Positive, namesAgainst: Positive }),
  /**
   * A full name held by one record per file: a pair of two of those records in two files gains
   * up to `bits` (0: never), see `Scoring.fullNameBits`.
   */
  fullName: Schema.Struct({ bits: Schema.Number.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))) }),
})
export type Settings = typeof Settings.Type

/**
 * The default settings: every comparison of `ComparisonLibrary.defaults`, every blocking rule.
 *
 * @category constants
 * @since 0.2.0
 */
export const defaults: Settings = {
  comparisons: ComparisonLibrary.defaults(),
  blocking: Blocking.defaults,
  maxBlock: 60,
  threshold: 0.85,
  reviewThreshold: 0.5,
  prior: { duplicates: 0.5, population: 1000, splitPairs: 20 },
  em: { iterations: 25, priorPairs: 20 },
  u: { sample: 100_000, priorPairs: 3000, minPairs: 5000 },
  tf: { priorRecords: 200, maxBits: 6 },
  training: { rounds: 2, seed: 20_240_601 },
  priorEstimate: { rounds: 8, priorRecords: 100, maxDuplicates: 10 },
  clustering: { ambiguityBits: 3, maxPairBits: 30 },
  shared: { givenSimilarity: 0.7, swappedSimilarity: 0.85 },
  explain: { notableBits: 1.5 },
  identifiers: { bits: 5, namesAgainst: 4 },
  fullName: { bits: 4 },
}

const encode = Schema.encodeSync(Settings)
const decode = Schema.decodeUnknownResult(Settings)

/**
 * The settings as a JSON-ready value.
 *
 * @category encoding
 * @since 0.2.0
 */
export const toJson = (settings: Settings): unknown => encode(settings)

/**
 * Reads settings from a parsed JSON value; fails with a SchemaError naming every bad path.
 *
 * @category decoding
 * @since 0.2.0
 */
export const fromJson = (input: unknown): Result.Result<Settings, Schema.SchemaError> =>
  decode(input, { errors: "all" })
