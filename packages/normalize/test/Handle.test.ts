import { describe, expect, it } from "vitest"
import * as Handle from "../src/Handle.ts"

describe("Handle.service", () => {
  it.each([
    ["", ""],
    ["Twitter", "twitter"],
    ["X", "twitter"],
    ["x.com", "twitter"],
    ["IG", "instagram"],
    ["bsky", "bluesky"],
    ["GitHub", "github"],
    ["Matrix", "matrix"],
  ])("%j gives %j", (input, expected) => {
    expect(Handle.service(input)).toBe(expected)
  })
})

describe("Handle.normalize", () => {
  it.each<[string, string, { service: string; handle: string }]>([
    ["twitter", "", { service: "twitter", handle: "" }],
    ["twitter", "@JDoe", { service: "twitter", handle: "jdoe" }],
    ["x", " @JDoe ", { service: "twitter", handle: "jdoe" }],
    ["twitter", "https://x.com/JDoe", { service: "twitter", handle: "jdoe" }],
    ["GitHub", "JaneDoe", { service: "github", handle: "janedoe" }],
    ["github", "https://github.com/JaneDoe/", { service: "github", handle: "janedoe" }],
    ["instagram", "@Jane.Doe", { service: "instagram", handle: "jane.doe" }],
    ["linkedin", "https://www.linkedin.com/in/Jane-Doe", { service: "linkedin", handle: "jane-doe" }],
    ["mastodon", "@Jane@Mastodon.Social", { service: "mastodon", handle: "jane@mastodon.social" }],
    // A service not known to ignore case keeps it.
    ["signal", "Jane.01", { service: "signal", handle: "Jane.01" }],
  ])("%s %j gives %j", (svc, handle, expected) => {
    expect(Handle.normalize(svc, handle)).toEqual(expected)
  })

  it("key joins service and handle", () => {
    expect(Handle.key("X", "@JDoe")).toBe("twitter:jdoe")
  })
})
