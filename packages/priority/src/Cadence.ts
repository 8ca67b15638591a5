/**
 * Keep-in-touch rhythm per contact: learned from the median gap between the days we were in touch
 * (clamped to sane bounds), or set by the user; `due` is the last interaction plus that cadence.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import type { InvalidOption } from "./InvalidOption.ts"
import { DAY_MS, dueOn, type Instant, positive, toMillis } from "./internal/time.ts"

/**
 * Per-contact cadences the user set, in days: a Map or a plain object keyed by contact id.
 *
 * @category models
 * @since 0.1.0
 */
export type Overrides = ReadonlyMap<string, number> | Readonly<Record<string, number>>

/**
 * Bounds and sample for learning a cadence.
 *
 * @category models
 * @since 0.1.0
 */
export interface CadenceOptions {
  /** A learned cadence is at least this many days (daily chatter still means "weekly"). Default 7. */
  readonly minDays?: number
  /** ... and at most this many. Default 365. */
  readonly maxDays?: number
  /** Only the most recent this-many gaps are used, so the cadence follows today's rhythm. Default 24. */
  readonly recentGaps?: number
}

/**
 * A contact's cadence in days and where it came from.
 *
 * @category models
 * @since 0.1.0
 */
export interface Cadence {
  readonly days: number
  readonly source: "learned" | "override"
  /** The median gap the learned cadence came from, before clamping. */
  readonly medianGapDays?: number
}

/** At least this many distinct days in touch (two gaps) before a rhythm is learned. @category constants @since 0.1.0 */
export const MIN_OCCASIONS = 3

/**
 * The distinct UTC days (as day numbers since the epoch) on which interactions happened, ascending;
 * a thread of ten e-mails in one afternoon is one occasion.
 *
 * @category learning
 * @since 0.1.0
 */
export const occasions = (times: ReadonlyArray<number>): ReadonlyArray<number> =>
  [...new Set(times.map((t) => Math.floor(t / DAY_MS)))].sort((a, b) => a - b)

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * The median gap in days between occasions (the most recent `recentGaps` gaps), or undefined with
 * fewer than `MIN_OCCASIONS` occasions.
 *
 * @category learning
 * @since 0.1.0
 */
export const medianGap = (times: ReadonlyArray<number>, recentGaps = 24): number | undefined => {
  const days = occasions(times)
  if (days.length < MIN_OCCASIONS) return undefined
  const gaps: Array<number> = []
  for (let i = 1; i < days.length; i++) gaps.push(days[i]! - days[i - 1]!)
  return median(gaps.slice(-Math.max(1, recentGaps)))
}

const overrideFor = (
  overrides: Overrides | undefined,
  contactId: string,
): Result.Result<number | undefined, InvalidOption> => {
  if (overrides === undefined) return Result.succeed(undefined)
  const days =
    overrides instanceof Map
      ? overrides.get(contactId)
      : Object.hasOwn(overrides, contactId)
        ? (overrides as Readonly<Record<string, number>>)[contactId]
        : undefined
  return days === undefined ? Result.succeed(undefined) : positive(days, `cadence for ${contactId}`)
}

/**
 * The contact's cadence: the user's override when there is one, else the learned median gap clamped
 * to [minDays, maxDays], else undefined (too little history). An InvalidOption when the override
 * or a bound is not a positive number (or the upper bound is below the lower).
 *
 * @category learning
 * @since 0.1.0
 */
export const cadence = (
  contactId: string,
  times: ReadonlyArray<number>,
  overrides?: Overrides,
  options: CadenceOptions = {},
): Result.Result<Cadence | undefined, InvalidOption> => {
  const override = overrideFor(overrides, contactId)
  if (Result.isFailure(override)) return Result.fail(override.failure)
  if (override.success !== undefined) return Result.succeed({ days: override.success, source: "override" })
  const min = positive(options.minDays ?? 7, "minCadenceDays")
  if (Result.isFailure(min)) return Result.fail(min.failure)
  const max = positive(options.maxDays ?? 365, "maxCadenceDays", min.success, true)
  if (Result.isFailure(max)) return Result.fail(max.failure)
  const gap = medianGap(times, options.recentGaps)
  if (gap === undefined) return Result.succeed(undefined)
  return Result.succeed({
    days: Math.min(max.success, Math.max(min.success, gap)),
    source: "learned",
    medianGapDays: gap,
  })
}

/**
 * When the contact is due: last interaction + cadence; with no interaction at all, `now` (never in
 * touch, so due already). An InvalidOption when an instant is not a time or the cadence not a
 * positive number.
 *
 * @category learning
 * @since 0.1.0
 */
export const due = (
  last: Instant | undefined,
  cadenceDays: number,
  now: Instant,
): Result.Result<string, InvalidOption> =>
  Result.gen(function* () {
    const at = yield* toMillis(now, "now")
    if (last === undefined) return dueOn(undefined, cadenceDays, at)
    const from = yield* toMillis(last, "last interaction")
    return dueOn(from, yield* positive(cadenceDays, "cadenceDays"), at)
  })
