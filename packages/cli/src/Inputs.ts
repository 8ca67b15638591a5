/**
 * The paths a command names, checked before anything is read: `-` is standard input, a path that
 * does not exist is a usage error, an empty file is set aside with a warning, and an output file
 * may not be an input or lie inside an input folder (the next run would read the book back).
 *
 * @since 0.2.0
 */
import * as fs from "node:fs/promises"
import * as path from "node:path"
import type { Merge } from "blackbook"
import { Effect } from "effect"
import { UsageError } from "./Exit.ts"

/** The name standard input goes by in the book's provenance and in messages. */
export const stdinName = "<stdin>"

/** What the paths came to: the inputs to merge, and a warning line for each one set aside. */
export interface Checked {
  readonly inputs: ReadonlyArray<Merge.MergeInput>
  readonly warnings: ReadonlyArray<string>
}

const readStdin = (): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    process.stdin.on("data", (chunk: Buffer) => chunks.push(chunk))
    process.stdin.once("end", () => resolve(Buffer.concat(chunks)))
    process.stdin.once("error", reject)
  })

const statOf = (p: string) =>
  Effect.promise(() =>
    fs.stat(p).then(
      (s) => s,
      (e: NodeJS.ErrnoException) => e,
    ),
  )

/**
 * Checks the paths in order. A path that cannot be looked at for another reason than not
 * existing (no permission) is passed on: reading it reports why.
 *
 * @category inputs
 * @since 0.2.0
 */
export const checkInputs = (
  paths: ReadonlyArray<string>,
  command: string,
  stdin: () => Promise<Uint8Array> = readStdin,
): Effect.Effect<Checked, UsageError> =>
  Effect.gen(function* () {
    const inputs: Merge.MergeInput[] = []
    const warnings: string[] = []
    let stdinUsed = false
    for (const p of paths) {
      if (p === "-") {
        if (stdinUsed) return yield* new UsageError({ detail: "- (standard input) is named twice", command })
        stdinUsed = true
        const bytes = yield* Effect.promise(() => stdin())
        if (bytes.length === 0) warnings.push(`${stdinName}: empty, nothing to read`)
        else inputs.push({ name: stdinName, bytes })
        continue
      }
      const stat = yield* statOf(p)
      if (stat instanceof Error) {
        if (stat.code === "ENOENT" || stat.code === "ENOTDIR")
          return yield* new UsageError({ detail: `${p}: no such file or folder`, command })
        inputs.push(p)
        continue
      }
      if (stat.isFile() && stat.size === 0) warnings.push(`${p}: empty file, nothing to read`)
      else inputs.push(p)
    }
    return { inputs, warnings }
  })

/** The real path of a file that may not exist yet: its folder's real path, then its name. */
const realTarget = async (file: string): Promise<string> => {
  const absolute = path.resolve(file)
  try {
    return await fs.realpath(absolute)
  } catch {
    try {
      return path.join(await fs.realpath(path.dirname(absolute)), path.basename(absolute))
    } catch {
      return absolute
    }
  }
}

const inside = (folder: string, file: string) => {
  const relative = path.relative(folder, file)
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative))
}

/**
 * Fails with a usage error when an output (`--out`, `--review`) is one of the inputs or lies
 * inside an input folder.
 *
 * @category inputs
 * @since 0.2.0
 */
export const checkOutputs = (
  outputs: ReadonlyArray<readonly [flag: string, file: string]>,
  paths: ReadonlyArray<string>,
  command: string,
): Effect.Effect<void, UsageError> =>
  Effect.gen(function* () {
    if (outputs.length === 0) return
    const inputs = yield* Effect.promise(() =>
      Promise.all(paths.filter((p) => p !== "-").map(async (p) => ({ p, real: await realTarget(p) }))),
    )
    for (const [flag, file] of outputs) {
      const target = yield* Effect.promise(() => realTarget(file))
      const clash = inputs.find((input) => inside(input.real, target))
      if (clash !== undefined) {
        const detail =
          clash.real === target
            ? `--${flag} ${file} is also an input: it would be overwritten`
            : `--${flag} ${file} is inside the input folder ${clash.p}: the next run would read it back`
        return yield* new UsageError({ detail, command })
      }
    }
  })
