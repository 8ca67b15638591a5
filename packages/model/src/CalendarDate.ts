/**
 * Calendar facts every adapter's date reader needs: month names and month lengths.
 *
 * @since 0.1.0
 */

const months: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
}

/**
 * The month number of an English month name or abbreviation (`Dec`, `Sept.`, `December`), case
 * ignored; undefined for anything else.
 *
 * @category parsing
 * @since 0.1.0
 */
export const monthOf = (name: string): number | undefined => {
  const key = name.toLowerCase().replace(/\.$/, "")
  return months[key] ?? months[key.slice(0, 3)]
}

/**
 * Days in a month (1-12); February has 29 when the year is unknown (a year-less birthday may be
 * the 29th).
 *
 * @category parsing
 * @since 0.1.0
 */
export const daysInMonth = (month: number, year?: number): number => {
  if (month === 2) {
    return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}
