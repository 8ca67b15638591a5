/**
 * How the CLI ends: typed errors that carry the exit code (1 = an input could not be read,
 * 2 = usage error), printed once at the edge.
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"

/** A usage error the parser could not catch (a bad --now value, an unreadable mapping file): exit 2. */
export class UsageError extends Schema.TaggedError<UsageError>()("UsageError", { detail: Schema.String }) {}

/** The command ran but must end with a non-zero code. */
export class ExitCode extends Schema.TaggedError<ExitCode>()("ExitCode", {
  code: Schema.Int,
  detail: Schema.String,
}) {}

/** Writes to stderr. */
export const writeErr = (text: string) => Effect.sync(() => void process.stderr.write(text))
