/**
 * `pnpm bench:scale`: resolution (Book.build: profiles, blocking, EM training, scoring,
 * clustering, merged contacts) on generated contact records at 10k, 100k and 1M records, each size
 * in its own child process so wall time and peak RSS (process.resourceUsage().maxRSS) are its
 * own; and, for the ratio, the naive approach: a Fuse.js search of every record against all
 * others, at 5k and 20k records (quadratic, so extrapolated, never run, at 100k and 1M).
 *
 * Records come from the people generator (bench/src/People.ts): about three per person (phone
 * book, mail client, LinkedIn-like), with the sources' usual variations: nicknames, dropped
 * accents, Gmail dots, phone formats, stale employers. The generator knows whose each record is, so
 * every size also reports pairwise precision, recall and F1 (after timing): a change that buys
 * speed with quality shows it here. Their texts are flat strings, as adapters' are (see `flat`).
 *
 * Children run with the V8 settings the `blackbook` command runs with (`Heap` of @blackbook/cli:
 * a 64 MB young generation, and a full collection handed to Book.build for a big import);
 * `--v8-defaults` runs them with V8's own instead, and no collection.
 *
 * Usage: pnpm bench:scale [--v8-defaults] [RECORDS ...]   (default: 10000 100000 1000000)
 */
import { spawnSync } from "node:child_process"
import * as os from "node:os"
import { pathToFileURL } from "node:url"
import { Heap } from "@blackbook/cli"
import { Source, SourceRecord } from "@blackbook/model"
import { Book } from "@blackbook/resolve"
import Fuse from "fuse.js"
import { generatePeople, type Person } from "./src/generate.ts"
import { pairwise } from "./src/Pairwise.ts"
import { formats } from "./src/Phone.ts"

const NOW = new Date("2026-11-25T00:00:00Z")

/** A small deterministic PRNG (mulberry32). */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/**
 * A flat copy of a text. Adapters give records texts cut out of a file (flat or sliced strings;
 * only Twitter's profile links were built, and those are now joined), where the generator's
 * template strings are trees of parts that V8 flattens, allocating, the first time a map looks
 * one up: at 100k records 0.5 s of Book.build went on that, which no import pays.
 */
const flat = (s: string): string => JSON.parse(JSON.stringify(s)) as string

const lv = (value: string) => ({ value: flat(value), types: [] })

const plain = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "")

/** About `count` records: each person in up to three sources, each with its own noise. */
export const records = (count: number): Array<SourceRecord.SourceRecord> => generated(count).records

/** The records of `records`, and for each the index of the generated person it describes (the truth). */
export const generated = (
  count: number,
): { readonly records: Array<SourceRecord.SourceRecord>; readonly person: Array<number> } => {
  // About 2.3 records per person: enough people that the loop stops at `count` records.
  const people: ReadonlyArray<Person> = generatePeople({ n: Math.ceil(count / 2.2), seed: 7, now: NOW })
  const r = rng(42)
  const out: Array<SourceRecord.SourceRecord> = []
  const person: Array<number> = []
  const job = (p: Person) => p.jobs[p.jobs.length - 1]
  for (const [index, p] of people.entries()) {
    if (out.length >= count) break
    // Each record pushed below is this person's.
    const from = out.length
    const personal = p.emails.find((e) => e.kind === "personal")?.address
    const work = job(p)?.email
    const phone = p.phones[0]?.phone
    // The phone book: full name, personal e-mail, the mobile as dialled at home.
    out.push(
      SourceRecord.make(
        { source: "vcard", file: "contacts.vcf", record: `card:${out.length + 1}` },
        {
          name: { given: p.given, family: p.family, ...(p.middle ? { middle: p.middle } : {}) },
          emails: personal ? [lv(personal)] : [],
          phones: phone ? [lv(formats(phone)[r() < 0.5 ? 2 : 1] ?? phone.e164)] : [],
          ...(p.birthday ? { birthday: p.birthday } : {}),
        },
      ),
    )
    // The mail client: nickname or accents dropped, work address, company.
    if (r() < 0.7 && out.length < count) {
      out.push(
        SourceRecord.make(
          { source: "outlook", file: "outlook.csv", record: `row:${out.length + 1}` },
          {
            name: { given: plain(p.nickname && r() < 0.5 ? p.nickname : p.given), family: plain(p.family) },
            emails: [work, personal].flatMap((e) => (e ? [lv(r() < 0.3 ? e.toUpperCase() : e)] : [])),
            phones: phone ? [lv(phone.e164)] : [],
            organizations: job(p)
              ? [{ company: flat(job(p)!.company.name), title: flat(job(p)!.title) }]
              : [],
          },
        ),
      )
    }
    // A LinkedIn-like row: name and company only, sometimes a stale employer.
    if (r() < 0.6 && out.length < count) {
      const j = p.jobs[r() < 0.2 ? 0 : p.jobs.length - 1]
      out.push(
        SourceRecord.make(
          { source: "linkedin", file: "Connections.csv", record: `row:${out.length + 1}` },
          {
            name: { given: p.given, family: p.family },
            organizations: j ? [{ company: flat(j.company.name), title: flat(j.title) }] : [],
            ...(p.linkedin ? { urls: [lv(`https://www.linkedin.com/in/${p.linkedin.slug}`)] } : {}),
          },
        ),
      )
    }
    for (let i = from; i < out.length; i++) person.push(index)
  }
  return { records: out, person }
}

interface Measure {
  readonly records: number
  readonly contacts: number
  readonly seconds: number
  readonly peakRssMb: number
  readonly generateSeconds: number
  /** Pairwise against the generator's truth (computed after timing). */
  readonly precision: number
  readonly recall: number
  readonly f1: number
  readonly possibleDuplicates: number
}

interface Naive {
  readonly records: number
  readonly seconds: number
}

const child = (n: number): Measure => {
  const g0 = performance.now()
  const data = generated(n)
  const items = data.records.map(Source.recordItem)
  // The generator's own garbage (at 1M records, 900 MB of people) is collected before timing:
  // the peak is Book.build's, holding its input, not the generator's leftovers.
  ;(globalThis as { gc?: () => void }).gc?.()
  const g1 = performance.now()
  // As the command runs it (started with its heap settings): with the process's full collection
  // for a big import (`Heap`).
  const collectGarbage = process.execArgv.includes(Heap.semiSpaceFlag) ? Heap.collectGarbage() : undefined
  const book = Book.build(items, { now: NOW, region: "GB", ...(collectGarbage ? { collectGarbage } : {}) })
  const t = (performance.now() - g1) / 1000
  const peakRssMb = process.resourceUsage().maxRSS / 1024
  const truth = new Map(data.records.map((r, i) => [SourceRecord.key(r.provenance), String(data.person[i])]))
  const quality = pairwise(
    book.contacts.map((c) => c.records.map((r) => SourceRecord.key(r.provenance))),
    truth,
  )
  return {
    records: items.length,
    contacts: book.contacts.length,
    seconds: t,
    peakRssMb,
    generateSeconds: (g1 - g0) / 1000,
    precision: quality.precision,
    recall: quality.recall,
    f1: quality.f1,
    possibleDuplicates: book.possibleDuplicates.length,
  }
}

/**
 * Fuse.js: every record's name (or e-mail) searched against all records. At most 2,000 queries
 * are timed (spread over the records) and the time scaled to all n queries: each query costs
 * the same, a scan of the whole index.
 */
const naive = (n: number): Naive => {
  const docs = records(n).map((rec) => ({
    name: [rec.name.given, rec.name.family].filter(Boolean).join(" "),
    email: rec.emails[0]?.value ?? "",
  }))
  const fuse = new Fuse(docs, { keys: ["name", "email"], threshold: 0.2, includeScore: true })
  const queries = Math.min(docs.length, 2000)
  const step = docs.length / queries
  const t0 = performance.now()
  let hits = 0
  for (let q = 0; q < queries; q++) {
    const d = docs[Math.floor(q * step)]!
    hits += fuse.search(d.name || d.email, { limit: 10 }).length
  }
  if (hits < 0) console.log(hits)
  return { records: docs.length, seconds: ((performance.now() - t0) / 1000) * (docs.length / queries) }
}

/** A V8 heap limit under the issue's 3 GB budget, for the capped run of the largest size. */
const cappedHeapMb = 2816

/** V8's own heap settings for the children, rather than the command's (`--v8-defaults`). */
let v8Defaults = false

const runChild = (args: ReadonlyArray<string>, heapMb = 6144): string => {
  const young = v8Defaults ? [] : [Heap.semiSpaceFlag]
  const c = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${heapMb}`,
      ...young,
      Heap.exposeGcFlag,
      ...process.execArgv,
      import.meta.filename,
      ...args,
    ],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  )
  if (c.status !== 0) throw new Error(`bench child ${args.join(" ")} failed:\n${c.stderr}`)
  return c.stdout.trim().split("\n").pop() ?? "{}"
}

const main = () => {
  const args = process.argv.slice(2)
  if (args[0] === "--child") {
    process.stdout.write(`${JSON.stringify(child(Number(args[1])))}\n`)
    return
  }
  if (args[0] === "--naive") {
    process.stdout.write(`${JSON.stringify(naive(Number(args[1])))}\n`)
    return
  }
  v8Defaults = args[0] === "--v8-defaults"
  const counts = v8Defaults ? args.slice(1) : args
  const sizes = counts.length > 0 ? counts.map(Number) : [10_000, 100_000, 1_000_000]
  console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ""}`)
  console.log(
    v8Defaults
      ? "V8's default heap settings, no collection handed to Book.build"
      : `the blackbook command's V8 settings (${Heap.semiSpaceFlag}, a ${Heap.semiSpaceMb} MB young generation; ${Heap.exposeGcFlag}, a full collection for ${Book.collectGarbageFrom.toLocaleString("en-US")} records or more)`,
  )
  const measures: Array<Measure> = []
  // Every run's seconds, by size: what the table's median was taken from.
  const runs = new Map<number, ReadonlyArray<number>>()
  for (const n of sizes) {
    const all = Array.from(
      { length: runsOf(n) },
      () => JSON.parse(runChild(["--child", String(n)])) as Measure,
    )
    const m = median(all)
    measures.push(m)
    runs.set(
      m.records,
      all.map((x) => x.seconds),
    )
    console.log(
      `  ${n.toLocaleString("en")} records resolved in ${m.seconds.toFixed(2)} s${all.length > 1 ? ` (median of ${all.length} runs: ${all.map((x) => `${x.seconds.toFixed(2)} s`).join(", ")})` : ""}`,
    )
  }
  // With room to spare V8 lets garbage pile up before collecting it; capped, the same run shows
  // what the work needs.
  const largest = Math.max(...sizes)
  const capped =
    largest >= 1_000_000
      ? (JSON.parse(runChild(["--child", String(largest)], cappedHeapMb)) as Measure)
      : undefined
  if (capped)
    console.log(
      `  ${largest.toLocaleString("en")} records, V8 heap capped at ${cappedHeapMb} MB: ${capped.seconds.toFixed(2)} s`,
    )
  const naives: Array<Naive> = []
  for (const n of [5_000, 20_000]) {
    const m = JSON.parse(runChild(["--naive", String(n)])) as Naive
    naives.push(m)
    console.log(
      `  naive Fuse.js all-against-all at ${n.toLocaleString("en")} records: ${m.seconds.toFixed(1)} s`,
    )
  }
  // Quadratic: per-query cost grows with n, and there are n queries.
  const last = naives[naives.length - 1]!
  const naiveAt = (n: number) => last.seconds * (n / last.records) ** 2
  const header = [
    "records",
    "contacts",
    "P / R / F1",
    "review",
    "Book.build",
    "records/s",
    "peak RSS",
    "growth per 10x",
    "naive Fuse.js (all vs all)",
  ]
  const rows = measures.map((m, i) => {
    const prev = measures[i - 1]
    const growth = prev && m.records >= prev.records * 9 ? `${(m.seconds / prev.seconds).toFixed(1)}x` : "-"
    const measured = naives.find((x) => x.records === m.records)
    return [
      m.records.toLocaleString("en"),
      m.contacts.toLocaleString("en"),
      qualityOf(m),
      m.possibleDuplicates.toLocaleString("en"),
      `${m.seconds.toFixed(2)} s${spread(runs.get(m.records) ?? [])}`,
      Math.round(m.records / m.seconds).toLocaleString("en"),
      `${Math.round(m.peakRssMb).toLocaleString("en")} MB`,
      growth,
      measured ? `${measured.seconds.toFixed(1)} s` : `~${fmtDuration(naiveAt(m.records))} (extrapolated)`,
    ]
  })
  if (capped)
    rows.push([
      `${capped.records.toLocaleString("en")} (heap cap ${cappedHeapMb} MB)`,
      capped.contacts.toLocaleString("en"),
      qualityOf(capped),
      capped.possibleDuplicates.toLocaleString("en"),
      `${capped.seconds.toFixed(2)} s`,
      Math.round(capped.records / capped.seconds).toLocaleString("en"),
      `${Math.round(capped.peakRssMb).toLocaleString("en")} MB`,
      "-",
      "-",
    ])
  for (const x of naives) {
    if (measures.some((m) => m.records === x.records)) continue
    rows.push([
      x.records.toLocaleString("en"),
      "-",
      "-",
      "-",
      "-",
      "-",
      "-",
      "-",
      `${x.seconds.toFixed(1)} s (measured)`,
    ])
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  console.log("")
  console.log(`| ${header.map((h, i) => h.padEnd(widths[i]!)).join(" | ")} |`)
  console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`)
  for (const r of rows) console.log(`| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`)
  console.log(
    "\nBook.build = profiles, blocking, EM training, scoring, clustering and merged contacts, in a fresh",
  )
  console.log(
    "child process per size (records generated beforehand, not timed; the generator's garbage is collected",
  )
  console.log(
    `before timing; peak RSS includes the records). Children run with a 6,144 MB V8 heap limit${v8Defaults ? "" : `, ${Heap.semiSpaceFlag} and the command's collection from ${Book.collectGarbageFrom.toLocaleString("en-US")} records`},`,
  )
  console.log(
    `and the largest size once more with ${cappedHeapMb} MB: uncapped, V8 collects late and the peak holds garbage.`,
  )
  console.log(
    `Sizes under ${repeatBelow.toLocaleString("en")} records run ${repeats} times, each in a fresh child: the row is the median run (the`,
  )
  console.log(
    "fastest and slowest in brackets). This machine's speed moves by up to a fifth from one run to the next.",
  )
  console.log(
    "P / R / F1: pairwise precision, recall and F1 against the generator's truth (each record's person), computed",
  )
  console.log("after timing; review: possible duplicates listed for a person to decide.")
}

/** Runs per size: a run of a million records takes two minutes with its generation, so it runs once. */
const repeats = 3
const repeatBelow = 1_000_000
const runsOf = (n: number): number => (n < repeatBelow ? repeats : 1)

/** The run of median wall time (the lower middle of an even count). */
const median = (all: ReadonlyArray<Measure>): Measure => {
  const sorted = [...all].sort((x, y) => x.seconds - y.seconds)
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

/** " (fastest-slowest)" of several runs' seconds; nothing for one run. */
const spread = (seconds: ReadonlyArray<number>): string =>
  seconds.length < 2 ? "" : ` (${Math.min(...seconds).toFixed(2)}-${Math.max(...seconds).toFixed(2)})`

const qualityOf = (m: Measure): string =>
  `${m.precision.toFixed(3)} / ${m.recall.toFixed(3)} / ${m.f1.toFixed(3)}`

const fmtDuration = (s: number): string =>
  s < 120 ? `${s.toFixed(0)} s` : s < 7200 ? `${(s / 60).toFixed(0)} min` : `${(s / 3600).toFixed(1)} h`

// Run only as a script (the record generator is imported by other benches and scripts).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main()
