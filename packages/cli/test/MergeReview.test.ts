import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { BookJson } from "@blackbook/resolve"
import { Result } from "effect"
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

  it("rejects a malformed constraints file with a usage error", async () => {
    const bad = path.join(outDir, "bad.json")
    fs.writeFileSync(bad, JSON.stringify({ never: [["only-one"]] }))
    const code = await run(["merge", dir, "--constraints", bad, "-q"])
    expect(code).not.toBe(0)
  })
})
