import * as path from "node:path"
import { testGolden } from "@blackbook/model/testing"
import { ContactsCsvSource } from "../src/index.ts"

testGolden({ adapter: ContactsCsvSource, dir: path.join(import.meta.dirname, "golden") })
