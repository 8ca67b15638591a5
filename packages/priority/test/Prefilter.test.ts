import { describe, expect, it } from "vitest"
import { contact, daysAgo, Find, interaction, NOW, Ranking } from "./fixture.ts"

// Deterministic invented people: syllables glued together.
const prng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const rand = prng(2026)
const syllables = [
  "ka",
  "lo",
  "mi",
  "ran",
  "te",
  "bo",
  "su",
  "vel",
  "dri",
  "an",
  "jo",
  "ür",
  "ße",
  "th",
  "ob",
]
const word = (n: number) => {
  let w = ""
  for (let i = 0; i < n; i++) w += syllables[Math.floor(rand() * syllables.length)]
  return w[0]!.toUpperCase() + w.slice(1)
}
const people = Array.from({ length: 400 }, (_, i) => {
  const given = i % 40 === 0 ? "Robert" : word(1 + Math.floor(rand() * 2))
  const family = word(2 + Math.floor(rand() * 2))
  const company = `${word(2)} Labs`
  return contact(`g-${i}`, `${given} ${family}`, {
    given,
    family,
    company,
    emails: [
      `${given.toLowerCase()}.${family.toLowerCase()}@${company.split(" ")[0]!.toLowerCase()}.example`,
    ],
  })
})
const interactions = new Map(
  people.filter((_, i) => i % 7 === 0).map((p, i) => [p.id, [interaction("meeting", daysAgo(i))]] as const),
)
const ranked = Ranking.rank({ contacts: people, interactions }, { now: NOW })

describe("Find prefilter", () => {
  it("splits a word into one more exact piece than the edits Fuse allows", () => {
    expect(Find.pieces("smith", 0.34)).toEqual(["sm", "ith"])
    expect(Find.pieces("bob", 0.34)).toEqual(["b", "ob"])
    expect(Find.pieces("jurgen", 0.34)).toEqual(["ju", "rg", "en"])
    expect(Find.pieces("ab", 0.34)).toEqual(["ab"])
    expect(Find.pieces("x".repeat(33), 0.34)).toBeUndefined()
  })

  it("returns exactly what a full scan returns", () => {
    const fast = Find.makeIndex({ contacts: people }, ranked)
    const slow = Find.makeIndex({ contacts: people }, ranked, { prefilter: false })
    const queries = [
      ...people.slice(0, 60).flatMap((p) => {
        const [given, family] = p.displayName.split(" ") as [string, string]
        const typo = family.slice(0, 2) + family.slice(3)
        return [p.displayName, typo, `${given.slice(0, 3)} ${p.organizations[0]!.company!.split(" ")[0]}`]
      }),
      "bob",
      "bob labs",
      "ka",
      "a",
      "th ob",
      "xyzzy",
      "ür",
    ]
    let nonEmpty = 0
    for (const q of queries) {
      const a = Find.find(fast, q, { limit: 15 })
      const b = Find.find(slow, q, { limit: 15 })
      expect({ q, hits: a.map((h) => [h.contactId, h.match, h.query]) }).toEqual({
        q,
        hits: b.map((h) => [h.contactId, h.match, h.query]),
      })
      if (a.length > 0) nonEmpty++
    }
    expect(nonEmpty).toBeGreaterThan(queries.length * 0.9)
    // The index is left whole after filtered searches.
    expect(fast.fuse.getIndex().records).toHaveLength(people.length)
  })

  it("narrows the candidates", () => {
    const index = Find.makeIndex({ contacts: people }, ranked)
    const target = people[5]!
    const terms = target.displayName.toLowerCase().split(" ")
    const some = Find.candidates(index, terms)
    expect(some).toBeDefined()
    expect(some!.map((i) => index.contacts[i]!.id)).toContain(target.id)
    expect(some!.length).toBeLessThan(people.length / 2)
    expect(Find.candidates(index, ["qqqq"])).toEqual([])
    expect(Find.candidates(index, ["x".repeat(40)])).toBeUndefined()
  })
})
