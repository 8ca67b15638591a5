/** The store's operations on one database, as Promises; `Store` wraps them as Effects. */
import type { SourceItem } from "@blackbook/model/Source"
import { key as recordKey } from "@blackbook/model/SourceRecord"
import type * as Book from "@blackbook/resolve/Book"
import * as BookJson from "@blackbook/resolve/BookJson"
import type * as ProfileT from "@blackbook/resolve/Profile"
import * as Profile from "@blackbook/resolve/Profile"
import type * as Scoring from "@blackbook/resolve/Scoring"
import type { ChangeSet } from "../Changes.ts"
import { UnknownDecision, UnknownReference } from "../Errors.ts"
import { hash, type Overlay, overlay, proposedId, resolve, settle, withStableIds } from "./engine.ts"
import * as Incremental from "./incremental.ts"
import * as KeyIndex from "./keyIndex.ts"
import { migrations } from "./migrations.ts"
import { plan } from "./part.ts"
import type { Database, Sql } from "./sql.ts"
import { type Decision, insertRows, load, loadDecisions, type State, type StoredRecord } from "./state.ts"

/** Brings the schema up to date; concurrent openers wait on one lock. */
export const migrate = async (db: Database): Promise<void> => {
  await db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(7426001)")
    await tx.query(
      "create table if not exists blackbook_migrations (version integer primary key, applied_at text not null)",
    )
    const done = new Set(
      (await tx.query<{ version: number }>("select version from blackbook_migrations")).map((r) => r.version),
    )
    for (const m of migrations) {
      if (done.has(m.version)) continue
      for (const statement of m.statements) await tx.query(statement)
      await m.after?.(tx)
      await tx.query("insert into blackbook_migrations (version, applied_at) values ($1, $2)", [
        m.version,
        new Date().toISOString(),
      ])
    }
  })
}

export interface ResolveSettings {
  readonly me?: ReadonlyArray<string>
  readonly region?: string
}

export interface Reviewed {
  readonly n: number
  readonly contacts: readonly [string, string]
  readonly records: readonly [string, string]
  readonly names: readonly [string, string]
  readonly sources: readonly [ReadonlyArray<string>, ReadonlyArray<string>]
  readonly score: number
  readonly reason: string
}

/** Takes the book's lock for this transaction: imports into one book queue, other books do not wait. */
const lock = async (tx: Sql, book: string, now: Date) => {
  await tx.query("insert into books (book, created_at) values ($1, $2) on conflict (book) do nothing", [
    book,
    now.toISOString(),
  ])
  await tx.query("select pg_advisory_xact_lock(hashtext($1))", [book])
}

const nextImport = async (tx: Sql, book: string): Promise<number> =>
  ((await tx.query<{ n: number | null }>("select max(id) as n from imports where book = $1", [book]))[0]?.n ??
    0) + 1

/**
 * The ids among these proposals, and their numbered forms, that the book has given: enough of
 * each to find as many free ones as the proposal is made (`StableIds.assign` numbers a taken one).
 */
const takenAmong = async (tx: Sql, book: string, proposals: ReadonlyArray<string>): Promise<Set<string>> => {
  const taken = new Set<string>()
  const free = new Map<string, number>()
  for (const p of proposals) free.set(p, (free.get(p) ?? 0) + 1)
  let pending = [...free.keys()]
  for (let n = 1; pending.length > 0; n++) {
    const idOf = (p: string) => (n === 1 ? p : `${p}-${n}`)
    const found = new Set(
      (
        await tx.query<{ id: string }>("select id from contacts where book = $1 and id = any($2::text[])", [
          book,
          pending.map(idOf),
        ])
      ).map((r) => r.id),
    )
    for (const id of found) taken.add(id)
    pending = pending.filter((p) => {
      if (!found.has(idOf(p))) free.set(p, free.get(p)! - 1)
      return free.get(p)! > 0
    })
  }
  return taken
}

/** Contact records not gone: what the record count keeps. */
const countsActive = (r: StoredRecord | undefined): boolean =>
  r !== undefined && !r.gone && r.kind === "record"

/**
 * What a resolution covers: the whole book (train a model and store it with every record's
 * blocking keys), or the part an import touches (`part`: those records only, scored with the
 * stored model).
 */
interface Scope {
  readonly part?: {
    /** The records resolved: whole contacts. */
    readonly only: ReadonlySet<string>
    readonly trained: Incremental.Trained
    /** The stored model with the import's own value counts added (`Incremental.modelOf`). */
    readonly model: Scoring.Model
    /** Blocking keys of the records new or changed in this import. */
    readonly keys: ReadonlyMap<string, ReadonlyArray<string>>
    /** The stored blocking keys. */
    readonly index: KeyIndex.KeyIndex
  }
}

/**
 * Resolves the overlaid book (or its part) and writes everything: the records, the
 * interactions, stable ids and lineage, the change set. Runs inside the caller's transaction.
 */
const apply = async (
  tx: Sql,
  book: string,
  state: State,
  over: Overlay,
  importId: number,
  inputs: unknown,
  now: Date,
  settings: ResolveSettings,
  scope: Scope = {},
): Promise<ChangeSet> => {
  const part = scope.part
  let trainedModel: Scoring.Model | undefined
  let trainedProfiles: ReadonlyArray<ProfileT.Profile> = []
  const resolved = resolve(over.records, over.interactions, state.decisions, {
    now,
    ...settings,
    ...(part !== undefined
      ? {
          only: part.only,
          model: part.model,
          ...(settings.region === undefined && part.trained.region !== null
            ? { region: part.trained.region }
            : {}),
        }
      : {
          onModel: (m: Scoring.Model, profiles: ReadonlyArray<ProfileT.Profile>) => {
            trainedModel = m
            // A copy: the book lets its own list go once it has resolved.
            trainedProfiles = [...profiles]
          },
        }),
  })
  const taken =
    part === undefined
      ? undefined
      : await takenAmong(
          tx,
          book,
          resolved.book.contacts.map((c) => proposedId(resolved.members.get(c.id)!)),
        )
  const outcome = settle(state, over, resolved, importId, now, taken)
  const stable = withStableIds(resolved.book, outcome.ids)
  const json = BookJson.toJson(stable)

  // Blocking keys: of the new and changed records, or (a full resolution) of every active one,
  // with the model it trained.
  if (part === undefined && trainedModel !== undefined) {
    const active = [...over.records.values()].filter((r) => !r.gone)
    const region =
      settings.region ??
      Profile.dominantRegion(
        active.filter((r) => r.kind === "record").map((r) => r.record),
        active.filter((r) => r.kind === "self").map((r) => r.record),
      )
    // The profiles resolution read (records of mine have none, and no keys).
    const all = new Map<string, ReadonlyArray<string>>()
    for (const p of trainedProfiles) {
      const identity = resolved.identityOfKey.get(p.key)
      if (identity !== undefined) all.set(identity, Incremental.keysOf(p))
    }
    const trained = Incremental.trainedOf(trainedModel, trainedProfiles, region)
    await tx.query(
      "insert into models (book, trained_import, body) values ($1, $2, $3) on conflict (book) do update set trained_import = excluded.trained_import, body = excluded.body",
      [book, importId, JSON.stringify(trained)],
    )
    await KeyIndex.write(tx, book, KeyIndex.segmentOf(all, []), true)
  } else if (part !== undefined) {
    const removed = [...over.goneNow, ...over.changedBefore.keys()]
    const segment = KeyIndex.segmentOf(part.keys, removed)
    await KeyIndex.write(tx, book, segment, false)
  }

  // Records: every one this import saw, and those now gone.
  const touched = [...over.records.values()].filter(
    (r) => r.lastImport === importId || over.goneNow.has(r.identity),
  )
  await insertRows(
    tx,
    "records",
    [
      ["book", "text"],
      ["identity", "text"],
      ["kind", "text"],
      ["source", "text"],
      ["export_name", "text"],
      ["content_hash", "text"],
      ["record", "text"],
      ["first_import", "integer"],
      ["last_import", "integer"],
      ["gone", "boolean"],
      ["gone_import", "integer"],
      ["record_key", "text"],
    ],
    touched.map((r) => ({
      book,
      identity: r.identity,
      kind: r.kind,
      source: r.source,
      export_name: r.exportName,
      content_hash: r.contentHash,
      record: JSON.stringify(r.record),
      first_import: r.firstImport,
      last_import: r.lastImport,
      gone: r.gone,
      gone_import: r.goneImport,
      record_key: recordKey(r.record.provenance),
    })),
    {
      keys: ["book", "identity"],
      update: [
        "kind",
        "source",
        "export_name",
        "content_hash",
        "record",
        "first_import",
        "last_import",
        "gone",
        "gone_import",
        "record_key",
      ],
    },
  )
  // Many small segments: merged into one, this import's included (once its records are
  // written: the chunks name records by identity hash).
  if (part !== undefined && part.index.segmentCount + 1 > KeyIndex.maxSegments)
    await KeyIndex.write(tx, book, (await KeyIndex.loadAll(tx, book)).compacted(), true)
  // The active-record count: what this import added and took away.
  let delta = 0
  for (const r of touched)
    delta += Number(countsActive(r)) - Number(countsActive(state.records.get(r.identity)))
  await tx.query(
    "insert into record_counts (book, active) values ($1, $2) on conflict (book) do update set active = record_counts.active + excluded.active",
    [book, delta],
  )
  await insertRows(
    tx,
    "interactions",
    [
      ["book", "text"],
      ["identity", "text"],
      ["counterpart", "text"],
      ["at", "text"],
      ["interaction", "text"],
      ["first_import", "integer"],
    ],
    over.newInteractions.map((i) => ({
      book,
      identity: i.identity,
      counterpart: i.counterpart,
      at: i.interaction.at,
      interaction: JSON.stringify(i.interaction),
      first_import: i.firstImport,
    })),
  )

  // Membership: only what moved.
  const moved = [...outcome.membership].filter(([identity, id]) => state.membership.get(identity) !== id)
  const left = [...state.membership.keys()].filter((identity) => !outcome.membership.has(identity))
  if (left.length > 0)
    await tx.query("delete from membership where book = $1 and identity = any($2::text[])", [book, left])
  await insertRows(
    tx,
    "membership",
    [
      ["book", "text"],
      ["identity", "text"],
      ["contact", "text"],
    ],
    moved.map(([identity, contact]) => ({ book, identity, contact })),
    { keys: ["book", "identity"], update: ["contact"] },
  )

  // Contacts: rows whose content or document changed.
  const jsonById = new Map(json.contacts.map((c) => [c.id, c]))
  const rows: Array<Record<string, unknown>> = []
  for (const [id, c] of outcome.contacts) {
    const document = JSON.stringify(jsonById.get(id))
    const documentHash = hash(document)
    const before = state.contacts.get(id)
    if (
      before !== undefined &&
      before.state === "active" &&
      before.documentHash === documentHash &&
      before.digest === c.digest
    )
      continue
    const contentChanged = before === undefined || before.state !== "active" || before.digest !== c.digest
    rows.push({
      book,
      id,
      state: "active",
      created_import: before?.createdImport ?? importId,
      updated_import: contentChanged ? importId : before.updatedImport,
      digest: c.digest,
      summary: JSON.stringify(c.snapshot),
      document,
      document_hash: documentHash,
    })
  }
  await insertRows(
    tx,
    "contacts",
    [
      ["book", "text"],
      ["id", "text"],
      ["state", "text"],
      ["created_import", "integer"],
      ["updated_import", "integer"],
      ["digest", "text"],
      ["summary", "text"],
      ["document", "text"],
      ["document_hash", "text"],
    ],
    rows,
    {
      keys: ["book", "id"],
      update: ["state", "updated_import", "digest", "summary", "document", "document_hash"],
    },
  )
  const end = async (ids: ReadonlyArray<string>, ending: "merged" | "gone") => {
    if (ids.length > 0)
      await tx.query(
        "update contacts set state = $3, updated_import = $4 where book = $1 and id = any($2::text[])",
        [book, ids, ending, importId],
      )
  }
  await end(
    outcome.assignment.merged.flatMap((m) => m.from),
    "merged",
  )
  await end(outcome.assignment.vanished, "gone")
  const lineage = [
    ...outcome.assignment.merged.flatMap((m) =>
      m.from.map((id) => ({ book, id, kind: "merged-into", other: m.into, import: importId })),
    ),
    ...outcome.assignment.split.flatMap((s) =>
      s.into.map((id) => ({ book, id, kind: "split-from", other: s.from, import: importId })),
    ),
  ]
  await insertRows(
    tx,
    "lineage",
    [
      ["book", "text"],
      ["id", "text"],
      ["kind", "text"],
      ["other", "text"],
      ["import", "integer"],
    ],
    lineage,
    { keys: ["book", "id", "kind", "other"], update: ["import"] },
  )
  await insertRows(
    tx,
    "events",
    [
      ["book", "text"],
      ["import", "integer"],
      ["seq", "integer"],
      ["kind", "text"],
      ["contact", "text"],
      ["at", "text"],
      ["body", "text"],
    ],
    outcome.changes.events.map((e, seq) => ({
      book,
      import: importId,
      seq,
      kind: e.kind,
      contact: e.contact,
      at: e.at,
      body: JSON.stringify(e),
    })),
  )
  // The review list: the uncertain pairs of this resolution, numbered.
  const byId = new Map(stable.contacts.map((c) => [c.id, c]))
  const review: Array<Reviewed> = stable.possibleDuplicates.map((d, i) => {
    const [a, b] = [byId.get(d.contacts[0]), byId.get(d.contacts[1])]
    return {
      n: i + 1,
      contacts: d.contacts,
      records: [
        resolved.identityOfKey.get(d.records[0]) ?? d.records[0],
        resolved.identityOfKey.get(d.records[1]) ?? d.records[1],
      ],
      names: [a?.displayName ?? "", b?.displayName ?? ""],
      sources: [
        [...new Set(a?.records.map((r) => r.provenance.source) ?? [])],
        [...new Set(b?.records.map((r) => r.provenance.source) ?? [])],
      ],
      score: d.score,
      reason: d.reason,
    }
  })
  // A whole book replaces the list. A part of the book: the stored list keeps its pairs between
  // contacts this import left alone, and the part's pairs are numbered after them.
  let after = 0
  if (part === undefined) await tx.query("delete from review where book = $1", [book])
  else {
    const resolvedIds = [...new Set([...state.contacts.keys(), ...outcome.contacts.keys()])]
    await tx.query(
      "delete from review where book = $1 and (contact_a = any($2::text[]) or contact_b = any($2::text[]))",
      [book, resolvedIds],
    )
    after =
      (await tx.query<{ n: number | null }>("select max(n) as n from review where book = $1", [book]))[0]
        ?.n ?? 0
  }
  await insertRows(
    tx,
    "review",
    [
      ["book", "text"],
      ["n", "integer"],
      ["body", "text"],
      ["contact_a", "text"],
      ["contact_b", "text"],
    ],
    review.map((r) => {
      const n = after + r.n
      return {
        book,
        n,
        body: JSON.stringify({ ...r, n }),
        contact_a: r.contacts[0],
        contact_b: r.contacts[1],
      }
    }),
  )
  await tx.query("insert into imports (book, id, at, inputs, changes) values ($1, $2, $3, $4, $5)", [
    book,
    importId,
    now.toISOString(),
    JSON.stringify(inputs),
    JSON.stringify(outcome.changes),
  ])
  return outcome.changes
}

/** The model the last full resolution stored, when it fits the settings. */
const loadTrained = async (tx: Sql, book: string): Promise<Incremental.Trained | undefined> => {
  const row = (await tx.query<{ body: string }>("select body from models where book = $1", [book]))[0]
  const trained = row === undefined ? undefined : (JSON.parse(row.body) as Incremental.Trained)
  return trained !== undefined && Incremental.fits(trained) ? trained : undefined
}

/** One import, in one transaction: a failure leaves the store as it was. */
export const importItems = (
  db: Database,
  book: string,
  items: ReadonlyArray<SourceItem>,
  inputs: ReadonlyArray<string>,
  now: Date,
  settings: ResolveSettings,
  resolution: Resolution = "auto",
): Promise<ChangeSet> =>
  db.transaction(async (tx) => {
    await lock(tx, book, now)
    const importId = await nextImport(tx, book)
    const trained = await loadTrained(tx, book)
    if (trained !== undefined && resolution !== "whole") {
      const decisions = await loadDecisions(tx, book)
      const part = await plan(
        tx,
        book,
        items,
        importId,
        decisions,
        trained,
        settings.region,
        resolution === "part",
      )
      if (part !== undefined)
        return apply(tx, book, part.state, part.over, importId, { inputs }, now, settings, {
          part: {
            only: part.only,
            trained,
            model: part.model,
            keys: part.keys,
            index: part.index,
          },
        })
    }
    const state = await load(tx, book)
    const over = overlay(state, items, importId)
    return apply(tx, book, state, over, importId, { inputs }, now, settings)
  })

/**
 * How an import resolves: `auto` (the part it touches when it is small against the book and a
 * model is stored, else the whole book), `whole`, or `part` whenever a model is stored.
 */
export type Resolution = "auto" | "whole" | "part"

/** A record identity, or a contact id (followed through merges) standing for its first record. */
const referenceOf = async (tx: Sql, book: string, state: State, ref: string): Promise<string> => {
  const r = state.records.get(ref)
  if (r !== undefined && !r.gone) return ref
  let id = ref
  for (let hops = 0; hops < 100; hops++) {
    const c = state.contacts.get(id)
    if (c === undefined) break
    if (c.state === "active") {
      const first = [...state.membership]
        .filter(([, contact]) => contact === id)
        .map(([identity]) => identity)
        .sort()[0]
      if (first !== undefined) return first
      break
    }
    const next = await tx.query<{ other: string }>(
      "select other from lineage where book = $1 and id = $2 and kind = 'merged-into' order by import desc limit 1",
      [book, id],
    )
    if (next[0] === undefined) break
    id = next[0].other
  }
  throw new UnknownReference({ reference: ref })
}

export interface DecisionResult {
  readonly decision: number
  readonly changes: ChangeSet
}

/** Records a decision and re-resolves the book under it. */
export const decide = (
  db: Database,
  book: string,
  kind: Decision["kind"],
  refs: ReadonlyArray<string>,
  reason: string,
  now: Date,
  settings: ResolveSettings,
): Promise<DecisionResult> =>
  db.transaction(async (tx) => {
    await lock(tx, book, now)
    const state = await load(tx, book)
    const a = await referenceOf(tx, book, state, refs[0] ?? "")
    const b = kind === "unlink" ? "" : await referenceOf(tx, book, state, refs[1] ?? "")
    const contact = state.membership.get(a)
    const others =
      kind === "unlink"
        ? [...state.membership]
            .filter(([identity, c]) => c === contact && identity !== a)
            .map(([identity]) => identity)
            .sort()
        : []
    const id =
      ((await tx.query<{ n: number | null }>("select max(id) as n from decisions where book = $1", [book]))[0]
        ?.n ?? 0) + 1
    const decision: Decision = { id, kind, a, b, others, reason, at: now.toISOString(), undoneAt: null }
    await tx.query(
      "insert into decisions (book, id, kind, a, b, others, reason, at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
      [book, id, kind, a, b, JSON.stringify(others), reason, decision.at],
    )
    const decided = { ...state, decisions: [...state.decisions, decision] }
    const importId = await nextImport(tx, book)
    const over = overlay(decided, [], importId)
    const changes = await apply(tx, book, decided, over, importId, { decision: id }, now, settings)
    return { decision: id, changes }
  })

/** Takes a decision back and re-resolves the book without it. */
export const undo = (
  db: Database,
  book: string,
  id: number,
  now: Date,
  settings: ResolveSettings,
): Promise<DecisionResult> =>
  db.transaction(async (tx) => {
    await lock(tx, book, now)
    const state = await load(tx, book)
    const found = state.decisions.find((d) => d.id === id)
    if (found === undefined || found.undoneAt !== null) throw new UnknownDecision({ id })
    await tx.query("update decisions set undone_at = $3 where book = $1 and id = $2", [
      book,
      id,
      now.toISOString(),
    ])
    const decisions = state.decisions.map((d) => (d.id === id ? { ...d, undoneAt: now.toISOString() } : d))
    const undone = { ...state, decisions }
    const importId = await nextImport(tx, book)
    const over = overlay(undone, [], importId)
    const changes = await apply(tx, book, undone, over, importId, { undo: id }, now, settings)
    return { decision: id, changes }
  })

/** The book as `blackbook merge` would build it from the stored records, with the stable ids. */
export const book = async (
  db: Database,
  name: string,
  now: Date,
  settings: ResolveSettings,
): Promise<Book.Book> => {
  const { state, trained, sincePart } = await db.transaction(async (tx) => ({
    state: await load(tx, name),
    trained: await loadTrained(tx, name),
    // Whether an import resolved only part of the book since the model was trained.
    sincePart:
      (
        await tx.query<{ later: boolean }>(
          "select coalesce(max(i.id), 0) > coalesce(max(m.trained_import), 0) as later from imports i left join models m on m.book = i.book where i.book = $1",
          [name],
        )
      )[0]?.later === true,
  }))
  // Scored with the stored model; after an import resolved in part, each stored contact's
  // records kept together, so the book read back holds the contacts the imports made.
  const resolved = resolve(state.records, state.interactions, state.decisions, {
    now,
    ...settings,
    ...(trained !== undefined
      ? {
          model: Incremental.modelOf(trained),
          ...(sincePart ? { keep: state.membership } : {}),
          ...(settings.region === undefined && trained.region !== null ? { region: trained.region } : {}),
        }
      : {}),
  })
  const ids = new Map<string, string>()
  for (const [bookId, members] of resolved.members) {
    const id = state.membership.get(members[0] ?? "")
    if (id !== undefined) ids.set(bookId, id)
  }
  return withStableIds(resolved.book, ids)
}

export const contacts = async (db: Database, name: string): Promise<ReadonlyArray<BookJson.ContactJson>> =>
  (
    await db.query<{ document: string }>(
      "select document from contacts where book = $1 and state = 'active' order by id",
      [name],
    )
  ).map((r) => JSON.parse(r.document) as BookJson.ContactJson)

export const contact = async (
  db: Database,
  name: string,
  id: string,
): Promise<BookJson.ContactJson | undefined> => {
  const current = (await lineage(db, name, id)).current
  if (current === null) return undefined
  const rows = await db.query<{ document: string }>(
    "select document from contacts where book = $1 and id = $2 and state = 'active'",
    [name, current],
  )
  return rows[0] === undefined ? undefined : (JSON.parse(rows[0].document) as BookJson.ContactJson)
}

export interface Lineage {
  readonly id: string
  /** The active contact the id now is (itself, or the one it was merged into); null when gone. */
  readonly current: string | null
  readonly mergedInto: ReadonlyArray<string>
  readonly splitFrom: ReadonlyArray<string>
  readonly mergedFrom: ReadonlyArray<string>
  readonly splitInto: ReadonlyArray<string>
}

export const lineage = async (db: Sql, name: string, id: string): Promise<Lineage> => {
  const rows = await db.query<{ id: string; kind: string; other: string }>(
    "select id, kind, other from lineage where book = $1 and (id = $2 or other = $2) order by import, id",
    [name, id],
  )
  const states = new Map(
    (
      await db.query<{ id: string; state: string }>("select id, state from contacts where book = $1", [name])
    ).map((r) => [r.id, r.state]),
  )
  let current: string | null = id
  const path: Array<string> = []
  for (let hops = 0; current !== null && hops < 100; hops++) {
    const state = states.get(current)
    if (state === "active") break
    if (state !== "merged") {
      current = null
      break
    }
    const next: Array<{ other: string }> = [
      ...(await db.query<{ other: string }>(
        "select other from lineage where book = $1 and id = $2 and kind = 'merged-into' order by import desc limit 1",
        [name, current],
      )),
    ]
    current = next[0]?.other ?? null
    if (current !== null) path.push(current)
  }
  return {
    id,
    current,
    mergedInto: path,
    splitFrom: rows.filter((r) => r.id === id && r.kind === "split-from").map((r) => r.other),
    mergedFrom: rows.filter((r) => r.other === id && r.kind === "merged-into").map((r) => r.id),
    splitInto: rows.filter((r) => r.other === id && r.kind === "split-from").map((r) => r.id),
  }
}

export const changes = async (
  db: Database,
  name: string,
  since: Date | undefined,
): Promise<ReadonlyArray<ChangeSet>> =>
  (
    await db.query<{ changes: string }>(
      "select changes from imports where book = $1 and at >= $2 order by id",
      [name, since === undefined ? "" : since.toISOString()],
    )
  ).map((r) => JSON.parse(r.changes) as ChangeSet)

export const review = async (db: Database, name: string): Promise<ReadonlyArray<Reviewed>> =>
  (await db.query<{ body: string }>("select body from review where book = $1 order by n", [name])).map(
    (r) => JSON.parse(r.body) as Reviewed,
  )

export const decisions = async (db: Database, name: string): Promise<ReadonlyArray<Decision>> =>
  loadDecisions(db, name)
