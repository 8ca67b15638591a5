import { Stream } from "effect"
import { describe, expect, it } from "vitest"
import * as Source from "../src/Source.ts"
import * as SourceRecord from "../src/SourceRecord.ts"
import {
  brokenProblems,
  claimProblems,
  conformance,
  counterpartProblems,
  extraProblems,
  foreignProblems,
  foreignSamples,
  issueProblems,
  modelProblems,
  provenanceProblems,
  readAll,
  textInput,
} from "../src/testing/index.ts"

const at = (record: string, file = "people.txt") => ({ source: "fake", file, record })

const ann = SourceRecord.make(at("row:1"), {
  name: { given: "Ann" },
  extra: [{ name: "Shoe Size", value: "38" }],
})
const bob = SourceRecord.make(at("row:2"), { name: { given: "Bob" } })
const me = SourceRecord.make(at("owner"), { name: { given: "Me" } })
const meeting = (counterpart: SourceRecord.Provenance, record = "row:9") =>
  Source.interactionItem({
    kind: "meeting",
    at: "2024-03-01T10:00:00.000Z",
    direction: "mutual",
    counterpart,
    provenance: at(record),
  })

/** An adapter that keeps the contract: claims lines starting "people:", one record a line. */
const good: Source.SourceAdapter = {
  name: "fake",
  kind: "file",
  claim: (bundle) => bundle.files.filter((f) => new TextDecoder().decode(f.bytes).startsWith("people:")),
  read: () =>
    Stream.fromIterable([
      Source.selfItem(me),
      Source.recordItem(ann),
      Source.recordItem(bob),
      meeting(ann.provenance),
      meeting(me.provenance, "row:10"),
      Source.issueItem({ file: "people.txt", record: "row:3", line: 4, reason: "no name" }),
    ]),
}

/** An adapter that breaks every rule: claims everything, repeats a key, names a stranger. */
const bad: Source.SourceAdapter = {
  name: "fake",
  kind: "file",
  claim: (bundle) => bundle.files,
  read: () =>
    Stream.fromIterable([
      Source.recordItem(ann),
      Source.recordItem({ ...bob, provenance: ann.provenance }),
      meeting(at("row:77")),
      Source.issueItem({ file: "people.txt", record: "row:3", reason: "no name" }),
    ]),
}

const context = { sources: ["fake"], files: ["people.txt"], lines: true }
const bundle = { origin: "people.txt", files: [textInput("people.txt", "people:\nAnn\nBob\n")] }
const checks = (problems: ReadonlyArray<{ check: string }>) => problems.map((p) => p.check)

describe("the conformance checks on an adapter that keeps the contract", () => {
  it("find nothing", async () => {
    const { items } = await readAll(good, bundle.files)
    expect(conformance(items, context)).toEqual([])
    expect(claimProblems(good, bundle)).toEqual([])
    expect(foreignProblems(good)).toEqual([])
    expect(brokenProblems(items)).toEqual([])
    expect(extraProblems(items, { name: "Shoe Size", value: "38" })).toEqual([])
  })
})

describe("the conformance checks on an adapter that breaks it", () => {
  it("find duplicate provenance, a dangling counterpart and an issue without a line", async () => {
    const { items } = await readAll(bad, bundle.files)
    const problems = conformance(items, context)
    expect(checks(problems)).toEqual(["provenance", "counterpart", "issue"])
    expect(problems[0]?.detail).toBe("two records have the key fake:people.txt#row:1")
    expect(problems[1]?.detail).toContain("fake:people.txt#row:77")
    expect(problems[2]?.detail).toContain("no 1-based line")
  })

  it("find that it claims every other format's sample", () => {
    expect(foreignProblems(bad).map((p) => p.detail)).toEqual(
      foreignSamples.map((s) => `claims the ${s.format} sample ${s.file.path}`),
    )
  })

  it("accept an issue without a line when the format has none", async () => {
    const { items } = await readAll(bad, bundle.files)
    expect(issueProblems(items, { ...context, lines: false })).toEqual([])
  })

  it("find a missing extra field, and a broken input that yields no issue", () => {
    const items = [Source.recordItem(ann)]
    expect(checks(brokenProblems(items))).toEqual(["broken"])
    expect(checks(brokenProblems([]))).toEqual(["broken", "broken"])
    expect(checks(extraProblems(items, { name: "Shoe Size", value: "39" }))).toEqual(["extra"])
    expect(checks(extraProblems(items, { name: "Hat Size", value: "38" }))).toEqual(["extra"])
  })
})

describe("each check alone", () => {
  it("claim: an adapter that claims by file name loses its files under neutral names", () => {
    const byName: Source.SourceAdapter = {
      ...good,
      claim: (b) => b.files.filter((f) => f.path.endsWith(".txt")),
    }
    expect(claimProblems(byName, bundle).map((p) => p.detail)).toEqual([
      "renamed to neutral names it claims [] instead of [people.txt]",
    ])
    const nothing: Source.SourceAdapter = { ...good, claim: () => [] }
    expect(checks(claimProblems(nothing, bundle))).toEqual(["claim", "claim"])
  })

  it("foreign: a file adapter must claim the sample of a format it reads", () => {
    expect(foreignProblems(good, ["vcard"]).map((p) => p.detail)).toEqual([
      "does not claim the vcard sample, a format it reads",
    ])
  })

  it("provenance: names another source, or a file that was not read", () => {
    const stray = SourceRecord.make({ source: "other", file: "elsewhere.txt", record: "" })
    expect(provenanceProblems([Source.recordItem(stray)], context).map((p) => p.detail)).toEqual([
      'Record other:elsewhere.txt# names source "other"',
      "Record other:elsewhere.txt# names a file it did not read: elsewhere.txt",
      "Record other:elsewhere.txt# has an empty locator",
    ])
  })

  it("counterpart: a counterpart in another file of the same name does not resolve", () => {
    expect(checks(counterpartProblems([Source.recordItem(ann), meeting(at("row:1", "other.txt"))]))).toEqual([
      "counterpart",
    ])
    expect(counterpartProblems([Source.selfItem(me), meeting(me.provenance)])).toEqual([])
  })

  it("issue: a line of 0, an empty locator and reason, a file not read", () => {
    const issue = Source.issueItem({ file: "x.txt", record: "", line: 0, reason: " " })
    expect(issueProblems([issue], context).map((p) => p.detail)).toEqual([
      "issue x.txt# names a file it did not read",
      "issue x.txt# has no locator",
      "issue x.txt# has no 1-based line (0)",
      "issue x.txt# gives no reason",
    ])
  })

  it("model: a record missing its lists is not a SourceRecord", () => {
    const { emails: _, ...half } = ann
    const item = { _tag: "Record", record: half } as unknown as Source.SourceItem
    expect(checks(modelProblems([item, Source.recordItem(ann)]))).toEqual(["model"])
  })
})
