import { describe, expect, it } from "vitest"
import { isoDate, isoInstant, parseDate } from "../../src/internal/dates.ts"

describe("parseDate", () => {
  it.each([
    ["1/8/18, 6:14 PM", "2018-01-08T18:14:00.000Z"],
    ["10/16/18, 8:36 AM", "2018-10-16T08:36:00.000Z"],
    ["12/15/24, 12:05 AM", "2024-12-15T00:05:00.000Z"],
    ["12/15/24, 12:05 PM", "2024-12-15T12:05:00.000Z"],
    ["12/1/24, 6:03\u202fPM", "2024-12-01T18:03:00.000Z"],
    ["16 Dec 2024", "2024-12-16T00:00:00.000Z"],
    ["09 Dec 2024", "2024-12-09T00:00:00.000Z"],
    ["6-Feb-26", "2026-02-06T00:00:00.000Z"],
    ["4-Apr-21", "2021-04-04T00:00:00.000Z"],
    ["2024-12-16 18:24:37 UTC", "2024-12-16T18:24:37.000Z"],
    ["2024/11/02 10:00:00 UTC", "2024-11-02T10:00:00.000Z"],
  ])("%s -> %s", (text, iso) => {
    const parts = parseDate(text)
    expect(parts && isoInstant(parts)).toBe(iso)
  })

  it("reads birthdays and position months without inventing the missing parts", () => {
    expect(parseDate("Mar 31")).toEqual({ month: 3, day: 31 })
    expect(parseDate("Feb 17, 1998")).toEqual({ year: 1998, month: 2, day: 17 })
    expect(parseDate("Jun 2018")).toEqual({ year: 2018, month: 6 })
    expect(isoDate({ month: 3, day: 31 })).toBeUndefined()
  })

  it.each(["", "yesterday", "13/45/18, 1:00 PM", "31-Feb-26", "Feb 30", "2/2/18, 13:00 PM", "16 Foo 2024"])(
    "refuses %j",
    (text) => {
      expect(parseDate(text)).toBeUndefined()
    },
  )

  it("knows leap years", () => {
    expect(parseDate("29 Feb 2024")).toBeDefined()
    expect(parseDate("29 Feb 2023")).toBeUndefined()
    expect(parseDate("Feb 29")).toEqual({ month: 2, day: 29 })
  })
})
