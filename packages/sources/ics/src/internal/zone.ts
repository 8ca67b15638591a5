/**
 * Wall-clock times to UTC: a VTIMEZONE of the file (through ical.js), an IANA zone or a Windows zone
 * name (through Intl), or a fixed offset read from a `(UTC+02:00) ...` display name.
 */

import { Text } from "@blackbook/model"
import ICAL from "ical.js"
import { windowsIds, zoneForDisplayName } from "./windowsZones.ts"

type IcalTimezone = InstanceType<typeof ICAL.Timezone>

/** A local date-time exactly as written in the file. */
export interface Wall {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
}

/** How a TZID turns wall-clock time into an instant. */
export type Zone =
  | { readonly _tag: "Fixed"; readonly offsetMinutes: number }
  | { readonly _tag: "Iana"; readonly name: string }
  | { readonly _tag: "Defined"; readonly tz: IcalTimezone }

/** UTC as a zone. */
export const utc: Zone = { _tag: "Fixed", offsetMinutes: 0 }

/** Milliseconds of a wall time read as UTC; years below 100 are not shifted to 19xx. */
export const wallMs = (w: Wall): number => {
  if (w.year >= 100) return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  const d = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second))
  d.setUTCFullYear(w.year, w.month - 1, w.day)
  return d.getTime()
}

const formatters = new Map<string, Intl.DateTimeFormat | null>()

const formatter = (name: string): Intl.DateTimeFormat | undefined => {
  const cached = formatters.get(name.toLowerCase())
  if (cached !== undefined) return cached ?? undefined
  let made: Intl.DateTimeFormat | null = null
  try {
    made = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
  } catch {
    // RangeError: not a zone Intl knows
  }
  formatters.set(name.toLowerCase(), made)
  return made ?? undefined
}

/** The name as an IANA zone Intl accepts (case-insensitive), else undefined. */
export const ianaZone = (name: string): string | undefined => (formatter(name) ? name : undefined)

/** Offsets per zone and quarter hour: zone changes happen on quarter hours, Intl is slow. */
const offsets = new Map<Intl.DateTimeFormat, Map<number, number>>()
const quarter = 15 * 60_000

const offsetMs = (fmt: Intl.DateTimeFormat, ms: number): number => {
  let byQuarter = offsets.get(fmt)
  if (!byQuarter) {
    byQuarter = new Map()
    offsets.set(fmt, byQuarter)
  }
  const bucket = Math.floor(ms / quarter)
  const cached = byQuarter.get(bucket)
  if (cached !== undefined) return cached
  const offset = measureOffset(fmt, bucket * quarter)
  if (byQuarter.size > 200_000) byQuarter.clear()
  byQuarter.set(bucket, offset)
  return offset
}

const measureOffset = (fmt: Intl.DateTimeFormat, ms: number): number => {
  const fields: Record<string, number> = {}
  for (const part of fmt.formatToParts(new Date(ms))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value)
  }
  const local = wallMs({
    year: fields.year ?? 1970,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: (fields.hour ?? 0) % 24,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  })
  return local - Math.floor(ms / 1000) * 1000
}

/** Converts a wall time in a zone to epoch milliseconds. */
export const toUtc = (w: Wall, zone: Zone): number => {
  const guess = wallMs(w)
  switch (zone._tag) {
    case "Fixed":
      return guess - zone.offsetMinutes * 60_000
    case "Defined":
      return (
        ICAL.Time.fromData(
          { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second },
          zone.tz,
        ).toUnixTime() * 1000
      )
    case "Iana": {
      const fmt = formatter(zone.name)
      if (!fmt) return guess
      // Two passes settle the offset on either side of a DST change.
      const first = offsetMs(fmt, guess)
      const second = offsetMs(fmt, guess - first)
      return guess - second
    }
  }
}

const displayPrefix = /^\(?\s*(?:UTC|GMT)\s*(?:([+-])\s*(\d{1,2})(?:[:.]?(\d{2}))?)?\s*\)?\s*(.*)$/i

/**
 * Resolves a TZID that has no VTIMEZONE in the file: IANA names (also as the tail of a path like
 * `/mozilla.org/20050126_1/Europe/Berlin`), Windows zone ids, Windows display names, and as a last
 * resort the fixed offset of a `(UTC-05:00) ...` prefix. Undefined when nothing fits.
 */
export const zoneFromTzid = (tzid: string): Zone | undefined => {
  const name = Text.trimEndMatching(tzid.trim().replace(/^"+/, ""), /"/).trim()
  if (!name) return undefined
  if (ianaZone(name)) return { _tag: "Iana", name }
  if (name.includes("/")) {
    const segments = name.split("/").filter((s) => s.length > 0)
    for (const n of [3, 2]) {
      if (segments.length < n) continue
      const tail = segments.slice(-n).join("/")
      if (ianaZone(tail)) return { _tag: "Iana", name: tail }
    }
    const last = segments[segments.length - 1]
    if (last && /^(utc|gmt)$/i.test(last)) return utc
  }
  const windows = windowsIds.get(name.toLowerCase())
  if (windows) return { _tag: "Iana", name: windows }
  const m = displayPrefix.exec(name)
  if (m) {
    const [, sign, hours, minutes, rest] = m
    const place = rest ? zoneForDisplayName(rest) : undefined
    if (place) return { _tag: "Iana", name: place }
    if (sign && hours) {
      const total = Number(hours) * 60 + Number(minutes ?? 0)
      return { _tag: "Fixed", offsetMinutes: sign === "-" ? -total : total }
    }
    if (!rest) return utc
    return undefined
  }
  const place = zoneForDisplayName(name)
  return place ? { _tag: "Iana", name: place } : undefined
}

const isYearly = (value: unknown): boolean =>
  value instanceof ICAL.Recur && value.freq === "YEARLY" && (value.interval || 1) === 1

/** A VTIMEZONE the file defines, read but not yet tried (trying it expands its rules). */
export interface Definition {
  readonly tzid: string
  readonly zone: Zone
  /** What expanding its rules costs: the years each recurring rule covers, one per other change. */
  readonly cost: number
}

type Jcal = [string, unknown[], unknown[]]

/** The years ical.js expands a zone's recurring rules to: past this year, plus its margin. */
const expandedTo = Math.max(new Date().getUTCFullYear(), 2000) + 5

const costOf = (rule: InstanceType<typeof ICAL.Component>): number => {
  const rrule = rule.getFirstPropertyValue("rrule")
  const rdates = rule.getAllProperties("rdate").length
  if (!(rrule instanceof ICAL.Recur)) return Math.max(1, rdates)
  const start = rule.getFirstPropertyValue("dtstart")
  const from = start instanceof ICAL.Time ? start.year : 0
  const to = rrule.until ? Math.min(rrule.until.year, expandedTo) : expandedTo
  return rdates + Math.max(1, to - from + 1)
}

/**
 * A VTIMEZONE (as jCal) the file defines, when it has at least one STANDARD/DAYLIGHT rule that
 * ical.js can evaluate; a broken definition yields undefined so the TZID is resolved by name. Rules
 * written twice are kept once (ical.js would expand each copy).
 */
export const readVtimezone = (jcal: unknown): Definition | undefined => {
  try {
    const [name, props, subs] = jcal as Jcal
    const seen = new Set<string>()
    const distinct = (Array.isArray(subs) ? subs : []).filter((sub) => {
      const key = JSON.stringify(sub)
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    const component = new ICAL.Component([name, props, distinct])
    const tzid = component.getFirstPropertyValue("tzid")
    if (typeof tzid !== "string") return undefined
    const rules = [...component.getAllSubcomponents("standard"), ...component.getAllSubcomponents("daylight")]
    if (rules.length === 0 || !rules.every((r) => r.hasProperty("tzoffsetto") && r.hasProperty("dtstart"))) {
      return undefined
    }
    // Zones change a few times a year: ical.js would expand a rule of another kind (FREQ=SECONDLY)
    // into more changes than memory holds, so such a definition is not used.
    if (!rules.every((r) => r.getAllProperties("rrule").every((p) => isYearly(p.getFirstValue()))))
      return undefined
    const cost = rules.reduce((n, r) => n + costOf(r), 0)
    return { tzid, zone: { _tag: "Defined", tz: new ICAL.Timezone(component) }, cost }
  } catch {
    return undefined
  }
}

/** Whether a definition gives finite times: the first use expands its rules. */
export const works = (definition: Definition): boolean => {
  try {
    const probe = toUtc({ year: 2000, month: 7, day: 1, hour: 12, minute: 0, second: 0 }, definition.zone)
    return Number.isFinite(probe)
  } catch {
    return false
  }
}
