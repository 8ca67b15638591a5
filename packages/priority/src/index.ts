/**
 * @blackbook/priority: who matters now, who is drifting, who is only a collector, and a fuzzy find
 * over a book that puts the people who matter first.
 *
 * @since 0.1.0
 */
export * as Cadence from "./Cadence.ts"
export * as Find from "./Find.ts"
export * as InvalidOption from "./InvalidOption.ts"
export * as Ranking from "./Ranking.ts"
export * as Score from "./Score.ts"
export * as Tier from "./Tier.ts"
export * as Weights from "./Weights.ts"
