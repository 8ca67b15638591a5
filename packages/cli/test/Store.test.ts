import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { afterEach, describe, expect, it, vi } from "vitest"
import { run } from "../src/index.ts"

const examples = path.resolve(import.meta.dirname, "../../../examples/merge-exports/sample-exports")

/** Runs the CLI and returns its exit code and what it printed on stdout. */
const cli = async (argv: ReadonlyArray<string>) => {
  let out = ""
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8")
    return true
  })
  try {
    const code = await run(argv)
    return { code, out }
  } finally {
    spy.mockRestore()
  }
}

afterEach(() => vi.restoreAllMocks())

describe("blackbook import / export / changes / review", () => {
  it("imports, re-imports with nothing changed, exports stable ids with interactions, and lists changes", async () => {
    const db = fs.mkdtempSync(path.join(os.tmpdir(), "bb-cli-store-"))
    const now = "2026-11-01T09:00:00Z"
    const first = await cli(["import", examples, "--db", db, "--now", now, "--json"])
    expect(first.code).toBe(0)
    const created = JSON.parse(first.out) as { counts: { new: number }; contacts: { created: string[] } }
    expect(created.counts.new).toBeGreaterThan(50)
    const again = await cli(["import", examples, "--db", db, "--now", now, "--json"])
    const second = JSON.parse(again.out) as {
      counts: { new: number; changed: number }
      contacts: unknown
      events: unknown[]
    }
    expect(second.counts.new).toBe(0)
    expect(second.counts.changed).toBe(0)
    expect(second.contacts).toEqual({ created: [], merged: [], split: [], updated: [] })
    expect(second.events).toEqual([])

    const out = path.join(db, "book.json")
    expect((await cli(["export", "--db", db, "--now", now, "--out", out])).code).toBe(0)
    const book = JSON.parse(fs.readFileSync(out, "utf8")) as {
      contacts: Array<{ id: string; interactions: { count: number; list: unknown[] } }>
    }
    expect(book.contacts.map((c) => c.id).sort()).toEqual([...created.contacts.created].sort())
    for (const c of book.contacts) expect(c.interactions.list.length).toBe(c.interactions.count)

    const changes = await cli(["changes", "--db", db, "--since", "2026-01-01", "--json"])
    expect((JSON.parse(changes.out) as unknown[]).length).toBe(2)

    const review = await cli(["review", "--db", db, "--json"])
    const pairs = JSON.parse(review.out) as Array<{ n: number; names: [string, string] }>
    expect(pairs.length).toBeGreaterThan(0)
    // the example's "Bob H" card and Robert Hughes: the same phone, held apart by the nickname
    const bob = pairs.find((p) => p.names.includes("Bob H") && p.names.includes("Robert Hughes"))!
    expect(bob).toBeDefined()
    const accepted = await cli(["review", "--db", db, "--accept", String(bob.n), "--json"])
    expect(
      (JSON.parse(accepted.out) as { changes: { contacts: { merged: unknown[] } } }).changes.contacts.merged
        .length,
    ).toBe(1)
    expect((await cli(["undo", "1", "--db", db])).code).toBe(0)
    expect((await cli(["link", "nobody", "nothing", "--db", db])).code).toBe(2)
  }, 300_000)
})

describe("blackbook diff", () => {
  const connections = (rows: ReadonlyArray<string>) =>
    ["First Name,Last Name,URL,Email Address,Company,Position,Connected On", ...rows, ""].join("\n")
  const row = (first: string, last: string, company: string) =>
    `${first},${last},https://www.linkedin.com/in/${first}-${last}`.toLowerCase() +
    `,,${company},Engineer,02 Mar 2025`

  it("compares two LinkedIn exports without a store", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bb-cli-diff-"))
    for (const [name, rows] of [
      ["old", [row("Corin", "Thistlemoor", "Acme Inc"), row("Dara", "Ravensmere", "Lumen Labs")]],
      [
        "new",
        [
          row("Corin", "Thistlemoor", "Acme"),
          row("Dara", "Ravensmere", "Quillworks"),
          row("Ines", "Oakhollow", "Tallow"),
        ],
      ],
    ] as const) {
      fs.mkdirSync(path.join(dir, name))
      fs.writeFileSync(path.join(dir, name, "Connections.csv"), connections(rows))
    }
    const { code, out } = await cli([
      "diff",
      path.join(dir, "old"),
      path.join(dir, "new"),
      "--now",
      "2026-11-01",
    ])
    expect(code).toBe(0)
    const changes = JSON.parse(out) as { events: Array<{ kind: string; to: { company: string } | null }> }
    expect(changes.events.map((e) => e.kind).sort()).toEqual(["moved", "new-connection"])
    expect(changes.events.find((e) => e.kind === "moved")?.to?.company).toBe("Quillworks")
  }, 120_000)
})
