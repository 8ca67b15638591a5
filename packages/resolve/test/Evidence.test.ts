import { key, make, type SourceRecord } from "@blackbook/model/SourceRecord"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as Book from "../src/Book.ts"
import * as BookJson from "../src/BookJson.ts"
import * as Profile from "../src/Profile.ts"
import * as Resolve from "../src/Resolve.ts"
import * as Scoring from "../src/Scoring.ts"
import * as Settings from "../src/Settings.ts"

type Fields = Parameters<typeof make>[1]

const rec = (locator: string, fields: Fields, source = "vcard", file = "phone.vcf"): SourceRecord =>
  make({ source, file, record: locator }, fields)

const email = (value: string) => ({ value, types: [] })
const phone = (value: string) => ({ value, types: [] })
const url = (value: string) => ({ value, types: [] })

const robert = rec("card:1", {
  name: { given: "Robert", family: "Quillfeather" },
  emails: [email("robert.quillfeather@example.org")],
  phones: [phone("+44 7700 900123")],
})
const bob = rec(
  "row:1",
  {
    name: { given: "Bob", family: "Quillfeather" },
    emails: [email("robert.quillfeather@example.org")],
    organizations: [{ company: "Quill & Co" }],
  },
  "outlook",
  "outlook.csv",
)

describe("Scoring.explanation", () => {
  it("gives the sentence and, as data, each non-null level with its bits, summing to the score", () => {
    const [a, b] = [robert, bob].map(Profile.reader("GB"))
    const model = Scoring.fromPriors(Settings.defaults, [a!, b!])
    const s = Scoring.score(model, Scoring.context([a!, b!]), a!, b!)
    const e = Scoring.explanation(model, a!, b!, s.levels)
    expect(e.reason).toBe(Scoring.explain(model, a!, b!, s.levels))
    expect(e.evidence.map((x) => [x.comparison, x.level])).toEqual([
      ["e-mail", "exact"],
      ["given name", "nickname"],
      ["family name", "exact"],
      ["full name", "one record per file"],
    ])
    const sum = e.evidence.reduce((t, x) => t + x.bits, model.priorBits)
    expect(sum).toBeCloseTo(s.bits, 1)
    for (const x of e.evidence) expect(x.bits).toBeGreaterThan(0)
  })
})

describe("Resolve.compare", () => {
  it("names the veto level as the conflict, not an earlier disagreement of the sentence", () => {
    // Different given names are listed before the generation, which is the veto.
    const senior = rec("card:2", { name: { given: "Jonah", family: "Brightwater", suffix: "Sr" } })
    const junior = rec("card:3", { name: { given: "Silas", family: "Brightwater", suffix: "Jr" } })
    const v = Resolve.compare(senior, junior)
    expect(v.reason).toMatch(/different given names.*different generations/)
    expect(v.conflict).toMatch(/^different generations \((sr vs jr|jr vs sr)\)/)
    expect(v.evidence).toContainEqual(
      expect.objectContaining({ comparison: "generation", level: "different" }),
    )
  })

  it("gives a conflict from the levels for two LinkedIn profiles", () => {
    const a = rec("card:4", {
      name: { given: "Mara", family: "Olswick" },
      urls: [url("https://www.linkedin.com/in/mara-olswick-1")],
    })
    const b = rec("card:5", {
      name: { given: "Mara", family: "Olswick" },
      urls: [url("https://www.linkedin.com/in/mara-olswick-2")],
    })
    const v = Resolve.compare(a, b)
    expect(v.accepted).toBe(false)
    expect(v.conflict).toMatch(/^different LinkedIn profiles/)
  })
})

describe("evidence in the book", () => {
  const book = Book.build(
    [
      { _tag: "Record", record: robert },
      { _tag: "Record", record: bob },
      {
        _tag: "Record",
        record: rec("card:7", {
          name: { given: "Tess", family: "Varga" },
          organizations: [{ company: "Lumen Labs" }],
        }),
      },
      {
        _tag: "Record",
        record: rec(
          "row:2",
          { name: { given: "Tess", family: "Varga" }, organizations: [{ company: "Northwind" }] },
          "outlook",
          "outlook.csv",
        ),
      },
    ],
    { now: new Date("2026-01-01T00:00:00Z") },
  )

  it("carries evidence on each match and possible duplicate, through the JSON book", () => {
    const merged = book.contacts.find((c) => c.records.length === 2)!
    expect(merged.match).toHaveLength(1)
    expect(merged.match[0]!.evidence?.map((x) => x.comparison)).toContain("e-mail")
    expect(book.possibleDuplicates).toHaveLength(1)
    const d = book.possibleDuplicates[0]!
    expect(d.evidence.map((x) => [x.comparison, x.level])).toEqual([
      ["given name", "exact"],
      ["family name", "exact"],
      ["company", "different"],
      // The only two records named so, in two files: in an import this small, next to nothing.
      ["full name", "one record per file"],
    ])
    expect(d.evidence.at(-1)!.bits).toBeLessThan(0.1)
    const json = JSON.parse(JSON.stringify(BookJson.toJson(book)))
    const back = Result.getOrThrow(BookJson.fromJson(json))
    expect(back.possibleDuplicates?.[0]?.evidence).toEqual(d.evidence)
    expect(back.contacts.find((c) => c.records.length === 2)?.match[0]?.evidence).toEqual(
      merged.match[0]!.evidence,
    )
    expect(key(robert.provenance)).toBe(merged.match[0]!.records.find((k) => k.startsWith("vcard"))!)
  })

  it("names both people of a possible duplicate, with their sources, in the book and its JSON", () => {
    const d = book.possibleDuplicates[0]!
    expect(d.people.map((p) => p.id)).toEqual([...d.contacts])
    expect(d.people.map((p) => p.displayName)).toEqual(["Tess Varga", "Tess Varga"])
    expect(d.people.map((p) => p.sources).sort((x, y) => (x[0]!.source < y[0]!.source ? -1 : 1))).toEqual([
      [{ source: "outlook", file: "outlook.csv" }],
      [{ source: "vcard", file: "phone.vcf" }],
    ])
    const json = JSON.parse(JSON.stringify(BookJson.toJson(book)))
    expect(json.possibleDuplicates[0].people).toEqual(d.people)
    expect(Object.keys(json.possibleDuplicates[0])).toEqual([
      "contacts",
      "people",
      "records",
      "score",
      "reason",
      "evidence",
    ])
  })

  it("reads a book written before evidence existed", () => {
    const json = JSON.parse(JSON.stringify(BookJson.toJson(book)))
    for (const c of json.contacts) for (const m of c.match) delete m.evidence
    for (const d of json.possibleDuplicates) {
      delete d.evidence
      delete d.people
    }
    expect(Result.isSuccess(BookJson.fromJson(json))).toBe(true)
  })
})
