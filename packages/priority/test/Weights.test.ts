import { describe, expect, it } from "vitest"
import { Ranking, Weights } from "../src/index.ts"
import { contact, daysAgo, interaction, NOW } from "./fixture.ts"

describe("Weights", () => {
  it("overrides only what is given", () => {
    const w = Weights.make({ kinds: { mention: { incoming: 20 } }, connection: 0 })
    expect(w.kinds.mention).toEqual({ ...Weights.defaults.kinds.mention, incoming: 20 })
    expect(w.kinds.meeting).toEqual(Weights.defaults.kinds.meeting)
    expect(w.connection).toBe(0)
    expect(w.reciprocityBonus).toBe(Weights.defaults.reciprocityBonus)
    expect(Weights.of(w, "mention", "incoming")).toBe(20)
  })

  it("rejects negative or non-finite weights", () => {
    expect(() => Weights.make({ kinds: { dm: { outgoing: -1 } } })).toThrow(RangeError)
    expect(() => Weights.make({ reciprocityBonus: Number.NaN })).toThrow(RangeError)
  })

  it("changes the ranking when the caller re-weighs kinds", () => {
    const contacts = [contact("m", "Meeting Person"), contact("t", "Tweeting Person")]
    const interactions = new Map([
      ["m", [interaction("meeting", daysAgo(5))]],
      ["t", [interaction("mention", daysAgo(5), "incoming")]],
    ])
    const order = (weights?: Weights.WeightsOverride) =>
      Ranking.rank({ contacts, interactions }, { now: NOW, ...(weights ? { weights } : {}) }).map(
        (r) => r.contactId,
      )
    expect(order()).toEqual(["m", "t"])
    expect(order({ kinds: { mention: { incoming: 50 } } })).toEqual(["t", "m"])
  })
})
