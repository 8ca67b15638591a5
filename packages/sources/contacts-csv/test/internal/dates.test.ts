import { describe, expect, it } from "vitest"
import { inferOrder, isZeroDate, parseBirthday } from "../../src/internal/dates.ts"

const pivot = 26 // the tests' "now" is 2026

describe("parseBirthday", () => {
  it.each([
    ["", "mdy", undefined],
    ["0/0/00", "mdy", undefined],
    ["0.0.00", "dmy", undefined],
    ["00.00.0000", "dmy", undefined],
    ["1975-04-22", "mdy", { year: 1975, month: 4, day: 22 }],
    ["1975-04-22T00:00:00Z", "mdy", { year: 1975, month: 4, day: 22 }],
    [" --04-22", "mdy", { month: 4, day: 22 }],
    ["--0422", "mdy", { month: 4, day: 22 }],
    ["19750422", "mdy", { year: 1975, month: 4, day: 22 }],
    ["1975/4/22", "dmy", { year: 1975, month: 4, day: 22 }],
    ["4/22/1975", "mdy", { year: 1975, month: 4, day: 22 }],
    ["4/22/1975", "dmy", { year: 1975, month: 4, day: 22 }],
    ["3/4/1975", "mdy", { year: 1975, month: 3, day: 4 }],
    ["3/4/1975", "dmy", { year: 1975, month: 4, day: 3 }],
    ["22.4.1975", "mdy", { year: 1975, month: 4, day: 22 }],
    ["22.04.", "mdy", { month: 4, day: 22 }],
    ["01.01.99", "dmy", { year: 1999, month: 1, day: 1 }],
    ["3/1/70", "mdy", { year: 1970, month: 3, day: 1 }],
    ["5/6/05", "mdy", { year: 2005, month: 5, day: 6 }],
    ["Feb 17, 1998", "mdy", { year: 1998, month: 2, day: 17 }],
    ["Mar 31", "mdy", { month: 3, day: 31 }],
    ["17 February 1998", "mdy", { year: 1998, month: 2, day: 17 }],
    ["24-May-11", "mdy", { year: 2011, month: 5, day: 24 }],
    ["15-Mar-1992", "dmy", { year: 1992, month: 3, day: 15 }],
    ["2/29/1988", "mdy", { year: 1988, month: 2, day: 29 }],
    ["2/29/1989", "mdy", { text: "2/29/1989" }],
    ["19721314", "mdy", { text: "19721314" }],
    ["sometime in May", "mdy", { text: "sometime in May" }],
  ] as const)("%j (%s)", (raw, order, expected) => {
    expect(parseBirthday(raw, order, pivot)).toEqual(expected)
  })
})

describe("isZeroDate", () => {
  it("knows the exporters' empty dates and nothing else", () => {
    expect(["0/0/00", "0.0.00", "00.00.0000", "0000-00-00"].map(isZeroDate)).toEqual([true, true, true, true])
    expect(["0/1/00", "10/0/00", "1/1/2000"].map(isZeroDate)).toEqual([false, false, false])
  })
})

describe("inferOrder", () => {
  it("lets unambiguous dates decide, else the fallback", () => {
    expect(inferOrder(["3/4/1975", "22/4/1975"], "mdy")).toBe("dmy")
    expect(inferOrder(["3/4/1975", "4/22/1975"], "dmy")).toBe("mdy")
    expect(inferOrder(["3/4/1975", ""], "dmy")).toBe("dmy")
    // contradicting dates settle nothing
    expect(inferOrder(["22/4/1975", "4/22/1975"], "mdy")).toBe("mdy")
  })
})
