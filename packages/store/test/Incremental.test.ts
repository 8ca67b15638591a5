import { SourceRecord } from "@blackbook/model"
import { Book, type Profile, type Scoring } from "@blackbook/resolve"
import { describe, expect, it } from "vitest"
import * as Incremental from "../src/internal/incremental.ts"

const now = new Date("2026-11-01T09:00:00Z")

const card = (file: string, i: number, given: string, family: string, email: string) =>
  SourceRecord.make(
    { source: "vcard", file, record: `card:${i}` },
    {
      name: { given, family },
      emails: [{ value: email, types: [], primary: true }],
    },
  )

/** A trained model and its profiles from a small invented book. */
const trained = () => {
  const names = ["Maren Solberg", "Tove Lindqvist", "Ansel Hartwig", "Ilse Brandvold", "Oskar Vennberg"]
  const items = names.flatMap((name, i) => {
    const [given, family] = name.split(" ") as [string, string]
    const email = `${given.toLowerCase()}@${family.toLowerCase()}.example`
    return [
      { _tag: "Record" as const, record: card("a.vcf", i, given, family, email) },
      { _tag: "Record" as const, record: card("b.vcf", i, given, family, email) },
    ]
  })
  let model: Scoring.Model | undefined
  let profiles: ReadonlyArray<Profile.Profile> = []
  Book.build(items, {
    now,
    onModel: (m, ps) => {
      model = m
      profiles = [...ps]
    },
  })
  return { model: model!, profiles }
}

describe("Incremental.modelOf", () => {
  it("adds the value counts of the records an import brings to the stored ones", () => {
    const { model, profiles } = trained()
    const stored = Incremental.trainedOf(model, profiles, "GB")
    const read = Incremental.readerOf("GB")
    const fresh = Array.from({ length: 6 }, (_, i) =>
      read(
        card("new.vcf", i, `Odalys${String.fromCharCode(97 + i)}`, "Quellmark", `o${i}@quellmark.example`),
      ),
    )
    const twice = [0, 1].map((i) => read(card("new.vcf", 10 + i, "Perpetua", "Quellmark", `p${i}@x.example`)))
    const before = Incremental.modelOf(stored)
    const after = Incremental.modelOf(stored, [...fresh, ...twice])
    const family = (m: Scoring.Model) => m.tf.fields.get("family")?.counts.get(fresh[0]!.family) ?? 0
    expect(family(before)).toBe(0)
    expect(family(after)).toBe(8)
    expect(after.tf.records).toBe(before.tf.records + 8)
    // Two fresh records of one full name in one file: held twice in a file.
    expect(before.tf.fullNames.name(twice[0]!.given, twice[0]!.family)).toBe(0)
    expect(after.tf.fullNames.name(twice[0]!.given, twice[0]!.family)).toBe(-2)
  })
})
