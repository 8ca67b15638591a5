import { describe, expect, it } from "vitest"
import * as Clustering from "../src/Clustering.ts"

const options: Clustering.Options = {
  thresholdBits: 3,
  reviewBits: 0,
  ambiguityBits: 3,
  maxPairBits: 30,
  never: [],
  always: [],
}

/** Three records: 0-1 and 1-2 strong candidate pairs, 0-2 scored `far`. */
const chain = (far: number, opts: Clustering.Options = options) => {
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
  return Clustering.cluster(3, edges, score, opts)
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

  it("caps each pair's bits at maxPairBits when weighing a join", () => {
    // 10 - 9 > 0 joins; capped at 8 either way, 8 - 8 does not.
    expect(chain(-9).clusters).toEqual([[0, 1, 2]])
    expect(chain(-9, { ...options, maxPairBits: 8 }).clusters).toEqual([[0, 1], [2]])
  })

  it("counts a pair with nothing to compare (scored at the prior alone) as no evidence against", () => {
    // A nameless row sharing a phone with a card, beside that card's name-only twin on Twitter:
    // the row and the Twitter record share no field, so their score is the prior itself.
    const prior = -10.5
    const edges: Array<Clustering.Edge> = [
      { a: 0, b: 1, bits: 4 },
      { a: 1, b: 2, bits: 5 },
    ]
    const score = (i: number, j: number): number => {
      const k = i < j ? `${i},${j}` : `${j},${i}`
      return k === "0,1" ? 4 : k === "1,2" ? 5 : prior
    }
    expect(Clustering.cluster(3, edges, score, { ...options, priorBits: prior }).clusters).toEqual([
      [0, 1, 2],
    ])
    // Without the prior known, that pair weighs against, as a disagreement would.
    expect(Clustering.cluster(3, edges, score, options).clusters).toEqual([[0], [1, 2]])
  })

  it("refuses a join across a vetoed pair (-Infinity), however strong the rest", () => {
    const r = chain(Number.NEGATIVE_INFINITY)
    expect(r.clusters).toEqual([[0, 1], [2]])
  })

  it("asks again about a refused join once one of the clusters has grown", () => {
    const scores: Record<string, number> = {
      "0,1": 28,
      "0,2": 25,
      "1,2": -28,
      "2,3": 24,
      "0,3": 20,
      "1,3": 0,
    }
    const score = (i: number, j: number) => scores[i < j ? `${i},${j}` : `${j},${i}`] ?? 0
    const edges = ["0,1", "0,2", "2,3", "0,3"].map((k) => {
      const [a, b] = k.split(",").map(Number) as [number, number]
      return { a, b, bits: scores[k]! }
    })
    const r = Clustering.cluster(4, edges, score, options)
    // 0-2 is refused while 2 stands alone (25 - 28 < 0), then accepted with 3 beside it.
    expect(r.stats.refused).toBe(1)
    expect(r.clusters).toEqual([[0, 1, 2, 3]])
  })

  it("scores the pairs of a refused join once, however many strong pairs ask for it", () => {
    const scores: Record<string, number> = { "0,1": 28, "2,3": 27, "0,2": 10, "0,3": 9, "1,2": 8 }
    let across = 0
    const score = (i: number, j: number) => {
      const [x, y] = i < j ? [i, j] : [j, i]
      if (x < 2 && y >= 2) across++
      return scores[`${x},${y}`] ?? Number.NEGATIVE_INFINITY
    }
    const edges = Object.entries(scores).map(([k, bits]) => {
      const [a, b] = k.split(",").map(Number) as [number, number]
      return { a, b, bits }
    })
    const r = Clustering.cluster(4, edges, score, options)
    expect(r.clusters).toEqual([
      [0, 1],
      [2, 3],
    ])
    expect(r.stats.refused).toBe(3)
    // 1-3 is vetoed: the first refusal reads the four pairs across, the next two none.
    expect(across).toBe(4)
  })

  it("lists each cluster's joins in the order they were applied, clusters by their smallest record", () => {
    const edges = [
      { a: 1, b: 2, bits: 15 },
      { a: 0, b: 3, bits: 20 },
      { a: 4, b: 5, bits: 18 },
      { a: 3, b: 4, bits: 12 },
    ]
    const r = Clustering.cluster(7, edges, () => 5, options)
    expect(r.clusters).toEqual([[0, 3, 4, 5], [1, 2], [6]])
    const pairs = (es: ReadonlyArray<Clustering.Edge>) => es.map((e) => [e.a, e.b])
    // 0-3 first, then 4-5 (the cluster it joined), then 3-4 that joined them.
    expect(pairs(r.joins[0]!)).toEqual([
      [0, 3],
      [4, 5],
      [3, 4],
    ])
    expect(pairs(r.joins[1]!)).toEqual([[1, 2]])
    expect(r.joins[2]).toEqual([])
  })
})
