/**
 * The one way a command turns export paths into a merged book: check the paths, merge them with
 * the command's heap settings, and end with "nothing written" (exit 3) when nothing could be read.
 * `merge`, `report` and the ranking commands all start here, so they agree on what an empty or
 * unreadable input means.
 *
 * @since 0.2.0
 */
import { Merge } from "blackbook"
import { Effect, type FileSystem } from "effect"
import { ExitCode, exitCodes, UsageError } from "./Exit.ts"
import * as Heap from "./Heap.ts"
import { checkInputs } from "./Inputs.ts"
import { nothingRead } from "./Summary.ts"

/**
 * A merge that read something, with the warnings about inputs set aside before reading.
 *
 * @category merging
 * @since 0.2.0
 */
export interface MergedPaths {
  readonly result: Merge.MergeResult
  readonly warnings: ReadonlyArray<string>
}

/**
 * Merges `paths` for `command`. `afterMerge` runs once the merge has ended, before the
 * nothing-read check, whether or not it succeeded (a progress line is cleared there, so the
 * error that follows starts on a clean line).
 *
 * @category merging
 * @since 0.2.0
 */
export const mergePaths = (
  paths: ReadonlyArray<string>,
  command: string,
  options: Omit<Merge.MergeOptions, "collectGarbage">,
  afterMerge: () => void = () => {},
): Effect.Effect<MergedPaths, ExitCode | UsageError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const checked = yield* checkInputs(paths, command)
    const collectGarbage = Heap.collectGarbage()
    const result =
      checked.inputs.length === 0
        ? undefined
        : yield* Merge.merge(checked.inputs, {
            ...options,
            ...(collectGarbage ? { collectGarbage } : {}),
          }).pipe(
            Effect.mapError((e) => new UsageError({ detail: e.detail, command })),
            Effect.ensuring(Effect.sync(afterMerge)),
          )
    if (result === undefined || result.items.length === 0) {
      return yield* new ExitCode({
        code: exitCodes.nothingWritten,
        detail: nothingRead(checked.warnings, result),
      })
    }
    return { result, warnings: checked.warnings }
  })
