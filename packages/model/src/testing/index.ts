/**
 * Helpers for tests of Blackbook and of third-party adapters: collecting a source's stream, the
 * adapter conformance suite (`testSource`), golden files (`testGolden`), and finding the shared
 * corpus (`../shared` beside the repository). This entry imports vitest; the package's main entry
 * does not.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { Effect, Stream } from "effect"
import type { InputFile, ReadOptions, SourceAdapter, SourceItem } from "../Source.ts"

export * from "./Bundles.ts"
export * from "./Conformance.ts"
export * from "./Golden.ts"
export * from "./SuiteNow.ts"
export * from "./TestSource.ts"

/**
 * Runs an adapter over files and returns every item it emitted, grouped by tag. Without `now`, the
 * adapter is given the clock's: a test that depends on the date passes its own.
 *
 * @category testing
 * @since 0.1.0
 */
export const readAll = async (
  adapter: SourceAdapter,
  files: ReadonlyArray<InputFile>,
  options: Omit<ReadOptions, "now"> & { readonly now?: Date } = {},
) => {
  const items: ReadonlyArray<SourceItem> = await Effect.runPromise(
    Stream.runCollect(adapter.read(files, { ...options, now: options.now ?? new Date() })),
  )
  return {
    items,
    records: items.flatMap((i) => (i._tag === "Record" ? [i.record] : [])),
    self: items.flatMap((i) => (i._tag === "Self" ? [i.record] : [])),
    interactions: items.flatMap((i) => (i._tag === "Interaction" ? [i.interaction] : [])),
    issues: items.flatMap((i) => (i._tag === "Issue" ? [i.issue] : [])),
  }
}

/**
 * Reads a file from disk as an InputFile named by `name` (defaults to its path).
 *
 * @category testing
 * @since 0.1.0
 */
export const fileInput = (filePath: string, name: string = filePath): InputFile => ({
  path: name,
  bytes: new Uint8Array(fs.readFileSync(filePath)),
})

/** An InputFile from a string (UTF-8), for inline fixtures. */
export const textInput = (name: string, text: string): InputFile => ({
  path: name,
  bytes: new TextEncoder().encode(text),
})

const findRepoRoot = (from: string): string | undefined => {
  let dir = path.resolve(from)
  for (;;) {
    if (fs.existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/**
 * Where the shared material is: `$BLACKBOOK_SHARED`, else `../shared` beside the repository root.
 * `undefined` when it is missing; under `CI=true` a missing shared folder is an error, so a CI run
 * can never pass by skipping the corpus tests.
 *
 * @category testing
 * @since 0.1.0
 */
export const sharedRoot = (): string | undefined => {
  const fromEnv = process.env.BLACKBOOK_SHARED
  const root = findRepoRoot(process.cwd())
  const candidate = fromEnv ?? (root ? path.join(root, "..", "shared") : undefined)
  if (candidate && fs.existsSync(path.join(candidate, "corpus"))) return candidate
  if (process.env.CI === "true" || process.env.CI === "1") {
    throw new Error(`shared material not found at ${candidate ?? "../shared"}; CI needs it`)
  }
  console.warn(`[blackbook] ../shared is missing: corpus and benchmark tests are skipped`)
  return undefined
}
