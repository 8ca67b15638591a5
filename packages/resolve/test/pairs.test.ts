import { describe, expect, it } from "vitest"
import { PairIds } from "../src/internal/pairs.ts"

/** A small deterministic generator of 32-bit integers, negatives included. */
const ints = (seed: number) => () => {
  seed = (Math.imul(seed, 1103515245) + 12345) | 0
  return seed ^ (seed >>> 7)
}

describe("PairIds", () => {
  it("numbers pairs in order of first sight, as a map of pairs would, through many growths", () => {
    const next = ints(11)
    const ids = new PairIds(4)
    const model = new Map<string, number>()
    for (let k = 0; k < 20_000; k++) {
      // A small range for y, so that pairs recur.
      const x = next() % 3000
      const y = next() % 7
      const key = `${x},${y}`
      const expected = model.get(key) ?? model.size
      if (!model.has(key)) model.set(key, expected)
      expect(ids.idOf(x, y)).toBe(expected)
    }
    expect(ids.size).toBe(model.size)
    for (const [key, id] of model) {
      const [x, y] = key.split(",").map(Number) as [number, number]
      expect(ids.find(x, y)).toBe(id)
    }
    expect(ids.find(123_456_789, -5)).toBe(-1)
  })

  it("keeps (x, y) and (y, x) apart", () => {
    const ids = new PairIds(16)
    expect(ids.idOf(1, 2)).toBe(0)
    expect(ids.idOf(2, 1)).toBe(1)
    expect(ids.find(1, 2)).toBe(0)
    expect(ids.find(2, 1)).toBe(1)
  })

  it("forgets every pair when cleared, and numbers from 0 again", () => {
    const ids = new PairIds(8)
    for (let i = 0; i < 5000; i++) ids.idOf(i, i + 1)
    ids.clear()
    expect(ids.size).toBe(0)
    expect(ids.find(10, 11)).toBe(-1)
    expect(ids.idOf(10, 11)).toBe(0)
    expect(ids.idOf(3, 4)).toBe(1)
    expect(ids.find(10, 11)).toBe(0)
    // Growing after a clear carries only the pairs numbered since.
    for (let i = 0; i < 5000; i++) ids.idOf(-i, i)
    expect(ids.find(3, 4)).toBe(1)
    expect(ids.find(4999, 5000)).toBe(-1)
    expect(ids.size).toBe(5002)
  })
})
