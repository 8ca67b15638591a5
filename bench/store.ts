/**
 * `pnpm bench:store`: the lasting book's figures (docs/store.md).
 *
 * - re-import of contacts-dev normal-1k: as is, then moved + renamed, then zipped;
 * - the five exports of normal-20k into an empty PGlite store, then 100 new records added;
 * - pairwise F1 of `import` against `merge` on normal-1k, the exports at once and one by one
 *   (scored with ../shared/linkage/contacts-dev/score.py);
 * - the same book from PGlite and from PostgreSQL (when BLACKBOOK_TEST_PG_URL names a server).
 *
 * Usage: pnpm bench:store [--skip-big]
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { Ranking } from "@blackbook/priority"
import { Blackbook } from "@blackbook/store"
import { Export, mergeExports } from "blackbook"
import { Result } from "effect"

const here = path.dirname(new URL(import.meta.url).pathname)
const dev = path.resolve(here, "..", "..", "shared", "linkage", "contacts-dev")
const NOW = new Date("2026-11-01T09:00:00Z")
const exportsOf = (set: string) =>
  ["linkedin.zip", "twitter.zip", "outlook.csv", "contacts.vcf", "calendar.ics"].map((f) =>
    path.join(dev, set, f),
  )
const temp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix))
const seconds = (t0: number) => Math.round((performance.now() - t0) / 10) / 100

const score = (set: string, book: unknown): { f1: number; precision: number; recall: number } => {
  const file = path.join(temp("bb-score-"), "book.json")
  fs.writeFileSync(file, JSON.stringify(book))
  const out = execFileSync("python3", [path.join(dev, "score.py"), path.join(dev, set, "truth.json"), file], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  })
  const line = out.trim().split("\n").at(-1)!
  const parsed = JSON.parse(line) as Record<string, number>
  return {
    f1: parsed.f1 ?? parsed.pairwise_f1 ?? Number.NaN,
    precision: parsed.precision ?? Number.NaN,
    recall: parsed.recall ?? Number.NaN,
  }
}

const storeBook = async (bb: Blackbook.Blackbook) => {
  const book = await bb.export(NOW)
  return Export.toJsonDocument(book, { ranking: Result.getOrThrow(Ranking.rank(book, { now: NOW })) })
}

const figures: Record<string, unknown> = {}
const report = (name: string, value: unknown) => {
  figures[name] = value
  console.log(`${name}: ${JSON.stringify(value)}`)
}

// 1. Re-import.
{
  const bb = await Blackbook.open({ path: temp("bb-bench-reimport-") })
  let t0 = performance.now()
  const first = await bb.import(exportsOf("normal-1k"), { now: NOW })
  report("normal-1k first import", {
    seconds: seconds(t0),
    counts: first.changes.counts,
    created: first.changes.contacts.created.length,
  })
  const ids = (await bb.contacts()).map((c) => c.id).join()
  // Scored now: a re-import from renamed files records the new names, which the truth does not know.
  const atOnce = score("normal-1k", await storeBook(bb))
  const moved = temp("bb-bench-moved-")
  const renamed = exportsOf("normal-1k").map((f, i) => {
    const to = path.join(moved, `renamed-${i}${path.extname(f)}`)
    fs.copyFileSync(f, to)
    return to
  })
  for (const [label, inputs] of [
    ["same paths", exportsOf("normal-1k")],
    ["moved and renamed", renamed],
  ] as const) {
    t0 = performance.now()
    const again = await bb.import(inputs, { now: NOW })
    const c = again.changes
    report(`normal-1k re-import (${label})`, {
      seconds: seconds(t0),
      counts: c.counts,
      created: c.contacts.created.length,
      merged: c.contacts.merged.length,
      split: c.contacts.split.length,
      updated: c.contacts.updated.length,
      events: c.events.length,
      sameIds: (await bb.contacts()).map((x) => x.id).join() === ids,
    })
  }
  // 2. F1: import vs merge.
  const merged = await mergeExports(exportsOf("normal-1k"), { now: NOW })
  report("normal-1k merge F1", score("normal-1k", merged))
  report("normal-1k import at once F1", atOnce)
  await bb.close()
  for (const order of [
    [0, 1, 2, 3, 4],
    [4, 3, 2, 1, 0],
  ]) {
    const one = await Blackbook.open({ path: temp("bb-bench-onebyone-") })
    t0 = performance.now()
    for (const i of order) await one.import([exportsOf("normal-1k")[i]!], { now: NOW })
    report(`normal-1k import one by one (${order.join("")}) F1`, {
      ...score("normal-1k", await storeBook(one)),
      seconds: seconds(t0),
    })
    await one.close()
  }
}

// 3. PGlite and PostgreSQL give the same book.
const url = process.env.BLACKBOOK_TEST_PG_URL
if (url !== undefined) {
  const lite = await Blackbook.open({ path: temp("bb-bench-lite-") })
  const server = await Blackbook.open({ url, book: `bench-${process.pid}-${Date.now()}` })
  const texts: Array<string> = []
  for (const bb of [lite, server]) {
    const t0 = performance.now()
    await bb.import(exportsOf("normal-1k"), { now: NOW })
    texts.push(Export.render(await bb.export(NOW), "json"))
    report(`normal-1k import + export on ${bb === lite ? "PGlite" : "PostgreSQL"}`, { seconds: seconds(t0) })
    await bb.close()
  }
  report("PGlite and PostgreSQL books identical", texts[0] === texts[1])
} else console.log("BLACKBOOK_TEST_PG_URL unset: PGlite / PostgreSQL comparison skipped")

// 4. The big store.
if (!process.argv.includes("--skip-big")) {
  const dir = temp("bb-bench-20k-")
  const bb = await Blackbook.open({ path: dir })
  let t0 = performance.now()
  const first = await bb.import(exportsOf("normal-20k"), { now: NOW })
  report("normal-20k five exports into an empty PGlite store", {
    seconds: seconds(t0),
    records: first.changes.counts.records,
    contacts: first.changes.contacts.created.length,
  })
  const cards = Array.from({ length: 100 }, (_, i) =>
    [
      "BEGIN:VCARD",
      "VERSION:3.0",
      `FN:Invented Person${i} Benchmark`,
      `N:Benchmark;Invented Person${i};;;`,
      `EMAIL:invented.${i}@bench.invalid`,
      "END:VCARD",
    ].join("\r\n"),
  )
  const extra = path.join(temp("bb-bench-100-"), "new-100.vcf")
  fs.writeFileSync(extra, `${cards.join("\r\n")}\r\n`)
  t0 = performance.now()
  const added = await bb.import([extra], { now: NOW })
  report("100 new records into the normal-20k store", {
    seconds: seconds(t0),
    new: added.changes.counts.new,
    created: added.changes.contacts.created.length,
  })
  await bb.close()
  const bytes = execFileSync("du", ["-sk", dir], { encoding: "utf8" }).split("\t")[0]
  report("normal-20k PGlite directory (MB)", Math.round(Number(bytes) / 1024))
}

const outIndex = process.argv.indexOf("--json")
if (outIndex > 0) fs.writeFileSync(process.argv[outIndex + 1]!, `${JSON.stringify(figures, null, 2)}\n`)
