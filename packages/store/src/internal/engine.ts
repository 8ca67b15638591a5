/**
 * One resolution of a book: the stored records with what an import brings, through the same
 * pipeline as `blackbook merge`, then stable ids, the change set, and the rows to write.
 *
 * A full resolution takes the whole book; an incremental one (`ops.ts`) the part an import
 * touches, scored with the stored model (`only`, `model`): ids, decisions and the change feed
 * work the same on either.
 */
import { createHash } from "node:crypto"
import type { Contact } from "@blackbook/model/Contact"
import type { Interaction } from "@blackbook/model/Interaction"
import * as RecordIdentity from "@blackbook/model/RecordIdentity"
import type { SourceItem } from "@blackbook/model/Source"
import { key as recordKey, type SourceRecord } from "@blackbook/model/SourceRecord"
import * as Book from "@blackbook/resolve/Book"
import type * as Profile from "@blackbook/resolve/Profile"
import type { Constraints } from "@blackbook/resolve/Resolve"
import type * as Scoring from "@blackbook/resolve/Scoring"
import { type ChangeSet, type Event, jobChange, jobOf, silenceDays } from "../Changes.ts"
import * as StableIds from "../StableIds.ts"
import type { Decision, State, StoredInteraction, StoredRecord } from "./state.ts"

export const hash = (text: string): string =>
  createHash("sha256").update(text).digest("base64url").slice(0, 22)

/** The export a record came in: its source and the file's own name (not its folder or zip). */
export const exportNameOf = (record: SourceRecord): string => {
  const file = record.provenance.file.replace(/\\/g, "/")
  return `${record.provenance.source}|${file.slice(file.lastIndexOf("/") + 1)}`
}

export interface ResolveOptions {
  readonly now: Date
  readonly me?: ReadonlyArray<string>
  readonly region?: string
  /** Resolve only these records (whole contacts): an incremental import's part of the book. */
  readonly only?: ReadonlySet<string>
  /** Score with this model instead of training one (see `internal/incremental.ts`). */
  readonly model?: Scoring.Model
  /** Called with the model the resolution used and the profiles it read. */
  readonly onModel?: (model: Scoring.Model, profiles: ReadonlyArray<Profile.Profile>) => void
  /** Record identity -> contact: the stored contacts, kept together (for reading the book). */
  readonly keep?: ReadonlyMap<string, string>
}

/** What the stored book looks like once an import's items are laid over it. */
export interface Overlay {
  readonly records: Map<string, StoredRecord>
  readonly interactions: Map<string, StoredInteraction>
  readonly counts: ChangeSet["counts"]
  /** Identities new to the book (or back after being gone), and the records changed (before). */
  readonly added: ReadonlySet<string>
  readonly changedBefore: ReadonlyMap<string, SourceRecord>
  readonly goneNow: ReadonlySet<string>
  readonly newInteractions: ReadonlyArray<StoredInteraction>
  /** Export names the book held before this import. */
  readonly knownExports: ReadonlySet<string>
}

const occurrence = () => {
  const seen = new Map<string, number>()
  return (base: string) => {
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return n === 1 ? base : `${base}#${n}`
  }
}

/** Lays an import's items over the stored state (nothing is written here). */
export const overlay = (
  state: State,
  items: ReadonlyArray<SourceItem>,
  importId: number,
  part?: {
    /** Export names the book held (`state` holds only part of its records). */
    readonly knownExports: ReadonlySet<string>
    /** Stored records' identities by record key, for the counterparts of interactions. */
    readonly identityOfStoredKey: ReadonlyMap<string, string>
  },
): Overlay => {
  const contactRecords: Array<SourceRecord> = []
  const selfRecords: Array<SourceRecord> = []
  const interactions: Array<Interaction> = []
  for (const item of items) {
    if (item._tag === "Record") contactRecords.push(item.record)
    else if (item._tag === "Self") selfRecords.push(item.record)
    else if (item._tag === "Interaction") interactions.push(item.interaction)
  }
  const knownExports = new Set<string>(part?.knownExports)
  if (part === undefined) for (const r of state.records.values()) knownExports.add(r.exportName)
  const records = new Map(state.records)
  const added = new Set<string>()
  const changedBefore = new Map<string, SourceRecord>()
  const seen = new Set<string>()
  const exportsNow = new Set<string>()
  const identityOfKey = new Map<string, string>()
  const counts = { records: contactRecords.length, new: 0, changed: 0, unchanged: 0, gone: 0 }
  const lay = (record: SourceRecord, identity: string, kind: "record" | "self") => {
    const contentHash = RecordIdentity.contentHash(record)
    const exportName = exportNameOf(record)
    const stored = state.records.get(identity)
    exportsNow.add(exportName)
    seen.add(identity)
    identityOfKey.set(recordKey(record.provenance), identity)
    if (kind === "record") {
      if (stored === undefined || stored.gone) {
        counts.new++
        added.add(identity)
      } else if (stored.contentHash !== contentHash) {
        counts.changed++
        changedBefore.set(identity, stored.record)
      } else counts.unchanged++
    }
    records.set(identity, {
      identity,
      kind,
      source: record.provenance.source,
      exportName,
      contentHash,
      record,
      firstImport: stored === undefined || stored.gone ? importId : stored.firstImport,
      lastImport: importId,
      gone: false,
      goneImport: null,
    })
  }
  for (const [i, identity] of RecordIdentity.assign(contactRecords).entries())
    lay(contactRecords[i]!, identity, "record")
  for (const [i, identity] of RecordIdentity.assign(selfRecords).entries())
    lay(selfRecords[i]!, `me|${identity}`, "self")
  // A record a newer copy of its export no longer holds is gone (kept, and out of the book).
  const goneNow = new Set<string>()
  for (const r of state.records.values()) {
    if (r.gone || seen.has(r.identity) || !exportsNow.has(r.exportName)) continue
    records.set(r.identity, { ...r, gone: true, goneImport: importId })
    goneNow.add(r.identity)
    if (r.kind === "record") counts.gone++
  }
  // Interactions: keyed by what they are, not where they were read, so a re-import adds none.
  const storedKeyIdentity = new Map<string, string>()
  const interactionMap = new Map(state.interactions)
  const newInteractions: Array<StoredInteraction> = []
  const next = occurrence()
  for (const i of interactions) {
    const k = recordKey(i.counterpart)
    let counterpart = identityOfKey.get(k)
    if (counterpart === undefined) {
      if (part !== undefined) counterpart = part.identityOfStoredKey.get(k) ?? `?${k}`
      else {
        if (storedKeyIdentity.size === 0)
          for (const r of state.records.values())
            storedKeyIdentity.set(recordKey(r.record.provenance), r.identity)
        counterpart = storedKeyIdentity.get(k) ?? `?${k}`
      }
    }
    const identity = next(
      hash([i.kind, i.at, i.direction, counterpart, i.provenance.source, i.counterpart.source].join("|")),
    )
    if (interactionMap.has(identity)) continue
    const stored = { identity, counterpart, interaction: i, firstImport: importId }
    interactionMap.set(identity, stored)
    newInteractions.push(stored)
  }
  return {
    records,
    interactions: interactionMap,
    counts,
    added,
    changedBefore,
    goneNow,
    newInteractions,
    knownExports,
  }
}

export interface Resolved {
  readonly book: Book.Book
  /** Book contact id -> the identities of its records, sorted. */
  readonly members: ReadonlyMap<string, ReadonlyArray<string>>
  readonly identityOfKey: ReadonlyMap<string, string>
  /** Identities of the decisions that name a record no longer in the book. */
  readonly idle: ReadonlyArray<number>
}

/** Decisions as the resolver's constraints, by the records' current keys. */
const constraintsOf = (decisions: ReadonlyArray<Decision>, keyOf: ReadonlyMap<string, string>) => {
  const never: Array<readonly [string, string]> = []
  const always: Array<ReadonlyArray<string>> = []
  const idle: Array<number> = []
  for (const d of decisions) {
    if (d.undoneAt !== null) continue
    const a = keyOf.get(d.a)
    if (a === undefined) {
      idle.push(d.id)
      continue
    }
    if (d.kind === "unlink") {
      for (const o of d.others) {
        const b = keyOf.get(o)
        if (b !== undefined) never.push([a, b])
      }
      continue
    }
    const b = keyOf.get(d.b)
    if (b === undefined) {
      idle.push(d.id)
      continue
    }
    if (d.kind === "link") always.push([a, b])
    else never.push([a, b])
  }
  const constraints: Constraints = { never, always }
  return { constraints, idle }
}

/** Resolves the book's active records and interactions, as `blackbook merge` would. */
export const resolve = (
  records: ReadonlyMap<string, StoredRecord>,
  interactions: ReadonlyMap<string, StoredInteraction>,
  decisions: ReadonlyArray<Decision>,
  options: ResolveOptions,
): Resolved => {
  const items: Array<SourceItem> = []
  const keyOf = new Map<string, string>()
  const identityOfKey = new Map<string, string>()
  const provenanceOf = new Map<string, SourceRecord["provenance"]>()
  for (const r of records.values()) {
    if (r.gone || (options.only !== undefined && !options.only.has(r.identity))) continue
    let record = r.record
    let k = recordKey(record.provenance)
    // Two active records read at one place in different imports: the later path keeps it.
    for (let n = 2; identityOfKey.has(k); n++) {
      record = {
        ...r.record,
        provenance: { ...r.record.provenance, record: `${r.record.provenance.record}~${n}` },
      }
      k = recordKey(record.provenance)
    }
    identityOfKey.set(k, r.identity)
    keyOf.set(r.identity, k)
    provenanceOf.set(r.identity, record.provenance)
    items.push(r.kind === "self" ? { _tag: "Self", record } : { _tag: "Record", record })
  }
  for (const i of interactions.values()) {
    if (options.only !== undefined && !options.only.has(i.counterpart)) continue
    // A counterpart no longer in the book (or never found) must not meet whatever record now
    // sits at its old path and row: it points nowhere, as an unmatched one does in `merge`.
    const counterpart = provenanceOf.get(i.counterpart) ?? {
      source: i.interaction.counterpart.source,
      file: "",
      record: `unmatched:${i.counterpart}`,
    }
    items.push({ _tag: "Interaction", interaction: { ...i.interaction, counterpart } })
  }
  const decided = constraintsOf(decisions, keyOf)
  const { idle } = decided
  let constraints = decided.constraints
  if (options.keep !== undefined) {
    const groups = new Map<string, Array<string>>()
    for (const [identity, contact] of options.keep) {
      const k = keyOf.get(identity)
      if (k === undefined) continue
      const list = groups.get(contact)
      if (list) list.push(k)
      else groups.set(contact, [k])
    }
    const always = [...groups.values()].filter((g) => g.length > 1)
    constraints = { ...constraints, always: [...(constraints.always ?? []), ...always] }
  }
  const book = Book.build(items, {
    now: options.now,
    constraints,
    ...(options.me !== undefined ? { me: options.me } : {}),
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(options.onModel !== undefined ? { onModel: options.onModel } : {}),
  })
  const members = new Map<string, ReadonlyArray<string>>()
  for (const c of book.contacts)
    members.set(c.id, c.records.map((r) => identityOfKey.get(recordKey(r.provenance))!).sort())
  return { book, members, identityOfKey, idle }
}

/** What is kept of a contact to tell later what changed. */
export interface Snapshot {
  readonly displayName: string
  readonly emails: ReadonlyArray<string>
  readonly phones: ReadonlyArray<string>
  readonly last: string | null
  readonly interactions: number
}

export interface Outcome {
  readonly ids: ReadonlyMap<string, string>
  readonly assignment: StableIds.Assignment
  readonly changes: ChangeSet
  /** Stable id -> digest (what it holds) and snapshot, for every contact in the book. */
  readonly contacts: ReadonlyMap<
    string,
    { readonly digest: string; readonly snapshot: Snapshot; readonly contact: Contact }
  >
  readonly membership: ReadonlyMap<string, string>
  readonly updated: ReadonlySet<string>
}

const instant = (iso: string): number => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t
}

/** The id a new contact is given, unless the book has given it before (then numbered). */
export const proposedId = (cluster: ReadonlyArray<string>): string =>
  `c${hash(cluster[0] ?? "")
    .replace(/[-_]/g, "")
    .slice(0, 12)}`

/** Stable ids for the resolved contacts, and the change set against the stored state. */
export const settle = (
  state: State,
  over: Overlay,
  resolved: Resolved,
  importId: number,
  now: Date,
  /** The ids the book has given among the new ones proposed, when `state` holds only part of it. */
  taken?: ReadonlySet<string>,
): Outcome => {
  const bookIds = resolved.book.contacts.map((c) => c.id)
  const clusters = bookIds.map((id) => resolved.members.get(id)!)
  const age = new Map<string, number>()
  for (const c of state.contacts.values()) age.set(c.id, c.createdImport)
  const assignment = StableIds.assign(
    clusters,
    { membership: state.membership, age, taken: taken ?? new Set(state.contacts.keys()) },
    proposedId,
  )
  const ids = new Map<string, string>()
  for (const [i, id] of bookIds.entries()) ids.set(id, assignment.ids[i]!)
  const membership = new Map<string, string>()
  clusters.forEach((cluster, i) => {
    for (const identity of cluster) membership.set(identity, assignment.ids[i]!)
  })
  const created = new Set(assignment.created)
  const splitNew = new Set(assignment.split.flatMap((s) => s.into))
  const mergedInto = new Map<string, ReadonlyArray<string>>()
  for (const m of assignment.merged) mergedInto.set(m.into, m.from)
  const contacts = new Map<string, { digest: string; snapshot: Snapshot; contact: Contact }>()
  const updated = new Set<string>()
  resolved.book.contacts.forEach((c, i) => {
    const id = assignment.ids[i]!
    const list = resolved.book.interactions.get(c.id) ?? []
    const snapshot: Snapshot = {
      displayName: c.displayName,
      emails: c.emails.map((e) => e.value),
      phones: c.phones.map((p) => p.value),
      last: list[0]?.at ?? null,
      interactions: list.length,
    }
    const digest = hash(
      [
        ...clusters[i]!.map((identity) => `${identity}:${over.records.get(identity)!.contentHash}`),
        list.length,
      ].join("\n"),
    )
    contacts.set(id, { digest, snapshot, contact: { ...c, id } })
    const before = state.contacts.get(id)
    if (before !== undefined && before.state === "active" && before.digest !== digest && !created.has(id))
      if (!mergedInto.has(id) && !assignment.split.some((s) => s.from === id)) updated.add(id)
  })

  // Events about people.
  const events: Array<Event> = []
  const at = now.toISOString()
  const previous = (id: string): Snapshot | undefined => {
    const s = state.contacts.get(id)
    return s === undefined ? undefined : (JSON.parse(s.summary) as Snapshot)
  }
  for (const [identity, before] of over.changedBefore) {
    const after = over.records.get(identity)!.record
    const kind = jobChange(before, after)
    const contact = membership.get(identity)
    if (kind === undefined || contact === undefined) continue
    events.push({ kind, contact, at, from: jobOf(before) ?? null, to: jobOf(after) ?? null })
  }
  for (const identity of over.added) {
    const r = over.records.get(identity)!
    const contact = membership.get(identity)
    if (contact === undefined || r.record.connectedOn === undefined || !over.knownExports.has(r.exportName))
      continue
    events.push({
      kind: "new-connection",
      contact,
      at: new Date(instant(r.record.connectedOn)).getTime() > 0 ? r.record.connectedOn : at,
      from: null,
      to: jobOf(r.record) ?? null,
    })
  }
  const newAt = new Map<string, number>()
  for (const i of over.newInteractions) {
    const contact = membership.get(i.counterpart)
    const t = instant(i.interaction.at)
    if (contact === undefined || t > now.getTime()) continue
    if (t > (newAt.get(contact) ?? Number.NEGATIVE_INFINITY)) newAt.set(contact, t)
  }
  for (const [id, { snapshot }] of contacts) {
    if (created.has(id) || splitNew.has(id)) continue
    const befores = [id, ...(mergedInto.get(id) ?? [])].flatMap((x) => previous(x) ?? [])
    if (befores.length === 0) continue
    const emails = new Set(befores.flatMap((b) => b.emails))
    const phones = new Set(befores.flatMap((b) => b.phones))
    for (const e of snapshot.emails)
      if (!emails.has(e)) events.push({ kind: "new-email", contact: id, at, from: null, to: e })
    for (const p of snapshot.phones)
      if (!phones.has(p)) events.push({ kind: "new-phone", contact: id, at, from: null, to: p })
    const lastBefore = befores.reduce<number>(
      (m, b) => Math.max(m, b.last === null ? Number.NEGATIVE_INFINITY : instant(b.last)),
      Number.NEGATIVE_INFINITY,
    )
    const t = newAt.get(id)
    if (t !== undefined && Number.isFinite(lastBefore) && t - lastBefore >= silenceDays * 86_400_000)
      events.push({
        kind: "back-in-touch",
        contact: id,
        at: new Date(t).toISOString(),
        from: new Date(lastBefore).toISOString(),
        to: new Date(t).toISOString(),
      })
  }
  const order = ["new-connection", "moved", "title-changed", "new-email", "new-phone", "back-in-touch"]
  events.sort(
    (a, b) =>
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      (a.contact < b.contact ? -1 : a.contact > b.contact ? 1 : 0) ||
      (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1),
  )
  const sorted = (xs: Iterable<string>) => [...xs].sort()
  const changes: ChangeSet = {
    import: importId,
    at,
    counts: over.counts,
    contacts: {
      created: sorted(created),
      merged: assignment.merged
        .map((m) => ({ into: m.into, from: sorted(m.from) }))
        .sort((a, b) => (a.into < b.into ? -1 : 1)),
      split: assignment.split
        .map((s) => ({ from: s.from, into: sorted(s.into) }))
        .sort((a, b) => (a.from < b.from ? -1 : 1)),
      updated: sorted(updated),
    },
    events,
  }
  return { ids, assignment, changes, contacts, membership, updated }
}

/** The book with stable ids in place of the resolver's. */
export const withStableIds = (book: Book.Book, ids: ReadonlyMap<string, string>): Book.Book => {
  const idOf = (id: string) => ids.get(id) ?? id
  return {
    ...book,
    contacts: book.contacts.map((c) => ({ ...c, id: idOf(c.id) })),
    possibleDuplicates: book.possibleDuplicates.map((d) => {
      const [a, b] = [idOf(d.contacts[0]), idOf(d.contacts[1])]
      return { ...d, contacts: a < b ? [a, b] : [b, a] }
    }),
    interactions: new Map([...book.interactions].map(([id, list]) => [idOf(id), list])),
  }
}
