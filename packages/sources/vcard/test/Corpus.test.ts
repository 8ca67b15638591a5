import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import type { SourceRecord } from "@blackbook/model"
import { conformance, fileInput, readAll, sharedRoot } from "@blackbook/model/testing"
import { describe, expect, it } from "vitest"
import { decode, toVCard4, VCardSource } from "../src/index.ts"

// The shared corpus is read in place; nothing from it is copied into the repository.
const root = sharedRoot()
const dir = root === undefined ? undefined : join(root, "corpus", "vcard")
if (root === undefined) console.warn("[source-vcard] ../shared is missing: the vCard corpus test is skipped")

const files = dir === undefined ? [] : readdirSync(dir).sort()
const input = (name: string) => fileInput(join(dir!, name), name)

/** Cards per file as MANIFEST.tsv lists them ("N card(s)"), an oracle independent of this parser. */
const manifestCards = (): ReadonlyMap<string, number> => {
  const counts = new Map<string, number>()
  for (const line of readFileSync(join(root!, "corpus", "MANIFEST.tsv"), "utf8").split("\n")) {
    const [path] = line.split("\t")
    const m = /(\d+) card\(s\)/.exec(line)
    if (path?.startsWith("vcard/") && m) counts.set(path.slice("vcard/".length), Number(m[1]))
  }
  return counts
}

interface Expected {
  readonly records: number
  readonly issues: number
  /** name.formatted, else name.family, of the first record */
  readonly name?: string
  readonly email?: string
  readonly phone?: string
  readonly check?: (records: ReadonlyArray<SourceRecord.SourceRecord>) => void
}

// Values read from the files by hand (see the corpus MANIFEST for where each comes from).
const expected: Readonly<Record<string, Expected>> = {
  // Android 2.1: QP LABEL and NOTE with soft breaks, base64 PHOTO
  "aospvcard__v21_complicated.vcf": {
    records: 1,
    issues: 0,
    name: "Joe Due",
    email: "forrestgump@walladalla.com",
    phone: "(111) 555-1212",
    check: ([r]) => {
      expect(r!.notes).toContain("Now's the time for all folk to come to the aid of their country.")
      expect(r!.emails[0]!.primary).toBe(true)
      expect(r!.photo?.startsWith("data:image/jpeg;base64,/9j/")).toBe(true)
    },
  },
  // Japanese feature phone, Shift_JIS with CHARSET, three cards
  "aospvcard__v21_multiple_entry.vcf": {
    records: 3,
    issues: 0,
    name: "安藤ロイド3",
    phone: "9",
    check: (rs) =>
      expect(rs.map((r) => r.name.family)).toEqual(["安藤ロイド3", "安藤ロイド4", "安藤ロイド5"]),
  },
  "aospvcard__v21_nest.vcf": {
    records: 3,
    issues: 0,
    name: "parent",
    phone: "1",
    check: (rs) => expect(rs.map((r) => r.name.family)).toEqual(["parent", "nest1", "nest2"]),
  },
  // iOS 5: itemN labels, CR CR LF line ends inside the folded PHOTO
  "ezvcard__John_Doe_IPHONE.vcf": {
    records: 1,
    issues: 0,
    name: "Mr. John Richter James Doe Sr.",
    email: "john.doe@ibm.com",
    phone: "905-555-1234",
    check: ([r]) => {
      expect(r!.phones.find((p) => p.value === "905-222-1234")?.types).toEqual(["assistantphone"])
      expect(r!.birthday).toEqual({ year: 2012, month: 6, day: 6 })
      expect(r!.photo?.startsWith("data:image/jpeg;base64,/9j/")).toBe(true)
    },
  },
  // Outlook 2.1 with X-MS-OL-DESIGN
  "ezvcard__John_Doe_MS_OUTLOOK.vcf": {
    records: 1,
    issues: 0,
    name: "Mr. John Richter James Doe Sr.",
    email: "john.doe@ibm.cm",
    phone: "(905) 555-1234",
    check: ([r]) => {
      expect(r!.birthday).toEqual({ year: 1980, month: 3, day: 22 })
      expect(r!.extra.some((e) => e.name.startsWith("X-MS-OL-DESIGN") && e.value.startsWith("<card "))).toBe(
        true,
      )
    },
  },
  // Gmail export with itemN.X-ABLabel custom labels
  "ezvcard__gmail-single.vcf": {
    records: 1,
    issues: 0,
    name: "Greg Dartmouth",
    email: "gdartmouth@hotmail.com",
    phone: "555 555 1111",
    check: ([r]) => {
      expect(r!.urls).toEqual([{ value: "http://TheProfile.com", types: ["PROFILE"] }])
      expect(r!.handles).toEqual([{ service: "icq", handle: "123456789" }])
    },
  },
  // GNOME Evolution 3.0: values folded mid-word
  "ezvcard__John_Doe_EVOLUTION.vcf": {
    records: 1,
    issues: 0,
    name: "Mr. John Richter, James Doe Sr.",
    email: "john.doe@ibm.com",
    phone: "905-666-1234",
    check: ([r]) => expect(r!.handles).toEqual([{ service: "aim", handle: "johnny5@aol.com" }]),
  },
  // FullContact 4.0 with IMPP
  "ezvcard__fullcontact.vcf": {
    records: 1,
    issues: 0,
    name: "Prefix FirstName MiddleName LastName Suffix",
    email: "home@example.com",
    phone: "555-555-1111",
    check: ([r]) => {
      expect(r!.emails).toHaveLength(5)
      expect(r!.phones).toHaveLength(9)
      expect(r!.handles.map((h) => h.service)).toEqual([
        "gtalk",
        "skype",
        "yahoo",
        "aim",
        "xmpp",
        "other",
        "customtype",
      ])
    },
  },
  // KAddressBook 3.0, VERSION written near the end
  "kcontacts__vcard5.vcf": {
    records: 1,
    issues: 0,
    name: "Mustermann, Heiko",
    email: "heiko.mustermann@freenet.org",
    phone: "0351 223344",
    check: ([r]) => expect(r!.birthday).toEqual({ year: 1955, month: 7, day: 19 }),
  },
  // ownCloud: folds split UTF-8 sequences
  "kcontacts__vcard9.vcf": {
    records: 1,
    issues: 0,
    check: ([r]) =>
      expect(r!.notes).toEqual([
        "Длинный комментарий на русском языке, чтобы в результате получилась строка более 70 символов.",
      ]),
  },
  // Nokia-style 2.1 via Evolution: QP values starting with a soft break
  "eds__vcard_12.vcf": {
    records: 1,
    issues: 0,
    name: "Michael Brüning",
    email: "ext-Michael.Bruning@nokia.com",
    phone: "+491622433834",
    check: ([r]) => expect(r!.addresses[0]).toMatchObject({ street: "Münsterplatz 21", locality: "Ulm" }),
  },
  // Evolution: TAB folds inside parameter lists
  "eds__vcard_13.vcf": {
    records: 1,
    issues: 0,
    name: "Ralf Engels",
    email: "Frank_Dawson@Lotus.com",
    phone: "+1-919-676-9515",
  },
  // Windows-1252 bytes without CHARSET, LABEL with a raw line break
  "tine20__HerrFalkMuenchen.vcf": {
    records: 1,
    issues: 0,
    name: "München, Falk",
    email: "falk.muenchoen@landtag.xyz.de",
    phone: "12212/1212",
    check: ([r]) => expect(r!.addresses[0]!.formatted).toBe("Klippe 58\n21255 Bad Vilbel"),
  },
  // junk line before the first card
  "tine20__contacts.vcf": {
    records: 2,
    issues: 0,
    name: "alex spass",
    email: "alex@spass.net",
    phone: "+49732121258035",
  },
  // UTF-16BE without BOM (Apple)
  "roundcube__utf-16_sample.vcf": {
    records: 1,
    issues: 0,
    name: "Ǽgean ĽdaMonté",
    check: ([r]) => expect(r!.addresses[0]).toMatchObject({ street: "169 Mária Canal", country: "Perú" }),
  },
  // CHARSET=windows-1252
  "roundcube__johndoe.vcf": {
    records: 1,
    issues: 0,
    name: "John Doë",
    email: "inbox@roundcube.net",
    phone: "+123456789",
  },
  // Thunderbird 4.0 export
  "thunderbird__export.vcf": { records: 2, issues: 0, name: "contact number one", email: "contact1@invalid" },
  // Android multi-card 2.1: raw UTF-8 with CHARSET, QP split inside sequences
  "calcard__009.vcf": {
    records: 10,
    issues: 0,
    name: "Mäx Mustermann",
    email: "max@mustermann.de",
    phone: "+49123456789",
  },
  // one card each of 4.0, 2.1 and 3.0
  "nodevcf__multiple.vcf": {
    records: 3,
    issues: 0,
    name: "Dr. Erika Mustermann",
    email: "erika@mustermann.de",
    phone: "+49-221-9999123",
    check: (rs) =>
      expect(rs.map((r) => r.phones[0]?.value)).toEqual([
        "+49-221-9999123",
        "(0221) 9999123",
        "+49 221 9999123",
      ]),
  },
  // iOS 9-13 exports
  "icloud2google__contacts.vcf": { records: 4, issues: 0, name: "Antonion", phone: "(413) 549-0077" },
  // CardBook: BDAY 16040101 means "no year"
  "radicale__contact4-with-bday-no-year.vcf": {
    records: 1,
    issues: 0,
    name: "Test bday without year Thunderbird CardBook",
    check: ([r]) => expect(r!.birthday).toEqual({ month: 1, day: 1 }),
  },
  // truncated: no END:VCARD
  "khard__unparsable.vcf": { records: 0, issues: 1 },
  // a third card with no properties at all
  "calcard__063.vcf": { records: 2, issues: 1 },
}

describe("the shared vCard corpus", () => {
  it.skipIf(root === undefined)("claims every file by content", () => {
    const claimed = VCardSource.claim({ origin: dir!, files: files.map(input) })
    expect(claimed).toHaveLength(files.length)
  })

  it.skipIf(root === undefined)("reads every file without a stream failure, one item per card", async () => {
    const cards = manifestCards()
    let records = 0
    let issues = 0
    for (const name of files) {
      const result = await readAll(VCardSource, [input(name)])
      expect(result.items.length, name).toBeGreaterThan(0)
      expect(result.records.length + result.issues.length, name).toBe(cards.get(name))
      expect(
        conformance(result.items, { sources: [VCardSource.name], files: [name], lines: true }),
        name,
      ).toEqual([])
      records += result.records.length
      issues += result.issues.length
    }
    expect(files.length).toBeGreaterThanOrEqual(150)
    console.log(
      `[source-vcard] corpus: ${files.length} files, ${records + issues} cards, ${records} records, ${issues} issues`,
    )
  })

  for (const [name, want] of Object.entries(expected)) {
    it.skipIf(root === undefined)(`reads ${name}`, async () => {
      const { records, issues } = await readAll(VCardSource, [input(name)])
      expect(records).toHaveLength(want.records)
      expect(issues).toHaveLength(want.issues)
      const first = records[0]
      if (want.name !== undefined) expect(first?.name.formatted ?? first?.name.family).toBe(want.name)
      if (want.email !== undefined) expect(first?.emails[0]?.value).toBe(want.email)
      if (want.phone !== undefined) expect(first?.phones[0]?.value).toBe(want.phone)
      want.check?.(records)
    })
  }

  it.skipIf(root === undefined)(
    "writes every record as vCard 4.0 and reads back the same names, e-mails, phones",
    async () => {
      const originals = (await readAll(VCardSource, files.map(input))).records
      const written = toVCard4(originals)
      const back = decode({ path: "corpus.vcf", bytes: new TextEncoder().encode(written) })
      expect(back._tag).toBe("Success")
      const reread =
        back._tag === "Success" ? back.success.flatMap((i) => (i._tag === "Record" ? [i.record] : [])) : []
      expect(reread).toHaveLength(originals.length)
      const essentials = (r: SourceRecord.SourceRecord) => ({
        name: { ...r.name, formatted: undefined },
        emails: r.emails.map((e) => [e.value, [...e.types].sort(), e.primary === true]),
        phones: r.phones.map((e) => [e.value, [...e.types].sort(), e.primary === true]),
      })
      expect(reread.map(essentials)).toEqual(originals.map(essentials))
      originals.forEach((r, i) => {
        if (r.name.formatted !== undefined) expect(reread[i]!.name.formatted).toBe(r.name.formatted)
      })
    },
  )
})
