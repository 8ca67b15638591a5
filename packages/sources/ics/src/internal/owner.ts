/**
 * Whose calendar is this? Without `ReadOptions.me`, the owner is inferred per file, most explicit
 * evidence first: an X-WR-CALNAME that is an e-mail, an X-WR-CALNAME equal to people's CN, the
 * organiser of most series (when they also take part in at least half of them), or the one
 * attendee present in (almost) every series.
 */
import type { Participant } from "./event.ts"
import type { CalendarHeader } from "./lines.ts"
import { emailOf, nameOf } from "./people.ts"

/** The people of one series (master and overrides together). */
export interface SeriesPeople {
  readonly participants: ReadonlyArray<Participant>
}

/** The inferred owner addresses and the rule that found them. */
export interface Owner {
  readonly emails: ReadonlyArray<string>
  readonly rule: string
}

/** Share of series an attendee must appear in to count as the owner. */
const almostEvery = 0.9

const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1)

const top = (map: Map<string, number>): Array<[string, number]> => [...map].sort((a, b) => b[1] - a[1])

/**
 * Infers the owner; undefined when the evidence is too weak (then every event counts).
 * `organizerSent` is true when every calendar holding events is an iTIP message the organiser sent
 * (REQUEST, CANCEL, ADD): its reader is an attendee, never the organiser.
 */
export const inferOwner = (
  series: ReadonlyArray<SeriesPeople>,
  calendars: ReadonlyArray<CalendarHeader>,
  organizerSent: boolean,
): Owner | undefined => {
  const names = calendars.flatMap((c) => (c.name ? [c.name.trim()] : []))
  const byCalname = [...new Set(names.flatMap((n) => emailOf(n) ?? []))]
  if (byCalname.length > 0) return { emails: byCalname, rule: "X-WR-CALNAME" }

  if (names.length > 0) {
    const wanted = new Set(names.map((n) => n.toLowerCase()))
    const matches = new Set<string>()
    for (const s of series) {
      for (const p of s.participants) {
        const formatted = nameOf(p.cn).name.formatted?.toLowerCase()
        if ((formatted && wanted.has(formatted)) || (p.cn && wanted.has(p.cn.trim().toLowerCase()))) {
          matches.add(p.email)
        }
      }
    }
    // Several addresses under the owner's own name (work and private) are all the owner.
    if (matches.size > 0) return { emails: [...matches], rule: "X-WR-CALNAME name" }
  }

  const withPeople = series.filter((s) => s.participants.length > 0)
  if (withPeople.length < 2) return undefined
  const organized = new Map<string, number>()
  const present = new Map<string, number>()
  const attending = new Map<string, number>()
  for (const s of withPeople) {
    const orgs = new Set(s.participants.filter((p) => p.organizer).map((p) => p.email))
    for (const e of orgs) count(organized, e)
    for (const e of new Set(s.participants.map((p) => p.email))) count(present, e)
    const attendees = new Set(s.participants.filter((p) => !p.organizer).map((p) => p.email))
    for (const e of attendees) count(attending, e)
  }

  if (!organizerSent) {
    const [first, second] = top(organized)
    if (
      first &&
      first[1] >= 2 &&
      (!second || first[1] > second[1]) &&
      (present.get(first[0]) ?? 0) >= withPeople.length / 2
    ) {
      return { emails: [first[0]], rule: "ORGANIZER" }
    }
  }

  const candidates = top(present).filter(([e, n]) => n >= withPeople.length * almostEvery && attending.has(e))
  const only = candidates.length === 1 ? candidates[0] : undefined
  return only ? { emails: [only[0]], rule: "ATTENDEE" } : undefined
}
