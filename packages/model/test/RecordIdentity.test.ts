import { describe, expect, it } from "vitest"
import * as RecordIdentity from "../src/RecordIdentity.ts"
import * as SourceRecord from "../src/SourceRecord.ts"

const at = (
  source: string,
  file: string,
  record: string,
  fields: Parameters<typeof SourceRecord.make>[1] = {},
) => SourceRecord.make({ source, file, record }, fields)

describe("RecordIdentity.of", () => {
  it("uses the source's own id and ignores the path", () => {
    expect(RecordIdentity.of(at("twitter", "/a/x.zip/data/follower.js", "account:123"))).toBe(
      "twitter|account:123",
    )
    expect(RecordIdentity.of(at("twitter", "elsewhere/y.zip/data/dm.js", "account:123"))).toBe(
      "twitter|account:123",
    )
    expect(RecordIdentity.of(at("ics", "cal.ics", "attendee:Ann@Example.com"))).toBe(
      "ics|attendee:ann@example.com",
    )
    expect(RecordIdentity.of(at("linkedin", "m.csv", "profile:https://www.linkedin.com/in/ann-x"))).toBe(
      "linkedin|profile:ann-x",
    )
  })

  it("takes a LinkedIn connection's profile URL and a vCard's UID", () => {
    const conn = at("linkedin", "/one/Connections.csv", "row:4", {
      urls: [{ value: "https://www.linkedin.com/in/Ann-X", types: [] }],
    })
    expect(RecordIdentity.of(conn)).toBe("linkedin|profile:ann-x")
    const card = at("vcard", "a.vcf", "card:7", { extra: [{ name: "UID", value: "urn:uuid:42" }] })
    expect(RecordIdentity.of(card)).toBe("vcard|uid:urn:uuid:42")
  })

  it("fingerprints a record without an id: same fields, same identity, whatever the file or row", () => {
    const fields = {
      name: { given: "Ann", family: "Example", formatted: "Ann Example" },
      emails: [{ value: "ann@example.com", types: ["work"] }],
    }
    const a = RecordIdentity.of(at("google-csv", "/x/google.csv", "row:3", fields))
    const b = RecordIdentity.of(at("google-csv", "renamed.csv", "row:9", fields))
    expect(a).toBe(b)
    expect(a).toMatch(/^google-csv\|fp:/)
    const c = RecordIdentity.of(
      at("google-csv", "/x/google.csv", "row:3", {
        ...fields,
        emails: [{ value: "ann@other.org", types: [] }],
      }),
    )
    expect(c).not.toBe(a)
  })

  it("keeps a job change out of the fingerprint", () => {
    const name = { formatted: "Ann Example" }
    const before = at("outlook-csv", "o.csv", "row:1", { name, organizations: [{ company: "Acme" }] })
    const after = at("outlook-csv", "o.csv", "row:1", { name, organizations: [{ company: "Globex" }] })
    expect(RecordIdentity.of(before)).toBe(RecordIdentity.of(after))
    expect(RecordIdentity.contentHash(before)).not.toBe(RecordIdentity.contentHash(after))
  })
})

describe("RecordIdentity.assign", () => {
  it("tells apart two records that share a fingerprint, by order, the same way every time", () => {
    const twin = (row: string) => at("google-csv", "g.csv", row, { name: { formatted: "Sam Lee" } })
    const other = at("google-csv", "g.csv", "row:2", { name: { formatted: "Kim Park" } })
    const ids = RecordIdentity.assign([twin("row:1"), other, twin("row:3")])
    expect(new Set(ids).size).toBe(3)
    expect(ids[2]).toBe(`${ids[0]}#2`)
    expect(RecordIdentity.assign([twin("row:5"), other, twin("row:8")])).toEqual(ids)
  })

  it("gives the content hash no say in the path", () => {
    const r = at("vcard", "a.vcf", "card:1", { name: { formatted: "Ann" } })
    const moved = at("vcard", "b/c.vcf", "card:3", { name: { formatted: "Ann" } })
    expect(RecordIdentity.contentHash(r)).toBe(RecordIdentity.contentHash(moved))
  })
})
