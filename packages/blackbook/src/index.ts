/**
 * Blackbook: merge contact exports (vCard, Outlook/Google CSV, LinkedIn, Twitter/X, calendars)
 * into one book. `mergeExports` is the Promise API; `Merge.merge` the Effect one.
 *
 * @since 0.1.0
 */
export * as Adapters from "./Adapters.ts"
export * as Export from "./Export.ts"
export * as Merge from "./Merge.ts"
export * as NodeFileSystem from "./NodeFileSystem.ts"
export { mergeAndRender, mergeExports } from "./Promise.ts"
