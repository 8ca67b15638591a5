import * as SourceRecord from "@blackbook/model/SourceRecord"
import * as Phone from "@blackbook/normalize/Phone"
import { readsByMainRegion } from "@blackbook/normalize/Phone"
import { charMask } from "@blackbook/normalize/Similarity"
import { describe, expect, it } from "vitest"
import * as Comparison from "../src/Comparison.ts"
import { companyKey, make, nameDerived, phoneMemoKey, phoneReader, reader } from "../src/Profile.ts"

describe("phoneReader", () => {
  // Spellings of a few numbers as exports write them: one memo entry must never serve two
  // spellings libphonenumber reads differently.
  const digits = ["2079460958", "1174960732", "7700900123", "4255550100", "3012345678", "612345678"]
  const spellings = (d: string): Array<string> => [
    d,
    `0${d}`,
    `0${d.slice(0, 3)} ${d.slice(3)}`,
    `(0${d.slice(0, 2)}) ${d.slice(2, 6)}-${d.slice(6)}`,
    `+44${d}`,
    `+44 ${d.slice(0, 4)} ${d.slice(4)}`,
    `+44 (0)${d}`,
    `+44 0${d}`,
    `0044 ${d}`,
    `(0044) ${d}`,
    `00 44-${d}`,
    `011 44 ${d}`,
    `01144${d}`,
    `+1 ${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
    `1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
    `+49 ${d}`,
    `+33 (${d.slice(0, 1)}) ${d.slice(1)}`,
    `tel:+44${d}`,
    `+44${d} x12`,
  ]

  it.each([["GB"], ["US"], ["DE"], [undefined]])(
    "reads every spelling as Phone.toE164 does (region %s)",
    (region) => {
      const read = phoneReader(region)
      let shared = 0
      const byKey = new Map<string, string>()
      for (const d of digits)
        for (const raw of spellings(d)) {
          expect(read(raw), raw).toBe(Phone.toE164(raw, region))
          const key = phoneMemoKey(raw)
          const other = byKey.get(key)
          if (other !== undefined && other !== raw) shared++
          byKey.set(key, raw)
        }
      // Some spellings do share an entry (otherwise the memo would not be tested).
      expect(shared).toBeGreaterThan(0)
    },
  )

  it.each([["GB"], ["US"]])(
    "answers as Phone.toE164 through a reader, for numbers its profiles read and others (region %s)",
    (region) => {
      const read = reader(region)
      // Half the spellings are read by profiles first, and some are too short to be numbers.
      const all = [...digits.flatMap(spellings), "12345", " 020 7946 0958 ", "+44 20 7946 095", "ext 12"]
      all.forEach((raw, i) => {
        if (i % 2 === 0)
          read(
            SourceRecord.make(
              { source: "vcard", file: "p.vcf", record: `card:${i}` },
              { phones: [{ value: raw, types: [] }] },
            ),
          )
      })
      for (const raw of all) expect(read.phone(raw), raw).toBe(Phone.toE164(raw, region))
    },
  )

  it("keeps texts with letters, extensions or a bracketed trunk zero apart", () => {
    expect(phoneMemoKey("+44 (0)20 7946 0958")).toBe("+44 (0)20 7946 0958")
    expect(phoneMemoKey("+1 425 555 0100 x12")).toBe("+1 425 555 0100 x12")
    expect(phoneMemoKey("+44 20 7946-0958")).toBe("+442079460958")
  })
})

describe("reader", () => {
  const record = (
    id: number,
    name: SourceRecord.NameParts,
    emails: ReadonlyArray<string>,
    phones: ReadonlyArray<string>,
  ) =>
    SourceRecord.make(
      { source: "vcard", file: "a.vcf", record: `card:${id}` },
      {
        name,
        emails: emails.map((value) => ({ value, types: [] })),
        phones: phones.map((value) => ({ value, types: [] })),
      },
    )
  const records = [
    record(1, { given: "Robert", family: "Smith Jr" }, ["Bob.Smith@Gmail.com"], ["07700 900123"]),
    record(
      2,
      { given: "Robert", family: "Smith Jr" },
      ["bobsmith@gmail.com", "info@acme.example"],
      ["+44 7700 900123"],
    ),
    record(3, { formatted: "Dr. Zoë van der Berg" }, ["zoe@berg.example"], []),
    record(
      4,
      { formatted: "Dr. Zoë van der Berg" },
      ["ZOE@berg.example", "not an address"],
      ["(0) 20 7946 0958"],
    ),
    record(5, { given: "李", family: "小龙" }, [], ["+1 425 555 0100"]),
  ]

  it("reads a generation from a name's last word, and only a generation", () => {
    const read = reader("GB")
    expect(read(record(6, { given: "Morris", family: "Kane II" }, [], [])).generation).toBe("ii")
    expect(read(record(7, { given: "Ada Sr", family: "Kane" }, [], [])).generation).toBe("sr")
    // Words that name members of every JavaScript object are names here, not generations.
    for (const word of ["Constructor", "toString", "hasOwnProperty", "__proto__"]) {
      const p = read(record(8, { given: "Ada", family: `Kane ${word}` }, [], []))
      expect(p.generation).toBeUndefined()
      expect(p.familyWords).toHaveLength(2)
    }
  })

  it("makes the profiles make() does, sharing what repeats", () => {
    const read = reader("GB")
    const profiles = records.map(read)
    for (const [i, p] of profiles.entries()) expect(p).toEqual(make(records[i]!, "GB"))
    // One spelling of a name or an address is read once and shared.
    expect(profiles[1]!.familyWords).toBe(profiles[0]!.familyWords)
    expect(profiles[1]!.generation).toBe("jr")
    expect(profiles[3]!.familyWords).toBe(profiles[2]!.familyWords)
    expect(profiles[3]!.ownEmails[0]).not.toBe(profiles[2]!.ownEmails[0])
    expect(profiles[3]!.ownEmails[0]!.canonicalHash).toBe(profiles[2]!.ownEmails[0]!.canonicalHash)
    expect(read(records[2]!).ownEmails[0]).toBe(profiles[2]!.ownEmails[0])
  })

  it("keeps an address's character masks in its own fields, as charMask reads its texts", () => {
    for (const e of records.map(reader("GB")).flatMap((p) => p.emails)) {
      const whole = charMask(e.canonical)
      const user = charMask(e.local)
      expect([e.canonicalLo, e.canonicalHi, e.canonicalLo2, e.canonicalHi2]).toEqual([
        whole.lo,
        whole.hi,
        whole.lo2,
        whole.hi2,
      ])
      expect([e.localLo, e.localHi, e.localLo2, e.localHi2]).toEqual([user.lo, user.hi, user.lo2, user.hi2])
    }
    // bob.smith@gmail.com: a repeated letter and a dot set the second masks too.
    const bob = make(records[0]!, "GB").emails[0]!
    expect(bob.canonical).toBe("bobsmith@gmail.com")
    expect(bob.canonicalLo2 | bob.canonicalHi2).not.toBe(0)
  })

  it("shares one reading of a phone spelling and of an employer", () => {
    const read = reader("GB")
    const at = (id: number, phone: string, company: string) =>
      SourceRecord.make(
        { source: "outlook", file: "o.csv", record: `row:${id}` },
        { phones: [{ value: phone, types: [] }], organizations: [{ company }] },
      )
    const [a, b, c] = [
      at(1, "07700 900123", "Acme Ltd"),
      at(2, "07700 900123", "Acme Ltd"),
      at(3, "07700900123", "ACME"),
    ]
      .map(read)
      .map((p) => ({ phone: p.phones[0]!, companies: p.companies }))
    expect(b!.phone).toBe(a!.phone)
    expect(b!.companies).toBe(a!.companies)
    expect(a!.companies).toEqual(["acme"])
    expect(c!.phone).toEqual(a!.phone)
    expect(c!.companies).toEqual(["acme"])
  })
})

describe("Profile.ownDerived", () => {
  const card = (i: number, given: string, family: string, emails: ReadonlyArray<string>) =>
    make(
      SourceRecord.make(
        { source: "vcard", file: "d.vcf", record: `card:${i}` },
        { name: { given, family }, emails: emails.map((value) => ({ value, types: [] })) },
      ),
      "GB",
    )

  it("marks the own addresses made of the name, as nameDerived tells them", () => {
    const p = card(1, "Jane", "Doe", [
      "info@acme.example",
      "jane.doe@acme.example",
      "zz.top@mail.example",
      "jdoe@x.example",
    ])
    expect(p.ownEmails.map((e) => e.local)).toEqual(["jane.doe", "zz.top", "jdoe"])
    expect(p.ownEmails.map((e) => nameDerived(e, p))).toEqual([true, false, true])
    expect(p.ownDerived).toBe(0b101)
  })

  it("is read again with the names swapped when a pair swaps them", () => {
    const a = card(2, "Noah", "Watson", [])
    // "Watson, Noah" written with the names swapped; the address is made of the name read rightly.
    const b = card(3, "Watson", "Noah", ["nwatson@mail.example"])
    const p = Comparison.pair(a, b)
    expect(p.swapped).toBe(true)
    expect(nameDerived(p.b.ownEmails[0]!, p.b)).toBe(true)
    expect(p.b.ownDerived).toBe(1)
    expect(b.ownDerived).toBe(0)
  })
})

describe("profile phone reader", () => {
  it("remembers a number's E.164 spelling only where that spelling reads as itself", () => {
    expect(readsByMainRegion("GB")).toBe(true)
    expect(readsByMainRegion(undefined)).toBe(true)
    expect(readsByMainRegion("us")).toBe(true)
    expect(readsByMainRegion("CA")).toBe(false)
    expect(readsByMainRegion("JE")).toBe(false)
    // In CA a national text reads as a number that +1 alone does not accept: not remembered.
    const ca = phoneReader("CA")
    expect(ca("06 21115")).toBe("+10621115")
    expect(ca("+10621115")).toBe(Phone.toE164("+10621115", "CA"))
    expect(ca("+10621115")).toBeUndefined()
    const gb = phoneReader("GB")
    expect(gb("07700 900123")).toBe("+447700900123")
    expect(gb("+447700900123")).toBe("+447700900123")
  })
})

describe("companyKey", () => {
  it.each([
    ["Acme Corp.", "acme"],
    ["The Acme Company", "acme"],
    ["Nordvik Oy", "nordvik"],
    ["Brightwater Incorporated", "brightwater"],
    ["Kessler GmbH & Co. KG", "kessler"],
    ["Acme Group", "acme group"],
  ])("%j reads as %j: the legal forms of Name.legalForms and the article dropped", (company, key) => {
    expect(companyKey(company)).toBe(key)
  })
})

describe("phones in the record's country", () => {
  const dana = SourceRecord.make(
    { source: "outlook", file: "outlook.csv", record: "row:1" },
    {
      name: { given: "Dana", family: "Whitcombe" },
      phones: [{ value: "(212) 555-0147", types: [] }],
      addresses: [{ locality: "New York", country: "United States", types: [] }],
    },
  )

  it("reads a US-formatted number in a record with a US address in the US, though the import's region is GB", () => {
    expect(reader("GB")(dana).phones.map((p) => p.e164)).toEqual(["+12125550147"])
    expect(make(dana, "GB").phones.map((p) => p.e164)).toEqual(["+12125550147"])
    // Without the address, nothing says the record is not in the import's region.
    expect(reader("GB")({ ...dana, addresses: [] }).phones.map((p) => p.e164)).toEqual(["+442125550147"])
  })

  it("reads national numbers in the country of the record's international ones, and no fragment", () => {
    const r = SourceRecord.make(
      { source: "vcard", file: "contacts.vcf", record: "card:1" },
      {
        phones: [
          { value: "+1 415 555 0199", types: [] },
          { value: "212.555.0147", types: [] },
          { value: "5550 1234", types: [] },
        ],
      },
    )
    expect(reader("GB")(r).phones.map((p) => p.e164)).toEqual(["+14155550199", "+12125550147"])
  })

  it("gives the merged contact the number as the record's country reads it", () => {
    const read = reader("GB")
    expect(read.phone("(212) 555-0147", dana)).toBe("+12125550147")
    expect(read.phone("(212) 555-0147")).toBe("+442125550147")
  })
})

describe("a name beside its LinkedIn profile address", () => {
  const connection = (given: string, family: string, slug: string): SourceRecord.SourceRecord =>
    SourceRecord.make(
      { source: "linkedin", file: "Connections.csv", record: "row:1" },
      {
        name: { given, family },
        urls: [{ value: `https://www.linkedin.com/in/${slug}`, types: [] }],
        handles: [{ service: "linkedin", handle: slug }],
      },
    )

  it("compares a typo'd or short given name under the address's spelling", () => {
    const typo = make(connection("Tobais", "Wendlebury", "tobias-wendlebury-4f2a"), "GB")
    expect([typo.given, typo.family]).toEqual(["tobias", "wendlebury"])
    const short = make(connection("Meg", "Quarrington", "margaret-quarrington"), "GB")
    expect(short.given).toBe("margaret")
  })

  it("compares a typo'd family name under the address's spelling", () => {
    const p = make(connection("Ines", "Falkenrath", "ines-falkenraht"), "GB")
    expect([p.given, p.family]).toEqual(["ines", "falkenraht"])
  })

  it("keeps the displayed name when the address agrees with neither part or is not two name words", () => {
    expect(make(connection("Tobias", "Wendlebury", "tw-consulting"), "GB").given).toBe("tobias")
    expect(make(connection("Tobais", "Wendlebury", "tobiaswendlebury"), "GB").given).toBe("tobais")
    expect(make(connection("Tobais", "Wendlebury", "tobias-ann-wendlebury"), "GB").given).toBe("tobais")
  })
})

describe("a name beside its X handle", () => {
  const account = (given: string, family: string, handle: string): SourceRecord.SourceRecord =>
    SourceRecord.make(
      { source: "twitter", file: "twitter.zip", record: "account:1" },
      { name: { given, family }, handles: [{ service: "twitter", handle, id: "4711" }] },
    )

  it("compares a nickname or a typo'd given name under the handle's spelling", () => {
    expect(make(account("Bella", "Quarrington", "isabellaquarrington"), "GB").given).toBe("isabella")
    expect(make(account("Andy", "Wendlebury", "andrew_wen"), "GB").given).toBe("andrew")
    expect(make(account("Tobais", "Wendlebury", "tobiaswendlebury"), "GB").given).toBe("tobias")
  })

  it("keeps the displayed given name when the handle's start is no form of it", () => {
    expect(make(account("Tobias", "Wendlebury", "realmaxwendlebury"), "GB").given).toBe("tobias")
    expect(make(account("Bella", "Quarrington", "isabella_q"), "GB").given).toBe("bella")
    expect(make(account("Bella", "Quarrington", "bella42"), "GB").given).toBe("bella")
  })
})

describe("a name beside its own addresses", () => {
  const row = (given: string, family: string, ...emails: Array<string>): SourceRecord.SourceRecord =>
    SourceRecord.make(
      { source: "outlook", file: "outlook.csv", record: "row:1" },
      { name: { given, family }, emails: emails.map((value) => ({ value, types: [] })) },
    )

  it("compares a typo'd part under the address's spelling", () => {
    const given = make(row("Rosei", "Pellowe", "rosie.pellowe@initrode.example"), "GB")
    expect([given.given, given.family]).toEqual(["rosie", "pellowe"])
    const family = make(row("Lewis", "Marchabnks", "marchbanks_lewis7+work@example.org"), "GB")
    expect([family.given, family.family]).toEqual(["lewis", "marchbanks"])
  })

  it("splits a user name of given and family run together where a displayed part is", () => {
    expect(make(row("Yuni", "Pellowe", "yukipellowe@initrode.example"), "GB").given).toBe("yuki")
    expect(make(row("Yuki", "Pelowe", "yukipellowe@initrode.example"), "GB").family).toBe("pellowe")
    expect(make(row("Yuni", "Pellowe", "yukip@initrode.example"), "GB").given).toBe("yuni")
  })

  it("keeps a displayed name that another form of it (not a typo) or two spellings stand beside", () => {
    expect(make(row("Katherine", "Pellowe", "kate.pellowe@initrode.example"), "GB").given).toBe("katherine")
    const two = make(
      row("Rosei", "Pellowe", "rosie.pellowe@initrode.example", "roesi.pellowe@example.org"),
      "GB",
    )
    expect(two.given).toBe("rosei")
    expect(make(row("Rosei", "Pellowe", "info@initrode.example"), "GB").given).toBe("rosei")
  })
})
