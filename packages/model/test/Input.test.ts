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

/** The zip with every occurrence of one name's bytes replaced by another name of the same length. */
const rename = (zip: Uint8Array, from: string, to: string): Uint8Array => {
  const a = enc(from)
  const b = enc(to)
  const out = zip.slice()
  for (let i = 0; i + a.length <= out.length; i++)
    if (a.every((byte, k) => out[i + k] === byte)) out.set(b, i)
  return out
}

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
    // found by reading the directory, not by catching a parser's exception
    expect(error.reason.detail).toContain("no end of central directory")
  })

  it("reports an entry that inflates past the size it declares, instead of cutting it silently", async () => {
    const zip = zipSync({ "a.csv": enc("x".repeat(5000)), "b.csv": enc("b,c") }, { level: 9 })
    // lower a.csv's declared uncompressed size in the central directory (offset 24 of the entry record)
    const central = zip.findIndex((_, i) => zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01)
    new DataView(zip.buffer, zip.byteOffset).setUint32(central + 24, 100, true)
    const result = await Effect.runPromise(Input.unzipAll("liar.zip", zip))
    expect(result.files.map((f) => f.path)).toEqual(["liar.zip/b.csv"])
    expect(result.failures.map((f) => f.reason.detail)).toEqual([
      'entry "a.csv": inflates past the 100 bytes it declares',
    ])
  })

  it("checks every entry's CRC", async () => {
    const zip = zipSync({ "a.csv": enc("hello,world") }, { level: 0 })
    const at = zip.indexOf(enc("hello")[0]!, 30)
    zip[at] = "j".charCodeAt(0)
    const result = await Effect.runPromise(Input.unzipAll("damaged.zip", zip))
    expect(result.files).toEqual([])
    expect(result.failures[0]?.reason.detail).toContain("CRC mismatch")
  })

  it("keeps two entries of one name apart, and an entry named __proto__", async () => {
    const zip = rename(
      rename(
        zipSync({ "a.csv": enc("first"), "b.csv": enc("second"), __proto_X: enc("third") }),
        "b.csv",
        "a.csv",
      ),
      "__proto_X",
      "__proto__",
    )
    const files = await Effect.runPromise(Input.unzip("dup.zip", zip))
    expect(files.map((f) => [f.path, new TextDecoder().decode(f.bytes)])).toEqual([
      ["dup.zip/__proto__", "third"],
      ["dup.zip/a.csv", "first"],
      ["dup.zip/a.csv (2)", "second"],
    ])
  })

  it("applies the ratio check to entries up to 1 MiB and to the archive as a whole", async () => {
    const one = zipSync({ "a.csv": new Uint8Array(512 * 1024) }, { level: 9 })
    expect(failure(await Effect.runPromiseExit(Input.unzip("one.zip", one))).reason.detail).toContain(
      "zip bomb",
    )
    // many small entries, none over the per-entry floor, that expand a lot together
    const entries: Record<string, Uint8Array> = {}
    for (let i = 0; i < 200; i++) entries[`e${i}.csv`] = new Uint8Array(60 * 1024)
    const many = zipSync(entries, { level: 9 })
    const error = failure(await Effect.runPromiseExit(Input.unzip("many.zip", many)))
    expect(error.reason.detail).toContain("together")
  })

  it("refuses an entry over the file size limit", async () => {
    const zip = zipSync({ "a.csv": enc("a,b\n".repeat(1000)) })
    const limits = { ...Input.defaultLimits, maxFileBytes: 1000 }
    const error = failure(await Effect.runPromiseExit(Input.unzip("big.zip", zip, limits)))
    expect(error.reason.detail).toContain("limit 1000")
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
