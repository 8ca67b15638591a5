import * as path from "node:path"
import { testGolden } from "@blackbook/model/testing"
import { VCardSource } from "../src/index.ts"

testGolden({ adapter: VCardSource, dir: path.join(import.meta.dirname, "golden") })
