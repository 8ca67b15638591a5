import { describe, expect, it } from "vitest"
import {
  collectGarbage,
  exposeGcFlag,
  noRestartVariable,
  restartArguments,
  semiSpaceFlag,
} from "../src/Heap.ts"

describe("restartArguments", () => {
  const argv = ["/usr/bin/node", "/opt/blackbook/bin.js", "merge", "a.csv", "--out", "book.json"]

  it("starts the command again with the semi-space and gc flags, its own node flags and arguments", () => {
    expect(restartArguments(["--conditions=x"], argv, {})).toEqual([
      "--conditions=x",
      semiSpaceFlag,
      exposeGcFlag,
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
    expect(restartArguments([], argv, { [noRestartVariable]: "" })).toEqual([
      semiSpaceFlag,
      exposeGcFlag,
      ...argv.slice(1),
    ])
  })

  it("gives --expose-gc once when the command was started with it", () => {
    expect(restartArguments([exposeGcFlag], argv, {})).toEqual([
      exposeGcFlag,
      semiSpaceFlag,
      ...argv.slice(1),
    ])
  })

  it("runs as it is without a script to start (node -e)", () => {
    expect(restartArguments([], ["/usr/bin/node"], {})).toBeUndefined()
  })
})

describe("collectGarbage", () => {
  it("is the process's gc when it has one, and undefined when it has none", () => {
    const global = globalThis as { gc?: unknown }
    const before = global.gc
    try {
      let calls = 0
      global.gc = () => {
        calls++
      }
      collectGarbage()?.()
      expect(calls).toBe(1)
      delete global.gc
      expect(collectGarbage()).toBeUndefined()
      global.gc = "not a function"
      expect(collectGarbage()).toBeUndefined()
    } finally {
      if (before === undefined) delete global.gc
      else global.gc = before
    }
  })
})
