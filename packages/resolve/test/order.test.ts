import { describe, expect, it } from "vitest"
import { compareStrings, orderByTwo } from "../src/internal/order.ts"

/** The order orderByTwo promises, by a comparator. */
const expected = (first: ReadonlyArray<string>, second: ReadonlyArray<string>): Array<number> =>
  first
    .map((_, i) => i)
    .sort((i, j) => compareStrings(first[i]!, first[j]!) || compareStrings(second[i]!, second[j]!) || i - j)

describe("orderByTwo", () => {
  it("orders by the first text, then the second, then the index", () => {
    const first = ["ann lee", "ann", "ann lee", "Zoë", "ann", "", "ann lee"]
    const second = ["c_2", "c_9", "c_1", "c_0", "c_9", "c_5", "c_1"]
    expect(orderByTwo(first, second)).toEqual([5, 3, 1, 4, 2, 6, 0])
    expect(orderByTwo(first, second)).toEqual(expected(first, second))
  })

  it("agrees with the comparator on texts that are prefixes of each other, control characters and NULs", () => {
    // Random texts over a small alphabet that holds NUL, other control characters and the
    // surrogates of an emoji: prefixes and ties are common.
    let seed = 11
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff
      return seed / 0x80000000
    }
    const alphabet = ["a", "b", " ", "\u0001", "\t", "é", "\ud83d", "\ude00", "\uffff"]
    const text = (withNul: boolean) =>
      Array.from({ length: Math.floor(next() * 4) }, () =>
        withNul && next() < 0.2 ? "\u0000" : alphabet[Math.floor(next() * alphabet.length)]!,
      ).join("")
    for (const withNul of [false, true]) {
      for (let round = 0; round < 20; round++) {
        const n = 1 + Math.floor(next() * 120)
        const first = Array.from({ length: n }, () => text(withNul))
        const second = Array.from({ length: n }, () => text(withNul))
        expect(orderByTwo(first, second), `round ${round}`).toEqual(expected(first, second))
      }
    }
  })
})
