import { make, type SourceRecord } from "@blackbook/model/SourceRecord"
import { describe, expect, it } from "vitest"
import * as Comparison from "../src/Comparison.ts"
import { abbreviates, distinctNames } from "../src/Comparison.ts"
import * as ComparisonLibrary from "../src/ComparisonLibrary.ts"
import * as Profile from "../src/Profile.ts"
import * as Resolve from "../src/Resolve.ts"

const rec = (locator: string, fields: Parameters<typeof make>[1]): SourceRecord =>
  make({ source: "csv", file: "people.csv", record: locator }, fields)

describe("distinctNames", () => {
  it.each([
    ["darla", "darlene"],
    ["darla", "darletta"],
    ["mark", "marsha"],
    ["darlene", "darletta"],
  ])("%s and %s are two names", (a, b) => {
    expect(distinctNames(a, b)).toBe(true)
    expect(distinctNames(b, a)).toBe(true)
  })

  it.each([
    ["charlie", "charlei"],
    ["william", "willaim"],
    ["isabelle", "isabeel"],
    ["jess", "jessica"],
    ["anna", "annabelle"],
    ["rosemay", "rosemary"],
    ["jon", "jonathan"],
    ["mohamed", "muhammed"],
    ["nathan", "nathsab"],
    ["michel", "michadl"],
  ])("%s and %s may be one name (typo, abbreviation, spelling)", (a, b) => {
    expect(distinctNames(a, b)).toBe(false)
  })
})

describe("abbreviates", () => {
  it.each([
    ["mhd", "mohamed"],
    ["wm", "william"],
    ["jhn", "johnathan"],
  ])("%s abbreviates %s", (a, b) => {
    expect(abbreviates(a, b)).toBe(true)
  })

  it.each([
    ["mo", "mohamed"],
    ["jon", "jonathan"],
    ["wm", "walter"],
    ["mhd", "ahmed"],
    ["tm", "tim"],
  ])("%s does not abbreviate %s", (a, b) => {
    expect(abbreviates(a, b)).toBe(false)
  })
})

describe("e-mail addresses made of the owner's name", () => {
  const email = ComparisonLibrary.email()
  const levelOf = (a: [string, string, string], b: [string, string, string]) => {
    const profile = (id: string, [given, family, address]: [string, string, string]) =>
      Profile.make(rec(id, { name: { given, family }, emails: [{ value: address, types: [] }] }), "GB")
    const p = Comparison.pair(profile("row:1", a), profile("row:2", b))
    return email.levels[Comparison.level(email, p, Comparison.emptyContext)]!.label
  }

  it.each([
    ["mikhail.lebedev@example.org", "mikhail.lebedev@outlook.com"],
    ["mikhail.lebedev@example.org", "mikhaillebedev2@gmail.com"],
    ["m.lebedev@acme.example", "lebedev.mikhail@gmail.com"],
  ])("two namesakes' %s and %s are alike only through the name", (x, y) => {
    expect(levelOf(["Mikhail", "Lebedev", x], ["Mikhail", "Lebedev", y])).toBe("different")
  })

  it("reads umlauts spelt out in the address (buesra.oezdemir for Büşra Özdemir)", () => {
    expect(
      levelOf(
        ["Büşra", "Özdemir", "buesra.oezdemir@gmail.com"],
        ["Büşra", "Özdemir", "buesra_oezdemir@posteo.example"],
      ),
    ).toBe("different")
  })

  it("still counts a user name that is not the name", () => {
    expect(
      levelOf(["Mikhail", "Lebedev", "bluefox77@gmail.com"], ["Mikhail", "Lebedev", "bluefox77@yahoo.com"]),
    ).toBe("user name")
    expect(
      levelOf(["Mikhail", "Lebedev", "bluefox77@gmail.com"], ["Mikhail", "Lebedev", "bluefox71@gmail.com"]),
    ).not.toBe("user name")
  })
})

describe("name and document evidence", () => {
  it("keeps near-twins with one birthday apart", () => {
    const a = rec("row:1", {
      name: { given: "Darla", family: "Quennell" },
      birthday: { year: 1980, month: 1, day: 7 },
    })
    const b = rec("row:2", {
      name: { given: "Darlene", family: "Quennell" },
      birthday: { year: 1980, month: 1, day: 7 },
    })
    const r = Resolve.compare(a, b)
    expect(r.accepted).toBe(false)
    expect(r.reason).toMatch(/different names \(Darla vs Darlene\)/)
  })

  it("still merges near-twin names that share a passport", () => {
    const passport = [{ service: "passport", handle: "X1234567" }]
    const a = rec("row:1", { name: { given: "Darla", family: "Quennell" }, handles: passport })
    const b = rec("row:2", { name: { given: "Darlene", family: "Quennell" }, handles: passport })
    expect(Resolve.compare(a, b).accepted).toBe(true)
  })

  it("counts birthdays a generation apart more against than a slip in one part", () => {
    const person = (locator: string, year: number, month: number, day: number) =>
      rec(locator, {
        name: { given: "Tobias", family: "Wrenfield" },
        addresses: [{ street: "14 Larch Row", locality: "Dunmere", types: [] }],
        birthday: { year, month, day },
      })
    const father = person("row:1", 1951, 3, 31)
    const son = Resolve.compare(father, person("row:2", 1978, 12, 11))
    const slip = Resolve.compare(father, person("row:3", 1957, 3, 31))
    expect(son.reason).toMatch(/birthdays a generation apart/)
    expect(slip.bits).toBeGreaterThan(son.bits + 5)
  })

  it("does not read transliterated spellings as two names", () => {
    const a = rec("row:1", { name: { given: "Александр", family: "Волконский" } })
    const b = rec("row:2", { name: { given: "Alexander", family: "Volkonsky" } })
    expect(Resolve.compare(a, b).reason).not.toMatch(/different names/)
  })

  it("reads a family name kept as the other's middle name as overlapping, not different", () => {
    const a = rec("row:1", { name: { given: "Ottilie", family: "Brackwater" } })
    const b = rec("row:2", { name: { given: "Ottilie", middle: "Brackwater", family: "Fenwright" } })
    const r = Resolve.compare(a, b)
    expect(r.reason).toMatch(/family names overlap/)
    expect(r.reason).not.toMatch(/different family names/)
  })
})

describe("e-mail evidence", () => {
  const email = (value: string) => ({ value, types: [] })

  it("counts a role address (info@) neither for nor against a pair", () => {
    const andrew = { given: "Andrew", family: "Pemberton" }
    const andy = { given: "Andy", family: "Pemberton" }
    const bare = Resolve.compare(rec("row:1", { name: andrew }), rec("row:2", { name: andy }))
    const office = [email("info@harbour-council.example")]
    const both = Resolve.compare(
      rec("row:1", { name: andrew, emails: office }),
      rec("row:2", { name: andy, emails: office }),
    )
    expect(both.reason).not.toMatch(/e-mail/)
    expect(both.bits).toBe(bare.bits)
    // A person's own address at the office's domain is no second account either.
    const own = Resolve.compare(
      rec("row:1", { name: andrew, emails: office }),
      rec("row:2", { name: andy, emails: [email("andy.pemberton@harbour-council.example")] }),
    )
    expect(own.reason).not.toMatch(/different e-mails/)
    expect(own.bits).toBe(bare.bits)
  })
})

describe("address evidence", () => {
  const person = (locator: string, street: string, locality: string) =>
    rec(locator, {
      name: { given: "Rukhsana", family: "Baigmir" },
      addresses: [{ street, locality, types: [] }],
    })

  it("reads the same street words without a house number in one place as the same street", () => {
    const r = Resolve.compare(
      person("row:1", "Kotli Mirza Canal Road", "Dharampur"),
      person("row:2", "Kotli Mirza Canal Road", "Dharampur"),
    )
    expect(r.reason).toMatch(/similar addresses/)
  })

  it("does not read one street name in two places as one street", () => {
    const r = Resolve.compare(
      person("row:1", "Kotli Mirza Canal Road", "Dharampur"),
      person("row:2", "Kotli Mirza Canal Road", "Sultanpur"),
    )
    expect(r.reason).not.toMatch(/similar addresses/)
  })
})

describe("organisation evidence", () => {
  it("weighs two organisations' names once, as organisations, not again as companies", () => {
    const a = rec("row:1", { organizations: [{ company: "Tamarind Leaf Catering" }] })
    const b = rec("row:2", { organizations: [{ company: "Tamarind Leaf Catering (Jalan Kedondong)" }] })
    const r = Resolve.compare(a, b)
    expect(r.reason).toMatch(/organisation names/)
    expect(r.reason).not.toMatch(/compan/)
  })
})

/** The level `holds` finds asking each level's condition in turn (what `Comparison.level` must find). */
const levelByHolds = (
  comparison: Comparison.Comparison,
  p: Comparison.Pair,
  ctx: Comparison.Context,
): number => {
  const last = comparison.levels.length - 1
  for (let i = 0; i < last; i++) if (Comparison.holds(comparison, i, p, ctx)) return i
  return last
}

describe("Comparison.level for e-mails", () => {
  it("finds the level that testing each level's condition in turn finds", () => {
    // Invented addresses over a few users and domains, so that every e-mail level is met.
    const users = ["jane.doe", "jane.doe2", "jdoe", "jane.dough", "info", "sam.lee", "samlee"]
    const domains = ["example.org", "gmail.com", "acme.example", "acme-mail.example"]
    let seed = 5
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(next() * xs.length)]!
    const person = (i: number) =>
      Profile.make(
        make(
          { source: "vcard", file: "c.vcf", record: `card:${i}` },
          {
            name: { given: "Jane", family: "Doe" },
            emails: Array.from({ length: Math.floor(next() * 3) }, () => ({
              value: `${pick(users)}@${pick(domains)}`,
              types: [],
            })),
          },
        ),
        "GB",
      )
    const comparison = ComparisonLibrary.email()
    // A team's domain: every address there is held by several people.
    const ctx: Comparison.Context = { isShared: (_, v) => v.endsWith("@acme-mail.example") }
    const seen = new Set<number>()
    for (let k = 0; k < 3000; k++) {
      const p = Comparison.pair(person(2 * k), person(2 * k + 1))
      const expected = levelByHolds(comparison, p, ctx)
      const got = Comparison.level(comparison, p, ctx)
      expect(got).toBe(expected)
      seen.add(got)
    }
    expect(seen.size).toBe(comparison.levels.length)
  })

  it("finds the phone level in one pass as holds does level by level, in any level order", () => {
    let seed = 17
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    // A few invented numbers, some written without the country code or unreadable.
    const numbers = [
      "+44 20 7946 0958",
      "020 7946 0958",
      "7946 0958",
      "+44 7700 900123",
      "12345",
      "+1 202 555 0143",
    ]
    const person = (i: number) =>
      Profile.make(
        make(
          { source: "vcard", file: "c.vcf", record: `card:${i}` },
          {
            name: { given: "Jane", family: "Doe" },
            phones: Array.from({ length: Math.floor(next() * 3) }, () => ({
              value: numbers[Math.floor(next() * numbers.length)]!,
              types: [],
            })),
          },
        ),
        "GB",
      )
    const library = ComparisonLibrary.phone()
    // A user's comparison may order its levels otherwise: here the null level after two others,
    // and no level for numbers shared by several people.
    const reordered: Comparison.Comparison = {
      ...library,
      levels: [library.levels[1]!, library.levels[3]!, library.levels[0]!, library.levels[4]!],
    }
    // A family landline: held by several people.
    const ctx: Comparison.Context = { isShared: (_, v) => v === "+442079460958" }
    for (const comparison of [library, reordered]) {
      const seen = new Set<number>()
      for (let k = 0; k < 3000; k++) {
        const p = Comparison.pair(person(2 * k), person(2 * k + 1))
        const expected = levelByHolds(comparison, p, ctx)
        const got = Comparison.level(comparison, p, ctx)
        expect(got, JSON.stringify([p.a.phones, p.b.phones])).toBe(expected)
        seen.add(got)
      }
      expect(seen.size).toBe(comparison.levels.length)
    }
  })

  it("finds the birthday level in one pass as holds does level by level", () => {
    let seed = 11
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    // Dates from a narrow range (so parts agree often), some parts or whole dates missing.
    const part = (values: ReadonlyArray<number>) =>
      next() < 0.15 ? undefined : values[Math.floor(next() * values.length)]
    const person = (i: number) => {
      const year = part([1950, 1952, 1975, 1980])
      const month = part([1, 3, 7])
      const day = part([1, 3, 7, 12])
      return Profile.make(
        make(
          { source: "vcard", file: "c.vcf", record: `card:${i}` },
          {
            name: { given: "Jane", family: "Doe" },
            ...(next() < 0.1
              ? {}
              : {
                  birthday: {
                    ...(year !== undefined ? { year } : {}),
                    ...(month !== undefined ? { month } : {}),
                    ...(day !== undefined ? { day } : {}),
                  },
                }),
          },
        ),
        "GB",
      )
    }
    const comparison = ComparisonLibrary.birthday()
    const seen = new Set<number>()
    for (let k = 0; k < 4000; k++) {
      const p = Comparison.pair(person(2 * k), person(2 * k + 1))
      const expected = levelByHolds(comparison, p, Comparison.emptyContext)
      const got = Comparison.level(comparison, p, Comparison.emptyContext)
      expect(got, JSON.stringify([p.a.birthday, p.b.birthday])).toBe(expected)
      seen.add(got)
    }
    expect(seen.size).toBe(comparison.levels.length)
  })
})
