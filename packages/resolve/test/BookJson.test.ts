import { interactionItem, issueItem, recordItem, selfItem } from "@blackbook/model/Source"
import { make } from "@blackbook/model/SourceRecord"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as Book from "../src/Book.ts"
import * as BookJson from "../src/BookJson.ts"

const card = { source: "vcard", file: "contacts.vcf", record: "card:1" }
const row = { source: "google", file: "google.csv", record: "row:1" }
const book = Book.build(
  [
    recordItem(
      make(card, {
        name: { given: "Jürgen", family: "Groß" },
        emails: [{ value: "j.gross@gmail.com", types: ["home"] }],
        birthday: { month: 2, day: 29 },
        extra: [{ name: "X-FAVOURITE", value: "yes" }],
      }),
    ),
    recordItem(
      make(row, {
        name: { formatted: "Juergen Gross" },
        emails: [{ value: "jgross@gmail.com", types: [] }],
        connectedOn: "2020-02-02",
      }),
    ),
    recordItem(make({ ...row, record: "row:2" }, { name: { given: "Ana" } })),
    selfItem(make({ ...row, record: "row:3" }, { emails: [{ value: "me@example.org", types: [] }] })),
    interactionItem({
      kind: "email",
      at: "2024-05-01T09:00:00Z",
      direction: "incoming",
      counterpart: card,
      provenance: { source: "gmail", file: "mail.mbox", record: "message:1" },
    }),
    interactionItem({
      kind: "meeting",
      at: "2024-06-01T09:00:00Z",
      direction: "mutual",
      counterpart: row,
      provenance: { source: "ics", file: "cal.ics", record: "event:1" },
    }),
    issueItem({ file: "google.csv", record: "row:9", reason: "no name, e-mail or phone" }),
  ],
  { now: new Date("2025-01-01T00:00:00Z") },
)

describe("BookJson.toJson", () => {
  const json = BookJson.toJson(book)

  it("writes the version-1 contract", () => {
    expect(json.version).toBe(1)
    expect(json.now).toBe("2025-01-01T00:00:00.000Z")
    expect(json.contacts.map((c) => c.displayName)).toEqual(["Ana", "Jürgen Groß"])
    const j = json.contacts[1]!
    expect(Object.keys(j)).toEqual([
      "id",
      "displayName",
      "name",
      "emails",
      "phones",
      "organizations",
      "addresses",
      "urls",
      "handles",
      "birthday",
      "notes",
      "categories",
      "connectedOn",
      "sources",
      "records",
      "interactions",
      "match",
    ])
    expect(j.sources).toEqual([row, card])
    expect(j.interactions).toEqual({
      count: 2,
      last: "2024-06-01T09:00:00Z",
      byKind: { meeting: 1, email: 1 },
    })
    expect(j.match[0]!.reason).toMatch(/Jürgen~Juergen nickname/)
    expect(j.records[1]!.extra).toEqual([{ name: "X-FAVOURITE", value: "yes" }])
    // Optional fields are absent, not null, when unknown.
    expect("birthday" in json.contacts[0]!).toBe(false)
    expect(json.contacts[0]!.interactions).toEqual({ count: 0, last: null, byKind: {} })
    expect(json.possibleDuplicates).toEqual([])
    expect(Object.keys(json)).toEqual([
      "version",
      "now",
      "contacts",
      "possibleDuplicates",
      "self",
      "errors",
      "stats",
    ])
    expect(json.self).toHaveLength(1)
    expect(json.errors).toEqual([{ file: "google.csv", record: "row:9", reason: "no name, e-mail or phone" }])
    expect(json.stats).toEqual({
      recordsBySource: { vcard: 1, google: 3 },
      rejected: 1,
      interactions: 2,
      unattachedInteractions: 0,
    })
  })

  it("round-trips through JSON text and fromJson", () => {
    const text = JSON.stringify(json)
    const fromValue = BookJson.fromJson(JSON.parse(text))
    const fromText = BookJson.fromJson(text)
    expect(Result.isSuccess(fromValue)).toBe(true)
    expect(Result.isSuccess(fromText)).toBe(true)
    if (Result.isSuccess(fromValue)) expect(fromValue.success).toEqual(json)
    if (Result.isSuccess(fromText)) {
      expect(fromText.success).toEqual(json)
      expect(Object.keys(fromText.success.contacts[1]!)).toEqual(Object.keys(json.contacts[1]!))
    }
  })
})

describe("BookJson.fromJson", () => {
  const valid = JSON.parse(JSON.stringify(BookJson.toJson(book)))

  it.each<[string, unknown, RegExp]>([
    ["null", null, /Expected/],
    ["not JSON text", "{ nope", /JSON|Unexpected|Expected/],
    ["another version", { ...valid, version: 2 }, /version/],
    ["a contact without an id", { ...valid, contacts: [{ ...valid.contacts[0], id: undefined }] }, /id/],
    ["a negative count", { ...valid, stats: { ...valid.stats, rejected: -1 } }, /rejected/],
    ["an error without a reason", { ...valid, errors: [{ file: "f", record: "row:1" }] }, /reason/],
  ])("rejects %s", (_, input, message) => {
    const r = BookJson.fromJson(input)
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isFailure(r)) expect(String(r.failure)).toMatch(message)
  })
})
