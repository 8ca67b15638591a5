/**
 * @blackbook/resolve: which records are one person. Profile reads a record once; Blocking,
 * Comparison and Scoring judge pairs; Clustering groups them; Survivorship merges a group's values;
 * Resolve is the one entry point, and Book assembles the black book around it.
 *
 * @since 0.3.0
 */

export * as Blocking from "./Blocking.ts"
export * as Book from "./Book.ts"
export * as BookJson from "./BookJson.ts"
export * as Clustering from "./Clustering.ts"
export * as Comparison from "./Comparison.ts"
export * as ComparisonLibrary from "./ComparisonLibrary.ts"
export * as ModelJson from "./ModelJson.ts"
export * as Profile from "./Profile.ts"
export * as Resolve from "./Resolve.ts"
export * as Scoring from "./Scoring.ts"
export * as Settings from "./Settings.ts"
export * as Steps from "./Steps.ts"
export * as Survivorship from "./Survivorship.ts"
