/**
 * `pnpm bench:store`: the lasting book's figures (docs/store.md).
 *
 * - re-import of contacts-dev normal-1k: as is, then moved + renamed, then zipped;
 * - the five exports of normal-20k into an empty PGlite store, then 100 new records added;
 * - pairwise F1 of `import` against `merge` on normal-1k and hard-1k, the exports at once and one
 *   by one in two orders (scored with ../shared/linkage/contacts-dev/score.py); also with every
 *   import after the first forced to resolve only its part of the book (`resolution: "part"`);
 * - the same book from PGlite and from PostgreSQL (when BLACKBOOK_TEST_PG_URL names a server);
 * - the generator's five exports of 50,000 people into an empty PGlite store, and a store of
 *   100,000 contacts or more (`--people N` people, default 65,000) taking 100 new records (50
 *   that are stored people with a new phone, 50 new people), incremental and whole.
 *
 * Usage: pnpm bench:store [--skip-big] [--skip-scale] [--people N] [--json FILE]
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { Ranking } from "@blackbook/priority"
import { Blackbook } from "@blackbook/store"
import { Export, mergeExports } from "blackbook"
import { Result } from "effect"
import { writeCorpus } from "./src/generate.ts"
import * as NewCards from "./src/NewCards.ts"

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
}

// 2b. F1 one by one: as `import` chooses (auto), and with every import after the first forced to
// resolve only its part of the book.
for (const set of ["normal-1k", "hard-1k"]) {
  const merged = await mergeExports(exportsOf(set), { now: NOW })
  report(`${set} merge F1`, score(set, merged))
  for (const resolution of ["auto", "part"] as const)
    for (const order of [
      [0, 1, 2, 3, 4],
      [4, 3, 2, 1, 0],
    ]) {
      const one = await Blackbook.open({ path: temp("bb-bench-onebyone-") })
      const t0 = performance.now()
      for (const [n, i] of order.entries())
        await one.import([exportsOf(set)[i]!], { now: NOW, resolution: n === 0 ? "auto" : resolution })
      report(`${set} import one by one (${order.join("")}, ${resolution}) F1`, {
        ...score(set, await storeBook(one)),
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
  const cards = NewCards.invented(100)
  const extra = path.join(temp("bb-bench-100-"), "new-100.vcf")
  fs.writeFileSync(extra, NewCards.file(cards))
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

// 5. Scale: the generator's exports into an empty store, then 100 new records into a store of
// 100,000 contacts or more.
if (!process.argv.includes("--skip-scale")) {
  const peopleAt = process.argv.indexOf("--people")
  const sizes = [50_000, peopleAt > 0 ? Number(process.argv[peopleAt + 1]) : 65_000]
  for (const [step, people] of sizes.entries()) {
    const corpus = temp(`bb-bench-gen-${people}-`)
    await writeCorpus(corpus, { n: people, seed: 7, now: NOW })
    const dir = temp(`bb-bench-store-${people}-`)
    const bb = await Blackbook.open({ path: dir })
    let t0 = performance.now()
    const first = await bb.import([corpus], { now: NOW })
    report(`generator, ${people} people: five exports into an empty PGlite store`, {
      seconds: seconds(t0),
      records: first.changes.counts.records,
      contacts: first.changes.contacts.created.length,
    })
    fs.rmSync(corpus, { recursive: true, force: true })
    if (step === 0) {
      await bb.close()
      fs.rmSync(dir, { recursive: true, force: true })
      continue
    }
    // 50 stored people with a phone they did not have, 50 new people.
    const stored = (await bb.contacts()).filter((c) => c.emails.length > 0 && c.name.family !== undefined)
    const known = Array.from({ length: 50 }, (_, i) => stored[Math.floor((i * stored.length) / 50)]!)
    const cards = [...NewCards.withNewPhone(known), ...NewCards.invented(50)]
    const extra = path.join(temp("bb-bench-100-"), "new-100.vcf")
    fs.writeFileSync(extra, NewCards.file(cards))
    const contactsBefore = stored.length
    // Alternately incremental and whole, each into a copy of the store as it was.
    const copies = ["part", "whole", "part", "whole"].map((resolution) => {
      const to = temp(`bb-bench-copy-${resolution}-`)
      fs.cpSync(dir, to, { recursive: true })
      return [resolution, to] as const
    })
    await bb.close()
    for (const [resolution, copy] of copies) {
      const store = await Blackbook.open({ path: copy })
      t0 = performance.now()
      const added = await store.import([extra], {
        now: NOW,
        resolution: resolution === "part" ? "auto" : "whole",
      })
      const c = added.changes
      report(`100 new records into a store of ${people} people (${resolution})`, {
        seconds: seconds(t0),
        contactsBefore: first.changes.contacts.created.length,
        withEmail: contactsBefore,
        new: c.counts.new,
        created: c.contacts.created.length,
        updated: c.contacts.updated.length,
        merged: c.contacts.merged.length,
        events: c.events.length,
      })
      await store.close()
      fs.rmSync(copy, { recursive: true, force: true })
    }
    const bytes = execFileSync("du", ["-sk", dir], { encoding: "utf8" }).split("\t")[0]
    report(`generator, ${people} people: PGlite directory (MB)`, Math.round(Number(bytes) / 1024))
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const outIndex = process.argv.indexOf("--json")
if (outIndex > 0) fs.writeFileSync(process.argv[outIndex + 1]!, `${JSON.stringify(figures, null, 2)}\n`)
