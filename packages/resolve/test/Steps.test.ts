import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import * as Steps from "../src/Steps.ts"

/** Busy work in `count` steps of about `ms` each, yielding a step (or a pause) between them. */
function* busy(count: number, ms: number, stage: Steps.Stage = "comparing"): Steps.Steps<number> {
  for (let k = 0; k < count; k++) {
    yield k % 2 === 0 ? Steps.at(stage, k, count) : undefined
    const until = performance.now() + ms
    while (performance.now() < until) {}
  }
  yield Steps.at(stage, count, count)
  return count
}

describe("Steps", () => {
  it("runSync runs every step and returns the result", () => {
    let steps = 0
    function* counted(): Steps.Steps<string> {
      for (let k = 0; k < 5; k++) {
        steps++
        yield Steps.at("scoring", k, 5)
      }
      return "done"
    }
    expect(Steps.runSync(counted())).toBe("done")
    expect(steps).toBe(5)
  })

  it("run lets timers fire between steps, and gives the same result", async () => {
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    const result = await Effect.runPromise(Steps.run(busy(30, 10), { yieldEvery: 20 }))
    clearInterval(timer)
    expect(result).toBe(30)
    // 300 ms of work yielding every 20 ms: the timer ran while it worked
    expect(ticks).toBeGreaterThanOrEqual(5)
  })

  it("run reports each stage's start and end, and between them no more often than reportEvery", async () => {
    const seen: Array<Steps.Step> = []
    const at: Array<number> = []
    function* two(): Steps.Steps<void> {
      yield* busy(40, 5, "comparing")
      yield Steps.at("comparing", 40, 40)
      yield* busy(4, 1, "clustering")
    }
    await Effect.runPromise(
      Steps.run(two(), {
        onStep: (s) => {
          seen.push(s)
          at.push(performance.now())
        },
        reportEvery: 50,
      }),
    )
    const comparing = seen.filter((s) => s.stage === "comparing")
    expect(comparing[0]).toEqual({ stage: "comparing", done: 0, total: 40 })
    // its end once, though it came twice
    expect(comparing.filter((s) => s.done === 40)).toHaveLength(1)
    // 200 ms of steps every 5 ms, reported every 50 ms: a few reports, not forty, each at least
    // 50 ms after the one before (a busy machine may stretch the steps, never shorten the wait)
    expect(comparing.length).toBeGreaterThanOrEqual(3)
    expect(comparing.length).toBeLessThan(40)
    const between = at.slice(1, comparing.length - 1).map((t, i) => t - at[i]!)
    for (const gap of between) expect(gap).toBeGreaterThanOrEqual(49)
    expect(seen.filter((s) => s.stage === "clustering").map((s) => s.done)).toEqual([0, 4])
  })
})
