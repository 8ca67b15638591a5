import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { Merge } from "blackbook"
import { Effect } from "effect"
import { beforeAll, describe, expect, it } from "vitest"

const root = path.resolve(import.meta.dirname, "..")
const samples = path.join(root, "examples", "merge-exports", "sample-exports")

interface Truth {
  readonly people: ReadonlyArray<{
    readonly id: string
    readonly name: string
    readonly self?: boolean
    readonly records: ReadonlyArray<{
      readonly file: string
      readonly record: string
      readonly skippable?: string
    }>
  }>
}

const truth = JSON.parse(fs.readFileSync(path.join(samples, "truth.json"), "utf8")) as Truth
const personOf = new Map<string, string>()
for (const p of truth.people) for (const r of p.records) personOf.set(`${r.file}#${r.record}`, p.id)

let result: Merge.MergeResult

beforeAll(async () => {
  result = await Effect.runPromise(
    Merge.merge([samples], {
      now: new Date("2026-11-25T12:00:00Z"),
      region: "GB",
      me: ["alex.morgan@example.com"],
    }).pipe(Effect.provide(NodeFileSystem.layer)),
  )
})

const keyOf = (file: string, record: string) => `${path.relative(samples, file)}#${record}`

/** Pairwise precision and recall of the book's clusters against truth.json. */
const pairwise = () => {
  let found = 0
  let correct = 0
  for (const c of result.book.contacts) {
    const ids = c.records.map(
      (r) => personOf.get(keyOf(r.provenance.file, r.provenance.record)) ?? `?${r.provenance.record}`,
    )
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        found++
        if (ids[i] === ids[j]) correct++
      }
  }
  const clusterOf = new Map<string, number>()
  result.book.contacts.forEach((c, i) => {
    for (const r of c.records) clusterOf.set(keyOf(r.provenance.file, r.provenance.record), i)
  })
  let truePairs = 0
  let recalled = 0
  for (const p of truth.people.filter((q) => !q.self)) {
    const keys = p.records.filter((r) => !r.skippable).map((r) => `${r.file}#${r.record}`)
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++) {
        truePairs++
        const a = clusterOf.get(keys[i]!)
        if (a !== undefined && a === clusterOf.get(keys[j]!)) recalled++
      }
  }
  return { precision: correct / found, recall: recalled / truePairs }
}

describe("the bundled example", () => {
  it("reads every sample source with no rejected record and no failed input", () => {
    expect(result.failures).toEqual([])
    expect(result.book.errors).toEqual([])
    expect(Object.keys(result.book.stats.recordsBySource).sort()).toEqual([
      "google-csv",
      "ics",
      "linkedin",
      "outlook-csv",
      "twitter",
      "vcard",
    ])
  })

  it("emits every non-skippable truth record", () => {
    const seen = new Set(
      [...result.book.contacts.flatMap((c) => c.records), ...result.book.self].map((r) =>
        keyOf(r.provenance.file, r.provenance.record),
      ),
    )
    const missing = truth.people.flatMap((p) =>
      p.records
        .filter((r) => !r.skippable && !seen.has(`${r.file}#${r.record}`))
        .map((r) => `${p.name}: ${r.file}#${r.record}`),
    )
    expect(missing).toEqual([])
  })

  it("keeps me out of the contacts in every source", () => {
    const me = truth.people.find((p) => p.self)!
    const contactKeys = new Set(
      result.book.contacts.flatMap((c) =>
        c.records.map((r) => keyOf(r.provenance.file, r.provenance.record)),
      ),
    )
    expect(me.records.filter((r) => contactKeys.has(`${r.file}#${r.record}`))).toEqual([])
    expect(
      result.book.contacts.some((c) => c.emails.some((e) => e.value === "alex.morgan@example.com")),
    ).toBe(false)
  })

  it("merges people with perfect precision and high recall", () => {
    const { precision, recall } = pairwise()
    console.info(`[example] pairwise precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`)
    expect(precision).toBe(1)
    expect(recall).toBeGreaterThanOrEqual(0.85)
  })

  it("keeps the namesakes, the couple sharing a landline and the shared info@ apart", () => {
    const named = (n: string) => result.book.contacts.filter((c) => c.displayName.includes(n))
    expect(named("David Miller")).toHaveLength(2)
    expect(named("Whitfield")).toHaveLength(2)
    const info = result.book.contacts.filter((c) => c.emails.some((e) => e.value === "info@larkspur.example"))
    expect(new Set(info.map((c) => c.id)).size).toBe(2)
  })

  it("attaches interactions from LinkedIn, Twitter and the calendar to the merged people", () => {
    const robert = result.book.contacts.find((c) => c.displayName === "Robert Hughes")!
    const kinds = new Set((result.book.interactions.get(robert.id) ?? []).map((i) => i.kind))
    expect(kinds.has("meeting")).toBe(true)
    expect(kinds.has("message")).toBe(true)
    const future = (result.book.interactions.get(robert.id) ?? []).filter(
      (i) => i.at > "2026-11-25T12:00:00Z",
    )
    expect(future).toEqual([])
    expect(result.book.stats.unattachedInteractions).toBe(0)
  })

  it("runs as `pnpm example`, printing the table and writing book.json and book.vcf", () => {
    const out = path.join(root, "examples", "merge-exports", "out")
    fs.rmSync(out, { recursive: true, force: true })
    const run = spawnSync("pnpm", ["--silent", "example"], { cwd: root, encoding: "utf8" })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain("Robert Hughes")
    expect(JSON.parse(fs.readFileSync(path.join(out, "book.json"), "utf8")).contacts.length).toBe(
      result.book.contacts.length,
    )
    expect(fs.readFileSync(path.join(out, "book.vcf"), "utf8")).toContain("BEGIN:VCARD")
  })
})
