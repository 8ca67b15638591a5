import * as fs from "node:fs"
import type { Interaction, Source, SourceRecord } from "@blackbook/model"
import { counterpartProblems, readAll, textInput } from "@blackbook/model/testing"
import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { TwitterSource } from "../src/index.ts"
import { bundle, replaced, without } from "./fixtures.ts"

const read = (files: ReadonlyArray<Source.InputFile>) =>
  readAll(TwitterSource, TwitterSource.claim({ origin: "t", files }))

const account = (records: ReadonlyArray<SourceRecord.SourceRecord>, id: string) => {
  const hits = records.filter((r) => r.provenance.record === `account:${id}`)
  expect(hits).toHaveLength(1)
  return hits[0]!
}

const extra = (record: SourceRecord.SourceRecord, name: string) =>
  record.extra.filter((e) => e.name === name).map((e) => e.value)

const tally = (interactions: ReadonlyArray<Interaction.Interaction>) => {
  const out: Record<string, number> = {}
  for (const i of interactions) {
    const k = `${i.kind}/${i.direction}`
    out[k] = (out[k] ?? 0) + 1
  }
  return out
}

const withCounterpart = (interactions: ReadonlyArray<Interaction.Interaction>, id: string) =>
  interactions.filter((i) => i.counterpart.record === `account:${id}`)

describe("claim", () => {
  it("claims every data/*.js file of a 2020 archive and nothing outside data/", () => {
    const claimed = TwitterSource.claim(bundle("twitter-2020")).map((f) => f.path)
    expect(claimed).toEqual([
      "twitter-2020.zip/data/account.js",
      "twitter-2020.zip/data/contact.js",
      "twitter-2020.zip/data/direct-messages.js",
      "twitter-2020.zip/data/follower.js",
      "twitter-2020.zip/data/following.js",
      "twitter-2020.zip/data/like.js",
      "twitter-2020.zip/data/profile.js",
      "twitter-2020.zip/data/tweet.js",
    ])
  })

  it("finds a 2023 archive in a subfolder, manifest included, README and HTML left out", () => {
    const claimed = TwitterSource.claim(bundle("twitter-2023")).map((f) =>
      f.path.split("/").slice(1).join("/"),
    )
    expect(claimed).toHaveLength(15)
    expect(claimed).toContain("twitter-2023-04-12-5f1c0d9e2a/data/manifest.js")
    expect(claimed).toContain("twitter-2023-04-12-5f1c0d9e2a/data/tweets-part1.js")
    expect(
      claimed.every((p) => p.startsWith("twitter-2023-04-12-5f1c0d9e2a/data/") && p.endsWith(".js")),
    ).toBe(true)
  })

  it("claims a broken data file beside readable ones, and nothing from unrelated bundles", () => {
    const files = replaced(
      bundle("twitter-2020").files,
      "data/follower.js",
      "window.YTD.follower.part0 = [ {",
    )
    expect(TwitterSource.claim({ origin: "x", files }).map((f) => f.path)).toContain(
      "twitter-2020.zip/data/follower.js",
    )
    const unrelated = [
      textInput("site/data/app.js", "console.log('hello')"),
      textInput("site/data/account.js", "export const account = {}"),
      textInput("contacts.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Nobody\nEND:VCARD"),
    ]
    expect(TwitterSource.claim({ origin: "site", files: unrelated })).toEqual([])
  })

  it("claims a lone data file by its window.YTD content", () => {
    const files = [
      textInput("Downloads/follower.js", 'window.YTD.follower.part0 = [ {"follower": {"accountId": "42"}} ]'),
    ]
    expect(TwitterSource.claim({ origin: "Downloads", files })).toHaveLength(1)
  })
})

describe("2020 archive (tweet.js, one-line `[ {`, no manifest)", () => {
  const result = read(bundle("twitter-2020").files)

  it("reads me from account.js and profile.js", async () => {
    const { self, issues } = await result
    expect(issues).toEqual([])
    expect(self).toHaveLength(1)
    const me = self[0]!
    expect(me.provenance).toEqual({
      source: "twitter",
      file: "twitter-2020.zip/data/account.js",
      record: "account:2911784402",
    })
    expect(me.name.formatted).toBe("Marlo Quince")
    expect(me.handles).toEqual([{ service: "twitter", handle: "marloquince", id: "2911784402" }])
    expect(me.emails.map((e) => e.value)).toEqual(["marlo.quince@example.org"])
    expect(me.urls.map((u) => u.value)).toContain("https://t.co/AbCdEf1234")
    expect(me.notes).toEqual(["Letterpress, lino cuts and long walks. Views my own."])
    expect(me.photo).toMatch(/^https:\/\/pbs\.twimg\.com\/profile_images\//)
    expect(extra(me, "profile.location")).toEqual(["Leeds, UK"])
    expect(extra(me, "account.createdVia")).toEqual(["web"])
  })

  it("emits one record per counterpart account, merged across follows, tweets and DMs", async () => {
    const { records } = await result
    expect(records.map((r) => r.provenance.record).sort()).toEqual(
      [
        "account:61532209",
        "account:408812345",
        "account:1097345678901234567",
        "account:2544100771",
        "account:887766554",
        "account:15123456",
        "account:1800000042",
      ].sort(),
    )
    const bex = account(records, "61532209")
    expect(bex.provenance.file).toBe("twitter-2020.zip/data/following.js")
    expect(bex.handles).toEqual([{ service: "twitter", handle: "bexley_r", id: "61532209" }])
    expect(bex.name).toEqual({ given: "Bexley", family: "Rourke", formatted: "Bexley Rourke" })
    expect(bex.categories).toEqual([
      "twitter:following",
      "twitter:follower",
      "twitter:mentioned",
      "twitter:dm",
    ])
  })

  it("gives a handle without a name to an account seen only as a reply target", async () => {
    const dan = account((await result).records, "408812345")
    expect(dan.handles).toEqual([{ service: "twitter", handle: "dovetail_dan", id: "408812345" }])
    expect(dan.name).toEqual({})
    expect(dan.categories).toEqual(["twitter:following", "twitter:replied-to"])
  })

  it("keeps the newest display name and the older one in extra", async () => {
    const ines = account((await result).records, "2544100771")
    expect(ines.name.formatted).toBe("Inès Van Hoek")
    expect(extra(ines, "twitter.previousName")).toEqual(["Ines VH"])
  })

  it("reads a display name as a person would: title to the organisation, emoji and honorifics parsed", async () => {
    const files = bundle("twitter-2020").files
    const tweets = fs.readFileSync(new URL("golden/twitter-2020/data/tweet.js", import.meta.url), "utf8")
    const decorated = tweets
      .replace('"Bexley Rourke"', '"Dr. Bexley Rourke PhD | HR Director 🚀"')
      .replace('"Inès Van Hoek"', '"✨ coffee & code ✨"')
    const { records } = await read(replaced(files, "data/tweet.js", decorated))
    const bex = account(records, "61532209")
    expect(bex.name).toEqual({
      prefix: "Dr.",
      given: "Bexley",
      family: "Rourke",
      suffix: "PhD",
      formatted: "Dr. Bexley Rourke PhD",
    })
    expect(bex.organizations).toEqual([{ title: "HR Director" }])
    expect(extra(bex, "twitter.displayName")).toEqual(["Dr. Bexley Rourke PhD | HR Director 🚀"])
    const ines = account(records, "2544100771")
    expect(ines.name).toEqual({})
    expect(extra(ines, "twitter.displayName")).toEqual(["✨ coffee & code ✨"])
  })

  it("leaves accounts the archive never names as bare ids", async () => {
    const { records } = await result
    for (const id of ["1097345678901234567", "887766554", "1800000042"]) {
      const r = account(records, id)
      expect(r.handles).toEqual([{ service: "twitter", handle: "", id }])
      expect(r.name).toEqual({})
      expect(r.urls).toEqual([{ value: `https://twitter.com/intent/user?user_id=${id}`, types: ["twitter"] }])
      expect(r.extra).toEqual([])
    }
  })

  it("counts a retweet as a mention of its author only", async () => {
    const { records, interactions } = await result
    const pim = account(records, "15123456")
    expect(pim.categories).toEqual(["twitter:retweeted"])
    expect(pim.handles[0]?.handle).toBe("pim_okafor")
    expect(records.some((r) => r.provenance.record === "account:733221100")).toBe(false)
    expect(withCounterpart(interactions, "15123456").map((i) => i.kind)).toEqual(["mention"])
  })

  it("reads mentions, replies and DMs with direction, skipping replies to myself", async () => {
    const { interactions, items } = await result
    expect(tally(interactions)).toEqual({
      "mention/outgoing": 4,
      "reply/outgoing": 1,
      "dm/outgoing": 2,
      "dm/incoming": 2,
    })
    expect(interactions.some((i) => i.provenance.record === "tweet:1225030000000000003")).toBe(false)
    expect(withCounterpart(interactions, "1800000042")).toEqual([
      {
        kind: "dm",
        at: "2020-02-11T16:40:00.000Z",
        direction: "incoming",
        counterpart: {
          source: "twitter",
          file: "twitter-2020.zip/data/direct-messages.js",
          record: "account:1800000042",
        },
        provenance: {
          source: "twitter",
          file: "twitter-2020.zip/data/direct-messages.js",
          record: "message:1227000000000000001",
        },
      },
    ])
    expect(counterpartProblems(items)).toEqual([])
  })

  it("converts Twitter-style created_at with an offset to ISO", async () => {
    const { interactions } = await result
    const old = interactions.find((i) => i.provenance.record === "tweet:1180000000000000004")
    expect(old?.at).toBe("2019-10-04T17:45:12.000Z")
  })
})

describe("2023 archive (manifest, parts, group DMs, JSON5 account.js)", () => {
  const files = bundle("twitter-2023").files
  const result = read(files)
  const ME = "1476012345678901249"

  it("reads me from a formatter-resaved account.js, with my handle history", async () => {
    const { self, issues } = await result
    expect(issues).toEqual([])
    const me = self[0]!
    expect(self).toHaveLength(1)
    expect(me.provenance.file).toMatch(/data\/account\.js$/)
    expect(me.name.formatted).toBe("Tamsin Oakridge")
    expect(me.emails).toEqual([])
    expect(me.handles.map((h) => h.handle)).toEqual(["tamsin_oak", "tamsin_o", "tamsinoakridge"])
    expect(me.handles.every((h) => h.id === ME)).toBe(true)
    expect(extra(me, "account.createdVia")).toEqual(["oauth:129032"])
    expect(extra(me, "screenNameChange")).toHaveLength(2)
  })

  it("merges every relationship of an account into one record", async () => {
    const { records } = await result
    const accounts = records.filter((r) => r.provenance.record.startsWith("account:"))
    expect(accounts).toHaveLength(9)
    expect(records.some((r) => r.provenance.record === `account:${ME}`)).toBe(false)
    const seun = account(records, "1283746501928374650")
    expect(seun.name.formatted).toBe("Oluwaseun Adé")
    expect(seun.categories).toEqual([
      "twitter:following",
      "twitter:follower",
      "twitter:mentioned",
      "twitter:dm",
      "twitter:group-dm",
    ])
  })

  it("keeps x.com userLinks verbatim beside the canonical intent URL", async () => {
    const bare = account((await result).records, "1402200000000000003")
    expect(bare.handles).toEqual([{ service: "twitter", handle: "", id: "1402200000000000003" }])
    expect(bare.urls.map((u) => u.value)).toEqual([
      "https://twitter.com/intent/user?user_id=1402200000000000003",
    ])
    expect(extra(bare, "twitter.userLink")).toEqual(["https://x.com/intent/user?user_id=1402200000000000003"])
  })

  it("reads tweets-part1.js and takes the newest handle across parts", async () => {
    const { records, interactions } = await result
    const ravi = account(records, "44556677")
    expect(ravi.handles).toEqual([{ service: "twitter", handle: "ravi_menon_", id: "44556677" }])
    expect(ravi.name.formatted).toBe("Ravi Menon")
    expect(extra(ravi, "twitter.previousHandle")).toEqual(["ravimenon"])
    const fromPart1 = interactions.filter((i) => i.provenance.file.endsWith("data/tweets-part1.js"))
    expect(fromPart1.map((i) => i.provenance.record)).toEqual([
      "tweet:1640000000000000005",
      "tweet:1641000000000000006",
    ])
    expect(fromPart1[0]?.at).toBe("2023-03-26T21:20:00.000Z")
  })

  it("counts a reply once, not also as a mention", async () => {
    const kes = withCounterpart((await result).interactions, "1350011122233344455")
    expect(kes.map((i) => `${i.kind}/${i.direction}`)).toEqual(["reply/outgoing"])
  })

  it("reads one-to-one DMs once even though direct-message-headers.js repeats them", async () => {
    const { interactions } = await result
    const dms = interactions.filter(
      (i) => i.kind === "dm" && i.provenance.file.endsWith("direct-messages.js"),
    )
    expect(dms).toHaveLength(4)
    expect(interactions.filter((i) => i.provenance.file.endsWith("direct-message-headers.js"))).toEqual([])
    expect(tally(withCounterpart(dms, "1283746501928374650"))).toEqual({ "dm/outgoing": 2, "dm/incoming": 1 })
  })

  it("replays group membership: my message goes to those present at that moment", async () => {
    const { interactions } = await result
    const group = interactions.filter((i) => i.provenance.file.endsWith("direct-messages-group.js"))
    expect(tally(group)).toEqual({ "dm/incoming": 3, "dm/outgoing": 9 })
    const to = (message: string) =>
      group
        .filter((i) => i.provenance.record === `message:${message}` && i.direction === "outgoing")
        .map((i) => i.counterpart.record.slice("account:".length))
        .sort()
    // joined via snapshot: G5, Seun, G7
    expect(to("1633000000000000104")).toEqual([
      "1283746501928374650",
      "1550000000000000005",
      "1550000000000000007",
    ])
    // G7 left, G6 joined
    expect(to("1633000000000000108")).toEqual([
      "1283746501928374650",
      "1550000000000000005",
      "1550000000000000006",
    ])
    // a conversation I started: G5 was there from the start (spoke, never joined); 003 joined later
    expect(to("1644000000000000101")).toEqual(["1550000000000000005"])
    expect(to("1644000000000000104")).toEqual(["1402200000000000003", "1550000000000000005"])
  })

  it("emits uploaded contacts that have an e-mail or phone", async () => {
    const contacts = (await result).records.filter((r) => r.provenance.record.startsWith("contact:"))
    expect(contacts.map((c) => c.provenance.record)).toEqual(["contact:1", "contact:2"])
    expect(contacts[0]?.emails.map((e) => e.value)).toEqual(["juno.farrow@example.net"])
    expect(contacts[0]?.phones.map((e) => e.value)).toEqual(["+44 7700 900123"])
    expect(extra(contacts[0]!, "contact.id")).toEqual(["7001"])
    expect(contacts[1]?.phones.map((e) => e.value)).toEqual(["+15065550142"])
  })

  it("tallies all interactions and emits records before them", async () => {
    const { interactions, items } = await result
    expect(tally(interactions)).toEqual({
      "mention/outgoing": 4,
      "reply/outgoing": 1,
      "dm/outgoing": 11,
      "dm/incoming": 5,
    })
    expect(counterpartProblems(items)).toEqual([])
  })
})

describe("discovery", () => {
  const files = bundle("twitter-2023").files
  const summary = async (input: ReadonlyArray<Source.InputFile>) => {
    const { records, interactions, self, issues } = await read(input)
    return { records: records.length, interactions: tally(interactions), self: self.length, issues }
  }

  it("reads the same archive without manifest.js, finding parts by name and content", async () => {
    expect(await summary(without(files, "data/manifest.js"))).toEqual(await summary(files))
  })

  it("reports a part the manifest lists but the archive lacks, and reads the rest", async () => {
    const { issues, interactions } = await read(without(files, "data/tweets-part1.js"))
    expect(issues).toEqual([
      {
        file: "twitter-2023.zip/twitter-2023-04-12-5f1c0d9e2a/data/manifest.js",
        record: "dataType:tweets",
        reason: "manifest.js lists data/tweets-part1.js (YTD.tweets.part1) but the archive has no such file",
      },
    ])
    expect(tally(interactions)["mention/outgoing"]).toBe(2)
  })

  it("types a file without its window.YTD prefix through the manifest listing", async () => {
    const part1 = files.find((f) => f.path.endsWith("data/tweets-part1.js"))!
    const bare = new TextDecoder().decode(part1.bytes).replace(/^window\.YTD\.tweets\.part1 = /, "")
    const manifest = files.find((f) => f.path.endsWith("data/manifest.js"))!
    const renamed = new TextDecoder()
      .decode(manifest.bytes)
      .replace("data/tweets-part1.js", "data/tweets-more.js")
    const input = [
      ...replaced(without(files, "data/tweets-part1.js"), "data/manifest.js", renamed),
      textInput(part1.path.replace("tweets-part1.js", "tweets-more.js"), bare),
    ]
    const { interactions, issues } = await read(input)
    expect(issues).toEqual([])
    expect(interactions.filter((i) => i.provenance.file.endsWith("tweets-more.js"))).toHaveLength(2)
  })

  it("reads two archives of one bundle separately", async () => {
    const { self, records } = await read([...bundle("twitter-2020").files, ...files])
    expect(self.map((s) => s.handles[0]?.handle).sort()).toEqual(["marloquince", "tamsin_oak"])
    expect(records).toHaveLength(7 + 9 + 2)
  })
})

describe("damaged archives", () => {
  const files = bundle("twitter-2023").files

  it("turns an unparseable file into an Issue with its line and reads the rest", async () => {
    const broken =
      'window.YTD.follower.part0 = [\n  {\n    "follower" : {\n      "accountId" : "1350011122233344455",\n'
    const { issues, self, records, interactions } = await read(replaced(files, "data/follower.js", broken))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({
      file: "twitter-2023.zip/twitter-2023-04-12-5f1c0d9e2a/data/follower.js",
      record: "file",
      line: 4,
    })
    expect(issues[0]?.reason).toMatch(/cannot be parsed/)
    expect(self).toHaveLength(1)
    expect(account(records, "1350011122233344455").categories).toEqual(["twitter:replied-to"])
    expect(interactions.length).toBeGreaterThan(20)
  })

  it("falls back to the manifest's userInfo when account.js is unreadable", async () => {
    const { issues, self, interactions } = await read(
      replaced(files, "data/account.js", "window.YTD.account.part0 = [ {"),
    )
    expect(issues.map((i) => i.file)).toEqual([
      "twitter-2023.zip/twitter-2023-04-12-5f1c0d9e2a/data/account.js",
    ])
    expect(self[0]?.provenance.file).toMatch(/data\/manifest\.js$/)
    expect(self[0]?.handles[0]).toEqual({
      service: "twitter",
      handle: "tamsin_oak",
      id: "1476012345678901249",
    })
    expect(self[0]?.name.formatted).toBe("Tamsin Oakridge")
    expect(interactions.filter((i) => i.kind === "dm")).toHaveLength(16)
  })

  it("reads no DM direction without the owner's id, and says so", async () => {
    const { issues, self, interactions } = await read(
      without(bundle("twitter-2020").files, "data/account.js"),
    )
    expect(self).toEqual([])
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ file: "twitter-2020.zip/data/direct-messages.js", record: "file" })
    expect(issues[0]?.reason).toMatch(/owner's account id is unknown/)
    expect(interactions.filter((i) => i.kind === "dm")).toEqual([])
    expect(interactions.filter((i) => i.kind === "mention")).toHaveLength(4)
  })

  it("reports bad entries, bad dates and mentions without an id, keeping the good ones", async () => {
    const tweets = `window.YTD.tweets.part0 = [
  { "tweet" : { "id_str" : "11", "created_at" : "Tue Feb 30 10:00:00 +0000 2023", "full_text" : "@a hi",
      "entities" : { "user_mentions" : [ { "screen_name" : "a", "name" : "A", "id_str" : "501" } ] } } },
  { "tweet" : { "id_str" : "12", "created_at" : "Tue Jan 31 18:06:26 +0000 2023", "full_text" : "@gone @b hi",
      "entities" : { "user_mentions" : [ { "screen_name" : "gone", "name" : "Gone", "id_str" : "-1" },
                                          { "screen_name" : "b", "name" : "B", "id_str" : "502" } ] } } },
  "not a tweet"
]`
    const follows =
      'window.YTD.following.part0 = [ { "following" : { "userLink" : "https://twitter.com/x" } } ];'
    const { issues, records, interactions } = await read([
      textInput(
        "a/data/account.js",
        'window.YTD.account.part0 = [ { "account" : { "accountId" : "9", "username" : "me" } } ]',
      ),
      textInput("a/data/tweets.js", tweets),
      textInput("a/data/following.js", follows),
    ])
    expect(issues.map((i) => [i.file, i.record])).toEqual([
      ["a/data/following.js", "entry:1"],
      ["a/data/tweets.js", "tweet:11"],
      ["a/data/tweets.js", "tweet:12"],
      ["a/data/tweets.js", "entry:3"],
    ])
    expect(issues[1]?.reason).toMatch(/Feb 30/)
    expect(issues[2]?.reason).toMatch(/@gone/)
    expect(records.map((r) => r.handles[0]?.handle)).toEqual(["b"])
    expect(interactions).toHaveLength(1)
  })

  it("reads a data file re-saved with a UTF-8 byte order mark", async () => {
    const text = 'window.YTD.account.part0 = [ { "account" : { "accountId" : "9", "username" : "me" } } ]'
    const bom = {
      path: "b/data/account.js",
      bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
    }
    expect(TwitterSource.claim({ origin: "b", files: [bom] })).toEqual([bom])
    const { self, issues } = await readAll(TwitterSource, [bom])
    expect(issues).toEqual([])
    expect(self[0]?.handles).toEqual([{ service: "twitter", handle: "me", id: "9" }])
  })

  it("fails with UnknownFormat when given no archive file at all", async () => {
    const error = await Effect.runPromise(
      Effect.flip(
        Stream.runCollect(
          TwitterSource.read([textInput("notes/data/app.js", "console.log(1)")], { now: new Date() }),
        ),
      ),
    )
    expect(error.reason._tag).toBe("UnknownFormat")
    expect(error.reason.path).toBe("notes/data/app.js")
  })
})

describe("the record limit", () => {
  it("sets aside an item over maxRecordBytes with its line and reads the others", async () => {
    const follower = (id: string, pad = "") =>
      `{\n  "follower" : {\n    "accountId" : "${id}",\n    "userLink" : "https://twitter.com/intent/user?user_id=${id}${pad}"\n  }\n}`
    const text = `window.YTD.follower.part0 = [ ${follower("41")}, ${follower("42", "0".repeat(2_000))}, ${follower("43")} ]`
    const files = [textInput("Downloads/follower.js", text)]
    const { records, issues } = await readAll(
      TwitterSource,
      TwitterSource.claim({ origin: "Downloads", files }),
      {
        maxRecordBytes: 1_000,
      },
    )
    expect(records.map((r) => r.provenance.record).sort()).toEqual(["account:41", "account:43"])
    expect(issues.map((i) => [i.record, i.line, i.reason.slice(0, 40)])).toEqual([
      ["item:2", 6, "item of 2110 characters is over the reco"],
    ])
  })
})
