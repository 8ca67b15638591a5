/**
 * The lasting book as an Effect service: open a database (a PGlite directory, or a PostgreSQL
 * server by URL), import exports into a book, read contacts and the change feed, record
 * decisions. `layer` opens it for a scope and closes it after.
 *
 * @since 0.1.0
 */
import type * as Book from "@blackbook/resolve/Book"
import type * as BookJson from "@blackbook/resolve/BookJson"
import { Merge } from "blackbook"
import { Clock, Context, Effect, type FileSystem, Layer, type Scope } from "effect"
import type { ChangeSet } from "./Changes.ts"
import { StoreError, UnknownDecision, UnknownReference, UnknownReviewItem } from "./Errors.ts"
import * as Ops from "./internal/ops.ts"
import * as Sql from "./internal/sql.ts"
import type { Decision } from "./internal/state.ts"

/** Where the book lives, and which book. @category models @since 0.1.0 */
export interface OpenOptions {
  /** A directory for PGlite (created when missing); in memory when neither it nor `url` is given. */
  readonly path?: string
  /** A `postgres://` URL: the same schema on a PostgreSQL server. */
  readonly url?: string
  /** The book's name in the database (many books share one); default `default`. */
  readonly book?: string
  /** My own identities (see `Book.BookOptions.me`). */
  readonly me?: ReadonlyArray<string>
  /** Region for phone numbers without a country code. */
  readonly region?: string
}

/** @category models @since 0.1.0 */
export interface ImportOptions {
  /** The moment of the import; default the Clock's now. */
  readonly now?: Date
  /**
   * `auto` (default): a small import resolves only the part of the book it touches, with the
   * stored model; a big one (or the first) the whole book. `whole` and `part` choose (for
   * measuring: `part` resolves the part whatever the import's size, once a model is stored).
   */
  readonly resolution?: "auto" | "whole" | "part"
}

/** @category models @since 0.1.0 */
export interface ImportResult {
  readonly changes: ChangeSet
  readonly inputs: ReadonlyArray<Merge.InputReport>
  readonly failures: ReadonlyArray<Merge.InputFailure>
}

export type { DecisionResult, Lineage, Reviewed } from "./internal/ops.ts"
export type { Decision } from "./internal/state.ts"

/** @category models @since 0.1.0 */
export type DecisionError = StoreError | UnknownReference | UnknownDecision | UnknownReviewItem

/** @category models @since 0.1.0 */
export interface StoreShape {
  readonly book: string
  readonly import: (
    inputs: ReadonlyArray<Merge.MergeInput>,
    options?: ImportOptions,
  ) => Effect.Effect<ImportResult, StoreError | Merge.NoInputs, FileSystem.FileSystem>
  readonly contacts: () => Effect.Effect<ReadonlyArray<BookJson.ContactJson>, StoreError>
  /** A contact by id; an id merged away answers with the contact it went into. */
  readonly contact: (id: string) => Effect.Effect<BookJson.ContactJson | undefined, StoreError>
  /** Contacts whose name, e-mail, phone or company holds every word of the query. */
  readonly find: (query: string) => Effect.Effect<ReadonlyArray<BookJson.ContactJson>, StoreError>
  /** The change sets of the imports at or after `since` (all when absent), oldest first. */
  readonly changes: (since?: Date) => Effect.Effect<ReadonlyArray<ChangeSet>, StoreError>
  readonly link: (a: string, b: string, reason?: string) => Effect.Effect<Ops.DecisionResult, DecisionError>
  readonly never: (a: string, b: string, reason?: string) => Effect.Effect<Ops.DecisionResult, DecisionError>
  readonly unlink: (record: string, reason?: string) => Effect.Effect<Ops.DecisionResult, DecisionError>
  readonly undo: (decision: number) => Effect.Effect<Ops.DecisionResult, DecisionError>
  readonly decisions: () => Effect.Effect<ReadonlyArray<Decision>, StoreError>
  readonly lineage: (id: string) => Effect.Effect<Ops.Lineage, StoreError>
  readonly review: () => Effect.Effect<ReadonlyArray<Ops.Reviewed>, StoreError>
  readonly accept: (n: number) => Effect.Effect<Ops.DecisionResult, DecisionError>
  readonly reject: (n: number) => Effect.Effect<Ops.DecisionResult, DecisionError>
  /** The whole book (for `Export.render`), re-resolved from the stored records, with stable ids. */
  readonly export: (now?: Date) => Effect.Effect<Book.Book, StoreError>
}

/** @category services @since 0.1.0 */
export class Store extends Context.Service<Store, StoreShape>()("@blackbook/store/Store") {}

const detail = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause))

const attempt = <A>(operation: string, run: () => Promise<A>): Effect.Effect<A, StoreError> =>
  Effect.tryPromise({ try: run, catch: (cause) => new StoreError({ operation, detail: detail(cause) }) })

const deciding = <A>(operation: string, run: () => Promise<A>): Effect.Effect<A, DecisionError> =>
  Effect.tryPromise({
    try: run,
    catch: (cause) =>
      cause instanceof UnknownReference ||
      cause instanceof UnknownDecision ||
      cause instanceof UnknownReviewItem
        ? cause
        : new StoreError({ operation, detail: detail(cause) }),
  })

const nowOr = (given: Date | undefined) =>
  given !== undefined ? Effect.succeed(given) : Effect.map(Clock.currentTimeMillis, (t) => new Date(t))

const words = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== "")

/** The service on an open database. */
const make = (db: Sql.Database, options: OpenOptions): StoreShape => {
  const book = options.book ?? "default"
  const settings: Ops.ResolveSettings = {
    ...(options.me !== undefined ? { me: options.me } : {}),
    ...(options.region !== undefined ? { region: options.region } : {}),
  }
  const decide = (kind: Decision["kind"], refs: ReadonlyArray<string>, reason: string | undefined) =>
    Effect.flatMap(nowOr(undefined), (now) =>
      deciding(kind, () => Ops.decide(db, book, kind, refs, reason ?? "", now, settings)),
    )
  const fromReview = (n: number, kind: "link" | "never") =>
    Effect.flatMap(
      attempt("review", () => Ops.review(db, book)),
      (list): Effect.Effect<Ops.DecisionResult, DecisionError> => {
        const item = list.find((r) => r.n === n)
        if (item === undefined) return Effect.fail(new UnknownReviewItem({ n }))
        return decide(kind, item.records, kind === "link" ? `review ${n}: accepted` : `review ${n}: rejected`)
      },
    )
  const contacts = () => attempt("contacts", () => Ops.contacts(db, book))
  return {
    book,
    import: (inputs, importOptions = {}) =>
      Effect.gen(function* () {
        const now = yield* nowOr(importOptions.now)
        const read = yield* Merge.read(inputs, { now, ...settings })
        const names = inputs.map((i) => (typeof i === "string" ? i : i.name))
        const changes = yield* attempt("import", () =>
          Ops.importItems(db, book, read.items, names, now, settings, importOptions.resolution),
        )
        return { changes, inputs: read.inputs, failures: read.failures }
      }),
    contacts,
    contact: (id) => attempt("contact", () => Ops.contact(db, book, id)),
    find: (query) =>
      Effect.map(contacts(), (all) => {
        const wanted = words(query)
        return all.filter((c) => {
          const text = words(
            [
              c.displayName,
              ...c.emails.map((e) => e.value),
              ...c.phones.map((p) => p.value),
              ...c.organizations.map((o) => o.company ?? ""),
            ].join(" "),
          ).join(" ")
          return wanted.every((w) => text.includes(w))
        })
      }),
    changes: (since) => attempt("changes", () => Ops.changes(db, book, since)),
    link: (a, b, reason) => decide("link", [a, b], reason),
    never: (a, b, reason) => decide("never", [a, b], reason),
    unlink: (record, reason) => decide("unlink", [record], reason),
    undo: (decision) =>
      Effect.flatMap(nowOr(undefined), (now) =>
        deciding("undo", () => Ops.undo(db, book, decision, now, settings)),
      ),
    decisions: () => attempt("decisions", () => Ops.decisions(db, book)),
    lineage: (id) => attempt("lineage", () => Ops.lineage(db, book, id)),
    review: () => attempt("review", () => Ops.review(db, book)),
    accept: (n) => fromReview(n, "link"),
    reject: (n) => fromReview(n, "never"),
    export: (now) =>
      Effect.flatMap(nowOr(now), (at) => attempt("export", () => Ops.book(db, book, at, settings))),
  }
}

/** Opens the database and brings its schema up to date; a failed migration closes it again. */
const openMigrated = async (options: OpenOptions): Promise<Sql.Database> => {
  const db = await Sql.open(options)
  try {
    await Ops.migrate(db)
  } catch (cause) {
    await db.close()
    throw cause
  }
  return db
}

/**
 * Opens the database, brings its schema up to date, and closes it when the scope ends.
 *
 * @category constructors
 * @since 0.1.0
 */
export const open = (options: OpenOptions): Effect.Effect<StoreShape, StoreError, Scope.Scope> =>
  Effect.map(
    Effect.acquireRelease(
      attempt("open", () => openMigrated(options)),
      (db) => Effect.promise(() => db.close().catch(() => undefined)),
    ),
    (db) => make(db, options),
  )

/**
 * The store as a layer.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (options: OpenOptions): Layer.Layer<Store, StoreError> =>
  Layer.effect(Store, open(options))

/**
 * Opens without a scope, for the Promise facade: the caller closes.
 *
 * @category constructors
 * @since 0.1.0
 */
export const openUnscoped = (
  options: OpenOptions,
): Effect.Effect<{ readonly store: StoreShape; readonly close: () => Promise<void> }, StoreError> =>
  attempt("open", async () => {
    const db = await openMigrated(options)
    return { store: make(db, options), close: () => db.close() }
  })
