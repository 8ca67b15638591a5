import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { run } from "@blackbook/cli"
import { BookJson } from "@blackbook/resolve"
import { Result } from "effect"
import { zipSync } from "fflate"
import { beforeAll, describe, expect, it } from "vitest"

const root = path.resolve(import.meta.dirname, "..")
let dir = ""

const vcf = [
  "BEGIN:VCARD",
  "VERSION:3.0",
  "FN:Robert Quill",
  "N:Quill;Robert;;;",
  "EMAIL;TYPE=INTERNET:robert.quill@example.org",
  "TEL;TYPE=CELL:+44 7700 900123",
  "END:VCARD",
  "BEGIN:VCARD",
  "VERSION:3.0",
  "FN:Mina Okafor",
  "N:Okafor;Mina;;;",
  "EMAIL:mina@example.net",
  "END:VCARD",
  "",
].join("\r\n")

const csv = [
  "First Name,Last Name,E-mail Address,Mobile Phone,Company",
  "Bob,Quill,robert.quill@example.org,07700 900123,Quill & Co",
  "Tess,Varga,tess.varga@example.com,,Lumen Labs",
  "",
].join("\r\n")

const readBook = (file: string) => {
  return Result.getOrThrow(BookJson.fromJson(fs.readFileSync(file, "utf8")))
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bb-cli-"))
  fs.writeFileSync(path.join(dir, "phone.vcf"), vcf)
  fs.writeFileSync(path.join(dir, "outlook.csv"), csv)
  fs.writeFileSync(path.join(dir, "notes.txt"), "just some text, not contacts\n")
  fs.writeFileSync(
    path.join(dir, "export.zip"),
    zipSync({ "inner/phone.vcf": new TextEncoder().encode(vcf) }),
  )
  fs.writeFileSync(
    path.join(dir, "evil.zip"),
    zipSync({ "../../outside.vcf": new TextEncoder().encode(vcf) }),
  )
  fs.writeFileSync(
    path.join(dir, "bomb.zip"),
    zipSync({ "big.csv": new Uint8Array(40 * 1024 ** 2) }, { level: 9 }),
  )
  fs.writeFileSync(
    path.join(dir, "crm.csv"),
    "Account;Contact First;Contact Last;Work Mail;Cell\r\nQuill & Co;Robert;Quill;robert.quill@example.org;+44 7700 900123\r\nHalden;Ines;Moreau;ines@example.fr;\r\n",
  )
  fs.writeFileSync(
    path.join(dir, "mapping.json"),
    JSON.stringify({
      given: "Contact First",
      family: "Contact Last",
      email: "Work Mail",
      phone: "Cell",
      company: "Account",
    }),
  )
})

describe("blackbook merge", () => {
  it("merges a vCard and an Outlook CSV into one book, exit 0", async () => {
    const out = path.join(dir, "book.json")
    const code = await run([
      "merge",
      path.join(dir, "phone.vcf"),
      path.join(dir, "outlook.csv"),
      "--out",
      out,
      "--region",
      "GB",
      "-q",
    ])
    expect(code).toBe(0)
    const book = readBook(out)
    const names = book.contacts.map((c) => c.displayName).sort()
    expect(names).toHaveLength(3)
    const robert = book.contacts.find((c) => c.sources.length === 2)
    expect(robert?.sources.map((s) => s.record).sort()).toEqual(["card:1", "row:1"])
    expect(robert?.phones.map((p) => p.value)).toEqual(["+447700900123"])
    expect(robert?.match[0]?.reason.length).toBeGreaterThan(10)
  })

  it("reads a zip and names files inside it by entry path", async () => {
    const out = path.join(dir, "zip.json")
    const code = await run(["merge", path.join(dir, "export.zip"), "--out", out, "-q"])
    expect(code).toBe(0)
    const book = readBook(out)
    expect(book.contacts[0]?.sources[0]?.file).toBe(path.join(dir, "export.zip", "inner/phone.vcf"))
  })

  it("writes vCard 4.0 and Outlook CSV", async () => {
    const vcfOut = path.join(dir, "book.vcf")
    expect(await run(["merge", path.join(dir, "phone.vcf"), "--out", vcfOut, "-q"])).toBe(0)
    const text = fs.readFileSync(vcfOut, "utf8")
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(2)
    expect(text).toContain("VERSION:4.0")
    const csvOut = path.join(dir, "book.out")
    expect(
      await run(["merge", path.join(dir, "outlook.csv"), "--format", "csv", "--out", csvOut, "-q"]),
    ).toBe(0)
    expect(fs.readFileSync(csvOut, "utf8")).toContain("Tess")
  })

  it("exits 1 when an input cannot be read, and still writes the others", async () => {
    const out = path.join(dir, "partial.json")
    const code = await run([
      "merge",
      path.join(dir, "phone.vcf"),
      path.join(dir, "notes.txt"),
      "--out",
      out,
      "-q",
    ])
    expect(code).toBe(1)
    const book = readBook(out)
    expect(book.contacts).toHaveLength(2)
    expect(book.errors.some((e) => e.file.endsWith("notes.txt"))).toBe(true)
  })

  it("rejects a record over --max-record-bytes with its line, and a file over --max-file-bytes", async () => {
    const out = path.join(dir, "limited.json")
    // Robert's card (7 lines) is over 100 characters, Mina's (6 lines) is not
    const code = await run([
      "merge",
      path.join(dir, "phone.vcf"),
      "--max-record-bytes",
      "100",
      "--out",
      out,
      "-q",
    ])
    expect(code).toBe(0)
    const book = readBook(out)
    expect(book.contacts.map((c) => c.name.formatted)).toEqual(["Mina Okafor"])
    expect(book.errors).toEqual([
      expect.objectContaining({
        record: "card:1",
        line: 1,
        reason: expect.stringContaining("maxRecordBytes"),
      }),
    ])
    const tooBig = await run([
      "merge",
      path.join(dir, "phone.vcf"),
      "--max-file-bytes",
      "100",
      "--out",
      out,
      "-q",
    ])
    expect(tooBig).toBe(3)
    expect(await run(["merge", path.join(dir, "phone.vcf"), "--max-record-bytes", "0", "-q"])).toBe(2)
  })

  it("exits 3 and writes nothing for a file whose content no adapter recognises", async () => {
    const out = path.join(dir, "x.json")
    const code = await run(["merge", path.join(dir, "notes.txt"), "--out", out, "-q"])
    expect(code).toBe(3)
    expect(fs.existsSync(out)).toBe(false)
  })

  it("reads any CRM export through a column mapping file", async () => {
    const out = path.join(dir, "crm.json")
    const code = await run([
      "merge",
      path.join(dir, "crm.csv"),
      path.join(dir, "phone.vcf"),
      "--mapping",
      path.join(dir, "mapping.json"),
      "--out",
      out,
      "-q",
    ])
    expect(code).toBe(0)
    const book = readBook(out)
    const robert = book.contacts.find((c) => c.sources.length === 2)
    expect(robert?.sources.map((s) => s.source).sort()).toEqual(["csv", "vcard"])
    expect(robert?.organizations.map((o) => o.company)).toEqual(["Quill & Co"])
    expect(book.contacts.map((c) => c.displayName).sort()).toEqual([
      "Ines Moreau",
      "Mina Okafor",
      "Robert Quill",
    ])
  })

  it("refuses hostile zips with a clear error, writes nothing outside the output, exit 1", async () => {
    const out = path.join(dir, "hostile.json")
    const code = await run([
      "merge",
      path.join(dir, "evil.zip"),
      path.join(dir, "bomb.zip"),
      path.join(dir, "phone.vcf"),
      "--out",
      out,
      "-q",
    ])
    expect(code).toBe(1)
    expect(fs.existsSync(path.join(dir, "..", "outside.vcf"))).toBe(false)
    const book = readBook(out)
    expect(book.errors.map((e) => [path.basename(e.file), e.record])).toEqual([
      ["evil.zip", "*"],
      ["bomb.zip", "*"],
    ])
    expect(book.errors[0]?.reason).toContain("outside the archive")
    expect(book.errors[1]?.reason).toContain("zip bomb")
    expect(book.contacts).toHaveLength(2)
  })

  it("exits 2 on usage errors", async () => {
    expect(await run(["merge"])).toBe(2)
    expect(await run(["merge", path.join(dir, "phone.vcf"), "--now", "yesterday-ish"])).toBe(2)
    expect(await run(["merge", path.join(dir, "phone.vcf"), "--format", "xml"])).toBe(2)
    expect(await run(["frobnicate"])).toBe(2)
  })

  it("exits 2 with one line on stderr for an unknown --region, and takes a known one in any case", async () => {
    const bad = spawnSync(
      "pnpm",
      ["--silent", "blackbook", "merge", path.join(dir, "phone.vcf"), "--region", "ZZ"],
      {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, BLACKBOOK_NO_RESTART: "1" },
      },
    )
    expect(bad.status).toBe(2)
    const lines = bad.stderr.split("\n").filter((l) => l.startsWith("blackbook:"))
    expect(lines).toEqual([
      'blackbook: --region: "ZZ" is not a known ISO 3166 country code (e.g. GB, US, DE)',
    ])
    expect(await run(["top", path.join(dir, "phone.vcf"), "--region", "Narnia"])).toBe(2)
    const out = path.join(dir, "region.json")
    expect(await run(["merge", path.join(dir, "phone.vcf"), "--region", "gb", "--quiet", "--out", out])).toBe(
      0,
    )
  })

  it("runs as a real process through pnpm's script (help and a merge to stdout)", () => {
    const help = spawnSync("pnpm", ["--silent", "blackbook", "merge", "--help"], {
      cwd: root,
      encoding: "utf8",
    })
    expect(help.status).toBe(0)
    expect(help.stdout).toContain("--region")
    const merged = spawnSync("pnpm", ["--silent", "blackbook", "merge", path.join(dir, "outlook.csv")], {
      cwd: root,
      encoding: "utf8",
    })
    expect(merged.status).toBe(0)
    expect(readBookText(merged.stdout).contacts).toHaveLength(2)
    expect(merged.stderr).toContain("contacts formed: 2")
  })
})

const readBookText = (text: string) => Result.getOrThrow(BookJson.fromJson(text))
