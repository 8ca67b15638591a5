/**
 * The 100-record import into a big store, alone: `build N DIR` makes the store from the
 * generator's exports of N people and the 100 records (`DIR/store`, `DIR/new-100.vcf`);
 * `migrate DIR` opens the store once (bringing its schema up to date), so that `run DIR` imports
 * the 100 records into a copy of that store and prints the seconds.
 * With BLACKBOOK_STORE_TRACE set, the store logs each query's rows and milliseconds.
 *
 * Usage: tsx --conditions=@blackbook/source bench/store-part.ts build N DIR | migrate DIR | run DIR
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { Blackbook } from "@blackbook/store"
import { writeCorpus } from "./src/generate.ts"
import * as NewCards from "./src/NewCards.ts"

const NOW = new Date("2026-11-01T09:00:00Z")
const seconds = (t0: number) => Math.round((performance.now() - t0) / 10) / 100
const [command, ...args] = process.argv.slice(2)

if (command === "build") {
  const people = Number(args[0])
  const out = args[1]!
  fs.mkdirSync(out, { recursive: true })
  const corpus = fs.mkdtempSync(path.join(os.tmpdir(), "bb-part-gen-"))
  await writeCorpus(corpus, { n: people, seed: 7, now: NOW })
  const bb = await Blackbook.open({ path: path.join(out, "store") })
  const t0 = performance.now()
  const first = await bb.import([corpus], { now: NOW })
  console.log(
    `built: ${seconds(t0)} s, ${first.changes.counts.records} records, ${first.changes.contacts.created.length} contacts`,
  )
  fs.rmSync(corpus, { recursive: true, force: true })
  // 50 stored people with a phone they did not have, 50 new people.
  const stored = (await bb.contacts()).filter((c) => c.emails.length > 0 && c.name.family !== undefined)
  const known = Array.from({ length: 50 }, (_, i) => stored[Math.floor((i * stored.length) / 50)]!)
  const cards = [...NewCards.withNewPhone(known), ...NewCards.invented(50)]
  fs.writeFileSync(path.join(out, "new-100.vcf"), NewCards.file(cards))
  await bb.close()
} else if (command === "migrate") {
  const t0 = performance.now()
  await (await Blackbook.open({ path: path.join(args[0]!, "store") })).close()
  console.log(`migrated: ${seconds(t0)} s`)
} else if (command === "run") {
  const from = args[0]!
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "bb-part-copy-"))
  fs.cpSync(path.join(from, "store"), copy, { recursive: true })
  let t0 = performance.now()
  const store = await Blackbook.open({ path: copy })
  const opened = seconds(t0)
  t0 = performance.now()
  const added = await store.import([path.join(from, "new-100.vcf")], { now: NOW, resolution: "auto" })
  const c = added.changes
  console.log(
    JSON.stringify({
      open: opened,
      import: seconds(t0),
      new: c.counts.new,
      created: c.contacts.created.length,
      updated: c.contacts.updated.length,
      merged: c.contacts.merged.length,
      events: c.events.length,
    }),
  )
  await store.close()
  fs.rmSync(copy, { recursive: true, force: true })
}
