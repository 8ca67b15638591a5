/**
 * The schema, as numbered migrations. A migration is never edited once released: a change is a
 * new one. Every table carries `book`, so one database holds many books.
 */
import { convertLegacy } from "./keyIndex.ts"
import type { Sql } from "./sql.ts"

export interface Migration {
  readonly version: number
  readonly statements: ReadonlyArray<string>
  /** A step SQL alone cannot take, run after the statements. */
  readonly after?: (tx: Sql) => Promise<void>
}

export const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    statements: [
      `create table books (
        book text primary key,
        created_at text not null
      )`,
      `create table imports (
        book text not null,
        id integer not null,
        at text not null,
        inputs text not null,
        changes text not null,
        primary key (book, id)
      )`,
      // kind: 'record' (a contact's record) or 'self' (the owner's own).
      `create table records (
        book text not null,
        identity text not null,
        kind text not null,
        source text not null,
        export_name text not null,
        content_hash text not null,
        record text not null,
        first_import integer not null,
        last_import integer not null,
        gone boolean not null default false,
        gone_import integer,
        primary key (book, identity)
      )`,
      // state: 'active', 'merged' (into another, see lineage), 'gone' (every record gone).
      // summary: what the next change set compares with; document: the contact's JSON.
      `create table contacts (
        book text not null,
        id text not null,
        state text not null,
        created_import integer not null,
        updated_import integer not null,
        digest text not null,
        summary text not null,
        document text not null,
        document_hash text not null,
        primary key (book, id)
      )`,
      `create table membership (
        book text not null,
        identity text not null,
        contact text not null,
        primary key (book, identity)
      )`,
      `create index membership_contact on membership (book, contact)`,
      // kind: 'merged-into' (id went into other) or 'split-from' (id was split from other).
      `create table lineage (
        book text not null,
        id text not null,
        kind text not null,
        other text not null,
        import integer not null,
        primary key (book, id, kind, other)
      )`,
      // kind: 'link', 'never', 'unlink'; a and b are record identities (b empty for unlink).
      `create table decisions (
        book text not null,
        id integer not null,
        kind text not null,
        a text not null,
        b text not null,
        others text not null,
        reason text not null,
        at text not null,
        undone_at text,
        primary key (book, id)
      )`,
      `create table interactions (
        book text not null,
        identity text not null,
        counterpart text not null,
        at text not null,
        interaction text not null,
        first_import integer not null,
        primary key (book, identity)
      )`,
      `create table events (
        book text not null,
        import integer not null,
        seq integer not null,
        kind text not null,
        contact text not null,
        at text not null,
        body text not null,
        primary key (book, import, seq)
      )`,
      `create table review (
        book text not null,
        n integer not null,
        body text not null,
        primary key (book, n)
      )`,
    ],
  },
  {
    // Incremental import: the blocking keys of the active contact records (`internal/keyIndex.ts`),
    // each record's key (interactions name their counterpart by it), and the model the last
    // full resolution trained (`internal/incremental.ts`).
    version: 2,
    statements: [
      "alter table records add column record_key text",
      `update records set record_key = (record::json->'provenance'->>'source') || ':' ||
        (record::json->'provenance'->>'file') || '#' || (record::json->'provenance'->>'record')`,
      "create index records_record_key on records (book, record_key)",
      "create index records_export on records (book, export_name)",
      "create index interactions_counterpart on interactions (book, counterpart)",
      `create table blocking_keys (
        book text not null,
        segment integer not null,
        identities text not null,
        removed text not null,
        keys text not null,
        owners text not null,
        primary key (book, segment)
      )`,
      `create table models (
        book text primary key,
        trained_import integer not null,
        body text not null
      )`,
    ],
  },
  {
    // An import in part reads what it touches, not the whole book: the key index in chunks
    // found by hash range (`internal/keyIndex.ts`), the active-record count kept as a number,
    // and the review list's contacts in indexed columns.
    version: 3,
    statements: [
      `create table key_segments (
        book text not null,
        segment integer not null,
        identities text not null,
        removed text not null,
        primary key (book, segment)
      )`,
      `create table key_chunks (
        book text not null,
        segment integer not null,
        lo bigint not null,
        hi bigint not null,
        owners text not null,
        keys text not null,
        primary key (book, segment, hi)
      )`,
      `create table record_counts (
        book text primary key,
        active integer not null
      )`,
      `insert into record_counts (book, active)
        select book, count(*) filter (where not gone and kind = 'record') from records group by book`,
      "alter table review add column contact_a text",
      "alter table review add column contact_b text",
      "update review set contact_a = body::json->'contacts'->>0, contact_b = body::json->'contacts'->>1",
      "create index review_contact_a on review (book, contact_a)",
      "create index review_contact_b on review (book, contact_b)",
      // Key index owners name records by this hash.
      "create index records_identity_hash on records (book, hashtext(identity))",
      // The owner's own records, read by every import in part.
      "create index records_self on records (book) where kind = 'self'",
    ],
    after: convertLegacy,
  },
]
