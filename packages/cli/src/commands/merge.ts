/**
 * `blackbook merge <path>...`: read exports, resolve, write the book.
 *
 * @since 0.1.0
 */
import { once } from "node:events"
import * as fs from "node:fs/promises"
import { Tier } from "@blackbook/priority"
import { Resolve, Settings } from "@blackbook/resolve"
import { loadMapping } from "@blackbook/source-contacts-csv"
import { Export, Merge } from "blackbook"
import { Effect, Option, Result, SchemaIssue } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { ExitCode, UsageError, writeErr } from "../Exit.ts"
import * as Heap from "../Heap.ts"
import { summary } from "../Summary.ts"
import { inputFlags, parseNow, parseRegion } from "./shared.ts"

/**
 * Reads the file a flag names and decodes it; a file that cannot be read or decoded is a usage
 * error naming the flag and the file.
 */
const readFlagFile = <A>(
  flag: string,
  file: Option.Option<string>,
  decode: (text: string) => Effect.Effect<A, string>,
): Effect.Effect<A | undefined, UsageError> =>
  Option.isNone(file)
    ? Effect.succeed(undefined)
    : Effect.tryPromise({
        try: () => fs.readFile(file.value, "utf8"),
        catch: (cause) => `cannot be read (${String(cause)})`,
      }).pipe(
        Effect.flatMap(decode),
        Effect.mapError((detail) => new UsageError({ detail: `--${flag} ${file.value}: ${detail}` })),
      )

const decodeMapping = (text: string) => Effect.mapError(loadMapping(text), (e) => e.reason.detail)

const decodeConstraints = (text: string) => {
  const decoded = Resolve.constraintsFromJson(text)
  return Result.isSuccess(decoded)
    ? Effect.succeed(decoded.success)
    : Effect.fail(SchemaIssue.makeFormatterDefault()(decoded.failure.issue))
}

/** The JSON `Settings.toJson` writes; a level kind its field does not take fails, naming its path. */
const decodeSettings = (text: string) =>
  Effect.try({
    try: () => JSON.parse(text) as unknown,
    catch: (cause) => `is not JSON (${String(cause)})`,
  }).pipe(
    Effect.flatMap((json) => {
      const decoded = Settings.fromJson(json)
      return Result.isSuccess(decoded)
        ? Effect.succeed(decoded.success)
        : Effect.fail(SchemaIssue.makeFormatterDefault()(decoded.failure.issue))
    }),
  )

/** Pieces gathered into writes of about a megabyte (a write per contact is many system calls). */
function* batched(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let parts: Array<string> = []
  let length = 0
  for (const piece of pieces) {
    parts.push(piece)
    length += piece.length
    if (length >= size) {
      yield parts.join("")
      parts = []
      length = 0
    }
  }
  if (parts.length > 0) yield parts.join("")
}

/**
 * Writes an output file piece by piece (`Export.renderChunks`: a big book is longer than one
 * string can be); failing to is exit code 1.
 */
const writeOutput = (file: string, pieces: Iterable<string>) =>
  Effect.tryPromise({
    try: () => fs.writeFile(file, batched(pieces)),
    catch: (cause) => new ExitCode({ code: 1, detail: `cannot write ${file}: ${String(cause)}` }),
  })

/** Writes the book to standard output piece by piece, waiting whenever the pipe is full. */
const writeStdout = (pieces: Iterable<string>) =>
  Effect.tryPromise({
    try: async () => {
      for (const chunk of batched(pieces))
        if (!process.stdout.write(chunk)) await once(process.stdout, "drain")
    },
    catch: (cause) => new ExitCode({ code: 1, detail: `cannot write the book: ${String(cause)}` }),
  })

const progressLine = (p: Merge.Progress) => {
  if (!process.stderr.isTTY) return
  process.stderr.write(
    `\r\u001b[2Kreading ${p.filesRead}/${p.filesTotal} files, ${p.items} items: ${p.current}`,
  )
}

/** @category commands @since 0.1.0 */
export const mergeCommand = Command.make(
  "merge",
  {
    paths: Argument.String("path").pipe(
      Argument.withDescription(
        "export files, folders or zips (vCard, contacts CSV, .ics, LinkedIn, Twitter/X)",
      ),
      Argument.variadic({ min: 1 }),
    ),
    out: Flag.String("out").pipe(
      Flag.withAlias("o"),
      Flag.withDescription("write the book to this file (default: standard output)"),
      Flag.optional,
    ),
    format: Flag.Literals("format", Export.formats).pipe(
      Flag.withAlias("f"),
      Flag.withDescription("json (default), vcf (vCard 4.0) or csv (Outlook)"),
      Flag.optional,
    ),
    now: inputFlags.now,
    region: inputFlags.region,
    me: inputFlags.me,
    mapping: Flag.String("mapping").pipe(
      Flag.withDescription("JSON column mapping for a generic CSV export (see docs/cli.md)"),
      Flag.optional,
    ),
    tier: Flag.Literals("tier", Tier.precedence).pipe(
      Flag.withDescription("export only contacts in this priority tier (repeatable)"),
      Flag.atLeast(0),
    ),
    constraints: Flag.String("constraints").pipe(
      Flag.withDescription(
        'JSON file of merge decisions by record key: {"never": [["a", "b"]], "always": [["a", "b"]]}',
      ),
      Flag.optional,
    ),
    review: Flag.String("review").pipe(
      Flag.withDescription("write the possible duplicates (the uncertain band) to this JSON file"),
      Flag.optional,
    ),
    settings: Flag.String("settings").pipe(
      Flag.withDescription(
        "JSON file of resolution settings (as Settings.toJson writes them: comparisons, blocking, thresholds, priors)",
      ),
      Flag.optional,
    ),
    saveModel: Flag.String("save-model").pipe(
      Flag.withDescription("write the trained model (m and u per level, the prior) to this JSON file"),
      Flag.optional,
    ),
    quiet: Flag.Boolean("quiet").pipe(
      Flag.withAlias("q"),
      Flag.withDescription("print no summary"),
      Flag.withDefault(false),
    ),
  },
  (args) =>
    Effect.gen(function* () {
      const now = yield* parseNow(args.now)
      const mapping = yield* readFlagFile("mapping", args.mapping, decodeMapping)
      const constraints = yield* readFlagFile("constraints", args.constraints, decodeConstraints)
      const settings = yield* readFlagFile("settings", args.settings, decodeSettings)
      const format = Option.getOrElse(args.format, () => inferFormat(args.out))
      const region = yield* parseRegion(args.region)
      const collectGarbage = Heap.collectGarbage()
      const result = yield* Merge.merge(args.paths, {
        ...(now ? { now } : {}),
        ...(region ? { region } : {}),
        ...(args.me.length > 0 ? { me: args.me } : {}),
        ...(mapping ? { mapping } : {}),
        ...(constraints ? { constraints } : {}),
        ...(settings ? { settings } : {}),
        ...(collectGarbage ? { collectGarbage } : {}),
        onProgress: progressLine,
      }).pipe(Effect.mapError((e) => new UsageError({ detail: e.detail })))
      if (process.stderr.isTTY) process.stderr.write("\r\u001b[2K")
      const pieces = Export.renderChunks(result.book, format, {
        failures: result.failures,
        ranking: result.ranking,
        tiers: args.tier,
      })
      if (Option.isSome(args.out)) {
        yield* writeOutput(args.out.value, pieces)
      } else {
        yield* writeStdout(pieces)
      }
      if (Option.isSome(args.review)) {
        yield* writeOutput(args.review.value, [...Export.jsonChunks(result.book.possibleDuplicates), "\n"])
      }
      if (Option.isSome(args.saveModel)) {
        yield* writeOutput(args.saveModel.value, [JSON.stringify(result.book.model, null, 2), "\n"])
      }
      if (!args.quiet) {
        yield* writeErr(summary(result))
        if (Option.isSome(args.out))
          yield* writeErr(`wrote ${result.book.contacts.length} contacts to ${args.out.value}\n`)
      }
      if (result.failures.length > 0) {
        return yield* new ExitCode({
          code: 1,
          detail: `${result.failures.length} input(s) could not be read`,
        })
      }
    }),
).pipe(
  Command.withDescription(
    "Merge contact exports into one book: every person once, every source's copy kept.",
  ),
)

const inferFormat = (out: Option.Option<string>): Export.ExportFormat => {
  if (Option.isNone(out)) return "json"
  const lower = out.value.toLowerCase()
  if (lower.endsWith(".vcf")) return "vcf"
  if (lower.endsWith(".csv")) return "csv"
  return "json"
}
