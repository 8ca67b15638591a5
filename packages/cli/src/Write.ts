/**
 * Writing outputs so that no book is lost: a file is written beside its target under a temporary
 * name and renamed over it only once complete, so a failed or killed run leaves the previous
 * file as it was. Standard output closed early by the reader (`| head`) ends the write quietly.
 *
 * @since 0.2.0
 */
import { once } from "node:events"
import * as fs from "node:fs"
import * as fsp from "node:fs/promises"
import * as path from "node:path"
import { Effect } from "effect"
import { ExitCode, exitCodes } from "./Exit.ts"

/** Pieces gathered into writes of about a megabyte (a write per contact is many system calls). */
export function* batched(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
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

/** Temporary files being written, removed if the process is interrupted by a signal. */
const pending = new Set<string>()

/**
 * Removes the temporary files of writes still under way; `bin.ts` calls it when a signal ends
 * the process (a SIGKILL leaves one behind, never a broken target).
 *
 * @category writing
 * @since 0.2.0
 */
export const removePending = (): void => {
  for (const file of pending) fs.rmSync(file, { force: true })
  pending.clear()
}

/** The temporary name: in the target's folder (a rename across file systems is a copy), hidden. */
export const temporaryName = (file: string): string =>
  path.join(
    path.dirname(path.resolve(file)),
    `.${path.basename(file)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`,
  )

/**
 * Writes `pieces` to `file` through a temporary file renamed into place. Any failure (a full disk,
 * a piece that throws) removes the temporary file and leaves `file` untouched: exit code 3.
 *
 * @category writing
 * @since 0.2.0
 */
export const writeAtomically = (file: string, pieces: Iterable<string>): Effect.Effect<void, ExitCode> =>
  Effect.tryPromise({
    try: async () => {
      const temporary = temporaryName(file)
      pending.add(temporary)
      try {
        const mode = await fsp.stat(file).then(
          (s) => s.mode & 0o777,
          () => 0o666,
        )
        await fsp.writeFile(temporary, batched(pieces), { flag: "wx", mode })
        await fsp.rename(temporary, file)
      } catch (cause) {
        await fsp.rm(temporary, { force: true })
        throw cause
      } finally {
        pending.delete(temporary)
      }
    },
    catch: (cause) =>
      new ExitCode({
        code: exitCodes.nothingWritten,
        detail: `cannot write ${file}: ${cause instanceof Error ? cause.message : String(cause)} (left as it was)`,
      }),
  })

const isBrokenPipe = (cause: unknown) =>
  typeof cause === "object" && cause !== null && "code" in cause && cause.code === "EPIPE"

/**
 * Writes to a stream piece by piece, waiting whenever it is full. A reader that went away (EPIPE:
 * `| head` has what it wanted) ends the write without an error.
 *
 * @category writing
 * @since 0.2.0
 */
export const writeStream = (
  stream: NodeJS.WritableStream,
  pieces: Iterable<string>,
): Effect.Effect<void, ExitCode> =>
  Effect.tryPromise({
    try: async () => {
      let failure: unknown
      const onError = (cause: unknown) => {
        failure = cause
      }
      stream.on("error", onError)
      try {
        for (const chunk of batched(pieces)) {
          if (failure !== undefined) break
          if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), once(stream, "error")])
        }
      } catch (cause) {
        failure ??= cause
      } finally {
        stream.off("error", onError)
      }
      if (failure !== undefined && !isBrokenPipe(failure)) throw failure
    },
    catch: (cause) =>
      new ExitCode({ code: exitCodes.nothingWritten, detail: `cannot write the book: ${String(cause)}` }),
  })

/** Writes text to standard output (a table, a list); a closed pipe ends it quietly. */
export const print = (text: string) => writeStream(process.stdout, [text])
