import { describe, expect, it } from "vitest"
import * as Profile from "../src/internal/profile.ts"
import * as Scoring from "../src/Scoring.ts"
import { make } from "../src/SourceRecord.ts"

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
