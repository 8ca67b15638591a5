import * as path from "node:path"
import { testGoldenSource } from "@blackbook/model/testing"
import { LinkedInSource } from "../src/index.ts"

testGoldenSource({
  adapter: LinkedInSource,
  dir: path.join(import.meta.dirname, "golden"),
  broken: "broken",
  extra: { case: "unknown-column", field: { name: "Pronouns", value: "she/her" } },
})
