/**
 * The book as JSON: Blackbook's stable export contract (version 1, documented in
 * docs/book-json.md), and a decoder that reads a saved book back with Effect Schema.
 *
 * @since 0.1.0
 */

import { Contact, Evidence } from "@blackbook/model/Contact"
import type { Interaction } from "@blackbook/model/Interaction"
import { RecordIssue } from "@blackbook/model/Source"
import { Provenance, SourceRecord } from "@blackbook/model/SourceRecord"
import { type Result, Schema } from "effect"
import type { Book } from "./Book.ts"

const Count = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))

/**
 * A contact's interactions in summary: how many, the newest instant (null when none), and a
 * count per kind.
 *
 * @category models
 * @since 0.1.0
 */
export const InteractionSummaryJson = Schema.Struct({
  count: Count,
  last: Schema.NullOr(Schema.String),
  /** Kind -> count, only kinds that occur (kinds may be added in later versions). */
  byKind: Schema.Record(Schema.String, Count),
})
export type InteractionSummaryJson = typeof InteractionSummaryJson.Type

/**
 * One contact in the export: the merged view, where its records came from (`sources`), the
 * records themselves, an interaction summary and the match evidence.
 *
 * @category models
 * @since 0.1.0
 */
export const ContactJson = Schema.Struct({
  // Field order is the documented key order; decoding writes keys in this order.
  id: Contact.fields.id,
  displayName: Contact.fields.displayName,
  name: Contact.fields.name,
  emails: Contact.fields.emails,
  phones: Contact.fields.phones,
  organizations: Contact.fields.organizations,
  addresses: Contact.fields.addresses,
  urls: Contact.fields.urls,
  handles: Contact.fields.handles,
  birthday: Contact.fields.birthday,
  notes: Contact.fields.notes,
  categories: Contact.fields.categories,
  connectedOn: Contact.fields.connectedOn,
  sources: Schema.Array(Provenance),
  records: Contact.fields.records,
  interactions: InteractionSummaryJson,
  match: Contact.fields.match,
})
export type ContactJson = typeof ContactJson.Type

/**
 * One side of a possible duplicate: contact id, display name, and each source and file its
 * records came from (added in 0.3).
 *
 * @category models
 * @since 0.3.0
 */
export const ReviewPersonJson = Schema.Struct({
  id: Schema.String,
  displayName: Schema.String,
  sources: Schema.Array(Schema.Struct({ source: Schema.String, file: Schema.String })),
})
export type ReviewPersonJson = typeof ReviewPersonJson.Type

/**
 * Two contacts that may be one person (the uncertain band): ids, the record pair, the match
 * probability and why, in a sentence and as data (`evidence`), and the two people named
 * (`people`: display names and sources; both added in 0.3).
 *
 * @category models
 * @since 0.2.0
 */
export const PossibleDuplicateJson = Schema.Struct({
  contacts: Schema.Tuple([Schema.String, Schema.String]),
  people: Schema.optionalKey(Schema.Tuple([ReviewPersonJson, ReviewPersonJson])),
  records: Schema.Tuple([Schema.String, Schema.String]),
  score: Schema.Number,
  reason: Schema.String,
  evidence: Schema.optionalKey(Schema.Array(Evidence)),
})
export type PossibleDuplicateJson = typeof PossibleDuplicateJson.Type

/** @category models @since 0.1.0 */
export const StatsJson = Schema.Struct({
  recordsBySource: Schema.Record(Schema.String, Count),
  rejected: Count,
  interactions: Count,
  unattachedInteractions: Count,
})
export type StatsJson = typeof StatsJson.Type

/**
 * The whole export, version 1.
 *
 * @category models
 * @since 0.1.0
 */
export const BookJsonSchema = Schema.Struct({
  version: Schema.Literal(1),
  now: Schema.String,
  contacts: Schema.Array(ContactJson),
  /** Added in 0.2: absent in books written before. */
  possibleDuplicates: Schema.optionalKey(Schema.Array(PossibleDuplicateJson)),
  self: Schema.Array(SourceRecord),
  errors: Schema.Array(RecordIssue),
  stats: StatsJson,
})
export type BookJson = typeof BookJsonSchema.Type

const summary = (list: ReadonlyArray<Interaction>): InteractionSummaryJson => {
  const byKind: Record<string, number> = {}
  for (const i of list) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1
  // `interactions` lists are newest first.
  return { count: list.length, last: list[0]?.at ?? null, byKind }
}

/**
 * The book as the version-1 JSON document (a plain object; `JSON.stringify` it to save).
 * Key order is fixed, so the same book always serialises to the same text.
 *
 * @category encoding
 * @since 0.1.0
 */
export const toJson = (book: Book): BookJson => ({
  version: 1,
  now: book.now,
  contacts: book.contacts.map((c) => ({
    id: c.id,
    displayName: c.displayName,
    name: c.name,
    emails: c.emails,
    phones: c.phones,
    organizations: c.organizations,
    addresses: c.addresses,
    urls: c.urls,
    handles: c.handles,
    ...(c.birthday !== undefined ? { birthday: c.birthday } : {}),
    notes: c.notes,
    categories: c.categories,
    ...(c.connectedOn !== undefined ? { connectedOn: c.connectedOn } : {}),
    sources: c.records.map((r) => ({
      source: r.provenance.source,
      file: r.provenance.file,
      record: r.provenance.record,
    })),
    records: c.records,
    interactions: summary(book.interactions.get(c.id) ?? []),
    match: c.match,
  })),
  possibleDuplicates: book.possibleDuplicates.map((d) => ({
    contacts: d.contacts,
    people: d.people,
    records: d.records,
    score: d.score,
    reason: d.reason,
    evidence: d.evidence,
  })),
  self: book.self,
  errors: book.errors,
  stats: {
    recordsBySource: book.stats.recordsBySource,
    rejected: book.stats.rejected,
    interactions: book.stats.interactions,
    unattachedInteractions: book.stats.unattachedInteractions,
  },
})

const decodeValue = Schema.decodeUnknownResult(BookJsonSchema)
const decodeText = Schema.decodeUnknownResult(Schema.fromJsonString(BookJsonSchema))

/**
 * Reads a saved book: a parsed JSON value, or the JSON text itself. Fails with a SchemaError
 * naming every path that does not match version 1.
 *
 * @category decoding
 * @since 0.1.0
 */
export const fromJson = (input: unknown): Result.Result<BookJson, Schema.SchemaError> =>
  typeof input === "string" ? decodeText(input, { errors: "all" }) : decodeValue(input, { errors: "all" })
