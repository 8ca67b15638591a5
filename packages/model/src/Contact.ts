/**
 * A resolved person: the SourceRecords judged to be one person, plus a merged view in which every
 * value lists the records it came from. Merging never drops a source's copy: `records` holds them
 * all, untouched.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import {
  Birthday,
  NameParts,
  Organization,
  PostalAddress,
  SocialHandle,
  SourceRecord,
} from "./SourceRecord.ts"

/** Record keys (see `SourceRecord.key`) a merged value was seen in. */
const From = Schema.Array(Schema.String)

/** @category models @since 0.1.0 */
export const MergedValue = Schema.Struct({
  /** The value in canonical form (lower-cased e-mail, E.164 phone, canonical URL). */
  value: Schema.String,
  types: Schema.Array(Schema.String),
  from: From,
})
export type MergedValue = typeof MergedValue.Type

/** @category models @since 0.1.0 */
export const MergedOrganization = Schema.Struct({ ...Organization.fields, from: From })
export type MergedOrganization = typeof MergedOrganization.Type

/** @category models @since 0.1.0 */
export const MergedAddress = Schema.Struct({ ...PostalAddress.fields, from: From })
export type MergedAddress = typeof MergedAddress.Type

/** @category models @since 0.1.0 */
export const MergedHandle = Schema.Struct({ ...SocialHandle.fields, from: From })
export type MergedHandle = typeof MergedHandle.Type

/**
 * One piece of evidence about a pair: the comparison (its name in the settings), the level the
 * pair fell in (its label) and the bits that level added to the score, term-frequency
 * adjustment included (positive for, negative against).
 *
 * @category models
 * @since 0.3.0
 */
export const Evidence = Schema.Struct({
  comparison: Schema.String,
  level: Schema.String,
  bits: Schema.Number,
})
export type Evidence = typeof Evidence.Type

/**
 * Why two records were judged the same person: the pair (record keys), the score, one sentence
 * for people (`reason`) and the same evidence as data (`evidence`, one entry per comparison with
 * evidence either way, in comparison order; absent in books written before 0.3).
 *
 * @category models
 * @since 0.1.0
 */
export const MatchEvidence = Schema.Struct({
  records: Schema.Tuple([Schema.String, Schema.String]),
  score: Schema.Number,
  reason: Schema.String,
  evidence: Schema.optionalKey(Schema.Array(Evidence)),
})
export type MatchEvidence = typeof MatchEvidence.Type

/** @category models @since 0.1.0 */
export const Contact = Schema.Struct({
  /** Deterministic: derived from the member records' keys, not from input order. */
  id: Schema.String,
  displayName: Schema.String,
  name: NameParts,
  emails: Schema.Array(MergedValue),
  phones: Schema.Array(MergedValue),
  organizations: Schema.Array(MergedOrganization),
  addresses: Schema.Array(MergedAddress),
  urls: Schema.Array(MergedValue),
  handles: Schema.Array(MergedHandle),
  birthday: Schema.optionalKey(Birthday),
  notes: Schema.Array(Schema.String),
  categories: Schema.Array(Schema.String),
  connectedOn: Schema.optionalKey(Schema.String),
  records: Schema.Array(SourceRecord),
  match: Schema.Array(MatchEvidence),
})
export type Contact = typeof Contact.Type
