import { Source } from "@blackbook/model"
import { key, make, type SourceRecord } from "@blackbook/model/SourceRecord"
import { describe, expect, it } from "vitest"
import * as Book from "../src/Book.ts"
import * as Resolve from "../src/Resolve.ts"

type Fields = Parameters<typeof make>[1]

/** `count` copies of one card (invented person), numbered in one file or spread over `files`. */
const copies = (count: number, fields: Fields, files = 1, source = "vcard"): Array<SourceRecord> =>
  Array.from({ length: count }, (_, i) =>
    make({ source, file: `export-${i % files}.vcf`, record: `card:${i}` }, fields),
  )

const nameOnly: Fields = { name: { given: "Marta", family: "Kowalczyk" } }
const linkedinRow: Fields = {
  name: { given: "Jonas", family: "Wexler" },
  urls: [{ value: "https://www.linkedin.com/in/jonas-wexler-12ab", types: ["linkedin"] }],
  organizations: [{ company: "Northwind Labs", title: "Engineer" }],
  connectedOn: "2021-03-12",
}

describe("identical records", () => {
  it.each([2, 100, 120, 1000])("%i identical name-only cards are one contact", (count) => {
    const records = copies(count, nameOnly)
    const r = Resolve.resolve(records)
    expect(r.clusters).toHaveLength(1)
    expect(r.clusters[0]!.records).toHaveLength(count)
    // ordered by record key, as every cluster is
    const keys = r.clusters[0]!.records.map((i) => key(records[i]!.provenance))
    expect(keys).toEqual([...keys].sort())
    expect(r.stats.identical).toBe(count - 1)
    expect(r.clusters[0]!.match).toHaveLength(count - 1)
    expect(r.clusters[0]!.match.every((m) => m.reason === "identical records" && m.score === 1)).toBe(true)
  })

  it("10,000 identical LinkedIn rows are one contact, no pair of them compared", () => {
    const records = copies(10_000, linkedinRow, 1, "linkedin")
    const r = Resolve.resolve(records)
    expect(r.clusters).toHaveLength(1)
    expect(r.clusters[0]!.records).toHaveLength(10_000)
    expect(r.stats.compared).toBe(0)
  })

  it("copies in two files: each file's resolved once, the two left to the engine", () => {
    const records = copies(150, nameOnly, 2)
    const r = Resolve.resolve(records)
    expect(r.stats.identical).toBe(148)
    expect(r.clusters).toHaveLength(1)
  })

  it("leaves the rest of the import to the engine, with its own clusters", () => {
    const other = make(
      { source: "vcard", file: "export-0.vcf", record: "card:other" },
      { name: { given: "Tom", family: "Berger" }, emails: [{ value: "tom@berger.example", types: [] }] },
    )
    const records = [...copies(130, nameOnly), other]
    const r = Resolve.resolve(records)
    expect(r.clusters).toHaveLength(2)
    const alone = r.clusters.find((c) => c.records.length === 1)!
    expect(records[alone.records[0]!]).toBe(other)
  })

  it("keeps records a never-merge names apart, and records with nothing to tell a person by", () => {
    const records = copies(3, nameOnly)
    const [a, b] = records.map((r) => key(r.provenance))
    const r = Resolve.resolve(records, { constraints: { never: [[a!, b!]] } })
    // a and b apart, the third card left to the engine (which will not pick one of them for it)
    expect(r.clusters.find((c) => c.records.includes(0))!.records).not.toContain(1)
    expect(r.stats.identical).toBe(0)
    const notes = copies(3, { notes: ["call back"] })
    expect(Resolve.resolve(notes).stats.identical).toBe(0)
  })

  it("records of two sources are not taken for one another's copies", () => {
    const records = [...copies(2, nameOnly, 1, "vcard"), ...copies(2, nameOnly, 1, "google")]
    expect(Resolve.resolve(records).stats.identical).toBe(2)
  })

  it("a book of 120 identical cards has one contact holding all of them", () => {
    const records = copies(120, { ...nameOnly, phones: [{ value: "0601 234 567", types: [] }] })
    const book = Book.build(records.map(Source.recordItem), { now: new Date("2026-01-01T00:00:00Z") })
    expect(book.contacts).toHaveLength(1)
    expect(book.contacts[0]!.records).toHaveLength(120)
  })
})
