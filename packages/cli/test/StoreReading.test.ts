/**
 * The commands that read a store's book: `report --db` (with who moved jobs and the new
 * connections) and `top`, `drifting`, `digest`, `find` with `--db`.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest"
import { connections, linkedinExport } from "../../store/test/fixtures.ts"
import { run } from "../src/index.ts"

/** Runs the CLI and returns its exit code and what it printed on stdout and stderr. */
const cli = async (argv: ReadonlyArray<string>) => {
  let out = ""
  let err = ""
  const capture = (into: (s: string) => void) => (chunk: string | Uint8Array) => {
    into(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"))
    return true
  }
  const o = vi.spyOn(process.stdout, "write").mockImplementation(capture((s) => (out += s)))
  const e = vi.spyOn(process.stderr, "write").mockImplementation(capture((s) => (err += s)))
  try {
    return { code: await run(argv), out, err }
  } finally {
    o.mockRestore()
    e.mockRestore()
  }
}

afterEach(() => vi.restoreAllMocks())

const section = (html: string, id: string) => {
  const start = html.indexOf(`<section id="${id}">`)
  return start < 0 ? "" : html.slice(start, html.indexOf("</section>", start))
}
const names = (html: string) => [...html.matchAll(/data-node="\d+">([^<]+)</g)].map((m) => m[1]!)

describe("reading a store with two LinkedIn exports", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bb-cli-storeread-"))
  const db = path.join(dir, "db")
  const before = connections(20)
  const moves = [3, 5, 8]
  const added = connections(2, 40)
  const after = [
    ...before.map((c, i) =>
      moves.includes(i) ? { ...c, company: `Elsewhere ${i} GmbH`, title: "Lead" } : c,
    ),
    ...added,
  ]
  const name = (c: { first: string; last: string }) => `${c.first} ${c.last}`

  beforeAll(async () => {
    const one = linkedinExport(path.join(dir, "one"), before)
    const two = linkedinExport(path.join(dir, "two"), after)
    expect((await cli(["import", one, "--db", db, "--now", "2026-09-01T09:00:00Z"])).code).toBe(0)
    expect((await cli(["import", two, "--db", db, "--now", "2026-11-01T09:00:00Z"])).code).toBe(0)
  }, 120_000)

  it("report --db lists exactly the people who moved, and the new connections", async () => {
    const out = path.join(dir, "report.html")
    const r = await cli(["report", "--db", db, "--out", out, "--now", "2026-11-25"])
    expect(r.code).toBe(0)
    const html = fs.readFileSync(out, "utf8")
    expect(names(section(html, "moved")).sort()).toEqual(moves.map((i) => name(before[i]!)).sort())
    expect(section(html, "moved")).toContain("Engineer at Company D3 Ltd</td><td>Lead at Elsewhere 3 GmbH")
    expect(names(section(html, "new-connections")).sort()).toEqual(added.map(name).sort())
    expect(html).not.toContain('<section id="later">')
    expect(r.err).toContain(`${before.length + added.length} people`)
  })

  it("report --db leaves out imports older than 90 days", async () => {
    const out = path.join(dir, "later.html")
    expect((await cli(["report", "--db", db, "--out", out, "--now", "2027-03-01"])).code).toBe(0)
    const html = fs.readFileSync(out, "utf8")
    expect(section(html, "moved")).toContain("Nobody moved jobs.")
    expect(names(section(html, "new-connections"))).toEqual([])
  })

  it("top, drifting, digest and find rank the store's book", async () => {
    const top = await cli(["top", "100", "--db", db, "--now", "2026-11-25", "--json"])
    expect(top.code).toBe(0)
    const ranked = JSON.parse(top.out) as Array<{ displayName: string; rank: number }>
    expect(ranked.map((r) => r.displayName).sort()).toEqual(after.map(name).sort())
    expect((await cli(["drifting", "--db", db, "--now", "2026-11-25", "--json"])).code).toBe(0)
    expect((await cli(["digest", "--db", db, "--now", "2026-11-25", "--json"])).code).toBe(0)
    const found = await cli(["find", name(before[3]!), "--db", db, "--json"])
    expect(found.code).toBe(0)
    const hits = JSON.parse(found.out) as Array<{ displayName: string; companies: string[] }>
    expect(hits[0]?.displayName).toBe(name(before[3]!))
    expect(hits[0]?.companies).toEqual(["Elsewhere 3 GmbH"])
  })

  it("with no paths, --db or --book, reads the store $BLACKBOOK_DB names", async () => {
    vi.stubEnv("BLACKBOOK_DB", db)
    try {
      const top = await cli(["top", "2", "--now", "2026-11-25", "--json"])
      expect(top.code).toBe(0)
      expect((JSON.parse(top.out) as unknown[]).length).toBe(2)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it("paths and --db together, or a store that does not exist, are usage errors", async () => {
    const out = path.join(dir, "no.html")
    expect((await cli(["report", path.join(dir, "one"), "--db", db, "--out", out])).code).toBe(2)
    expect((await cli(["top", path.join(dir, "one"), "--db", db])).code).toBe(2)
    const missing = await cli(["find", "avery", "--db", path.join(dir, "nowhere")])
    expect(missing.code).toBe(2)
    expect(missing.err).toContain("no store at")
    expect(fs.existsSync(path.join(dir, "nowhere"))).toBe(false)
    expect(fs.existsSync(out)).toBe(false)
  })
})
