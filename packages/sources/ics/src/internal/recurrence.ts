/**
 * Occurrences of a recurring series: DTSTART, RRULE (iterated by ical.js in wall-clock time, so DST
 * is right), RDATE, minus EXDATE; RECURRENCE-ID overrides replace the occurrence they name.
 * Expansion stops at `now` plus a few future occurrences (for "next meeting"), and after a fixed
 * number of past occurrences.
 */
import { CalendarDate } from "@blackbook/model"
import ICAL from "ical.js"
import type { DateValue, EventData } from "./event.ts"
import { type Wall, wallMs } from "./zone.ts"

type Recur = InstanceType<typeof ICAL.Recur>

/** Bounds for one series. */
export interface Limits {
  readonly nowMs: number
  /**
   * How far a rule without UNTIL or COUNT is expanded in the past: the calendar's own export time
   * (its latest DTSTAMP or LAST-MODIFIED) when before `nowMs`. A series that never ends is only
   * known to have gone on until the export.
   */
  readonly openEndMs: number
  /** Occurrences left for the whole file; each one expanded takes one. */
  readonly budget: { remaining: number }
  /** Most past occurrences generated per RRULE. */
  readonly maxPast: number
  /** Future occurrences generated per RRULE (enough to find each attendee's next meeting). */
  readonly futurePeek: number
}

/** Converts a value of an event to epoch ms; `context` is the TZID a floating value borrows. */
export type ToMs = (value: DateValue, context: string | undefined, event: EventData) => number

/** One occurrence and the VEVENT that governs it (the master or an override). */
export interface Occurrence {
  readonly ms: number
  readonly event: EventData
}

/** The occurrences of a series, and what was cut short. */
export interface Expansion {
  readonly occurrences: ReadonlyArray<Occurrence>
  readonly notes: ReadonlyArray<{ readonly event: EventData; readonly reason: string }>
}

interface Instance {
  readonly ms: number
  readonly day: string
  readonly event: EventData
}

const dayKey = (w: Wall): string => `${w.year}-${w.month}-${w.day}`

const dateMs = (w: Wall): number => wallMs({ ...w, hour: 0, minute: 0, second: 0 })

/** Epoch ms of a DATE or DATE-TIME value; all-day values are midnight UTC of their date. */
const valueMs = (value: DateValue, context: string | undefined, event: EventData, toMs: ToMs): number =>
  value.isDate ? dateMs(value.wall) : toMs(value, context, event)

const wallOfTime = (t: InstanceType<typeof ICAL.Time>): Wall => ({
  year: t.year,
  month: t.month,
  day: t.day,
  hour: t.hour,
  minute: t.minute,
  second: t.second,
})

const periodDays: Readonly<Record<string, number>> = {
  HOURLY: 1 / 24,
  DAILY: 1,
  WEEKLY: 7,
  MONTHLY: 31,
  YEARLY: 366,
}
/** No meeting repeats less often than once a century. */
const maxPeriodDays = 100 * 366

const weekdays = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
/**
 * Why ical.js must not iterate a rule, if so. Its iterator loops for ever on a rule whose filters
 * no date satisfies (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`), so rules of a daily or finer period
 * with date filters are first tried day by day over 28 years (every weekday/leap-year pattern),
 * comparing values the way ical.js does. Minutely and secondly rules are never meetings.
 */
const unexpandable = (recur: Recur, start: Wall): string | undefined => {
  const freq = recur.freq
  if (freq === "SECONDLY" || freq === "MINUTELY") return `FREQ=${freq} is not expanded`
  // ical.js steps through every period between two occurrences: an interval of ages would never end
  const days = (periodDays[freq] ?? 1) * (recur.interval || 1)
  if (!Number.isFinite(days) || days > maxPeriodDays)
    return `RRULE INTERVAL=${recur.interval} is not expanded`
  if (freq !== "DAILY" && freq !== "HOURLY" && freq !== "WEEKLY") return undefined
  const p = recur.parts
  const weekly = freq === "WEEKLY"
  // Outside WEEKLY, ical.js compares BYDAY as written: an ordinal (1MO) never equals a weekday.
  const byDay = p.BYDAY?.map((d) => (weekly ? d.replace(/^[+-]?\d+/, "") : d).toUpperCase())
  const byMonthDay = weekly ? undefined : p.BYMONTHDAY
  const byYearDay = weekly ? undefined : p.BYYEARDAY
  const filters = p.BYMONTH || p.BYWEEKNO || byMonthDay || byYearDay || (!weekly && byDay)
  if (!filters) return undefined
  const day = new Date(Date.UTC(start.year, start.month - 1, start.day))
  day.setUTCFullYear(start.year)
  for (let i = 0; i < 28 * 366; i++, day.setUTCDate(day.getUTCDate() + 1)) {
    const y = day.getUTCFullYear()
    const m = day.getUTCMonth() + 1
    const d = day.getUTCDate()
    if (byDay && !byDay.includes(weekdays[day.getUTCDay()] ?? "")) continue
    if (p.BYMONTH && !p.BYMONTH.includes(m)) continue
    if (byMonthDay && !byMonthDay.includes(d)) continue
    if (byYearDay) {
      let doy = d
      for (let mm = 1; mm < m; mm++) doy += CalendarDate.daysInMonth(mm, y)
      if (!byYearDay.includes(doy)) continue
    }
    if (p.BYWEEKNO) {
      const week = ICAL.Time.fromData({ year: y, month: m, day: d, isDate: true }).weekNumber(recur.wkst)
      if (!p.BYWEEKNO.includes(week)) continue
    }
    return undefined
  }
  return "RRULE matches no date: not expanded"
}

/** DTSTART + RRULE + RDATE - EXDATE of one VEVENT. */
const instancesOf = (
  event: EventData,
  toMs: ToMs,
  limits: Limits,
  notes: Array<{ event: EventData; reason: string }>,
): Map<number, Instance> => {
  const out = new Map<number, Instance>()
  const start = event.start
  if (!start) return out
  const tzid = start.tzid
  const at = (wall: Wall): number =>
    start.isDate ? dateMs(wall) : toMs({ wall, isDate: false, utc: start.utc, tzid }, tzid, event)
  const add = (ms: number, wall: Wall) => {
    if (Number.isFinite(ms) && !out.has(ms)) out.set(ms, { ms, day: dayKey(wall), event })
  }
  add(at(start.wall), start.wall)

  for (const rule of event.rrules) {
    // One rule that ical.js cannot read or iterate (`UNTIL=00000101`) loses that rule, never the file.
    try {
      const refused = unexpandable(rule, start.wall)
      if (refused) {
        notes.push({ event, reason: refused })
        continue
      }
      const recur = rule.clone()
      const until = recur.until
      recur.until = null
      let untilMs = Number.POSITIVE_INFINITY
      let untilDay: Wall | undefined
      if (until) {
        const w = wallOfTime(until)
        if (until.isDate) untilDay = w
        else untilMs = until.zone === ICAL.Timezone.utcTimezone ? wallMs(w) : at(w)
      }
      const openEnded = !until && !recur.count
      // past the export, an open-ended series is not known to have happened: stop there
      const stale = openEnded && limits.openEndMs < limits.nowMs
      let past = 0
      let future = 0
      const iterator = recur.iterator(ICAL.Time.fromData({ ...start.wall, isDate: start.isDate }))
      for (let next = iterator.next(); next; next = iterator.next()) {
        const wall = wallOfTime(next)
        if (untilDay && dateMs(wall) > dateMs(untilDay)) break
        const ms = at(wall)
        if (ms > untilMs) break
        if (stale && ms > limits.openEndMs) break
        if (limits.budget.remaining <= 0) {
          notes.push({
            event,
            reason: "recurrence not expanded further: the file's limit of occurrences is reached",
          })
          break
        }
        if (ms > limits.nowMs) {
          limits.budget.remaining--
          add(ms, wall)
          if (++future >= limits.futurePeek) break
        } else {
          if (past >= limits.maxPast) {
            notes.push({
              event,
              reason: `recurrence expanded only to ${limits.maxPast} occurrences (until ${new Date(ms).toISOString()})`,
            })
            break
          }
          past++
          limits.budget.remaining--
          add(ms, wall)
        }
      }
    } catch (e) {
      notes.push({ event, reason: `recurrence stopped: ${e instanceof Error ? e.message : String(e)}` })
    }
  }

  for (const rdate of event.rdates) add(valueMs(rdate, tzid, event, toMs), rdate.wall)

  for (const ex of event.exdates) {
    if (ex.isDate || start.isDate) {
      const day = dayKey(ex.wall)
      for (const [ms, inst] of out) if (inst.day === day) out.delete(ms)
    } else out.delete(toMs(ex, tzid, event))
  }
  return out
}

/**
 * Expands a series: `master` (may be missing: an invitation for one instance) and its overrides.
 * An override without a master stands alone and is expanded like one.
 */
export const expandSeries = (
  master: EventData | undefined,
  overrides: ReadonlyArray<EventData>,
  toMs: ToMs,
  limits: Limits,
): Expansion => {
  const notes: Array<{ event: EventData; reason: string }> = []
  if (!master) {
    const occurrences: Occurrence[] = []
    for (const o of overrides) {
      // An instance sent on its own may carry only RECURRENCE-ID: that is then its time.
      const alone = o.start ? o : { ...o, start: o.recurrenceId }
      for (const occurrence of instancesOf(alone, toMs, limits, notes).values()) occurrences.push(occurrence)
    }
    occurrences.sort((a, b) => a.ms - b.ms)
    return { occurrences, notes }
  }
  const all = instancesOf(master, toMs, limits, notes)
  const context = master.start?.tzid
  for (const o of overrides) {
    const rid = o.recurrenceId
    if (!rid) continue
    let ridMs: number
    if (rid.isDate || master.start?.isDate) {
      const day = dayKey(rid.wall)
      ridMs = dateMs(rid.wall)
      for (const [ms, inst] of all) if (inst.day === day && inst.event === master) all.delete(ms)
    } else {
      ridMs = toMs(rid, context, o)
      all.delete(ridMs)
    }
    const ms = o.start ? valueMs(o.start, o.start.tzid ?? context, o, toMs) : ridMs
    if (Number.isFinite(ms)) all.set(ms, { ms, day: "", event: o })
  }
  const occurrences = [...all.values()].sort((a, b) => a.ms - b.ms)
  return { occurrences: occurrences.map(({ ms, event }) => ({ ms, event })), notes }
}
