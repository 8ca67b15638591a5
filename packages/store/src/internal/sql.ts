/**
 * The one SQL interface the store speaks: `query` and `transaction`, with two implementations
 * (PGlite in a directory, a PostgreSQL server through `pg`). Everything above it is the same SQL.
 */
import { PGlite } from "@electric-sql/pglite"
import pg from "pg"

export interface Sql {
  readonly query: <R = Record<string, unknown>>(
    text: string,
    params?: ReadonlyArray<unknown>,
  ) => Promise<ReadonlyArray<R>>
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it rejects. */
  readonly transaction: <A>(fn: (tx: Sql) => Promise<A>) => Promise<A>
}

export interface Database extends Sql {
  readonly close: () => Promise<void>
  /** `pglite` or `postgres`, for messages. */
  readonly kind: "pglite" | "postgres"
}

const noNested = (): Promise<never> => Promise.reject(new Error("transactions do not nest"))

/** PGlite on a directory (created when missing), or in memory when `dir` is undefined. */
export const openPglite = async (dir: string | undefined): Promise<Database> => {
  const db = dir === undefined ? await PGlite.create() : await PGlite.create(dir)
  // PGlite runs one statement at a time: queue transactions so two callers never interleave.
  let queue: Promise<unknown> = Promise.resolve()
  const query = async <R>(text: string, params: ReadonlyArray<unknown> = []) =>
    (await db.query<R>(text, [...params])).rows
  return {
    kind: "pglite",
    query,
    transaction: <A>(fn: (tx: Sql) => Promise<A>): Promise<A> => {
      const run = queue.then(() =>
        db.transaction((tx) =>
          fn({
            query: async <R>(text: string, params: ReadonlyArray<unknown> = []) => {
              const t0 = performance.now()
              const rows = (await tx.query<R>(text, [...params])).rows
              if (process.env.BLACKBOOK_STORE_TRACE)
                console.error(
                  `TRACE\t${(performance.now() - t0).toFixed(0)}\t${rows.length}\t${JSON.stringify(rows).length}\t${text.replace(/\s+/g, " ").slice(0, 110)}`,
                )
              return rows
            },
            transaction: noNested,
          }),
        ),
      )
      queue = run.catch(() => undefined)
      return run
    },
    close: () => db.close(),
  }
}

/** A PostgreSQL server at a `postgres://` URL, through a small pool. */
export const openPostgres = async (url: string): Promise<Database> => {
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  // Fail now, not at the first query, when the server is not there.
  const probe = await pool.connect()
  probe.release()
  const on = (client: pg.PoolClient | pg.Pool): Sql["query"] =>
    (async <R>(text: string, params: ReadonlyArray<unknown> = []) =>
      (await client.query(text, [...params])).rows as ReadonlyArray<R>) as Sql["query"]
  return {
    kind: "postgres",
    query: on(pool),
    transaction: async <A>(fn: (tx: Sql) => Promise<A>): Promise<A> => {
      const client = await pool.connect()
      try {
        await client.query("begin")
        const result = await fn({ query: on(client), transaction: noNested })
        await client.query("commit")
        return result
      } catch (cause) {
        await client.query("rollback").catch(() => undefined)
        throw cause
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}

/** Opens what a location names: a `postgres://` (or `postgresql://`) URL, else a directory. */
export const open = (location: { readonly path?: string; readonly url?: string }): Promise<Database> =>
  location.url !== undefined ? openPostgres(location.url) : openPglite(location.path)
