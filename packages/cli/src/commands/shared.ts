/**
 * Flags shared by the ranking commands (`top`, `drifting`, `digest`, `find`): the same inputs as
 * `merge`, a store, or a saved book.
 *
 * @since 0.1.0
 */
import { Phone } from "@blackbook/normalize"
import { Effect, Option } from "effect"
import { Argument, Flag } from "effect/cli"
import { UsageError } from "../Exit.ts"
import type { Source } from "../Ranked.ts"

/** @category flags @since 0.1.0 */
export const inputFlags = {
  db: Flag.String("db").pipe(
    Flag.withDescription(
      "read the book kept in a store: a directory (PGlite) or a postgres:// URL (default with no paths: $BLACKBOOK_DB, else the XDG store)",
    ),
    Flag.optional,
  ),
  book: Flag.String("book").pipe(
    Flag.withDescription("read a book.json written by `blackbook merge` instead of export files"),
    Flag.optional,
  ),
  now: Flag.String("now").pipe(
    Flag.withDescription("the date to treat as now (ISO, e.g. 2026-11-25)"),
    Flag.optional,
  ),
  region: Flag.String("region").pipe(
    Flag.withDescription("ISO country for phone numbers without a country code, e.g. GB"),
    Flag.optional,
  ),
  me: Flag.String("me").pipe(
    Flag.withDescription("one of my own e-mails, handles or profile URLs (repeatable): never a contact"),
    Flag.atLeast(0),
  ),
  halfLife: Flag.Int("half-life").pipe(
    Flag.withDescription("days for an interaction's weight to halve (default 90)"),
    Flag.optional,
  ),
  json: Flag.Boolean("json").pipe(
    Flag.withDescription("print JSON instead of a table"),
    Flag.withDefault(false),
  ),
}

/** @category flags @since 0.1.0 */
export const pathsArgument = Argument.String("path").pipe(
  Argument.withDescription("export files, folders or zips (as for merge); or use --db or --book"),
  Argument.variadic(),
)

/** @category parsing @since 0.1.0 */
export const parseNow = (
  raw: Option.Option<string>,
  command?: string,
): Effect.Effect<Date | undefined, UsageError> => {
  if (Option.isNone(raw)) return Effect.succeed(undefined)
  const date = new Date(raw.value)
  return Number.isNaN(date.getTime())
    ? Effect.fail(
        new UsageError({
          detail: `--now: "${raw.value}" is not an ISO date (e.g. 2026-11-25)`,
          ...(command ? { command } : {}),
        }),
      )
    : Effect.succeed(date)
}

/** @category parsing @since 0.4.0 */
export const parseRegion = (
  raw: Option.Option<string>,
  command?: string,
): Effect.Effect<string | undefined, UsageError> => {
  if (Option.isNone(raw)) return Effect.succeed(undefined)
  const region = Phone.supportedRegion(raw.value)
  return region === undefined
    ? Effect.fail(
        new UsageError({
          detail: `--region: "${raw.value}" is not a known ISO 3166 country code (e.g. GB, US, DE)`,
          ...(command ? { command } : {}),
        }),
      )
    : Effect.succeed(region)
}

interface InputArgs {
  readonly db: Option.Option<string>
  readonly book: Option.Option<string>
  readonly now: Option.Option<string>
  readonly region: Option.Option<string>
  readonly me: ReadonlyArray<string>
  readonly halfLife: Option.Option<number>
}

/** Turns parsed flags and paths into what `Ranked.load` needs. */
export const sourceOf = (
  args: InputArgs,
  paths: ReadonlyArray<string>,
  command: string,
): Effect.Effect<Source, UsageError> =>
  Effect.gen(function* () {
    const now = yield* parseNow(args.now, command)
    const region = yield* parseRegion(args.region, command)
    const halfLife = Option.getOrUndefined(args.halfLife)
    if (halfLife !== undefined && halfLife <= 0) {
      return yield* new UsageError({ detail: "--half-life must be a positive number of days", command })
    }
    return {
      paths,
      book: Option.getOrUndefined(args.book),
      db: Option.getOrUndefined(args.db),
      now,
      region,
      me: args.me,
      halfLifeDays: halfLife,
      command,
    }
  })

export { print } from "../Write.ts"
