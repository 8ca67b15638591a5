/**
 * What an import changed, in the JSON shape `blackbook import --json` prints: record counts,
 * contacts created / merged / split / updated, and events about people (a new connection, a
 * move to another employer, a new title at the same one, a new e-mail or phone, back in touch
 * after a long silence).
 *
 * @since 0.1.0
 */
import type { SourceRecord } from "@blackbook/model/SourceRecord"
import { companyKey } from "@blackbook/resolve/Profile"
import { Schema } from "effect"

/** @category models @since 0.1.0 */
export const EventKind = Schema.Literals([
  "new-connection",
  "moved",
  "title-changed",
  "new-email",
  "new-phone",
  "back-in-touch",
])
export type EventKind = typeof EventKind.Type

/** A job: the company and title a record gave. */
const Job = Schema.Struct({ company: Schema.NullOr(Schema.String), title: Schema.NullOr(Schema.String) })
export type Job = typeof Job.Type

const Value = Schema.NullOr(Schema.Union([Job, Schema.String]))

/** @category models @since 0.1.0 */
export const Event = Schema.Struct({
  kind: EventKind,
  contact: Schema.String,
  /** ISO instant: when it happened, as far as the sources tell (else the import's time). */
  at: Schema.String,
  from: Value,
  to: Value,
})
export type Event = typeof Event.Type

/** @category models @since 0.1.0 */
export const ChangeSet = Schema.Struct({
  import: Schema.Number,
  at: Schema.String,
  counts: Schema.Struct({
    records: Schema.Number,
    new: Schema.Number,
    changed: Schema.Number,
    unchanged: Schema.Number,
    gone: Schema.Number,
  }),
  contacts: Schema.Struct({
    created: Schema.Array(Schema.String),
    merged: Schema.Array(Schema.Struct({ into: Schema.String, from: Schema.Array(Schema.String) })),
    split: Schema.Array(Schema.Struct({ from: Schema.String, into: Schema.Array(Schema.String) })),
    updated: Schema.Array(Schema.String),
  }),
  events: Schema.Array(Event),
})
export type ChangeSet = typeof ChangeSet.Type

/** The first organisation a record names, as a job. */
export const jobOf = (record: SourceRecord): Job | undefined => {
  const o = record.organizations.find((x) => (x.company ?? "").trim() !== "" || (x.title ?? "").trim() !== "")
  return o === undefined ? undefined : { company: o.company?.trim() || null, title: o.title?.trim() || null }
}

const sameText = (a: string | null, b: string | null) =>
  (a ?? "").trim().toLowerCase().replace(/\s+/g, " ") === (b ?? "").trim().toLowerCase().replace(/\s+/g, " ")

/**
 * How a record's job changed between two versions: `moved` when the employer is another (legal
 * forms aside, so "Acme Inc" -> "Acme" is no move), `title-changed` when only the title is.
 *
 * @category events
 * @since 0.1.0
 */
export const jobChange = (
  before: SourceRecord,
  after: SourceRecord,
): "moved" | "title-changed" | undefined => {
  const a = jobOf(before)
  const b = jobOf(after)
  if (a === undefined || b === undefined) return undefined
  const ka = companyKey(a.company ?? "")
  const kb = companyKey(b.company ?? "")
  if (ka !== "" && kb !== "" && ka !== kb) return "moved"
  if (ka === kb && !sameText(a.title, b.title) && a.title !== null && b.title !== null) return "title-changed"
  return undefined
}

/** A silence at least this long, broken by a new interaction, is "back in touch". */
export const silenceDays = 180
