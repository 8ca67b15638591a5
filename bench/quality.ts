/**
 * `pnpm bench:quality`: resolution quality on public record-linkage benchmarks with ground truth,
 * read in place from ../shared/linkage through the generic CSV import with a column mapping
 * (bench/mappings/*.json), the path a user takes, then `Book.build`; and on the multi-source
 * generator (bench/src/generate.ts) read through every adapter. Prints pairwise precision, recall
 * and F1 (over all pairs of records that share a true entity) and blocking recall (the share of
 * true pairs blocking puts in front of the comparisons). Then the contacts-dev sets (one person's
 * five exports, ../shared/linkage/contacts-dev) through `Merge.merge` on the real files, as
 * `blackbook merge` reads them, scored as their score.py scores a book (bench/src/ContactsDev.ts).
 *
 * Usage: pnpm bench:quality [--only NAME] [--json FILE]
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import type { Source, SourceRecord } from "@blackbook/model"
import { Book, Resolve } from "@blackbook/resolve"
import { readWithMapping } from "@blackbook/source-contacts-csv"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { Merge } from "blackbook"
import { Effect, Stream } from "effect"
import * as ContactsDev from "./src/ContactsDev.ts"
import { writeCorpus } from "./src/generate.ts"
import { pairwise } from "./src/Pairwise.ts"

const NOW = new Date("2026-11-25T00:00:00Z")
const here = path.dirname(new URL(import.meta.url).pathname)
const shared = path.resolve(here, "..", "..", "shared", "linkage")

/** A benchmark's result. */
export interface Quality {
  readonly name: string
  readonly records: number
  readonly truePairs: number
  readonly foundPairs: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
  readonly blockingRecall: number
  readonly contacts: number
  readonly possibleDuplicates: number
  readonly seconds: number
  readonly target?: number
}

const mapping = (name: string): Source.ColumnMapping =>
  JSON.parse(fs.readFileSync(path.join(here, "mappings", `${name}.json`), "utf8")) as Source.ColumnMapping

const readCsv = async (file: string, map: Source.ColumnMapping): Promise<Array<Source.SourceItem>> => {
  const bytes = new Uint8Array(fs.readFileSync(file))
  return Effect.runPromise(
    Stream.runCollect(
      readWithMapping([{ path: path.basename(file), bytes }], map, { region: "US", now: NOW }),
    ),
  )
}

const extra = (r: SourceRecord.SourceRecord, name: string): string | undefined =>
  r.extra.find((e) => e.name === name)?.value

/** Resolves items with Book.build and scores the contacts; blocking recall from Resolve's candidates. */
const evaluate = (
  name: string,
  items: ReadonlyArray<Source.SourceItem>,
  truthOf: (r: SourceRecord.SourceRecord) => string | undefined,
  target?: number,
): Quality => {
  const records = items.flatMap((i) => (i._tag === "Record" ? [i.record] : []))
  const truth = new Map<string, string>()
  for (const r of records) {
    const t = truthOf(r)
    if (t !== undefined) truth.set(SourceRecordKey(r), t)
  }
  const t0 = performance.now()
  const book = Book.build(items, { now: NOW, region: "US" })
  const seconds = (performance.now() - t0) / 1000
  const clusters = book.contacts.map((c) => c.records.map(SourceRecordKey))
  const s = pairwise(clusters, truth)
  // Blocking recall: true pairs that blocking proposed for comparison.
  const resolution = Resolve.resolve(records, { region: "US", keepCandidates: true })
  let proposed = 0
  for (const [i, j] of resolution.candidates ?? []) {
    const a = truth.get(SourceRecordKey(records[i]!))
    const b = truth.get(SourceRecordKey(records[j]!))
    if (a !== undefined && a === b) proposed++
  }
  return {
    name,
    records: records.length,
    truePairs: s.actual,
    foundPairs: s.found,
    precision: s.precision,
    recall: s.recall,
    f1: s.f1,
    blockingRecall: s.actual === 0 ? 1 : proposed / s.actual,
    contacts: book.contacts.length,
    possibleDuplicates: book.possibleDuplicates.length,
    seconds,
    ...(target !== undefined ? { target } : {}),
  }
}

const SourceRecordKey = (r: SourceRecord.SourceRecord): string =>
  `${r.provenance.source}:${r.provenance.file}#${r.provenance.record}`

const fake1000 = async (): Promise<Quality> => {
  const items = await readCsv(
    path.join(shared, "splink_fake_1000", "fake_1000.csv"),
    mapping("splink_fake_1000"),
  )
  return evaluate("Splink fake_1000", items, (r) => extra(r, "cluster"), 0.92)
}

const senzing = async (): Promise<Quality> => {
  const dir = path.join(shared, "senzing_truthset")
  const items = [
    ...(await readCsv(path.join(dir, "customers.csv"), mapping("senzing_customers"))),
    ...(await readCsv(path.join(dir, "reference.csv"), mapping("senzing_reference"))),
    ...(await readCsv(path.join(dir, "watchlist.csv"), mapping("senzing_watchlist"))),
  ]
  const truth = new Map<string, string>()
  const lines = fs.readFileSync(path.join(dir, "actual_truthset_key.csv"), "utf8").trim().split(/\r?\n/)
  for (const line of lines.slice(1)) {
    const [, cluster, source, id] = line.split(",")
    truth.set(`${source}|${id}`, cluster!)
  }
  return evaluate(
    "Senzing truth set (3 sources)",
    items,
    (r) => truth.get(`${extra(r, "DATA_SOURCE")}|${extra(r, "id")}`),
    0.95,
  )
}

const febrlEntity = (r: SourceRecord.SourceRecord): string | undefined =>
  /^rec-(\d+)-/.exec(extra(r, "id") ?? "")?.[1]

const febrl3 = async (): Promise<Quality> => {
  const items = await readCsv(path.join(shared, "febrl", "dataset3.csv"), mapping("febrl"))
  return evaluate("Febrl 3 (dedup)", items, febrlEntity, 0.95)
}

const febrl4 = async (): Promise<Quality> => {
  const items = [
    ...(await readCsv(path.join(shared, "febrl", "dataset4a.csv"), mapping("febrl"))),
    ...(await readCsv(path.join(shared, "febrl", "dataset4b.csv"), mapping("febrl"))),
  ]
  return evaluate("Febrl 4a <-> 4b (linkage)", items, febrlEntity, 0.98)
}

/** The generator's people across all five formats, written to a folder and read as a user would. */
const generated = async (people: number): Promise<Quality> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `blackbook-quality-${people}-`))
  try {
    await writeCorpus(dir, { n: people, seed: 20261125, now: NOW })
    const truthDoc = JSON.parse(fs.readFileSync(path.join(dir, "truth.json"), "utf8")) as {
      people: ReadonlyArray<{ id: string; records: ReadonlyArray<{ file: string; record: string }> }>
    }
    const truth = new Map<string, string>()
    for (const p of truthDoc.people) for (const r of p.records) truth.set(`${r.file}#${r.record}`, p.id)
    const read = await Effect.runPromise(
      Merge.read([dir], { now: NOW }).pipe(Effect.provide(NodeFileSystem.layer)),
    )
    const relative = (file: string) => path.relative(dir, path.resolve(file)).split(path.sep).join("/")
    return evaluate(`Generator, ${people.toLocaleString("en")} people (5 formats)`, read.items, (r) =>
      truth.get(`${relative(r.provenance.file)}#${r.provenance.record}`),
    )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const benchmarks: ReadonlyArray<readonly [string, () => Promise<Quality>]> = [
  ["fake_1000", fake1000],
  ["senzing", senzing],
  ["febrl3", febrl3],
  ["febrl4", febrl4],
  ["generator-1k", () => generated(1000)],
  ["generator-10k", () => generated(10_000)],
]

const fmt = (x: number) => x.toFixed(3)

/** A contacts-dev set's figures, with the merge's time. */
interface ContactsDevQuality extends ContactsDev.Score {
  readonly name: string
  readonly possibleDuplicates: number
  readonly seconds: number
}

const contactsDev = async (set: ContactsDev.SetName): Promise<ContactsDevQuality> => {
  const dir = path.join(shared, "contacts-dev", set)
  const t0 = performance.now()
  const book = await ContactsDev.mergeSet(dir)
  const seconds = (performance.now() - t0) / 1000
  const s = ContactsDev.score(ContactsDev.readTruth(dir), book.contacts)
  return { name: set, ...s, possibleDuplicates: book.possibleDuplicates?.length ?? 0, seconds }
}

/** Prints a markdown table. */
const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>) => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  console.log(`| ${header.map((h, i) => h.padEnd(widths[i]!)).join(" | ")} |`)
  console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`)
  for (const r of rows) console.log(`| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`)
}

const main = async () => {
  const args = process.argv.slice(2)
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined
  const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : undefined
  if (!fs.existsSync(shared)) {
    console.log(`../shared/linkage not found at ${shared}: only the generator runs`)
  }
  const results: Array<Quality> = []
  for (const [key, run] of benchmarks) {
    if (only !== undefined && !key.startsWith(only)) continue
    if (!key.startsWith("generator") && !fs.existsSync(shared)) continue
    results.push(await run())
  }
  const header = [
    "benchmark",
    "records",
    "true pairs",
    "found",
    "precision",
    "recall",
    "F1",
    "target",
    "blocking recall",
    "review",
    "time",
  ]
  const rows = results.map((q) => [
    q.name,
    q.records.toLocaleString("en"),
    q.truePairs.toLocaleString("en"),
    q.foundPairs.toLocaleString("en"),
    fmt(q.precision),
    fmt(q.recall),
    fmt(q.f1),
    q.target === undefined ? "-" : `>= ${q.target.toFixed(2)}${q.f1 >= q.target ? "" : " (missed)"}`,
    fmt(q.blockingRecall),
    q.possibleDuplicates.toLocaleString("en"),
    `${q.seconds.toFixed(2)} s`,
  ])
  if (rows.length > 0) {
    table(header, rows)
    console.log(
      "\nPairwise precision/recall/F1 over record pairs sharing a true entity; blocking recall = true pairs compared;",
    )
    console.log("review = possible duplicates listed for a person to decide; time = Book.build.")
  }
  const dev: Array<ContactsDevQuality> = []
  for (const set of ContactsDev.sets) {
    if (only !== undefined && !`contacts-dev-${set}`.startsWith(only)) continue
    if (!fs.existsSync(path.join(shared, "contacts-dev", set))) continue
    dev.push(await contactsDev(set))
  }
  if (dev.length > 0) {
    console.log("")
    table(
      [
        "contacts-dev",
        "records",
        "contacts",
        "precision",
        "recall",
        "F1",
        "last interaction",
        "count",
        "people exact",
        "lost",
        "review",
        "time",
      ],
      dev.map((q) => [
        q.name,
        q.records.toLocaleString("en"),
        q.contacts.toLocaleString("en"),
        q.precision.toFixed(4),
        q.recall.toFixed(4),
        q.f1.toFixed(4),
        q.lastInteractionOk.toFixed(4),
        q.interactionCountOk.toFixed(4),
        q.peopleExact.toFixed(4),
        String(q.lost),
        q.possibleDuplicates.toLocaleString("en"),
        `${q.seconds.toFixed(2)} s`,
      ]),
    )
    console.log(
      "\nThrough Merge.merge on the real files (--now 2026-11-01T09:00:00Z --me chris.owner@brother.co.uk), scored as",
    )
    console.log(
      "contacts-dev/score.py does: pairwise over the truth's records; last interaction right within an hour and count",
    )
    console.log("exact on the contact holding most of a person's records; time = the whole merge.")
  }
  if (jsonOut !== undefined)
    fs.writeFileSync(jsonOut, `${JSON.stringify({ benchmarks: results, contactsDev: dev }, null, 2)}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
