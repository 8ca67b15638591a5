import * as fs from "node:fs"
import * as path from "node:path"
import { Export } from "blackbook"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as Errors from "../src/Errors.ts"
import { Blackbook, type Store } from "../src/index.ts"
import * as Sql from "../src/internal/sql.ts"
import {
  connections,
  copyDir,
  examples,
  linkedinExport,
  onCi,
  pgUrl,
  pgUrlVariable,
  tempDir,
  uniqueBook,
  zipDir,
} from "./fixtures.ts"

const now = new Date("2026-11-01T09:00:00Z")

interface Backend {
  readonly name: string
  /** Options to open a fresh book. */
  readonly fresh: (label: string) => Store.OpenOptions
}

const pglite: Backend = { name: "PGlite", fresh: () => ({ path: tempDir("bb-store-") }) }
const postgres: Backend = { name: "PostgreSQL", fresh: (label) => ({ url: pgUrl!, book: uniqueBook(label) }) }

describe("the server half", () => {
  it(`has ${pgUrlVariable} under CI`, () => {
    if (!onCi && pgUrl === undefined)
      console.warn(`${pgUrlVariable} is not set: the store suite runs on PGlite only (CI always sets it).`)
    expect(onCi ? pgUrl : "not on CI").toBeDefined()
  })
})

const backends = pgUrl === undefined ? [pglite] : [pglite, postgres]

describe.each(backends)("the store on $name", (backend) => {
  const open: Array<Blackbook.Blackbook> = []
  const openBook = async (label: string) => {
    const bb = await Blackbook.open(backend.fresh(label))
    open.push(bb)
    return bb
  }
  afterAll(async () => {
    for (const bb of open) await bb.close()
  })

  describe("re-import", () => {
    let bb: Blackbook.Blackbook
    let first: Awaited<ReturnType<Blackbook.Blackbook["import"]>>
    let ids: Array<string>
    beforeAll(async () => {
      bb = await openBook("reimport")
      first = await bb.import([examples], { now })
      ids = (await bb.contacts()).map((c) => c.id)
    })

    it("creates every contact once on the first import", () => {
      expect(first.changes.counts.new).toBe(first.changes.counts.records)
      expect(first.changes.contacts.created.length).toBe(ids.length)
      expect(ids.length).toBeGreaterThan(10)
      expect(first.changes.events).toEqual([])
    })

    it("changes nothing when the same exports come again, moved, renamed or zipped", async () => {
      const dir = tempDir("bb-moved-")
      const renamed = path.join(dir, "my-exports-2026")
      copyDir(examples, renamed)
      const zip = path.join(dir, "everything.zip")
      zipDir(renamed, zip, "another-name")
      for (const inputs of [[examples], [renamed], [zip]]) {
        const again = await bb.import(inputs, { now })
        expect(again.changes.counts).toEqual({
          records: first.changes.counts.records,
          new: 0,
          changed: 0,
          unchanged: first.changes.counts.records,
          gone: 0,
        })
        expect(again.changes.contacts).toEqual({ created: [], merged: [], split: [], updated: [] })
        expect(again.changes.events).toEqual([])
        expect((await bb.contacts()).map((c) => c.id)).toEqual(ids)
      }
    })

    it("keeps the book the merge pipeline builds, with stable ids and the interactions", async () => {
      const book = await bb.export(now)
      expect(book.contacts.map((c) => c.id).sort()).toEqual([...ids].sort())
      const withInteractions = book.contacts.filter((c) => (book.interactions.get(c.id) ?? []).length > 0)
      expect(withInteractions.length).toBeGreaterThan(0)
    })

    it("finds a contact by name and answers lineage for a kept id", async () => {
      const someone = (await bb.contacts())[0]!
      const found = await bb.find(someone.displayName)
      expect(found.map((c) => c.id)).toContain(someone.id)
      expect((await bb.lineage(someone.id)).current).toBe(someone.id)
      expect((await bb.changes(new Date("2000-01-01"))).length).toBe(4)
    })
  })

  describe("a second LinkedIn export", () => {
    it("reports exactly the moves, the new connections, a new title, and the one gone; a rename is no move", async () => {
      const bb = await openBook("linkedin")
      const dir = tempDir("bb-li-")
      const before = connections(20)
      before[0] = { ...before[0]!, company: "Acme Inc" }
      await bb.import([linkedinExport(path.join(dir, "one"), before)], {
        now: new Date("2026-01-01T00:00:00Z"),
      })
      const moves = [3, 5, 8]
      const after = before.map((c, i) => {
        if (i === 0) return { ...c, company: "Acme" }
        if (moves.includes(i)) return { ...c, company: `Elsewhere ${i} GmbH`, title: "Lead" }
        if (i === 10) return { ...c, title: "Principal Engineer" }
        return c
      })
      after.splice(15, 1)
      const added = connections(2, 40)
      const second = await bb.import([linkedinExport(path.join(dir, "two"), [...after, ...added])], { now })
      const kinds = (k: string) => second.changes.events.filter((e) => e.kind === k)
      expect(kinds("moved").length).toBe(moves.length)
      expect(kinds("new-connection").length).toBe(added.length)
      expect(kinds("title-changed").length).toBe(1)
      expect(second.changes.events.length).toBe(moves.length + added.length + 1)
      const third = kinds("moved").find((e) => JSON.stringify(e.to).includes("Elsewhere 3 GmbH"))
      expect(third?.from).toEqual({ company: before[3]!.company, title: "Engineer" })
      expect(third?.to).toEqual({ company: "Elsewhere 3 GmbH", title: "Lead" })
      expect(second.changes.counts).toEqual({ records: 21, new: 2, changed: 5, unchanged: 14, gone: 1 })
      expect(second.changes.contacts.created.length).toBe(2)
      expect((await bb.contacts()).length).toBe(21)
    })
  })

  describe("incremental import", () => {
    const grouping = async (bb: Blackbook.Blackbook) =>
      (await bb.contacts())
        .map((c) =>
          c.sources
            .map((s) => `${s.source}|${path.basename(s.file)}|${s.record}`)
            .sort()
            .join(" "),
        )
        .sort()

    it("resolves a small import in part to the contacts a whole resolution gives", async () => {
      const rest = tempDir("bb-rest-")
      copyDir(examples, rest)
      const google = path.join(tempDir("bb-google-"), "google.csv")
      fs.renameSync(path.join(rest, "google.csv"), google)
      const books = await Promise.all([openBook("part"), openBook("whole")])
      const results = []
      for (const [bb, resolution] of [
        [books[0], "part"],
        [books[1], "whole"],
      ] as const) {
        await bb.import([rest], { now })
        results.push(await bb.import([google], { now, resolution }))
      }
      expect(results[0]!.changes.counts.new).toBeGreaterThan(0)
      expect(results[0]!.changes.counts).toEqual(results[1]!.changes.counts)
      // The stored model, not one trained anew with the new records: nearly every contact the same.
      const [part, whole] = [await grouping(books[0]), await grouping(books[1])]
      const same = new Set(whole)
      const differ = part.filter((g) => !same.has(g)).length
      expect(differ).toBeLessThanOrEqual(Math.ceil(whole.length * 0.05))
      expect(results[0]!.changes.contacts.updated.length).toBeGreaterThan(0)
      // The book read back keeps the contacts as stored.
      const exported = Export.toJsonDocument(await books[0].export(now), {})
      expect(exported.contacts.length).toBe((await books[0].contacts()).length)
    })

    it("counts the values an import in part brings: namesakes of a new surname and domain stay apart", async () => {
      // Given names of two words with one first word, one surname and one domain no stored record
      // holds, a mailbox each.
      const givens = Array.from({ length: 30 }, (_, i) => `Odalys Person${i}`)
      const cards = givens
        .map(
          (given, i) =>
            `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${given} Quellmark\r\nN:Quellmark;${given};;;\r\nEMAIL:odalys.${i}@quellmark.example\r\nEND:VCARD\r\n`,
        )
        .join("")
      const file = path.join(tempDir("bb-quellmark-"), "family.vcf")
      fs.writeFileSync(file, cards)
      const bb = await openBook("fresh-counts")
      await bb.import([examples], { now })
      const result = await bb.import([file], { now, resolution: "part" })
      expect(result.changes.counts.new).toBe(givens.length)
      const book = Export.toJsonDocument(await bb.export(now), {})
      const quellmarks = book.contacts.filter((c) =>
        c.records.some((r) => r.provenance.file.endsWith("family.vcf")),
      )
      // Thirty cards of one export: thirty people.
      expect(quellmarks.length).toBe(givens.length)
    })

    it("reports the same moves and new connections when the second export is resolved in part", async () => {
      const bb = await openBook("linkedin-part")
      const dir = tempDir("bb-li-part-")
      const before = connections(30)
      await bb.import([linkedinExport(path.join(dir, "one"), before)], {
        now: new Date("2026-01-01T00:00:00Z"),
      })
      const after = before.map((c, i) => (i === 4 ? { ...c, company: "Elsewhere GmbH" } : c))
      const second = await bb.import(
        [linkedinExport(path.join(dir, "two"), [...after, ...connections(1, 60)])],
        {
          now,
          resolution: "part",
        },
      )
      expect(second.changes.events.map((e) => e.kind).sort()).toEqual(["moved", "new-connection"])
      expect(second.changes.counts).toEqual({ records: 31, new: 1, changed: 1, unchanged: 29, gone: 0 })
      expect((await bb.contacts()).length).toBe(31)
    })

    it("keeps the active-record count through imports in part that add, change and lose records", async () => {
      const options = backend.fresh("record-count")
      const bb = await Blackbook.open(options)
      const dir = tempDir("bb-li-count-")
      const before = connections(30)
      await bb.import([linkedinExport(path.join(dir, "one"), before)], {
        now: new Date("2026-01-01T00:00:00Z"),
      })
      const after = before.slice(1).map((c, i) => (i === 4 ? { ...c, company: "Elsewhere GmbH" } : c))
      const second = await bb.import(
        [linkedinExport(path.join(dir, "two"), [...after, ...connections(2, 60)])],
        {
          now,
          resolution: "part",
        },
      )
      expect(second.changes.counts).toMatchObject({ new: 2, changed: 1, gone: 1 })
      await bb.close()
      const db = await Sql.open(options)
      try {
        const book = options.book ?? "default"
        const [kept] = await db.query<{ active: number }>(
          "select active from record_counts where book = $1",
          [book],
        )
        const [counted] = await db.query<{ n: number }>(
          "select count(*)::int as n from records where book = $1 and not gone and kind = 'record'",
          [book],
        )
        expect(counted!.n).toBe(31)
        expect(kept!.active).toBe(counted!.n)
      } finally {
        await db.close()
      }
    })
  })

  describe("decisions", () => {
    it("splits on never, keeps the id on a part, merges back on undo with lineage, and refuses unknown names", async () => {
      const bb = await openBook("decisions")
      await bb.import([examples], { now })
      const all = await bb.contacts()
      const pair = all.find((c) => c.records.length === 2)!
      expect(pair).toBeDefined()
      const book = await bb.export(now)
      expect(book.contacts.find((c) => c.id === pair.id)?.records.length).toBe(2)
      const review = await bb.review()
      expect(Array.isArray(review)).toBe(true)

      const memberIds = async (id: string) => (await bb.contact(id))?.records.length ?? 0
      // the two records' identities, from the decision API's own reference (a contact id)
      const split = await bb.unlink(pair.id, "not the same person")
      expect(split.changes.contacts.split.length).toBe(1)
      expect(split.changes.contacts.split[0]!.from).toBe(pair.id)
      const newId = split.changes.contacts.split[0]!.into[0]!
      expect(await memberIds(pair.id)).toBe(1)
      expect(await memberIds(newId)).toBe(1)
      expect((await bb.lineage(newId)).splitFrom).toEqual([pair.id])

      // a later import does not override the decision
      const again = await bb.import([examples], { now })
      expect(again.changes.contacts).toEqual({ created: [], merged: [], split: [], updated: [] })
      expect(await memberIds(newId)).toBe(1)

      const undone = await bb.undo(split.decision)
      expect(undone.changes.contacts.merged).toEqual([{ into: pair.id, from: [newId] }])
      expect((await bb.lineage(newId)).current).toBe(pair.id)
      expect((await bb.contact(newId))?.id).toBe(pair.id)
      expect(await memberIds(pair.id)).toBe(2)

      await expect(bb.link("nobody", pair.id)).rejects.toBeInstanceOf(Errors.UnknownReference)
      await expect(bb.undo(999)).rejects.toBeInstanceOf(Errors.UnknownDecision)
    })

    it("keeps two contacts apart with never, and joins them with link", async () => {
      const bb = await openBook("link")
      await bb.import([examples], { now })
      const [a, b] = (await bb.contacts()).filter((c) => c.records.length === 1)
      const linked = await bb.link(a!.id, b!.id, "same person, two names")
      expect(linked.changes.contacts.merged.length).toBe(1)
      const kept = linked.changes.contacts.merged[0]!.into
      expect([a!.id, b!.id]).toContain(kept)
      expect((await bb.contact(kept))?.records.length).toBe(2)
      const undone = await bb.undo(linked.decision)
      expect(undone.changes.contacts.split.length).toBe(1)
    })
  })

  it("rolls a failed transaction back", async () => {
    const options = backend.fresh("rollback")
    const db = await Sql.open(options)
    try {
      await db.query("create table if not exists rollback_probe (v text)")
      await expect(
        db.transaction(async (tx) => {
          await tx.query("insert into rollback_probe (v) values ($1)", ["kept?"])
          throw new Error("killed halfway")
        }),
      ).rejects.toThrow("killed halfway")
      expect(await db.query("select v from rollback_probe where v = $1", ["kept?"])).toEqual([])
    } finally {
      await db.close()
    }
  })
})

describe.skipIf(pgUrl === undefined)("many books on one server", () => {
  it("imports into one book while another book's import holds its lock", async () => {
    const db = await Sql.open({ url: pgUrl! })
    const held = uniqueBook("held")
    const other = uniqueBook("free")
    const bb = await Blackbook.open({ url: pgUrl!, book: other })
    let release: () => void = () => undefined
    const holding = db.transaction(async (tx) => {
      await tx.query("insert into books (book, created_at) values ($1, $2) on conflict do nothing", [
        held,
        "now",
      ])
      await tx.query("select pg_advisory_xact_lock(hashtext($1))", [held])
      await new Promise<void>((resolve) => {
        release = resolve
      })
    })
    try {
      const result = await Promise.race([
        bb.import([examples], { now }),
        new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 60_000)),
      ])
      expect(result === "waited" ? "waited" : result.changes.counts.new).toBeGreaterThan(0)
      // and two imports into two books at once both finish
      const one = await Blackbook.open({ url: pgUrl!, book: uniqueBook("one") })
      const two = await Blackbook.open({ url: pgUrl!, book: uniqueBook("two") })
      const [r1, r2] = await Promise.all([one.import([examples], { now }), two.import([examples], { now })])
      expect(r1.changes.contacts.created.length).toBe(r2.changes.contacts.created.length)
      await one.close()
      await two.close()
    } finally {
      release()
      await holding
      await bb.close()
      await db.close()
    }
  })

  it("gives the same book from PGlite and from PostgreSQL", async () => {
    const lite = await Blackbook.open({ path: tempDir("bb-same-") })
    const server = await Blackbook.open({ url: pgUrl!, book: uniqueBook("same") })
    try {
      for (const bb of [lite, server]) {
        await bb.import([path.join(examples, "linkedin"), path.join(examples, "contacts.vcf")], { now })
        await bb.import([examples], { now })
      }
      const [a, b] = [
        Export.render(await lite.export(now), "json"),
        Export.render(await server.export(now), "json"),
      ]
      expect(a.length).toBeGreaterThan(1000)
      expect(a).toBe(b)
      expect(fs.existsSync(examples)).toBe(true)
    } finally {
      await lite.close()
      await server.close()
    }
  })
})
