import { readAll, textInput } from "@blackbook/model/testing"
import { describe, expect, it } from "vitest"
import { VCardSource } from "../src/index.ts"

// All people below are invented. Sizes are large enough that a reader whose cost grows with the
// square of the input does not finish within the test's time; only outcomes are asserted.

const card = (body: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ilse Brandt\r\n${body}END:VCARD\r\n`
const read = (text: string) => readAll(VCardSource, [textInput("hostile.vcf", text)])
const noteLength = async (text: string) => {
  const { records, issues } = await read(text)
  expect(issues).toEqual([])
  expect(records).toHaveLength(1)
  return records[0]!.notes.join("").length
}

describe("vCard readers stay linear on hostile input", () => {
  it("unfolds a line folded 200,000 times", async () => {
    expect(await noteLength(card(`NOTE:x\r\n${" abcd\r\n".repeat(200_000)}`))).toBe(1 + 4 * 200_000)
  })

  it("joins 200,000 quoted-printable soft breaks", async () => {
    const text = card(`NOTE;ENCODING=QUOTED-PRINTABLE:x=\r\n${"ab=20=\r\n".repeat(200_000)}y\r\n`)
    expect(await noteLength(text)).toBe(2 + 3 * 200_000)
  })

  it("reads a PHOTO folded over 200,000 lines", async () => {
    const { records } = await read(
      card(`PHOTO;ENCODING=b;TYPE=JPEG:/9j/\r\n${" QUJDREVGR0hJ\r\n".repeat(200_000)}`),
    )
    expect(records).toHaveLength(1)
    expect(records[0]!.photo?.length).toBe("data:image/jpeg;base64,/9j/".length + 12 * 200_000)
  })
})

describe("one card of very many properties is built in linear time", () => {
  it("reads one card of 100,000 quoted-printable LABEL lines", async () => {
    const line = "LABEL;QUOTED-PRINTABLE;HOME;PREF:12 Harbour Rd=0ABergen=0ANorway\r\n"
    const { records } = await read(card(line.repeat(100_000)))
    expect(records).toHaveLength(1)
    expect(records[0]!.addresses).toHaveLength(100_000)
    expect(records[0]!.addresses[99_999]!.formatted).toBe("12 Harbour Rd\nBergen\nNorway")
  })

  it("pairs 20,000 ADR and LABEL lines of one card in order", async () => {
    const block = (i: number) =>
      `ADR;TYPE=WORK:;;${i} Harbour Rd;Bergen;;5003;Norway\r\nLABEL;TYPE=WORK:${i} Harbour Rd\r\nTEL;TYPE=WORK:+47 55 55 ${String(i).padStart(5, "0")}\r\nTITLE:Harbour master\r\nPHOTO;VALUE=URI:http://example.no/${i}.jpg\r\n`
    const n = 20_000
    const { records } = await read(card(Array.from({ length: n }, (_, i) => block(i)).join("")))
    const r = records[0]!
    expect(r.addresses).toHaveLength(n)
    expect(r.addresses.every((a, i) => a.street === `${i} Harbour Rd` && a.formatted === a.street)).toBe(true)
    expect(r.phones).toHaveLength(n)
    expect(r.organizations).toHaveLength(n)
    expect(r.photo).toBe("http://example.no/0.jpg")
  })
})

describe("vCard damage is never silent", () => {
  const plain = (name: string, email: string) =>
    `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEMAIL:${email}\r\nEND:VCARD\r\n`

  it("does not give one card's e-mail to another across END:VCARDBEGIN:VCARD, and reports it", async () => {
    const text = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alice Ames\r\nEND:VCARDBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Berg\r\nEMAIL:bob@example.org\r\nEND:VCARD\r\n`
    const { records, issues } = await read(text)
    expect(records.map((r) => [r.name.formatted, r.emails.map((e) => e.value)])).toEqual([
      ["Alice Ames", []],
      ["Bob Berg", ["bob@example.org"]],
    ])
    expect(issues.map((i) => i.reason)).toEqual([expect.stringContaining("on one line")])
  })

  it("reports a card whose BEGIN is damaged instead of letting it vanish", async () => {
    const text = `BEGIN:VCARX\r\nVERSION:3.0\r\nFN:Alice Ames\r\nEND:VCARD\r\n${plain("Bob Berg", "bob@example.org")}`
    const { records, issues } = await read(text)
    expect(records.map((r) => r.name.formatted)).toEqual(["Bob Berg"])
    expect(issues.map((i) => i.record)).toEqual(["line:1", "line:4"])
  })

  it("does not claim a CSV whose note holds a vCard", () => {
    const csv = `Name,Given Name,Notes\r\nAlice Ames,Alice,"BEGIN:VCARD\r\nFN:Someone Else\r\nEND:VCARD"\r\n`
    expect(VCardSource.claim({ origin: "in", files: [textInput("google.csv", csv)] })).toEqual([])
  })
})

describe("the record limit", () => {
  it("reports a card over maxRecordBytes with its line and reads the others", async () => {
    const small = (name: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEND:VCARD\r\n`
    const big = card(`NOTE:${"x".repeat(2_000)}\r\n`)
    const text = `${small("Ada Berg")}${big}${small("Kai Lund")}`
    const { records, issues } = await readAll(VCardSource, [textInput("big.vcf", text)], {
      maxRecordBytes: 1_000,
    })
    expect(records.map((r) => r.name.formatted)).toEqual(["Ada Berg", "Kai Lund"])
    expect(issues).toEqual([
      {
        file: "big.vcf",
        record: "card:2",
        line: 5,
        reason: expect.stringMatching(
          /^card of \d+ characters is over the record limit of 1000 \(maxRecordBytes\)/,
        ),
      },
    ])
    // the default limit reads the same card
    expect((await read(text)).records).toHaveLength(3)
  })
})
