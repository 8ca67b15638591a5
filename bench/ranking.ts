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
import { type Contact, type Interaction, SourceRecord } from "@blackbook/model"
import { Ranking } from "@blackbook/priority"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { Merge } from "blackbook"
import { Effect, Result } from "effect"
import { buildCorpus } from "./src/generate.ts"

const NOW = new Date("2026-11-25T00:00:00Z")
const SEED = 20261125

/** A contact of one record: what a tool without identity resolution would rank. */
const single = (record: SourceRecord.SourceRecord): Contact.Contact => ({
  id: SourceRecord.key(record.provenance),
  displayName:
    record.name.formatted ?? ([record.name.given, record.name.family].filter(Boolean).join(" ") || "?"),
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

    const result = await Effect.runPromise(
      Merge.merge([dir], { now: NOW }).pipe(Effect.provide(NodeFileSystem.layer)),
    )
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
    const alone = Result.getOrThrow(
      Ranking.rank({ contacts: records.map(single), interactions }, { now: NOW }),
    )
    const recordPerson = new Map(records.map((r) => [SourceRecord.key(r.provenance), keyPerson(r)]))
    const unmerged = recallAtK(alone, (id) => [recordPerson.get(id) ?? ""], decile)
    // perfect resolution: the truth's grouping of records, to show what resolution errors cost
    const byPerson = new Map<string, SourceRecord.SourceRecord[]>()
    for (const r of records) {
      const person = keyPerson(r)
      if (person === undefined) continue
      byPerson.set(person, [...(byPerson.get(person) ?? []), r])
    }
    const perfectContacts = [...byPerson].map(([person, rs]) => ({
      ...single(rs[0]!),
      id: person,
      records: rs,
    }))
    const perfectInteractions = new Map(
      [...byPerson].map(([person, rs]) => [
        person,
        rs.flatMap((r) => interactions.get(SourceRecord.key(r.provenance)) ?? []),
      ]),
    )
    const perfect = recallAtK(
      Result.getOrThrow(
        Ranking.rank({ contacts: perfectContacts, interactions: perfectInteractions }, { now: NOW }),
      ),
      (id) => [id],
      decile,
    )
    // the ceiling: people ordered by the number of interactions the generator actually drew
    const drawn = [...people].sort((a, b) => b.interactions.length - a.interactions.length)
    const ceiling = drawn.slice(0, decile.size).filter((p) => decile.has(p.id)).length / decile.size
    return {
      n,
      people: people.length,
      decile: decile.size,
      contacts: result.book.contacts.length,
      records: records.length,
      merged,
      unmerged,
      perfect,
      ceiling,
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const main = async () => {
  const sizes = process.argv.slice(2).map(Number)
  const rows = []
  for (const n of sizes.length > 0 ? sizes : [1000, 10_000]) rows.push(await run(n))
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`
  console.log("Share of the true closest decile (latent closeness) found in the ranked top decile:\n")
  const header = [
    "people",
    "contacts",
    "records",
    "records alone",
    "blackbook",
    "perfect resolution",
    "drawn-count ceiling",
  ]
  const table = rows.map((r) => [
    String(r.n),
    String(r.contacts),
    String(r.records),
    pct(r.unmerged),
    pct(r.merged),
    pct(r.perfect),
    pct(r.ceiling),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)))
  for (const line of [header, ...table]) console.log(line.map((c, i) => c.padStart(widths[i]!)).join("  "))
  console.log(
    "\nrecords alone: every source record ranked on its own (no identity resolution); perfect resolution: the",
  )
  console.log(
    "truth's grouping; ceiling: people ordered by how many interactions the generator drew for them.",
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
