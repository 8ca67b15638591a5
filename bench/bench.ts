/**
 * `pnpm bench`: generates invented people across all five source formats (10k and 100k people),
 * writes them to a temporary folder, then measures `blackbook`'s parse (every adapter) and
 * resolve (Book.build) on them, each size in a fresh child process so peak RSS is its own, with
 * the V8 settings the `blackbook` command runs with (`Heap` of @blackbook/cli).
 *
 * Usage: pnpm bench [N ...]   (default: 10000 100000)
 */
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { Heap } from "@blackbook/cli"
import { Book } from "@blackbook/resolve"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { Merge } from "blackbook"
import { Effect } from "effect"
import { writeCorpus } from "./src/generate.ts"

const NOW = new Date("2026-11-25T00:00:00Z")
const SEED = 20261125

interface Measure {
  readonly people: number
  readonly files: number
  readonly bytes: number
  readonly records: number
  readonly interactions: number
  readonly issues: number
  readonly contacts: number
  readonly parseSeconds: number
  readonly resolveSeconds: number
  readonly peakRssMb: number
}

const folderBytes = (dir: string): { files: number; bytes: number } => {
  let files = 0
  let bytes = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    files++
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size
  }
  return { files, bytes }
}

/** In the child: read and resolve one generated corpus, print the measure as JSON. */
const measure = async (dir: string, people: number): Promise<Measure> => {
  const t0 = performance.now()
  const read = await Effect.runPromise(
    Merge.read([dir], { now: NOW }).pipe(Effect.provide(NodeFileSystem.layer)),
  )
  const t1 = performance.now()
  // As the command runs it: with the process's full collection for a big import.
  const collectGarbage = Heap.collectGarbage()
  const book = Book.build(read.items, { now: NOW, ...(collectGarbage ? { collectGarbage } : {}) })
  const t2 = performance.now()
  const { files, bytes } = folderBytes(dir)
  return {
    people,
    files,
    bytes,
    records: read.items.filter((i) => i._tag === "Record" || i._tag === "Self").length,
    interactions: read.items.filter((i) => i._tag === "Interaction").length,
    issues: read.items.filter((i) => i._tag === "Issue").length,
    contacts: book.contacts.length,
    parseSeconds: (t1 - t0) / 1000,
    resolveSeconds: (t2 - t1) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }
}

const row = (m: Measure) => {
  const total = m.parseSeconds + m.resolveSeconds
  return [
    m.people.toLocaleString("en"),
    `${(m.bytes / 1e6).toFixed(0)} MB / ${m.files}`,
    m.records.toLocaleString("en"),
    m.interactions.toLocaleString("en"),
    m.contacts.toLocaleString("en"),
    `${m.parseSeconds.toFixed(2)} s`,
    Math.round(m.records / m.parseSeconds).toLocaleString("en"),
    `${m.resolveSeconds.toFixed(2)} s`,
    Math.round(m.records / m.resolveSeconds).toLocaleString("en"),
    Math.round(m.records / total).toLocaleString("en"),
    `${Math.round(m.peakRssMb)} MB`,
  ]
}

const main = async () => {
  const args = process.argv.slice(2)
  if (args[0] === "--child") {
    const result = await measure(args[1]!, Number(args[2]))
    process.stdout.write(`${JSON.stringify(result)}\n`)
    return
  }
  const sizes = args.length > 0 ? args.map(Number) : [10_000, 100_000]
  const header = [
    "people",
    "input",
    "records",
    "interactions",
    "contacts",
    "parse",
    "records/s",
    "resolve",
    "records/s",
    "total rec/s",
    "peak RSS",
  ]
  const rows: string[][] = []
  console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ""}`)
  for (const n of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `blackbook-bench-${n}-`))
    try {
      const g0 = performance.now()
      await writeCorpus(dir, { n, seed: SEED, now: NOW })
      console.log(
        `generated ${n.toLocaleString("en")} people in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
      )
      const child = spawnSync(
        process.execPath,
        // The V8 settings the `blackbook` command starts itself with (`Heap` of @blackbook/cli).
        [
          Heap.semiSpaceFlag,
          Heap.exposeGcFlag,
          ...process.execArgv,
          import.meta.filename,
          "--child",
          dir,
          String(n),
        ],
        { encoding: "utf8", maxBuffer: 1 << 20 },
      )
      if (child.status !== 0) throw new Error(`bench child for ${n} failed:\n${child.stderr}`)
      const m = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as Measure
      if (m.issues > 0) console.log(`  (${m.issues} records rejected)`)
      rows.push(row(m))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: ReadonlyArray<string>) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ")
  console.log("")
  console.log(line(header))
  for (const r of rows) console.log(line(r))
  console.log(
    "\nparse = expand inputs + every adapter; resolve = Book.build (blocking, scoring, clustering, merge).",
  )
  console.log("peak RSS is the measuring child's own (the generator runs in the parent).")
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
