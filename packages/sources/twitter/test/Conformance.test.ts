import * as path from "node:path"
import { testGoldenSource } from "@blackbook/model/testing"
import { TwitterSource } from "../src/index.ts"

testGoldenSource({
  adapter: TwitterSource,
  dir: path.join(import.meta.dirname, "golden"),
  broken: "broken",
  extra: { case: "unknown-field", field: { name: "contact.label", value: "Tailor" } },
  // Issues name a JSON entry (`follower:2`); only a file that does not parse has a line.
  lines: false,
})
