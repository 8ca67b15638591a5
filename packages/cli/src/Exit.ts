/**
 * How the CLI ends: typed errors that carry the exit code, printed once at the edge. The codes are
 * documented in docs/cli.md.
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"

/**
 * The exit codes: every input read and the book written; the book written from what could be
 * read while some inputs could not be; a usage error; nothing written (nothing could be read,
 * `--strict` met an unreadable input, or the write failed: an existing output is left as it was).
 *
 * @category constants
 * @since 0.2.0
 */
export const exitCodes = { ok: 0, someUnreadable: 1, usage: 2, nothingWritten: 3, internal: 70 } as const

/** A usage error the parser could not catch (a bad --now value, an unreadable mapping file): exit 2. */
export class UsageError extends Schema.TaggedError<UsageError>()("UsageError", {
  detail: Schema.String,
  /** The command whose `--help` the hint points to. */
  command: Schema.optionalKey(Schema.String),
}) {}

/** The command ran but must end with a non-zero code. */
export class ExitCode extends Schema.TaggedError<ExitCode>()("ExitCode", {
  code: Schema.Int,
  detail: Schema.String,
}) {}

/** Writes to stderr. */
export const writeErr = (text: string) => Effect.sync(() => void process.stderr.write(text))
