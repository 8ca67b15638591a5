/**
 * Golden files: each case in a folder (`<case>.<ext>`, or a folder `<case>/` for an export) sits
 * beside `<case>.expected.json`, everything the adapter claimed and emitted for it. A test compares
 * the whole output; `BLACKBOOK_UPDATE_GOLDEN=1` rewrites the expected files instead.
 *
 * @since 0.2.0
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { Effect, Exit, Stream } from "effect"
import { describe, expect, it } from "vitest"
import type { InputBundle, ReadOptions, SourceAdapter } from "../Source.ts"
import { fileBundle, folderBundle } from "./Bundles.ts"
import { type SuiteReadOptions, withNow } from "./SuiteNow.ts"

const EXPECTED = ".expected.json"

/**
 * One golden case: its name, its input, and where its expected output lives.
 *
 * @category models
 * @since 0.2.0
 */
export interface GoldenCase {
  readonly name: string
  readonly bundle: InputBundle
  readonly expectedPath: string
}

/**
 * The cases of a golden folder, sorted by name: every file (its name without the last extension
 * is the case) and every folder, except expected files, `README.md` and dot files.
 *
 * @category testing
 * @since 0.2.0
 */
export const goldenCases = (dir: string): ReadonlyArray<GoldenCase> =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith(".") && !e.name.endsWith(EXPECTED) && e.name !== "README.md")
    .map((e) => {
      const full = path.join(dir, e.name)
      const name = e.isDirectory() ? e.name : e.name.replace(/\.[^.]*$/, "")
      const bundle = e.isDirectory() ? folderBundle(full, e.name) : fileBundle(full, e.name)
      return { name, bundle, expectedPath: path.join(dir, `${name}${EXPECTED}`) }
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))

/**
 * What an adapter makes of a bundle, as plain JSON: the paths it claimed, then every item in
 * stream order, or the error that failed the stream.
 *
 * @category testing
 * @since 0.2.0
 */
export const goldenOutput = async (
  adapter: SourceAdapter,
  bundle: InputBundle,
  options: ReadOptions,
): Promise<unknown> => {
  const claimed = adapter.claim(bundle)
  const exit = await Effect.runPromiseExit(Stream.runCollect(adapter.read(claimed, options)))
  const paths = claimed.map((f) => f.path)
  if (Exit.isSuccess(exit)) return plain({ claimed: paths, items: exit.value })
  const error = exit.cause.reasons.find((r) => r._tag === "Fail")
  if (error?._tag !== "Fail") throw new Error(`the stream died: ${String(exit.cause)}`)
  const { source, reason } = error.error
  return { claimed: paths, error: { source, reason: reason._tag, path: reason.path, detail: reason.detail } }
}

/** A JSON round trip: drops `undefined` fields so the value compares as its file will read. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

/**
 * JSON with every object's keys sorted and two-space indents, so a file's text depends only on
 * its value and a diff shows only what changed.
 *
 * @category testing
 * @since 0.2.0
 */
export const stableJson = (value: unknown): string => `${JSON.stringify(sortKeys(value), null, 2)}\n`

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== "object") return value
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]))
}

/** Whether this run rewrites the expected files. */
export const updatingGolden = (): boolean => process.env.BLACKBOOK_UPDATE_GOLDEN === "1"

/**
 * Registers one test per golden case of `dir`: the adapter's whole output must equal the case's
 * expected file. Under `BLACKBOOK_UPDATE_GOLDEN=1` the expected files are written instead.
 *
 * @category testing
 * @since 0.2.0
 */
export const testGolden = (options: {
  readonly adapter: SourceAdapter
  readonly dir: string
  readonly options?: SuiteReadOptions
}): void => {
  const { adapter, dir } = options
  const cases = goldenCases(dir)
  describe(`${adapter.name} golden files`, () => {
    it("has cases, and an input for every expected file", () => {
      expect(cases.length).toBeGreaterThan(0)
      const orphans = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(EXPECTED))
        .filter((f) => !cases.some((c) => path.basename(c.expectedPath) === f))
      expect(orphans).toEqual([])
    })

    it.each(cases.map((c) => [c.name, c] as const))("%s", async (_, golden) => {
      const actual = await goldenOutput(adapter, golden.bundle, withNow(options.options))
      if (updatingGolden()) fs.writeFileSync(golden.expectedPath, stableJson(actual))
      if (!fs.existsSync(golden.expectedPath)) {
        throw new Error(`${golden.expectedPath} is missing: run the tests with BLACKBOOK_UPDATE_GOLDEN=1`)
      }
      expect(actual).toEqual(JSON.parse(fs.readFileSync(golden.expectedPath, "utf8")))
    })
  })
}
