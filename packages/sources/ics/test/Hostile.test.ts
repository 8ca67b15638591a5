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

describe("calendars of many zone rules stay fast", () => {
  // Outlook writes its zones with rules from 1601: each rule is expanded year by year
  const rules = (minute: number) => [
    "BEGIN:STANDARD",
    `DTSTART:16011028T03${String(minute).padStart(2, "0")}00`,
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010325T020000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "END:DAYLIGHT",
  ]
  const zone = (body: ReadonlyArray<string>) => [
    "BEGIN:VTIMEZONE",
    "TZID:Harbour Time",
    ...body,
    "END:VTIMEZONE",
  ]
  const meeting = [
    "BEGIN:VEVENT",
    "UID:z",
    "DTSTAMP:20250101T000000Z",
    "DTSTART;TZID=Harbour Time:20240610T100000",
    "ORGANIZER:mailto:me@example.org",
    "ATTENDEE:mailto:kai@example.no",
    "END:VEVENT",
  ]
  const times = async (text: string) => {
    const { interactions, issues } = await read(text)
    return { at: interactions.map((i) => i.at), issues: issues.map((i) => i.reason) }
  }

  it("reads a zone repeated 3,000 times once, with the same times", async () => {
    const once = await times(cal(...zone(rules(0)), ...meeting))
    expect(once).toEqual({ at: ["2024-06-10T08:00:00.000Z"], issues: [] })
    const body = Array.from({ length: 3_000 }, () => zone(rules(0))).flat()
    expect(await times(cal(...body, ...meeting))).toEqual(once)
  })

  it("expands rules written 3,000 times in one zone once", async () => {
    const body = Array.from({ length: 3_000 }, () => rules(0)).flat()
    expect(await times(cal(...zone(body), ...meeting))).toEqual({
      at: ["2024-06-10T08:00:00.000Z"],
      issues: [],
    })
  })

  it("does not use a zone of 3,000 different rules from 1601, and says so", async () => {
    const body = Array.from({ length: 3_000 }, (_, i) =>
      rules(i % 60).map((l) => l.replace("1028T", `10${String(1 + (i % 28)).padStart(2, "0")}T`)),
    ).flat()
    const { at, issues } = await times(cal(...zone(body), ...meeting))
    expect(at).toHaveLength(1)
    expect(issues).toEqual([
      expect.stringContaining('the VTIMEZONE "Harbour Time" is not used'),
      expect.stringContaining('unknown TZID "Harbour Time"'),
    ])
  })
})

describe("the record limit", () => {
  it("reports an event over maxRecordBytes with its line and reads the others", async () => {
    const text = cal(event("a"), event("big", `DESCRIPTION:${"x".repeat(2_000)}`), event("c"))
    const { items } = await readAll(IcsSource, [textInput("cal.ics", text)], {
      now: NOW,
      me: ["me@example.org"],
      maxRecordBytes: 1_000,
    })
    const interactions = items.flatMap((i) =>
      i._tag === "Interaction" ? [i.interaction.provenance.record] : [],
    )
    expect(interactions.sort()).toEqual([
      "event:a@2024-01-01T10:00:00.000Z",
      "event:c@2024-01-01T10:00:00.000Z",
    ])
    const issues = items.flatMap((i) => (i._tag === "Issue" ? [i.issue] : []))
    expect(issues.map((i) => [i.record, i.line, i.reason.slice(0, 30)])).toEqual([
      ["event:big", 10, "event of 2166 characters is ov"],
    ])
  })
})
