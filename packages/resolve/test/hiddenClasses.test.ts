import * as Source from "@blackbook/model/Source"
import * as SourceRecord from "@blackbook/model/SourceRecord"
import { shareHiddenClass } from "@blackbook/model/test-support/hiddenClass"
import { describe, expect, it } from "vitest"
import * as Book from "../src/Book.ts"

describe("shareHiddenClass", () => {
  it("tells objects of one shape from objects of two", () => {
    expect(shareHiddenClass({ company: "Acme", from: ["a"] }, { company: "Initech", from: ["b"] })).toBe(true)
    expect(shareHiddenClass({ company: "Acme" }, { title: "Engineer" })).toBe(false)
  })
})

describe("merged contacts", () => {
  // Invented people, each in two sources with an employer and an address. V8 shares a hidden class
  // among the first few objects a site makes either way: dozens show whether it goes on doing so.
  const givens = ["Ilse", "Tomas", "Wren", "Odile", "Caius", "Marit", "Ivo", "Sunniva", "Pell", "Anouk"]
  const families = ["Varga", "Lindqvist", "Okafor", "Brandt", "Moreau", "Halloran"]
  const people = Array.from({ length: 60 }, (_, n) => ({
    given: givens[n % givens.length]!,
    family: families[Math.floor(n / givens.length)]!,
  }))
  const record = (n: number, source: string) =>
    Source.recordItem(
      SourceRecord.make(
        { source, file: `${source}.csv`, record: `row:${n}` },
        {
          name: people[n]!,
          emails: [
            { value: `${people[n]!.given}.${people[n]!.family}@example.org`.toLowerCase(), types: [] },
          ],
          organizations: [{ company: `Firm ${n}`, title: "Engineer" }],
          addresses: [{ street: `${n + 1} High Street`, locality: "Springfield", types: ["work"] }],
        },
      ),
    )
  const book = Book.build(
    people.flatMap((_, n) => [record(n, "outlook"), record(n, "google")]),
    { now: new Date("2026-11-25T00:00:00Z"), region: "GB" },
  )

  it("keeps one hidden class for the merged employers and addresses of every contact", () => {
    expect(book.contacts).toHaveLength(people.length)
    const last = book.contacts[book.contacts.length - 1]!
    for (const c of book.contacts) {
      expect(c.organizations[0]!.from).toHaveLength(2)
      expect(shareHiddenClass(c.organizations[0]!, last.organizations[0]!), c.displayName).toBe(true)
      expect(shareHiddenClass(c.addresses[0]!, last.addresses[0]!), c.displayName).toBe(true)
    }
  })
})
