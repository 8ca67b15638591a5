import type { Interaction } from "@blackbook/model"
import { describe, expect, it } from "vitest"
import type { Hit } from "../src/Find.ts"
import { contact, daysAgo, Find, interaction, NOW, Ranking, series } from "./fixture.ts"

const people = [
  contact("p-jurgen", "Jürgen Weiß", { given: "Jürgen", family: "Weiß", company: "Kältetechnik GmbH" }),
  contact("p-jorge", "Jorge Ortega", { given: "Jorge", family: "Ortega", emails: ["jorge@ortega.example"] }),
  contact("p-robert", "Robert Smith", {
    given: "Robert",
    family: "Smith",
    emails: ["rsmith@acme.example"],
    company: "Acme Corporation",
  }),
  contact("p-bob", "Bob Jones", {
    given: "Bob",
    family: "Jones",
    emails: ["bob@globex.example"],
    company: "Globex",
  }),
  contact("p-roberta", "Roberta Acheson", { given: "Roberta", family: "Acheson", company: "Initech" }),
  contact("p-jordan1", "Jordan Lee", { given: "Jordan", family: "Lee", emails: ["jl@one.example"] }),
  contact("p-jordan2", "Jordan Lee", { given: "Jordan", family: "Lee", emails: ["jl@two.example"] }),
  contact("p-handle", "Dee Handle", { handles: ["@deetweets"] }),
  contact("p-zoe", "Zoë Ångström", { given: "Zoë", family: "Ångström" }),
]

const rankWith = (busy: ReadonlyArray<string>) => {
  const interactions = new Map<string, ReadonlyArray<Interaction.Interaction>>(
    busy.map((id, i) => [id, series("meeting", 100, 1, 3 + i * 4)]),
  )
  return Ranking.rank({ contacts: people, interactions }, { now: NOW })
}

const ids = (hits: ReadonlyArray<Hit>) => hits.map((h) => h.contactId)

describe("Find", () => {
  const ranked = rankWith(["p-jorge", "p-jordan2", "p-bob"])
  const index = Find.makeIndex({ contacts: people }, ranked)

  it("folds diacritics and ß: jurgen, juergen and weiss find Jürgen Weiß", () => {
    expect(ids(Find.find(index, "jurgen"))[0]).toBe("p-jurgen")
    const juergen = Find.find(index, "juergen")
    expect(juergen[0]!.contactId).toBe("p-jurgen")
    // Indexed as "juergen" too, so it is an exact hit, not a typo away.
    expect(juergen[0]!.match).toBeLessThan(0.01)
    expect(ids(Find.find(index, "jurgen weiss"))).toEqual(["p-jurgen"])
    expect(ids(Find.find(index, "JÜRGEN"))[0]).toBe("p-jurgen")
    expect(ids(Find.find(index, "zoe angstrom"))).toEqual(["p-zoe"])
    expect(ids(Find.find(index, "kaltetechnik"))).toEqual(["p-jurgen"])
  })

  it("puts a clearly better text match above a higher priority", () => {
    // Jorge is busy and a fuzzy match for "jurgen"; Jürgen is the exact one.
    const hits = Find.find(index, "jurgen")
    expect(ids(hits)).toContain("p-jorge")
    expect(ids(hits)[0]).toBe("p-jurgen")
    expect(hits[0]!.match).toBeLessThan(hits.find((h) => h.contactId === "p-jorge")!.match)
  })

  it("matches each word of a query across fields: bob acme finds Robert at Acme", () => {
    const hits = Find.find(index, "bob acme")
    expect(ids(hits)[0]).toBe("p-robert")
    // Bob Jones is not at Acme; every word must match somewhere.
    expect(ids(hits)).not.toContain("p-bob")
    expect(ids(Find.find(index, "smith acme"))).toEqual(["p-robert"])
    expect(ids(Find.find(index, "acme robert"))[0]).toBe("p-robert")
  })

  it("finds by e-mail and by handle", () => {
    expect(ids(Find.find(index, "rsmith@acme.example"))[0]).toBe("p-robert")
    expect(ids(Find.find(index, "@deetweets"))).toEqual(["p-handle"])
    expect(ids(Find.find(index, "globex"))).toEqual(["p-bob"])
  })

  it("breaks ties between equal matches by priority score", () => {
    const hits = Find.find(index, "jordan lee")
    expect(ids(hits).slice(0, 2)).toEqual(["p-jordan2", "p-jordan1"])
    expect(hits[0]!.match).toBeCloseTo(hits[1]!.match, 10)
    expect(hits[0]!.relevance).toBeGreaterThan(hits[1]!.relevance)
    expect(hits[0]!.rank).toBeLessThan(hits[1]!.rank!)
    // Swap who is busy and the order follows.
    const swapped = Find.makeIndex({ contacts: people }, rankWith(["p-jordan1"]))
    expect(ids(Find.find(swapped, "jordan lee")).slice(0, 2)).toEqual(["p-jordan1", "p-jordan2"])
  })

  it("without a ranking, still finds and orders deterministically", () => {
    const plain = Find.makeIndex({ contacts: [...people].reverse() })
    const hits = Find.find(plain, "jordan lee")
    expect(ids(hits).slice(0, 2)).toEqual(["p-jordan1", "p-jordan2"])
    expect(hits[0]!.rank).toBeUndefined()
  })

  it("respects the limit and ignores an empty query", () => {
    expect(Find.find(index, "o", { limit: 2 }).length).toBeLessThanOrEqual(2)
    expect(Find.find(index, "   ")).toEqual([])
    expect(Find.find(index, "jordan", { limit: 0 })).toEqual([])
  })

  it("knows nicknames: bob and bobby find Robert, robert finds Bob", () => {
    const bob = Find.find(index, "bobby acme")
    expect(ids(bob)[0]).toBe("p-robert")
    expect(bob[0]!.query).toBe("robert acme")
    expect(ids(Find.find(index, "bob acme"))[0]).toBe("p-robert")
    // Index side: Bob Jones is filed under "robert" as well.
    expect(ids(Find.find(index, "robert globex"))).toEqual(["p-bob"])
    const plain = Find.makeIndex({ contacts: people }, ranked, { nicknames: false })
    expect(ids(Find.find(plain, "bobby acme"))).toEqual([])
    expect(ids(Find.find(plain, "robert globex"))).toEqual([])
  })

  it("takes other spellings from a caller's expand", () => {
    const table: Record<string, ReadonlyArray<string>> = { chief: ["albert", "robert"], rsm: ["smith"] }
    const expand = (word: string) => table[word] ?? []
    const custom = Find.makeIndex({ contacts: people }, ranked, { nicknames: false, expand })
    const hits = Find.find(custom, "chief acme")
    expect(ids(hits)[0]).toBe("p-robert")
    expect(hits[0]!.query).toBe("robert acme")
    expect(ids(Find.find(custom, "rsm"))[0]).toBe("p-robert")
    // An alternative that folds to nothing is no query at all.
    const blank = Find.makeIndex({ contacts: people }, ranked, { nicknames: false, expand: () => ["", "!!"] })
    expect(ids(Find.find(blank, "qqqq"))).toEqual([])
    const none = Find.makeIndex({ contacts: people }, ranked, {
      nicknames: false,
      maxAlternatives: 0,
      expand,
    })
    expect(ids(Find.find(none, "chief acme"))).toEqual([])
  })

  it("finds people from every source's spelling of the name", () => {
    const base = contact("p-multi", "Kate Miller", { given: "Kate", family: "Miller" })
    const other = { ...base.records[0]!, name: { given: "Katharina", family: "Müller" } }
    const merged = { ...base, records: [...base.records, other] }
    const idx = Find.makeIndex({ contacts: [...people, merged] })
    expect(ids(Find.find(idx, "katharina mueller"))).toEqual(["p-multi"])
    expect(ids(Find.find(idx, "kate miller"))).toEqual(["p-multi"])
  })

  it("ranks a busy contact ahead among similar names", () => {
    const contacts = [
      contact("s-1", "Anna Berg", { given: "Anna", family: "Berg" }),
      contact("s-2", "Anne Berg", { given: "Anne", family: "Berg" }),
    ]
    const interactions = new Map([
      ["s-2", [interaction("meeting", daysAgo(1)), interaction("meeting", daysAgo(8))]],
    ])
    const idx = Find.makeIndex({ contacts }, Ranking.rank({ contacts, interactions }, { now: NOW }))
    // "ann berg" is one letter off either name: the busy one comes first.
    expect(ids(Find.find(idx, "ann berg"))).toEqual(["s-2", "s-1"])
    // Typed exactly, the quiet Anna still beats the busy Anne: one typo is not "similar enough".
    expect(ids(Find.find(idx, "anna berg"))).toEqual(["s-1", "s-2"])
    // With priority weighted heavily, the busy one wins even then.
    const pushy = Find.makeIndex({ contacts }, Ranking.rank({ contacts, interactions }, { now: NOW }), {
      priorityWeight: 0.5,
    })
    expect(ids(Find.find(pushy, "anna berg"))).toEqual(["s-2", "s-1"])
  })
})
