import { describe, expect, it } from "vitest"
import { isoMillis, toIso, tweetMillis } from "../src/internal/date.ts"
import { parse, sniff } from "../src/internal/ytd.ts"

describe("sniff", () => {
  it("recognises data files by their global and part, and the manifest", () => {
    expect(sniff("window.YTD.tweets.part1 = [")).toEqual({ kind: "ytd", global: "tweets", part: 1 })
    expect(sniff("\n  window.YTD.direct_messages_group.part0=[ ]")).toEqual({
      kind: "ytd",
      global: "direct_messages_group",
      part: 0,
    })
    expect(sniff('window.__THAR_CONFIG = {\n  "userInfo" : {')).toEqual({ kind: "manifest" })
    expect(sniff("Grailbird.data.tweets_2007_05 = [")).toBeUndefined()
    expect(sniff("var x = window.YTD")).toBeUndefined()
  })
})

describe("parse", () => {
  it("reads Twitter's strict JSON after the prefix, 2020 and 2023 layouts", () => {
    expect(parse('window.YTD.account.part0 = [ {\n  "account" : {\n    "username" : "a"\n  }\n} ]')).toEqual({
      ok: true,
      value: [{ account: { username: "a" } }],
    })
    expect(parse('window.YTD.account.part0 = [\n  {\n    "account" : { }\n  }\n]')).toEqual({
      ok: true,
      value: [{ account: {} }],
    })
  })

  it("reads empty types in both spellings", () => {
    expect(parse("window.YTD.block.part0 = [ ]")).toEqual({ ok: true, value: [] })
    expect(parse("window.YTD.block.part0 = [];")).toEqual({ ok: true, value: [] })
    expect(parse("window.YTD.block.part0 = [];\n\n")).toEqual({ ok: true, value: [] })
  })

  it("falls back to JSON5 for formatter-resaved files", () => {
    const text =
      "window.YTD.account.part0 = [\n  {\n    account: {\n      username: 'a', // me\n      accountId: \"1\",\n    },\n  },\n];"
    expect(parse(text)).toEqual({ ok: true, value: [{ account: { username: "a", accountId: "1" } }] })
  })

  it("reads the manifest's assignment and bare JSON without any prefix", () => {
    expect(parse('window.__THAR_CONFIG = { "dataTypes" : { } }')).toEqual({
      ok: true,
      value: { dataTypes: {} },
    })
    expect(parse('[ { "follower" : { "accountId" : "5" } } ]')).toEqual({
      ok: true,
      value: [{ follower: { accountId: "5" } }],
    })
  })

  it("says why and where a file cannot be read", () => {
    const broken = parse(
      '\n\nwindow.YTD.follower.part0 = [\n  {\n    "follower" : { "accountId" : "5" \n  }\n]',
    )
    expect(broken.ok).toBe(false)
    if (!broken.ok) {
      expect(broken.reason).toMatch(/^cannot be parsed as JSON or JSON5: /)
      expect(broken.line).toBe(7)
    }
    expect(parse("window.YTD.follower.part0 = ")).toEqual({
      ok: false,
      reason: "the file holds no value after its prefix",
    })
  })
})

describe("dates", () => {
  const iso = (s: string) => {
    const ms = tweetMillis(s)
    return ms === undefined ? undefined : toIso(ms)
  }

  it("reads Twitter's created_at with its offset", () => {
    expect(iso("Tue Jan 31 18:06:26 +0000 2023")).toBe("2023-01-31T18:06:26.000Z")
    expect(iso("Sun Mar 26 16:20:00 -0500 2023")).toBe("2023-03-26T21:20:00.000Z")
    expect(iso("Fri Oct 04 19:45:12 +0530 2019")).toBe("2019-10-04T14:15:12.000Z")
    expect(iso("Sat Feb 29 00:00:00 +0000 2020")).toBe("2020-02-29T00:00:00.000Z")
  })

  it("accepts ISO instants and rejects impossible or zone-less dates", () => {
    expect(iso("2023-01-31T18:06:26.123Z")).toBe("2023-01-31T18:06:26.123Z")
    expect(iso("Tue Feb 30 10:00:00 +0000 2023")).toBeUndefined()
    expect(iso("Sat Feb 29 00:00:00 +0000 2023")).toBeUndefined()
    expect(iso("Tue Foo 01 10:00:00 +0000 2023")).toBeUndefined()
    expect(iso("Tue Jan 31 25:00:00 +0000 2023")).toBeUndefined()
    expect(iso("yesterday")).toBeUndefined()
    expect(isoMillis("2023-01-31T18:06:26")).toBeUndefined()
    expect(isoMillis("2023-01-31T18:06:26.870+01:00")).toBe(Date.parse("2023-01-31T17:06:26.870Z"))
  })
})

describe("parse, on a cut download", () => {
  it("keeps the entries before the cut and says where the file was cut", () => {
    const whole = `window.YTD.following.part0 = [ ${[1, 2, 3].map((n) => `{ "following" : { "accountId" : "${n}", "userLink" : "x]}" } }`).join(",\n")} ]`
    const cut = whole.slice(0, whole.indexOf('"3"') + 1)
    const parsed = parse(cut)
    expect(parsed).toEqual({
      ok: true,
      value: [
        { following: { accountId: "1", userLink: "x]}" } },
        { following: { accountId: "2", userLink: "x]}" } },
      ],
      cut: expect.stringContaining("the 2 entries before the cut"),
    })
  })

  it("still fails a file broken inside a closed array", () => {
    expect(parse('window.YTD.following.part0 = [ { "a" : 1 }, { "b" : } ]').ok).toBe(false)
  })
})
