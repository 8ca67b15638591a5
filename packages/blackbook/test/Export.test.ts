import { Book, Source, SourceRecord } from "@blackbook/core"
import { toVCard4 } from "@blackbook/source-vcard"
import { describe, expect, it } from "vitest"
import { jsonChunks, render, renderChunks, toJsonDocument } from "../src/Export.ts"

const now = new Date("2026-11-25T00:00:00Z")
const lv = (value: string) => ({ value, types: [] })

const people: ReadonlyArray<readonly [string, string, string]> = [
  ["Ilse", "Brandt", "ilse.brandt@example.de"],
  ["Kai", "Lund", "kai@example.no"],
  ["Nadia", "Haddad", "nadia.haddad@example.com"],
  ["Tomás", "Ó Néill", "tomas@example.ie"],
]
const book = Book.build(
  people.flatMap(([given, family, email], i) => [
    Source.recordItem(
      SourceRecord.make(
        { source: "vcard", file: "phone.vcf", record: `card:${i + 1}` },
        { name: { given, family }, emails: [lv(email)], notes: ["line one\nline two"] },
      ),
    ),
    Source.recordItem(
      SourceRecord.make(
        { source: "outlook", file: "outlook.csv", record: `row:${i + 1}` },
        { name: { given, family }, emails: [lv(email.toUpperCase())] },
      ),
    ),
  ]),
  { now },
)

describe("jsonChunks", () => {
  const values: ReadonlyArray<unknown> = [
    { a: 1, b: [1, 2, { c: "x\ny" }], d: { e: [], f: {} }, skip: undefined, fn: () => 1 },
    [1, undefined, () => 1, null, "é", [[]], { g: [{ h: 2 }] }],
    [],
    {},
    "text",
    42,
    null,
    { when: new Date("2026-11-25T00:00:00Z"), nested: { when: new Date(0) } },
  ]

  it("writes what JSON.stringify(value, null, 2) writes, at every depth", () => {
    for (const value of values) {
      for (const depth of [0, 1, 2, 3]) {
        expect([...jsonChunks(value, depth)].join("")).toBe(JSON.stringify(value, null, 2))
      }
    }
  })

  it("writes an array's items as pieces of their own", () => {
    const items = Array.from({ length: 5 }, (_, i) => ({ i, text: "x".repeat(100) }))
    const pieces = [...jsonChunks(items)]
    // Each item in a piece of its own (separators and brackets apart).
    expect(pieces.filter((p) => p.includes('"text"'))).toHaveLength(items.length)
    for (const piece of pieces) expect(piece.length).toBeLessThan(200)
  })
})

describe("renderChunks", () => {
  it("joins to the JSON document as JSON.stringify writes it", () => {
    const joined = [...renderChunks(book, "json")].join("")
    expect(joined).toBe(`${JSON.stringify(toJsonDocument(book), null, 2)}\n`)
    expect(render(book, "json")).toBe(joined)
  })

  it("writes each JSON contact as a piece of its own, never the whole book as one", () => {
    const pieces = [...renderChunks(book, "json")]
    expect(book.contacts).toHaveLength(people.length)
    const whole = pieces.join("").length
    for (const piece of pieces) expect(piece.length).toBeLessThan(whole / 2)
    for (const contact of book.contacts) {
      expect(pieces.filter((p) => p.includes(`"id": "${contact.id}"`))).toHaveLength(1)
    }
  })

  it("writes vCard card by card, joining to the whole file", () => {
    const pieces = [...renderChunks(book, "vcf")]
    expect(pieces).toHaveLength(book.contacts.length)
    expect(pieces.join("")).toBe(toVCard4(book.contacts))
    expect(render(book, "vcf")).toBe(pieces.join(""))
  })
})
