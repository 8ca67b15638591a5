import * as fs from "node:fs"
import * as path from "node:path"
import { Csv, Text } from "@blackbook/model"
import { sharedRoot } from "@blackbook/model/testing"
import { describe, expect, it } from "vitest"
import { genericRole } from "../../src/internal/generic.ts"
import { outlookHeaders } from "../../src/internal/headers.ts"
import { chooseLayout, keyOf, planFor } from "../../src/internal/layout.ts"
import { outlookEnglish } from "../fixtures.ts"

describe("Outlook header table", () => {
  it("gives each header name one meaning across the five languages", () => {
    const meaning = new Map<string, string>()
    const clashes: string[] = []
    for (const e of outlookHeaders) {
      const key = keyOf(e.header)
      const role = JSON.stringify(e.role)
      const known = meaning.get(key)
      if (known !== undefined && known !== role) clashes.push(e.header)
      meaning.set(key, role)
    }
    expect(clashes).toEqual([])
  })

  it("knows all 92 English desktop columns by its own table", () => {
    const plan = planFor("outlook", outlookEnglish)
    const known = new Set(outlookHeaders.map((e) => keyOf(e.header)))
    expect(outlookEnglish.filter((h) => !known.has(keyOf(h)))).toEqual([])
    expect(plan.dateOrder).toBe("mdy")
  })

  const root = sharedRoot()
  it.skipIf(!root)(
    "knows every column of the real German Outlook 2007 file, despite its U+FFFD damage",
    () => {
      const file = path.join(root ?? "", "corpus", "outlook-csv", "tine20__adb_outlook2007_default_de.csv")
      const text = Text.decodeText(new Uint8Array(fs.readFileSync(file))).text
      const header = Csv.parseRows(text, ",", 1)[0]!.fields
      expect(header).toHaveLength(92)
      expect(header.filter((h) => h.includes("\ufffd")).length).toBeGreaterThan(10)
      expect(chooseLayout(header)).toBe("outlook")
      const plan = planFor("outlook", header)
      // no column fell through to the generic synonyms or to an unknown extra
      const unknown = plan.columns.filter(
        (c) =>
          c.role.kind === "extra" &&
          !outlookHeaders.some((e) => e.role.kind === "extra" && matches(e.header, c.header)),
      )
      expect(unknown.map((c) => c.header)).toEqual([])
      expect(plan.dateOrder).toBe("dmy")
    },
  )
})

/** Same header, allowing each non-ASCII character to have become U+FFFD. */
const matches = (name: string, damaged: string) =>
  keyOf(name).replace(/[^ -~]/g, "?") === keyOf(damaged).replace(/[^ -~]/g, "?")

describe("generic synonyms", () => {
  it.each([
    ["E-Mail", { kind: "email", types: [] }],
    ["email_address", { kind: "email", types: [] }],
    ["Work Email", { kind: "email", types: ["work"] }],
    ["Email Home", { kind: "email", types: ["home"] }],
    ["Primary Email", { kind: "email", types: [], primary: true }],
    ["PhoneNumber", { kind: "phone", types: [] }],
    ["Home Mobile", { kind: "phone", types: ["home", "cell"] }],
    ["Work Fax", { kind: "phone", types: ["work", "fax"] }],
    ["firstName", { kind: "name", part: "given" }],
    ["Surname", { kind: "name", part: "family" }],
    ["Home Zip", { kind: "address", part: "postalCode", group: "home", types: ["home"] }],
    ["Work City", { kind: "address", part: "locality", group: "work", types: ["work"] }],
    ["Postcode", { kind: "address", part: "postalCode", group: "", types: [] }],
    ["Twitter Handle", { kind: "handle", service: "twitter" }],
    ["IM Skype", { kind: "handle", service: "skype" }],
    ["Website Blog", { kind: "url", types: ["blog"] }],
    ["DOB", { kind: "birthday" }],
  ])("%s", (header, role) => {
    expect(genericRole(header)).toEqual(role)
  })

  it("knows nothing of unrelated columns", () => {
    expect(["Amount", "Connected On", "cluster", "soc_sec_id", ""].map(genericRole)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ])
  })
})
