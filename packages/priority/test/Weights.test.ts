import { describe, expect, it } from "vitest"
import { Weights as WeightsModule } from "../src/index.ts"
import type { WeightsOverride } from "../src/Weights.ts"
import { contact, daysAgo, interaction, invalid, NOW, Ranking, Weights } from "./fixture.ts"

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
    const negative = invalid(WeightsModule.make({ kinds: { dm: { outgoing: -1 } } }))
    expect(negative._tag).toBe("InvalidOption")
    expect(negative.option).toBe("weight dm.outgoing")
    expect(negative.message).toBe("weight dm.outgoing must be a number >= 0, got -1")
    expect(invalid(WeightsModule.make({ reciprocityBonus: Number.NaN })).option).toBe(
      "weight reciprocityBonus",
    )
  })

  it("changes the ranking when the caller re-weighs kinds", () => {
    const contacts = [contact("m", "Meeting Person"), contact("t", "Tweeting Person")]
    const interactions = new Map([
      ["m", [interaction("meeting", daysAgo(5))]],
      ["t", [interaction("mention", daysAgo(5), "incoming")]],
    ])
    const order = (weights?: WeightsOverride) =>
      Ranking.rank({ contacts, interactions }, { now: NOW, ...(weights ? { weights } : {}) }).map(
        (r) => r.contactId,
      )
    expect(order()).toEqual(["m", "t"])
    expect(order({ kinds: { mention: { incoming: 50 } } })).toEqual(["t", "m"])
  })
})
