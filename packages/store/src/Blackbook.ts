/**
 * The lasting book as Promises, for code that does not use Effect (a CRM's import job):
 *
 * ```ts
 * const bb = await Blackbook.open({ path: "./book" })          // or { url: "postgres://..." }
 * const { changes } = await bb.import(["linkedin.zip", "contacts.vcf"])
 * for (const e of changes.events) if (e.kind === "moved") console.log(e.contact, e.from, e.to)
 * await bb.close()
 * ```
 *
 * Rejections carry the store's tagged errors (`StoreError`, `UnknownReference`, ...).
 *
 * @since 0.1.0
 */
import type * as Book from "@blackbook/resolve/Book"
import type * as BookJson from "@blackbook/resolve/BookJson"
import type { Merge } from "blackbook"
import { NodeFileSystem } from "blackbook"
import { Effect } from "effect"
import type { ChangeSet } from "./Changes.ts"
import * as Store from "./Store.ts"

/** @category models @since 0.1.0 */
export interface Blackbook {
  readonly import: (
    inputs: ReadonlyArray<Merge.MergeInput>,
    options?: Store.ImportOptions,
  ) => Promise<Store.ImportResult>
  readonly contacts: () => Promise<ReadonlyArray<BookJson.ContactJson>>
  readonly contact: (id: string) => Promise<BookJson.ContactJson | undefined>
  readonly find: (query: string) => Promise<ReadonlyArray<BookJson.ContactJson>>
  readonly changes: (since?: Date) => Promise<ReadonlyArray<ChangeSet>>
  readonly link: (a: string, b: string, reason?: string) => Promise<Store.DecisionResult>
  readonly never: (a: string, b: string, reason?: string) => Promise<Store.DecisionResult>
  readonly unlink: (record: string, reason?: string) => Promise<Store.DecisionResult>
  readonly undo: (decision: number) => Promise<Store.DecisionResult>
  readonly lineage: (id: string) => Promise<Store.Lineage>
  readonly review: () => Promise<ReadonlyArray<Store.Reviewed>>
  readonly export: (now?: Date) => Promise<Book.Book>
  readonly close: () => Promise<void>
}

/**
 * Opens (and migrates) a book: `{ path }` for a PGlite directory, `{ url }` for PostgreSQL.
 *
 * @category constructors
 * @since 0.1.0
 */
export const open = async (options: Store.OpenOptions): Promise<Blackbook> => {
  const { store, close } = await Effect.runPromise(Store.openUnscoped(options))
  const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(effect)
  return {
    import: (inputs, importOptions) =>
      run(store.import(inputs, importOptions).pipe(Effect.provide(NodeFileSystem.layer))),
    contacts: () => run(store.contacts()),
    contact: (id) => run(store.contact(id)),
    find: (query) => run(store.find(query)),
    changes: (since) => run(store.changes(since)),
    link: (a, b, reason) => run(store.link(a, b, reason)),
    never: (a, b, reason) => run(store.never(a, b, reason)),
    unlink: (record, reason) => run(store.unlink(record, reason)),
    undo: (decision) => run(store.undo(decision)),
    lineage: (id) => run(store.lineage(id)),
    review: () => run(store.review()),
    export: (now) => run(store.export(now)),
    close,
  }
}
