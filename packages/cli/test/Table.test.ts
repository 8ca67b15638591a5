import { describe, expect, it } from "vitest"
import { table } from "../src/Table.ts"

describe("table", () => {
  it("pads columns to their widest cell and cuts long cells", () => {
    expect(
      table(
        ["name", "tier"],
        [
          ["Ilse Brandt", "active"],
          ["Kai", "x".repeat(60)],
        ],
        10,
      ),
    ).toBe(`name        tier\nIlse Bran…  active\nKai         ${"x".repeat(9)}…\n`)
  })

  it("lays out more rows than fit on the stack as arguments (200,000)", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`person ${i}`, "active"])
    const lines = table(["name", "tier"], rows).split("\n")
    expect(lines).toHaveLength(rows.length + 2)
    expect(lines[rows.length]).toBe("person 199999  active")
  })
})
