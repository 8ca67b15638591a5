/**
 * The archive's two timestamp styles: tweets use Twitter's API style `Tue Jan 31 18:06:26 +0000 2023`,
 * direct messages and account data ISO-8601 with milliseconds.
 */

const MONTHS: Readonly<Record<string, number>> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
}

const TWITTER =
  /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/

/** Milliseconds since the epoch for an ISO-8601 instant with an explicit zone, else undefined. */
export const isoMillis = (text: string): number | undefined => {
  if (!ISO.test(text)) return undefined
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : ms
}

/**
 * Milliseconds since the epoch for a tweet's `created_at`: Twitter's style, or ISO-8601 (which some
 * converted archives carry). Impossible dates (`Feb 30`) are rejected rather than rolled over.
 */
export const tweetMillis = (text: string): number | undefined => {
  const m = TWITTER.exec(text.trim())
  if (!m) return isoMillis(text.trim())
  const month = MONTHS[m[1]!]
  if (month === undefined) return undefined
  const [year, day, hour, minute, second] = [m[9], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  const local = Date.UTC(year, month, day, hour, minute, second)
  const check = new Date(local)
  if (
    check.getUTCMonth() !== month ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined
  }
  const offset = (Number(m[7]) * 60 + Number(m[8])) * (m[6] === "-" ? -1 : 1)
  return local - offset * 60_000
}

/** An instant as the ISO-8601 string every Interaction carries. */
export const toIso = (ms: number): string => new Date(ms).toISOString()
