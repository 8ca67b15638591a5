import { describe, expect, it } from "vitest"
import { Cadence as CadenceModule } from "../src/index.ts"
import { Cadence, daysAgo, invalid, NOW } from "./fixture.ts"

const at = (...days: Array<number>) => days.map((d) => Date.parse(daysAgo(d)))

describe("Cadence", () => {
  it("learns the median gap between the days in touch", () => {
    expect(Cadence.cadence("a", at(70, 49, 28, 7))).toEqual({
      days: 21,
      source: "learned",
      medianGapDays: 21,
    })
    // Gaps 10, 30, 20: median 20; the odd long silence does not set the rhythm.
    expect(Cadence.cadence("a", at(100, 90, 60, 40))?.days).toBe(20)
    expect(Cadence.medianGap(at(40, 30, 10, 0))).toBe(10)
  })

  it("counts a day with many interactions once", () => {
    const thread = at(14.1, 14.2, 14.3, 7.1, 7.2, 0.1)
    expect(Cadence.occasions(thread)).toHaveLength(3)
    expect(Cadence.medianGap(thread)).toBe(7)
  })

  it("needs three days in touch before it learns anything", () => {
    expect(Cadence.cadence("a", at(30, 2))).toBeUndefined()
    expect(Cadence.cadence("a", [])).toBeUndefined()
  })

  it("clamps a learned cadence to sane bounds", () => {
    expect(Cadence.cadence("a", at(3, 2, 1, 0))).toEqual({ days: 7, source: "learned", medianGapDays: 1 })
    expect(Cadence.cadence("a", at(2000, 1000, 0))?.days).toBe(365)
    expect(Cadence.cadence("a", at(3, 2, 1, 0), undefined, { minDays: 2 })?.days).toBe(2)
  })

  it("follows the recent rhythm", () => {
    // Daily-ish long ago (gaps of 7), monthly lately (gaps of 30).
    const history = [...at(400, 393, 386, 379, 372, 365, 358), ...at(180, 150, 120, 90, 60, 30, 0)]
    expect(Cadence.cadence("a", history, undefined, { recentGaps: 4 })?.days).toBe(30)
  })

  it("lets the user override per contact (Map or object)", () => {
    const history = at(21, 14, 7, 0)
    expect(Cadence.cadence("a", history, new Map([["a", 30]]))).toEqual({ days: 30, source: "override" })
    expect(Cadence.cadence("a", history, { a: 3 })).toEqual({ days: 3, source: "override" })
    expect(Cadence.cadence("b", history, { a: 3 })?.source).toBe("learned")
    expect(Cadence.cadence("a", [], { a: 60 })).toEqual({ days: 60, source: "override" })
    expect(invalid(CadenceModule.cadence("a", history, { a: -1 })).option).toBe("cadence for a")
    // An inherited property is not an override.
    expect(Cadence.cadence("toString", history, {})?.source).toBe("learned")
  })

  it("is due at the last interaction plus the cadence, or now when never in touch", () => {
    expect(Cadence.due(daysAgo(10), 30, NOW)).toBe(daysAgo(-20))
    expect(Cadence.due(Date.parse(daysAgo(10)), 7, NOW)).toBe(daysAgo(3))
    expect(Cadence.due(undefined, 30, NOW)).toBe(NOW)
  })
})
