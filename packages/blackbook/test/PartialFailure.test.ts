import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { Effect } from "effect"
import { zipSync } from "fflate"
import { describe, expect, it } from "vitest"
import { Merge } from "../src/index.ts"

const bytes = (text: string) => new TextEncoder().encode(text)
const card = (name: string, email: string) =>
  `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEMAIL:${email}\r\nEND:VCARD\r\n`

const read = (inputs: ReadonlyArray<Merge.MergeInput>) =>
  Effect.runPromise(
    Merge.read(inputs, { now: new Date("2026-01-01T00:00:00Z") }).pipe(Effect.provide(NodeFileSystem.layer)),
  )

const records = (result: Merge.ReadResult) => result.items.filter((i) => i._tag === "Record").length

const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), "bb-partial-"))

describe("a bad neighbour does not empty the book", () => {
  it("reads the good files of a folder beside a cut zip and a zip bomb, and names both", async () => {
    const dir = folder()
    fs.writeFileSync(path.join(dir, "people.vcf"), card("Ilse Brandt", "ilse@example.de"))
    fs.writeFileSync(
      path.join(dir, "outlook.csv"),
      "First Name,Last Name,E-mail Address\r\nKai,Lund,kai@example.no\r\n",
    )
    const good = zipSync({ "a.csv": bytes("hello,world\n".repeat(500)) })
    fs.writeFileSync(path.join(dir, "half.zip"), good.subarray(0, good.length - 40))
    fs.writeFileSync(
      path.join(dir, "log.zip"),
      zipSync({ "log.txt": new Uint8Array(8 * 1024 ** 2) }, { level: 9 }),
    )
    const result = await read([dir])
    expect(records(result)).toBe(2)
    expect(
      result.failures.map((f) => [path.basename(f.error.reason.path), f.error.reason._tag]).sort(),
    ).toEqual([
      ["half.zip", "UnsafeArchive"],
      ["log.zip", "UnsafeArchive"],
    ])
    expect(
      result.failures.find((f) => f.error.reason.path.endsWith("log.zip"))?.error.reason.detail,
    ).toContain("zip bomb")
  })

  it("refuses a device named directly, with a reason, and ends", async () => {
    const result = await read([
      "/dev/zero",
      { name: "ok.vcf", bytes: bytes(card("Ilse Brandt", "ilse@example.de")) },
    ])
    expect(records(result)).toBe(1)
    expect(result.failures).toHaveLength(1)
    expect(result.failures[0]!.error.reason.detail).toContain("a device")
  })

  it("refuses a named pipe, directly or in a folder, without opening it", async () => {
    const dir = folder()
    fs.writeFileSync(path.join(dir, "people.vcf"), card("Ilse Brandt", "ilse@example.de"))
    const fifo = path.join(dir, "pipe.vcf")
    execFileSync("mkfifo", [fifo])
    const result = await read([dir, fifo])
    expect(records(result)).toBe(1)
    expect(result.failures.map((f) => f.error.reason.detail)).toEqual([
      expect.stringContaining("a named pipe"),
      expect.stringContaining("a named pipe"),
    ])
  })

  it("refuses a file over the size limit and reads the others", async () => {
    const dir = folder()
    fs.writeFileSync(path.join(dir, "a.vcf"), card("Ilse Brandt", "ilse@example.de"))
    fs.writeFileSync(path.join(dir, "b.vcf"), card("Kai Lund", "kai@example.no").repeat(50))
    const result = await Effect.runPromise(
      Merge.read([dir], {
        now: new Date("2026-01-01T00:00:00Z"),
        limits: {
          maxTotalBytes: 1e9,
          maxEntryBytes: 1e9,
          maxRatio: 200,
          maxEntries: 100,
          maxFileBytes: 1000,
        },
      }).pipe(Effect.provide(NodeFileSystem.layer)),
    )
    expect(records(result)).toBe(1)
    expect(result.failures.map((f) => f.error.reason.detail)).toEqual([
      expect.stringMatching(/over the 1000-byte limit/),
    ])
  })
})

describe("each file once, none ignored", () => {
  it("reads a file named twice (directly and in its folder) once", async () => {
    const dir = folder()
    const file = path.join(dir, "people.vcf")
    fs.writeFileSync(file, card("Ilse Brandt", "ilse@example.de"))
    const result = await read([file, dir, `${dir}/./people.vcf`])
    expect(records(result)).toBe(1)
    expect(result.inputs.flatMap((i) => i.duplicates ?? [])).toHaveLength(2)
  })

  it("follows a symbolic link to a file inside a folder", async () => {
    const dir = folder()
    const elsewhere = folder()
    fs.writeFileSync(path.join(elsewhere, "people.vcf"), card("Ilse Brandt", "ilse@example.de"))
    fs.symlinkSync(path.join(elsewhere, "people.vcf"), path.join(dir, "linked.vcf"))
    fs.symlinkSync(path.join(dir, "missing.vcf"), path.join(dir, "broken.vcf"))
    fs.symlinkSync(dir, path.join(dir, "loop"))
    const result = await read([dir])
    expect(records(result)).toBe(1)
    expect(result.failures.map((f) => path.basename(f.error.reason.path))).toEqual(["broken.vcf"])
  })
})
