import * as path from "node:path"
import { goldenCases, testSource } from "@blackbook/model/testing"
import { ContactsCsvSource } from "../src/index.ts"

const cases = goldenCases(path.join(import.meta.dirname, "golden"))
const fixture = (name: string) => {
  const found = cases.find((c) => c.name === name)
  if (found === undefined) throw new Error(`no golden case ${name}`)
  return found
}

testSource({
  adapter: ContactsCsvSource,
  fixtures: cases.filter((c) => c.name !== "broken" && c.name !== "unknown-column"),
  broken: fixture("broken"),
  extra: { fixture: fixture("unknown-column"), field: { name: "Shoe Size", value: "38" } },
  reads: ["contacts-csv"],
  // Provenance names the flavour of CSV that was read, not the adapter.
  sources: ["outlook-csv", "google-csv", "thunderbird-csv", "csv"],
})
