import * as path from "node:path"
import { testGoldenSource } from "@blackbook/model/testing"
import { ContactsCsvSource } from "../src/index.ts"

testGoldenSource({
  adapter: ContactsCsvSource,
  dir: path.join(import.meta.dirname, "golden"),
  broken: "broken",
  extra: { case: "unknown-column", field: { name: "Shoe Size", value: "38" } },
  reads: ["contacts-csv"],
  // Provenance names the flavour of CSV that was read, not the adapter.
  sources: ["outlook-csv", "google-csv", "thunderbird-csv", "csv"],
})
