import * as path from "node:path"
import { testGolden } from "@blackbook/model/testing"
import { IcsSource } from "../src/index.ts"

testGolden({
  adapter: IcsSource,
  dir: path.join(import.meta.dirname, "golden"),
  options: { now: new Date("2026-11-25T00:00:00Z") },
})
