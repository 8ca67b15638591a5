import * as fs from "node:fs"
import { describe, expect, it } from "vitest"
import { generate, target } from "../scripts/bundle.ts"

describe("the page script bundle", () => {
  it("is up to date with page/ and the bundled packages (else run `pnpm --filter @blackbook/report build:bundle`)", async () => {
    expect(fs.readFileSync(target, "utf8") === (await generate())).toBe(true)
  }, 60_000)
})
