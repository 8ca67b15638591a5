import { Source, SourceRecord } from "@blackbook/model"
import { Ranking } from "@blackbook/priority"
import { Book, BookJson } from "@blackbook/resolve"
import { toVCard4 } from "@blackbook/source-vcard"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { jsonChunkItems, jsonChunks, render, renderChunks, toJsonDocument } from "../src/Export.ts"

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

  it("writes long arrays as JSON.stringify does, at every depth and indent", () => {
    // Several pieces' worth of items of every kind, at the top and nested in objects and arrays.
    const items = Array.from({ length: 2 * jsonChunkItems + 7 }, (_, i) =>
      i % 5 === 0
        ? { i, text: `é\n${i}`, list: [i, { deep: [i] }] }
        : i % 5 === 1
          ? [i, []]
          : i % 5 === 2
            ? `t${i}`
            : i % 5 === 3
              ? null
              : undefined,
    )
    const shapes: ReadonlyArray<unknown> = [
      items,
      { a: items, b: { c: items } },
      [items, [items]],
      { empty: [], one: [1] },
    ]
    for (const value of shapes)
      for (const depth of [1, 2, 3, 4])
        expect([...jsonChunks(value, depth)].join("")).toBe(JSON.stringify(value, null, 2))
    // An indent of the caller's own is kept on every line.
    expect([...jsonChunks(items, 1, "\t")].join("")).toBe(
      JSON.stringify(items, null, 2).replaceAll("\n", "\n\t"),
    )
  })

  it("writes a long array's items in pieces of at most jsonChunkItems items", () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ i, text: "x".repeat(100) }))
    const pieces = [...jsonChunks(items)]
    const counts = pieces.map((p) => p.split('"text"').length - 1)
    expect(counts.reduce((s, c) => s + c, 0)).toBe(items.length)
    expect(Math.max(...counts)).toBe(jsonChunkItems)
    expect(counts.filter((c) => c > 0)).toHaveLength(Math.ceil(items.length / jsonChunkItems))
  })
})

describe("toJsonDocument", () => {
  it("adds each contact's priority to the document's own contacts, leaving the book as it was", () => {
    const ranking = Result.getOrThrow(Ranking.rank(book, { now }))
    const first = toJsonDocument(book, { ranking })
    expect(first.contacts).toHaveLength(book.contacts.length)
    for (const c of first.contacts) expect(c).toHaveProperty("tier")
    // The book's own JSON has no priority, and a second document is the same as the first.
    for (const c of BookJson.toJson(book).contacts) expect(c).not.toHaveProperty("tier")
    expect(toJsonDocument(book, { ranking })).toEqual(first)
    expect(JSON.stringify(toJsonDocument(book, { ranking }))).toBe(JSON.stringify(first))
  })
})

describe("renderChunks", () => {
  it("joins to the JSON document as JSON.stringify writes it", () => {
    const joined = [...renderChunks(book, "json")].join("")
    expect(joined).toBe(`${JSON.stringify(toJsonDocument(book), null, 2)}\n`)
    expect(render(book, "json")).toBe(joined)
  })

  it("writes each JSON contact in one piece, never the whole book as one", () => {
    // More invented people than one piece holds.
    const many = Book.build(
      Array.from({ length: 2 * jsonChunkItems + 1 }, (_, i) =>
        Source.recordItem(
          SourceRecord.make(
            { source: "vcard", file: "many.vcf", record: `card:${i + 1}` },
            { name: { given: `Given${i}`, family: `Family${i}` }, emails: [lv(`person${i}@example.org`)] },
          ),
        ),
      ),
      { now },
    )
    const pieces = [...renderChunks(many, "json")]
    expect(pieces.join("")).toBe(`${JSON.stringify(toJsonDocument(many), null, 2)}\n`)
    const whole = pieces.join("").length
    for (const piece of pieces) expect(piece.length).toBeLessThan(whole / 2)
    for (const contact of many.contacts) {
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

describe("the CSV export", () => {
  const csvBook = Book.build(
    [
      Source.recordItem(
        SourceRecord.make(
          { source: "vcard", file: "phone.vcf", record: "card:1" },
          {
            name: {
              formatted: "Dr. Oriel Vance-Hart",
              given: "Oriel",
              family: "Vance-Hart",
              nickname: "Ori",
            },
            emails: [lv("oriel@example.org")],
            phones: [lv("+44 7700 900456")],
            notes: ['=HYPERLINK("http://example.com/x","click")'],
            organizations: [{ company: "@once" }],
          },
        ),
      ),
      Source.recordItem(
        SourceRecord.make(
          { source: "vcard", file: "phone.vcf", record: "card:2" },
          { name: { given: "+SUM(1;2)", family: "-2+3" }, notes: ["\tindented", "\rcarriage"] },
        ),
      ),
    ],
    { now },
  )

  it("escapes every cell a spreadsheet would run as a formula, and leaves phone numbers as they are", () => {
    const text = render(csvBook, "csv")
    expect(text).toContain(`"'=HYPERLINK(""http://example.com/x"",""click"")"`)
    expect(text).toContain(`"'@once"`)
    expect(text).toContain(`"'+SUM(1;2)"`)
    expect(text).toContain(`"'-2+3"`)
    expect(text).toContain(`"'\tindented`)
    expect(text).toMatch(/"\+44 ?7700 ?900456"/)
    // no cell starts with a formula character unquoted
    expect(text).not.toMatch(/(^|,)"[=+@\t\r-](?!44)/m)
  })

  it("keeps the formatted name and the nickname on a round trip", async () => {
    const { ContactsCsvSource } = await import("@blackbook/source-contacts-csv")
    const { Effect, Stream } = await import("effect")
    const text = render(csvBook, "csv")
    const items = await Effect.runPromise(
      Stream.runCollect(
        ContactsCsvSource.read([{ path: "book.csv", bytes: new TextEncoder().encode(text) }], { now }),
      ),
    )
    const names = [...items].flatMap((i) => (i._tag === "Record" ? [i.record.name] : []))
    const oriel = names.find((n) => n.given === "Oriel")
    expect(oriel?.formatted).toBe("Dr. Oriel Vance-Hart")
    expect(oriel?.nickname).toBe("Ori")
  })
})
