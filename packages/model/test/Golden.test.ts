import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { Stream } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import * as Source from "../src/Source.ts"
import * as SourceRecord from "../src/SourceRecord.ts"
import { goldenCases, goldenOutput, stableJson, textInput, withNow } from "../src/testing/index.ts"

const record = SourceRecord.make(
  { source: "fake", file: "a.txt", record: "row:1" },
  { name: { given: "Ann" } },
)

const adapter = (read: Source.SourceAdapter["read"]): Source.SourceAdapter => ({
  name: "fake",
  kind: "file",
  claim: (bundle) => bundle.files.filter((f) => f.path !== "skip.txt"),
  read,
})

const bundle = { origin: "a", files: [textInput("a.txt", "Ann"), textInput("skip.txt", "")] }

describe("goldenOutput", () => {
  it("holds the claimed paths and every item, undefined fields dropped", async () => {
    const withUndefined = { ...record, photo: undefined } as unknown as SourceRecord.SourceRecord
    const ok = adapter(() => Stream.make(Source.recordItem(withUndefined)))
    expect(await goldenOutput(ok, bundle, withNow())).toEqual({
      claimed: ["a.txt"],
      items: [{ _tag: "Record", record: JSON.parse(JSON.stringify(record)) }],
    })
  })

  it("holds the error that failed the stream, without its class", async () => {
    const reason = new Source.UnknownFormat({ path: "a.txt", detail: "not ours" })
    const failing = adapter(() => Stream.fail(new Source.SourceError({ source: "fake", reason })))
    expect(await goldenOutput(failing, bundle, withNow())).toEqual({
      claimed: ["a.txt"],
      error: { source: "fake", reason: "UnknownFormat", path: "a.txt", detail: "not ours" },
    })
  })
})

describe("stableJson", () => {
  it("sorts keys at every depth, so equal values give equal text", () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(stableJson({ a: [{ c: 3, d: 2 }], b: 1 }))
    expect(stableJson({ b: 1, a: 2 })).toBe('{\n  "a": 2,\n  "b": 1\n}\n')
  })
})

describe("goldenCases", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golden-"))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it("finds file and folder cases, named relative to the golden folder", () => {
    fs.writeFileSync(path.join(dir, "one.vcf"), "x")
    fs.writeFileSync(path.join(dir, "one.expected.json"), "{}")
    fs.writeFileSync(path.join(dir, "README.md"), "")
    fs.mkdirSync(path.join(dir, "two", "data"), { recursive: true })
    fs.writeFileSync(path.join(dir, "two", "data", "x.js"), "y")
    const cases = goldenCases(dir)
    expect(cases.map((c) => [c.name, c.bundle.origin, c.bundle.files.map((f) => f.path)])).toEqual([
      ["one", "one.vcf", ["one.vcf"]],
      ["two", "two", ["two/data/x.js"]],
    ])
    expect(cases[0]?.expectedPath).toBe(path.join(dir, "one.expected.json"))
  })
})
