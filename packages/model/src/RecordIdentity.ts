/**
 * A record's identity without its path: the source kind plus the source's own id for the person
 * (a Twitter account id, a LinkedIn profile, a vCard UID, a calendar attendee's address, a LinkedIn
 * message partner), else a fingerprint of the fields that identify the person (name, e-mails,
 * phones, handles). The file path is provenance only, so the same record read from a renamed,
 * moved or re-zipped export has the same identity.
 *
 * @since 0.3.0
 */
import { createHash } from "node:crypto"
import type { SourceRecord } from "./SourceRecord.ts"

const hash = (text: string): string => createHash("sha256").update(text).digest("base64url").slice(0, 22)

/** Lower case, accents and punctuation gone, one space between words. */
const fold = (s: string): string =>
  s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.+]+/gu, " ")
    .trim()

const digits = (s: string): string => s.replace(/\D+/g, "")

const linkedinSlug = (url: string): string | undefined => {
  const m = /linkedin\.com\/in\/([^/?#\s]+)/i.exec(url)
  return m?.[1] === undefined ? undefined : decodeURIComponent(m[1]).toLowerCase()
}

/** The source's own id for the record, as `kind:value`, when it has one. */
const nativeId = (record: SourceRecord): string | undefined => {
  const locator = record.provenance.record
  const colon = locator.indexOf(":")
  const prefix = colon > 0 ? locator.slice(0, colon) : locator
  const rest = colon > 0 ? locator.slice(colon + 1) : ""
  switch (prefix) {
    case "account":
      return `account:${rest}`
    case "attendee":
    case "owner":
      return `${prefix}:${rest.trim().toLowerCase()}`
    case "profile": {
      const slug = linkedinSlug(rest)
      return slug === undefined ? `profile:${rest.trim()}` : `profile:${slug}`
    }
    case "name":
      return `name:${fold(rest)}`
    case "self":
      return "self"
  }
  const uid = record.extra.find((e) => /^uid(;|$)/i.test(e.name))?.value.trim()
  if (uid !== undefined && uid !== "") return `uid:${uid}`
  if (record.provenance.source === "linkedin") {
    for (const u of record.urls) {
      const slug = linkedinSlug(u.value)
      if (slug !== undefined) return `profile:${slug}`
    }
  }
  return undefined
}

/**
 * The fields that say who a record is, folded, each list sorted: the same person written the
 * same way always gives the same text, whatever the file or row.
 */
const identifyingText = (record: SourceRecord): string => {
  const n = record.name
  const name = fold(
    n.formatted ?? [n.prefix, n.given, n.middle, n.family, n.suffix].filter((x) => x !== undefined).join(" "),
  )
  const sorted = (xs: ReadonlyArray<string>) => [...new Set(xs.filter((x) => x !== ""))].sort().join(",")
  return [
    name,
    fold(n.nickname ?? ""),
    sorted(record.emails.map((e) => e.value.trim().toLowerCase())),
    sorted(record.phones.map((p) => digits(p.value))),
    sorted(record.handles.map((h) => `${h.service.toLowerCase()}:${h.handle.toLowerCase()}`)),
    sorted(record.urls.map((u) => u.value.trim().toLowerCase())),
  ].join("|")
}

/**
 * The identity of one record on its own: `source|kind:value` for a source's own id, or
 * `source|fp:<hash>` for a fingerprint. Two different records can share a fingerprint (the same
 * name and nothing else in two rows); `assign` tells them apart within an import.
 *
 * @category identity
 * @since 0.3.0
 */
export const of = (record: SourceRecord): string => {
  const native = nativeId(record)
  return `${record.provenance.source}|${native ?? `fp:${hash(identifyingText(record))}`}`
}

/**
 * Identities for the records of one import, in their order: equal identities are told apart by
 * occurrence (the second gets `#2`, and so on), so no two records of an import share one and the
 * same export read again gives the same identities.
 *
 * @category identity
 * @since 0.3.0
 */
export const assign = (records: ReadonlyArray<SourceRecord>): Array<string> => {
  const seen = new Map<string, number>()
  return records.map((r) => {
    const base = of(r)
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return n === 1 ? base : `${base}#${n}`
  })
}

/**
 * A hash of what a record says (everything but where it was read), to tell a changed record from
 * an unchanged one between imports.
 *
 * @category identity
 * @since 0.3.0
 */
export const contentHash = (record: SourceRecord): string => {
  const { provenance: _, ...content } = record
  return hash(JSON.stringify(content))
}
