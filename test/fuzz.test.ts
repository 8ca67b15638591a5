/**
 * The fuzzer in CI: its parts are checked on inputs whose answer is known (a cut, an adapter that
 * throws, one that drops a record without a word), then a short seeded pass runs every adapter
 * and must find nothing. The long pass is `pnpm fuzz` (docs/reliability.md).
 */
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { Source, SourceRecord } from "@blackbook/model"
import { Stream } from "effect"
import { describe, expect, it } from "vitest"
import type { FuzzCase } from "../bench/src/fuzz/Case.ts"
import { wholeRecords } from "../bench/src/fuzz/Cut.ts"
import { mutate } from "../bench/src/fuzz/Mutate.ts"
import { judge } from "../bench/src/fuzz/Oracle.ts"
import type { Tally } from "../bench/src/fuzz/Runner.ts"
import { Random } from "../bench/src/Random.ts"

const root = path.resolve(import.meta.dirname, "..")
const bytes = (s: string) => new TextEncoder().encode(s)
const text = (b: Uint8Array | undefined) => (b === undefined ? undefined : new TextDecoder().decode(b))

const vcf = [
  "BEGIN:VCARD",
  "FN:Orla Penrose",
  "EMAIL:orla@example.org",
  "END:VCARD",
  "BEGIN:VCARD",
  "FN:Tamsin Ekwueme",
  "EMAIL:tamsin@example.org",
  "END:VCARD",
  "",
].join("\r\n")

describe("the mutator", () => {
  it("makes the same input from the same seed, and another from another seed", () => {
    const make = (key: string) => {
      const rng = new Random(key)
      return Array.from({ length: 20 }, () =>
        text(mutate(rng, bytes(vcf), bytes(vcf), ["END:VCARD"], 65_536).bytes),
      )
    }
    expect(make("1")).toEqual(make("1"))
    expect(make("1")).not.toEqual(make("2"))
  })

  it("keeps inputs under the size limit", () => {
    const rng = new Random("size")
    for (let i = 0; i < 200; i++)
      expect(mutate(rng, bytes(vcf), bytes(vcf), [], 4096).bytes.length).toBeLessThanOrEqual(4096)
  })
})

describe("whole records before a cut", () => {
  it("vCard: the cards whose END line is kept", () => {
    const cut = bytes(vcf.slice(0, vcf.indexOf("EMAIL:tamsin")))
    expect(text(wholeRecords("vcard", "a.vcf", cut))).toBe(vcf.slice(0, vcf.indexOf("BEGIN:VCARD", 10)))
  })

  it("CSV: the rows whose newline lies outside quotes", () => {
    const csv = 'First Name,Notes\r\nAda,"one\r\ntwo"\r\nBo,"three'
    expect(text(wholeRecords("contacts-csv", "a.csv", bytes(csv)))).toBe(
      'First Name,Notes\r\nAda,"one\r\ntwo"\r\n',
    )
  })

  it("Twitter: the whole elements of the array, closed", () => {
    const js = 'window.YTD.following.part0 = [ {"a" : "}"}, {"b" : 1}, {"c'
    expect(text(wholeRecords("twitter", "data/following.js", bytes(js)))).toBe(
      'window.YTD.following.part0 = [ {"a" : "}"}, {"b" : 1}\n]',
    )
  })

  it("calendars: the whole events, closed", () => {
    const ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:2"
    expect(text(wholeRecords("ics", "a.ics", bytes(ics)))).toBe(
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
  })
})

/**
 * A toy adapter: one record per `name,email` line. `drop` reads nothing from a file that does not
 * end in a newline (a cut file), as a whole-file parse error would; `drop-and-report` says so.
 */
const lineAdapter = (behaviour: "fine" | "throw" | "drop" | "drop-and-report"): Source.SourceAdapter => ({
  name: "lines",
  kind: "file",
  claim: (bundle) => bundle.files,
  read: (files) =>
    Stream.suspend(() => {
      if (behaviour === "throw") throw new Error("boom")
      const file = files[0]!
      const content = new TextDecoder().decode(file.bytes)
      const cut = !content.endsWith("\n")
      const lines = cut && behaviour !== "fine" ? [] : content.split("\n").filter((l) => l.includes(","))
      const items: Source.SourceItem[] = lines.map((l, i) =>
        Source.recordItem(
          SourceRecord.make(
            { source: "lines", file: file.path, record: `row:${i + 1}` },
            { emails: [{ value: l.split(",")[1]!, types: [] }] },
          ),
        ),
      )
      if (cut && behaviour === "drop-and-report")
        items.push(Source.issueItem({ file: file.path, record: "row:?", reason: "the file is cut" }))
      return Stream.fromIterable(items)
    }),
})

const cutCase = (content: string, whole: string): FuzzCase => ({
  index: 0,
  seed: "test",
  file: "a.txt",
  mutation: { bytes: bytes(content), ops: ["cut"], cut: content.length },
  input: { _tag: "Bundle", bundle: { origin: "a.txt", files: [{ path: "a.txt", bytes: bytes(content) }] } },
  wholeBefore: { origin: "a.txt", files: [{ path: "a.txt", bytes: bytes(whole) }] },
  size: content.length,
})

describe("the oracles", () => {
  const cut = cutCase(
    "Ada,ada@example.org\nBo,bo@example.org\nCy,cy@exa",
    "Ada,ada@example.org\nBo,bo@example.org\n",
  )

  it("find an adapter that throws", async () => {
    expect((await judge(lineAdapter("throw"), cut)).kind).toBe("crash")
  })

  it("find a record before the cut lost without a word", async () => {
    const verdict = await judge(lineAdapter("drop"), cut)
    expect(verdict.kind).toBe("silent-loss")
    expect(verdict.detail).toContain("bo@example.org")
  })

  it("accept a loss that is reported, and an adapter that reads every whole record", async () => {
    expect(await judge(lineAdapter("drop-and-report"), cut)).toMatchObject({ kind: "ok", reportedLoss: true })
    expect(await judge(lineAdapter("fine"), cut)).toMatchObject({ kind: "ok", reportedLoss: false })
  })
})

describe("a short fuzz pass", () => {
  it("reads 300 mutated inputs per adapter with no crash, hang, blow-up or silent loss", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blackbook-fuzz-"))
    const json = path.join(dir, "fuzz.json")
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--conditions=@blackbook/source", "bench/fuzz.ts"].concat([
        "--count",
        "300",
        "--seed",
        "1",
        "--max-bytes",
        "65536",
        "--jobs",
        "2",
        "--json",
        json,
      ]),
      { cwd: root, encoding: "utf8", timeout: 110_000 },
    )
    expect(run.error).toBeUndefined()
    const { tallies } = JSON.parse(fs.readFileSync(json, "utf8")) as { tallies: ReadonlyArray<Tally> }
    expect(tallies.map((t) => t.adapter)).toEqual(["vcard", "contacts-csv", "ics", "linkedin", "twitter"])
    for (const t of tallies) {
      expect(t.inputs, t.adapter).toBe(300)
      expect(t.findings, `${t.adapter}: ${run.stdout}`).toEqual([])
    }
    expect(run.status).toBe(0)
  })
})
