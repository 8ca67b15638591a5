import { describe, expect, it } from "vitest"
import * as Clustering from "../src/Clustering.ts"

const options: Clustering.Options = {
  thresholdBits: 3,
  reviewBits: 0,
  ambiguityBits: 3,
  never: [],
  always: [],
}

/** Three records: 0-1 and 1-2 strong candidate pairs, 0-2 scored `far`. */
const chain = (far: number) => {
  const edges: Array<Clustering.Edge> = [
    { a: 0, b: 1, bits: 12 },
    { a: 1, b: 2, bits: 10 },
  ]
  const score = (i: number, j: number): number => {
    const [x, y] = i < j ? [i, j] : [j, i]
    if (x === 0 && y === 1) return 12
    if (x === 1 && y === 2) return 10
    return far
  }
  return Clustering.cluster(3, edges, score, options)
}

describe("Clustering.cluster", () => {
  it("joins a chain when the pair across it is only mildly against", () => {
    expect(chain(-5).clusters).toEqual([[0, 1, 2]])
  })

  it("refuses a join when the evidence across the clusters sums to less than nothing", () => {
    const r = chain(-25)
    expect(r.clusters).toEqual([[0, 1], [2]])
    expect(r.stats.refused).toBe(1)
    expect(r.review.map((e) => [e.a, e.b])).toEqual([[1, 2]])
  })

  it("refuses a join across a vetoed pair (-Infinity), however strong the rest", () => {
    const r = chain(Number.NEGATIVE_INFINITY)
    expect(r.clusters).toEqual([[0, 1], [2]])
  })
})
