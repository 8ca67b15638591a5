import { make } from "@blackbook/model/SourceRecord"
import { describe, expect, it } from "vitest"
import * as Blocking from "../src/Blocking.ts"
import * as Profile from "../src/Profile.ts"

const person = (i: number, given: string, family: string) =>
  Profile.make(
    make({ source: "vcard", file: "c.vcf", record: `card:${i}` }, { name: { given, family } }),
    "GB",
  )

// Thirty given names with one initial, one family name: a phonetic block of 30 records.
const givens = [
  "Jack",
  "Jacob",
  "Jade",
  "Jake",
  "James",
  "Jamie",
  "Jana",
  "Jane",
  "Janet",
  "Jared",
  "Jason",
  "Jasper",
  "Jay",
  "Jean",
  "Jeff",
  "Jenna",
  "Jeremy",
  "Jesse",
  "Jill",
  "Joan",
  "Joel",
  "John",
  "Jonathan",
  "Jordan",
  "Joseph",
  "Josh",
  "Joy",
  "Judith",
  "Julia",
  "Justin",
]

const pairsOf = (c: Blocking.Candidates): Set<string> => {
  const out = new Set<string>()
  for (let k = 0; k < c.count; k++) out.add(`${c.a[k]}-${c.b[k]}`)
  return out
}

describe("Blocking.candidates", () => {
  const profiles = [...givens.map((g, i) => person(i, g, "Smith")), person(30, "Jonathon", "Smith")]
  const typo = `${givens.indexOf("Jonathan")}-30`

  it("compares every pair of a block under the cap", () => {
    const c = Blocking.candidates(profiles, [{ kind: "phonetic" }], 60)
    expect(c.count).toBe((31 * 30) / 2)
    expect(c.skippedBlocks).toBe(0)
  })

  it("skips a block over the cap when the rule has no window", () => {
    const c = Blocking.candidates(profiles, [{ kind: "phonetic", maxBlock: 12 }], 60)
    expect(c.count).toBe(0)
    // Smith has two Double Metaphone codes (SM0, XMT): two blocks of the same 31 records.
    expect(c.skippedBlocks).toBe(2)
  })

  it("searches a block over the cap as a sorted neighbourhood when the rule has a window", () => {
    const c = Blocking.candidates(profiles, [{ kind: "phonetic", maxBlock: 12, window: 3 }], 60)
    const pairs = pairsOf(c)
    // Each record with the next three in name order: 28 x 3 + 2 + 1 pairs, each once.
    expect(c.count).toBe(28 * 3 + 2 + 1)
    expect(pairs.size).toBe(c.count)
    // Jonathan ~ Jonathon (a typo) are neighbours; Jack and Justin are not.
    expect(pairs.has(typo)).toBe(true)
    expect(pairs.has(`0-${givens.indexOf("Justin")}`)).toBe(false)
    expect(c.skippedBlocks).toBe(0)
  })

  it("gives the union of each rule's pairs, ascending, when whole blocks and neighbourhoods mix", () => {
    const rules = [
      { kind: "phonetic" as const, maxBlock: 12, window: 2 },
      { kind: "name" as const, maxBlock: 40 },
      { kind: "swapped" as const, maxBlock: 5, window: 4 },
    ]
    const all = Blocking.candidates(profiles, rules, 60)
    const union = new Set(rules.flatMap((r) => [...pairsOf(Blocking.candidates(profiles, [r], 60))]))
    expect(new Set(pairsOf(all))).toEqual(union)
    expect(all.count).toBe(union.size)
    for (let k = 1; k < all.count; k++) {
      const ascending = all.a[k - 1]! < all.a[k]! || (all.a[k - 1] === all.a[k] && all.b[k - 1]! < all.b[k]!)
      expect(ascending, `pair ${k}`).toBe(true)
    }
  })

  it("gives the same pairs whatever order the block's records come in", () => {
    const rules = [{ kind: "phonetic" as const, maxBlock: 12, window: 3 }]
    const forward = Blocking.candidates(profiles, rules, 60)
    const reversed = [...profiles].reverse()
    const backward = Blocking.candidates(reversed, rules, 60)
    const key = (ps: ReadonlyArray<Profile.Profile>, c: Blocking.Candidates) => {
      const out: Array<string> = []
      for (let k = 0; k < c.count; k++) out.push([ps[c.a[k]!]!.key, ps[c.b[k]!]!.key].sort().join("|"))
      return out.sort()
    }
    expect(key(reversed, backward)).toEqual(key(profiles, forward))
  })

  it("keeps every key apart when a few records hold thousands (the key table grows)", () => {
    const withEmails = (i: number, emails: ReadonlyArray<string>) =>
      Profile.make(
        make(
          { source: "vcard", file: "c.vcf", record: `card:${i}` },
          { emails: emails.map((value) => ({ value, types: [] })) },
        ),
        "GB",
      )
    // Ten records with 300 addresses each; records 3 and 7 share one address, nothing else does.
    const crowd = Array.from({ length: 10 }, (_, i) =>
      withEmails(i, [
        ...Array.from({ length: 300 }, (_, k) => `person${i}.box${k}@example.org`),
        ...(i === 3 || i === 7 ? ["shared.inbox@example.org"] : []),
      ]),
    )
    const c = Blocking.candidates(crowd, [{ kind: "email" }], 60)
    expect(pairsOf(c)).toEqual(new Set(["3-7"]))
  })

  it("phoneticGiven pairs names that sound alike, not names that merely share an initial", () => {
    const sounds = [person(0, "John", "Smith"), person(1, "Jon", "Smyth"), person(2, "Jack", "Smith")]
    expect(pairsOf(Blocking.candidates(sounds, [{ kind: "phoneticGiven" }], 60))).toEqual(new Set(["0-1"]))
    expect(pairsOf(Blocking.candidates(sounds, [{ kind: "phonetic" }], 60)).size).toBe(3)
  })

  it("by default searches family sound + initial in whole small blocks only", () => {
    const rule = Blocking.defaults.find((r) => r.kind === "phonetic")
    expect(rule?.window).toBeUndefined()
    const c = Blocking.candidates(profiles, [rule!], 60)
    expect(c.count).toBe(0)
    expect(c.skippedBlocks).toBe(2)
  })

  it("by default pairs each record of an oversized birthday block with its one neighbour", () => {
    // Twelve people born on one day: over the cap of 8, so searched as a sorted neighbourhood.
    const born = givens
      .slice(0, 12)
      .map((given, i) =>
        Profile.make(
          make(
            { source: "vcard", file: "c.vcf", record: `card:${i}` },
            { name: { given, family: `Family${i}` }, birthday: { year: 1980, month: 5, day: 17 } },
          ),
          "GB",
        ),
      )
    const rule = Blocking.defaults.find((r) => r.kind === "date")!
    const c = Blocking.candidates(born, [rule], 60)
    expect(c.count).toBe(11)
    expect(Blocking.candidates(born, [{ ...rule, window: 2 }], 60).count).toBe(21)
  })

  it("keeps keys apart whose parts differ but join into the same text", () => {
    // (given "ab", family "cd") and (given "abc", family "d"): one text "abcd", two keys.
    const split = [person(0, "Ab", "Cd"), person(1, "Abc", "D"), person(2, "Ab", "Cd")]
    expect(pairsOf(Blocking.candidates(split, [{ kind: "name" }], 60))).toEqual(new Set(["0-2"]))
  })

  describe("user names made of the owner's name", () => {
    const withEmail = (i: number, given: string, family: string, email: string) =>
      Profile.make(
        make(
          { source: "vcard", file: "c.vcf", record: `card:${i}` },
          { name: { given, family }, emails: [{ value: email, types: [] }] },
        ),
        "GB",
      )
    // Three namesakes whose user names are their names, and a typo'd name behind the same one.
    const people = [
      withEmail(0, "Jane", "Doe", "jane.doe@example.org"),
      withEmail(1, "Jane", "Doe", "jane.doe@example.net"),
      withEmail(2, "Jane", "Doe", "janedoe@example.com"),
      withEmail(3, "Jane", "Deo", "jane.doe@example.co.uk"),
    ]

    it.each(["emailUser", "emailPrefix"] as const)(
      "%s pairs such a record only with records whose user name is not made of theirs",
      (kind) => {
        const pairs = pairsOf(Blocking.candidates(people, [{ kind }], 60))
        expect(pairs.has("0-1")).toBe(false)
        expect(pairs.has("0-3")).toBe(true)
        expect(pairs.has("1-3")).toBe(true)
      },
    )

    it("reads them the same way in a sorted neighbourhood", () => {
      const crowd = [
        ...Array.from({ length: 12 }, (_, i) => withEmail(i, "Jane", "Doe", `jane.doe@host${i}.example`)),
        withEmail(12, "Jane", "Deo", "jane.doe@example.co.uk"),
      ]
      const pairs = pairsOf(Blocking.candidates(crowd, [{ kind: "emailUser", maxBlock: 5, window: 3 }], 60))
      // Only the typo'd record pairs, with the three on either side of it in name order.
      expect(pairs.size).toBe(3)
      for (const p of pairs) expect(p.endsWith("-12")).toBe(true)
    })
  })
})

describe("Blocking.requiredFields", () => {
  const at = (i: number, fields: Parameters<typeof make>[1]) =>
    Profile.make(make({ source: "vcard", file: "r.vcf", record: `card:${i}` }, fields), "GB")
  // Every field present in one record, and records each lacking some.
  const full = {
    name: { given: "Robert", family: "van Hale" },
    emails: [{ value: "robert.vanhale@example.org", types: [] }],
    phones: [{ value: "+44 7700 900001", types: [] }],
    birthday: { year: 1980, month: 4, day: 2 },
    addresses: [{ types: [], street: "12 High Street", locality: "Leeds" }],
    handles: [
      { service: "twitter", handle: "robhale", id: "123" },
      { service: "passport", handle: "X1234567" },
    ],
    urls: [{ value: "https://www.linkedin.com/in/robhale", types: [] }],
  }
  const profiles = [
    at(0, full),
    at(1, { ...full, name: { family: "Hale" }, birthday: { month: 4, day: 2 } }),
    at(2, { ...full, name: { given: "Robert" }, emails: [{ value: "info@example.org", types: [] }] }),
    at(3, { organizations: [{ company: "Worldwide Exports Ltd" }], phones: [] }),
    at(4, { name: { nickname: "Scooter" }, addresses: [{ types: [], locality: "Leeds" }] }),
    at(5, { emails: [{ value: "someone.else@example.org", types: [] }] }),
  ]

  it("lists, for every rule, fields without which a record gets none of its keys", () => {
    let withKeys = 0
    for (const kind of Blocking.RuleKind.literals) {
      const needs = Blocking.requiredFields[kind]
      expect(needs, kind).toBeGreaterThan(0)
      for (const p of profiles) {
        const keys = Blocking.keys(p, [{ kind }])
        if ((p.present & needs) !== needs) expect(keys, `${kind} ${p.key}`).toEqual([])
        else if (keys.length > 0) withKeys++
      }
    }
    // The records with the fields do get keys (the test is not vacuous).
    expect(withKeys).toBeGreaterThan(30)
  })
})
