import * as path from "node:path"
import { RecordIdentity } from "@blackbook/model"
import type { SourceRecord } from "@blackbook/model/SourceRecord"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { Merge } from "blackbook"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { copyDir, examples, tempDir, zipDir } from "./fixtures.ts"

const identities = async (input: string) => {
  const read = await Effect.runPromise(
    Merge.read([input], { now: new Date("2026-11-01T09:00:00Z") }).pipe(Effect.provide(NodeFileSystem.layer)),
  )
  const records: Array<SourceRecord> = []
  for (const item of read.items) if (item._tag === "Record") records.push(item.record)
  return { records, ids: RecordIdentity.assign(records) }
}

describe("record identity on the bundled example exports", () => {
  it("is the same for every record after a rename, a move and a zip, and never the path", async () => {
    const dir = tempDir("bb-identity-")
    const renamed = path.join(dir, "elsewhere", "exports-renamed")
    copyDir(examples, renamed)
    const zip = path.join(dir, "all.zip")
    zipDir(renamed, zip, "zipped-under-another-name")
    const original = await identities(examples)
    expect(original.records.length).toBeGreaterThan(50)
    const sorted = (xs: ReadonlyArray<string>) => [...xs].sort()
    expect(sorted((await identities(renamed)).ids)).toEqual(sorted(original.ids))
    expect(sorted((await identities(zip)).ids)).toEqual(sorted(original.ids))
    for (const id of original.ids) expect(id).not.toContain("sample-exports")
  })

  it("gives the records of one import distinct identities", async () => {
    const { ids } = await identities(examples)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
