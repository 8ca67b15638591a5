import * as path from "node:path"
import { testGoldenSource } from "@blackbook/model/testing"
import { IcsSource } from "../src/index.ts"

testGoldenSource({
  adapter: IcsSource,
  dir: path.join(import.meta.dirname, "golden"),
  broken: "broken",
  // An Apple attendee's calendar address is a principal path the model has no field for.
  extra: {
    case: "apple-principal",
    field: { name: "calendarAddress", value: "urn:uuid:9F8E7D6C-0000-4000-8000-00000000000B" },
  },
  reads: ["ics"],
  options: { now: new Date("2026-11-25T00:00:00Z") },
})
