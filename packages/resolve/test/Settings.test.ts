import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as Settings from "../src/Settings.ts"

/** The default settings as JSON, with one comparison's levels edited. */
const withLevels = (field: string, edit: (levels: Array<Record<string, unknown>>) => void): unknown => {
  const json = JSON.parse(JSON.stringify(Settings.toJson(Settings.defaults)))
  const comparison = json.comparisons.find((c: { field: string }) => c.field === field)
  edit(comparison.levels)
  return json
}

const failure = (input: unknown): string => {
  const r = Settings.fromJson(input)
  if (Result.isSuccess(r)) throw new Error("expected the settings to fail to decode")
  return String(r.failure)
}

describe("Settings.fromJson", () => {
  it("round-trips the defaults through JSON", () => {
    const text = JSON.stringify(Settings.toJson(Settings.defaults))
    const back = Settings.fromJson(JSON.parse(text))
    expect(Result.isSuccess(back)).toBe(true)
    if (Result.isSuccess(back)) {
      expect(back.success).toEqual(Settings.defaults)
      expect(JSON.stringify(Settings.toJson(back.success))).toBe(text)
    }
  })

  it("fails on a level whose kind its field does not take, naming the level's path", () => {
    const given = Settings.defaults.comparisons.findIndex((c) => c.field === "given")
    // `tail` is a phone condition: on a given name it would mean nothing.
    const message = failure(
      withLevels("given", (levels) => {
        levels[2]!.when = { kind: "tail" }
      }),
    )
    expect(message).toContain(`["comparisons"][${given}]["levels"][2]["when"]`)
    expect(message).toContain("given name condition")
  })

  it.each([
    ["phone", { kind: "nickname" }],
    ["birthday", { kind: "jaroWinkler", threshold: 0.9 }],
    ["email", { kind: "street" }],
    ["twitterId", { kind: "overlap" }],
    ["address", { kind: "apart", threshold: 15 }],
  ])("fails on a %s level of kind %j", (field, when) => {
    const index = Settings.defaults.comparisons.findIndex((c) => c.field === field)
    const message = failure(
      withLevels(field, (levels) => {
        levels[1]!.when = when
      }),
    )
    expect(message).toContain(`["comparisons"][${index}]["levels"][1]["when"]`)
  })

  it("takes every kind its field takes, in any level", () => {
    const input = withLevels("email", (levels) => {
      levels[1]!.when = { kind: "similarUsername", threshold: 0.9 }
    })
    expect(Result.isSuccess(Settings.fromJson(input))).toBe(true)
  })

  it.each([
    ["clustering", "ambiguityBits", -1],
    ["clustering", "maxPairBits", 0],
    ["priorEstimate", "rounds", 1.5],
    ["training", "seed", "x"],
    ["shared", "givenSimilarity", 2],
    ["explain", "notableBits", -1],
  ])("fails on %s.%s = %j, naming its path", (group, key, value) => {
    const json = JSON.parse(JSON.stringify(Settings.toJson(Settings.defaults)))
    json[group][key] = value
    expect(failure(json)).toContain(`["${group}"]["${key}"]`)
  })

  it("holds the engine's constants with today's values", () => {
    expect(Settings.defaults.clustering).toEqual({ ambiguityBits: 3, maxPairBits: 30 })
    expect(Settings.defaults.priorEstimate).toEqual({ rounds: 8, priorRecords: 100, maxDuplicates: 10 })
    expect(Settings.defaults.training).toEqual({ rounds: 2, seed: 20_240_601 })
  })

  it("fails on an unknown field", () => {
    const json = JSON.parse(JSON.stringify(Settings.toJson(Settings.defaults)))
    json.comparisons[0].field = "shoeSize"
    expect(failure(json)).toContain(`["comparisons"][0]`)
  })
})
