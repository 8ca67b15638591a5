import * as path from "node:path"
import { goldenCases, testSource } from "@blackbook/model/testing"
import { TwitterSource } from "../src/index.ts"

const cases = goldenCases(path.join(import.meta.dirname, "golden"))
const fixture = (name: string) => {
  const found = cases.find((c) => c.name === name)
  if (found === undefined) throw new Error(`no golden case ${name}`)
  return found
}

testSource({
  adapter: TwitterSource,
  fixtures: cases.filter((c) => c.name !== "broken" && c.name !== "unknown-field"),
  broken: fixture("broken"),
  extra: { fixture: fixture("unknown-field"), field: { name: "contact.label", value: "Tailor" } },
  // Issues name a JSON entry (`follower:2`); only a file that does not parse has a line.
  lines: false,
})
