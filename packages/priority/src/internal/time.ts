import { Result } from "effect"
import { InvalidOption } from "../InvalidOption.ts"

/** Milliseconds in a day; ages and gaps are measured in (fractional) days. */
export const DAY_MS = 86_400_000

/** A point in time as callers hand it over: a Date, an ISO string or epoch milliseconds. */
export type Instant = Date | string | number

/** Epoch milliseconds of an instant; an InvalidOption naming `what` when it is not a valid time. */
export const toMillis = (instant: Instant, what: string): Result.Result<number, InvalidOption> => {
  const ms =
    instant instanceof Date ? instant.getTime() : typeof instant === "number" ? instant : Date.parse(instant)
  return Number.isFinite(ms)
    ? Result.succeed(ms)
    : Result.fail(
        new InvalidOption({ option: what, detail: `${what} is not a valid time: ${String(instant)}` }),
      )
}

/** Epoch milliseconds of an ISO string, or undefined when it cannot be read (bad data is skipped, not fatal). */
export const parseTime = (iso: string | undefined): number | undefined => {
  if (iso === undefined) return undefined
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? ms : undefined
}

// The widest range an ISO-8601 string with a four-digit year can express; keeps string order = time order.
const FLOOR_MS = Date.parse("0000-01-01T00:00:00.000Z")
const CEIL_MS = Date.parse("9999-12-31T23:59:59.999Z")

/** ISO-8601 instant, clamped to years 0000..9999 so that comparing the strings compares the times. */
export const iso = (ms: number): string => new Date(Math.min(CEIL_MS, Math.max(FLOOR_MS, ms))).toISOString()

/** The calendar date (UTC) of an instant, YYYY-MM-DD. */
export const day = (ms: number): string => iso(ms).slice(0, 10)

/** When a contact is due: the last interaction plus the cadence, or `now` when there was none. */
export const dueOn = (last: number | undefined, cadenceDays: number, now: number): string =>
  iso(last === undefined ? now : last + cadenceDays * DAY_MS)

/** A duration in days said the way people say it: "today", "12 days", "5 months", "3 years". */
export const span = (days: number): string => {
  const d = Math.floor(days)
  if (d < 1) return "less than a day"
  if (d < 60) return d === 1 ? "1 day" : `${d} days`
  if (d < 730) return `${Math.floor(d / 30.44)} months`
  return `${Math.floor(d / 365.25)} years`
}

/** Checks that a numeric option is a finite number above `min` (exclusive unless `inclusive`). */
export const positive = (
  value: number,
  what: string,
  min = 0,
  inclusive = false,
): Result.Result<number, InvalidOption> =>
  !Number.isFinite(value) || (inclusive ? value < min : value <= min)
    ? Result.fail(
        new InvalidOption({
          option: what,
          detail: `${what} must be a number ${inclusive ? ">=" : ">"} ${min}, got ${value}`,
        }),
      )
    : Result.succeed(value)
