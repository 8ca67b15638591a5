import { describe, expect, it } from "vitest"
import * as StableIds from "../src/StableIds.ts"

const history = (membership: Record<string, string>, age: Record<string, number>): StableIds.History => ({
  membership: new Map(Object.entries(membership)),
  age: new Map(Object.entries(age)),
  taken: new Set(Object.keys(age)),
})
const fresh = (cluster: ReadonlyArray<string>) => `new-${cluster[0]}`

describe("StableIds.assign", () => {
  it("keeps ids through a resolution that changes nothing, and names new clusters", () => {
    const h = history({ a: "X", b: "X", c: "Y" }, { X: 1, Y: 2 })
    const r = StableIds.assign([["a", "b"], ["c"], ["d"]], h, fresh)
    expect(r.ids).toEqual(["X", "Y", "new-d"])
    expect(r.created).toEqual(["new-d"])
    expect(r.merged).toEqual([])
    expect(r.split).toEqual([])
  })

  it("keeps the older id when two contacts become one, and records the other as merged into it", () => {
    const h = history({ a: "NEWER", b: "OLDER" }, { OLDER: 1, NEWER: 5 })
    const r = StableIds.assign([["a", "b"]], h, fresh)
    expect(r.ids).toEqual(["OLDER"])
    expect(r.merged).toEqual([{ into: "OLDER", from: ["NEWER"] }])
  })

  it("keeps the id on the larger part of a split and gives the rest a new id split from it", () => {
    const h = history({ a: "X", b: "X", c: "X" }, { X: 1 })
    const r = StableIds.assign([["a"], ["b", "c"]], h, fresh)
    expect(r.ids).toEqual(["new-a", "X"])
    expect(r.split).toEqual([{ from: "X", into: ["new-a"] }])
    expect(r.created).toEqual([])
  })

  it("never reuses an id the book has given, and reports ids whose records all left", () => {
    const h = history({ a: "X", z: "GONE" }, { X: 1, GONE: 2, "new-b": 3 })
    const r = StableIds.assign([["a"], ["b"]], h, fresh)
    expect(r.ids).toEqual(["X", "new-b-2"])
    expect(r.vanished).toEqual(["GONE"])
  })
})
