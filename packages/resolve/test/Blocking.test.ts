import { make } from "@blackbook/model/SourceRecord"
import { Result, Schema } from "effect"
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

/** A default rule by name. */
const named = (name: string): Blocking.Rule => {
  const rule = Blocking.defaults.find((r) => r.name === name)
  if (rule === undefined) throw new Error(`no default rule ${name}`)
  return rule
}

/** A default rule's key (and neighbourhood order), without its cap or window. */
const bare = (name: string): Blocking.Rule => {
  const { maxBlock: _, window: __, ...rest } = named(name)
  return rest
}

const pairsOf = (c: Blocking.Candidates): Set<string> => {
  const out = new Set<string>()
  for (let k = 0; k < c.count; k++) out.add(`${c.a[k]}-${c.b[k]}`)
  return out
}

describe("Blocking.candidates", () => {
  const profiles = [...givens.map((g, i) => person(i, g, "Smith")), person(30, "Jonathon", "Smith")]
  const typo = `${givens.indexOf("Jonathan")}-30`

  it("compares every pair of a block under the cap", () => {
    const c = Blocking.candidates(profiles, [bare("phonetic")], 60)
    expect(c.count).toBe((31 * 30) / 2)
    expect(c.skippedBlocks).toBe(0)
  })

  it("skips a block over the cap when the rule has no window", () => {
    const c = Blocking.candidates(profiles, [{ ...bare("phonetic"), maxBlock: 12 }], 60)
    expect(c.count).toBe(0)
    // Smith has two Double Metaphone codes (SM0, XMT): two blocks of the same 31 records.
    expect(c.skippedBlocks).toBe(2)
  })

  it("searches a block over the cap as a sorted neighbourhood when the rule has a window", () => {
    const c = Blocking.candidates(profiles, [{ ...bare("phonetic"), maxBlock: 12, window: 3 }], 60)
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
      { ...bare("phonetic"), maxBlock: 12, window: 2 },
      { ...bare("name"), maxBlock: 40 },
      { ...bare("swapped"), maxBlock: 5, window: 4 },
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
    const rules = [{ ...bare("phonetic"), maxBlock: 12, window: 3 }]
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
    const c = Blocking.candidates(crowd, [bare("email")], 60)
    expect(pairsOf(c)).toEqual(new Set(["3-7"]))
  })

  it("phoneticGiven pairs names that sound alike, not names that merely share an initial", () => {
    const sounds = [person(0, "John", "Smith"), person(1, "Jon", "Smyth"), person(2, "Jack", "Smith")]
    expect(pairsOf(Blocking.candidates(sounds, [bare("phoneticGiven")], 60))).toEqual(new Set(["0-1"]))
    expect(pairsOf(Blocking.candidates(sounds, [bare("phonetic")], 60)).size).toBe(3)
  })

  it("by default searches family sound + initial in whole small blocks only", () => {
    const rule = Blocking.defaults.find((r) => r.name === "phonetic")
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
    const rule = named("date")
    const c = Blocking.candidates(born, [rule], 60)
    expect(c.count).toBe(11)
    expect(Blocking.candidates(born, [{ ...rule, window: 2 }], 60).count).toBe(21)
  })

  it("keeps keys apart whose parts differ but join into the same text", () => {
    // (given "ab", family "cd") and (given "abc", family "d"): one text "abcd", two keys.
    const split = [person(0, "Ab", "Cd"), person(1, "Abc", "D"), person(2, "Ab", "Cd")]
    expect(pairsOf(Blocking.candidates(split, [bare("name")], 60))).toEqual(new Set(["0-2"]))
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
        const pairs = pairsOf(Blocking.candidates(people, [bare(kind)], 60))
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
      const pairs = pairsOf(
        Blocking.candidates(crowd, [{ ...bare("emailUser"), maxBlock: 5, window: 3 }], 60),
      )
      // Only the typo'd record pairs, with the three on either side of it in name order.
      expect(pairs.size).toBe(3)
      for (const p of pairs) expect(p.endsWith("-12")).toBe(true)
    })
  })
})

describe("Blocking.candidates, weak keys", () => {
  const rule = [Blocking.rule("nameAsUser", Blocking.on("nameAsUser"), { maxBlock: 8, window: 3 })]
  const row = (i: number, fields: Parameters<typeof make>[1]) =>
    Profile.make(make({ source: "outlook", file: "o.csv", record: `row:${i}` }, fields), "GB")
  const named = (i: number) =>
    row(i, { name: { given: "Ada", family: "Quill" }, emails: [{ value: `ada${i}@example.org`, types: [] }] })
  const nameless = row(9, { emails: [{ value: "ada.quill@example.net", types: [] }] })

  it("pairs nobody on keys only named records hold (all weak)", () => {
    expect(Blocking.candidates([named(1), named(2), named(3)], rule, 60).count).toBe(0)
  })

  it("pairs a nameless row with the records named as its address is", () => {
    const c = Blocking.candidates([named(1), named(2), nameless], rule, 60)
    expect(Array.from(c.a.subarray(0, c.count))).toEqual([0, 1])
    expect(Array.from(c.b.subarray(0, c.count))).toEqual([2, 2])
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

  it("lists, for every part and every default rule, fields without which a record gets none of its keys", () => {
    let withKeys = 0
    const keyed: ReadonlyArray<readonly [string, Blocking.Key]> = [
      ...Blocking.KeyPart.literals.map((part) => [part, Blocking.on(part)] as const),
      ...Blocking.defaults.map((r) => [r.name, r.key] as const),
    ]
    for (const [name, key] of keyed) {
      const needs = Blocking.requiredFields(key)
      // Only the mark of a nameless record needs no field.
      if (name !== "nameless") expect(needs, name).toBeGreaterThan(0)
      for (const p of profiles) {
        const keys = Blocking.keys(p, [Blocking.rule(name, key)])
        if ((p.present & needs) !== needs) expect(keys, `${name} ${p.key}`).toEqual([])
        else if (keys.length > 0) withKeys++
      }
    }
    // The records with the fields do get keys (the test is not vacuous).
    expect(withKeys).toBeGreaterThan(50)
  })
})

describe("Blocking combinators (on, and, or)", () => {
  const at = (i: number, fields: Parameters<typeof make>[1]) =>
    Profile.make(make({ source: "vcard", file: "r.vcf", record: `card:${i}` }, fields), "GB")
  const people = [
    at(0, { name: { given: "Morgan", family: "Reyes" }, birthday: { year: 1984, month: 2, day: 9 } }),
    at(1, { name: { given: "Morgan", family: "Achebe" }, birthday: { year: 1984, month: 6, day: 1 } }),
    at(2, { name: { given: "Morgan", family: "Reyes" }, birthday: { year: 1991, month: 2, day: 9 } }),
    at(3, { name: { given: "Priya", family: "Morgan" }, birthday: { year: 1984, month: 2, day: 9 } }),
    at(4, { name: { given: "Tomas", family: "Reyes" } }),
  ]
  const pairs = (key: Blocking.Key) => pairsOf(Blocking.candidates(people, [Blocking.rule("test", key)], 60))

  it("on pairs the records that share a value of the part", () => {
    expect(pairs(Blocking.on("given"))).toEqual(new Set(["0-1", "0-2", "1-2"]))
    expect(pairs(Blocking.on("birthYear"))).toEqual(new Set(["0-1", "0-3", "1-3"]))
  })

  it("and pairs the records that agree on every part, in any order of the parts", () => {
    const both = Blocking.and(Blocking.on("given"), Blocking.on("birthYear"))
    expect(pairs(both)).toEqual(new Set(["0-1"]))
    expect(pairs(Blocking.and(Blocking.on("birthYear"), Blocking.on("given")))).toEqual(new Set(["0-1"]))
    // on with several parts is their and, as Splink's block_on.
    expect(Blocking.on("given", "birthYear")).toEqual(both)
  })

  it("or pairs the records that agree on any branch, keeping the branches' values apart", () => {
    const either = Blocking.or(Blocking.on("given"), Blocking.on("family"))
    // Given Morgan (0, 1, 2) and family Reyes (0, 2, 4); Priya Morgan (3) shares "morgan" only
    // across branches, a given name against a family name, and pairs with nobody.
    expect(pairs(either)).toEqual(new Set(["0-1", "0-2", "1-2", "0-4", "2-4"]))
    expect(pairs(either)).toEqual(new Set([...pairs(Blocking.on("given")), ...pairs(Blocking.on("family"))]))
  })

  it("composes: and over an or", () => {
    const key = Blocking.and(
      Blocking.on("birthDate"),
      Blocking.or(Blocking.on("givenInitial"), Blocking.on("familyInitial")),
    )
    // 0 and 3 share a date but neither initial in one role (M/R against P/M); 0 and 2 differ in year.
    expect(pairs(key)).toEqual(new Set())
    const twins = [
      ...people,
      at(5, { name: { given: "Maya", family: "Okafor" }, birthday: { year: 1984, month: 2, day: 9 } }),
    ]
    expect(pairsOf(Blocking.candidates(twins, [Blocking.rule("test", key)], 60))).toEqual(new Set(["0-5"]))
  })

  it("gives the default rules' pairs from a rule written anew as one entry", () => {
    const mine = Blocking.rule("my given + birth year", Blocking.on("given", "birthYear"))
    const givenYear = named("givenYear")
    expect(pairsOf(Blocking.candidates(people, [mine], 60))).toEqual(
      pairsOf(Blocking.candidates(people, [{ ...givenYear, maxBlock: 60 }], 60)),
    )
  })

  it("decodes rules as data and fails on an unknown part or an empty and, with the path", () => {
    const decode = Schema.decodeUnknownResult(Schema.Array(Blocking.Rule))
    const good = decode(JSON.parse(JSON.stringify(Blocking.defaults)))
    expect(Result.isSuccess(good) && good.success).toEqual(Blocking.defaults)
    const unknownPart = decode([{ name: "x", key: { and: [{ on: "given" }, { on: "shoeSize" }] } }])
    expect(Result.isFailure(unknownPart) && String(unknownPart.failure)).toContain(`[0]["key"]["and"][1]`)
    const empty = decode([{ name: "x", key: { or: [] } }])
    expect(Result.isFailure(empty)).toBe(true)
  })
})
