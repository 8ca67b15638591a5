import { describe, expect, it } from "vitest"
import { noRestartVariable, restartArguments, semiSpaceFlag } from "../src/Heap.ts"

describe("restartArguments", () => {
  const argv = ["/usr/bin/node", "/opt/blackbook/bin.js", "merge", "a.csv", "--out", "book.json"]

  it("starts the command again with the semi-space flag, its own node flags and arguments", () => {
    expect(restartArguments(["--conditions=x"], argv, {})).toEqual([
      "--conditions=x",
      semiSpaceFlag,
      "/opt/blackbook/bin.js",
      "merge",
      "a.csv",
      "--out",
      "book.json",
    ])
  })

  it("runs as it is when a semi-space size was given, on the command line or in NODE_OPTIONS", () => {
    expect(restartArguments(["--max-semi-space-size=32"], argv, {})).toBeUndefined()
    expect(restartArguments([], argv, { NODE_OPTIONS: "--max-semi-space-size=128" })).toBeUndefined()
  })

  it("runs as it is in the started-again process, or when told not to restart", () => {
    expect(restartArguments([], argv, { [noRestartVariable]: "1" })).toBeUndefined()
    expect(restartArguments([], argv, { [noRestartVariable]: "" })).toEqual([semiSpaceFlag, ...argv.slice(1)])
  })

  it("runs as it is without a script to start (node -e)", () => {
    expect(restartArguments([], ["/usr/bin/node"], {})).toBeUndefined()
  })
})
