import { make } from "@blackbook/model/SourceRecord"
import { describe, expect, it } from "vitest"
import * as Identical from "../src/internal/identical.ts"
import * as Steps from "../src/Steps.ts"

const row = (i: number, note: string, file = "Connections.csv") =>
  make(
    { source: "linkedin", file, record: `row:${i}` },
    { name: { given: "Jonas", family: "Wexler" }, notes: [note] },
  )

describe("internal/identical", () => {
  it("groups by the whole content, though most fields agree, the earliest of each content standing for it", () => {
    // One name throughout; notes alternate between two texts
    const records = Array.from({ length: 2000 }, (_, i) =>
      row(i, i % 2 === 0 ? "met at a fair" : "old colleague"),
    )
    const g = Steps.runSync(Identical.group(records, () => true))
    expect(g.doubles).toBe(1998)
    expect(g.representative[0]).toBe(0)
    expect(g.representative[1]).toBe(1)
    expect(g.representative[1998]).toBe(0)
    expect(g.representative[1999]).toBe(1)
  })

  it("keeps apart records that differ only in a field left out of the hash, and other files' copies", () => {
    const records = [
      ...Array.from({ length: 500 }, (_, i) => row(i, `note ${i}`)),
      row(500, "note 0", "other.csv"),
    ]
    const g = Steps.runSync(Identical.group(records, () => true))
    expect(g.doubles).toBe(0)
    expect(Array.from(g.representative)).toEqual(records.map((_, i) => i))
  })

  it("leaves a record that may not join alone", () => {
    const records = [row(0, "x"), row(1, "x"), row(2, "x")]
    const g = Steps.runSync(Identical.group(records, (i) => i !== 1))
    expect(Array.from(g.representative)).toEqual([0, 1, 0])
  })
})
