import { readAll, textInput } from "@blackbook/model/testing"
import { describe, expect, it } from "vitest"
import { IcsSource } from "../src/index.ts"

// All people below are invented. Hostile rules must end and lose only their own event; only
// outcomes are asserted (a rule that never ends fails by never finishing).

const NOW = new Date("2026-01-01T00:00:00Z")
const cal = (...body: ReadonlyArray<string>) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", ...body, "END:VCALENDAR", ""].join("\r\n")
const event = (uid: string, ...extra: ReadonlyArray<string>) =>
  [
    "BEGIN:VEVENT",
    `UID:${uid}`,
    "DTSTAMP:20250101T000000Z",
    "DTSTART:20240101T100000Z",
    "ORGANIZER:mailto:me@example.org",
    "ATTENDEE:mailto:kai@example.no",
    ...extra,
    "END:VEVENT",
  ].join("\r\n")
const read = (text: string) =>
  readAll(IcsSource, [textInput("cal.ics", text)], { now: NOW, me: ["me@example.org"] })

describe("hostile calendars", () => {
  it("loses only the rule of an event whose UNTIL is no date, never the file", async () => {
    const { interactions, issues } = await read(
      cal(
        event("good"),
        event("bad", "RRULE:FREQ=DAILY;UNTIL=00000101"),
        event("late", "DTSTART:20240301T100000Z"),
      ),
    )
    expect(interactions.map((i) => i.provenance.record).sort()).toEqual([
      "event:bad@2024-01-01T10:00:00.000Z",
      "event:good@2024-01-01T10:00:00.000Z",
      "event:late@2024-03-01T10:00:00.000Z",
    ])
    expect(issues.map((i) => i.record)).toContain("event:bad")
  })

  it("does not expand an interval of ages", async () => {
    const { interactions, issues } = await read(cal(event("far", "RRULE:FREQ=DAILY;INTERVAL=99999999999")))
    expect(interactions).toHaveLength(1)
    expect(issues.map((i) => i.reason)).toEqual([expect.stringContaining("INTERVAL=99999999999")])
  })

  it("does not use a VTIMEZONE whose rule repeats every second", async () => {
    const { interactions } = await read(
      cal(
        "BEGIN:VTIMEZONE",
        "TZID:Evil",
        "BEGIN:STANDARD",
        "DTSTART:20000101T000000",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0100",
        "RRULE:FREQ=SECONDLY",
        "END:STANDARD",
        "END:VTIMEZONE",
        ["BEGIN:VEVENT", "UID:z", "DTSTART;TZID=Evil:20240101T100000", "ORGANIZER:mailto:me@example.org"]
          .concat(["ATTENDEE:mailto:kai@example.no", "END:VEVENT"])
          .join("\r\n"),
      ),
    )
    expect(interactions).toHaveLength(1)
  })

  it("expands a series without an end only up to the calendar's export time", async () => {
    const weekly = event("weekly", "RRULE:FREQ=WEEKLY").replace("DTSTAMP:20250101", "DTSTAMP:20240201")
    const { interactions } = await read(cal(weekly))
    // 2024-01-01 to the export on 2024-02-01: five Mondays, not two years of them
    expect(interactions).toHaveLength(5)
  })

  it("reports events the owner is not in", async () => {
    const other = [
      "BEGIN:VEVENT",
      "UID:theirs",
      "DTSTART:20240102T100000Z",
      "ORGANIZER:mailto:ola@example.no",
      "ATTENDEE:mailto:kai@example.no",
      "END:VEVENT",
    ].join("\r\n")
    const { interactions, issues } = await read(cal(event("mine"), other))
    expect(interactions).toHaveLength(1)
    expect(issues.map((i) => i.reason)).toEqual([
      expect.stringMatching(/^1 event\(s\) without the calendar's owner/),
    ])
  })
})
