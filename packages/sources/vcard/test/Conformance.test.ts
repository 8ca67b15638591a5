import * as path from "node:path"
import { testGoldenSource } from "@blackbook/model/testing"
import { VCardSource } from "../src/index.ts"

testGoldenSource({
  adapter: VCardSource,
  dir: path.join(import.meta.dirname, "golden"),
  broken: "broken",
  extra: { case: "unknown-field", field: { name: "X-SHOE-SIZE", value: "44" } },
  reads: ["vcard"],
})
