import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { Effect, Exit } from "effect"
import { describe, expect, it } from "vitest"
import { writeAtomically } from "../src/Write.ts"

const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), "bb-write-"))

describe("writeAtomically", () => {
  it("replaces the file with the whole new text and leaves no temporary file", async () => {
    const dir = folder()
    const file = path.join(dir, "book.json")
    fs.writeFileSync(file, "old\n")
    await Effect.runPromise(writeAtomically(file, ["new ", "book\n"]))
    expect(fs.readFileSync(file, "utf8")).toBe("new book\n")
    expect(fs.readdirSync(dir)).toEqual(["book.json"])
  })

  it("leaves the previous file untouched when writing fails half way", async () => {
    const dir = folder()
    const file = path.join(dir, "book.json")
    fs.writeFileSync(file, "previous book\n")
    function* failing() {
      yield "x".repeat(2 << 20)
      throw new Error("the disk is full")
    }
    const exit = await Effect.runPromiseExit(writeAtomically(file, failing()))
    expect(Exit.isFailure(exit)).toBe(true)
    expect(fs.readFileSync(file, "utf8")).toBe("previous book\n")
    expect(fs.readdirSync(dir)).toEqual(["book.json"])
  })

  it("fails with exit code 3 when the folder does not exist", async () => {
    const exit = await Effect.runPromiseExit(writeAtomically(path.join(folder(), "no", "book.json"), ["x"]))
    expect(Exit.isFailure(exit) && JSON.stringify(exit.cause)).toContain('"code":3')
  })
})
