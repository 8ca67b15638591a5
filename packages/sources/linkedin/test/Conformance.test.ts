import * as path from "node:path"
import { goldenCases, testSource } from "@blackbook/model/testing"
import { LinkedInSource } from "../src/index.ts"

const cases = goldenCases(path.join(import.meta.dirname, "golden"))
const fixture = (name: string) => {
  const found = cases.find((c) => c.name === name)
  if (found === undefined) throw new Error(`no golden case ${name}`)
  return found
}

testSource({
  adapter: LinkedInSource,
  fixtures: cases.filter((c) => c.name !== "broken" && c.name !== "unknown-column"),
  broken: fixture("broken"),
  extra: { fixture: fixture("unknown-column"), field: { name: "Pronouns", value: "she/her" } },
})
