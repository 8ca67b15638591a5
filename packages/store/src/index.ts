/**
 * @blackbook/store: the lasting book. Stable contact ids, decisions that last, imports that add
 * to what is there, and a change feed, in PGlite (a directory) or PostgreSQL (a URL).
 *
 * @since 0.1.0
 */
export * as Blackbook from "./Blackbook.ts"
export * as Changes from "./Changes.ts"
export * as Errors from "./Errors.ts"
export * as StableIds from "./StableIds.ts"
export * as Store from "./Store.ts"
