import { describe, expect, it } from "vitest"
import * as Follow from "../src/Follow.ts"

describe("Follow", () => {
  it.each<[Follow.Follow, ReadonlyArray<string>]>([
    ["following", ["twitter:following"]],
    ["follower", ["twitter:follower"]],
    ["mutual", ["twitter:following", "twitter:follower"]],
  ])("%s is written as %j and read back", (follow, categories) => {
    expect(Follow.toCategories("twitter", follow)).toEqual(categories)
    expect(Follow.fromCategories(["vip", ...categories, "twitter:dm"], "twitter")).toBe(follow)
  })

  it("reads no follow from other categories or another service", () => {
    expect(Follow.fromCategories(["twitter:mentioned", "mastodon:following"], "twitter")).toBeUndefined()
  })

  it("combines the two directions into mutual", () => {
    expect(Follow.combine("following", "follower")).toBe("mutual")
    expect(Follow.combine("follower", "follower")).toBe("follower")
    expect(Follow.combine(undefined, "following")).toBe("following")
    expect(Follow.combine("mutual", undefined)).toBe("mutual")
    expect(Follow.combine(undefined, undefined)).toBeUndefined()
  })
})
