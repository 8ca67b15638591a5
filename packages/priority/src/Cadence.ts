/**
 * Keep-in-touch rhythm per contact: learned from the median gap between the days we were in touch
 * (clamped to sane bounds), or set by the user; `due` is the last interaction plus that cadence.
 *
 * @since 0.1.0
 */
import { DAY_MS, type Instant, iso, positive, toMillis } from "./internal/time.ts"

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

const overrideFor = (overrides: Overrides | undefined, contactId: string): number | undefined => {
  if (overrides === undefined) return undefined
  const days =
    overrides instanceof Map
      ? overrides.get(contactId)
      : Object.hasOwn(overrides, contactId)
        ? (overrides as Readonly<Record<string, number>>)[contactId]
        : undefined
  return days === undefined ? undefined : positive(days, `cadence for ${contactId}`)
}

/**
 * The contact's cadence: the user's override when there is one, else the learned median gap clamped
 * to [minDays, maxDays], else undefined (too little history).
 *
 * @category learning
 * @since 0.1.0
 */
export const cadence = (
  contactId: string,
  times: ReadonlyArray<number>,
  overrides?: Overrides,
  options: CadenceOptions = {},
): Cadence | undefined => {
  const override = overrideFor(overrides, contactId)
  if (override !== undefined) return { days: override, source: "override" }
  const min = positive(options.minDays ?? 7, "minCadenceDays")
  const max = positive(options.maxDays ?? 365, "maxCadenceDays", min, true)
  const gap = medianGap(times, options.recentGaps)
  if (gap === undefined) return undefined
  return { days: Math.min(max, Math.max(min, gap)), source: "learned", medianGapDays: gap }
}

/**
 * When the contact is due: last interaction + cadence; with no interaction at all, `now` (never in
 * touch, so due already).
 *
 * @category learning
 * @since 0.1.0
 */
export const due = (last: Instant | undefined, cadenceDays: number, now: Instant): string =>
  last === undefined
    ? iso(toMillis(now, "now"))
    : iso(toMillis(last, "last interaction") + cadenceDays * DAY_MS)
