/**
 * One conformance suite for every source adapter: `testSource` registers vitest tests that run the
 * checks of `Conformance` over an adapter's fixtures. Third-party adapters run it as Blackbook's do.
 *
 * @since 0.2.0
 */
import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import type { InputBundle, ReadOptions, SourceAdapter, SourceItem } from "../Source.ts"
import type { ExtraField } from "../SourceRecord.ts"
import {
  brokenProblems,
  claimProblems,
  conformance,
  extraProblems,
  foreignProblems,
  type SampleFormat,
} from "./Conformance.ts"
import { goldenCases } from "./Golden.ts"
import { type SuiteReadOptions, withNow } from "./SuiteNow.ts"

/**
 * One input of the suite: a bundle (one file, or an export's files) and the options to read it.
 *
 * @category models
 * @since 0.2.0
 */
export interface SourceFixture {
  readonly name: string
  readonly bundle: InputBundle
  readonly options?: SuiteReadOptions
}

/**
 * What `testSource` needs of an adapter.
 * - `fixtures`: good inputs of every vintage the adapter reads.
 * - `broken`: an input with at least one bad record among good ones.
 * - `extra`: an input with a field the model lacks, and the `extra` entry it must become.
 * - `reads`: the formats among the suite's own samples that the adapter reads (`foreignSamples`).
 * - `lines`: whether the format has lines, so every Issue must name one (default true).
 * - `sources`: the sources its provenance may name (default: the adapter's name).
 * - `options`: read options for every fixture that brings none (a calendar's `now`).
 *
 * @category models
 * @since 0.2.0
 */
export interface TestSourceOptions {
  readonly adapter: SourceAdapter
  readonly fixtures: ReadonlyArray<SourceFixture>
  readonly broken: SourceFixture
  readonly extra: { readonly fixture: SourceFixture; readonly field: ExtraField }
  readonly reads?: ReadonlyArray<SampleFormat>
  readonly lines?: boolean
  readonly sources?: ReadonlyArray<string>
  readonly options?: SuiteReadOptions
}

/** Claims then reads a fixture as the pipeline does: the claimed files and every item. */
const claimAndRead = async (
  adapter: SourceAdapter,
  fixture: SourceFixture,
  defaults: ReadOptions,
): Promise<{ files: ReadonlyArray<string>; items: ReadonlyArray<SourceItem> }> => {
  const claimed = adapter.claim(fixture.bundle)
  const items = await Effect.runPromise(
    Stream.runCollect(
      adapter.read(claimed, fixture.options !== undefined ? withNow(fixture.options) : defaults),
    ),
  )
  return { files: claimed.map((f) => f.path), items }
}

/**
 * Registers the conformance suite for an adapter: claim by content, unique provenance,
 * counterparts that resolve, issue shape, broken input, and unknown fields kept in `extra`.
 *
 * @category testing
 * @since 0.2.0
 */
export const testSource = (options: TestSourceOptions): void => {
  const { adapter, fixtures, broken, extra } = options
  const defaults = withNow(options.options)
  const lines = options.lines ?? true
  const sources = options.sources ?? [adapter.name]
  const all = [...fixtures, broken, extra.fixture]

  describe(`${adapter.name} adapter conformance`, () => {
    it("claims none of the other formats' samples", () => {
      expect(foreignProblems(adapter, options.reads)).toEqual([])
    })

    describe.each(all.map((f) => [f.name, f] as const))("%s", (_, fixture) => {
      it("is claimed by content, under a neutral name too", () => {
        expect(claimProblems(adapter, fixture.bundle)).toEqual([])
      })

      it("has unique provenance, counterparts that resolve and well-formed issues", async () => {
        const { files, items } = await claimAndRead(adapter, fixture, defaults)
        expect(items.length).toBeGreaterThan(0)
        expect(conformance(items, { sources, files, lines })).toEqual([])
      })
    })

    it(`${broken.name}: a broken input yields issues and still its good records`, async () => {
      const { items } = await claimAndRead(adapter, broken, defaults)
      expect(brokenProblems(items)).toEqual([])
    })

    it(`${extra.fixture.name}: keeps ${extra.field.name} verbatim in extra`, async () => {
      const { items } = await claimAndRead(adapter, extra.fixture, defaults)
      expect(extraProblems(items, extra.field)).toEqual([])
    })
  })
}

/**
 * The suite over an adapter's golden folder: every case is a fixture except `broken` (the
 * broken input) and `extra.case` (the input with a field the model lacks).
 *
 * @category testing
 * @since 0.3.0
 */
export const testGoldenSource = (
  options: Omit<TestSourceOptions, "fixtures" | "broken" | "extra"> & {
    readonly dir: string
    readonly broken: string
    readonly extra: { readonly case: string; readonly field: ExtraField }
  },
): void => {
  const { dir, broken, extra, ...rest } = options
  const cases = goldenCases(dir)
  const named = (name: string): SourceFixture => {
    const found = cases.find((c) => c.name === name)
    if (found === undefined) throw new Error(`${dir} has no golden case ${name}`)
    return found
  }
  testSource({
    ...rest,
    fixtures: cases.filter((c) => c.name !== broken && c.name !== extra.case),
    broken: named(broken),
    extra: { fixture: named(extra.case), field: extra.field },
  })
}
