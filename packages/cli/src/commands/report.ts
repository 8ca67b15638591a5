/**
 * `blackbook report <path>... --out report.html` or `blackbook report --db DIR|URL --out report.html`:
 * the book as one self-contained HTML page, with the network map and the lists; from a store, also
 * who moved jobs and the new connections of the last 90 days.
 *
 * @since 0.1.0
 */
import { Changes, Report } from "@blackbook/report"
import { Clock, Effect, Option, Result } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as Db from "../Db.ts"
import { ExitCode, exitCodes, UsageError, writeErr } from "../Exit.ts"
import { checkOutputs } from "../Inputs.ts"
import { mergePaths } from "../MergePaths.ts"
import { writeAtomically } from "../Write.ts"
import { inputFlags, parseNow, parseRegion } from "./shared.ts"

const flags = {
  out: Flag.String("out").pipe(Flag.withDescription("the HTML file to write, e.g. report.html")),
  now: inputFlags.now,
  region: inputFlags.region,
  me: inputFlags.me,
  db: inputFlags.db,
  paths: Argument.String("path").pipe(
    Argument.withDescription("export files, folders or zips (as for merge); or use --db"),
    Argument.variadic(),
  ),
}

const DAY_MS = 86_400_000

/** The report of a store's book, with the moves and new connections of its recent imports. */
const fromStore = (
  where: Db.Location,
  out: string,
  now: Date | undefined,
  region: string | undefined,
  me: ReadonlyArray<string>,
) =>
  Effect.gen(function* () {
    const at = now ?? new Date(yield* Clock.currentTimeMillis)
    const { book, changes } = yield* Db.read(where, {
      now: at,
      region,
      me,
      changesSince: new Date(at.getTime() - Changes.DAYS * DAY_MS),
      command: "report",
    })
    if (book.contacts.length === 0) {
      return yield* new ExitCode({
        code: exitCodes.nothingWritten,
        detail: "the store holds nobody yet: add exports with `blackbook import`",
      })
    }
    const html = yield* Result.match(Report.render({ book, changes }), {
      onSuccess: Effect.succeed,
      onFailure: (e) => Effect.fail(new UsageError({ detail: e.message, command: "report" })),
    })
    yield* writeAtomically(out, [html])
    yield* writeErr(`wrote ${out}: ${book.contacts.length} people\n`)
  })

/** @category commands @since 0.1.0 */
export const reportCommand = Command.make("report", flags, (args) =>
  Effect.gen(function* () {
    const now = yield* parseNow(args.now, "report")
    const region = yield* parseRegion(args.region, "report")
    if (Option.isSome(args.db)) {
      if (args.paths.length > 0) {
        return yield* new UsageError({ detail: "give export paths or --db, not both", command: "report" })
      }
      return yield* fromStore(Db.named(args.db.value), args.out, now, region, args.me)
    }
    if (args.paths.length === 0) {
      const where = yield* Db.implicit()
      if (where === undefined) {
        return yield* new UsageError({
          detail: "give export paths to read, or --db DIR|URL",
          command: "report",
        })
      }
      return yield* fromStore(where, args.out, now, region, args.me)
    }
    yield* checkOutputs([["out", args.out]], args.paths, "report")
    const { result, warnings } = yield* mergePaths(args.paths, "report", {
      ...(now ? { now } : {}),
      ...(region !== undefined ? { region } : {}),
      ...(args.me.length > 0 ? { me: args.me } : {}),
    })
    const html = yield* Result.match(Report.render(result), {
      onSuccess: Effect.succeed,
      onFailure: (e) => Effect.fail(new UsageError({ detail: e.message, command: "report" })),
    })
    yield* writeAtomically(args.out, [html])
    for (const warning of warnings) yield* writeErr(`warning: ${warning}\n`)
    yield* writeErr(`wrote ${args.out}: ${result.book.contacts.length} people\n`)
    if (result.failures.length > 0) {
      return yield* new ExitCode({
        code: exitCodes.someUnreadable,
        detail: `${result.failures.length} input(s) could not be read (listed in the report)`,
      })
    }
  }),
).pipe(
  Command.withDescription(
    "The book as one HTML page with the network map and the lists: `blackbook report <path>... --out report.html`, or from a store with --db (adds who moved jobs and new connections).",
  ),
)
