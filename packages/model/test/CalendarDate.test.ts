import { describe, expect, it } from "vitest"
import { daysInMonth, monthOf } from "../src/CalendarDate.ts"

describe("CalendarDate", () => {
  it.each<[string, number | undefined]>([
    ["", undefined],
    ["Dec", 12],
    ["dec.", 12],
    ["Sept", 9],
    ["September", 9],
    ["MAY", 5],
    ["Mai", undefined],
  ])("monthOf(%j) is %j", (name, month) => {
    expect(monthOf(name)).toBe(month)
  })

  it.each<[number, number | undefined, number]>([
    [2, undefined, 29],
    [2, 2024, 29],
    [2, 2023, 28],
    [2, 1900, 28],
    [2, 2000, 29],
    [4, 2023, 30],
    [12, undefined, 31],
  ])("daysInMonth(%j, %j) is %j", (month, year, days) => {
    expect(daysInMonth(month, year)).toBe(days)
  })
})
