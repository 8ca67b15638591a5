import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { RecordIdentity } from "@blackbook/model"
import { BookJson } from "@blackbook/resolve"
import { Merge, NodeFileSystem } from "blackbook"
import { Effect, Result } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { run } from "../src/index.ts"

let dir = ""
/** Outputs and flag files: beside the input folder, not in it (that would be a usage error). */
let outDir = ""

const vcf = [
  "BEGIN:VCARD",
  "VERSION:3.0",
  "FN:Robert Quill",
  "N:Quill;Robert;;;",
  "EMAIL;TYPE=INTERNET:robert.quill@example.org",
  "END:VCARD",
  "BEGIN:VCARD",
  "VERSION:3.0",
  "FN:Tess Varga",
  "N:Varga;Tess;;;",
  "ORG:Lumen Labs",
  "END:VCARD",
  "",
].join("\r\n")

const csv = [
  "First Name,Last Name,E-mail Address,Company",
  "Bob,Quill,robert.quill@example.org,Quill & Co",
  "Tess,Varga,,Northwind",
  "",
].join("\r\n")

const readBook = (file: string) => Result.getOrThrow(BookJson.fromJson(fs.readFileSync(file, "utf8")))

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bb-review-"))
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "bb-review-out-"))
  fs.writeFileSync(path.join(dir, "phone.vcf"), vcf)
  fs.writeFileSync(path.join(dir, "outlook.csv"), csv)
})

describe("blackbook merge --review / --constraints", () => {
  it("writes the possible duplicates, and the book carries them too", async () => {
    const out = path.join(outDir, "book.json")
    const review = path.join(outDir, "review.json")
    const code = await run(["merge", dir, "--out", out, "--review", review, "-q", "--now", "2026-01-01"])
    expect(code).toBe(0)
    const book = readBook(out)
    // Robert and Bob share an address: one contact. The two Tess Vargas at two companies: a question.
    expect(book.contacts.map((c) => c.displayName).sort()).toEqual([
      "Robert Quill",
      "Tess Varga",
      "Tess Varga",
    ])
    const list = JSON.parse(fs.readFileSync(review, "utf8")) as Array<{
      reason: string
      score: number
      people: Array<{ displayName: string; sources: Array<{ source: string }> }>
    }>
    expect(list).toHaveLength(1)
    expect(list[0]!.reason).toMatch(/given name exact; family name exact; different companies/)
    expect(book.possibleDuplicates).toEqual(list)
    const people = (list[0] as { people: Array<{ displayName: string; sources: Array<{ source: string }> }> })
      .people
    expect(people.map((p) => p.displayName)).toEqual(["Tess Varga", "Tess Varga"])
    expect(people.flatMap((p) => p.sources.map((s) => s.source)).sort()).toEqual(["outlook-csv", "vcard"])
  })

  it("honours a never-merge and an always-merge from a constraints file", async () => {
    const out = path.join(outDir, "constrained.json")
    const constraints = path.join(outDir, "constraints.json")
    const vcfFile = path.join(dir, "phone.vcf")
    const csvFile = path.join(dir, "outlook.csv")
    fs.writeFileSync(
      constraints,
      JSON.stringify({
        never: [[`${vcfFile}#card:1`, `${csvFile}#row:1`]],
        always: [[`${vcfFile}#card:2`, `${csvFile}#row:2`]],
      }),
    )
    const code = await run([
      "merge",
      dir,
      "--out",
      out,
      "--constraints",
      constraints,
      "-q",
      "--now",
      "2026-01-01",
    ])
    expect(code).toBe(0)
    const book = readBook(out)
    expect(book.contacts.map((c) => [c.displayName, c.records.length])).toEqual([
      ["Bob Quill", 1],
      ["Robert Quill", 1],
      ["Tess Varga", 2],
    ])
  })

  it("takes decisions by record identity, the same from any path, and rejects one naming no record", async () => {
    const read = await Effect.runPromise(
      Merge.read([dir], { now: new Date("2026-01-01") }).pipe(Effect.provide(NodeFileSystem.layer)),
    )
    const records = read.items.flatMap((i) => (i._tag === "Record" ? [i.record] : []))
    const identities = RecordIdentity.assign(records)
    const identityOf = (file: string, record: string) =>
      identities[
        records.findIndex((r) => r.provenance.file.endsWith(file) && r.provenance.record === record)
      ]!
    const bob = identityOf("outlook.csv", "row:1")
    const robert = identityOf("phone.vcf", "card:1")
    expect(bob).toMatch(/^outlook-csv\|/)
    const constraints = path.join(outDir, "by-identity.json")
    fs.writeFileSync(constraints, JSON.stringify({ never: [[robert, bob]] }))
    // From another working directory, by a relative path: the identities do not change.
    const out = path.join(outDir, "by-identity-book.json")
    const cwd = process.cwd()
    process.chdir(path.dirname(dir))
    try {
      const code = await run([
        "merge",
        path.basename(dir),
        "--out",
        out,
        "--constraints",
        constraints,
        "-q",
        "--now",
        "2026-01-01",
      ])
      expect(code).toBe(0)
    } finally {
      process.chdir(cwd)
    }
    expect(
      readBook(out)
        .contacts.filter((c) => c.displayName.endsWith("Quill"))
        .map((c) => c.records.length),
    ).toEqual([1, 1])
    const unknown = path.join(outDir, "unknown.json")
    fs.writeFileSync(unknown, JSON.stringify({ always: [[bob, "vcard|uid:nobody-has-this"]] }))
    const errors: Array<string> = []
    const write = process.stderr.write.bind(process.stderr)
    process.stderr.write = ((chunk: string | Uint8Array) => {
      errors.push(String(chunk))
      return true
    }) as typeof process.stderr.write
    let code: number
    try {
      code = await run(["merge", dir, "--constraints", unknown, "-q", "--out", path.join(outDir, "x.json")])
    } finally {
      process.stderr.write = write
    }
    expect(code).toBe(2)
    expect(errors.join("")).toContain("vcard|uid:nobody-has-this")
  })

  it("rejects a malformed constraints file with a usage error", async () => {
    const bad = path.join(outDir, "bad.json")
    fs.writeFileSync(bad, JSON.stringify({ never: [["only-one"]] }))
    const code = await run(["merge", dir, "--constraints", bad, "-q"])
    expect(code).not.toBe(0)
  })
})
