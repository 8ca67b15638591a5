/**
 * Birthdays as contact exports write them: ISO, vCard year-less `--04-22`, Outlook's locale
 * dates (`4/22/1975` in English, `22.4.1975` in German), compact `19750422` (Febrl), and the
 * exporters' zero dates (`0/0/00`, `0.0.00`, `00.00.0000`) that mean "no date".
 */
import { CalendarDate, type SourceRecord } from "@blackbook/model"

/** Which way round a slashed or dashed date reads when both numbers could be the month. */
export type DateOrder = "mdy" | "dmy"

type Birthday = NonNullable<SourceRecord.SourceRecord["birthday"]>

/** True for an exporter's "no date" value: every number zero. */
export const isZeroDate = (text: string): boolean => /^0{1,4}([./-]0{1,4}){1,2}$/.test(text.trim())

/** A two-digit year in the past century window: with `pivot` 26, `99` is 1999 and `05` is 2005. */
const fullYear = (digits: string, pivot: number): number => {
  const n = Number(digits)
  if (digits.length !== 2) return n
  return n > pivot ? 1900 + n : 2000 + n
}

const make = (
  raw: string,
  year: number | undefined,
  month: number | undefined,
  day: number | undefined,
): Birthday => {
  if (month === undefined || day === undefined || month < 1 || month > 12 || day < 1) return { text: raw }
  if (day > CalendarDate.daysInMonth(month, year)) return { text: raw }
  if (year !== undefined && (year < 1 || year > 9999)) return { text: raw }
  return year === undefined ? { month, day } : { year, month, day }
}

/**
 * Reads a birthday. Returns undefined for an empty or zero date, `{ text }` for text that is not
 * a readable date (kept, never dropped), else the parts. `order` settles `3/4/1975`; a number
 * above 12 settles it by itself. `pivot` is the current year's last two digits.
 */
export const parseBirthday = (raw: string, order: DateOrder, pivot: number): Birthday | undefined => {
  const s = raw.trim()
  if (!s || isZeroDate(s)) return undefined
  let m = s.match(/^--(\d{1,2})-?(\d{2})$/)
  if (m) return make(s, undefined, Number(m[1]), Number(m[2]))
  m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/)
  if (m) return make(s, Number(m[1]), Number(m[2]), Number(m[3]))
  m = s.match(/^(\d{4})(\d{2})(\d{2})$/)
  if (m) return make(s, Number(m[1]), Number(m[2]), Number(m[3]))
  m = s.match(/^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/)
  if (m) return make(s, Number(m[1]), Number(m[2]), Number(m[3]))
  // dotted dates are day first everywhere (German, Swiss, Russian...), year optional: 22.04.
  m = s.match(/^(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2}))?$/)
  if (m) return make(s, m[3] ? fullYear(m[3], pivot) : undefined, Number(m[2]), Number(m[1]))
  m = s.match(/^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?$/)
  if (m) {
    const a = Number(m[1])
    const b = Number(m[2])
    const year = m[3] ? fullYear(m[3], pivot) : undefined
    const dayFirst = a > 12 ? true : b > 12 ? false : order === "dmy"
    return dayFirst ? make(s, year, b, a) : make(s, year, a, b)
  }
  // month names: "Feb 17, 1998", "17 Feb 1998", "Mar 31", "April 22"
  m = s.match(/^([A-Za-z]{3,}\.?) (\d{1,2})(?:,? (\d{4}))?$/)
  if (m) {
    const month = CalendarDate.monthOf(m[1]!)
    if (month) return make(s, m[3] ? Number(m[3]) : undefined, month, Number(m[2]))
  }
  // "24-May-11", "24-May-2011": day, month name, year.
  m = s.match(/^(\d{1,2})-([A-Za-z]{3,})-(\d{4}|\d{2})$/)
  if (m) {
    const month = CalendarDate.monthOf(m[2]!)
    if (month) return make(s, fullYear(m[3]!, pivot), month, Number(m[1]))
  }
  m = s.match(/^(\d{1,2})\.? ([A-Za-z]{3,}\.?)(?:,? (\d{4}))?$/)
  if (m) {
    const month = CalendarDate.monthOf(m[2]!)
    if (month) return make(s, m[3] ? Number(m[3]) : undefined, month, Number(m[1]))
  }
  return { text: s }
}

/**
 * Settles the day/month order of a file's slashed dates from the dates themselves: a first number
 * above 12 means day first, a second number above 12 means month first; otherwise `fallback`.
 */
export const inferOrder = (values: Iterable<string>, fallback: DateOrder): DateOrder => {
  let dayFirst = 0
  let monthFirst = 0
  for (const v of values) {
    const m = v.trim().match(/^(\d{1,2})[/-](\d{1,2})[/-]\d{2,4}$/)
    if (!m) continue
    if (Number(m[1]) > 12) dayFirst++
    else if (Number(m[2]) > 12) monthFirst++
  }
  if (dayFirst > 0 && monthFirst === 0) return "dmy"
  if (monthFirst > 0 && dayFirst === 0) return "mdy"
  return fallback
}
