import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { Input } from "@blackbook/model"
import { Effect, Exit, FileSystem } from "effect"
import { describe, expect, it } from "vitest"
import * as NodeFileSystem from "../src/NodeFileSystem.ts"

describe("the read-only NodeFileSystem", () => {
  it("expands a folder as Input reads it: files below it, nested folders too", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bb-nodefs-"))
    fs.mkdirSync(path.join(dir, "inner"))
    fs.writeFileSync(path.join(dir, "a.vcf"), "BEGIN:VCARD\r\nEND:VCARD\r\n")
    fs.writeFileSync(path.join(dir, "inner", "b.csv"), "Name\r\nAda\r\n")
    const bundles = await Effect.runPromise(Input.expand(dir).pipe(Effect.provide(NodeFileSystem.layer)))
    const files = bundles.flatMap((b) => b.files.map((f) => path.relative(dir, f.path))).sort()
    expect(files).toEqual(["a.vcf", path.join("inner", "b.csv")])
  })

  it("fails with a typed NotFound for a missing path, and a BadArgument for what it does not do", async () => {
    const missing = await Effect.runPromiseExit(NodeFileSystem.fileSystem.stat("/nonexistent/blackbook"))
    expect(Exit.isFailure(missing) && JSON.stringify(missing.cause)).toContain("NotFound")
    const write = await Effect.runPromiseExit(
      Effect.gen(function* () {
        const files = yield* FileSystem.FileSystem
        return yield* files.writeFile("/tmp/x", new Uint8Array())
      }).pipe(Effect.provide(NodeFileSystem.layer)),
    )
    expect(Exit.isFailure(write) && JSON.stringify(write.cause)).toContain("BadArgument")
  })
})
