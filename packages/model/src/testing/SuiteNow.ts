/**
 * The moment the conformance suite and the golden files read at: fixed, so an expected file never
 * depends on the day it was written (calendars expand recurrences up to `now`, CSV dates take their
 * century from it).
 *
 * @since 0.3.0
 */
import type { ReadOptions } from "../Source.ts"

/**
 * @category constants
 * @since 0.3.0
 */
export const suiteNow = new Date("2026-12-07T00:00:00Z")

/**
 * Read options a fixture may give without `now`.
 *
 * @category models
 * @since 0.3.0
 */
export type SuiteReadOptions = Omit<ReadOptions, "now"> & { readonly now?: Date }

/**
 * The options with `now` filled in from `suiteNow` where the fixture gives none.
 *
 * @category constructors
 * @since 0.3.0
 */
export const withNow = (options: SuiteReadOptions = {}): ReadOptions =>
  Object.assign({}, options, { now: options.now ?? suiteNow })
