/**
 * One contact exactly as one source saw it. Adapters produce these; resolution groups them
 * into Contacts without ever changing or dropping one.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const Text = Schema.String
const Labels = Schema.Array(Schema.String)

/**
 * Where a record came from. `source` is the adapter name, `file` the path as the user named it
 * (or the entry path inside a zip), `record` a locator inside that file: `row:N` (1-based data row),
 * `card:N` (1-based vCard position), `account:<id>`, `attendee:<email>`, `profile:<url>`.
 *
 * @category models
 * @since 0.1.0
 */
export const Provenance = Schema.Struct({ source: Text, file: Text, record: Text })
export type Provenance = typeof Provenance.Type

/** @category models @since 0.1.0 */
export const NameParts = Schema.Struct({
  prefix: Schema.optionalKey(Text),
  given: Schema.optionalKey(Text),
  middle: Schema.optionalKey(Text),
  family: Schema.optionalKey(Text),
  suffix: Schema.optionalKey(Text),
  nickname: Schema.optionalKey(Text),
  formatted: Schema.optionalKey(Text),
})
export type NameParts = typeof NameParts.Type

/**
 * An e-mail, phone or URL as the source wrote it, with its type labels (`home`, `work`, `cell`,
 * or a custom label verbatim). `primary` marks the source's preferred value.
 *
 * @category models
 * @since 0.1.0
 */
export const LabeledValue = Schema.Struct({
  value: Text,
  types: Labels,
  primary: Schema.optionalKey(Schema.Boolean),
})
export type LabeledValue = typeof LabeledValue.Type

/** @category models @since 0.1.0 */
export const Organization = Schema.Struct({
  company: Schema.optionalKey(Text),
  title: Schema.optionalKey(Text),
  department: Schema.optionalKey(Text),
})
export type Organization = typeof Organization.Type

/** @category models @since 0.1.0 */
export const PostalAddress = Schema.Struct({
  types: Labels,
  poBox: Schema.optionalKey(Text),
  extended: Schema.optionalKey(Text),
  street: Schema.optionalKey(Text),
  locality: Schema.optionalKey(Text),
  region: Schema.optionalKey(Text),
  postalCode: Schema.optionalKey(Text),
  country: Schema.optionalKey(Text),
  formatted: Schema.optionalKey(Text),
})
export type PostalAddress = typeof PostalAddress.Type

/**
 * A birthday; the year is optional because many sources store `--04-22`. When the source's
 * text cannot be read as a date it is kept in `text`.
 *
 * @category models
 * @since 0.1.0
 */
export const Birthday = Schema.Struct({
  year: Schema.optionalKey(Schema.Int),
  month: Schema.optionalKey(Schema.Int),
  day: Schema.optionalKey(Schema.Int),
  text: Schema.optionalKey(Text),
})
export type Birthday = typeof Birthday.Type

/**
 * An account on a service: `{ service: "twitter", handle: "jdoe" }`. `id` is the service's
 * stable numeric or opaque id where the source has one (Twitter account ids).
 *
 * @category models
 * @since 0.1.0
 */
export const SocialHandle = Schema.Struct({
  service: Text,
  handle: Text,
  id: Schema.optionalKey(Text),
})
export type SocialHandle = typeof SocialHandle.Type

/**
 * A source field Blackbook does not model, kept verbatim under the source's own name.
 *
 * @category models
 * @since 0.1.0
 */
export const ExtraField = Schema.Struct({ name: Text, value: Text })
export type ExtraField = typeof ExtraField.Type

/** @category models @since 0.1.0 */
export const SourceRecord = Schema.Struct({
  provenance: Provenance,
  name: NameParts,
  emails: Schema.Array(LabeledValue),
  phones: Schema.Array(LabeledValue),
  organizations: Schema.Array(Organization),
  addresses: Schema.Array(PostalAddress),
  birthday: Schema.optionalKey(Birthday),
  urls: Schema.Array(LabeledValue),
  handles: Schema.Array(SocialHandle),
  notes: Schema.Array(Text),
  categories: Schema.Array(Text),
  /** A photo as a URI (`data:` or remote); never fetched. */
  photo: Schema.optionalKey(Text),
  /** ISO date on which the user connected with this person (LinkedIn "Connected On", a follow). */
  connectedOn: Schema.optionalKey(Text),
  extra: Schema.Array(ExtraField),
})
export type SourceRecord = typeof SourceRecord.Type

/**
 * Builds a record with every collection empty, so adapters only spell out what they found.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (
  provenance: Provenance,
  fields: Partial<Omit<SourceRecord, "provenance">> = {},
): SourceRecord => ({
  provenance,
  name: noName,
  emails: none,
  phones: none,
  organizations: none,
  addresses: none,
  urls: none,
  handles: none,
  notes: none,
  categories: none,
  extra: none,
  ...fields,
})

// Shared by every record that lacks something (frozen: records are read-only): empty lists of each
// record's own add up over a big import (docs/architecture.md).
const none: ReadonlyArray<never> = Object.freeze([])
const noName: NameParts = Object.freeze({})

/**
 * A stable string key for a record: unique within one import.
 *
 * @category utils
 * @since 0.1.0
 */
// Joined rather than concatenated: V8 keeps a concatenation as a tree of parts, bigger than a flat
// string and slower to hash and sort, and every record's key is kept (docs/architecture.md).
export const key = (p: Provenance): string => [p.source, ":", p.file, "#", p.record].join("")
