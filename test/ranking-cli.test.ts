import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { run } from "@blackbook/cli"
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest"

const root = path.resolve(import.meta.dirname, "..")
const samples = path.join(root, "examples", "merge-exports", "sample-exports")
const common = ["--now", "2026-11-25T12:00:00Z", "--me", "alex.morgan@example.com", "--region", "GB"]
let dir = ""
let book = ""

/** Runs the CLI in-process and returns its exit code and what it printed on stdout. */
const capture = async (argv: ReadonlyArray<string>) => {
  let out = ""
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk)
    return true
  })
  try {
    const code = await run(argv)
    return { code, out }
  } finally {
    spy.mockRestore()
  }
}

interface RankedJson {
  readonly contactId: string
  readonly displayName: string
  readonly rank: number
  readonly tier: string
  readonly why: string
  readonly score: number
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bb-rank-"))
  book = path.join(dir, "book.json")
  expect(await run(["merge", samples, ...common, "--out", book, "-q"])).toBe(0)
})

afterEach(() => vi.restoreAllMocks())

describe("ranking commands", () => {
  it("merge's JSON carries score, rank, tier, due and why on every contact", () => {
    const json = JSON.parse(fs.readFileSync(book, "utf8")) as {
      contacts: ReadonlyArray<Record<string, unknown>>
    }
    for (const c of json.contacts) {
      expect(typeof c.score).toBe("number")
      expect(typeof c.rank).toBe("number")
      expect(typeof c.tier).toBe("string")
      expect(typeof c.why).toBe("string")
      expect(typeof c.decaysToOneOn).toBe("string")
    }
    const ranks = json.contacts.map((c) => c.rank as number).sort((a, b) => a - b)
    expect(ranks).toEqual(ranks.map((_, i) => i + 1))
  })

  it("top N lists the highest scores first, from exports and from the saved book alike", async () => {
    const fresh = await capture(["top", "5", samples, ...common, "--json"])
    expect(fresh.code).toBe(0)
    const list = JSON.parse(fresh.out) as ReadonlyArray<RankedJson>
    expect(list).toHaveLength(5)
    expect(list[0]?.displayName).toBe("Robert Hughes")
    expect(list.map((r) => r.score)).toEqual([...list.map((r) => r.score)].sort((a, b) => b - a))
    const saved = await capture(["top", "5", "--book", book, "--json"])
    expect((JSON.parse(saved.out) as ReadonlyArray<RankedJson>).map((r) => r.contactId)).toEqual(
      list.map((r) => r.contactId),
    )
  })

  it("a saved book still sorts by decaysToOneOn at a later --now", async () => {
    const later = await capture(["top", "5", "--book", book, "--now", "2027-03-01", "--json"])
    const list = JSON.parse(later.out) as ReadonlyArray<RankedJson>
    const first = await capture(["top", "5", "--book", book, "--json"])
    const before = JSON.parse(first.out) as ReadonlyArray<RankedJson>
    expect(list.map((r) => r.contactId)).toEqual(before.map((r) => r.contactId))
    expect(list[0]!.score).toBeLessThan(before[0]!.score)
  })

  it("top without N shows the top 10% as a table with reasons", async () => {
    const { code, out } = await capture(["top", "--book", book])
    expect(code).toBe(0)
    const lines = out.trim().split("\n")
    const json = JSON.parse(fs.readFileSync(book, "utf8")) as { contacts: ReadonlyArray<unknown> }
    expect(lines).toHaveLength(1 + Math.ceil(json.contacts.length * 0.1))
    expect(lines[0]).toMatch(/^#\s+name\s+score\s+tier/)
  })

  it("drifting lists only drifting people, digest the fifteen-minute list", async () => {
    const drifting = JSON.parse(
      (await capture(["drifting", "--book", book, "--json"])).out,
    ) as ReadonlyArray<RankedJson>
    expect(drifting.length).toBeGreaterThan(0)
    expect(new Set(drifting.map((r) => r.tier))).toEqual(new Set(["drifting"]))
    const digest = JSON.parse((await capture(["digest", "--book", book, "--json"])).out) as Record<
      string,
      ReadonlyArray<RankedJson>
    >
    expect(Object.keys(digest).sort()).toEqual(["drifting", "due", "new"])
    const total = digest.due!.length + digest.drifting!.length + digest.new!.length
    expect(total).toBeGreaterThan(0)
    expect(total).toBeLessThanOrEqual(15)
  })

  it("find resolves nicknames, diacritics and companies", async () => {
    const bob = JSON.parse(
      (await capture(["find", "bob northwind", "--book", book, "--json"])).out,
    ) as ReadonlyArray<{
      displayName: string
    }>
    expect(bob[0]?.displayName).toBe("Robert Hughes")
    const jurgen = JSON.parse(
      (await capture(["find", "jurgen", "--book", book, "--json"])).out,
    ) as ReadonlyArray<{
      displayName: string
    }>
    expect(jurgen[0]?.displayName).toBe("Jürgen Groß")
  })

  it("merge --tier limits a vCard export to that tier", async () => {
    const out = path.join(dir, "inner.vcf")
    expect(await run(["merge", samples, ...common, "--tier", "inner-circle", "--out", out, "-q"])).toBe(0)
    const json = JSON.parse(fs.readFileSync(book, "utf8")) as { contacts: ReadonlyArray<{ tier: string }> }
    const inner = json.contacts.filter((c) => c.tier === "inner-circle").length
    expect(inner).toBeGreaterThan(0)
    expect(fs.readFileSync(out, "utf8").match(/BEGIN:VCARD/g)).toHaveLength(inner)
  })

  it("refuses a book without a ranking and a mix of --book and paths", async () => {
    const plain = path.join(dir, "plain.json")
    const json = JSON.parse(fs.readFileSync(book, "utf8")) as { contacts: Array<Record<string, unknown>> }
    for (const c of json.contacts) delete c.score
    fs.writeFileSync(plain, JSON.stringify(json))
    // nothing to rank: exit 3 (docs/cli.md)
    expect((await capture(["top", "--book", plain])).code).toBe(3)
    expect((await capture(["top", "--book", book, samples])).code).toBe(2)
  })
})
