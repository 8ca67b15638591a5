import { make } from "@blackbook/model/SourceRecord"
import { describe, expect, it } from "vitest"
import * as Comparison from "../src/Comparison.ts"
import * as Profile from "../src/Profile.ts"
import * as Scoring from "../src/Scoring.ts"
import * as Settings from "../src/Settings.ts"

const rec = (i: number, given: string, family: string, phone: string, email?: string) =>
  Profile.make(
    make(
      { source: "vcard", file: "c.vcf", record: `card:${i}` },
      {
        name: { given, family },
        phones: [{ value: phone, types: [] }],
        emails: email === undefined ? [] : [{ value: email, types: [] }],
      },
    ),
    "GB",
  )

describe("Scoring.context", () => {
  it("calls a value shared when people with different given names hold it", () => {
    const ctx = Scoring.context([
      // One person twice, a nickname in one copy: not shared.
      rec(0, "Robert", "Hale", "+44 7700 900001", "rob.hale@example.org"),
      rec(1, "Bob", "Hale", "+44 7700 900001", "rob.hale@example.org"),
      // A household landline: Jane and Mark Doe.
      rec(2, "Jane", "Doe", "+44 20 7946 0001"),
      rec(3, "Jane", "Doe", "+44 20 7946 0001"),
      rec(4, "Mark", "Doe", "+44 20 7946 0001", "doe.family@example.org"),
      rec(5, "Ann", "Doe", "+44 20 7946 0002", "doe.family@example.org"),
    ])
    expect(ctx.isShared("phone", "+447700900001")).toBe(false)
    expect(ctx.isShared("email", "rob.hale@example.org")).toBe(false)
    expect(ctx.isShared("phone", "+442079460001")).toBe(true)
    expect(ctx.isShared("email", "doe.family@example.org")).toBe(true)
    expect(ctx.isShared("phone", "+442079460002")).toBe(false)
    expect(ctx.isShared("phone", "+442079469999")).toBe(false)
  })

  it("tells names apart whose sound codes are short and alike (Priya and Pierre, both PR)", () => {
    const ctx = Scoring.context([
      rec(0, "Priya", "Ellison", "+44 20 7946 0004"),
      rec(1, "Pierre", "Ellison", "+44 20 7946 0004"),
      // Longer codes still join a spelling to its sound-alike (Catherine, Kathryn).
      rec(4, "Catherine", "Lowe", "+44 20 7946 0006"),
      rec(5, "Kathryn", "Lowe", "+44 20 7946 0006"),
    ])
    expect(ctx.isShared("phone", "+442079460004")).toBe(true)
    expect(ctx.isShared("phone", "+442079460006")).toBe(false)
  })

  it("does not count holders without a usable given name", () => {
    const ctx = Scoring.context([
      rec(0, "J", "Doe", "+44 20 7946 0003"),
      rec(1, "", "Doe", "+44 20 7946 0003"),
      rec(2, "Jane", "Doe", "+44 20 7946 0003"),
    ])
    expect(ctx.isShared("phone", "+442079460003")).toBe(false)
  })
})

describe("Scoring.termFrequencies", () => {
  it("counts values per field and the chance two records agree", () => {
    const tf = Scoring.termFrequencies([
      rec(0, "Jane", "Smith", "+44 7700 900010"),
      rec(1, "John", "Smith", "+44 7700 900011"),
      rec(2, "Jane", "Okafor", "+44 7700 900012"),
    ])
    const family = tf.fields.get("family")!
    expect(family.counts.get("smith")).toBe(2)
    expect(family.counts.get("okafor")).toBe(1)
    expect(family.counts.get("brown")).toBeUndefined()
    expect(family.n).toBe(3)
    expect(family.agree).toBeCloseTo((2 / 3) ** 2 + (1 / 3) ** 2, 12)
  })
})

describe("Scoring.termFrequencies, full names", () => {
  const inFile = (file: string, i: number, given: string, family: string) =>
    Profile.make(make({ source: "vcard", file, record: `card:${i}` }, { name: { given, family } }), "GB")
  const records = [
    inFile("a.vcf", 1, "Robert", "Hale"),
    inFile("b.vcf", 1, "Bob", "Hale"),
    inFile("c.vcf", 1, "Robert", "Hale"),
    // Twice in one file, the second time after another file's records.
    inFile("a.vcf", 2, "Jane", "Doe"),
    inFile("b.vcf", 2, "Jane", "Doe"),
    inFile("a.vcf", 3, "Jane", "Doe"),
    inFile("a.vcf", 4, "", "Doe"),
  ]
  const [robert, bob] = records
  const group = robert!.givenGroups.find((g) => bob!.givenGroups.includes(g))!

  it("counts holders, negative when one file holds the name twice, in any order", () => {
    for (const order of [records, [...records].reverse()]) {
      const names = Scoring.termFrequencies(order).fullNames
      expect(names.name("robert", "hale")).toBe(2)
      expect(names.name("bob", "hale")).toBe(1)
      expect(names.name("jane", "doe")).toBe(-3)
      expect(names.name("mark", "doe")).toBe(0)
      // Robert twice and Bob once, each in a file of its own: one nickname group.
      expect(names.group(group, "hale")).toBe(3)
      expect(names.group(group, "doe")).toBe(0)
    }
  })
})

describe("Scoring.levelsOf", () => {
  // Records with and without each field, so every pair has some field on one side only.
  const at = (i: number, fields: Parameters<typeof make>[1]) =>
    Profile.make(make({ source: "vcard", file: "l.vcf", record: `card:${i}` }, fields), "GB")
  const profiles = [
    at(0, {
      name: { given: "Robert", family: "Hale", suffix: "Jr" },
      emails: [{ value: "rob.hale@example.org", types: [] }],
      phones: [{ value: "+44 7700 900001", types: [] }],
      birthday: { year: 1980, month: 4, day: 2 },
      organizations: [{ company: "Acme Ltd" }],
      addresses: [{ types: [], street: "12 High Street", locality: "Leeds" }],
      handles: [
        { service: "twitter", handle: "robhale", id: "123" },
        { service: "ssn", handle: "123-45-6789" },
      ],
      urls: [{ value: "https://www.linkedin.com/in/robhale", types: [] }],
    }),
    at(1, { name: { given: "Bob", family: "Hale" }, phones: [{ value: "07700 900001", types: [] }] }),
    at(2, { name: { family: "Hale" }, emails: [{ value: "info@acme.example", types: [] }] }),
    at(3, { organizations: [{ company: "Acme Ltd" }] }),
    at(4, {
      name: { given: "Roberta", family: "Hale" },
      birthday: { month: 4, day: 2 },
      handles: [{ service: "instagram", handle: "rhale" }],
      addresses: [{ types: [], street: "12 High St", postalCode: "LS1 1AA" }],
    }),
    at(5, {
      name: { given: "Hale", family: "Robert" },
      emails: [{ value: "rob.hale@example.org", types: [] }],
    }),
  ]
  const comparisons = Settings.defaults.comparisons

  it("gives every pair the levels its comparisons give one by one, fields missing on one side included", () => {
    const ctx = Scoring.context(profiles)
    const out = new Uint8Array(comparisons.length)
    let nullByPresence = 0
    for (const a of profiles)
      for (const b of profiles) {
        if (a === b) continue
        const p = Comparison.pair(a, b)
        Scoring.levelsOf(comparisons, p, ctx, out, 0)
        comparisons.forEach((c, i) => {
          expect(out[i], `${c.name} ${a.key} ${b.key}`).toBe(Comparison.level(c, p, ctx))
          if ((a.present & b.present & Profile.fieldBits[c.field]) === 0) nullByPresence++
        })
      }
    // The pairs cover fields that one side lacks.
    expect(nullByPresence).toBeGreaterThan(100)
  })

  it("asks the levels in order for a comparison whose first level is not the null one", () => {
    const given = comparisons.find((c) => c.field === "given")!
    // No null level first: a missing given name falls wherever the conditions say (here "else").
    const reordered = { ...given, levels: [...given.levels.slice(1), given.levels[0]!] }
    const p = Comparison.pair(profiles[2]!, profiles[0]!)
    const out = new Uint8Array(1)
    Scoring.levelsOf([reordered], p, Scoring.context(profiles), out, 0)
    expect(out[0]).toBe(Comparison.level(reordered, p, Scoring.context(profiles)))
    expect(out[0]).not.toBe(0)
  })
})

describe("Scoring.tfAdjustment", () => {
  const named = (i: number, given: string, family: string) =>
    Profile.make(
      make({ source: "vcard", file: "t.vcf", record: `card:${i}` }, { name: { given, family } }),
      "GB",
    )
  // Forty Smiths, one Quarrington: a common and a rare family name.
  const profiles = [
    ...Array.from({ length: 40 }, (_, i) => named(i, `Given${String.fromCharCode(97 + (i % 26))}`, "Smith")),
    named(40, "Ada", "Quarrington"),
  ]
  const model = Scoring.fromPriors(Settings.defaults, profiles)

  it("weighs agreeing on a rare value up and on a common one down, the same each time it is asked", () => {
    const rare = Scoring.tfAdjustment(model, "family", "exact", "quarrington")
    const common = Scoring.tfAdjustment(model, "family", "exact", "smith")
    expect(rare).toBeGreaterThan(0)
    expect(common).toBeLessThan(0)
    for (let i = 0; i < 3; i++) {
      expect(Scoring.tfAdjustment(model, "family", "exact", "quarrington")).toBe(rare)
      expect(Scoring.tfAdjustment(model, "family", "exact", "smith")).toBe(common)
    }
  })

  it("counts a value no record holds as held once, remembered or not", () => {
    const unknown = Scoring.tfAdjustment(model, "family", "exact", "nobody")
    expect(unknown).toBe(Scoring.tfAdjustment(model, "family", "exact", "quarrington"))
    expect(Scoring.tfAdjustment(model, "family", "exact", "nobody")).toBe(unknown)
  })
})
