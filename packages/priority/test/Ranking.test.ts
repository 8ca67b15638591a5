import type { Interaction } from "@blackbook/model"
import { describe, expect, it } from "vitest"
import { Ranking as RankingModule, Tier } from "../src/index.ts"
import type { Ranked } from "../src/Ranking.ts"
import { contact, daysAgo, interaction, invalid, NOW, Ranking, series } from "./fixture.ts"

const book = () => {
  const contacts = [
    contact("c-sam", "Sam Steady"),
    contact("c-wendy", "Wendy Weekly"),
    contact("c-colin", "Colin Collector", { connectedOn: "2019-06-01", source: "linkedin" }),
    contact("c-fiona", "Fiona Follow", { categories: ["twitter:following"], source: "twitter" }),
    contact("c-nina", "Nina New", { connectedOn: daysAgo(10).slice(0, 10), source: "linkedin" }),
    contact("c-ned", "Ned Newcomer"),
    contact("c-una", "Una Upcoming"),
    contact("c-dora", "Dora Dormant"),
    contact("c-andy", "Andy Active"),
    contact("c-olga", "Olga Override"),
    contact("c-ada", "Ada Addressbook"),
  ]
  const interactions = new Map<string, ReadonlyArray<Interaction.Interaction>>([
    ["c-sam", [...series("meeting", 199, 3, 7), interaction("message", daysAgo(4), "incoming")]],
    // A weekly 1:1 for a year that stopped six weeks ago.
    ["c-wendy", series("meeting", 399, 42, 7)],
    ["c-ned", [interaction("message", daysAgo(5), "incoming")]],
    ["c-una", [interaction("meeting", daysAgo(-3))]],
    ["c-dora", series("message", 760, 700, 10)],
    ["c-andy", series("message", 130, 10, 30)],
    ["c-olga", series("message", 110, 20, 30)],
  ])
  return { contacts, interactions }
}

const byId = (ranked: ReadonlyArray<Ranked>) => new Map(ranked.map((r) => [r.contactId, r]))

describe("Ranking.rank", () => {
  const ranked = Ranking.rank(book(), { now: NOW, cadence: { "c-olga": 14 } })
  const get = (id: string) => byId(ranked).get(id)!

  it("sorts by score, descending, with 1-based ranks", () => {
    expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1))
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score)
    expect(ranked[0]!.contactId).toBe("c-sam")
  })

  it("puts the frequent, two-way, recent contact in the inner circle", () => {
    expect(get("c-sam").tier).toBe("inner-circle")
    expect(get("c-sam").why).toContain("two-way within 90 days")
  })

  it("calls a weekly 1:1 that stopped drifting", () => {
    const wendy = get("c-wendy")
    expect(wendy.tier).toBe("drifting")
    expect(wendy.cadenceDays).toBe(7)
    expect(wendy.why).toMatch(/silent 42 days, over 3x the usual 7-day gap/)
    expect(Ranking.drifting(ranked).map((r) => r.contactId)).toContain("c-wendy")
  })

  it("calls a connection or follow never spoken to a collector", () => {
    expect(get("c-colin").tier).toBe("collector")
    expect(get("c-colin").why).toBe("linkedin connection since 2019-06-01, never interacted")
    expect(get("c-colin").score).toBeGreaterThan(0)
    expect(get("c-fiona").tier).toBe("collector")
    expect(get("c-fiona").why).toContain("you follow them on twitter")
  })

  it("marks people first seen within 30 days as new", () => {
    expect(get("c-nina").tier).toBe("new")
    expect(get("c-nina").why).toContain("linkedin connection")
    expect(get("c-ned").tier).toBe("new")
    expect(get("c-ned").firstSeen).toBe(daysAgo(5))
  })

  it("treats an upcoming meeting as nextMeeting, not as an interaction", () => {
    const una = get("c-una")
    expect(una.interactions.count).toBe(0)
    expect(una.score).toBe(0)
    expect(una.lastInteraction).toBeUndefined()
    expect(una.nextMeeting).toBe(daysAgo(-3))
    expect(una.tier).toBe("new")
    expect(get("c-sam").nextMeeting).toBeUndefined()
  })

  it("calls long silence dormant, and a bare address-book entry too", () => {
    expect(get("c-dora").tier).toBe("dormant")
    expect(get("c-dora").why).toBe("silent 22 months (last message 2024-04-14)")
    expect(get("c-ada").tier).toBe("dormant")
    expect(get("c-ada").why).toBe("no interactions on record")
  })

  it("learns cadence, lets the user override it, and dates what is due", () => {
    const andy = get("c-andy")
    expect(andy.tier).toBe("active")
    expect(andy.cadenceDays).toBe(30)
    expect(andy.due).toBe(daysAgo(10 - 30))
    const sam = get("c-sam")
    expect(sam.cadenceDays).toBe(7)
    expect(sam.due).toBe(daysAgo(3 - 7))
    // Olga writes monthly (learned 30) but the user wants every 14 days: 20 days of silence is drifting.
    const olga = get("c-olga")
    expect(olga.cadenceDays).toBe(14)
    expect(olga.tier).toBe("drifting")
    expect(olga.why).toContain("past your 14-day cadence")
    expect(olga.due).toBe(daysAgo(20 - 14))
    const learned = byId(Ranking.rank(book(), { now: NOW })).get("c-olga")!
    expect(learned.cadenceDays).toBe(30)
    expect(learned.tier).toBe("active")
  })

  it("reports counts by kind and the last interaction", () => {
    const sam = get("c-sam")
    expect(sam.interactions.byKind).toEqual({ meeting: 29, message: 1 })
    expect(sam.interactions.count).toBe(30)
    expect(sam.lastInteraction).toBe(daysAgo(3))
  })

  it("gives decaysToOneOn in score order", () => {
    const dates = ranked.map((r) => r.decaysToOneOn)
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it("is deterministic whatever the input order; ties go by display name, then id", () => {
    const { contacts, interactions } = book()
    const twins = [
      contact("t-2", "Tia Twin"),
      contact("t-1", "Tia Twin"),
      contact("t-0", "Abe Twin"),
      contact("t-3", "tia twin"),
    ]
    const same = () => [interaction("message", daysAgo(15))]
    const all = new Map([...interactions, ...twins.map((t) => [t.id, same()] as const)])
    const a = Ranking.rank({ contacts: [...contacts, ...twins], interactions: all }, { now: NOW })
    const b = Ranking.rank(
      { contacts: [...twins, ...contacts].reverse(), interactions: new Map([...all].reverse()) },
      { now: NOW },
    )
    expect(b).toEqual(a)
    const order = a.filter((r) => r.contactId.startsWith("t-")).map((r) => r.contactId)
    expect(order).toEqual(["t-0", "t-1", "t-2", "t-3"])
  })

  it("keeps a long-silent contact with a user-set cadence drifting, not dormant", () => {
    const dora = byId(Ranking.rank(book(), { now: NOW, cadence: { "c-dora": 30 } })).get("c-dora")!
    expect(dora.tier).toBe("drifting")
    expect(dora.why).toContain("past your 30-day cadence")
  })

  it("names the kind of follow for collectors", () => {
    const contacts = [
      contact("f-1", "Mutual Follow", { categories: ["twitter:following", "twitter:follower"] }),
      contact("f-2", "Follower Only", { categories: ["twitter:follower"] }),
    ]
    const whys = Ranking.rank({ contacts, interactions: new Map() }, { now: NOW }).map((r) => [r.tier, r.why])
    expect(whys).toEqual([
      ["collector", "they follow you on twitter, never interacted"],
      ["collector", "you follow each other on twitter, never interacted"],
    ])
  })

  it("fails with an InvalidOption on an invalid now or option, never throws", () => {
    expect(invalid(RankingModule.rank(book(), { now: "soon" })).option).toBe("now")
    expect(invalid(RankingModule.rank(book(), { now: new Date(Number.NaN) })).option).toBe("now")
    expect(invalid(RankingModule.rank(book(), { now: NOW, halfLifeDays: -1 })).option).toBe("halfLifeDays")
    expect(invalid(RankingModule.rank(book(), { now: NOW, cadence: { "c-sam": 0 } })).option).toBe(
      "cadence for c-sam",
    )
    expect(invalid(RankingModule.digest([], NOW, { limit: -1 })).option).toBe("limit")
  })
})

describe("inner circle", () => {
  it("needs a two-way interaction within the half-life, not only volume", () => {
    const contacts = Array.from({ length: 10 }, (_, i) => contact(`p-${i}`, `Person ${i}`))
    const interactions = new Map<string, ReadonlyArray<Interaction.Interaction>>(
      contacts.map((c, i) => [c.id, series("message", 60, 1, 10 + i, "outgoing")]),
    )
    // The fan writes daily and I never answer: top score, but one-way.
    interactions.set("p-0", series("dm", 60, 0, 1, "incoming"))
    const one = Ranking.rank({ contacts, interactions }, { now: NOW })
    expect(one[0]!.contactId).toBe("p-0")
    expect(one[0]!.tier).toBe("active")
    expect(Ranking.filterTier(one, "inner-circle")).toEqual([])
    // One answer within the half-life makes it two-way (and earns the reciprocity bonus).
    interactions.set("p-0", [
      ...series("dm", 60, 0, 1, "incoming"),
      interaction("dm", daysAgo(2), "outgoing"),
    ])
    const two = Ranking.rank({ contacts, interactions }, { now: NOW })
    expect(two[0]!.tier).toBe("inner-circle")
    expect(two[0]!.score).toBeGreaterThan(one[0]!.score * 1.4)
    expect(Ranking.filterTier(two, "inner-circle").map((r) => r.contactId)).toEqual(["p-0"])
  })

  it("is the top 10% of the contacts with any interaction", () => {
    expect(Tier.innerCircleSize(0, 0.1)).toBe(0)
    expect(Tier.innerCircleSize(5, 0.1)).toBe(1)
    expect(Tier.innerCircleSize(25, 0.1)).toBe(3)
  })
})

describe("top, filterTier, digest", () => {
  const ranked = Ranking.rank(book(), { now: NOW, cadence: { "c-olga": 14 } })

  it("takes the top 10% by default, at least one", () => {
    expect(Ranking.top(ranked).map((r) => r.rank)).toEqual([1, 2])
    expect(Ranking.top(ranked, 3)).toHaveLength(3)
    expect(Ranking.top(ranked.slice(0, 3))).toHaveLength(1)
    expect(Ranking.top([])).toEqual([])
  })

  it("filters by one or several tiers", () => {
    expect(
      Ranking.filterTier(ranked, "collector")
        .map((r) => r.contactId)
        .sort(),
    ).toEqual(["c-colin", "c-fiona"])
    expect(Ranking.filterTier(ranked, ["dormant", "collector"])).toHaveLength(4)
  })

  it("lists who is due this week, who is drifting and who is new", () => {
    const d = Ranking.digest(ranked, NOW)
    expect(d.due.map((r) => r.contactId)).toEqual(["c-sam"])
    expect(d.drifting.map((r) => r.contactId).sort()).toEqual(["c-olga", "c-wendy"])
    expect(d.new.map((r) => r.contactId).sort()).toEqual(["c-ned", "c-nina", "c-una"])
    // Three weeks ahead, Andy (due in 20 days) is due too.
    expect(Ranking.digest(ranked, NOW, { withinDays: 21 }).due.map((r) => r.contactId)).toContain("c-andy")
  })

  it("caps the list at fifteen people, taking from each list in turn", () => {
    const contacts = Array.from({ length: 40 }, (_, i) =>
      contact(`n-${String(i).padStart(2, "0")}`, `Newbie ${i}`, {
        connectedOn: daysAgo(i % 20).slice(0, 10),
      }),
    )
    const big = Ranking.rank(
      { contacts: [...book().contacts, ...contacts], interactions: book().interactions },
      { now: NOW, cadence: { "c-olga": 14 } },
    )
    const d = Ranking.digest(big, NOW)
    expect(d.due.length + d.drifting.length + d.new.length).toBe(15)
    expect(d.due).toHaveLength(1)
    expect(d.drifting).toHaveLength(2)
    expect(d.new).toHaveLength(12)
    expect(d.new.map((r) => r.rank)).toEqual([...d.new.map((r) => r.rank)].sort((a, b) => a - b))
    const four = Ranking.digest(big, NOW, { limit: 4 })
    expect([four.due.length, four.drifting.length, four.new.length]).toEqual([1, 2, 1])
  })
})
