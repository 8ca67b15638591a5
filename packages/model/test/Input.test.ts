import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { Cause, Effect, Exit } from "effect"
import { zipSync } from "fflate"
import { describe, expect, it } from "vitest"
import * as Input from "../src/Input.ts"
import type { SourceError } from "../src/Source.ts"

const enc = (s: string) => new TextEncoder().encode(s)

const failure = (exit: Exit.Exit<unknown, SourceError>): SourceError => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure")
  const error = exit.cause.reasons.find(Cause.isFailReason)
  if (error === undefined) throw new Error("expected a typed failure")
  return error.error
}

describe("Input.unzip", () => {
  it("extracts entries under the archive's name and skips media", async () => {
    const zip = zipSync({
      "data/account.js": enc("window.YTD = 1"),
      "media/a.jpg": enc("xx"),
      "b.csv": enc("a,b"),
    })
    const files = await Effect.runPromise(Input.unzip("t.zip", zip))
    expect(files.map((f) => f.path)).toEqual(["t.zip/b.csv", "t.zip/data/account.js"])
    expect(new TextDecoder().decode(files[1]!.bytes)).toBe("window.YTD = 1")
  })

  it("refuses an entry that climbs out with ..", async () => {
    const zip = zipSync({ "../evil.csv": enc("x") })
    const error = failure(await Effect.runPromiseExit(Input.unzip("evil.zip", zip)))
    expect(error.reason._tag).toBe("UnsafeArchive")
    expect(error.reason.detail).toContain("../evil.csv")
    expect(error.reason.cause).toBeUndefined()
  })

  it("refuses an absolute entry path", async () => {
    const zip = zipSync({ "/etc/passwd": enc("x") })
    const error = failure(await Effect.runPromiseExit(Input.unzip("abs.zip", zip)))
    expect(error.reason.detail).toContain("outside the archive")
  })

  it("refuses a zip bomb by ratio", async () => {
    const zip = zipSync({ "bomb.csv": new Uint8Array(30 * 1024 ** 2) }, { level: 9 })
    const error = failure(await Effect.runPromiseExit(Input.unzip("bomb.zip", zip)))
    expect(error.reason._tag).toBe("UnsafeArchive")
    expect(error.reason.detail).toContain("zip bomb")
  })

  it("refuses a zip whose entries add up past the total limit", async () => {
    const zip = zipSync({ "a.csv": enc("a".repeat(600)), "b.csv": enc("b".repeat(600)) })
    const limits = { ...Input.defaultLimits, maxTotalBytes: 1000 }
    const error = failure(await Effect.runPromiseExit(Input.unzip("big.zip", zip, limits)))
    expect(error.reason.detail).toContain("more than 1000 bytes")
  })

  it("refuses a truncated zip", async () => {
    const zip = zipSync({ "a.csv": enc("hello,world\n".repeat(100)) })
    const error = failure(
      await Effect.runPromiseExit(Input.unzip("cut.zip", zip.subarray(0, zip.length - 30))),
    )
    expect(error.reason._tag).toBe("UnsafeArchive")
    expect(error.reason.detail).toContain("truncated or corrupt")
    expect(error.reason.cause).toBeInstanceOf(Error)
  })

  it("never inflates an entry past the size its header declares", async () => {
    const zip = zipSync({ "a.csv": enc("x".repeat(5000)) }, { level: 9 })
    // lower the declared uncompressed size in the central directory (offset 24 of the entry record)
    const central = zip.findLastIndex((_, i) => zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01)
    new DataView(zip.buffer, zip.byteOffset).setUint32(central + 24, 100, true)
    const exit = await Effect.runPromiseExit(Input.unzip("liar.zip", zip))
    expect(Exit.isSuccess(exit)).toBe(true)
    if (Exit.isSuccess(exit)) expect(exit.value[0]!.bytes.length).toBeLessThanOrEqual(100)
  })
})

describe("Input.expand", () => {
  it("reads a folder recursively, skipping hidden files, and expands zips inside", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bb-input-"))
    fs.mkdirSync(path.join(dir, "sub"))
    fs.writeFileSync(path.join(dir, "a.vcf"), "BEGIN:VCARD")
    fs.writeFileSync(path.join(dir, "sub", "b.csv"), "x,y")
    fs.writeFileSync(path.join(dir, ".hidden"), "no")
    fs.writeFileSync(path.join(dir, "in.zip"), zipSync({ "c.ics": enc("BEGIN:VCALENDAR") }))
    const bundles = await Effect.runPromise(Input.expand(dir).pipe(Effect.provide(NodeFileSystem.layer)))
    expect(bundles.map((b) => b.files.map((f) => path.relative(dir, f.path)))).toEqual([
      ["a.vcf", path.join("sub", "b.csv")],
      [path.join("in.zip", "c.ics")],
    ])
  })

  it("fails with UnreadableFile for a missing path", async () => {
    const error = failure(
      await Effect.runPromiseExit(
        Input.expand("/nonexistent/blackbook.csv").pipe(Effect.provide(NodeFileSystem.layer)),
      ),
    )
    expect(error.reason._tag).toBe("UnreadableFile")
    expect(error.message).toContain("/nonexistent/blackbook.csv")
    // the detail is the system's message ("ENOENT: no such file or directory, stat ..."), as before
    expect(error.reason.detail).toMatch(/^ENOENT: no such file or directory/)
    expect(error.reason.cause).toBeInstanceOf(Error)
  })
})
