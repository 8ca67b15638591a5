/**
 * `pnpm fuzz`: mutates the shared corpus and each adapter's golden fixtures and reads every
 * mutated input as `blackbook merge` would, with oracles for crashes, hangs, memory blow-ups and
 * silent loss after a cut. Every input is made from (seed, adapter, index), so a finding is made
 * again with `--only <index>` (and written out with `--dump <dir>`).
 *
 * Usage: pnpm fuzz [--adapter vcard,ics] [--count 1000] [--seed 1] [--from 0] [--timeout 10]
 *                  [--jobs 1] [--heap 2048] [--max-bytes 8388608] [--sizes mixed|small|large]
 *                  [--json out.json]
 *                  [--only N [--dump DIR]]
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { makeCase } from "./src/fuzz/Case.ts"
import { wholeRecords } from "./src/fuzz/Cut.ts"
import { defaultMaxInputBytes, type Sizes, sizeModes } from "./src/fuzz/Mutate.ts"
import { runAdapter, stopWorkers, type Tally } from "./src/fuzz/Runner.ts"
import { type AdapterName, adapterNames, seedsOf } from "./src/fuzz/Seeds.ts"

const args = process.argv.slice(2).filter((a) => a !== "--")
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`)
  return at === -1 ? undefined : args[at + 1]
}
const numberOption = (name: string, fallback: number): number => {
  const value = option(name)
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) {
    console.error(`fuzz: --${name} takes a number, got ${value}`)
    process.exit(2)
  }
  return n
}

const adapters = (option("adapter") ?? adapterNames.join(",")).split(",")
for (const a of adapters)
  if (!(adapterNames as ReadonlyArray<string>).includes(a)) {
    console.error(`fuzz: unknown adapter ${a} (one of ${adapterNames.join(", ")})`)
    process.exit(2)
  }
const seed = numberOption("seed", 1)
const only = option("only")
const from = only === undefined ? numberOption("from", 0) : numberOption("only", 0)
const count = only === undefined ? numberOption("count", 1000) : 1
const dump = option("dump")
const maxBytes = numberOption("max-bytes", defaultMaxInputBytes)
const sizes = (option("sizes") ?? "mixed") as Sizes
if (!sizeModes.includes(sizes)) {
  console.error(`fuzz: --sizes is one of ${sizeModes.join(", ")}, got ${sizes}`)
  process.exit(2)
}

if (dump !== undefined) {
  // writes input `from` of each adapter as files, to read it again with the CLI or a test
  for (const adapter of adapters as AdapterName[]) {
    const c = makeCase(seed, adapter, from, seedsOf(adapter), wholeRecords, maxBytes, sizes)
    const dir = path.join(dump, `${adapter}-${seed}-${from}`)
    fs.mkdirSync(dir, { recursive: true })
    if (c.input._tag === "Zip") fs.writeFileSync(path.join(dir, c.input.name), c.input.bytes)
    else
      for (const f of c.input.bundle.files) {
        const target = path.join(dir, f.path)
        fs.mkdirSync(path.dirname(target), { recursive: true })
        fs.writeFileSync(target, f.bytes)
      }
    console.log(`${dir}: from ${c.seed} ${c.file}: ${c.mutation.ops.join(", ")}`)
  }
  process.exit(0)
}

const tallies: Tally[] = []
const json = option("json")
let lastPrint = 0
let shown = 0

const showFindings = (t: Tally) => {
  for (const f of t.findings.slice(shown))
    console.log(
      `${f.kind} ${f.adapter} --seed ${f.seed} --only ${f.index}: ${f.detail}${f.input ? ` [${f.input}: ${f.ops?.join(", ")}]` : ""}`,
    )
  shown = t.findings.length
}

const header = [
  "adapter",
  "inputs",
  "crashes",
  "hangs",
  "blow-ups",
  "silent losses",
  "inputs/s",
  "file errors",
  "reported cut losses",
]

/** Prints the table of every adapter run so far (a stopped run prints what it got). */
const report = () => {
  const rows = tallies.map((t) => [
    t.adapter,
    String(t.inputs),
    String(t.crashes),
    String(t.hangs),
    String(t.blowUps),
    String(t.silentLosses),
    (t.inputs / Math.max(t.seconds, 0.001)).toFixed(1),
    String(t.sourceErrors),
    String(t.reportedLosses),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: ReadonlyArray<string>) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`
  console.log(`\nseed ${seed}, sizes ${sizes}, inputs from ${from}, ${count} asked per adapter`)
  console.log(line(header))
  console.log(`| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`)
  for (const r of rows) console.log(line(r))
  for (const t of tallies)
    console.log(
      `slowest ${t.adapter}: ${t.slowest.map((s) => `#${s.index} ${s.ms} ms (${s.size} B)`).join(", ")}`,
    )
  if (json !== undefined)
    fs.writeFileSync(json, `${JSON.stringify({ seed, from, count, tallies }, null, 2)}\n`)
}

process.on("SIGTERM", () => {
  stopWorkers()
  report()
  process.exit(tallies.some((t) => t.findings.length > 0) ? 1 : 0)
})

for (const adapter of adapters) {
  shown = 0
  let current: Tally | undefined
  const tally = await runAdapter({
    adapter,
    seed,
    from,
    count,
    timeoutMs: numberOption("timeout", 10) * 1000,
    jobs: numberOption("jobs", 1),
    heapMiB: numberOption("heap", 2048),
    maxBytes,
    sizes,
    onMessage: (t) => {
      if (current === undefined) {
        current = t
        tallies.push(t)
      }
      showFindings(t)
      if (performance.now() - lastPrint < 30_000) return
      lastPrint = performance.now()
      const bad = t.crashes + t.hangs + t.blowUps + t.silentLosses
      process.stderr.write(
        `${adapter}: ${t.inputs}/${count} inputs, ${bad} findings, ${Math.round(t.seconds)} s\n`,
      )
    },
  })
  if (current === undefined) tallies.push(tally)
}

report()
const findings = tallies.reduce((n, t) => n + t.findings.length, 0)
process.exitCode = findings > 0 ? 1 : 0
