/**
 * The kinds of pairs a person's own exports hold (issue 17), one test per kind: each pair of
 * invented records in, merged or not out. Where training on a real import would weaken a level,
 * the settings say so, as a sample would teach it.
 */
import { key, make, type SourceRecord } from "@blackbook/model/SourceRecord"
import { describe, expect, it } from "vitest"
import type * as Comparison from "../src/Comparison.ts"
import * as Resolve from "../src/Resolve.ts"
import * as Scoring from "../src/Scoring.ts"
import * as Settings from "../src/Settings.ts"

type Fields = Parameters<typeof make>[1]

const rec = (source: string, file: string, locator: string, fields: Fields): SourceRecord =>
  make({ source, file, record: locator }, fields)
const outlook = (row: number, fields: Fields) => rec("outlook-csv", "outlook.csv", `row:${row}`, fields)
const vcard = (card: number, fields: Fields) => rec("vcard", "contacts.vcf", `card:${card}`, fields)
const linkedin = (row: number, fields: Fields) => rec("linkedin", "Connections.csv", `row:${row}`, fields)
const twitter = (id: string, fields: Fields) => rec("twitter", "following.js", `account:${id}`, fields)
const emails = (...values: ReadonlyArray<string>) => values.map((value) => ({ value, types: [] }))
const phones = (...values: ReadonlyArray<string>) => values.map((value) => ({ value, types: [] }))

/** The default settings with one level of one comparison given other m and u. */
const withLevel = (field: Comparison.Field, label: string, m: number, u: number): Settings.Settings => ({
  ...Settings.defaults,
  comparisons: Settings.defaults.comparisons.map((c) =>
    c.field !== field
      ? c
      : ({ ...c, levels: c.levels.map((l) => (l.label === label ? { ...l, m, u } : l)) } as typeof c),
  ),
})

const clusterKeys = (records: ReadonlyArray<SourceRecord>) =>
  Resolve.resolve(records, { region: "GB" })
    .clusters.map((c) => c.records.map((i) => key(records[i]!.provenance)).sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1))

describe("one exact mailbox", () => {
  const row = outlook(402, { emails: emails("zoemorris@stark.example") })
  const card = vcard(99, {
    name: { given: "Zoë", family: "Morris" },
    emails: emails("Zoemorris@Stark.Example"),
  })

  it("merges a nameless row with the card holding its address, however weak a sample made the level", () => {
    // A sample in which the level looked common: on its own, below the threshold.
    const settings = withLevel("email", "exact", 0.6, 0.001)
    expect(Resolve.compare(row, card, { settings }).accepted).toBe(true)
  })

  it("still merges when the import is so big that the prior is strict", () => {
    const settings = { ...Settings.defaults, prior: { ...Settings.defaults.prior, population: 5_000_000 } }
    expect(Resolve.compare(row, card, { settings }).accepted).toBe(true)
  })

  it("counts no user name made of the named side's name at another domain", () => {
    const a = outlook(352, { emails: emails("thomas@umbrella.example") })
    const b = outlook(37, {
      name: { given: "Thomas", family: "Hussain" },
      emails: emails("thomas@vandelay.example"),
    })
    const verdict = Resolve.compare(a, b)
    expect(verdict.reason).not.toMatch(/same e-mail user name/)
    expect(verdict.accepted).toBe(false)
  })
})

describe("two identifiers and a name written otherwise", () => {
  it("lets names lower, not undo, a pair sharing a mailbox and a mobile", () => {
    const model = Scoring.fromPriors(Settings.defaults)
    const C = model.comparisons.length
    const levels = new Uint8Array(C)
    const at = (field: Comparison.Field, label: string) => {
      const c = model.comparisons.findIndex((x) => x.field === field)
      levels[c] = model.comparisons[c]!.levels.findIndex((l) => l.label === label)
    }
    at("email", "exact")
    at("phone", "exact")
    // "Sasra" for Sasha: read as a name from the same stem, the strongest penalty a name has.
    at("given", "distinct")
    at("family", "different")
    expect(Scoring.probability(Scoring.levelBits(model, levels, 0))).toBeGreaterThan(
      Settings.defaults.threshold,
    )
    // One identifier is not enough for that.
    at("phone", "different")
    expect(Scoring.probability(Scoring.levelBits(model, levels, 0))).toBeLessThan(Settings.defaults.threshold)
  })

  it("merges a card's X handle with the archive account of that name, whatever its display name", () => {
    const card = vcard(216, {
      name: { given: "Hiroshi", family: "Gallagher" },
      handles: [{ service: "twitter", handle: "hiroshi_gal" }],
    })
    const account = twitter("6957294", {
      name: { given: "coffee", family: "code" },
      handles: [{ service: "twitter", handle: "hiroshi_gal", id: "6957294" }],
    })
    expect(Resolve.compare(card, account).accepted).toBe(true)
  })

  it("still does when the import is so big that the prior is strict", () => {
    const card = vcard(217, {
      name: { given: "Hiroshi", family: "Gallagher" },
      handles: [{ service: "twitter", handle: "hiroshi_gal" }],
    })
    const account = twitter("6957294", {
      name: { given: "coffee", family: "code" },
      handles: [{ service: "twitter", handle: "hiroshi_gal", id: "6957294" }],
    })
    const settings = { ...Settings.defaults, prior: { ...Settings.defaults.prior, population: 5_000_000 } }
    expect(Resolve.compare(card, account, { settings }).accepted).toBe(true)
  })

  it("joins the account to the card's person when the person's other records bear the name", () => {
    const card = vcard(218, {
      name: { given: "Hiroshi", family: "Gallagher" },
      phones: phones("+44 7700 900321"),
      handles: [{ service: "twitter", handle: "hiroshi_gal" }],
    })
    const row = outlook(88, {
      name: { given: "Hiroshi", family: "Gallagher" },
      phones: phones("+44 7700 900321"),
      emails: emails("hiroshi.gallagher@fabrikam.example"),
    })
    const account = twitter("6957294", {
      name: { given: "coffee", family: "code" },
      handles: [{ service: "twitter", handle: "hiroshi_gal", id: "6957294" }],
    })
    expect(clusterKeys([card, row, account])).toEqual([
      [key(row.provenance), key(account.provenance), key(card.provenance)].sort(),
    ])
  })
})

describe("employer and title", () => {
  const connection = linkedin(76, {
    name: { given: "Agnieszka", family: "Ryan" },
    organizations: [{ company: "Tailspin Toys", title: "Finance Director" }],
  })

  it("merges a job change: the old employer kept in the address book, the title the same", () => {
    const contact = outlook(340, {
      name: { given: "Agnieszka", family: "Ryan" },
      emails: emails("agnieszka.ryan@contoso.example"),
      organizations: [{ company: "Contoso", title: "Finance Director" }],
    })
    expect(Resolve.compare(connection, contact).accepted).toBe(true)
  })

  it("leaves apart a namesake at another employer with another title", () => {
    const namesake = outlook(341, {
      name: { given: "Agnieszka", family: "Ryan" },
      organizations: [{ company: "Contoso", title: "Software Engineer" }],
    })
    expect(Resolve.compare(connection, namesake).accepted).toBe(false)
  })

  it("reads a work address at the other record's employer as naming it (Müller ~ Mueller)", () => {
    const contact = outlook(324, {
      name: { given: "Hannah", family: "Mueller" },
      emails: emails("hmueller+work@umbrella-health.co.uk"),
    })
    const connection = linkedin(90, {
      name: { given: "Hannah", family: "Müller" },
      organizations: [{ company: "Umbrella Health" }],
    })
    const verdict = Resolve.compare(contact, connection)
    expect(verdict.reason).toMatch(/e-mail at the employer's domain \(umbrella health\)/)
    expect(verdict.accepted).toBe(true)
  })
})

describe("short forms", () => {
  it("pairs and merges a short form made of the long name's end (Seun, Oluwaseun) at one employer", () => {
    const connection = linkedin(405, {
      name: { given: "Seun", family: "Sharma" },
      organizations: [{ company: "Stark Industries" }],
    })
    const contact = outlook(139, {
      name: { given: "Oluwaseun", family: "Sharma" },
      emails: emails("oluwaseun.sharma@stark.example"),
      organizations: [{ company: "Stark Industries" }],
    })
    const others = ["Tomas", "Wren", "Odile"].map((given, n) =>
      vcard(n, { name: { given, family: "Sharma" }, phones: phones(`+44 7700 90012${n}`) }),
    )
    expect(clusterKeys([connection, contact, ...others])).toContainEqual(
      [connection, contact].map((r) => key(r.provenance)).sort(),
    )
  })
})

describe("a row with an address and no name", () => {
  it("merges with the connection whose whole name the address is made of, at its employer", () => {
    const row = outlook(1520, { emails: emails("gareth.laurent@fabrikam.example") })
    const connection = linkedin(6196, {
      name: { given: "Gareth", family: "Laurent" },
      organizations: [{ company: "Fabrikam", title: "Marketing Manager" }],
    })
    const verdict = Resolve.compare(row, connection)
    expect(verdict.reason).toMatch(/e-mail made of the name/)
    expect(verdict.accepted).toBe(true)
  })
})

describe("clustering", () => {
  it("joins a nameless row to a card and the card's name-only twin on another service", () => {
    const row = outlook(111, {
      emails: emails("joel.cooper@northwind.example"),
      phones: phones("07062 076 812"),
    })
    const card = vcard(53, {
      name: { given: "Joel", family: "Cooper" },
      emails: emails("Joel.Cooper@Acme.Example"),
      phones: phones("+447062076812"),
    })
    const account = twitter("4779569", {
      name: { given: "Joel", family: "Cooper" },
      handles: [{ service: "twitter", handle: "cooper91", id: "4779569" }],
    })
    expect(clusterKeys([row, card, account])).toEqual([
      [card, row, account].map((r) => key(r.provenance)).sort(),
    ])
  })
})

describe("context", () => {
  // One person twice in one export, and other exports of unrelated people beside it.
  const own = [
    outlook(1, { name: { given: "Marit", family: "Okafor" }, emails: emails("marit@brightwater.example") }),
    outlook(2, { name: { given: "Marit", family: "Okafor" }, phones: phones("+44 7700 900123") }),
    outlook(3, { name: { given: "Ilse", family: "Varga" }, emails: emails("ilse.varga@kessler.example") }),
  ]
  const others = Array.from({ length: 40 }, (_, n) =>
    vcard(n, {
      name: {
        given: ["Tomas", "Wren", "Odile", "Caius"][n % 4]!,
        family: `Halloran${String.fromCharCode(97 + n)}`,
      },
      phones: phones(`+44 7700 9${String(n).padStart(5, "0")}`),
    }),
  )
  const ownPairs = (records: ReadonlyArray<SourceRecord>) =>
    clusterKeys(records)
      .map((c) => c.filter((k) => k.includes("outlook.csv")))
      .filter((c) => c.length > 0)

  it("decides a pair of one export the same alone and beside unrelated exports", () => {
    expect(ownPairs([...own, ...others])).toEqual(ownPairs(own))
  })
})

describe("a full name held by one record per file", () => {
  // Common parts, a rare whole: every given name below meets every family name once, in one
  // export, so "Colin" and "Goldberg" are each held by many records and "Colin Goldberg" by none.
  const givens = ["Colin", "Maria", "Tomas", "Ines", "Oskar", "Lena", "Pavel", "Nadia", "Emil", "Rosa"]
  const families = ["Goldberg", "Halvorsen", "Brannigan", "Okafor", "Lindqvist", "Moretti", "Castell"]
  const fillers: Array<SourceRecord> = []
  let row = 0
  for (const given of givens)
    for (const family of families)
      if (!(given === "Colin" && family === "Goldberg"))
        fillers.push(outlook(++row, { name: { given, family }, organizations: [{ company: "Initrode" }] }))
  // And people of other names, each once.
  for (const given of [
    "Agnes",
    "Bruno",
    "Clara",
    "Dario",
    "Edith",
    "Felix",
    "Greta",
    "Hugo",
    "Ilse",
    "Jonas",
  ])
    for (const family of [
      "Ashby",
      "Brook",
      "Crane",
      "Dunmore",
      "Ellery",
      "Fairlie",
      "Garrick",
      "Holt",
      "Ivers",
      "Joyce",
    ])
      fillers.push(vcard(++row, { name: { given, family }, organizations: [{ company: "Vexcom" }] }))
  const connection = linkedin(1, {
    name: { given: "Colin", family: "Goldberg" },
    organizations: [{ company: "Initech", title: "Consultant" }],
  })
  const account = twitter("881", { name: { given: "Colin", family: "Goldberg" } })
  // An import of this size counts as a whole population (the default assumes at least 1,000).
  const sized = { ...Settings.defaults, prior: { ...Settings.defaults.prior, population: 150 } }
  const together = (records: ReadonlyArray<SourceRecord>, settings = sized) => {
    const r = Resolve.resolve(records, { region: "GB", settings })
    const of = (x: SourceRecord) => r.clusters.findIndex((c) => c.records.some((i) => records[i] === x))
    return of(connection) === of(account)
  }

  it("merges a LinkedIn connection and an X account of that name, and only because of it", () => {
    expect(together([...fillers, connection, account])).toBe(true)
    expect(together([...fillers, connection, account], { ...sized, fullName: { bits: 0 } })).toBe(false)
  })

  it("counts a nickname's group with the family name the same way (Robert, Bob)", () => {
    const robert = linkedin(3, {
      name: { given: "Robert", family: "Goldberg" },
      organizations: [{ company: "Initech" }],
    })
    const bob = twitter("882", { name: { given: "Bob", family: "Goldberg" } })
    const joined = (settings: Settings.Settings) => {
      const records = [...fillers, robert, bob]
      const r = Resolve.resolve(records, { region: "GB", settings })
      return r.clusters.some(
        (c) => c.records.includes(records.indexOf(robert)) && c.records.includes(records.indexOf(bob)),
      )
    }
    expect(joined(sized)).toBe(true)
    expect(joined({ ...sized, fullName: { bits: 0 } })).toBe(false)
  })

  it("does not when one export holds the name twice (two people at least)", () => {
    const namesake = linkedin(2, {
      name: { given: "Colin", family: "Goldberg" },
      organizations: [{ company: "Vexcom" }],
    })
    expect(together([...fillers, connection, namesake, account])).toBe(false)
  })

  it("counts a calendar's attendees of that name under two addresses as one holder", () => {
    const attendee = (address: string) =>
      rec("ics", "calendar.ics", `attendee:${address}`, {
        name: { given: "Colin", family: "Goldberg" },
        emails: emails(address),
      })
    const work = attendee("colin.goldberg@initech.example")
    const home = attendee("cgoldberg77@mailbox.example")
    const records = [...fillers, connection, work, home]
    const r = Resolve.resolve(records, { region: "GB", settings: sized })
    const of = (x: SourceRecord) => r.clusters.findIndex((c) => c.records.some((i) => records[i] === x))
    expect(of(home)).toBe(of(connection))
    expect(of(work)).toBe(of(connection))
  })
})

describe("a sub-address", () => {
  it("joins a calendar attendee's +tag address to the row of the plain mailbox, on any domain", () => {
    const attendee = rec("ics", "calendar.ics", "attendee:aisha+work@tailspin.example", {
      name: { given: "Aisha", family: "Visser" },
      emails: emails("aisha+work@tailspin.example"),
    })
    const row = outlook(212, { emails: emails("Aisha@Tailspin.Example") })
    expect(Resolve.compare(attendee, row).accepted).toBe(true)
  })
})
