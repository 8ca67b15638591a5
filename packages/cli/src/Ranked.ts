/**
 * Where the ranking commands get their people: fresh from export files (the same inputs as
 * `merge`), from a store (`--db`, see `Db`), or from a book.json that `merge` saved. A saved book keeps each contact's score as the
 * date it decays to 1 (`decaysToOneOn`), so it still sorts correctly at a later `--now` without
 * recomputation; tiers and due dates are as of the saved book's `now`.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs/promises"
import type { Contact } from "@blackbook/model"
import { Ranking, Tier } from "@blackbook/priority"
import { BookJson } from "@blackbook/resolve"
import { Clock, Effect, type FileSystem, Result, Schema } from "effect"
import * as Db from "./Db.ts"
import { ExitCode, exitCodes, UsageError } from "./Exit.ts"
import * as MergePaths from "./MergePaths.ts"

/** @category models @since 0.1.0 */
export interface People {
  readonly now: Date
  readonly contacts: ReadonlyArray<Contact.Contact>
  readonly ranking: ReadonlyArray<Ranking.Ranked>
  /** Inputs that could not be read (the ranking is of the rest), one line each: exit code 1. */
  readonly unreadable: ReadonlyArray<string>
}

/** @category models @since 0.1.0 */
export interface Source {
  readonly paths: ReadonlyArray<string>
  readonly book: string | undefined
  /** A store (`--db`): a directory or a `postgres://` URL. */
  readonly db: string | undefined
  readonly now: Date | undefined
  readonly region: string | undefined
  readonly me: ReadonlyArray<string>
  readonly halfLifeDays: number | undefined
  /** The command, for the hint of a usage error. */
  readonly command: string
}

const SavedPriority = Schema.Struct({
  id: Schema.String,
  displayName: Schema.String,
  score: Schema.Number,
  tier: Schema.Literals(Tier.precedence),
  why: Schema.String,
  decaysToOneOn: Schema.String,
  due: Schema.optionalKey(Schema.String),
  cadenceDays: Schema.optionalKey(Schema.Number),
  nextMeeting: Schema.optionalKey(Schema.String),
  interactions: Schema.Struct({
    count: Schema.Number,
    last: Schema.NullOr(Schema.String),
    byKind: Schema.Record(Schema.String, Schema.Number),
  }),
})
const decodePriority = Schema.decodeUnknownResult(SavedPriority)

const DAY_MS = 86_400_000

/** Reads a saved book: its contacts, and the ranking re-sorted by `decaysToOneOn` at `now`. */
const fromSaved = (file: string, now: Date | undefined, halfLifeDays: number) =>
  Effect.gen(function* () {
    const text = yield* Effect.tryPromise({
      try: () => fs.readFile(file, "utf8"),
      catch: (cause) =>
        new ExitCode({ code: exitCodes.nothingWritten, detail: `cannot read ${file}: ${String(cause)}` }),
    })
    const decoded = BookJson.fromJson(text)
    if (Result.isFailure(decoded)) {
      return yield* new ExitCode({
        code: exitCodes.nothingWritten,
        detail: `${file} is not a Blackbook book.json: ${decoded.failure.message}`,
      })
    }
    const json = decoded.success
    const raw = JSON.parse(text) as { contacts: ReadonlyArray<unknown> }
    const at = now ?? new Date(json.now)
    const elapsedDays = (at.getTime() - Date.parse(json.now)) / DAY_MS
    const ranked: Ranking.Ranked[] = []
    for (const c of raw.contacts) {
      const p = decodePriority(c)
      if (Result.isFailure(p)) {
        return yield* new ExitCode({
          code: exitCodes.nothingWritten,
          detail: `${file} has no ranking (score, tier, decaysToOneOn): write it with \`blackbook merge\``,
        })
      }
      const s = p.success
      ranked.push({
        contactId: s.id,
        displayName: s.displayName,
        // the score keeps decaying after the book was saved: halve it every half-life since
        score: s.score * 2 ** (-elapsedDays / halfLifeDays),
        rank: 0,
        tier: s.tier,
        why: s.why,
        decaysToOneOn: s.decaysToOneOn,
        ...(s.due !== undefined ? { due: s.due } : {}),
        ...(s.cadenceDays !== undefined ? { cadenceDays: s.cadenceDays } : {}),
        ...(s.nextMeeting !== undefined ? { nextMeeting: s.nextMeeting } : {}),
        ...(s.interactions.last !== null ? { lastInteraction: s.interactions.last } : {}),
        interactions: { count: s.interactions.count, byKind: s.interactions.byKind },
      })
    }
    ranked.sort(
      (a, b) =>
        (a.decaysToOneOn < b.decaysToOneOn ? 1 : a.decaysToOneOn > b.decaysToOneOn ? -1 : 0) ||
        a.displayName.localeCompare(b.displayName) ||
        a.contactId.localeCompare(b.contactId),
    )
    const contacts: Contact.Contact[] = json.contacts.map(
      ({ sources: _s, interactions: _i, ...contact }) => contact,
    )
    // Object.assign, not `{ ...r, rank }`: V8 gives each object so made a hidden class of its own.
    return {
      now: at,
      contacts,
      ranking: ranked.map((r, i) => Object.assign({}, r, { rank: i + 1 })),
      unreadable: [],
    }
  })

/**
 * The people to rank: from `--book`, from `--db`, or by merging the paths; with none of them, from
 * `$BLACKBOOK_DB` or the XDG data directory's store when there is one.
 *
 * @category loading
 * @since 0.1.0
 */
export const load = (source: Source): Effect.Effect<People, ExitCode | UsageError, FileSystem.FileSystem> => {
  const halfLifeDays = source.halfLifeDays ?? 90
  const given = [
    source.paths.length > 0 ? "export paths" : undefined,
    source.book !== undefined ? "--book" : undefined,
    source.db !== undefined ? "--db" : undefined,
  ].filter((x) => x !== undefined)
  if (given.length > 1) {
    return Effect.fail(
      new UsageError({
        detail: `give one of export paths, --book or --db, not ${given.join(" and ")}`,
        command: source.command,
      }),
    )
  }
  if (source.book !== undefined) return fromSaved(source.book, source.now, halfLifeDays)
  if (source.db !== undefined) return fromStore(Db.named(source.db), source, halfLifeDays)
  if (source.paths.length === 0) {
    return Effect.flatMap(Db.implicit(), (where) =>
      where === undefined
        ? Effect.fail(
            new UsageError({
              detail: "give export paths to read, --db DIR|URL or --book book.json",
              command: source.command,
            }),
          )
        : fromStore(where, source, halfLifeDays),
    )
  }
  return Effect.flatMap(Clock.currentTimeMillis, (millis) =>
    mergePaths(source, source.now ?? new Date(millis), halfLifeDays),
  )
}

/** The store's book, ranked at its `now` (`--now`, else the clock). */
const fromStore = (
  where: Db.Location,
  source: Source,
  halfLifeDays: number,
): Effect.Effect<People, ExitCode | UsageError> =>
  Effect.gen(function* () {
    const { book } = yield* Db.read(where, {
      now: source.now,
      region: source.region,
      me: source.me,
      command: source.command,
    })
    const now = new Date(book.now)
    const ranking = yield* Effect.fromResult(Ranking.rank(book, { now, halfLifeDays })).pipe(
      Effect.mapError((e) => new UsageError({ detail: e.detail, command: source.command })),
    )
    return { now, contacts: book.contacts, ranking, unreadable: [] }
  })

/** Reads the export paths as `merge` does, ranked at `now` (the clock read at the edge). */
const mergePaths = (
  source: Source,
  now: Date,
  halfLifeDays: number,
): Effect.Effect<People, ExitCode | UsageError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const { result } = yield* MergePaths.mergePaths(source.paths, source.command, {
      now,
      ...(source.region !== undefined ? { region: source.region } : {}),
      ...(source.me.length > 0 ? { me: source.me } : {}),
      ranking: { halfLifeDays },
    })
    return {
      now,
      contacts: result.book.contacts,
      ranking: result.ranking,
      unreadable: result.failures.map((f) => `cannot read ${f.error.reason.path}: ${f.error.reason.detail}`),
    }
  })

/**
 * Ends a ranking command that printed its list: exit code 1 when some inputs could not be read.
 *
 * @category loading
 * @since 0.2.0
 */
export const finish = (people: People): Effect.Effect<void, ExitCode> =>
  people.unreadable.length === 0
    ? Effect.void
    : Effect.fail(
        new ExitCode({
          code: exitCodes.someUnreadable,
          detail: `${people.unreadable.join("\n")}\n(listed from the inputs that could be read)`,
        }),
      )
