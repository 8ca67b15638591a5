/**
 * `blackbook merge <path>...`: read exports, resolve, write the book.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs/promises"
import { Input } from "@blackbook/model"
import { Tier } from "@blackbook/priority"
import { Resolve, Settings } from "@blackbook/resolve"
import { loadMapping } from "@blackbook/source-contacts-csv"
import { Export } from "blackbook"
import { Effect, Option, Result, SchemaIssue } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { ExitCode, exitCodes, UsageError, writeErr } from "../Exit.ts"
import { checkOutputs } from "../Inputs.ts"
import { mergePaths } from "../MergePaths.ts"
import * as ProgressLine from "../Progress.ts"
import { summary } from "../Summary.ts"
import { writeAtomically, writeStream } from "../Write.ts"
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
        Effect.mapError(
          (detail) => new UsageError({ detail: `--${flag} ${file.value}: ${detail}`, command: "merge" }),
        ),
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

/** A size flag: a whole number above zero, else a usage error. */
const positive = (flag: string, value: Option.Option<number>) =>
  Option.isNone(value)
    ? Effect.succeed(undefined)
    : value.value > 0
      ? Effect.succeed(value.value)
      : Effect.fail(
          new UsageError({
            detail: `--${flag} takes a number above 0, got ${value.value}`,
            command: "merge",
          }),
        )

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
        'JSON file of merge decisions by record identity (or record key as the book writes it): {"never": [["a", "b"]], "always": [["a", "b"]]}; one naming no record is a usage error',
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
    verbose: Flag.Boolean("verbose").pipe(
      Flag.withDescription("name every skipped file and every rejected record in the summary"),
      Flag.withDefault(false),
    ),
    strict: Flag.Boolean("strict").pipe(
      Flag.withDescription("write nothing when any input cannot be read (exit 3)"),
      Flag.withDefault(false),
    ),
    maxFileBytes: Flag.Int("max-file-bytes").pipe(
      Flag.withDescription("refuse, with a reason, any file or zip entry larger than this (default 500 MiB)"),
      Flag.optional,
    ),
    maxRecordBytes: Flag.Int("max-record-bytes").pipe(
      Flag.withDescription(
        "report, and do not read, a card, CSV row, calendar event or Twitter item larger than this many characters (default 33,554,432)",
      ),
      Flag.optional,
    ),
    progress: Flag.Boolean("progress").pipe(
      Flag.withDescription("report progress on standard error even when it is not a terminal"),
      Flag.withDefault(false),
    ),
  },
  (args) =>
    Effect.gen(function* () {
      const now = yield* parseNow(args.now)
      const outputs = [
        ...(Option.isSome(args.out) ? [["out", args.out.value] as const] : []),
        ...(Option.isSome(args.review) ? [["review", args.review.value] as const] : []),
      ]
      yield* checkOutputs(outputs, args.paths, "merge")
      const mapping = yield* readFlagFile("mapping", args.mapping, decodeMapping)
      const constraints = yield* readFlagFile("constraints", args.constraints, decodeConstraints)
      const settings = yield* readFlagFile("settings", args.settings, decodeSettings)
      const format = Option.getOrElse(args.format, () => inferFormat(args.out))
      const region = yield* parseRegion(args.region, "merge")
      const maxFileBytes = yield* positive("max-file-bytes", args.maxFileBytes)
      const maxRecordBytes = yield* positive("max-record-bytes", args.maxRecordBytes)
      const progress = ProgressLine.make(process.stderr, args.progress)
      const { result, warnings } = yield* mergePaths(
        args.paths,
        "merge",
        {
          ...(now ? { now } : {}),
          ...(region ? { region } : {}),
          ...(maxFileBytes !== undefined ? { limits: { ...Input.defaultLimits, maxFileBytes } } : {}),
          ...(maxRecordBytes !== undefined ? { maxRecordBytes } : {}),
          ...(args.me.length > 0 ? { me: args.me } : {}),
          ...(mapping ? { mapping } : {}),
          ...(constraints ? { constraints } : {}),
          ...(settings ? { settings } : {}),
          onProgress: progress.update,
        },
        progress.done,
      )
      const report = (text: string) => (args.quiet ? Effect.void : writeErr(text))
      // Warnings about inputs set aside are printed even with --quiet: they explain the exit code.
      yield* report(summary(result, { verbose: args.verbose, warnings }))
      if (args.quiet) for (const warning of warnings) yield* writeErr(`warning: ${warning}\n`)
      if (args.strict && result.failures.length > 0) {
        return yield* new ExitCode({
          code: exitCodes.nothingWritten,
          detail: `${result.failures.length} input(s) could not be read; --strict: nothing written`,
        })
      }
      const pieces = Export.renderChunks(result.book, format, {
        failures: result.failures,
        ranking: result.ranking,
        tiers: args.tier,
        onWritten: progress.writing,
      })
      if (Option.isSome(args.out)) yield* writeAtomically(args.out.value, pieces)
      else yield* writeStream(process.stdout, pieces)
      progress.done()
      if (Option.isSome(args.review)) {
        yield* writeAtomically(args.review.value, [
          ...Export.jsonChunks(result.book.possibleDuplicates),
          "\n",
        ])
      }
      if (Option.isSome(args.saveModel)) {
        yield* writeAtomically(args.saveModel.value, [JSON.stringify(result.book.model, null, 2), "\n"])
      }
      if (Option.isSome(args.out))
        yield* report(`wrote ${result.book.contacts.length} contacts to ${args.out.value}\n`)
      if (result.failures.length > 0) {
        return yield* new ExitCode({
          code: exitCodes.someUnreadable,
          detail: `${result.failures.length} input(s) could not be read; the book holds the rest`,
        })
      }
    }),
).pipe(
  Command.withDescription(
    "Merge contact exports into one book: every person once, every source's copy kept. `-` reads standard input.",
  ),
  Command.withExamples([
    {
      command: "blackbook merge phone.vcf google.csv -o book.json --region GB",
      description: "two exports into a JSON book",
    },
    {
      command: "blackbook merge ~/Downloads/exports -o book.vcf",
      description: "a folder, written as vCard 4.0",
    },
    {
      command: "blackbook merge linkedin.zip --strict -o book.json",
      description: "fail rather than write a partial book",
    },
    {
      command: "cat card.vcf | blackbook merge - | jq .stats",
      description: "standard input to standard output",
    },
  ]),
)

const inferFormat = (out: Option.Option<string>): Export.ExportFormat => {
  if (Option.isNone(out)) return "json"
  const lower = out.value.toLowerCase()
  if (lower.endsWith(".vcf")) return "vcf"
  if (lower.endsWith(".csv")) return "csv"
  return "json"
}
