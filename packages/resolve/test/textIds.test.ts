import { describe, expect, it } from "vitest"
import { TextCounts, TextIds } from "../src/internal/textIds.ts"

describe("TextIds", () => {
  it("numbers texts in order of first sight, the same text always the same", () => {
    const ids = new TextIds(4)
    expect(["b", "a", "b", "ab", "ba", ""].map((t) => ids.idOf(t))).toEqual([0, 1, 0, 2, 3, 4])
    expect(ids.size).toBe(5)
    expect(ids.find("ab")).toBe(2)
    expect(ids.find("abc")).toBe(-1)
  })

  it("keeps 200,000 texts apart, well past its first table", () => {
    const ids = new TextIds(16)
    for (let i = 0; i < 200_000; i++) expect(ids.idOf(`person${i}@example.org`)).toBe(i)
    expect(ids.size).toBe(200_000)
    expect(ids.find("person123456@example.org")).toBe(123_456)
  })
})

describe("TextCounts", () => {
  it("counts each text and says undefined for texts never added", () => {
    const counts = new TextCounts(2)
    for (const t of ["smith", "jones", "smith", "smith", "ng", "jones"]) counts.add(t)
    expect(counts.get("smith")).toBe(3)
    expect(counts.get("jones")).toBe(2)
    expect(counts.get("ng")).toBe(1)
    expect(counts.get("brown")).toBeUndefined()
    expect(counts.size).toBe(3)
    const all: Array<number> = []
    counts.forEachCount((c) => all.push(c))
    expect(all).toEqual([3, 2, 1])
  })
})
