/**
 * The `blackbook` command tree and its runner. Layers are composed here and nowhere else.
 *
 * @since 0.1.0
 */
import * as NodeChildProcessSpawner from "@effect/platform-node-shared/NodeChildProcessSpawner"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import * as NodePath from "@effect/platform-node-shared/NodePath"
import * as NodeStdio from "@effect/platform-node-shared/NodeStdio"
import * as NodeTerminal from "@effect/platform-node-shared/NodeTerminal"
import { Cause, Effect, Exit, Layer } from "effect"
import { Command } from "effect/cli"
import { findCommand } from "./commands/find.ts"
import { mergeCommand } from "./commands/merge.ts"
import { reportCommand } from "./commands/report.ts"
import { storeCommands } from "./commands/store.ts"
import { digestCommand, driftingCommand, topCommand } from "./commands/top.ts"
import { ExitCode, UsageError, writeErr } from "./Exit.ts"

/** @category commands @since 0.1.0 */
export const blackbook = Command.make("blackbook").pipe(
  Command.withDescription("Blackbook: turn scattered contact exports into one black book."),
  Command.withSubcommands([
    mergeCommand,
    topCommand,
    driftingCommand,
    digestCommand,
    findCommand,
    reportCommand,
    ...storeCommands,
  ]),
)

const version = "0.1.0"

/**
 * Runs the CLI on arguments (without `node` and the script) and resolves to the exit code:
 * 0 book written, 1 an input could not be read, 2 usage error.
 *
 * @category running
 * @since 0.1.0
 */
export const run = (argv: ReadonlyArray<string>): Promise<number> => {
  const program = Command.runWith(blackbook, { version })(argv)
  return Effect.runPromiseExit(program.pipe(Effect.provide(environment))).then(async (exit) => {
    if (Exit.isSuccess(exit)) return 0
    const failure = exit.cause.reasons.find(Cause.isFailReason)
    if (!failure) {
      await Effect.runPromise(writeErr(`blackbook: internal error\n${Cause.pretty(exit.cause)}\n`))
      return 70
    }
    const error = failure.error
    if (error instanceof ExitCode) {
      await Effect.runPromise(writeErr(`blackbook: ${error.detail}\n`))
      return error.code
    }
    if (error instanceof UsageError) {
      await Effect.runPromise(writeErr(`blackbook: ${error.detail}\n`))
      return 2
    }
    // CliError: the parser already printed the problem and the help
    return 2
  })
}

const environment = NodeChildProcessSpawner.layer.pipe(
  Layer.provideMerge(
    Layer.mergeAll(NodeFileSystem.layer, NodePath.layer, NodeStdio.layer, NodeTerminal.layer),
  ),
)
