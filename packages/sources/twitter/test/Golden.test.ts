import * as path from "node:path"
import { testGolden } from "@blackbook/model/testing"
import { TwitterSource } from "../src/index.ts"

testGolden({ adapter: TwitterSource, dir: path.join(import.meta.dirname, "golden") })
