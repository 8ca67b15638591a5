import * as path from "node:path"
import { goldenCases, testSource } from "@blackbook/model/testing"
import { IcsSource } from "../src/index.ts"

const cases = goldenCases(path.join(import.meta.dirname, "golden"))
const fixture = (name: string) => {
  const found = cases.find((c) => c.name === name)
  if (found === undefined) throw new Error(`no golden case ${name}`)
  return found
}

testSource({
  adapter: IcsSource,
  fixtures: cases.filter((c) => c.name !== "broken" && c.name !== "apple-principal"),
  broken: fixture("broken"),
  // An Apple attendee's calendar address is a principal path the model has no field for.
  extra: {
    fixture: fixture("apple-principal"),
    field: { name: "calendarAddress", value: "urn:uuid:9F8E7D6C-0000-4000-8000-00000000000B" },
  },
  reads: ["ics"],
  options: { now: new Date("2026-11-25T00:00:00Z") },
})
