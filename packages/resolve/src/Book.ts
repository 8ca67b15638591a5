/**
 * The black book: every person once (resolved Contacts with every source's copy kept), the owner's
 * own records set apart, interactions attached to the people they were with, and every record
 * that could not be read.
 *
 * @since 0.1.0
 */
import type { Contact, Evidence } from "@blackbook/model/Contact"
import type { Interaction } from "@blackbook/model/Interaction"
import type { RecordIssue, SourceItem } from "@blackbook/model/Source"
import { key as recordKey, type SourceRecord } from "@blackbook/model/SourceRecord"
import * as Email from "@blackbook/normalize/Email"
import * as Handle from "@blackbook/normalize/Handle"
import * as Name from "@blackbook/normalize/Name"
import * as Url from "@blackbook/normalize/Url"
import { compareStrings, orderByTwo } from "./internal/order.ts"
import * as ModelJson from "./ModelJson.ts"
import * as Profile from "./Profile.ts"
import * as Resolve from "./Resolve.ts"
import type * as Scoring from "./Scoring.ts"
import type { Settings } from "./Settings.ts"
import * as Steps from "./Steps.ts"
import * as Merge from "./Survivorship.ts"

/** @category models @since 0.1.0 */
export interface BookOptions {
  /** The moment the book describes (recorded in the book; ranking reads it). */
  readonly now: Date
  /**
   * My own identities, so records of me never become contacts: e-mail addresses, profile links
   * (LinkedIn, Twitter/X), `@handle` (Twitter) or `service:handle`.
   */
  readonly me?: ReadonlyArray<string>
  /**
   * ISO 3166 region for phone numbers written without a country code, e.g. "GB". When absent,
   * the region most of the import's international numbers belong to (see `Phone.dominantRegion`).
   */
  readonly region?: string
  /** Never-merge / always-merge constraints by record key (see `Resolve.Constraints`). */
  readonly constraints?: Resolve.Constraints
  /** Resolution settings; default `Settings.defaults`. */
  readonly settings?: Settings
  /**
   * A full garbage collection, for a caller that can run one (Node started with `--expose-gc`:
   * `globalThis.gc`; the `blackbook` command does). For an import of `collectGarbageFrom` records
   * or more, it is called twice: before resolution, when what reading the exports left behind is
   * garbage, and as soon as resolution's working memory (a profile per record, the candidate
   * pairs) is garbage, before the merged contacts are built. Nothing else collects either in
   * time, and on a big import each is a good part of the peak memory.
   */
  readonly collectGarbage?: () => void
  /** The fewest records `collectGarbage` is called for; default `collectGarbageFrom`. */
  readonly collectGarbageFrom?: number
  /** A trained model to score with instead of training one (see `Resolve.PipelineOptions.model`). */
  readonly model?: Scoring.Model
  /**
   * Called with the model resolution trained (or was given) and the profiles it read (of the
   * records that are not me), for a caller that keeps them.
   */
  readonly onModel?: (model: Scoring.Model, profiles: ReadonlyArray<Profile.Profile>) => void
}

/**
 * Below this many records a collection costs more time than the memory it frees is worth
 * (figures in docs/resolution.md, "Measurements behind the code").
 *
 * @category constants
 * @since 0.2.0
 */
export const collectGarbageFrom = 250_000

/**
 * Where one side of a possible duplicate was read: the source kind (adapter name) and the file.
 *
 * @category models
 * @since 0.3.0
 */
export interface ReviewSource {
  readonly source: string
  readonly file: string
}

/**
 * One side of a possible duplicate, enough to know who it is without opening the book: the
 * contact's id, its display name and the sources its records came from (each source and file
 * once, in that order).
 *
 * @category models
 * @since 0.3.0
 */
export interface ReviewPerson {
  readonly id: string
  readonly displayName: string
  readonly sources: ReadonlyArray<ReviewSource>
}

/**
 * Two contacts that may be one person: the best pair of their records in the uncertain band
 * (or a pair clustering held back), for a person to decide. Contact-level, made from
 * `Resolve.ReviewPair`; written to the JSON book as `possibleDuplicates` (`BookJson`).
 *
 * @category models
 * @since 0.2.0
 */
export interface PossibleDuplicate {
  /** The two contact ids, in id order. */
  readonly contacts: readonly [string, string]
  /** The two contacts named, in the order of `contacts`. */
  readonly people: readonly [ReviewPerson, ReviewPerson]
  /** The record keys of the pair, in key order. */
  readonly records: readonly [string, string]
  /** Match probability, 0..1. */
  readonly score: number
  readonly reason: string
  /** The same evidence as data (see `Evidence`). */
  readonly evidence: ReadonlyArray<Evidence>
}

/** @category models @since 0.1.0 */
export interface BookStats {
  /** SourceRecords read (contacts and "me" records) per adapter name. */
  readonly recordsBySource: Readonly<Record<string, number>>
  /** Records that could not be read (Issue items). */
  readonly rejected: number
  /** Interaction items read. */
  readonly interactions: number
  /** Interactions whose counterpart is unknown or is me. */
  readonly unattachedInteractions: number
}

/** @category models @since 0.1.0 */
export interface Book {
  /** ISO-8601 instant of `BookOptions.now`. */
  readonly now: string
  /** Sorted by folded display name, then id. */
  readonly contacts: ReadonlyArray<Contact>
  /** Contacts that may be one person, strongest first (see `PossibleDuplicate`). */
  readonly possibleDuplicates: ReadonlyArray<PossibleDuplicate>
  /** Contact id -> its interactions, newest first. Contacts without interactions are absent. */
  readonly interactions: ReadonlyMap<string, ReadonlyArray<Interaction>>
  /** "Me" records: Self items and records that share an identity with them or with `me`. */
  readonly self: ReadonlyArray<SourceRecord>
  readonly errors: ReadonlyArray<RecordIssue>
  readonly stats: BookStats
  /** The model resolution trained on this import (m and u per level, the prior), as JSON. */
  readonly model: ModelJson.ModelJson
}

/** The identity keys of me: canonical e-mails, `service:handle`, LinkedIn slugs. */
const identityKeys = (p: Profile.Profile): Array<string> => [
  ...p.emails.flatMap((e) => (e.generic ? [] : [`e:${e.canonical}`])),
  ...p.handles.map((h) => `h:${h}`),
  ...p.linkedin.map((s) => `l:${s}`),
]

/** Reads one `me` entry: an address, a profile link, `@handle` or `service:handle`. */
const meKeys = (raw: string): Array<string> => {
  const s = raw.trim()
  if (s === "") return []
  if (!s.startsWith("@") && s.includes("@") && Email.isValid(s)) return [`e:${Email.mailbox(s)}`]
  const slug = Url.linkedinSlug(s)
  if (slug !== undefined) return [`l:${slug}`]
  const tw = Url.twitterHandle(s)
  if (tw !== undefined) return [`h:twitter:${tw}`]
  if (/^@[A-Za-z0-9_]{1,15}$/.test(s)) return [`h:${Handle.key("twitter", s)}`]
  const m = /^([a-z][a-z0-9. ]*):(.+)$/i.exec(s)
  if (m?.[1] && m[2] && !/^https?$/i.test(m[1])) {
    const n = Handle.normalize(m[1], m[2])
    return n.service === "linkedin" ? [`l:${n.handle}`] : [`h:${n.service}:${n.handle}`]
  }
  return []
}

const instant = (iso: string): number => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t
}

/**
 * Builds the book from everything the adapters emitted. Pure and synchronous: the same items in
 * any order give the same book (contact ids derive from record keys).
 *
 * @category constructors
 * @since 0.1.0
 */
export const build = (items: Iterable<SourceItem>, options: BookOptions): Book =>
  Steps.runSync(buildSteps(items, options))

/**
 * `build` cut into steps (see `Steps`): the same book, with every stage of resolution reported on
 * the way (`profiles` and `contacts` here, the others in `Resolve.resolveProfilesSteps`).
 * `Steps.run` runs it as an Effect that lets the event loop run between steps.
 *
 * @category constructors
 * @since 0.3.0
 */
export function* buildSteps(items: Iterable<SourceItem>, options: BookOptions): Steps.Steps<Book> {
  const records: Array<SourceRecord> = []
  const selfRecords: Array<SourceRecord> = []
  const interactions: Array<Interaction> = []
  const errors: Array<RecordIssue> = []
  const recordsBySource: Record<string, number> = {}
  for (const item of items) {
    switch (item._tag) {
      case "Record":
      case "Self": {
        const src = item.record.provenance.source
        recordsBySource[src] = (recordsBySource[src] ?? 0) + 1
        ;(item._tag === "Record" ? records : selfRecords).push(item.record)
        break
      }
      case "Interaction":
        interactions.push(item.interaction)
        break
      case "Issue":
        errors.push(item.issue)
        break
    }
  }

  // Whatever reading the exports left behind (file texts, parser state) is garbage by now, and
  // nothing collects it before resolution's own working memory piles on top of it.
  const big = records.length >= (options.collectGarbageFrom ?? collectGarbageFrom)
  if (big) options.collectGarbage?.()
  const region = options.region ?? (yield* Profile.dominantRegionSteps(records, selfRecords))
  const read = Profile.reader(region)
  const phone = read.phone

  // Me: Self records' identities and the caller's; any record sharing one is me too.
  const mine = new Set<string>((options.me ?? []).flatMap(meKeys))
  for (const r of selfRecords) for (const k of identityKeys(read(r))) mine.add(k)
  const contactRecords: Array<SourceRecord> = []
  const profiles: Array<Profile.Profile> = []
  const self = [...selfRecords]
  for (let i = 0; i < records.length; i++) {
    if ((i & 127) === 0) yield Steps.at("profiles", i, records.length)
    const r = records[i]!
    const p = read(r)
    // Without identities of mine (no Self items, no `me`), no record is me: no keys are built.
    if (mine.size > 0 && identityKeys(p).some((k) => mine.has(k))) self.push(r)
    else {
      contactRecords.push(r)
      profiles.push(p)
    }
  }
  yield Steps.at("profiles", records.length, records.length)
  const selfKeys = new Set(self.map((r) => recordKey(r.provenance)))
  self.sort((a, b) => compareStrings(recordKey(a.provenance), recordKey(b.provenance)))

  const { clusters, review, model } = yield* Resolve.resolveProfilesSteps(contactRecords, profiles, {
    ...(options.settings !== undefined ? { settings: options.settings } : {}),
    ...(options.constraints !== undefined ? { constraints: options.constraints } : {}),
    ...(options.model !== undefined ? { model: options.model } : {}),
  })
  options.onModel?.(model, profiles)
  // Profiles are done with: keep their keys and let the rest go before the merged contacts are
  // built (on a big import they are most of the heap, which the collector would keep walking).
  const keys = profiles.map((p) => p.key)
  profiles.length = 0
  if (big) options.collectGarbage?.()
  // Record index -> its contact's id.
  const contactIdOf: Array<string> = new Array(contactRecords.length)
  const merged: Array<Contact> = []
  for (const c of clusters) {
    if ((merged.length & 63) === 0) yield Steps.at("contacts", merged.length, clusters.length)
    const contact = Merge.contact(
      c.records.map((i) => contactRecords[i]!),
      c.match,
      region,
      phone,
      read.email,
      c.records.map((i) => keys[i]!),
    )
    for (const i of c.records) contactIdOf[i] = contact.id
    merged.push(contact)
  }
  yield Steps.at("contacts", clusters.length, clusters.length)
  const byId = new Map(merged.map((c) => [c.id, c]))
  const person = (id: string): ReviewPerson => {
    const c = byId.get(id)!
    const seen = new Set<string>()
    const sources: Array<ReviewSource> = []
    for (const r of c.records) {
      const { source, file } = r.provenance
      const k = `${source}\u0000${file}`
      if (seen.has(k)) continue
      seen.add(k)
      sources.push({ source, file })
    }
    sources.sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.file, b.file))
    return { id, displayName: c.displayName, sources }
  }
  const possibleDuplicates: Array<PossibleDuplicate> = []
  for (const r of review) {
    const x = contactIdOf[r.records[0]]!
    const y = contactIdOf[r.records[1]]!
    const [first, second] = x < y ? [x, y] : [y, x]
    possibleDuplicates.push({
      contacts: [first, second],
      people: [person(first), person(second)],
      records: r.evidence.records,
      score: r.evidence.score,
      reason: r.evidence.reason,
      evidence: r.evidence.evidence ?? [],
    })
  }
  const contacts = orderByTwo(
    merged.map((c) => Name.fold(c.displayName)),
    merged.map((c) => c.id),
  ).map((i) => merged[i]!)
  // Record key -> contact id, for the interactions (only when there are some).
  const contactOf = new Map<string, string>()
  if (interactions.length > 0) for (const [i, k] of keys.entries()) contactOf.set(k, contactIdOf[i]!)

  const byContact = new Map<string, Array<Interaction>>()
  let unattached = 0
  for (const i of interactions) {
    const k = recordKey(i.counterpart)
    const id = selfKeys.has(k) ? undefined : contactOf.get(k)
    if (id === undefined) {
      unattached++
      continue
    }
    const list = byContact.get(id)
    if (list) list.push(i)
    else byContact.set(id, [i])
  }
  for (const list of byContact.values()) {
    list.sort((a, b) => {
      const d = instant(b.at) - instant(a.at)
      if (d !== 0 && !Number.isNaN(d)) return d
      return compareStrings(recordKey(a.provenance), recordKey(b.provenance))
    })
  }

  return {
    now: options.now.toISOString(),
    contacts,
    possibleDuplicates,
    interactions: byContact,
    self,
    errors,
    stats: {
      recordsBySource,
      rejected: errors.length,
      interactions: interactions.length,
      unattachedInteractions: unattached,
    },
    model: ModelJson.fromModel(model),
  }
}
