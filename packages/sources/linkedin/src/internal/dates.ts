/**
 * The date spellings of LinkedIn exports, by vintage. Every format is read as written, without
 * `Date.parse` guessing: LinkedIn writes US month-first dates (`1/8/18`), day-first text dates
 * (`16 Dec 2024`), spreadsheet re-saves (`6-Feb-26`) and UTC stamps (`2024-12-16 18:24:37 UTC`).
 * Times without a zone are read as UTC (LinkedIn's own stamps are UTC where a zone is written).
 */
import { CalendarDate } from "@blackbook/model"

/** A date as far as the text went: birthdays lack a year, positions lack a day. */
export interface DateParts {
  readonly year?: number
  readonly month?: number
  readonly day?: number
  readonly hour?: number
  readonly minute?: number
  readonly second?: number
}

/** LinkedIn did not exist before 2003, so a two-digit year is 20yy unless that lands in the far future. */
const fullYear = (digits: string): number => {
  const n = Number(digits)
  if (digits.length > 2) return n
  return n < 70 ? 2000 + n : 1900 + n
}

const validDate = (parts: DateParts): boolean => {
  const { year, month, day } = parts
  if (month === undefined || month < 1 || month > 12) return false
  if (year !== undefined && (year < 1800 || year > 2200)) return false
  if (day !== undefined && (day < 1 || day > CalendarDate.daysInMonth(month, year))) return false
  return true
}

const withTime = (
  date: DateParts,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  meridiem: string | undefined,
): DateParts | undefined => {
  if (hour === undefined || minute === undefined) return date
  let h = Number(hour)
  const m = Number(minute)
  const s = second === undefined ? 0 : Number(second)
  if (meridiem) {
    if (h < 1 || h > 12) return undefined
    const pm = meridiem.toLowerCase() === "pm"
    h = (h % 12) + (pm ? 12 : 0)
  }
  if (h > 23 || m > 59 || s > 59) return undefined
  return { ...date, hour: h, minute: m, second: s }
}

// U+202F and U+00A0 appear before AM/PM in newer exports; \s covers both.
const time = String.raw`(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?`
const usNumeric = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})${time}$`)
const dayMonthYear = new RegExp(String.raw`^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2}|\d{4})${time}$`)
const isoLike =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(?:UTC|GMT|Z)?$/i
const monthDayYear = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/
const monthYear = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/
const yearOnly = /^(\d{4})$/

/**
 * Reads one LinkedIn date or date-time. Returns `undefined` for text that is not a date in any
 * known spelling, or names an impossible day.
 */
export const parseDate = (input: string): DateParts | undefined => {
  const text = input.trim().replace(/\s+/gu, " ")
  if (text === "") return undefined
  let m = usNumeric.exec(text)
  if (m) {
    const date = { year: fullYear(m[3]!), month: Number(m[1]), day: Number(m[2]) }
    return validDate(date) ? withTime(date, m[4], m[5], m[6], m[7]) : undefined
  }
  m = dayMonthYear.exec(text)
  if (m) {
    const month = CalendarDate.monthOf(m[2]!)
    if (month === undefined) return undefined
    const date = { year: fullYear(m[3]!), month, day: Number(m[1]) }
    return validDate(date) ? withTime(date, m[4], m[5], m[6], m[7]) : undefined
  }
  m = isoLike.exec(text)
  if (m) {
    const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
    return validDate(date) ? withTime(date, m[4], m[5], m[6], undefined) : undefined
  }
  m = monthDayYear.exec(text)
  if (m) {
    const month = CalendarDate.monthOf(m[1]!)
    if (month === undefined) return undefined
    const date: DateParts =
      m[3] === undefined ? { month, day: Number(m[2]) } : { year: Number(m[3]), month, day: Number(m[2]) }
    return validDate(date) ? date : undefined
  }
  m = monthYear.exec(text)
  if (m) {
    const month = CalendarDate.monthOf(m[1]!)
    if (month === undefined) return undefined
    const date = { year: Number(m[2]), month }
    return validDate(date) ? date : undefined
  }
  m = yearOnly.exec(text)
  if (m) return { year: Number(m[1]) }
  return undefined
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0")

/** `YYYY-MM-DD` for a date with year, month and day; `undefined` otherwise. */
export const isoDate = (parts: DateParts): string | undefined =>
  parts.year !== undefined && parts.month !== undefined && parts.day !== undefined
    ? `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`
    : undefined

/** A full ISO-8601 UTC instant (`2024-12-16T18:24:37.000Z`); midnight when the text had no time. */
export const isoInstant = (parts: DateParts): string | undefined => {
  const date = isoDate(parts)
  if (date === undefined) return undefined
  return `${date}T${pad(parts.hour ?? 0)}:${pad(parts.minute ?? 0)}:${pad(parts.second ?? 0)}.000Z`
}

/** True when the text carried a time of day, not only a date. */
export const hasTime = (parts: DateParts): boolean => parts.hour !== undefined
