/**
 * Reading a store's book for the commands that only look at it (`top`, `drifting`, `digest`, `find`,
 * `report`): where the store is, and its book with the change feed. Such a command never creates a
 * store: a directory that does not exist is a usage error.
 *
 * @since 0.2.0
 */
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import type { Book } from "@blackbook/resolve/Book"
import { Store } from "@blackbook/store"
import type { ChangeSet } from "@blackbook/store/Changes"
import { Effect } from "effect"
import { ExitCode, exitCodes, UsageError } from "./Exit.ts"

/** A store: a PGlite directory or a PostgreSQL URL. @category models @since 0.2.0 */
export type Location = { readonly path: string } | { readonly url: string }

const isUrl = (named: string) => /^postgres(ql)?:\/\//.test(named)

/** A named store (the `--db` value or `$BLACKBOOK_DB`). @category locations @since 0.2.0 */
export const named = (value: string): Location => (isUrl(value) ? { url: value } : { path: value })

/**
 * The store a reading command uses when given neither paths nor `--book` nor `--db`: `$BLACKBOOK_DB`,
 * else the XDG data directory's when it exists; undefined when there is none.
 *
 * @category locations
 * @since 0.2.0
 */
export const implicit = (): Effect.Effect<Location | undefined> =>
  Effect.promise(async () => {
    const env = process.env.BLACKBOOK_DB
    if (env !== undefined && env !== "") return named(env)
    const dir = defaultDirectory()
    return (await isDirectory(dir)) ? { path: dir } : undefined
  })

/**
 * The store's directory when none is named: `$XDG_DATA_HOME/blackbook/book`, the XDG default
 * being `~/.local/share`.
 *
 * @category locations
 * @since 0.3.0
 */
export const defaultDirectory = (): string =>
  path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), ".local", "share"), "blackbook", "book")

const isDirectory = (dir: string) =>
  fs.stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  )

/** What a reading command gets from a store. @category models @since 0.2.0 */
export interface Stored {
  readonly book: Book
  /** The change sets of the imports at or after `changesSince` (empty when not asked for). */
  readonly changes: ReadonlyArray<ChangeSet>
}

/** @category models @since 0.2.0 */
export interface ReadOptions {
  readonly now: Date | undefined
  readonly region: string | undefined
  readonly me: ReadonlyArray<string>
  /** Also read the change feed from this time on, with contact ids mapped to the current ones. */
  readonly changesSince?: Date
  readonly command: string
}

/**
 * Opens the store, exports its book at `now` (the store's clock when absent) and, when asked, its
 * change feed; closes it again. A store that cannot be opened or read ends with exit code 3.
 *
 * @category reading
 * @since 0.2.0
 */
export const read = (where: Location, options: ReadOptions): Effect.Effect<Stored, ExitCode | UsageError> =>
  Effect.gen(function* () {
    if ("path" in where && !(yield* Effect.promise(() => isDirectory(where.path)))) {
      return yield* new UsageError({
        detail: `no store at ${where.path}: create it with \`blackbook import <path>... --db ${where.path}\``,
        command: options.command,
      })
    }
    return yield* Effect.scoped(
      Effect.gen(function* () {
        const store = yield* Store.open({
          ...where,
          me: options.me,
          ...(options.region !== undefined ? { region: options.region } : {}),
        })
        const book = yield* store.export(options.now)
        if (options.changesSince === undefined) return { book, changes: [] }
        const sets = yield* store.changes(options.changesSince)
        return { book, changes: yield* current(store, book, sets) }
      }),
    ).pipe(
      Effect.mapError(
        (e) =>
          new ExitCode({
            code: exitCodes.nothingWritten,
            detail: `store: ${e.operation}: ${e.detail}`,
          }),
      ),
    )
  })

/** The change sets with each event's contact id followed to the contact it is now (merges since). */
const current = (store: Store.StoreShape, book: Book, sets: ReadonlyArray<ChangeSet>) =>
  Effect.gen(function* () {
    const present = new Set(book.contacts.map((c) => c.id))
    const moved = new Map<string, string>()
    for (const id of new Set(sets.flatMap((s) => s.events.map((e) => e.contact)))) {
      if (present.has(id)) continue
      const lineage = yield* store.lineage(id)
      if (lineage.current !== null) moved.set(id, lineage.current)
    }
    if (moved.size === 0) return sets
    return sets.map((s) => ({
      ...s,
      events: s.events.map((e) => {
        const now = moved.get(e.contact)
        return now === undefined ? e : { ...e, contact: now }
      }),
    }))
  })
