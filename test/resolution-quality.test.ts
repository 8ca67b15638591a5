/**
 * Quality floors for resolution on public linkage benchmarks, read in place from ../shared
 * through the generic CSV import with the bench's column mappings (the path a user takes), and on
 * the contacts-dev sets (one person's five exports) merged as `blackbook merge` merges them and
 * scored as their score.py scores a book, so a regression in matching fails CI.
 * `pnpm bench:quality` prints the full table.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import type { Source, SourceRecord } from "@blackbook/model"
import { sharedRoot } from "@blackbook/model/testing"
import { Book } from "@blackbook/resolve"
import { readWithMapping } from "@blackbook/source-contacts-csv"
import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import * as ContactsDev from "../bench/src/ContactsDev.ts"

const root = sharedRoot()
const mappings = path.resolve(import.meta.dirname, "..", "bench", "mappings")
const now = new Date("2026-01-01T00:00:00Z")

const read = (file: string, mapping: string): Promise<ReadonlyArray<Source.SourceItem>> =>
  Effect.runPromise(
    Stream.runCollect(
      readWithMapping(
        [{ path: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) }],
        JSON.parse(fs.readFileSync(path.join(mappings, `${mapping}.json`), "utf8")),
        { region: "US", now },
      ),
    ),
  )

const extra = (r: SourceRecord.SourceRecord, name: string) => r.extra.find((e) => e.name === name)?.value

/** Pairwise precision and recall of the book's contacts against truth; `all` counts unread rows too. */
const score = (
  book: Book.Book,
  truthOf: (r: SourceRecord.SourceRecord) => string | undefined,
  all: ReadonlyArray<string>,
) => {
  const pairs = (sizes: Iterable<number>) => {
    let n = 0
    for (const s of sizes) n += (s * (s - 1)) / 2
    return n
  }
  let found = 0
  let tp = 0
  for (const c of book.contacts) {
    const ids = c.records.flatMap((r) => truthOf(r) ?? [])
    found += pairs([ids.length])
    const by = new Map<string, number>()
    for (const id of ids) by.set(id, (by.get(id) ?? 0) + 1)
    tp += pairs(by.values())
  }
  const entities = new Map<string, number>()
  for (const id of all) entities.set(id, (entities.get(id) ?? 0) + 1)
  const actual = pairs(entities.values())
  const precision = tp / found
  const recall = tp / actual
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) }
}

describe("resolution quality on public benchmarks (../shared/linkage)", () => {
  if (root === undefined) {
    it("is skipped: ../shared/linkage is not present", () => {
      console.log("skipped: the shared linkage benchmarks are not present (sharedRoot() is undefined)")
      expect(root).toBeUndefined()
    })
    return
  }
  it("Splink fake_1000: F1 at least 0.92", async () => {
    const file = path.join(root!, "linkage", "splink_fake_1000", "fake_1000.csv")
    const items = await read(file, "splink_fake_1000")
    const book = Book.build(items, { now, region: "US" })
    // Truth over every row of the file, rows the import rejected (no name, no e-mail) included.
    const all = fs
      .readFileSync(file, "utf8")
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(",").at(-1)!)
    const s = score(book, (r) => extra(r, "cluster"), all)
    console.log(
      `fake_1000: precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`,
    )
    expect(all).toHaveLength(1000)
    expect(s.precision).toBeGreaterThanOrEqual(0.98)
    expect(s.f1).toBeGreaterThanOrEqual(0.92)
  })

  it("Senzing truth set (3 sources): a floor on F1", async () => {
    const dir = path.join(root!, "linkage", "senzing_truthset")
    const items = [
      ...(await read(path.join(dir, "customers.csv"), "senzing_customers")),
      ...(await read(path.join(dir, "reference.csv"), "senzing_reference")),
      ...(await read(path.join(dir, "watchlist.csv"), "senzing_watchlist")),
    ]
    const truth = new Map<string, string>()
    for (const line of fs
      .readFileSync(path.join(dir, "actual_truthset_key.csv"), "utf8")
      .trim()
      .split(/\r?\n/)
      .slice(1)) {
      const [, cluster, source, id] = line.split(",")
      truth.set(`${source}|${id}`, cluster!)
    }
    const book = Book.build(items, { now, region: "US" })
    const s = score(book, (r) => truth.get(`${extra(r, "DATA_SOURCE")}|${extra(r, "id")}`), [
      ...truth.values(),
    ])
    console.log(
      `Senzing: precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`,
    )
    expect(truth.size).toBe(159)
    // Above the 0.95 target (0.991 reached, see docs/resolution.md); the floor sits just
    // below what is reached, so two more wrong pairs fail.
    expect(s.f1).toBeGreaterThanOrEqual(0.985)
    expect(s.precision).toBeGreaterThanOrEqual(0.98)
    expect(s.recall).toBeGreaterThanOrEqual(0.98)
  })
})

describe("resolution quality on one person's exports (../shared/linkage/contacts-dev)", () => {
  if (root === undefined) {
    it("is skipped: ../shared/linkage is not present", () => {
      console.log("skipped: the contacts-dev sets are not present (sharedRoot() is undefined)")
      expect(root).toBeUndefined()
    })
    return
  }
  // Floors a little under what the engine reaches (normal-1k F1 0.9918, precision 0.9961,
  // last interaction 0.9756, count 0.9675; hard-1k F1 0.9881, precision 0.9963, last
  // interaction 0.9849, count 0.9828): raise them as matching improves.
  it.each([
    ["normal-1k", { f1: 0.985, precision: 0.99, lastInteraction: 0.97, interactionCount: 0.96 }],
    ["hard-1k", { f1: 0.98, precision: 0.99, lastInteraction: 0.98, interactionCount: 0.975 }],
  ] as const)("%s: floors on F1, precision and interactions", async (set, floor) => {
    const dir = ContactsDev.folder(root!, set)
    const book = await ContactsDev.mergeSet(dir)
    const s = ContactsDev.score(ContactsDev.readTruth(dir), book.contacts)
    console.log(
      `contacts-dev ${set}: precision ${s.precision.toFixed(4)} recall ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)} last interaction ${s.lastInteractionOk.toFixed(4)}`,
    )
    expect(s.lost).toBe(0)
    expect(s.f1).toBeGreaterThanOrEqual(floor.f1)
    expect(s.precision).toBeGreaterThanOrEqual(floor.precision)
    expect(s.lastInteractionOk).toBeGreaterThanOrEqual(floor.lastInteraction)
    expect(s.interactionCountOk).toBeGreaterThanOrEqual(floor.interactionCount)
  })
})
