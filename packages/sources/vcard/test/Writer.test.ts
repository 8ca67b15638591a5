import { type Contact, SourceRecord } from "@blackbook/model"
import ICAL from "ical.js"
import { describe, expect, it } from "vitest"
import { decode, toVCard4, toVCard4Card } from "../src/index.ts"

// All people below are invented.

const reread = (text: string): ReadonlyArray<SourceRecord.SourceRecord> => {
  const r = decode({ path: "out.vcf", bytes: new TextEncoder().encode(text) })
  if (r._tag === "Failure") throw new Error(r.failure.message)
  expect(r.success.every((i) => i._tag === "Record")).toBe(true)
  return r.success.flatMap((i) => (i._tag === "Record" ? [i.record] : []))
}

/** The parts a round trip must keep; types compared as sets (standard types go to TYPE, others to X-ABLabel). */
const essentials = (r: SourceRecord.SourceRecord) => ({
  name: { ...r.name, formatted: undefined },
  emails: r.emails.map((e) => ({ value: e.value, types: [...e.types].sort(), primary: e.primary === true })),
  phones: r.phones.map((e) => ({ value: e.value, types: [...e.types].sort(), primary: e.primary === true })),
})

const provenance = (record: string): SourceRecord.Provenance => ({
  source: "test",
  file: "people.csv",
  record,
})

const marisol = SourceRecord.make(provenance("row:1"), {
  name: {
    prefix: "Dr.",
    given: "Marisol",
    middle: "Inés",
    family: "Okonkwo-Laurent",
    suffix: "MD",
    nickname: "Mari",
    formatted: "Dr. Marisol Inés Okonkwo-Laurent, MD",
  },
  emails: [
    { value: "marisol@example.org", types: ["work"], primary: true },
    { value: "mari.home@example.net", types: ["home", "school"] },
  ],
  phones: [
    { value: "+1-415-555-0134", types: ["cell"], primary: true },
    { value: "+49 30 5550 1234", types: ["work", "fax"] },
    { value: "0301 555 777", types: ["Studio Line"] },
  ],
  organizations: [{ company: "Imaginary Clinics; Ltd.", department: "Cardiology", title: "Lead, Research" }],
  addresses: [
    {
      types: ["home"],
      street: "12 Rue Fictive",
      locality: "Lyon",
      postalCode: "69001",
      country: "France",
      formatted: "12 Rue Fictive\n69001 Lyon, France",
    },
  ],
  urls: [{ value: "https://marisol.example", types: ["homepage"] }],
  handles: [
    { service: "twitter", handle: "mari_ol", id: "123456" },
    { service: "skype", handle: "marisol.ol" },
    { service: "mastodon", handle: "@mari@social.example" },
  ],
  birthday: { month: 2, day: 29 },
  notes: ["Prefers e-mail.\nSpeaks French, Igbo"],
  categories: ["Doctors", "Lyon, France"],
})

const onlyEmail = SourceRecord.make(provenance("row:2"), {
  emails: [{ value: "anonymous.ant@example.com", types: [] }],
})

describe("toVCard4 with records", () => {
  const text = toVCard4([marisol, onlyEmail])

  it("writes vCard 4.0 with FN, N, typed values, tel: URIs for global numbers and labels as X-ABLabel", () => {
    const unfolded = text.replace(/\r\n /g, "")
    expect(text.startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n")).toBe(true)
    expect(unfolded.match(/^BEGIN:VCARD$/gm)).toHaveLength(2)
    expect(unfolded).toContain("FN:Dr. Marisol Inés Okonkwo-Laurent\\, MD\r\n")
    expect(unfolded).toContain("N:Okonkwo-Laurent;Marisol;Inés;Dr.;MD\r\n")
    expect(unfolded).toMatch(/\r\nTEL;VALUE=uri;TYPE="?cell"?;PREF=1:tel:\+1-415-555-0134\r\n/)
    expect(unfolded).toMatch(/\r\nitem\d+\.TEL:0301 555 777\r\nitem\d+\.X-ABLABEL:Studio Line\r\n/)
    expect(unfolded).toContain("BDAY:--0229\r\n")
    expect(unfolded).toContain(
      "X-SOCIALPROFILE;TYPE=twitter;X-USER=mari_ol;X-USERID=123456:https://twitter.com/mari_ol",
    )
    expect(unfolded).toContain("IMPP;X-SERVICE-TYPE=skype:skype:marisol.ol\r\n")
    expect(unfolded).toContain("UID:test:people.csv#row:1\r\n")
    // a card with no name still gets an FN
    expect(unfolded).toContain("FN:anonymous.ant@example.com\r\n")
  })

  it("reads back through this package's reader with the same names, e-mails and phones", () => {
    const back = reread(text)
    expect(back).toHaveLength(2)
    expect(back.map(essentials)).toEqual([marisol, onlyEmail].map(essentials))
    const [m] = back
    expect(m!.name.formatted).toBe(marisol.name.formatted)
    expect(m!.birthday).toEqual({ month: 2, day: 29 })
    expect(m!.handles).toEqual(marisol.handles)
    expect(m!.organizations).toEqual(marisol.organizations)
    expect(m!.addresses).toEqual(marisol.addresses)
    expect(m!.notes).toEqual(marisol.notes)
    expect(m!.categories).toEqual(marisol.categories)
    expect(m!.urls).toEqual(marisol.urls)
  })

  it("is accepted by an independent parser (ical.js)", () => {
    const parsed = ICAL.parse(text)
    const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]) as Array<unknown>
    expect(cards).toHaveLength(2)
    const card = new ICAL.Component(cards[0] as Array<unknown>)
    expect(card.getFirstPropertyValue("version")).toBe("4.0")
    expect(card.getFirstPropertyValue("fn")).toBe("Dr. Marisol Inés Okonkwo-Laurent, MD")
    expect(card.getAllProperties("email").map((p) => p.getFirstValue())).toEqual([
      "marisol@example.org",
      "mari.home@example.net",
    ])
  })
})

describe("toVCard4 with resolved contacts", () => {
  const merged = (value: string, types: ReadonlyArray<string>) => ({ value, types, from: ["test:a#1"] })
  const contact: Contact.Contact = {
    id: "c-7f3a9e",
    displayName: "Björn Þórsson",
    name: { given: "Björn", family: "Þórsson" },
    emails: [merged("bjorn@example.is", ["work"]), merged("bthor@example.com", [])],
    phones: [merged("+3545550199", ["cell"]), merged("+4930555012", [])],
    organizations: [{ company: "Made-up Fisheries", title: "Skipper", from: ["test:a#1"] }],
    addresses: [],
    urls: [merged("https://bjorn.example", [])],
    handles: [{ service: "linkedin", handle: "bjorn-thorsson", from: ["test:a#1"] }],
    birthday: { year: 1979, month: 11, day: 5 },
    notes: [],
    categories: [],
    records: [],
    match: [],
  }

  it("uses the contact id as UID, the display name as FN and E.164 numbers as tel: URIs", () => {
    const text = toVCard4([contact])
    const unfolded = text.replace(/\r\n /g, "")
    expect(unfolded).toContain("UID:c-7f3a9e\r\n")
    expect(unfolded).toContain("FN:Björn Þórsson\r\n")
    expect(unfolded).toMatch(/\r\nTEL;VALUE=uri;TYPE="?cell"?:tel:\+3545550199\r\n/)
    expect(unfolded).toContain("BDAY:19791105\r\n")
    expect(unfolded).toContain("https://www.linkedin.com/in/bjorn-thorsson")
    const [back] = reread(text)
    expect(back!.name).toEqual({ given: "Björn", family: "Þórsson", formatted: "Björn Þórsson" })
    expect(back!.emails.map((e) => e.value)).toEqual(["bjorn@example.is", "bthor@example.com"])
    expect(back!.phones.map((p) => [p.value, p.types])).toEqual([
      ["+3545550199", ["cell"]],
      ["+4930555012", []],
    ])
    expect(back!.handles).toEqual([{ service: "linkedin", handle: "bjorn-thorsson" }])
    expect(back!.birthday).toEqual({ year: 1979, month: 11, day: 5 })
  })
})

describe("folding", () => {
  it("folds at 75 octets without splitting a character", () => {
    const note = `${"Grüße 👋 aus Łódź – ".repeat(12)}Ende`
    const record = SourceRecord.make(provenance("row:9"), {
      name: { formatted: "Zofia Wędrowna" },
      notes: [note],
    })
    const text = toVCard4Card(record)
    const encoder = new TextEncoder()
    for (const line of text.split("\r\n")) expect(encoder.encode(line).length).toBeLessThanOrEqual(75)
    expect(text).not.toContain("\uFFFD")
    const [back] = reread(text)
    expect(back!.notes).toEqual([note.trim()])
  })
})
