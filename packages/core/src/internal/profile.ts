/**
 * What resolution compares about a record, computed once per record: canonical identifiers,
 * folded name parts and nickname groups.
 */
import * as Email from "../Email.ts"
import * as Handle from "../Handle.ts"
import * as Name from "../Name.ts"
import * as Nickname from "../Nickname.ts"
import * as Phone from "../Phone.ts"
import { key as recordKey, type SourceRecord } from "../SourceRecord.ts"
import * as Url from "../Url.ts"

export interface ProfileEmail {
  readonly normalized: string
  readonly canonical: string
  readonly domain: string
}

export interface Profile {
  readonly key: string
  /** Valid, non-role addresses. */
  readonly emails: ReadonlyArray<ProfileEmail>
  readonly phones: ReadonlyArray<string>
  /** `service:handle` keys of accounts (Twitter handles from profile links included). */
  readonly handles: ReadonlyArray<string>
  readonly twitterIds: ReadonlyArray<string>
  readonly linkedin: ReadonlyArray<string>
  /** The given name as written (for reasons), its folded words and first word. */
  readonly givenRaw?: string
  readonly given: ReadonlyArray<string>
  readonly middle: ReadonlyArray<string>
  readonly nickname: ReadonlyArray<string>
  readonly familyRaw?: string
  readonly family: ReadonlyArray<string>
  readonly generation?: Name.Generation
  readonly birthday?: { readonly year?: number; readonly month?: number; readonly day?: number }
  readonly companies: ReadonlyArray<string>
  /** Nickname group keys of the first given word (the word itself when unknown). */
  readonly givenGroups: ReadonlyArray<string>
}

const uniq = <A>(xs: Iterable<A>): Array<A> => [...new Set(xs)]

/**
 * The region for national phone numbers when the caller gave none: the one most of the records'
 * international numbers belong to (read lazily, from a sample).
 */
export const dominantRegion = (...lists: ReadonlyArray<ReadonlyArray<SourceRecord>>): string | undefined =>
  Phone.dominantRegion(
    (function* () {
      for (const records of lists) for (const r of records) for (const p of r.phones) yield p.value
    })(),
  )

/** Builds the comparison profile of a record; `region` reads national phone numbers. */
export const make = (record: SourceRecord, region: string | undefined): Profile => {
  const emails = new Map<string, ProfileEmail>()
  for (const e of record.emails) {
    const normalized = Email.normalize(e.value)
    if (!Email.isValid(normalized) || Email.isGeneric(normalized)) continue
    const canonical = Email.canonical(normalized)
    if (!emails.has(canonical))
      emails.set(canonical, { normalized, canonical, domain: Email.domain(normalized) })
  }
  const phones = uniq(record.phones.flatMap((p) => Phone.toE164(p.value, region) ?? []))
  const handles: Array<string> = []
  const twitterIds: Array<string> = []
  const linkedin: Array<string> = []
  for (const h of record.handles) {
    const n = Handle.normalize(h.service, h.handle)
    if (n.service === "linkedin") {
      if (n.handle !== "") linkedin.push(n.handle)
      continue
    }
    if (n.handle !== "") handles.push(`${n.service}:${n.handle}`)
    if (n.service === "twitter" && h.id !== undefined && h.id.trim() !== "") twitterIds.push(h.id.trim())
  }
  for (const u of record.urls) {
    const slug = Url.linkedinSlug(u.value)
    if (slug !== undefined) linkedin.push(slug)
    const tw = Url.twitterHandle(u.value)
    if (tw !== undefined) handles.push(`twitter:${tw}`)
  }
  const parts = Name.parse(record.name)
  const given = Name.tokens(parts.given ?? "")
  const nickname = Name.tokens(parts.nickname ?? "")
  const first = given[0] ?? nickname[0]
  const generation = Name.generation(parts)
  const b = record.birthday
  const birthday =
    b && (b.year !== undefined || (b.month !== undefined && b.day !== undefined))
      ? {
          ...(b.year !== undefined ? { year: b.year } : {}),
          ...(b.month !== undefined ? { month: b.month } : {}),
          ...(b.day !== undefined ? { day: b.day } : {}),
        }
      : undefined
  const givenRaw = parts.given ?? parts.nickname
  return {
    key: recordKey(record.provenance),
    emails: [...emails.values()],
    phones,
    handles: uniq(handles),
    twitterIds: uniq(twitterIds),
    linkedin: uniq(linkedin),
    ...(givenRaw !== undefined ? { givenRaw } : {}),
    given: given.length > 0 ? given : nickname,
    middle: Name.tokens(parts.middle ?? ""),
    nickname,
    ...(parts.family !== undefined ? { familyRaw: parts.family } : {}),
    family: Name.tokens(parts.family ?? ""),
    ...(generation !== undefined ? { generation } : {}),
    ...(birthday !== undefined ? { birthday } : {}),
    companies: uniq(record.organizations.flatMap((o) => Name.tokens(o.company ?? "").join(" ") || [])),
    givenGroups: first !== undefined ? Nickname.canonical(first) : [],
  }
}

/**
 * The blocking keys of a profile: every identifier, plus one name key per nickname group of the
 * given name with the folded family name.
 */
export const blockingKeys = (p: Profile): Array<string> => {
  const keys: Array<string> = []
  for (const e of p.emails) keys.push(`e:${e.canonical}`)
  for (const ph of p.phones) keys.push(`p:${ph}`)
  for (const h of p.handles) keys.push(`h:${h}`)
  for (const id of p.twitterIds) keys.push(`t:${id}`)
  for (const s of p.linkedin) keys.push(`l:${s}`)
  if (p.family.length > 0) {
    const family = p.family.join(" ")
    for (const g of p.givenGroups) keys.push(`n:${g}|${family}`)
  }
  return keys
}
