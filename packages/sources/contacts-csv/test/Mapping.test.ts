import * as fs from "node:fs"
import * as path from "node:path"
import { Source } from "@blackbook/model"
import { readAll, sharedRoot, textInput } from "@blackbook/model/testing"
import { Cause, Effect, Exit, Result, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { ContactsCsvSource, GenericCsvSource, loadMapping, Mapping, readWithMapping } from "../src/index.ts"
import { cp1252, input } from "./fixtures.ts"

const now = new Date("2026-01-15T00:00:00Z")

const collect = (stream: Stream.Stream<Source.SourceItem, Source.SourceError>) =>
  Effect.runPromise(Stream.runCollect(stream))

const failureOf = async <A, E>(effect: Effect.Effect<A, E>): Promise<E> => {
  const exit = await Effect.runPromiseExit(effect)
  if (!Exit.isFailure(exit)) throw new Error("expected a failure")
  const error = Cause.findError(exit.cause)
  if (Result.isFailure(error)) throw new Error("expected a typed failure")
  return error.success
}

const records = (items: ReadonlyArray<Source.SourceItem>) =>
  items.flatMap((i) => (i._tag === "Record" ? [i.record] : []))
const issues = (items: ReadonlyArray<Source.SourceItem>) =>
  items.flatMap((i) => (i._tag === "Issue" ? [i.issue] : []))

const febrlMapping = {
  id: "rec_id",
  given: "given_name",
  family: "surname",
  street: ["street_number", "address_1"],
  locality: "suburb",
  postalCode: "postcode",
  region: "state",
  birthday: "date_of_birth",
}

// Febrl's layout (", " separated, invented people)
const febrl = [
  "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id",
  "rec-1-org, maisie, thornbury, 12, wattle crescent, the pines, kelso, 0812, nt, 19720314, 4455667",
  "rec-1-dup-0, maisy, thornbury, 12, wattle cres, the pines, kelso, 0812, nt, 19721314, 4455667",
  "rec-2-org, , pellow, 7, banksia road, , moorland, 2443, nsw, , 9988776",
].join("\n")

describe("loadMapping", () => {
  it("accepts the documented fields, lists and options", async () => {
    const text = JSON.stringify({
      ...febrlMapping,
      email: ["Work", "Home"],
      delimiter: "tab",
      dateOrder: "dmy",
    })
    const mapping = await Effect.runPromise(loadMapping(text))
    expect(mapping.given).toBe("given_name")
    expect(mapping.email).toEqual(["Work", "Home"])
  })

  it.each([
    ["not JSON", "{given:", "not JSON"],
    ["an unknown field", JSON.stringify({ given: "First", shoeSize: "Size" }), "shoeSize"],
    ["an empty header name", JSON.stringify({ given: "" }), "given"],
    ["an empty list", JSON.stringify({ email: [] }), "email"],
    ["a bad delimiter", JSON.stringify({ given: "First", delimiter: "|" }), "delimiter"],
    ["an unknown encoding", JSON.stringify({ given: "First", encoding: "klingon-8" }), "klingon-8"],
    ["no field at all", JSON.stringify({ delimiter: ";" }), "names no field"],
  ])("fails with InvalidOptions on %s", async (_, text, mention) => {
    const error = await failureOf(loadMapping(text, "crm.json"))
    expect(error).toBeInstanceOf(Source.SourceError)
    expect(error.reason._tag).toBe("InvalidOptions")
    expect(error.reason.path).toBe("crm.json")
    expect(error.reason.detail).toContain(mention)
  })

  it("lists every mappable field", () => {
    expect(Mapping.mappingFields).toEqual([
      "given",
      "family",
      "middle",
      "prefix",
      "suffix",
      "nickname",
      "formatted",
      "email",
      "phone",
      "url",
      "company",
      "title",
      "department",
      "birthday",
      "notes",
      "street",
      "locality",
      "region",
      "postalCode",
      "country",
      "twitter",
      "linkedin",
      "ssn",
      "passport",
      "driversLicense",
      "nationalId",
      "taxId",
      "id",
    ])
  })
})

describe("reading with a mapping", () => {
  it("reads Febrl's ', ' separated fields trimmed, joins mapped street parts, keeps the rest in extra", async () => {
    const items = await collect(readWithMapping([textInput("dataset.csv", febrl)], febrlMapping, { now }))
    const [a, b, c] = records(items)
    expect(issues(items)).toEqual([])
    expect(a!.provenance).toEqual({ source: "csv", file: "dataset.csv", record: "row:1" })
    expect(a!.name).toEqual({ given: "maisie", family: "thornbury" })
    expect(a!.addresses).toEqual([
      { types: [], street: "12 wattle crescent", locality: "kelso", postalCode: "0812", region: "nt" },
    ])
    expect(a!.birthday).toEqual({ year: 1972, month: 3, day: 14 })
    expect(a!.extra).toEqual([
      { name: "id", value: "rec-1-org" },
      { name: "address_2", value: "the pines" },
      { name: "soc_sec_id", value: "4455667" },
    ])
    // a corrupted date (month 13) is kept as text, never dropped
    expect(b!.birthday).toEqual({ text: "19721314" })
    expect(c!.name).toEqual({ family: "pellow" })
    expect(c!.birthday).toBeUndefined()
  })

  it("reads identity documents as handles of a document service", async () => {
    const items = await collect(
      readWithMapping([textInput("dataset.csv", febrl)], { ...febrlMapping, ssn: "soc_sec_id" }, { now }),
    )
    const [a, , c] = records(items)
    expect(a!.handles).toEqual([{ service: "ssn", handle: "4455667" }])
    expect(c!.handles).toEqual([{ service: "ssn", handle: "9988776" }])
    expect(a!.extra.map((e) => e.name)).toEqual(["id", "address_2"])
  })

  it("is what ContactsCsvSource does with options.mapping, whatever the file's layout", async () => {
    const text = "First Name,Last Name,E-mail Address\nAmy,Roe,amy@roe.example\n"
    const { records: rs } = await readAll(ContactsCsvSource, [textInput("o.csv", text)], {
      mapping: { given: "Last Name", email: "E-mail Address" },
    })
    expect(rs[0]!.provenance.source).toBe("csv")
    expect(rs[0]!.name).toEqual({ given: "Roe" })
    expect(rs[0]!.extra).toEqual([{ name: "First Name", value: "Amy" }])
  })

  it("in a merge, reads an Outlook export beside the mapped CSV by its layout, and still names a typo", async () => {
    const outlook = textInput("outlook.csv", "First Name,Last Name,E-mail Address\nAmy,Roe,amy@roe.example\n")
    const crm = textInput("crm.csv", "Vorname;Nachname;Mail\nUdo;Lenz;udo@lenz.example\n")
    const mapping = { given: "Vorname", family: "Nachname", email: "Mail" }
    const { records: rs, issues: is } = await readAll(ContactsCsvSource, [outlook, crm], { mapping })
    expect(is).toEqual([])
    expect(rs.map((r) => [r.provenance.source, r.name.given, r.emails[0]?.value])).toEqual([
      ["outlook-csv", "Amy", "amy@roe.example"],
      ["csv", "Udo", "udo@lenz.example"],
    ])
    // a file meant for the mapping (it has some mapped headers) but missing one is an error
    const typo = await Effect.runPromiseExit(
      Stream.runCollect(ContactsCsvSource.read([crm], { now, mapping: { ...mapping, email: "E-Mail" } })),
    )
    if (!Exit.isFailure(typo)) throw new Error("expected a failure")
    const error = Cause.findError(typo.cause)
    expect(Result.isSuccess(error) && error.success.reason._tag).toBe("InvalidOptions")
  })

  it("honours the delimiter, encoding and date order options", async () => {
    const text = "Vorname;Name;Mail;Geboren\nJürgen;Weiß;juergen@weiss.example;03/04/1970\n"
    const items = await collect(
      readWithMapping(
        [input("export.csv", cp1252(text))],
        {
          given: "Vorname",
          family: "Name",
          email: "Mail",
          birthday: "Geboren",
          delimiter: ";",
          encoding: "windows-1252",
          dateOrder: "dmy",
        },
        { now },
      ),
    )
    const [r] = records(items)
    expect(r!.name).toEqual({ given: "Jürgen", family: "Weiß" })
    expect(r!.emails).toEqual([{ value: "juergen@weiss.example", types: [] }])
    expect(r!.birthday).toEqual({ year: 1970, month: 4, day: 3 })
  })

  it("fails the file with InvalidOptions naming the mapped headers it lacks", async () => {
    const exit = await Effect.runPromiseExit(
      Stream.runCollect(
        readWithMapping([textInput("dataset.csv", febrl)], { ...febrlMapping, email: "e_mail" }, { now }),
      ),
    )
    if (!Exit.isFailure(exit)) throw new Error("expected a failure")
    const error = Cause.findError(exit.cause)
    if (Result.isFailure(error)) throw new Error("expected a typed failure")
    expect(error.success.reason._tag).toBe("InvalidOptions")
    expect(error.success.reason.detail).toBe('the mapping names columns this file does not have: "e_mail"')
  })

  it("GenericCsvSource claims CSVs that name a mapped column, and reads them with the mapping", async () => {
    const adapter = GenericCsvSource(febrlMapping)
    const files = [
      textInput("dataset.csv", febrl),
      textInput("ledger.csv", "date,amount\n2025-01-01,3\n"),
      textInput("card.vcf", "BEGIN:VCARD\nFN:Amy Roe\nEND:VCARD\n"),
    ]
    const claimed = adapter.claim({ origin: "in", files })
    expect(claimed.map((f) => f.path)).toEqual(["dataset.csv"])
    const { records: rs } = await readAll(adapter, claimed)
    expect(rs).toHaveLength(3)
  })

  it('reads 20k Febrl-style rows, trimming the ", " separators', { timeout: 30_000 }, async () => {
    const lines = [
      "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id",
    ]
    for (let i = 0; i < 20_000; i++) {
      lines.push(
        `rec-${i}-org, given${i % 997}, surname${i % 1009}, ${i % 200}, street ${i % 331}, , suburb${i % 89}, ${String(i % 9000).padStart(4, "0")}, nsw, 19${String(10 + (i % 89)).padStart(2, "0")}0${1 + (i % 9)}1${i % 9}, ${1000000 + i}`,
      )
    }
    const file = textInput("big.csv", lines.join("\n"))
    const items = await collect(readWithMapping([file], febrlMapping, { now }))
    const rs = records(items)
    expect(rs).toHaveLength(20_000)
    expect(rs[19_999]?.name).toMatchObject({ given: "given59", family: "surname828" })
  })
})

describe("linkage benchmark files through the mapping path", () => {
  const root = sharedRoot()
  it.skipIf(!root)("reads Febrl dataset1 and Splink fake_1000 completely", async () => {
    const dir = path.join(root ?? "", "linkage")
    const febrl1 = input(
      "dataset1.csv",
      new Uint8Array(fs.readFileSync(path.join(dir, "febrl", "dataset1.csv"))),
    )
    const f = await collect(readWithMapping([febrl1], febrlMapping, { now }))
    // 1,000 records (README); rows with an empty given name still have a surname
    expect(records(f)).toHaveLength(1000)
    expect(issues(f)).toEqual([])
    expect(records(f)[0]!.extra[0]).toEqual({ name: "id", value: "rec-223-org" })

    const fake = input(
      "fake_1000.csv",
      new Uint8Array(fs.readFileSync(path.join(dir, "splink_fake_1000", "fake_1000.csv"))),
    )
    const s = await collect(
      readWithMapping(
        [fake],
        {
          id: "unique_id",
          given: "first_name",
          family: "surname",
          birthday: "dob",
          email: "email",
        },
        { now },
      ),
    )
    // 7 of the 1,000 rows have no name and no e-mail (counted with Python's csv module); a
    // corrupted address without "@" is still the mapped e-mail column's value
    expect(records(s)).toHaveLength(993)
    expect(issues(s)).toHaveLength(7)
    expect(issues(s).every((i) => i.reason.startsWith("empty contact row"))).toBe(true)
    expect(records(s)[0]!.name).toEqual({ given: "Robert", family: "Alan" })
    expect(records(s)[0]!.birthday).toEqual({ year: 1971, month: 6, day: 24 })
  })
})
