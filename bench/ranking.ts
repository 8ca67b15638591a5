/**
 * `pnpm bench:ranking`: does the ranking find the people who are truly closest?
 *
 * The generator gives every invented person a latent closeness and draws their interactions with
 * the owner from it, then writes them across the five source formats. This merges those exports,
 * ranks the contacts, and reports how much of the true closest decile lands in the ranked top
 * decile, with identity resolution (the real pipeline) and without it (every source record ranked
 * on its own, as a tool that does not merge would).
 *
 * Usage: pnpm bench:ranking [N ...]   (default: 1000 10000)
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { type Contact, type Interaction, SourceRecord } from "@blackbook/core"
import { Ranking } from "@blackbook/priority"
import { Merge } from "blackbook"
import { Effect } from "effect"
import { buildCorpus } from "./src/generate.ts"

const NOW = new Date("2026-11-25T00:00:00Z")
const SEED = 20261125

/** A contact of one record: what a tool without identity resolution would rank. */
const single = (record: SourceRecord.SourceRecord): Contact.Contact => ({
  id: SourceRecord.key(record.provenance),
  displayName: record.name.formatted ?? ([record.name.given, record.name.family].filter(Boolean).join(" ") || "?"),
  name: record.name,
  emails: [],
  phones: [],
  organizations: [],
  addresses: [],
  urls: [],
  handles: [],
  notes: [],
  categories: [...record.categories],
  ...(record.connectedOn !== undefined ? { connectedOn: record.connectedOn } : {}),
  records: [record],
  match: [],
})

/** Share of `truth` found among the persons of the first `k` ranked entries. */
const recallAtK = (
  ranked: ReadonlyArray<Ranking.Ranked>,
  personsOf: (contactId: string) => ReadonlyArray<string>,
  truth: ReadonlySet<string>,
): number => {
  const found = new Set<string>()
  for (const r of ranked.slice(0, truth.size)) for (const p of personsOf(r.contactId)) found.add(p)
  let hit = 0
  for (const p of truth) if (found.has(p)) hit++
  return hit / truth.size
}

const run = async (n: number) => {
  const corpus = buildCorpus({ n, seed: SEED, now: NOW })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `blackbook-ranking-${n}-`))
  try {
    for (const [file, content] of corpus.files) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      fs.writeFileSync(path.join(dir, file), content)
    }
    const personOf = new Map<string, string>()
    for (const t of corpus.truth) personOf.set(`${t.file}#${t.record}`, t.person)
    const keyPerson = (r: SourceRecord.SourceRecord) =>
      personOf.get(`${path.relative(dir, r.provenance.file)}#${r.provenance.record}`)

    // the true closest decile, among people the owner has any channel with
    const people = [...corpus.people].sort((a, b) => b.closeness - a.closeness || (a.id < b.id ? -1 : 1))
    const decile = new Set(people.slice(0, Math.ceil(people.length / 10)).map((p) => p.id))

    const result = await Effect.runPromise(Merge.merge([dir], { now: NOW }))
    const contactPersons = new Map(
      result.book.contacts.map((c) => [c.id, [...new Set(c.records.flatMap((r) => keyPerson(r) ?? []))]]),
    )
    const merged = recallAtK(result.ranking, (id) => contactPersons.get(id) ?? [], decile)

    // without resolution: every record its own contact, interactions on the record they name
    const records = result.book.contacts.flatMap((c) => c.records)
    const interactions = new Map<string, Interaction.Interaction[]>()
    for (const item of result.items) {
      if (item._tag !== "Interaction") continue
      const key = SourceRecord.key(item.interaction.counterpart)
      const list = interactions.get(key) ?? []
      list.push(item.interaction)
      interactions.set(key, list)
    }
    const alone = Ranking.rank({ contacts: records.map(single), interactions }, { now: NOW })
    const recordPerson = new Map(records.map((r) => [SourceRecord.key(r.provenance), keyPerson(r)]))
    const unmerged = recallAtK(alone, (id) => [recordPerson.get(id) ?? ""], decile)
    return { n, people: people.length, decile: decile.size, contacts: result.book.contacts.length, records: records.length, merged, unmerged }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const main = async () => {
  const sizes = process.argv.slice(2).map(Number)
  const rows = []
  for (const n of sizes.length > 0 ? sizes : [1000, 10_000]) rows.push(await run(n))
  console.log("people  decile  contacts  records  closest decile in ranked top decile: merged | records alone")
  for (const r of rows) {
    console.log(
      `${String(r.n).padStart(6)}  ${String(r.decile).padStart(6)}  ${String(r.contacts).padStart(8)}  ${String(r.records).padStart(7)}  ${(100 * r.merged).toFixed(1).padStart(26)}% | ${(100 * r.unmerged).toFixed(1)}%`,
    )
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
