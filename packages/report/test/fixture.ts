/**
 * An invented book: two teams with their own recurring meetings and employers, a group conversation,
 * a tweet mentioning two people, a collector, a rejected record, and Jürgen (for the search).
 */
import { Source, SourceRecord } from "@blackbook/model"
import { Ranking } from "@blackbook/priority"
import { Book } from "@blackbook/resolve"
import { Result } from "effect"
import { Report } from "../src/index.ts"

export const NOW = new Date("2026-11-25T12:00:00Z")

interface Person {
  readonly key: string
  readonly given: string
  readonly family: string
  readonly email: string
  readonly company?: string
}

const person = (key: string, given: string, family: string, email: string, company?: string): Person => ({
  key,
  given,
  family,
  email,
  ...(company !== undefined ? { company } : {}),
})

export const harbour = [
  person("h1", "Jürgen", "Falkenrath", "juergen@harbourlight.example", "Harbourlight"),
  person("h2", "Ottilie", "Brandqvist", "ottilie@harbourlight.example", "Harbourlight"),
  person("h3", "Benedek", "Quillfeather", "benedek@harbourlight.example", "Harbourlight"),
  person("h4", "Marisol", "Tenbury", "marisol@harbourlight.example", "Harbourlight"),
]
export const orchard = [
  person("o1", "Robert", "Weatherby", "rob@orchardmill.example", "Orchard Mill"),
  person("o2", "Ines", "Carvalheira", "ines@orchardmill.example", "Orchard Mill"),
  person("o3", "Tobiah", "Lindqvist", "tobiah@orchardmill.example", "Orchard Mill"),
]
export const collector = person("c1", "Philippa", "Nettleship", "philippa@fernbrook.example")
/** Met every week until two months ago: drifting. */
export const drifter = person("d1", "Wendeline", "Ashgrove", "wendeline@fernbrook.example")

const CAL = "calendar.ics"
const CARDS = "contacts.vcf"

const record = (p: Person) =>
  Source.recordItem(
    SourceRecord.make(
      { source: "vcard", file: CARDS, record: `card:${p.key}` },
      {
        name: { given: p.given, family: p.family, formatted: `${p.given} ${p.family}` },
        emails: [{ value: p.email, types: ["work"] }],
        ...(p.company !== undefined ? { organizations: [{ company: p.company }] } : {}),
        ...(p === collector ? { connectedOn: "2025-02-01" } : {}),
      },
    ),
  )

const attendee = (p: Person) =>
  Source.recordItem(
    SourceRecord.make(
      { source: "ics", file: CAL, record: `attendee:${p.email}` },
      { name: { formatted: `${p.given} ${p.family}` }, emails: [{ value: p.email, types: [] }] },
    ),
  )

const DAY = 86_400_000

/** A weekly meeting of a team: one interaction per attendee per occurrence, sharing the occurrence. */
const meetings = (team: ReadonlyArray<Person>, uid: string, weeks: number, fromDaysAgo = 0) =>
  Array.from({ length: weeks }, (_, w) => {
    const at = new Date(NOW.getTime() - (fromDaysAgo + (w + 1) * 7) * DAY).toISOString()
    return team.map((p) =>
      Source.interactionItem({
        kind: "meeting",
        at,
        direction: "mutual",
        counterpart: { source: "ics", file: CAL, record: `attendee:${p.email}` },
        provenance: { source: "ics", file: CAL, record: `event:${uid}@${at}` },
      }),
    )
  }).flat()

/** Every item the adapters would have emitted. */
export const items = (): ReadonlyArray<Source.SourceItem> => [
  ...[...harbour, ...orchard, collector, drifter].map(record),
  ...[...harbour, ...orchard, drifter].map(attendee),
  ...meetings([drifter], "wendeline-1-1", 8, 60),
  ...meetings(harbour, "harbour-standup", 6),
  ...meetings(orchard, "orchard-review", 4),
  // one person from each team mentioned together in a tweet
  ...[harbour[1]!, orchard[1]!].map((p) =>
    Source.interactionItem({
      kind: "mention",
      at: new Date(NOW.getTime() - 3 * DAY).toISOString(),
      direction: "outgoing",
      counterpart: { source: "ics", file: CAL, record: `attendee:${p.email}` },
      provenance: { source: "twitter", file: "data/tweets.js", record: "tweet:1700000000000000001" },
    }),
  ),
  Source.issueItem({ file: CARDS, record: "card:9", line: 42, reason: "card has no name, e-mail or phone" }),
]

export const book = (): Book.Book => Book.build(items(), { now: NOW, region: "GB" })

/** The success of a Result, or the test fails with its failure. */
export const ok = <A, E>(result: Result.Result<A, E>): A => {
  if (Result.isFailure(result)) throw new Error(`expected a success, got ${String(result.failure)}`)
  return result.success
}

export const ranked = (b: Book.Book) => ok(Ranking.rank(b, { now: NOW }))

/** The report's HTML, or the test fails. */
export const rendered = (...args: Parameters<typeof Report.render>): string => ok(Report.render(...args))

export const idOf = (b: Book.Book, given: string): string => {
  const c = b.contacts.find((x) => x.displayName.startsWith(given))
  if (c === undefined) throw new Error(`no contact ${given}`)
  return c.id
}
