import { createHash } from "node:crypto"
import type { Interaction } from "@blackbook/model/Interaction"
import { interactionItem, issueItem, recordItem, type SourceItem, selfItem } from "@blackbook/model/Source"
import { key, make, type Provenance } from "@blackbook/model/SourceRecord"
import { describe, expect, it } from "vitest"
import * as Book from "../src/Book.ts"

const now = new Date("2025-01-15T12:00:00.000Z")
const lv = (value: string, ...types: Array<string>) => ({ value, types })

const p = (source: string, file: string, record: string): Provenance => ({ source, file, record })
const robertP = p("vcard", "phone.vcf", "card:1")
const bobP = p("google", "google.csv", "row:1")
const meP = p("linkedin", "linkedin.zip/Profile.csv", "row:1")
const meAgainP = p("outlook", "outlook.csv", "row:3")

const robert = make(robertP, {
  name: { given: "Robert", family: "Smith", prefix: "Dr." },
  emails: [lv("RSmith@gmail.com", "home")],
  phones: [lv("+44 20 7946 0123", "cell")],
  organizations: [{ company: "Acme", title: "CTO" }],
  birthday: { month: 4, day: 22 },
  notes: ["Met at the conference"],
  urls: [lv("https://www.example.com/robert/")],
  handles: [{ service: "twitter", handle: "@RobSmith" }],
})
const bob = make(bobP, {
  name: { formatted: "Bob Smith" },
  emails: [lv("r.smith+work@gmail.com", "work"), lv("bob@acme.example", "work")],
  phones: [lv("020 7946 0123", "mobile")],
  organizations: [{ company: "ACME", title: "cto", department: "R&D" }],
  birthday: { year: 1975, month: 4, day: 22 },
  categories: ["Friends"],
  urls: [lv("http://example.com/robert")],
  handles: [{ service: "X", handle: "robsmith", id: "12345" }],
  connectedOn: "2019-05-01",
})
const anna = make(p("vcard", "phone.vcf", "card:2"), {
  name: { given: "Anna", family: "Meyer" },
  phones: [lv("+49 30 1234567")],
  addresses: [{ types: ["home"], street: "Hauptstraße 1", postalCode: "10115", locality: "Berlin" }],
})
const tom = make(p("vcard", "phone.vcf", "card:3"), {
  name: { given: "Tom", family: "Meyer" },
  phones: [lv("+49 30 1234567")],
  addresses: [{ types: ["work"], street: "Hauptstrasse 1", postalCode: "10115" }],
})
const emailOnly = make(p("google", "google.csv", "row:2"), { emails: [lv("zed@example.org")] })
const meSelf = make(meP, {
  name: { given: "Jane", family: "Owner" },
  emails: [lv("jane.owner@example.org")],
  urls: [lv("https://www.linkedin.com/in/jane-owner")],
})
// A contact card I keep of myself: same address as my Self record.
const meAgain = make(meAgainP, { name: { formatted: "Jane (me)" }, emails: [lv("Jane.Owner@example.org")] })
// Matches only the caller's `me` option (a Twitter handle).
const meByOption = make(p("twitter", "archive.zip", "account:99"), {
  name: { formatted: "Jane O." },
  handles: [{ service: "twitter", handle: "janeowner", id: "99" }],
})

const interaction = (
  kind: Interaction["kind"],
  at: string,
  counterpart: Provenance,
  id: string,
): Interaction => ({
  kind,
  at,
  direction: "outgoing",
  counterpart,
  provenance: p("gmail", "mail.mbox", `message:${id}`),
})

const items: ReadonlyArray<SourceItem> = [
  recordItem(robert),
  recordItem(bob),
  recordItem(anna),
  recordItem(tom),
  recordItem(emailOnly),
  selfItem(meSelf),
  recordItem(meAgain),
  recordItem(meByOption),
  interactionItem(interaction("email", "2024-01-01T10:00:00Z", robertP, "1")),
  interactionItem(interaction("message", "2024-03-01T10:00:00+01:00", bobP, "2")),
  interactionItem(interaction("email", "2024-02-01T10:00:00Z", bobP, "3")),
  interactionItem(interaction("email", "2024-02-01T10:00:00Z", p("google", "google.csv", "row:404"), "4")),
  interactionItem(interaction("meeting", "2024-02-02T10:00:00Z", meAgainP, "5")),
  issueItem({ file: "google.csv", record: "row:7", line: 9, reason: "unterminated quote" }),
]

const options: Book.BookOptions = { now, me: ["@JaneOwner"], region: "GB" }

describe("Book.build", () => {
  const book = Book.build(items, options)
  const smith = book.contacts.find((c) => c.records.length === 2)!

  it("resolves people and keeps every record untouched", () => {
    expect(book.now).toBe("2025-01-15T12:00:00.000Z")
    expect(book.contacts.map((c) => c.displayName)).toEqual([
      "Anna Meyer",
      "Robert Smith",
      "Tom Meyer",
      "zed@example.org",
    ])
    expect(smith.records).toEqual([bob, robert])
    expect(smith.match).toHaveLength(1)
    expect(smith.match[0]!.reason).toMatch(/same e-mail after Gmail/)
  })

  it("derives ids from the smallest member record key", () => {
    const expected = `c_${createHash("sha1").update(key(bobP)).digest("hex").slice(0, 12)}`
    expect(smith.id).toBe(expected)
    expect(new Set(book.contacts.map((c) => c.id)).size).toBe(book.contacts.length)
  })

  it("merges values with the records they came from", () => {
    const [bk, rk] = [key(bobP), key(robertP)]
    expect(smith.emails).toEqual([
      { value: "r.smith+work@gmail.com", types: ["work", "home"], from: [bk, rk] },
      { value: "bob@acme.example", types: ["work"], from: [bk] },
    ])
    expect(smith.phones).toEqual([{ value: "+442079460123", types: ["mobile", "cell"], from: [bk, rk] }])
    expect(smith.urls).toEqual([{ value: "http://example.com/robert", types: [], from: [bk, rk] }])
    expect(smith.handles).toEqual([{ service: "twitter", handle: "robsmith", id: "12345", from: [bk, rk] }])
    expect(smith.organizations).toEqual([
      { company: "ACME", title: "cto", department: "R&D", from: [bk, rk] },
    ])
    // The most complete name: Robert's has prefix, given and family.
    expect(smith.name).toEqual({ given: "Robert", family: "Smith", prefix: "Dr." })
    expect(smith.displayName).toBe("Robert Smith")
    expect(smith.birthday).toEqual({ year: 1975, month: 4, day: 22 })
    expect(smith.notes).toEqual(["Met at the conference"])
    expect(smith.categories).toEqual(["Friends"])
    expect(smith.connectedOn).toBe("2019-05-01")
  })

  it("keeps a family landline's two people apart and folds addresses", () => {
    const anne = book.contacts.find((c) => c.displayName === "Anna Meyer")!
    expect(anne.records).toEqual([anna])
    expect(anne.addresses).toHaveLength(1)
    expect(book.contacts.find((c) => c.displayName === "Tom Meyer")!.phones[0]!.value).toBe("+49301234567")
  })

  it("sets me apart: Self items, records sharing my address, records matching `me`", () => {
    expect(book.self).toEqual([meSelf, meAgain, meByOption])
    for (const c of book.contacts) {
      for (const r of c.records) expect([meP, meAgainP].map(key)).not.toContain(key(r.provenance))
    }
  })

  it("attaches interactions newest first and counts the rest", () => {
    const list = book.interactions.get(smith.id)!
    expect(list.map((i) => i.provenance.record)).toEqual(["message:2", "message:3", "message:1"])
    expect(book.interactions.size).toBe(1)
    expect(book.stats).toEqual({
      recordsBySource: { vcard: 3, google: 2, linkedin: 1, outlook: 1, twitter: 1 },
      rejected: 1,
      interactions: 5,
      unattachedInteractions: 2,
    })
    expect(book.errors).toEqual([
      { file: "google.csv", record: "row:7", line: 9, reason: "unterminated quote" },
    ])
  })

  it("gives the same book for the same items in any order", () => {
    const reversed = Book.build([...items].reverse(), options)
    expect(reversed.contacts).toEqual(book.contacts)
    expect(reversed.self).toEqual(book.self)
    expect([...reversed.interactions]).toEqual([...book.interactions])
  })

  it("reads national numbers in the region most international numbers belong to", () => {
    const national = make(p("outlook", "o.csv", "row:1"), {
      name: { given: "Bob", family: "Smith" },
      phones: [lv("07700 900123")],
    })
    const international = make(p("vcard", "v.vcf", "card:1"), {
      name: { given: "Robert", family: "Smith" },
      phones: [lv("+44 7700 900123")],
    })
    const b = Book.build([recordItem(national), recordItem(international)], { now })
    expect(b.contacts).toHaveLength(1)
    expect(b.contacts[0]!.phones).toEqual([
      { value: "+447700900123", types: [], from: [key(national.provenance), key(international.provenance)] },
    ])
    // An explicit region wins: read as a US number, 07700 900123 is not a number at all.
    const us = Book.build([recordItem(national), recordItem(international)], { now, region: "US" })
    expect(us.contacts[0]!.phones.map((x) => x.value)).toEqual(["07700 900123", "+447700900123"])
  })

  it("runs the caller's garbage collection before and after resolution for an import of collectGarbageFrom records or more", () => {
    let calls = 0
    const collectGarbage = () => {
      calls++
    }
    const records = items.filter((i) => i._tag === "Record").length
    const at = Book.build(items, { ...options, collectGarbage, collectGarbageFrom: records })
    expect(calls).toBe(2)
    expect(at.contacts).toEqual(book.contacts)
    expect(at.possibleDuplicates).toEqual(book.possibleDuplicates)
    Book.build(items, { ...options, collectGarbage, collectGarbageFrom: records + 1 })
    Book.build(items, { ...options, collectGarbage })
    expect(calls).toBe(2)
    expect(Book.collectGarbageFrom).toBeGreaterThan(100_000)
  })

  it("builds an empty book from nothing", () => {
    const empty = Book.build([], { now })
    expect(empty.contacts).toEqual([])
    expect(empty.stats).toEqual({
      recordsBySource: {},
      rejected: 0,
      interactions: 0,
      unattachedInteractions: 0,
    })
  })
})

describe("Book.build: possible duplicates and constraints", () => {
  const acme = make(p("vcard", "phone.vcf", "card:10"), {
    name: { given: "Jane", family: "Doe" },
    organizations: [{ company: "Acme" }],
  })
  const globex = make(p("google", "google.csv", "row:10"), {
    name: { given: "Jane", family: "Doe" },
    organizations: [{ company: "Globex" }],
  })
  const pairItems = [recordItem(acme), recordItem(globex), recordItem(robert), recordItem(bob)]

  it("lists two namesakes at different companies as possible duplicates, not one contact", () => {
    const b = Book.build(pairItems, options)
    const janes = b.contacts.filter((c) => c.displayName === "Jane Doe")
    expect(janes).toHaveLength(2)
    expect(b.possibleDuplicates).toHaveLength(1)
    const d = b.possibleDuplicates[0]!
    expect([...d.contacts].sort()).toEqual(janes.map((c) => c.id).sort())
    expect(d.records).toEqual([key(globex.provenance), key(acme.provenance)])
    expect(d.score).toBeGreaterThanOrEqual(0.5)
    expect(d.score).toBeLessThan(0.85)
    expect(d.reason).toMatch(/given name exact; family name exact; different companies/)
  })

  it("honours never-merge and always-merge constraints by record key or file#record", () => {
    const b = Book.build(pairItems, {
      ...options,
      constraints: {
        never: [[key(robert.provenance), "google.csv#row:1"]],
        always: [[key(acme.provenance), key(globex.provenance)]],
      },
    })
    const smiths = b.contacts.filter((c) => c.records.some((r) => r === robert || r === bob))
    expect(smiths).toHaveLength(2)
    const jane = b.contacts.find((c) => c.displayName === "Jane Doe")!
    expect(jane.records).toEqual([globex, acme])
    // Kept apart by the user, the pair still shows among the possible duplicates.
    expect(b.possibleDuplicates.map((d) => d.records)).toContainEqual([
      key(bob.provenance),
      key(robert.provenance),
    ])
  })
})
