/**
 * The merged view of a cluster: every value once (deduplicated by its comparison key), with the
 * keys of the records it came from. Records are visited in key order, so "first seen" is stable.
 */
import { hash } from "node:crypto"
import type {
  Contact,
  MatchEvidence,
  MergedAddress,
  MergedHandle,
  MergedOrganization,
  MergedValue,
} from "@blackbook/model/Contact"
import {
  type Birthday,
  type LabeledValue,
  type NameParts,
  key as recordKey,
  type SourceRecord,
} from "@blackbook/model/SourceRecord"
import * as Email from "@blackbook/normalize/Email"
import * as Handle from "@blackbook/normalize/Handle"
import * as Name from "@blackbook/normalize/Name"
import * as Phone from "@blackbook/normalize/Phone"
import * as Url from "@blackbook/normalize/Url"
import { compareStrings } from "./internal/order.ts"
import type { PhoneReader, ProfileEmail } from "./Profile.ts"

// One frozen empty list for every contact that lacks a field (most lack most): a new empty list
// per field per contact was a noticeable share of the merged contacts' memory.
const none: ReadonlyArray<never> = Object.freeze([])
const listOf = <A>(xs: Array<A>): ReadonlyArray<A> => (xs.length === 0 ? none : xs)

/** A value's own copy of its types; the shared empty list, which only `addTypes` extends, when none. */
const typesOf = (types: ReadonlyArray<string>): Array<string> =>
  types.length === 0 ? (none as Array<never>) : [...types]

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyArray<infer A> ? Array<A> : T[K] }

/** A merged value as collected: its sources list may be shared with other values (see `Collector`). */
type Collected<V> = Omit<Mutable<V>, "from"> & { from: ReadonlyArray<string> }

/**
 * Collects values by key, keeping the first value seen and the union of types and sources. A
 * contact holds a handful of values per field: a linear search beats a Map per field per contact.
 * A value starts with its record's one-key sources list, shared by every value of that record
 * (most contacts have one record, and their values keep that list); a second source copies it.
 */
class Collector<V extends { types?: ReadonlyArray<string>; from: ReadonlyArray<string> }> {
  private readonly keys: Array<string> = []
  private readonly items: Array<Collected<V>> = []
  /**
   * Per value, whether its sources list is its own (copied once, then added to in place) and,
   * once it is long, a set to look sources up in: a value thousands of records share (a card
   * repeated) would otherwise cost a copy and a search per record, in the square of their number.
   */
  private readonly own: Array<boolean | Set<string>> = []
  /**
   * The value collected under `key`, with `from` added to its sources, or undefined when there is
   * none yet (the caller then `push`es it). No callbacks: a contact's every value passes here.
   */
  existing(key: string, from: string): Collected<V> | undefined {
    const at = this.keys.indexOf(key)
    if (at < 0) return undefined
    const existing = this.items[at]!
    const own = this.own[at]!
    if (own instanceof Set) {
      if (!own.has(from)) {
        own.add(from)
        ;(existing.from as Array<string>).push(from)
      }
      return existing
    }
    if (existing.from.includes(from)) return existing
    if (own) (existing.from as Array<string>).push(from)
    else {
      existing.from = [...existing.from, from]
      this.own[at] = true
    }
    if (existing.from.length >= 16) this.own[at] = new Set(existing.from)
    return existing
  }
  push(key: string, item: Collected<V>): void {
    this.keys.push(key)
    this.items.push(item)
    this.own.push(false)
  }
  values(): ReadonlyArray<V> {
    return listOf(this.items as Array<V>)
  }
}

const addTypes = (target: { types?: ReadonlyArray<string> }, types: ReadonlyArray<string>): void => {
  const list = target.types
  if (!list) return
  for (const t of types) {
    if (list.includes(t)) continue
    // The shared empty list is replaced, never written to.
    if (list === none) target.types = [t]
    else (target.types as Array<string>).push(t)
  }
}

// Copies that add a field are made with Object.assign, not an object spread followed by the field:
// V8 (Node 20) gives each object made by `{ ...x, from }` a hidden class of its own (about 200
// bytes, and megamorphic reads of it), where Object.assign's copies share one per shape.
const mergeLabeled = (
  records: ReadonlyArray<SourceRecord>,
  keys: ReadonlyArray<string>,
  sources: ReadonlyArray<ReadonlyArray<string>>,
  pick: (r: SourceRecord) => ReadonlyArray<LabeledValue>,
  keyOf: (raw: string, record: SourceRecord) => { readonly key: string; readonly value: string } | undefined,
): ReadonlyArray<MergedValue> => {
  const c = new Collector<MergedValue>()
  for (let i = 0; i < records.length; i++) {
    const values = pick(records[i]!)
    for (let j = 0; j < values.length; j++) {
      const v = values[j]!
      const k = keyOf(v.value, records[i]!)
      if (!k) continue
      const existing = c.existing(k.key, keys[i]!)
      if (existing !== undefined) addTypes(existing, v.types)
      else c.push(k.key, { value: k.value, types: typesOf(v.types), from: sources[i]! })
    }
  }
  return c.values()
}

const nonEmpty = (s: string): string | undefined => {
  const t = s.trim()
  return t === "" ? undefined : t
}

/** A phone's merge key and value: E.164 when it parses, else the trimmed text. */
export const phoneValue = (
  raw: string,
  region: string | undefined,
  phone?: PhoneReader,
  record?: SourceRecord,
): string | undefined => {
  const t = nonEmpty(raw)
  if (t === undefined) return undefined
  return (phone !== undefined ? phone(t, record) : Phone.toE164(t, region)) ?? t
}

/** How complete a name is: its non-blank parts, then their total length. */
const completeness = (n: NameParts): readonly [number, number] => {
  let parts = 0
  let length = 0
  for (const p of [n.prefix, n.given, n.middle, n.family, n.suffix, n.nickname, n.formatted]) {
    if (p === undefined || p.trim() === "") continue
    parts++
    length += p.length
  }
  return [parts, length]
}

// Company names and job titles recur across contacts: each text is folded once (bounded memory).
const foldCache = new Map<string, string>()
const fold = (s: string | undefined): string => {
  if (s === undefined || s === "") return ""
  let f = foldCache.get(s)
  if (f === undefined) {
    f = Name.tokens(s).join(" ")
    if (foldCache.size >= 100_000) foldCache.clear()
    foldCache.set(s, f)
  }
  return f
}

/** The smallest member key's sha1, so the id does not depend on input order or cluster growth. */
export const contactId = (keys: ReadonlyArray<string>): string => {
  let smallest = keys[0] ?? ""
  for (const k of keys) if (compareStrings(k, smallest) < 0) smallest = k
  // The one-shot hash: much quicker than a Hash object per contact.
  return `c_${hash("sha1", smallest, "hex").slice(0, 12)}`
}

/**
 * Builds the merged Contact of records (ordered by key) and the evidence that joined them;
 * `phone`, when given, is a `phoneReader` of `region` (shared with the profiles); `recordKeys`,
 * when given, are the records' keys (one string per record, shared by every value it gave).
 */
export const contact = (
  records: ReadonlyArray<SourceRecord>,
  match: ReadonlyArray<MatchEvidence>,
  region: string | undefined,
  phone?: PhoneReader,
  email?: (raw: string) => ProfileEmail | null,
  recordKeys?: ReadonlyArray<string>,
): Contact => {
  const keys = recordKeys ?? records.map((r) => recordKey(r.provenance))
  // Each record's sources list, shared by the values it alone gave.
  const sources = keys.map((k) => [k])
  const emails = mergeLabeled(
    records,
    keys,
    sources,
    (r) => r.emails,
    (raw) => {
      // A valid address as the profiles read it; anything else as written (nothing is lost).
      const read = email?.(raw)
      if (read) return { key: read.canonical, value: read.normalized }
      const value = Email.normalize(raw)
      return value === "" ? undefined : { key: Email.mailbox(raw), value }
    },
  )
  const phones = mergeLabeled(
    records,
    keys,
    sources,
    (r) => r.phones,
    (raw, record) => {
      // In the record's own country when it has one (`Profile.phoneRegions`), as the profiles read it.
      const value = phoneValue(raw, region, phone, record)
      return value === undefined ? undefined : { key: value, value }
    },
  )
  const urls = mergeLabeled(
    records,
    keys,
    sources,
    (r) => r.urls,
    (raw) => {
      if (nonEmpty(raw) === undefined) return undefined
      const value = Url.normalize(raw)
      return { key: Url.keyOfNormalized(value), value }
    },
  )

  const handles = new Collector<MergedHandle>()
  const organizations = new Collector<MergedOrganization>()
  const addresses = new Collector<MergedAddress>()
  let name: NameParts = {}
  let best: readonly [number, number] = [0, 0]
  let birthday: Birthday | undefined
  const notes: Array<string> = []
  const categories: Array<string> = []
  let connectedOn: string | undefined
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!
    const from = keys[i]!
    const fromList = sources[i]!
    for (const h of r.handles) {
      const n = Handle.normalize(h.service, h.handle)
      if (n.handle === "") continue
      const key = `${n.service}:${n.handle}`
      const e = handles.existing(key, from)
      if (e === undefined)
        handles.push(key, {
          service: n.service,
          handle: n.handle,
          ...(h.id !== undefined ? { id: h.id } : {}),
          from: fromList,
        })
      else if (e.id === undefined && h.id !== undefined) e.id = h.id
    }
    for (const o of r.organizations) {
      if (nonEmpty(o.company ?? "") === undefined && nonEmpty(o.title ?? "") === undefined) continue
      const key = `${fold(o.company)}|${fold(o.title)}`
      const e = organizations.existing(key, from)
      if (e === undefined) organizations.push(key, Object.assign({}, o, { from: fromList }))
      else if (e.department === undefined && o.department !== undefined) e.department = o.department
    }
    for (const a of r.addresses) {
      const street = fold(a.street)
      const postal = fold(a.postalCode)
      // Without street and postcode, the whole address is the key (two cities stay two values).
      const k =
        street !== "" || postal !== ""
          ? `${street}|${postal}`
          : `~${fold([a.poBox, a.extended, a.locality, a.region, a.country, a.formatted].join(" "))}`
      if (k === "~") continue
      const e = addresses.existing(k, from)
      if (e === undefined)
        addresses.push(k, Object.assign({}, a, { types: typesOf(a.types), from: fromList }))
      else addTypes(e, a.types)
    }
    const score = completeness(r.name)
    if (score[0] > best[0] || (score[0] === best[0] && score[1] > best[1])) {
      best = score
      name = r.name
    }
    if (
      r.birthday &&
      (birthday === undefined || (birthday.year === undefined && r.birthday.year !== undefined))
    ) {
      birthday = r.birthday
    }
    for (const n of r.notes) if (nonEmpty(n) !== undefined && !notes.includes(n)) notes.push(n)
    for (const c of r.categories) if (nonEmpty(c) !== undefined && !categories.includes(c)) categories.push(c)
    if (r.connectedOn !== undefined && (connectedOn === undefined || r.connectedOn < connectedOn)) {
      connectedOn = r.connectedOn
    }
  }
  const mergedHandles = handles.values()
  const mergedOrgs = organizations.values()
  const displayName =
    Name.displayName(name) ??
    records.map((r) => Name.displayName(r.name)).find((d) => d !== undefined) ??
    emails[0]?.value ??
    (mergedHandles[0] ? `@${mergedHandles[0].handle}` : undefined) ??
    phones[0]?.value ??
    mergedOrgs[0]?.company ??
    "(no name)"
  return {
    id: contactId(keys),
    displayName,
    name,
    emails,
    phones,
    organizations: mergedOrgs,
    addresses: addresses.values(),
    urls,
    handles: mergedHandles,
    ...(birthday !== undefined ? { birthday } : {}),
    notes: listOf(notes),
    categories: listOf(categories),
    ...(connectedOn !== undefined ? { connectedOn } : {}),
    records,
    match,
  }
}
