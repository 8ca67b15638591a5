/**
 * One VEVENT block -> the facts the adapter needs (times, recurrence, status, people). ical.js does
 * the content-line parsing; when it rejects the block, the lines it cannot read are dropped one by
 * one (each reported) so the rest of the event survives.
 */
import { CalendarDate, Text } from "@blackbook/model"
import ICAL from "ical.js"
import { type Block, type ContentLine, splitLine } from "./lines.ts"
import { emailOf } from "./people.ts"
import type { Wall } from "./zone.ts"

type Recur = InstanceType<typeof ICAL.Recur>

/** A DATE or DATE-TIME value with its TZID parameter. */
export interface DateValue {
  readonly wall: Wall
  readonly isDate: boolean
  /** Written with a trailing `Z`. */
  readonly utc: boolean
  readonly tzid: string | undefined
}

/** An organiser or attendee with a usable e-mail address. */
export interface Participant {
  readonly email: string
  readonly cn: string | undefined
  /** Upper-case PARTSTAT, when given. */
  readonly partstat: string | undefined
  readonly organizer: boolean
  /** The calendar address as written when it is not a mail address (Apple principal paths). */
  readonly address: string | undefined
}

/** What a VEVENT says, ready for expansion. */
export interface EventData {
  /** 1-based position among the file's VEVENTs. */
  readonly ordinal: number
  readonly line: number
  readonly calendar: number
  readonly uid: string | undefined
  /** `event:<UID or ordinal>`. */
  readonly locator: string
  readonly start: DateValue | undefined
  readonly recurrenceId: DateValue | undefined
  readonly rrules: ReadonlyArray<Recur>
  readonly rdates: ReadonlyArray<DateValue>
  readonly exdates: ReadonlyArray<DateValue>
  /** Upper-case STATUS, when given. */
  readonly status: string | undefined
  readonly sequence: number
  /** Organiser first, one entry per e-mail, rooms and resources left out. */
  readonly participants: ReadonlyArray<Participant>
  /** Whether the VEVENT has any ORGANIZER or ATTENDEE line at all (Outlook overrides have none). */
  readonly listsPeople: boolean
}

/** A problem found while reading one VEVENT. */
export interface EventProblem {
  readonly line: number
  readonly reason: string
}

type JProp = readonly [string, Readonly<Record<string, unknown>>, string, ...unknown[]]

const isProp = (x: unknown): x is JProp =>
  Array.isArray(x) &&
  typeof x[0] === "string" &&
  typeof x[1] === "object" &&
  x[1] !== null &&
  typeof x[2] === "string"

const param = (p: JProp, name: string): string | undefined => {
  const v = p[1][name]
  if (typeof v === "string") return v
  if (Array.isArray(v)) return v.filter((x) => typeof x === "string").join(",")
  return undefined
}

const textOf = (p: JProp): string | undefined => {
  const v = p[3]
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined
}

/** Reads ical.js's jCal date strings, including the odd shapes it leaves for malformed input. */
export const parseDate = (raw: string, tzid: string | undefined): DateValue | undefined => {
  const compact = raw.replace(/[-:]/g, "").trim()
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})?(\d{2})?(\d{2})?(?:\.\d+)?)?(Z)?$/i.exec(compact)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s, z] = m
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  if (month < 1 || month > 12 || day < 1 || day > CalendarDate.daysInMonth(month, year)) return undefined
  const hour = Number(h ?? 0)
  const minute = Number(mi ?? 0)
  const second = Math.min(Number(s ?? 0), 59)
  if (hour > 23 || minute > 59) return undefined
  const zone =
    tzid === undefined ? undefined : Text.trimEndMatching(tzid.trim().replace(/^"+/, ""), /"/).trim()
  return {
    wall: { year, month, day, hour, minute, second },
    isDate: h === undefined,
    utc: z !== undefined,
    tzid: zone ? zone : undefined,
  }
}

/** Every date in a DATE/DATE-TIME/PERIOD property (a period counts by its start). */
const datesOf = (p: JProp): { values: DateValue[]; bad: string[] } => {
  const values: DateValue[] = []
  const bad: string[] = []
  const tzid = param(p, "tzid")
  for (const v of p.slice(3)) {
    const raw = Array.isArray(v) ? v[0] : v
    if (typeof raw !== "string") continue
    const parsed = parseDate(raw, tzid)
    if (parsed) values.push(parsed)
    else bad.push(raw)
  }
  return { values, bad }
}

/** Google's addresses for rooms and for whole calendars (holidays, birthdays): never a person. */
const notAPerson = /@(?:resource|group|group\.v|import)\.calendar\.google\.com$/

const timeOptional = new Set(["REPLY", "CANCEL", "REFRESH", "COUNTER", "DECLINECOUNTER"])

const isBeginEnd = (text: string): boolean => /^(BEGIN|END):/i.test(text)

/**
 * Drops whitespace between `=` and a quoted parameter value (`DELEGATED-FROM= "mailto:..."`, left by
 * folds indented with two spaces), which would make ical.js cut the line at the quoted colon.
 */
const tidy = (text: string): string => {
  if (!/=[ \t]/.test(text)) return text
  const { params, value } = splitLine(text)
  if (!/=[ \t]/.test(params)) return text
  const name = text.slice(0, text.length - params.length - value.length - 1)
  return `${name}${params.replace(/=[ \t]+(?=")/g, "=")}:${value}`
}

const parseBlock = (lines: ReadonlyArray<ContentLine>): unknown =>
  ICAL.parse(lines.map((l) => tidy(l.text)).join("\r\n"))

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** The VEVENT properties the adapter reads; ical.js never sees the rest (descriptions, alarms, X- props). */
const wanted = new Set([
  "UID",
  "DTSTART",
  "RECURRENCE-ID",
  "RRULE",
  "RDATE",
  "EXDATE",
  "STATUS",
  "SEQUENCE",
  "ORGANIZER",
  "ATTENDEE",
])

/** The block's own wanted lines, without nested components (a VALARM's ATTENDEE is a mail recipient). */
const relevant = (block: Block): ContentLine[] => {
  const out: ContentLine[] = []
  let depth = 0
  for (const l of block.lines) {
    const be = /^(BEGIN|END):/i.exec(l.text)
    if (be) {
      const begin = be[1]?.toUpperCase() === "BEGIN"
      if (!begin) depth--
      if (depth === 0) out.push(l)
      if (begin) depth++
      continue
    }
    if (depth !== 1) continue
    const name = /^[A-Za-z0-9-]+/.exec(l.text)?.[0]?.toUpperCase() ?? ""
    if (wanted.has(name)) out.push(l)
  }
  return out
}

/** Parses the block, dropping lines ical.js cannot read; undefined when even that fails. */
const parseLenient = (block: Block, problems: EventProblem[]): unknown => {
  const lines = relevant(block)
  try {
    return parseBlock(lines)
  } catch (first) {
    const kept: ContentLine[] = []
    for (const l of lines) {
      if (isBeginEnd(l.text)) {
        kept.push(l)
        continue
      }
      try {
        ICAL.parse.property(l.text)
        kept.push(l)
      } catch (e) {
        const name = l.text.split(/[;:]/, 1)[0] ?? ""
        problems.push({ line: l.line, reason: `skipped unreadable ${name} line: ${message(e)}` })
      }
    }
    try {
      return parseBlock(kept)
    } catch {
      problems.push({ line: block.line, reason: `unreadable VEVENT: ${message(first)}` })
      return undefined
    }
  }
}

/**
 * Reads one VEVENT block. `event` is undefined only when ical.js cannot read the block at all;
 * `problems` lists everything skipped on the way.
 */
export const readEvent = (
  block: Block,
  method: string | undefined,
): { event: EventData | undefined; problems: EventProblem[] } => {
  const problems: EventProblem[] = []
  if (!block.terminated) {
    const last = block.lines[block.lines.length - 1]?.line ?? block.line
    problems.push({ line: block.line, reason: `VEVENT has no END:VEVENT; read up to line ${last}` })
  }
  const jcal = parseLenient(block, problems)
  if (!Array.isArray(jcal) || jcal[0] !== "vevent" || !Array.isArray(jcal[1])) {
    if (jcal !== undefined) problems.push({ line: block.line, reason: "not a VEVENT" })
    return { event: undefined, problems }
  }
  const props = (jcal[1] as unknown[]).filter(isProp)
  const uid = props.find((p) => p[0] === "uid")
  const uidText = uid ? textOf(uid)?.trim() : undefined
  const locator = `event:${uidText || block.ordinal}`

  let start: DateValue | undefined
  let recurrenceId: DateValue | undefined
  const rrules: Recur[] = []
  const rdates: DateValue[] = []
  const exdates: DateValue[] = []
  let status: string | undefined
  let sequence = 0
  let listsPeople = false
  const people = new Map<string, Participant>()

  for (const p of props) {
    const name = p[0]
    switch (name) {
      case "dtstart":
      case "recurrence-id": {
        const { values, bad } = datesOf(p)
        const first = values[0]
        if (!first || bad.length > 0) {
          problems.push({
            line: block.line,
            reason: `${name.toUpperCase()} "${String(bad[0] ?? p[3])}" is not a valid date`,
          })
        } else if (name === "dtstart") start = first
        else recurrenceId = first
        break
      }
      case "rdate":
      case "exdate": {
        const { values, bad } = datesOf(p)
        ;(name === "rdate" ? rdates : exdates).push(...values)
        for (const b of bad) {
          problems.push({ line: block.line, reason: `${name.toUpperCase()} "${b}" is not a valid date` })
        }
        break
      }
      case "rrule": {
        try {
          const recur = new ICAL.Property(p as unknown as unknown[]).getFirstValue()
          if (recur instanceof ICAL.Recur && recur.freq) rrules.push(recur)
          else problems.push({ line: block.line, reason: "RRULE without FREQ ignored" })
        } catch (e) {
          problems.push({ line: block.line, reason: `RRULE ignored: ${message(e)}` })
        }
        break
      }
      case "status":
        status = textOf(p)?.trim().toUpperCase()
        break
      case "sequence": {
        const n = Number(textOf(p))
        if (Number.isFinite(n)) sequence = n
        break
      }
      case "organizer":
      case "attendee": {
        listsPeople = true
        const cutype = param(p, "cutype")?.toUpperCase()
        if (cutype === "ROOM" || cutype === "RESOURCE") break
        const value = textOf(p) ?? ""
        const email = emailOf(value, param(p, "email"))
        if (!email || notAPerson.test(email)) break
        const isMail = /^["']?(mailto:)?[^/]*@/i.test(value.trim())
        const person: Participant = {
          email,
          cn: param(p, "cn"),
          partstat: param(p, "partstat")?.toUpperCase(),
          organizer: name === "organizer",
          address: isMail ? undefined : value.trim(),
        }
        const seen = people.get(email)
        if (!seen) people.set(email, person)
        else if (seen.organizer) {
          // The organiser listed again as attendee: keep one entry, take what the organiser line lacked.
          people.set(email, { ...seen, cn: seen.cn || person.cn, partstat: seen.partstat ?? person.partstat })
        } else if (person.organizer) {
          people.set(email, {
            ...person,
            cn: person.cn || seen.cn,
            partstat: person.partstat ?? seen.partstat,
          })
        }
        break
      }
    }
  }

  // iTIP replies, cancellations and counter-proposals may leave DTSTART out; anything else needs it.
  const hasStart = props.some((p) => p[0] === "dtstart")
  if (!hasStart && !recurrenceId && !timeOptional.has(method ?? "")) {
    problems.push({ line: block.line, reason: "VEVENT without DTSTART: no meeting time (people kept)" })
  }

  const participants = [...people.values()].sort((a, b) => Number(b.organizer) - Number(a.organizer))
  return {
    event: {
      ordinal: block.ordinal,
      line: block.line,
      calendar: block.calendar,
      uid: uidText || undefined,
      locator,
      start,
      recurrenceId,
      rrules,
      rdates,
      exdates,
      status,
      sequence,
      participants,
      listsPeople,
    },
    problems,
  }
}
