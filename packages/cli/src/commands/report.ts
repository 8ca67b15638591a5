/**
 * `blackbook report <path>... --out report.html`: the book as one self-contained HTML page, with the
 * network map and the lists.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs/promises"
import { Report } from "@blackbook/report"
import { Merge } from "blackbook"
import { Effect, Result } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { ExitCode, UsageError, writeErr } from "../Exit.ts"
import * as Heap from "../Heap.ts"
import { inputFlags, parseNow, parseRegion } from "./shared.ts"

const flags = {
  out: Flag.String("out").pipe(Flag.withDescription("the HTML file to write, e.g. report.html")),
  now: inputFlags.now,
  region: inputFlags.region,
  me: inputFlags.me,
  paths: Argument.String("path").pipe(
    Argument.withDescription("export files, folders or zips (as for merge)"),
    Argument.variadic({ min: 1 }),
  ),
}

/** @category commands @since 0.1.0 */
export const reportCommand = Command.make("report", flags, (args) =>
  Effect.gen(function* () {
    const now = yield* parseNow(args.now)
    const region = yield* parseRegion(args.region)
    const collectGarbage = Heap.collectGarbage()
    const result = yield* Merge.merge(args.paths, {
      ...(now ? { now } : {}),
      ...(region !== undefined ? { region } : {}),
      ...(args.me.length > 0 ? { me: args.me } : {}),
      ...(collectGarbage ? { collectGarbage } : {}),
    }).pipe(Effect.mapError((e) => new UsageError({ detail: e.detail })))
    const html = yield* Result.match(Report.render(result), {
      onSuccess: Effect.succeed,
      onFailure: (e) => Effect.fail(new UsageError({ detail: e.message })),
    })
    yield* Effect.tryPromise({
      try: () => fs.writeFile(args.out, html),
      catch: (cause) => new ExitCode({ code: 1, detail: `cannot write ${args.out}: ${String(cause)}` }),
    })
    yield* writeErr(`wrote ${args.out}: ${result.book.contacts.length} people\n`)
    if (result.failures.length > 0) {
      return yield* new ExitCode({
        code: 1,
        detail: `${result.failures.length} input(s) could not be read (listed in the report)`,
      })
    }
  }),
).pipe(
  Command.withDescription(
    "The book as one HTML page with the network map and the lists: `blackbook report <path>... --out report.html`.",
  ),
)
