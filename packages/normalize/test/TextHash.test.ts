import { describe, expect, it } from "vitest"
import { hashFirst, hashSecond, hashStart, hashText, hashUnit } from "../src/TextHash.ts"

const both = (feed: () => void): readonly [number, number] => {
  hashStart()
  feed()
  return [hashFirst(), hashSecond()]
}

describe("hashText", () => {
  it("hashes a text as its code units, then its length, fed one by one", () => {
    for (const text of ["", "a", "jane.doe@example.org", "Zoë Ångström", "山田太郎", "a".repeat(300)]) {
      const byUnits = both(() => {
        for (let i = 0; i < text.length; i++) hashUnit(text.charCodeAt(i))
        hashUnit(text.length)
      })
      expect(
        both(() => hashText(text)),
        text,
      ).toEqual(byUnits)
    }
  })

  it("keeps texts fed in turn apart, and goes on from what was fed before", () => {
    const abThenC = both(() => {
      hashText("ab")
      hashText("c")
    })
    const aThenBc = both(() => {
      hashText("a")
      hashText("bc")
    })
    expect(abThenC).not.toEqual(aThenBc)
    const afterSeven = both(() => {
      hashUnit(7)
      hashText("x")
    })
    expect(afterSeven).not.toEqual(both(() => hashText("x")))
  })
})
