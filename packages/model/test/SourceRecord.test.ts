import { describe, expect, it } from "vitest"
import * as SourceRecord from "../src/SourceRecord.ts"

describe("SourceRecord.make", () => {
  const provenance = (record: string) => ({ source: "vcard", file: "a.vcf", record })

  it("fills what a record lacks with shared, frozen empty values", () => {
    const a = SourceRecord.make(provenance("card:1"))
    const b = SourceRecord.make(provenance("card:2"), { emails: [{ value: "ann@example.com", types: [] }] })
    expect(a.phones).toEqual([])
    expect(a.phones).toBe(b.phones)
    expect(a.name).toBe(b.name)
    expect(Object.isFrozen(a.notes)).toBe(true)
    expect(b.emails).toHaveLength(1)
    expect(() => (a.notes as Array<string>).push("x")).toThrow(TypeError)
    expect(a.notes).toEqual([])
  })

  it("keeps the key of a record unique within an import", () => {
    expect(SourceRecord.key(provenance("card:1"))).toBe("vcard:a.vcf#card:1")
  })
})
