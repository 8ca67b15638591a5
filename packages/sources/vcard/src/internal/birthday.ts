/**
 * BDAY values: full dates (`1980-03-22`, `19800322`, with or without a time), year-less dates
 * (`--04-22`, `--0422`), year-month, year only, Apple's year 1604 "year unknown" marker, and
 * free text (`circa 1800`) kept as text.
 */
import { CalendarDate, type SourceRecord } from "@blackbook/model"

type Birthday = SourceRecord.Birthday

const FULL = /^(\d{4})-?(\d{2})-?(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?(?:\(\d+\))?)?$/
const NO_YEAR = /^--(\d{2})-?(\d{2})$/
const YEAR_MONTH = /^(\d{4})-(\d{2})$/
const YEAR = /^(\d{4})$/

/** Apple (and CardBook after it) writes year 1604 when the user gave no year. */
const NO_YEAR_MARKER = 1604

const valid = (month: number, day: number, year: number | undefined): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= CalendarDate.daysInMonth(month, year)

/**
 * Reads a BDAY value; `omitYear` is Apple's X-APPLE-OMIT-YEAR parameter. Unreadable text is kept
 * as `{ text }`; an empty value gives `undefined`.
 */
export const parseBirthday = (raw: string, isText: boolean, omitYear?: number): Birthday | undefined => {
  const v = raw.trim()
  if (v === "") return undefined
  if (isText) return { text: v }
  let m = FULL.exec(v)
  if (m) {
    const year = Number(m[1])
    const month = Number(m[2])
    const day = Number(m[3])
    const noYear = year === NO_YEAR_MARKER || year === 0 || (omitYear !== undefined && year === omitYear)
    if (!valid(month, day, noYear ? undefined : year)) return { text: v }
    return noYear ? { month, day } : { year, month, day }
  }
  m = NO_YEAR.exec(v)
  if (m) {
    const month = Number(m[1])
    const day = Number(m[2])
    return valid(month, day, undefined) ? { month, day } : { text: v }
  }
  m = YEAR_MONTH.exec(v)
  if (m) {
    const month = Number(m[2])
    return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : { text: v }
  }
  m = YEAR.exec(v)
  if (m) return { year: Number(m[1]) }
  return { text: v }
}
