/**
 * The part of the book an import touches, read from the database without loading the rest:
 * the records it brings and the stored copies of them, the records they may be one person with
 * (found by blocking key in SQL and scored with the stored model), and every record of the
 * contacts those belong to. Undefined when the import is better resolved with the whole book.
 */
import * as RecordIdentity from "@blackbook/model/RecordIdentity"
import type { SourceItem } from "@blackbook/model/Source"
import { key as recordKey, type SourceRecord } from "@blackbook/model/SourceRecord"
import type * as Profile from "@blackbook/resolve/Profile"
import * as Scoring from "@blackbook/resolve/Scoring"
import { exportNameOf, type Overlay, overlay } from "./engine.ts"
import * as Incremental from "./incremental.ts"
import * as KeyIndex from "./keyIndex.ts"
import type { Sql } from "./sql.ts"
import {
  type ContactRow,
  contactColumns,
  type Decision,
  type InteractionRow,
  type RecordRow,
  recordColumns,
  type State,
  type StoredContact,
  type StoredInteraction,
  type StoredRecord,
  storedContact,
  storedInteraction,
  storedRecord,
} from "./state.ts"

export interface Part {
  readonly state: State
  readonly over: Overlay
  readonly only: ReadonlySet<string>
  readonly keys: ReadonlyMap<string, ReadonlyArray<string>>
  readonly index: KeyIndex.KeyIndex
  /** The stored model with the value counts of the records the import brings. */
  readonly model: Scoring.Model
}

const rowsOf = async (tx: Sql, book: string, where: string, param: unknown): Promise<Array<StoredRecord>> =>
  (
    await tx.query<RecordRow>(`select ${recordColumns} from records where book = $1 and ${where}`, [
      book,
      param,
    ])
  ).map(storedRecord)

/** Plans an incremental import, or answers undefined for a full one. */
export const plan = async (
  tx: Sql,
  book: string,
  items: ReadonlyArray<SourceItem>,
  importId: number,
  decisions: ReadonlyArray<Decision>,
  trained: Incremental.Trained,
  region: string | undefined,
  /** Resolve the part whatever its size. */
  force = false,
): Promise<Part | undefined> => {
  const active =
    (await tx.query<{ n: number }>("select active as n from record_counts where book = $1", [book]))[0]?.n ??
    0
  if (active === 0 || (!force && active >= trained.records * Incremental.retrainGrowth)) return undefined
  // The import's records, their identities as `overlay` gives them, and the stored copies.
  const contactRecords: Array<SourceRecord> = []
  const selfRecords: Array<SourceRecord> = []
  const counterpartKeys = new Set<string>()
  for (const item of items) {
    if (item._tag === "Record") contactRecords.push(item.record)
    else if (item._tag === "Self") selfRecords.push(item.record)
    else if (item._tag === "Interaction") counterpartKeys.add(recordKey(item.interaction.counterpart))
  }
  if (!force && contactRecords.length > active * Incremental.fullShare) return undefined
  const incoming = [
    ...RecordIdentity.assign(contactRecords),
    ...RecordIdentity.assign(selfRecords).map((i) => `me|${i}`),
  ]
  const exportsNow = [...new Set([...contactRecords, ...selfRecords].map(exportNameOf))]
  const records = new Map<string, StoredRecord>()
  for (const r of await rowsOf(tx, book, "identity = any($2::text[])", incoming)) records.set(r.identity, r)
  // The active records of the exports this import brings again: those it lacks are gone.
  for (const r of await rowsOf(tx, book, "not gone and export_name = any($2::text[])", exportsNow))
    records.set(r.identity, r)
  // Of the exports this import brings, those the book held before (only they can be asked about).
  const knownExports = new Set(
    (
      await tx.query<{ e: string }>(
        "select e from unnest($2::text[]) as e where exists (select 1 from records where book = $1 and export_name = e)",
        [book, exportsNow],
      )
    ).map((r) => r.e),
  )
  for (const r of [...contactRecords, ...selfRecords]) counterpartKeys.delete(recordKey(r.provenance))
  const identityOfStoredKey = new Map(
    (
      await tx.query<{ k: string; identity: string }>(
        "select record_key as k, identity from records where book = $1 and record_key = any($2::text[])",
        [book, [...counterpartKeys]],
      )
    ).map((r) => [r.k, r.identity]),
  )
  const state: State = {
    records,
    interactions: new Map(),
    membership: new Map(),
    contacts: new Map(),
    decisions,
  }
  const first = overlay(state, items, importId, { knownExports, identityOfStoredKey })
  // Records read again from another place: their contacts' documents name the new place.
  const moved = incoming.filter((identity) => {
    const before = records.get(identity)
    const after = first.records.get(identity)!
    return (
      before !== undefined &&
      !before.gone &&
      !first.added.has(identity) &&
      recordKey(before.record.provenance) !== recordKey(after.record.provenance)
    )
  })
  const { counts } = first
  if (!force && counts.new + counts.changed + counts.gone + moved.length > active * Incremental.fullShare)
    return undefined

  // Interactions already stored are no news.
  const stored = new Set(
    (
      await tx.query<{ identity: string }>(
        "select identity from interactions where book = $1 and identity = any($2::text[])",
        [book, first.newInteractions.map((i) => i.identity)],
      )
    ).map((r) => r.identity),
  )
  const newInteractions = first.newInteractions.filter((i) => !stored.has(i.identity))

  // New and changed records: found by their blocking keys, scored against the records sharing one.
  const fresh = [...first.added, ...first.changedBefore.keys()].filter(
    (identity) => first.records.get(identity)!.kind === "record",
  )
  const read = Incremental.readerOf(trained.region ?? region ?? null)
  const keys = new Map<string, ReadonlyArray<string>>()
  const freshProfiles: Array<Profile.Profile> = []
  for (const identity of fresh) {
    const p = read(first.records.get(identity)!.record)
    freshProfiles.push(p)
    keys.set(identity, Incremental.keysOf(p))
  }
  const allKeys = new Set([...keys.values()].flat())
  const index = await KeyIndex.load(tx, book, allKeys)
  const freshSet = new Set(fresh)
  // A key held by more records than blocking compares pairs nobody.
  const holderIdentities = new Set<string>()
  const holdersOf = new Map<string, ReadonlyArray<string>>()
  const held = new Map<string, number>()
  for (const ks of keys.values()) for (const k of ks) held.set(k, (held.get(k) ?? 0) + 1)
  for (const k of allKeys) {
    const stored = index.holders(k).filter((identity) => !freshSet.has(identity))
    if (stored.length === 0 || stored.length + held.get(k)! > Incremental.maxBlock) continue
    holdersOf.set(k, stored)
    for (const identity of stored) holderIdentities.add(identity)
  }
  const holders = await rowsOf(tx, book, "identity = any($2::text[])", [...holderIdentities])
  const holderProfiles = holders.map((r) => read(r.record))
  const holderNumber = new Map(holders.map((r, h) => [r.identity, h]))
  const model = Incremental.modelOf(trained, freshProfiles)
  const ctx = Scoring.context([...freshProfiles, ...holderProfiles], model.settings.shared)
  const partners = new Set<string>()
  fresh.forEach((_, f) => {
    const a = freshProfiles[f]!
    const seen = new Set<number>()
    for (const k of keys.get(fresh[f]!)!) {
      for (const identity of holdersOf.get(k) ?? []) {
        const h = holderNumber.get(identity)
        if (h === undefined) continue
        if (seen.has(h)) continue
        seen.add(h)
        const b = holderProfiles[h]!
        const s = a.key <= b.key ? Scoring.score(model, ctx, a, b) : Scoring.score(model, ctx, b, a)
        if (!s.veto && s.bits >= Incremental.reviewBits) partners.add(holders[h]!.identity)
      }
    }
  })

  // The contacts to resolve again: of the partners, of the records changed, gone or moved, of
  // the counterparts of new interactions, and of the records decisions about those name.
  const seeds = new Set<string>([
    ...partners,
    ...first.changedBefore.keys(),
    ...first.goneNow,
    ...moved,
    ...newInteractions.map((i) => i.counterpart),
  ])
  const contactsOf = async (identities: Iterable<string>) =>
    new Set(
      (
        await tx.query<{ contact: string }>(
          "select distinct contact from membership where book = $1 and identity = any($2::text[])",
          [book, [...identities]],
        )
      ).map((r) => r.contact),
    )
  const touchedContacts = await contactsOf(seeds)
  const membersOf = async (contacts: Iterable<string>) =>
    await tx.query<{ identity: string; contact: string }>(
      "select identity, contact from membership where book = $1 and contact = any($2::text[])",
      [book, [...contacts]],
    )
  let members = await membersOf(touchedContacts)
  const named = new Set(members.map((m) => m.identity))
  for (const f of fresh) named.add(f)
  const related = new Set<string>()
  for (const d of decisions) {
    if (d.undoneAt !== null) continue
    const refs = [d.a, d.b, ...d.others].filter((x) => x !== "")
    if (refs.some((x) => named.has(x))) for (const x of refs) if (!named.has(x)) related.add(x)
  }
  if (related.size > 0) {
    for (const c of await contactsOf(related)) touchedContacts.add(c)
    members = await membersOf(touchedContacts)
  }
  const membership = new Map(members.map((m) => [m.identity, m.contact]))
  const missing = members.map((m) => m.identity).filter((identity) => !first.records.has(identity))
  for (const r of await rowsOf(tx, book, "identity = any($2::text[])", missing))
    first.records.set(r.identity, r)
  const contacts = new Map<string, StoredContact>()
  for (const r of await tx.query<ContactRow>(
    `select ${contactColumns} from contacts where book = $1 and id = any($2::text[])`,
    [book, [...touchedContacts]],
  ))
    contacts.set(r.id, storedContact(r))
  const only = new Set<string>([...membership.keys(), ...fresh])
  // The owner's own records, for telling records of me apart.
  const selves = await tx.query<RecordRow>(
    `select ${recordColumns} from records where book = $1 and kind = 'self' and not gone`,
    [book],
  )
  for (const r of selves.map(storedRecord)) {
    if (!first.records.has(r.identity)) first.records.set(r.identity, r)
    only.add(r.identity)
  }
  for (const r of first.records.values()) if (r.kind === "self" && !r.gone) only.add(r.identity)
  const interactions = new Map<string, StoredInteraction>()
  for (const r of await tx.query<InteractionRow>(
    "select identity, counterpart, interaction, first_import from interactions where book = $1 and counterpart = any($2::text[])",
    [book, [...only]],
  ))
    interactions.set(r.identity, storedInteraction(r))
  for (const i of newInteractions) interactions.set(i.identity, i)
  return {
    state: { ...state, membership, contacts },
    over: { ...first, interactions, newInteractions },
    only,
    keys,
    index,
    model,
  }
}
