/**
 * iCalendar as Google Calendar's export writes it: PRODID `-//Google Inc//Google Calendar
 * 70.9054//EN`, METHOD:PUBLISH, X-WR-CALNAME, one VTIMEZONE, VEVENTs with ORGANIZER/ATTENDEE
 * `mailto:` values carrying CN, PARTSTAT and X-NUM-GUESTS, CRLF, folded at 75 octets.
 */
import { lines } from "./ContentLine.ts"

/** A start/end value: a UTC instant, a local time in a zone, or an all-day date. */
export type When =
  | { readonly kind: "utc"; readonly at: Date }
  | { readonly kind: "local"; readonly tzid: string; readonly local: string }
  | { readonly kind: "date"; readonly date: string }

/** A participation status as Google writes it. */
export type PartStat = "ACCEPTED" | "DECLINED" | "TENTATIVE" | "NEEDS-ACTION"

/** One attendee (or the organizer's own attendee line). */
export interface Attendee {
  readonly email: string
  /** Google writes the address itself as CN when it knows no name. */
  readonly cn?: string
  readonly partstat: PartStat
  readonly optional?: boolean
  readonly rsvp?: boolean
}

/** One VEVENT. */
export interface Event {
  readonly uid: string
  readonly start: When
  readonly end: When
  readonly rrule?: string
  readonly exdates?: ReadonlyArray<When>
  readonly recurrenceId?: When
  readonly organizer: { readonly email: string; readonly cn?: string }
  readonly attendees: ReadonlyArray<Attendee>
  readonly summary: string
  readonly description?: string
  readonly location?: string
  readonly status: "CONFIRMED" | "CANCELLED" | "TENTATIVE"
  readonly created: Date
  readonly lastModified: Date
  readonly sequence: number
  readonly stamp: Date
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

/** `20261124T091244Z`. */
export const utc = (d: Date): string =>
  `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}${pad2(
    d.getUTCMinutes(),
  )}${pad2(d.getUTCSeconds())}Z`

/** Escapes a TEXT value (backslash, semicolon, comma, newline). */
export const text = (value: string): string =>
  value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n")

/** A parameter value, double-quoted when it holds `:`, `;` or `,`. */
export const paramValue = (value: string): string => (/[:;,]/.test(value) ? `"${value}"` : value)

const when = (name: string, w: When): string => {
  switch (w.kind) {
    case "utc":
      return `${name}:${utc(w.at)}`
    case "local":
      return `${name};TZID=${w.tzid}:${w.local}`
    case "date":
      return `${name};VALUE=DATE:${w.date}`
  }
}

const attendee = (a: Attendee): string =>
  `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=${a.optional === true ? "OPT-PARTICIPANT" : "REQ-PARTICIPANT"};PARTSTAT=${
    a.partstat
  }${a.rsvp === true ? ";RSVP=TRUE" : ""};CN=${paramValue(a.cn ?? a.email)};X-NUM-GUESTS=0:mailto:${a.email}`

/** The content lines of one VEVENT, in Google's property order. */
export const eventLines = (e: Event): Array<string> => {
  const out = ["BEGIN:VEVENT", when("DTSTART", e.start), when("DTEND", e.end)]
  if (e.rrule !== undefined) out.push(`RRULE:${e.rrule}`)
  for (const x of e.exdates ?? []) out.push(when("EXDATE", x))
  out.push(`DTSTAMP:${utc(e.stamp)}`)
  out.push(`ORGANIZER;CN=${paramValue(e.organizer.cn ?? e.organizer.email)}:mailto:${e.organizer.email}`)
  out.push(`UID:${e.uid}`)
  if (e.recurrenceId !== undefined) out.push(when("RECURRENCE-ID", e.recurrenceId))
  for (const a of e.attendees) out.push(attendee(a))
  out.push(
    `CREATED:${utc(e.created)}`,
    `DESCRIPTION:${text(e.description ?? "")}`,
    `LAST-MODIFIED:${utc(e.lastModified)}`,
    `LOCATION:${text(e.location ?? "")}`,
    `SEQUENCE:${e.sequence}`,
    `STATUS:${e.status}`,
    `SUMMARY:${text(e.summary)}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  )
  return out
}

/** Europe/London VTIMEZONE as Google exports it. */
export const LONDON_TIMEZONE: ReadonlyArray<string> = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/London",
  "X-LIC-LOCATION:Europe/London",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0100",
  "TZNAME:BST",
  "DTSTART:19700329T010000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0000",
  "TZNAME:GMT",
  "DTSTART:19701025T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
]

/** A whole calendar export; the body is built in chunks so large calendars stay linear. */
export const calendar = (name: string, events: Iterable<Event>): string => {
  const chunks = [
    lines([
      "BEGIN:VCALENDAR",
      "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
      "VERSION:2.0",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${name}`,
      "X-WR-TIMEZONE:Europe/London",
      ...LONDON_TIMEZONE,
    ]),
  ]
  for (const e of events) chunks.push(lines(eventLines(e)))
  chunks.push("END:VCALENDAR\r\n")
  return chunks.join("")
}
