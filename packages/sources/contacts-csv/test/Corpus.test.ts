/**
 * Every contacts CSV of the shared corpus (real exports and other projects' test files) through
 * the adapter. Expected values were read from the files themselves (cat -A, iconv, Python's csv
 * module), not from this parser's output.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { Csv, Source, type SourceRecord, Text } from "@blackbook/model"
import { fileInput, sharedRoot } from "@blackbook/model/testing"
import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { ContactsCsv, ContactsCsvSource } from "../src/index.ts"

const root = sharedRoot()
const corpus = (dir: string) => path.join(root ?? "", "corpus", dir)
const now = new Date("2026-01-15T00:00:00Z")

interface Outcome {
  readonly records: ReadonlyArray<SourceRecord.SourceRecord>
  readonly issues: ReadonlyArray<Source.RecordIssue>
  readonly error?: Source.SourceError
}

const outcomes = new Map<string, Outcome>()
const load = async (dir: string, name: string): Promise<Outcome> => {
  const key = `${dir}/${name}`
  const known = outcomes.get(key)
  if (known) return known
  const result = await Effect.runPromise(
    Effect.result(
      Stream.runCollect(ContactsCsvSource.read([fileInput(path.join(corpus(dir), name), name)], { now })),
    ),
  )
  const outcome: Outcome =
    result._tag === "Success"
      ? {
          records: result.success.flatMap((i) => (i._tag === "Record" ? [i.record] : [])),
          issues: result.success.flatMap((i) => (i._tag === "Issue" ? [i.issue] : [])),
        }
      : { records: [], issues: [], error: result.failure }
  outcomes.set(key, outcome)
  return outcome
}

const files = (dir: string) => (root ? fs.readdirSync(corpus(dir)).sort() : [])

describe.skipIf(!root)("shared corpus", () => {
  it("imports every Outlook and Google CSV without a crash: records, or issues with file, line and reason", async () => {
    let rows = 0
    let records = 0
    let issues = 0
    const failed: string[] = []
    const all = [
      ...files("outlook-csv").map((f) => ["outlook-csv", f]),
      ...files("google-csv").map((f) => ["google-csv", f]),
    ]
    for (const [dir, name] of all) {
      const o = await load(dir!, name!)
      const bytes = new Uint8Array(fs.readFileSync(path.join(corpus(dir!), name!)))
      const found = ContactsCsv.detect(bytes)
      if (found) {
        const text = Text.decodeText(bytes).text
        rows += Csv.parseRows(text, found.delimiter).filter((r) => r.line > found.headerLine).length
      }
      records += o.records.length
      issues += o.issues.length
      for (const i of o.issues) {
        expect(i.file).toBe(name)
        expect(i.record).toMatch(/^row:\d+$/)
        expect(i.line).toBeGreaterThan(1)
        expect(i.reason.length).toBeGreaterThan(0)
      }
      if (o.error) {
        expect(o.error).toBeInstanceOf(Source.SourceError)
        failed.push(`${name} (${o.error.reason._tag})`)
      }
    }
    console.log(
      `[contacts-csv corpus] files ${all.length}, data rows ${rows}, records ${records}, issues ${issues}, unreadable ${failed.join(", ") || "none"}`,
    )
    // data rows per file counted with Python's csv module: 20 in outlook-csv and 8 in google-csv
    // are contacts, plus the two street-only horde rows, plus the 4 lines of the header-less
    // Thunderbird file
    expect(all).toHaveLength(19)
    expect(rows).toBe(34)
    expect(records).toBe(32)
    expect(issues).toBe(2)
    expect(failed).toEqual([])
  })

  it("Outlook EN (horde bug 6311): 92 columns, 0/0/00 dates, multi-line notes", async () => {
    const { records, issues } = await load("outlook-csv", "horde__bug_6311.csv")
    expect(issues).toEqual([])
    expect(records).toHaveLength(1)
    const r = records[0]!
    expect(r.provenance).toEqual({ source: "outlook-csv", file: "horde__bug_6311.csv", record: "row:1" })
    expect(r.name).toEqual({ given: "John", family: "Smith" })
    expect(r.organizations).toEqual([{ company: "International Inc" }])
    expect(r.emails).toEqual([{ value: "john@example.com", types: [] }])
    expect(r.phones).toEqual([
      { value: "(123) 555-1111", types: ["work", "fax"] },
      { value: "(123) 555-2222", types: ["work"] },
      { value: "(123) 555-3333", types: ["cell"] },
    ])
    expect(r.notes).toEqual(["PHP\nPerl\nPython"])
    expect(r.categories).toEqual(["Programming"])
    expect(r.birthday).toBeUndefined()
    expect(r.extra).toEqual([
      { name: "E-mail Type", value: "SMTP" },
      { name: "E-mail Display Name", value: "John Smith (john@example.com)" },
      { name: "Initials", value: "J.S." },
    ])
  })

  it("Outlook EN (horde bugs 6370, 6372): a row with only a street is an issue, not a contact", async () => {
    for (const name of ["horde__bug_6370.csv", "horde__bug_6372.csv"]) {
      const { records, issues } = await load("outlook-csv", name)
      expect(records).toEqual([])
      expect(issues).toEqual([
        {
          file: name,
          record: "row:1",
          line: 2,
          reason: "empty contact row: no name, e-mail, phone or company",
        },
      ])
    }
  })

  it("Outlook DE 2007 (tine20): damaged umlaut headers, ragged rows, 0.0.00 and German defaults", async () => {
    const { records, issues } = await load("outlook-csv", "tine20__adb_outlook2007_default_de.csv")
    expect(issues).toEqual([])
    expect(records).toHaveLength(2)
    expect(records[0]!.organizations).toEqual([{ company: "The Firm" }])
    expect(records[0]!.phones).toEqual([{ value: "+4983242332", types: ["work"] }])
    expect(records[0]!.extra).toEqual([])
    const r = records[1]!
    expect(r.name).toEqual({ given: "Vorname", family: "Nachname" })
    expect(r.organizations).toEqual([{ company: "Firma", title: "Pressestelle" }])
    expect(r.emails).toEqual([{ value: "email@example.org", types: [] }])
    expect(r.phones.map((p) => [p.value, p.types.join(" ")])).toEqual([
      ["+4923782112", "work fax"],
      ["tel_work", "work"],
      ["tel_car", "car"],
      ["tel_home", "home"],
      ["tel_cell", "cell"],
      ["tel_cell_private", "cell"],
    ])
    expect(r.categories).toEqual(["Partner"])
    expect(r.extra).toContainEqual({ name: "B\ufffdro", value: "123" })
    expect(r.extra).toContainEqual({ name: "Initialen", value: "H.W." })
  })

  it("Outlook-style with extra columns and short rows (gpcsolutions)", async () => {
    const { records, issues } = await load("outlook-csv", "gpcsolutions__outlook.csv")
    expect(issues).toEqual([])
    expect(records.map((r) => r.name.formatted)).toEqual(["Adam Glacius", "Daniel Ireland", "Duncan Amey"])
    expect(records[0]!.emails.map((e) => e.value)).toEqual([
      "adam.glacius@anycom.com",
      "adam.g@example.com",
      "ag@glacius.com",
    ])
    expect(records[0]!.addresses).toEqual([
      { types: ["home"], formatted: "999 Super Way, Super, CA, 94043" },
      { types: ["work"], formatted: "8999 Corporate Way" },
    ])
    expect(records[1]!.organizations).toEqual([{ title: "Receptionist" }])
    expect(records[1]!.extra).toEqual([
      { name: "Action", value: "delete" },
      { name: "ID", value: "241a444f0b330b22" },
    ])
  })

  it("Thunderbird: plain, semicolon, quoted, and the export with tab/CR/LF inside quotes", async () => {
    const plain = await load("outlook-csv", "roundcube__tb_plain.csv")
    expect(plain.records[0]!.provenance.source).toBe("thunderbird-csv")
    expect(plain.records[0]!.birthday).toEqual({ year: 1970, month: 11, day: 15 })
    expect(plain.records[0]!.emails).toEqual([
      { value: "test@domain.tld", types: [], primary: true },
      { value: "next@domain.tld", types: [] },
    ])
    const semi = await load("outlook-csv", "thunderbird__csv_semicolon.csv")
    expect(semi.records.map((r) => [r.name.formatted, r.emails[0]?.value])).toEqual([
      ["John Doe", "john@doe.invalid"],
      ["Jane Doe", "jane@doe.invalid"],
    ])
    const quote = await load("outlook-csv", "thunderbird__quote.csv")
    expect(quote.records[0]!.name).toEqual({ formatted: "Acer America" })
    expect(quote.records[0]!.organizations).toEqual([{ company: "Acer America" }])
    const exp = await load("outlook-csv", "thunderbird__export.csv")
    expect(exp.records).toHaveLength(2)
    const two = exp.records[1]!
    expect(two.organizations).toEqual([{ title: '"worker"' }])
    expect(two.notes).toEqual(["here's some unicode text\u2026"])
    expect(two.extra).toEqual([
      { name: "Custom 1", value: "custom, 1" },
      { name: "Custom 2", value: "custom\t2" },
      { name: "Custom 3", value: "custom\r3" },
      { name: "Custom 4", value: "custom\n4" },
    ])
  })

  it("encodings: Shift_JIS, UTF-16LE with BOM, Windows-1252, UTF-8 with BOM", async () => {
    const sjis = await load("outlook-csv", "thunderbird__shiftjis_addressbook.csv")
    expect(sjis.records[0]!.name).toEqual({ given: "権兵衛", family: "名無し", formatted: "名無しの権兵衛" })
    expect(sjis.records[0]!.emails[0]!.value).toBe("名無しの権兵衛@host.invalid")
    const utf16 = await load("outlook-csv", "thunderbird__utf16_addressbook.csv")
    expect(utf16.records[0]!.name).toEqual({ given: "John", family: "Doe", formatted: "John Doe" })
    const win = await load("outlook-csv", "tine20__importtest_win1252.csv")
    expect(
      win.records.map((r) => [r.provenance.source, r.name.given, r.name.family, r.emails[0]?.value]),
    ).toEqual([
      ["csv", "Peter", "Pan", "peter.pan@ecologic.eu"],
      ["csv", "Maja", "Biene", "maja.biene@bienenstock.de"],
      ["csv", "ÖzdemirÖ", "Üglü", "oezdemir@ueglue.tu"],
      ["csv", "Weiss", "Cornelius", "c.weiss@metaways.de"],
    ])
    const bom = await load("outlook-csv", "roundcube__all.csv")
    expect(bom.records[0]!.name.formatted).toBe("Display Name")
    expect(bom.records[0]!.birthday).toEqual({ year: 1991, month: 1, day: 20 })
    expect(bom.records[0]!.emails).toEqual([
      { value: "home@example.com", types: ["home"] },
      { value: "work@example.com", types: ["work"] },
      { value: "other@example.com", types: ["other"] },
    ])
  })

  it("a header-less Thunderbird file with mixed comma/TAB rows is read in Thunderbird's column order", async () => {
    const { records, issues, error } = await load("outlook-csv", "thunderbird__tab_comma_mixed.csv")
    expect(error).toBeUndefined()
    expect(issues).toEqual([])
    // each line is "N,N,N,N,N@host.invalid" (comma on line 1, TAB after): first, last, display, nickname, e-mail
    expect(
      records.map((r) => [r.provenance.source, r.provenance.record, r.name.given, r.emails[0]?.value]),
    ).toEqual([
      ["thunderbird-csv", "row:1", "1", "1@host.invalid"],
      ["thunderbird-csv", "row:2", "2", "2@host.invalid"],
      ["thunderbird-csv", "row:3", "3", "3@host.invalid"],
      ["thunderbird-csv", "row:4", "4", "4@host.invalid"],
    ])
    const bytes = new Uint8Array(
      fs.readFileSync(path.join(corpus("outlook-csv"), "thunderbird__tab_comma_mixed.csv")),
    )
    expect(ContactsCsv.isContactsCsv(bytes)).toBe(true)
  })

  it("Google legacy (iCloud-made): CJK names, year-less birthday, * primary, multi-line address", async () => {
    const { records } = await load("google-csv", "icloud2google__contacts.csv")
    const r = records[0]!
    expect(r.provenance.source).toBe("google-csv")
    expect(r.name).toEqual({ formatted: "二狗王", given: "王", family: "二狗", nickname: "ergou" })
    expect(r.birthday).toEqual({ month: 4, day: 22 })
    expect(r.emails).toEqual([
      { value: "wangergou@umass.edu", types: ["work"], primary: true },
      { value: "wangergou@google.com", types: ["home"] },
      { value: "haha@ha.com", types: ["other"] },
    ])
    expect(r.phones).toHaveLength(5)
    expect(r.addresses[0]!.formatted).toBe("Wang Fu Jing Da Jie\nDongcheng Qu, Beijing Shi\nCN\n100000")
    expect(r.categories).toEqual(["myContacts"])
    expect(r.urls).toEqual([{ value: "www.wangergou.dev", types: ["home"] }])
  })

  it("Google legacy (Roundcube gmail): ::: groups, embedded quotes, two addresses, relation in extra", async () => {
    const { records } = await load("google-csv", "roundcube__gmail.csv")
    const r = records[0]!
    expect(r.notes).toEqual(['note"note'])
    expect(r.categories).toEqual(["My Contacts", "Test"])
    expect(r.emails.map((e) => e.value)).toEqual([
      "home@aaa.pl",
      "work@email.pl",
      "unknown@email.com",
      "other@email.com",
    ])
    expect(r.phones.map((p) => p.types.join(" "))).toEqual([
      "pager",
      "main",
      "home",
      "home fax",
      "cell",
      "work",
      "work fax",
    ])
    expect(r.addresses.map((a) => [a.types[0], a.poBox, a.locality])).toEqual([
      ["home", "home_pobox", "home_city"],
      ["work", undefined, "work_city"],
    ])
    expect(r.birthday).toEqual({ year: 1975, month: 12, day: 12 })
  })

  it("Google (tine20): German phone book with CRLF; the older variant with dd.mm.yy birthdays", async () => {
    const phones = await load("google-csv", "tine20__google_contacts.csv")
    expect(phones.records.map((r) => r.name.given)).toEqual(["Ando", "Anna", "Anne", "axel", "Bus Winsen"])
    const axel = phones.records[3]!
    expect(axel.emails).toEqual([{ value: "abc@here.de", types: ["other"], primary: true }])
    expect(axel.notes).toEqual(["rutan"])
    expect(axel.categories).toEqual(["kunden", "My Contacts"])
    expect(phones.records[4]!.addresses).toEqual([
      { types: ["home"], formatted: "Ring 22\nWinsen", street: "Niedersachsen Ring 22", locality: "Winsen" },
    ])
    const older = await load("google-csv", "tine20__adb_google_import.csv")
    const max = older.records[0]!
    expect(max.name).toEqual({ given: "Max", family: "Mustermann" })
    expect(max.birthday).toEqual({ year: 1999, month: 1, day: 1 })
    expect(max.organizations).toEqual([{ company: "Musterfirma" }])
    expect(max.addresses).toEqual([
      { types: [], street: "Musterstraße 1", locality: "Hamburg", postalCode: "22767", country: "DE" },
    ])
  })

  it("leaves the corpus's LinkedIn Connections.csv unclaimed", () => {
    for (const name of files("linkedin")) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(corpus("linkedin"), name)))
      expect(ContactsCsvSource.claim({ origin: name, files: [{ path: name, bytes }] })).toEqual([])
    }
  })
})
