import * as path from "node:path"
import { testGolden } from "@blackbook/model/testing"
import { LinkedInSource } from "../src/index.ts"

testGolden({ adapter: LinkedInSource, dir: path.join(import.meta.dirname, "golden") })
