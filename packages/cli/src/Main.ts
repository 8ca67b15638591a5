/**
 * The `blackbook` command tree and its runner. Layers are composed here and nowhere else.
 *
 * Following clig.dev: help goes to standard output only when asked for (`--help`, `blackbook
 * help`); a usage error is one line and a hint on standard error with nothing on standard output;
 * the exit codes are in `Exit.exitCodes` and docs/cli.md.
 *
 * @since 0.1.0
 */
import * as NodeChildProcessSpawner from "@effect/platform-node-shared/NodeChildProcessSpawner"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import * as NodePath from "@effect/platform-node-shared/NodePath"
import * as NodeStdio from "@effect/platform-node-shared/NodeStdio"
import * as NodeTerminal from "@effect/platform-node-shared/NodeTerminal"
import { Cause, Console, Effect, Exit, Layer } from "effect"
import { CliError, CliOutput, Command } from "effect/cli"
import { findCommand } from "./commands/find.ts"
import { mergeCommand } from "./commands/merge.ts"
import { reportCommand } from "./commands/report.ts"
import { storeCommands } from "./commands/store.ts"
import { digestCommand, driftingCommand, topCommand } from "./commands/top.ts"
import { ExitCode, exitCodes, UsageError, writeErr } from "./Exit.ts"

const commands = [
  mergeCommand,
  topCommand,
  driftingCommand,
  digestCommand,
  findCommand,
  reportCommand,
  ...storeCommands,
]

/** @category commands @since 0.1.0 */
export const blackbook = Command.make("blackbook").pipe(
  Command.withDescription(
    "Blackbook: turn scattered contact exports into one black book. `blackbook help <command>` shows a command's flags.",
  ),
  Command.withSubcommands(commands),
  Command.withExamples([
    {
      command: "blackbook merge contacts.vcf google.csv linkedin.zip -o book.json",
      description: "merge exports into a book",
    },
    {
      command: "blackbook merge ~/Downloads -o book.csv",
      description: "every export in a folder, as Outlook CSV",
    },
    { command: "cat card.vcf | blackbook merge -", description: "read standard input" },
    { command: "blackbook top 20 --book book.json", description: "the twenty people who matter most now" },
    { command: "blackbook merge -- -odd-name.vcf", description: "a path that starts with -" },
  ]),
)

const version = "0.1.0"

/** Help and the version on standard output when asked for; errors are printed by `run`. */
const presenter = CliOutput.layerPresenter({
  present: (event) =>
    Effect.gen(function* () {
      const formatter = yield* CliOutput.Formatter
      if (event._tag === "Help" && event.reason === "Requested")
        yield* Console.log(formatter.formatHelpDoc(event.helpDoc))
      else if (event._tag === "Version")
        yield* Console.log(formatter.formatVersion(event.name, event.version))
    }),
})

const hint = (commandPath: ReadonlyArray<string>) =>
  `Try '${["blackbook", ...commandPath.filter((c) => c !== "blackbook")].join(" ")} --help' for more.`

/** The first line of a parser error: effect/cli's messages may run over several lines. */
const firstLine = (text: string) =>
  text
    .split("\n")
    .find((l) => l.trim() !== "")
    ?.trim() ?? text

/**
 * Arguments the parser would misread: `-x.vcf` is a cluster of short flags to it (`-v` among
 * them), so any single-dash word longer than a flag is refused with a pointer to `--`.
 */
const misreadDash = (argv: ReadonlyArray<string>): string | undefined => {
  const end = argv.indexOf("--")
  const before = end === -1 ? argv : argv.slice(0, end)
  return before.find((a) => /^-[^-]./.test(a) && !/^-\d/.test(a) && !/^-[a-zA-Z]=/.test(a))
}

const usage = async (detail: string, commandPath: ReadonlyArray<string>) => {
  await Effect.runPromise(writeErr(`blackbook: ${detail}\n${hint(commandPath)}\n`))
  return exitCodes.usage
}

/**
 * Runs the CLI on arguments (without `node` and the script) and resolves to the exit code (see
 * `Exit.exitCodes`).
 *
 * @category running
 * @since 0.1.0
 */
export const run = async (argv: ReadonlyArray<string>): Promise<number> => {
  // `blackbook help [command]` is `blackbook [command] --help`
  const args = argv[0] === "help" ? [...argv.slice(1), "--help"] : argv
  const command = commands.some((c) => c.name === args[0]) ? [args[0]!] : []
  const dashed = misreadDash(args)
  if (dashed !== undefined)
    return usage(`unknown option ${dashed} (a path that starts with - goes after --: -- ${dashed})`, command)
  const program = Command.runWith(blackbook, { version, renderErrors: false })(args)
  const exit = await Effect.runPromiseExit(program.pipe(Effect.provide(environment)))
  if (Exit.isSuccess(exit)) return exitCodes.ok
  const failure = exit.cause.reasons.find(Cause.isFailReason)
  if (!failure) {
    await Effect.runPromise(writeErr(`blackbook: internal error\n${Cause.pretty(exit.cause)}\n`))
    return exitCodes.internal
  }
  const error = failure.error
  if (error instanceof ExitCode) {
    await Effect.runPromise(writeErr(`blackbook: ${error.detail}\n`))
    return error.code
  }
  if (error instanceof UsageError) return usage(error.detail, error.command ? [error.command] : command)
  if (CliError.isCliError(error) && error._tag === "ShowHelp") {
    const first = error.errors[0]
    return first === undefined
      ? usage(`choose a command: ${commands.map((c) => c.name).join(", ")}`, error.commandPath)
      : usage(firstLine(first.message), error.commandPath)
  }
  return usage(CliError.isCliError(error) ? firstLine(error.message) : String(error), command)
}

const environment = NodeChildProcessSpawner.layer.pipe(
  Layer.provideMerge(
    Layer.mergeAll(NodeFileSystem.layer, NodePath.layer, NodeStdio.layer, NodeTerminal.layer, presenter),
  ),
)
