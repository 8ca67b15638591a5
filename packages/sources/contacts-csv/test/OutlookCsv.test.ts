import { type Contact, Csv, SourceRecord } from "@blackbook/model"
import { readAll } from "@blackbook/model/testing"
import { describe, expect, it } from "vitest"
import { ContactsCsvSource, OutlookCsv, toOutlookCsv, toOutlookCsvBytes } from "../src/index.ts"
import { input } from "./fixtures.ts"

const provenance = { source: "vcard", file: "people.vcf", record: "card:1" }

const ada = SourceRecord.make(provenance, {
  name: { prefix: "Dr.", given: "Ada", middle: "B.", family: "Quill", suffix: "PhD" },
  emails: [
    { value: "ada.home@quill.example", types: ["home"] },
    { value: "ada@quill.example", types: ["work"], primary: true },
    { value: "ada.old@quill.example", types: [] },
    { value: "ada.fourth@quill.example", types: [] },
  ],
  phones: [
    { value: "+44 7700 900123", types: ["cell"] },
    { value: "+44 113 496 0000", types: ["work"] },
    { value: "+44 113 496 0001", types: ["work", "fax"] },
    { value: "+44 113 496 0999", types: ["home"] },
    { value: "+44 113 496 0998", types: ["home"] },
    { value: "+44 113 496 0997", types: ["home"] },
  ],
  organizations: [{ company: "Quill, Vane & Co", title: "Lead Chemist", department: "Research" }],
  addresses: [
    {
      types: ["work"],
      street: '4 Inkwell Row\nThe "Old" Mill',
      locality: "Leeds",
      region: "West Yorkshire",
      postalCode: "LS1 4AB",
      country: "United Kingdom",
    },
    { types: ["home"], formatted: "9 Reed Lane\nLeeds LS6 2XX" },
  ],
  birthday: { year: 1975, month: 4, day: 22 },
  urls: [{ value: "https://quill.example", types: [] }],
  notes: ["Met at the ink fair.", "Likes fountain pens."],
  categories: ["Chemistry", "Conference 2019"],
})

const contact: Contact.Contact = {
  id: "c-1",
  displayName: "Jürgen Weiß",
  name: { given: "Jürgen", family: "Weiß" },
  emails: [{ value: "juergen@weiss.example", types: [], from: ["vcard:a.vcf#card:1"] }],
  phones: [{ value: "+4930555010", types: ["home"], from: ["vcard:a.vcf#card:1"] }],
  organizations: [{ company: "Bäckerei Weiß", from: ["vcard:a.vcf#card:1"] }],
  addresses: [],
  urls: [],
  handles: [],
  birthday: { month: 2, day: 29 },
  notes: [],
  categories: ["Familie"],
  records: [],
  match: [],
}

/** Reads the written CSV back with the core reader, as a header -> value map per row. */
const rowsOf = (text: string) => {
  const [header, ...rows] = Csv.parseRows(text.replace(/^\ufeff/, ""), ",")
  return rows.map((r) => Object.fromEntries(header!.fields.map((h, i) => [h, r.fields[i] ?? ""])))
}

describe("toOutlookCsv", () => {
  it("writes Outlook's English header, every field quoted, CRLF rows, a BOM", () => {
    const text = toOutlookCsv([])
    expect(text).toBe(`\ufeff${OutlookCsv.outlookColumns.map((c) => `"${c}"`).join(",")}\r\n`)
    expect(toOutlookCsv([], { bom: false }).startsWith('"Title","First Name"')).toBe(true)
  })

  it("places a record's values in Outlook's columns", () => {
    const text = toOutlookCsv([ada])
    expect(text.split("\r\n")).toHaveLength(3) // header, row, final empty after the last CRLF
    const [row] = rowsOf(text)
    expect(row).toMatchObject({
      Title: "Dr.",
      "First Name": "Ada",
      "Middle Name": "B.",
      "Last Name": "Quill",
      Suffix: "PhD",
      Company: "Quill, Vane & Co",
      Department: "Research",
      "Job Title": "Lead Chemist",
      "Business Street": '4 Inkwell Row\nThe "Old" Mill',
      "Business City": "Leeds",
      "Business State": "West Yorkshire",
      "Business Postal Code": "LS1 4AB",
      "Business Country/Region": "United Kingdom",
      "Home Street": "9 Reed Lane\nLeeds LS6 2XX",
      "Mobile Phone": "+44 7700 900123",
      "Business Phone": "+44 113 496 0000",
      "Business Fax": "+44 113 496 0001",
      "Home Phone": "+44 113 496 0999",
      "Home Phone 2": "+44 113 496 0998",
      "Other Phone": "+44 113 496 0997",
      // the primary address first, then in order; Outlook has three slots
      "E-mail Address": "ada@quill.example",
      "E-mail 2 Address": "ada.home@quill.example",
      "E-mail 3 Address": "ada.old@quill.example",
      Birthday: "4/22/1975",
      Notes: "Met at the ink fair.\n\nLikes fountain pens.",
      "Web Page": "https://quill.example",
      Categories: "Chemistry;Conference 2019",
    })
  })

  it("writes resolved Contacts and leaves out a year-less birthday Outlook cannot hold", () => {
    const [row] = rowsOf(toOutlookCsv([contact]))
    expect(row).toMatchObject({
      "First Name": "Jürgen",
      "Last Name": "Weiß",
      Company: "Bäckerei Weiß",
      "E-mail Address": "juergen@weiss.example",
      "Home Phone": "+4930555010",
      Birthday: "",
      Categories: "Familie",
    })
  })
})

describe("toOutlookCsvBytes", () => {
  it("is UTF-8 with a BOM by default", () => {
    const bytes = toOutlookCsvBytes([contact])
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes.subarray(3))).toContain('"Jürgen"')
  })

  it("writes Windows-1252 without a BOM for old Outlook, unrepresentable characters as ?", () => {
    const bytes = toOutlookCsvBytes([{ ...contact, name: { given: "Jürgen", family: "王" } }], {
      encoding: "windows-1252",
    })
    expect(bytes[0]).toBe(0x22) // the header's opening quote
    const text = String.fromCharCode(...bytes)
    expect(text).toContain('"J\u00fcrgen","","?"') // ü is the single byte 0xFC
    expect(bytes.includes(0xfc)).toBe(true)
  })
})

describe("round trip", () => {
  it("re-reads what it wrote as the same record", async () => {
    const { records, issues } = await readAll(ContactsCsvSource, [
      input("book.csv", toOutlookCsvBytes([ada])),
    ])
    expect(issues).toEqual([])
    const r = records[0]!
    expect(r.provenance).toEqual({ source: "outlook-csv", file: "book.csv", record: "row:1" })
    expect(r.name).toEqual(ada.name)
    expect(r.organizations).toEqual(ada.organizations)
    expect(r.emails.map((e) => e.value)).toEqual([
      "ada@quill.example",
      "ada.home@quill.example",
      "ada.old@quill.example",
    ])
    expect(r.phones).toEqual([
      { value: "+44 113 496 0001", types: ["work", "fax"] },
      { value: "+44 113 496 0000", types: ["work"] },
      { value: "+44 113 496 0999", types: ["home"] },
      { value: "+44 113 496 0998", types: ["home"] },
      { value: "+44 7700 900123", types: ["cell"] },
      { value: "+44 113 496 0997", types: ["other"] },
    ])
    expect(r.addresses).toEqual([
      {
        types: ["work"],
        street: '4 Inkwell Row\nThe "Old" Mill',
        locality: "Leeds",
        region: "West Yorkshire",
        postalCode: "LS1 4AB",
        country: "United Kingdom",
      },
      { types: ["home"], street: "9 Reed Lane\nLeeds LS6 2XX" },
    ])
    expect(r.birthday).toEqual(ada.birthday)
    expect(r.notes).toEqual(["Met at the ink fair.\n\nLikes fountain pens."])
    expect(r.categories).toEqual(ada.categories)
    expect(r.urls).toEqual(ada.urls)
    expect(r.extra).toEqual([])
  })

  it("round-trips through Windows-1252 too", async () => {
    const { records } = await readAll(ContactsCsvSource, [
      input("old.csv", toOutlookCsvBytes([contact], { encoding: "windows-1252" })),
    ])
    expect(records[0]!.name).toEqual({ given: "Jürgen", family: "Weiß" })
    expect(records[0]!.organizations).toEqual([{ company: "Bäckerei Weiß" }])
  })
})
