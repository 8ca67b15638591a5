/**
 * One decoded .ics file -> source items: owner (Self), attendee records, meeting interactions and
 * issues. Pure: no Effect, no I/O.
 */
import { type Interaction, Source, SourceRecord } from "@blackbook/model"
import { Email } from "@blackbook/normalize"
import ICAL from "ical.js"
import { type EventData, type Participant, readEvent } from "./event.ts"
import { type Block, type CalendarHeader, type Scan, scan, splitLine, unescapeText } from "./lines.ts"
import { inferOwner, type Owner } from "./owner.ts"
import { type CnName, nameOf } from "./people.ts"
import { expandSeries, type Limits, type ToMs } from "./recurrence.ts"
import { type Definition, readVtimezone, toUtc, utc, wallMs, works, type Zone, zoneFromTzid } from "./zone.ts"

/** What reading needs besides the text. */
export interface ReadConfig {
  /** My addresses, normalised; empty when the caller gave none. */
  readonly me: ReadonlySet<string>
  readonly nowMs: number
  readonly maxOccurrences: number
  readonly futurePeek: number
  /** Most occurrences expanded in one file, over all its series. */
  readonly maxFileOccurrences: number
  /** Most interactions one file gives; the rest are reported, not read. */
  readonly maxFileInteractions: number
  /** Largest event read, in characters of its lines (`Source.ReadOptions.maxRecordBytes`). */
  readonly maxRecordBytes?: number
}

const stampLine = /^(?:DTSTAMP|LAST-MODIFIED)(?:;[^:\r\n]*)?:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/gim

/**
 * When the calendar was exported, as far as it says: its latest DTSTAMP or LAST-MODIFIED that is
 * not after `nowMs`; `nowMs` when it says nothing.
 */
const exportedAt = (text: string, nowMs: number): number => {
  let latest = Number.NEGATIVE_INFINITY
  for (const m of text.matchAll(stampLine)) {
    const ms = Date.UTC(
      Number(m[1]),
      Number(m[2]) - 1,
      Number(m[3]),
      Number(m[4]),
      Number(m[5]),
      Number(m[6]),
    )
    if (Number.isFinite(ms) && ms <= nowMs && ms > latest) latest = ms
  }
  return Number.isFinite(latest) ? latest : nowMs
}

/** The items of one file, or the verdict that it holds no iCalendar data. */
export type FileResult =
  | { readonly _tag: "Read"; readonly items: ReadonlyArray<Source.SourceItem> }
  | { readonly _tag: "NotCalendar" }

const SOURCE = "ics"

const organizerMethods = new Set(["REQUEST", "CANCEL", "ADD", "DECLINECOUNTER"])
const replyMethods = new Set(["REPLY", "COUNTER", "REFRESH"])
/** Attendees who did not come: declined, or handed the invitation on to a delegate. */
const absent = new Set(["DECLINED", "DELEGATED"])

interface Series {
  master: EventData | undefined
  overrides: EventData[]
}

interface Person {
  /** Provenance of the person's record, shared by all their interactions. */
  readonly provenance: SourceRecord.Provenance
  /** The spellings of the person's address seen (case and `+tag` variants of one mailbox). */
  readonly emails: Array<string>
  cn: string | undefined
  name: CnName
  address: string | undefined
  next: number | undefined
}

const rawUid = (block: Block): string | undefined => {
  for (const l of block.lines) {
    if (/^UID[;:]/i.test(l.text)) return unescapeText(splitLine(l.text).value).trim() || undefined
  }
  return undefined
}

const dateKey = (e: EventData): string => {
  const r = e.recurrenceId
  if (!r) return ""
  const w = r.wall
  return `${w.year}-${w.month}-${w.day}T${w.hour}:${w.minute}:${w.second}${r.utc ? "Z" : ""}${r.isDate ? "D" : ""}`
}

/**
 * Rule expansion a file's VTIMEZONEs may cost, in years of recurring rules: Outlook's zones start in
 * 1601, so each costs some 850; a file needs past this only when zones are repeated or damaged.
 */
export const maxZoneExpansion = 50_000

/**
 * The file's time conversion: TZIDs resolve through the calendar's own VTIMEZONEs, then any in the
 * file, then by name (IANA, Windows); floating times through X-WR-TIMEZONE, else the calendar's only
 * VTIMEZONE (Exchange writes the organiser's), else UTC. An unknown TZID is reported once.
 */

const clock = (found: Scan, issue: (record: string, line: number, reason: string) => void): ToMs => {
  // Definitions are read once per distinct text (a zone repeated in every invitation, or a
  // thousand times over, is one) and tried only when a time needs their TZID, within a budget of
  // rule expansion per file: past it a zone is resolved by name, and one issue says so.
  const byText = new Map<string, Definition | null>()
  const perCalendar = new Map<number, Map<string, Set<Definition>>>()
  const fileWide = new Map<string, Set<Definition>>()
  const add = (index: Map<string, Set<Definition>>, d: Definition) => {
    const known = index.get(d.tzid)
    if (known) known.add(d)
    else index.set(d.tzid, new Set([d]))
  }
  for (const b of found.blocks) {
    if (b.kind !== "VTIMEZONE") continue
    const text = b.lines.map((l) => l.text).join("\r\n")
    let defined = byText.get(text)
    if (defined === undefined) {
      try {
        defined = readVtimezone(ICAL.parse(text)) ?? null
      } catch {
        defined = null
      }
      byText.set(text, defined)
    }
    if (defined === null) continue
    const own = perCalendar.get(b.calendar) ?? new Map<string, Set<Definition>>()
    perCalendar.set(b.calendar, own)
    add(own, defined)
    add(fileWide, defined)
  }
  const tried = new Map<Definition, boolean>()
  let spent = 0
  const skipped = new Set<string>()
  const usable = (d: Definition): boolean => {
    const known = tried.get(d)
    if (known !== undefined) return known
    let ok = false
    if (spent + d.cost > maxZoneExpansion) skipped.add(d.tzid)
    else {
      spent += d.cost
      ok = works(d)
    }
    tried.set(d, ok)
    return ok
  }
  const first = (candidates: Set<Definition> | undefined): Zone | undefined => {
    for (const d of candidates ?? []) if (usable(d)) return d.zone
    return undefined
  }
  const named = new Map<string, Zone | null>()
  const byName = (tzid: string): Zone | undefined => {
    if (!named.has(tzid)) named.set(tzid, zoneFromTzid(tzid) ?? null)
    return named.get(tzid) ?? undefined
  }
  const floatingOf = new Map<number, Zone | null>()
  const floating = (calendar: number): Zone | undefined => {
    if (!floatingOf.has(calendar)) {
      const c = found.calendars[calendar]
      const declared = c?.timezone ? byName(c.timezone) : undefined
      const own = [...(perCalendar.get(calendar)?.values() ?? [])].flatMap((ds) => first(ds) ?? [])
      floatingOf.set(calendar, declared ?? (own.length === 1 ? own[0]! : null))
    }
    return floatingOf.get(calendar) ?? undefined
  }
  const unknown = new Set<string>()
  const reported = new Set<string>()
  const reportSkipped = (event: EventData) => {
    if (skipped.size === reported.size) return
    for (const tzid of skipped) {
      if (reported.has(tzid)) continue
      reported.add(tzid)
      issue(
        event.locator,
        event.line,
        `the VTIMEZONE "${tzid}" is not used: the file's zones hold more rules than are expanded (a repeated or damaged zone); "${tzid}" is resolved by name`,
      )
    }
  }
  const zoneFor = (tzid: string | undefined, event: EventData): Zone => {
    const zone = !tzid
      ? (floating(event.calendar) ?? utc)
      : (first(perCalendar.get(event.calendar)?.get(tzid)) ?? first(fileWide.get(tzid)) ?? byName(tzid))
    reportSkipped(event)
    if (zone || !tzid) return zone ?? utc
    const fallback = floating(event.calendar)
    if (!unknown.has(tzid)) {
      unknown.add(tzid)
      const as = fallback ? "the calendar's default zone" : "UTC"
      issue(event.locator, event.line, `unknown TZID "${tzid}": its local times are read in ${as}`)
    }
    return fallback ?? utc
  }
  return (value, context, event) =>
    value.isDate || value.utc ? wallMs(value.wall) : toUtc(value.wall, zoneFor(value.tzid ?? context, event))
}

/**
 * Reads every VEVENT (problems become issues) and groups them into series by UID. Of events repeated
 * with the same UID and RECURRENCE-ID (iTIP updates, one calendar per message) one is kept: the
 * highest SEQUENCE, then a definition over a REPLY/COUNTER/REFRESH, then the last.
 */
const collectSeries = (
  found: Scan,
  issue: (record: string, line: number, reason: string) => void,
  maxRecordBytes: number | undefined,
): Series[] => {
  const methodOf = (calendar: number): string | undefined => found.calendars[calendar]?.method
  const chosen = new Map<string, EventData>()
  const limit = Source.recordLimit({ ...(maxRecordBytes !== undefined ? { maxRecordBytes } : {}) })
  for (const block of found.blocks) {
    if (block.kind !== "VEVENT") continue
    const size = block.lines.reduce((n, l) => n + l.text.length + 2, 0)
    if (size > limit.max) {
      issue(`event:${rawUid(block) ?? block.ordinal}`, block.line, limit.reason(size, "event"))
      continue
    }
    const { event, problems } = readEvent(block, methodOf(block.calendar))
    const locator = event?.locator ?? `event:${rawUid(block) ?? block.ordinal}`
    for (const p of problems) issue(locator, p.line, p.reason)
    if (!event) continue
    const key = `${event.uid ?? `#${event.ordinal}`}\u0000${dateKey(event)}`
    const prior = chosen.get(key)
    if (prior) {
      const priorReply = replyMethods.has(methodOf(prior.calendar) ?? "")
      const reply = replyMethods.has(methodOf(event.calendar) ?? "")
      if (prior.sequence > event.sequence || (prior.sequence === event.sequence && !priorReply && reply))
        continue
    }
    chosen.set(key, event)
  }
  const byUid = new Map<string, Series>()
  for (const e of chosen.values()) {
    const key = e.uid ?? `#${e.ordinal}`
    const s = byUid.get(key) ?? { master: undefined, overrides: [] }
    if (e.recurrenceId) s.overrides.push(e)
    else s.master = e
    byUid.set(key, s)
  }
  return [...byUid.values()]
}

/** Reads one file's text. */
export const readCalendar = (text: string, file: string, config: ReadConfig): FileResult => {
  const found = scan(text)
  if (!found.isCalendar) return { _tag: "NotCalendar" }
  const { calendars } = found
  const issues: Source.RecordIssue[] = []
  const issue = (record: string, line: number, reason: string) => issues.push({ file, record, line, reason })
  const header = (e: EventData): CalendarHeader | undefined => calendars[e.calendar]
  const isLotus = (e: EventData): boolean => /lotus/i.test(header(e)?.producer ?? "")

  const toMs = clock(found, issue)

  const series = collectSeries(found, issue, config.maxRecordBytes)
  const chosen = series.flatMap((x) => [x.master, ...x.overrides].filter((e) => e !== undefined))

  // Who is me: the caller's addresses when the file mentions them, else the inferred owner.
  const everyone = series.map((s) => ({
    participants: [s.master, ...s.overrides].flatMap((e) => e?.participants ?? []),
  }))
  const mentioned = everyone.some((s) => s.participants.some((p) => config.me.has(p.email)))
  let owner: Owner | undefined
  let me: ReadonlySet<string> = config.me
  if (!mentioned) {
    const eventCalendars = chosen.map((e) => header(e)?.method ?? "")
    const organizerSent = eventCalendars.length > 0 && eventCalendars.every((m) => organizerMethods.has(m))
    owner = inferOwner(everyone, calendars, organizerSent)
    me = new Set(owner?.emails ?? [])
  } else {
    // the caller said who I am: the addresses of mine this file mentions are its owner
    const found = new Set(
      everyone.flatMap((s) => s.participants.map((p) => p.email)).filter((e) => config.me.has(e)),
    )
    owner = { emails: [...found].sort(), rule: "me option" }
  }

  const cancelled = (e: EventData): boolean => e.status === "CANCELLED" || header(e)?.method === "CANCEL"
  const counterparts = (e: EventData, master: EventData | undefined): Participant[] | undefined => {
    const list = e.listsPeople || !master ? e.participants : master.participants
    if (me.size > 0) {
      const mine = list.filter((p) => me.has(p.email))
      if (mine.length === 0) return undefined
      if (mine.every((p) => !p.organizer && absent.has(p.partstat ?? ""))) return undefined
    }
    return list.filter((p) => !me.has(p.email) && !absent.has(p.partstat ?? ""))
  }

  // One record per mailbox: `ana+work@x` and `ana@x` are one person, met in every event that
  // names either; the record is named by the first spelling seen.
  const people = new Map<string, Person>()
  const remember = (p: Participant, e: EventData): Person => {
    const box = Email.mailbox(p.email)
    const known = people.get(box)
    if (!known) {
      const person: Person = {
        provenance: { source: SOURCE, file, record: `attendee:${p.email}` },
        emails: [p.email],
        cn: p.cn,
        name: nameOf(p.cn, isLotus(e)),
        address: p.address,
        next: undefined,
      }
      people.set(box, person)
      return person
    }
    if (!known.emails.includes(p.email)) known.emails.push(p.email)
    // The first CN that yields a name wins; later events may fill in a name the first one lacked.
    if (!known.name.name.formatted && p.cn) {
      const name = nameOf(p.cn, isLotus(e))
      if (name.name.formatted) {
        known.cn = p.cn
        known.name = name
      }
    }
    if (!known.address && p.address) known.address = p.address
    return known
  }

  const limits: Limits = {
    nowMs: config.nowMs,
    openEndMs: exportedAt(text, config.nowMs),
    budget: { remaining: config.maxFileOccurrences },
    maxPast: config.maxOccurrences,
    futurePeek: config.futurePeek,
  }
  const interactions: Interaction.Interaction[] = []
  let withoutOwner = 0
  let overCap = 0
  for (const s of series) {
    // Nobody but me (or nobody at all) in the series: nothing to expand.
    if (![s.master, ...s.overrides].some((e) => e?.participants.some((p) => !me.has(p.email)))) continue
    let expansion: ReturnType<typeof expandSeries>
    try {
      expansion = expandSeries(s.master, s.overrides, toMs, limits)
    } catch (e) {
      // one event that cannot be expanded is lost alone, with its reason
      const event = s.master ?? s.overrides[0]
      if (event)
        issue(event.locator, event.line, `event not read: ${e instanceof Error ? e.message : String(e)}`)
      continue
    }
    const { occurrences, notes } = expansion
    let ownerAbsent = me.size > 0
    let met = false
    if (occurrences.length === 0) {
      // No usable time: the people are still known, there is just no meeting to date.
      for (const e of [s.master, ...s.overrides]) {
        if (!e || cancelled(e)) continue
        for (const p of counterparts(e, s.master) ?? []) remember(p, e)
      }
      continue
    }
    for (const occ of occurrences) {
      if (cancelled(occ.event)) continue
      const others = counterparts(occ.event, s.master)
      if (!others) continue
      ownerAbsent = false
      met ||= others.length > 0
      const past = occ.ms <= config.nowMs
      const at = past ? new Date(occ.ms).toISOString() : ""
      const provenance = past ? { source: SOURCE, file, record: `${occ.event.locator}@${at}` } : undefined
      for (const p of others) {
        const person = remember(p, occ.event)
        if (provenance) {
          if (interactions.length >= config.maxFileInteractions) {
            overCap++
            continue
          }
          interactions.push({
            kind: "meeting",
            at,
            direction: "mutual",
            counterpart: person.provenance,
            provenance,
          })
        } else if (person.next === undefined || occ.ms < person.next) person.next = occ.ms
      }
    }
    if (ownerAbsent && occurrences.some((o) => !cancelled(o.event))) withoutOwner++
    // A cut-short expansion only matters when the series involves someone.
    if (met) for (const n of notes) issue(n.event.locator, n.event.line, n.reason)
  }
  if (withoutOwner > 0)
    issue(
      "calendar",
      1,
      `${withoutOwner} event(s) without the calendar's owner (${[...me].join(", ")}) among their people: not read as meetings`,
    )
  if (overCap > 0)
    issue(
      "calendar",
      1,
      `${overCap} meeting interaction(s) past the limit of ${config.maxFileInteractions} for one file: not read`,
    )

  const items: Source.SourceItem[] = []
  if (owner) {
    for (const email of owner.emails) {
      const named = everyone
        .flatMap((s) => s.participants)
        .find((p) => p.email === email && nameOf(p.cn).name.formatted)
      items.push({
        _tag: "Self",
        record: SourceRecord.make(
          { source: SOURCE, file, record: `owner:${email}` },
          {
            name: nameOf(named?.cn).name,
            emails: [{ value: email, types: [] }],
            extra: [{ name: "ownerInferredFrom", value: owner.rule }],
          },
        ),
      })
    }
  }
  for (const p of people.values()) {
    const extra: SourceRecord.ExtraField[] = []
    if (p.cn !== undefined && p.name.rewritten) extra.push({ name: "CN", value: p.cn })
    if (p.address) extra.push({ name: "calendarAddress", value: p.address })
    if (p.next !== undefined) extra.push({ name: "nextMeeting", value: new Date(p.next).toISOString() })
    items.push({
      _tag: "Record",
      record: SourceRecord.make(p.provenance, {
        name: p.name.name,
        emails: p.emails.map((value) => ({ value, types: [] })),
        extra,
      }),
    })
  }
  for (const interaction of interactions) items.push({ _tag: "Interaction", interaction })
  for (const i of issues) items.push({ _tag: "Issue", issue: i })
  return { _tag: "Read", items }
}
