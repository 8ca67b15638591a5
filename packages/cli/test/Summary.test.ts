import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { Merge } from "blackbook"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { summary } from "../src/Summary.ts"

const bytes = (text: string) => new TextEncoder().encode(text)

describe("summary", () => {
  it("counts records per source, contacts, rejects with file and line, and unreadable inputs", async () => {
    const csv = bytes(
      'First Name,Last Name,E-mail Address\r\nNell,Garrow,nell@example.org\r\n"Broken,Row,x@example.org\r\nOtto,Venn,otto@example.org\r\n',
    )
    const vcf = bytes(
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nell Garrow\r\nEMAIL:nell@example.org\r\nEND:VCARD\r\n",
    )
    const result = await Effect.runPromise(
      Merge.merge(
        ["/nonexistent/x.vcf", { name: "people.csv", bytes: csv }, { name: "card.vcf", bytes: vcf }],
        {
          now: new Date("2026-11-25T00:00:00Z"),
        },
      ).pipe(Effect.provide(NodeFileSystem.layer)),
    )
    const text = summary(result)
    expect(text).toMatch(/^read 3 records: outlook-csv 2, vcard 1\n/)
    expect(text).toContain("contacts formed: 2\n")
    expect(text).toContain("records rejected: 1\n")
    expect(text).toMatch(/ {2}people\.csv:3 row:2: /)
    expect(text).toContain("cannot read /nonexistent/x.vcf:")
  })

  it("names both people of each possible duplicate, with their sources and the evidence", async () => {
    const csv = bytes("First Name,Last Name,E-mail Address,Company\r\nTess,Varga,,Northwind\r\n")
    const vcf = bytes(
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tess Varga\r\nN:Varga;Tess;;;\r\nORG:Lumen Labs\r\nEND:VCARD\r\n",
    )
    const result = await Effect.runPromise(
      Merge.merge(
        [
          { name: "exports/outlook.csv", bytes: csv },
          { name: "exports/phone.vcf", bytes: vcf },
        ],
        { now: new Date("2026-11-25T00:00:00Z") },
      ).pipe(Effect.provide(NodeFileSystem.layer)),
    )
    const text = summary(result)
    expect(text).toContain("possible duplicates: 1 ")
    const line = text.split("\n").find((l) => l.includes(" ~ "))
    expect(line).toMatch(
      /^ {2}0\.\d{3} {2}Tess Varga \((outlook-csv outlook\.csv|vcard phone\.vcf)\) ~ Tess Varga \(/,
    )
    expect(line).toContain("outlook-csv outlook.csv")
    expect(line).toContain("vcard phone.vcf")
    expect(line).toMatch(/: given name exact; family name exact; different companies$/)
  })
})
