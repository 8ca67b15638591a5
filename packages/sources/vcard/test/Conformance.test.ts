import * as path from "node:path"
import { goldenCases, testSource } from "@blackbook/model/testing"
import { VCardSource } from "../src/index.ts"

const cases = goldenCases(path.join(import.meta.dirname, "golden"))
const fixture = (name: string) => {
  const found = cases.find((c) => c.name === name)
  if (found === undefined) throw new Error(`no golden case ${name}`)
  return found
}

testSource({
  adapter: VCardSource,
  fixtures: cases.filter((c) => c.name !== "broken" && c.name !== "unknown-field"),
  broken: fixture("broken"),
  extra: { fixture: fixture("unknown-field"), field: { name: "X-SHOE-SIZE", value: "44" } },
  reads: ["vcard"],
})
