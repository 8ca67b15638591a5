/** Reading and writing one book's rows. Everything here runs inside the caller's transaction. */
import type { Interaction } from "@blackbook/model/Interaction"
import type { SourceRecord } from "@blackbook/model/SourceRecord"
import type { Sql } from "./sql.ts"

export interface StoredRecord {
  readonly identity: string
  readonly kind: "record" | "self"
  readonly source: string
  readonly exportName: string
  readonly contentHash: string
  readonly record: SourceRecord
  readonly firstImport: number
  readonly lastImport: number
  readonly gone: boolean
  readonly goneImport: number | null
}

export interface StoredInteraction {
  readonly identity: string
  /** The counterpart record's identity (`?` and the key when it matched no record). */
  readonly counterpart: string
  readonly interaction: Interaction
  readonly firstImport: number
}

export interface StoredContact {
  readonly id: string
  readonly state: "active" | "merged" | "gone"
  readonly createdImport: number
  readonly updatedImport: number
  readonly digest: string
  /** The `Snapshot` JSON the next change set compares with. */
  readonly summary: string
  /** A hash of the contact's JSON document, to skip rewriting an unchanged one. */
  readonly documentHash: string
}

export interface Decision {
  readonly id: number
  readonly kind: "link" | "never" | "unlink"
  readonly a: string
  readonly b: string
  /** For unlink: the record identities it was taken away from. */
  readonly others: ReadonlyArray<string>
  readonly reason: string
  readonly at: string
  readonly undoneAt: string | null
}

export interface State {
  readonly records: Map<string, StoredRecord>
  readonly interactions: Map<string, StoredInteraction>
  readonly membership: Map<string, string>
  readonly contacts: Map<string, StoredContact>
  readonly decisions: ReadonlyArray<Decision>
}

export interface RecordRow {
  identity: string
  kind: "record" | "self"
  source: string
  export_name: string
  content_hash: string
  record: string
  first_import: number
  last_import: number
  gone: boolean
  gone_import: number | null
}

/** The records table's columns a `StoredRecord` is read from. */
export const recordColumns =
  "identity, kind, source, export_name, content_hash, record, first_import, last_import, gone, gone_import"

export const storedRecord = (r: RecordRow): StoredRecord => ({
  identity: r.identity,
  kind: r.kind,
  source: r.source,
  exportName: r.export_name,
  contentHash: r.content_hash,
  record: JSON.parse(r.record) as SourceRecord,
  firstImport: r.first_import,
  lastImport: r.last_import,
  gone: r.gone,
  goneImport: r.gone_import,
})

export interface InteractionRow {
  identity: string
  counterpart: string
  interaction: string
  first_import: number
}

export const storedInteraction = (r: InteractionRow): StoredInteraction => ({
  identity: r.identity,
  counterpart: r.counterpart,
  interaction: JSON.parse(r.interaction) as Interaction,
  firstImport: r.first_import,
})

export interface ContactRow {
  id: string
  state: StoredContact["state"]
  created_import: number
  updated_import: number
  digest: string
  summary: string
  document_hash: string
}

export const contactColumns = "id, state, created_import, updated_import, digest, summary, document_hash"

export const storedContact = (r: ContactRow): StoredContact => ({
  id: r.id,
  state: r.state,
  createdImport: r.created_import,
  updatedImport: r.updated_import,
  digest: r.digest,
  summary: r.summary,
  documentHash: r.document_hash,
})

export const load = async (sql: Sql, book: string): Promise<State> => {
  const records = new Map<string, StoredRecord>()
  for (const r of await sql.query<RecordRow>(
    `select ${recordColumns} from records where book = $1 order by identity`,
    [book],
  ))
    records.set(r.identity, storedRecord(r))
  const interactions = new Map<string, StoredInteraction>()
  for (const r of await sql.query<InteractionRow>(
    "select identity, counterpart, interaction, first_import from interactions where book = $1 order by identity",
    [book],
  ))
    interactions.set(r.identity, storedInteraction(r))
  const membership = new Map<string, string>()
  for (const r of await sql.query<{ identity: string; contact: string }>(
    "select identity, contact from membership where book = $1 order by identity",
    [book],
  ))
    membership.set(r.identity, r.contact)
  const contacts = new Map<string, StoredContact>()
  for (const r of await sql.query<ContactRow>(
    `select ${contactColumns} from contacts where book = $1 order by id`,
    [book],
  ))
    contacts.set(r.id, storedContact(r))
  const decisions = await loadDecisions(sql, book)
  return { records, interactions, membership, contacts, decisions }
}

export const loadDecisions = async (sql: Sql, book: string): Promise<ReadonlyArray<Decision>> =>
  (
    await sql.query<{
      id: number
      kind: Decision["kind"]
      a: string
      b: string
      others: string
      reason: string
      at: string
      undone_at: string | null
    }>("select id, kind, a, b, others, reason, at, undone_at from decisions where book = $1 order by id", [
      book,
    ])
  ).map((r) => ({
    id: r.id,
    kind: r.kind,
    a: r.a,
    b: r.b,
    others: JSON.parse(r.others) as ReadonlyArray<string>,
    reason: r.reason,
    at: r.at,
    undoneAt: r.undone_at,
  }))

/** Rows per statement: one JSON parameter, unpacked by `json_to_recordset` on the server. */
const batch = 2000

/**
 * Inserts (or, with `conflict`, upserts) rows given as objects: one parameter per batch, so a
 * statement never nears the parameter limit and both databases run the same SQL.
 */
export const insertRows = async (
  sql: Sql,
  table: string,
  columns: ReadonlyArray<readonly [string, string]>,
  rows: ReadonlyArray<Record<string, unknown>>,
  conflict?: {
    readonly keys: ReadonlyArray<string>
    readonly update: ReadonlyArray<string>
    /** Columns updated only where the new row has a value (null keeps the stored one). */
    readonly keep?: ReadonlyArray<string>
  },
): Promise<void> => {
  const names = columns.map(([n]) => n).join(", ")
  const types = columns.map(([n, t]) => `${n} ${t}`).join(", ")
  const onConflict =
    conflict === undefined
      ? ""
      : ` on conflict (${conflict.keys.join(", ")}) do update set ${[
          ...conflict.update.map((c) => `${c} = excluded.${c}`),
          ...(conflict.keep ?? []).map((c) => `${c} = coalesce(excluded.${c}, ${table}.${c})`),
        ].join(", ")}`
  for (let i = 0; i < rows.length; i += batch) {
    await sql.query(
      `insert into ${table} (${names}) select ${names} from json_to_recordset($1::json) as x(${types})${onConflict}`,
      [JSON.stringify(rows.slice(i, i + batch))],
    )
  }
}
