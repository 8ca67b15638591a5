import { key, make, type SourceRecord } from "@blackbook/model/SourceRecord"
import { describe, expect, it } from "vitest"
import * as Resolve from "../src/Resolve.ts"

type Fields = Parameters<typeof make>[1]

const rec = (locator: string, fields: Fields, source = "vcard", file = "contacts.vcf"): SourceRecord =>
  make({ source, file, record: locator }, fields)

const email = (value: string) => ({ value, types: [] })
const phone = (value: string) => ({ value, types: [] })
const url = (value: string) => ({ value, types: [] })

/** Clusters as sorted lists of record keys, sorted: independent of input order. */
const clusterKeys = (records: ReadonlyArray<SourceRecord>, options: Resolve.ResolveOptions = {}) =>
  Resolve.resolve(records, options)
    .clusters.map((c) => c.records.map((i) => key(records[i]!.provenance)).sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1))

describe("Resolve.compare", () => {
  it.each<[string, SourceRecord, SourceRecord, boolean, RegExp]>([
    [
      "Gmail dot and +tag variants",
      rec("card:1", { name: { given: "Jane", family: "Doe" }, emails: [email("jane.doe@gmail.com")] }),
      rec(
        "row:1",
        { name: { given: "Jane", family: "Doe" }, emails: [email("JaneDoe+work@googlemail.com")] },
        "google",
      ),
      true,
      /same e-mail after Gmail dot\/tag\/domain rules/,
    ],
    [
      "Robert~Bob with the same phone",
      rec("card:1", { name: { given: "Robert", family: "Smith" }, phones: [phone("+44 20 7946 0123")] }),
      rec(
        "row:1",
        { name: { given: "Bob", family: "Smith" }, phones: [phone("+44 (0)20 7946 0123")] },
        "google",
      ),
      true,
      /same phone \+442079460123; Robert~Bob nickname; family name exact/,
    ],
    [
      "a family landline",
      rec("card:1", { name: { given: "Anna", family: "Meyer" }, phones: [phone("+49 30 1234567")] }),
      rec("card:2", { name: { given: "Tom", family: "Meyer" }, phones: [phone("+49 30 1234567")] }),
      false,
      /different given names \(Anna vs Tom\)/,
    ],
    [
      "a shared family mailbox",
      rec("card:1", { name: { given: "Anna", family: "Meyer" }, emails: [email("meyers@gmail.com")] }),
      rec("card:2", { name: { given: "Tom", family: "Meyer" }, emails: [email("meyers@gmail.com")] }),
      false,
      /different given names/,
    ],
    [
      "namesakes at different companies",
      rec("card:1", {
        name: { given: "John", family: "Smith" },
        emails: [email("john.smith@acme.example")],
        organizations: [{ company: "Acme" }],
      }),
      rec("card:2", {
        name: { given: "John", family: "Smith" },
        emails: [email("jsmith@globex.example")],
        organizations: [{ company: "Globex" }],
      }),
      false,
      /given name exact; family name exact; different e-mails; different companies/,
    ],
    [
      "colleagues' addresses at one domain",
      rec("card:1", { name: { given: "John", family: "Smith" }, emails: [email("john.smith@acme.example")] }),
      rec("card:2", { name: { given: "John", family: "Smith" }, emails: [email("j.smith2@acme.example")] }),
      false,
      /different e-mails at acme.example/,
    ],
    [
      "full names alone",
      rec("card:1", { name: { given: "Jürgen", family: "Großmann" } }),
      rec("row:1", { name: { formatted: "Juergen Grossmann" } }, "linkedin"),
      true,
      /Jürgen~Juergen nickname; family name exact/,
    ],
    [
      "a given name alone",
      rec("card:1", { name: { given: "Jane" } }),
      rec("card:2", { name: { given: "Jane", family: "Doe" } }),
      false,
      /^given name exact$/,
    ],
    [
      "a given name with the same phone",
      rec("card:1", { name: { given: "Jane" }, phones: [phone("+1 425 555 0134")] }),
      rec("card:2", { name: { given: "Jane", family: "Doe" }, phones: [phone("+14255550134")] }),
      true,
      /same phone \+14255550134; given name exact/,
    ],
    [
      "an e-mail and no name",
      rec("card:1", { emails: [email("jdoe@example.org")] }),
      rec("card:2", { name: { given: "Jane", family: "Doe" }, emails: [email("JDoe@Example.org")] }),
      true,
      /^same e-mail jdoe@example.org; e-mail made of the name/,
    ],
    [
      "a role address",
      rec("card:1", { emails: [email("info@acme.example")] }),
      rec("card:2", { emails: [email("info@acme.example")] }),
      false,
      // Whoever answers info@ is no one in particular: no evidence to tell.
      /^$/,
    ],
    [
      "different LinkedIn profiles",
      rec("card:1", {
        name: { given: "Jane", family: "Doe" },
        emails: [email("jane@example.org")],
        urls: [url("https://www.linkedin.com/in/jane-doe-1")],
      }),
      rec("row:1", {
        name: { given: "Jane", family: "Doe" },
        emails: [email("jane@example.org")],
        urls: [url("linkedin.com/in/jane-doe-2")],
      }),
      false,
      /different LinkedIn profiles/,
    ],
    [
      "different Twitter ids",
      rec("account:1", {
        name: { formatted: "Jane Doe" },
        handles: [{ service: "twitter", handle: "jd", id: "1" }],
      }),
      rec("account:2", {
        name: { formatted: "Jane Doe" },
        handles: [{ service: "twitter", handle: "jd", id: "2" }],
      }),
      false,
      /different Twitter accounts/,
    ],
    [
      "one Twitter id under two display names",
      rec("account:1", {
        name: { formatted: "Jane Doe" },
        handles: [{ service: "twitter", handle: "jd", id: "1" }],
      }),
      rec("account:1b", {
        name: { formatted: "Pixel Wizard" },
        handles: [{ service: "x", handle: "@JD", id: "1" }],
      }),
      true,
      /same Twitter account id 1; same handle twitter:jd/,
    ],
    [
      "father and son",
      rec("card:1", {
        name: { given: "John", family: "Smith", suffix: "Jr." },
        phones: [phone("+1 425 555 0111")],
      }),
      rec("card:2", { name: { formatted: "John Smith Sr." }, phones: [phone("+1 425 555 0111")] }),
      false,
      /different generations \(jr vs sr\)/,
    ],
    [
      "different birthdays",
      rec("card:1", { name: { given: "Jane", family: "Doe" }, birthday: { year: 1980, month: 4, day: 22 } }),
      rec("card:2", { name: { given: "Jane", family: "Doe" }, birthday: { month: 5, day: 1 } }),
      false,
      /different birthdays/,
    ],
    [
      "day and month swapped",
      rec("card:1", { name: { given: "Jane", family: "Doe" }, birthday: { year: 1980, month: 4, day: 5 } }),
      rec("card:2", { name: { given: "Jane", family: "Doe" }, birthday: { year: 1980, month: 5, day: 4 } }),
      true,
      /birthday with day and month swapped/,
    ],
    [
      "given and family swapped",
      rec("card:1", { name: { given: "Noah", family: "Watson" }, emails: [email("noah@example.org")] }),
      rec("row:1", { name: { given: "Watson", family: "Noah" }, emails: [email("noah@example.org")] }),
      true,
      /given and family names swapped/,
    ],
    [
      "an initial",
      rec("card:1", { name: { given: "J.", family: "Doe" }, phones: [phone("+1 425 555 0199")] }),
      rec("card:2", { name: { given: "Jane", family: "Doe" }, phones: [phone("+1 425 555 0199")] }),
      true,
      /J\.~Jane initial/,
    ],
    [
      "a nickname field",
      rec("card:1", {
        name: { given: "Jonathan", family: "Reed", nickname: "Scooter" },
        phones: [phone("+1 425 555 0177")],
      }),
      rec("row:1", { name: { formatted: "Scooter Reed" }, phones: [phone("+1 425 555 0177")] }, "google"),
      true,
      /Jonathan~Scooter nickname; family name exact/,
    ],
    [
      "a typo in the given name",
      rec("card:1", { name: { given: "Jonathon", family: "Doe" }, emails: [email("jd@example.org")] }),
      rec("card:2", { name: { given: "Jonathan", family: "Doe" }, emails: [email("jd@example.org")] }),
      true,
      /Jonathon~Jonathan (similar|sound alike)/,
    ],
  ])("%s", (_, a, b, accepted, reason) => {
    const r = Resolve.compare(a, b)
    expect(r.reason).toMatch(reason)
    expect(r.accepted).toBe(accepted)
    expect(r.score).toBeGreaterThanOrEqual(0)
    expect(r.score).toBeLessThanOrEqual(1)
    // Symmetric in score and decision.
    const s = Resolve.compare(b, a)
    expect(s.score).toBe(r.score)
    expect(s.accepted).toBe(accepted)
  })
  it("does not read a floor-unit code (#03-17) as the house number", () => {
    const a = rec("card:1", {
      name: { given: "Wen", family: "Tiakoro" },
      addresses: [{ types: [], street: "#03-17, Larkspur Court, 21 Tembusu Rise", postalCode: "588123" }],
    })
    const b = rec(
      "card:2",
      {
        name: { given: "Wen", family: "Tiakoro" },
        addresses: [{ types: [], street: "21 Tembusu Rise", postalCode: "588123" }],
      },
      "google",
    )
    expect(Resolve.compare(a, b).reason).toMatch(/same address/)
  })

  it("reads a numbered street (W. 57th St) as the street of a house number", () => {
    const home = { types: [], street: "415 W. 57th St", locality: "Brookhaven", postalCode: "30319" }
    const a = rec("card:1", { name: { given: "Ines", family: "Okafor" }, addresses: [home] })
    const b = rec("card:2", { name: { given: "Ines", family: "Okafor" }, addresses: [{ ...home }] }, "google")
    // The same house and street, not merely the same number near a similar word.
    expect(Resolve.compare(a, b).reason).toMatch(/same address 415 W\. 57th St/)
  })
})

describe("Resolve.resolve", () => {
  it("merges Gmail dot variants and explains why", () => {
    const records = [
      rec("card:1", { name: { given: "Jane", family: "Doe" }, emails: [email("jane.doe@gmail.com")] }),
      rec("row:4", { emails: [email("j.a.n.e.doe@gmail.com")] }, "google", "google.csv"),
      rec(
        "row:9",
        { name: { formatted: "Jane Doe" }, emails: [email("janedoe+news@googlemail.com")] },
        "outlook",
        "o.csv",
      ),
    ]
    const r = Resolve.resolve(records)
    expect(r.clusters).toHaveLength(1)
    expect(r.clusters[0]!.records).toHaveLength(3)
    expect(r.clusters[0]!.match).toHaveLength(2)
    for (const m of r.clusters[0]!.match) expect(m.reason).toMatch(/Gmail/)
  })

  it("merges Robert Smith and Bob Smith who share a phone, naming the nickname", () => {
    const records = [
      rec("card:1", { name: { given: "Robert", family: "Smith" }, phones: [phone("+1 (425) 555-0100")] }),
      rec("row:2", { name: { formatted: "Bob Smith" }, phones: [phone("425.555.0100")] }, "google", "g.csv"),
    ]
    // No region given: the national number is read in the region of the international one.
    const r = Resolve.resolve(records)
    expect(r.clusters).toHaveLength(1)
    expect(r.clusters[0]!.match[0]!.reason).toMatch(/Robert~Bob nickname/)
    expect(r.clusters[0]!.match[0]!.records).toEqual(["google:g.csv#row:2", "vcard:contacts.vcf#card:1"])
  })

  it("keeps namesakes apart", () => {
    const records = [
      rec("card:1", {
        name: { given: "John", family: "Smith" },
        emails: [email("john.smith@acme.example")],
        organizations: [{ company: "Acme" }],
      }),
      rec(
        "row:1",
        {
          name: { given: "John", family: "Smith" },
          emails: [email("js@globex.example")],
          organizations: [{ company: "Globex" }],
        },
        "google",
      ),
    ]
    expect(clusterKeys(records)).toHaveLength(2)
  })

  it("does not merge three people who share info@", () => {
    const shared = [email("info@meyer-consulting.example")]
    const named = [
      rec("card:1", { name: { given: "Anna", family: "Meyer" }, emails: shared }),
      rec("card:2", { name: { given: "Tom", family: "Baker" }, emails: shared }),
      rec("card:3", { name: { given: "Carla", family: "Diaz" }, emails: shared }),
    ]
    const r = Resolve.resolve(named)
    expect(r.clusters).toHaveLength(3)
    expect(r.stats.compared).toBe(0)
    // Without names the shared address is still no evidence.
    const unnamed = named.map((n) => ({ ...n, name: {} }))
    expect(Resolve.resolve(unnamed).clusters).toHaveLength(3)
  })

  it("keeps two people on one family landline apart", () => {
    const records = [
      rec("card:1", { name: { given: "Anna", family: "Meyer" }, phones: [phone("+49 30 1234567")] }),
      rec("card:2", { name: { given: "Tom", family: "Meyer" }, phones: [phone("030 1234567")] }),
    ]
    const r = Resolve.resolve(records, { region: "DE" })
    expect(r.stats.compared).toBe(1)
    expect(r.clusters).toHaveLength(2)
  })

  it("does not chain A~B~C when A and C conflict", () => {
    const a = rec("card:1", {
      name: { given: "Robert", family: "Smith" },
      emails: [email("rsmith@example.org")],
      urls: [url("https://www.linkedin.com/in/robert-smith-1")],
    })
    const b = rec("card:2", {
      name: { given: "Bob", family: "Smith" },
      emails: [email("rsmith@example.org")],
      phones: [phone("+1 425 555 0142")],
    })
    const c = rec("card:3", {
      name: { given: "Bobby", family: "Smith" },
      phones: [phone("+1 425 555 0142")],
      urls: [url("https://www.linkedin.com/in/bob-smith-99")],
    })
    expect(Resolve.compare(a, b).accepted).toBe(true)
    expect(Resolve.compare(b, c).accepted).toBe(true)
    expect(Resolve.compare(a, c).conflict).toMatch(/different LinkedIn profiles/)
    const r = Resolve.resolve([a, b, c])
    expect(r.stats.refused).toBe(1)
    expect(clusterKeys([a, b, c])).toEqual([
      ["vcard:contacts.vcf#card:1", "vcard:contacts.vcf#card:2"],
      ["vcard:contacts.vcf#card:3"],
    ])
  })

  it("leaves a name-only record that matches two incompatible namesakes apart from both", () => {
    const a = rec("card:1", {
      name: { given: "Jane", family: "Doe" },
      emails: [email("jane.doe@acme.example")],
    })
    const b = rec("row:1", { name: { given: "Jane", family: "Doe" } }, "linkedin", "Connections.csv")
    const c = rec("card:2", { name: { given: "Jane", family: "Doe" }, emails: [email("jdoe@acme.example")] })
    const r = Resolve.resolve([a, b, c])
    expect(r.stats.accepted).toBe(2)
    expect(r.stats.ambiguous).toBe(2)
    expect(r.clusters).toHaveLength(3)
  })

  it("keeps a father, his son and a bare namesake record at one household address apart", () => {
    const home = { types: [], street: "12 Alder Rd", locality: "Fenwick", postalCode: "04421" }
    const father = rec("card:1", {
      name: { given: "Tobias", family: "Wrenfield", suffix: "Sr" },
      birthday: { year: 1961, month: 4, day: 11 },
      addresses: [home],
    })
    const son = rec("card:2", {
      name: { given: "Tobias", family: "Wrenfield", suffix: "Jr" },
      birthday: { year: 1990, month: 8, day: 30 },
      addresses: [home],
    })
    const mother = rec("card:3", { name: { given: "Greta", family: "Wrenfield" }, addresses: [home] })
    // The household's address is no evidence of which Tobias this is.
    const bare = rec("row:1", { name: { given: "Tobias", family: "Wrenfield" }, addresses: [home] }, "google")
    const r = Resolve.resolve([father, son, mother, bare])
    expect(r.stats.ambiguous).toBe(2)
    expect(r.clusters).toHaveLength(4)
  })

  it("joins a name-only record to the one namesake it matches", () => {
    const a = rec("card:1", {
      name: { given: "Jane", family: "Doe" },
      emails: [email("jane.doe@acme.example")],
    })
    const b = rec("row:1", { name: { given: "Jane", family: "Doe" } }, "linkedin", "Connections.csv")
    const c = rec(
      "account:7",
      { name: { formatted: "Jane Doe" }, handles: [{ service: "twitter", handle: "jd", id: "7" }] },
      "twitter",
      "archive.zip",
    )
    expect(clusterKeys([a, b, c])).toEqual([
      ["linkedin:Connections.csv#row:1", "twitter:archive.zip#account:7", "vcard:contacts.vcf#card:1"],
    ])
  })

  it("skips a block shared by more records than maxBlock", () => {
    const records = Array.from({ length: 60 }, (_, i) =>
      rec(
        `row:${i + 1}`,
        { name: { given: `Person${i}` }, phones: [phone("+44 20 7946 0000")] },
        "csv",
        "switchboard.csv",
      ),
    )
    const r = Resolve.resolve(records, { maxBlock: 50 })
    expect(r.stats.skippedBlocks).toBe(1)
    expect(r.stats.compared).toBe(0)
    expect(r.clusters).toHaveLength(60)
  })
})

/** A small deterministic PRNG (mulberry32), so generated data is the same on every run. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const syllables = [
  "ka",
  "lo",
  "mi",
  "ren",
  "sol",
  "ta",
  "vi",
  "dor",
  "mel",
  "quin",
  "zar",
  "bel",
  "tu",
  "nor",
  "pha",
  "gri",
]
const inventedWord = (r: () => number, parts: number): string => {
  let w = ""
  for (let i = 0; i < parts; i++) w += syllables[Math.floor(r() * syllables.length)]
  return w[0]!.toUpperCase() + w.slice(1)
}

interface Generated {
  readonly records: Array<SourceRecord>
  /** Record key -> the invented person it belongs to. */
  readonly truth: Map<string, number>
}

/** People with invented names; a share of them appear again in a second "source" with variations. */
const generate = (people: number, duplicates: number, seed: number): Generated => {
  const r = rng(seed)
  const records: Array<SourceRecord> = []
  const truth = new Map<string, number>()
  const base: Array<{ given: string; family: string; email: string; phone: string }> = []
  for (let p = 0; p < people; p++) {
    const given = inventedWord(r, 2)
    const family = inventedWord(r, 3)
    const person = {
      given,
      family,
      email: `${given}.${family}${p}@gmail.com`.toLowerCase(),
      phone: `+1 425 ${String(200 + Math.floor(r() * 700))} ${String(1000 + p).padStart(4, "0")}`,
    }
    base.push(person)
    const record = rec(
      `row:${p + 1}`,
      {
        name: { given, family },
        emails: [email(person.email)],
        phones: r() < 0.7 ? [phone(person.phone)] : [],
      },
      "google",
      "google.csv",
    )
    records.push(record)
    truth.set(key(record.provenance), p)
  }
  for (let d = 0; d < duplicates; d++) {
    const p = Math.floor(r() * people)
    const person = base[p]!
    const variant = d % 3
    // Variation: Gmail dots removed and a +tag; or only the phone in national format; or only the name.
    const fields: Fields =
      variant === 0
        ? {
            name: { formatted: `${person.given} ${person.family}` },
            emails: [email(person.email.replace(/\./g, "").replace("@", "+x@"))],
          }
        : variant === 1
          ? {
              name: { given: person.given.toUpperCase(), family: person.family },
              phones: [phone(person.phone.replace("+1 ", "(").replace(" ", ") "))],
            }
          : { name: { formatted: `${person.family}, ${person.given}` } }
    const record = rec(`card:${d + 1}`, fields, "vcard", "phone.vcf")
    records.push(record)
    truth.set(key(record.provenance), p)
  }
  return { records, truth }
}

const pairs = (groups: ReadonlyArray<ReadonlyArray<string>>): Set<string> => {
  const out = new Set<string>()
  for (const g of groups) {
    const s = [...g].sort()
    for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) out.add(`${s[i]}|${s[j]}`)
  }
  return out
}

describe("Resolve at scale", () => {
  it("gives the same clusters whatever the input order", () => {
    const { records } = generate(300, 150, 7)
    const expected = clusterKeys(records, { region: "US" })
    const r = rng(99)
    for (let round = 0; round < 3; round++) {
      const shuffled = records
        .map((x) => [r(), x] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, x]) => x)
      expect(clusterKeys(shuffled, { region: "US" })).toEqual(expected)
    }
  })

  it("compares far fewer than n^2 pairs on 5,000 records and finds the planted duplicates", () => {
    const { records, truth } = generate(4000, 1000, 42)
    const n = records.length
    const started = performance.now()
    const result = Resolve.resolve(records, { region: "US" })
    const ms = performance.now() - started
    const found = pairs(result.clusters.map((c) => c.records.map((i) => key(records[i]!.provenance))))
    const byPerson = new Map<number, Array<string>>()
    for (const [k, p] of truth) byPerson.set(p, [...(byPerson.get(p) ?? []), k])
    const actual = pairs([...byPerson.values()])
    const tp = [...found].filter((p) => actual.has(p)).length
    const precision = found.size === 0 ? 1 : tp / found.size
    const recall = tp / actual.size
    console.log(
      `resolve ${n} records: ${result.stats.compared} pairs compared (n^2/2 = ${(n * n) / 2}), ` +
        `${result.clusters.length} clusters, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, ${ms.toFixed(0)} ms`,
    )
    // Near-linear: a handful of candidate pairs per record, not n^2/2 (12.5 million).
    expect(result.stats.compared).toBeLessThan(n * 4)
    expect(result.stats.compared).toBeGreaterThan(0)
    expect(precision).toBeGreaterThanOrEqual(0.99)
    expect(recall).toBeGreaterThanOrEqual(0.95)
  })
})

describe("Resolve.resolve, explanations", () => {
  it("keeps one copy of evidence entries that recur", () => {
    // Two people, each in two files, joined on the same kind of evidence.
    const names: ReadonlyArray<readonly [string, string]> = [
      ["Jane", "Doe"],
      ["Mark", "Roe"],
    ]
    const records = names.flatMap(([given, family], i) => {
      const fields = {
        name: { given, family },
        emails: [email(`${given}.${family}@example.org`.toLowerCase())],
        phones: [phone(`+44 7700 90012${i}`)],
      }
      return [rec(`card:${i}`, fields), rec(`row:${i}`, fields, "google", "google.csv")]
    })
    const r = Resolve.resolve(records, { region: "GB" })
    const joins = r.clusters.flatMap((c) => c.match)
    expect(joins).toHaveLength(2)
    const [first, second] = joins
    // The reasons name each pair's address; the evidence as data is the same, each entry held once.
    expect(second!.reason).not.toBe(first!.reason)
    expect(second!.evidence).toEqual(first!.evidence)
    for (const [i, entry] of (second!.evidence ?? []).entries()) expect(entry).toBe(first!.evidence?.[i])
    expect(first!.evidence?.map((e) => e.comparison)).toEqual(
      expect.arrayContaining(["e-mail", "phone", "given name", "family name"]),
    )
  })
})
