import type { Interaction, Source, SourceRecord } from "@blackbook/model"
import { readAll, textInput } from "@blackbook/model/testing"
import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { IcsSource, maxOccurrences } from "../src/index.ts"

const now = new Date("2026-11-25T00:00:00Z")
const ME = "me@example.org"

/** A calendar from property lines; CRLF like real exports. */
const ics = (...lines: ReadonlyArray<string>) => lines.join("\r\n")
const calendar = (...body: ReadonlyArray<string>) =>
  ics("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Invented//Test//EN", ...body, "END:VCALENDAR")

const read = (text: string, options: Source.ReadOptions = { now, me: [ME] }, name = "cal.ics") =>
  readAll(IcsSource, [textInput(name, text)], options)

const record = (records: ReadonlyArray<SourceRecord.SourceRecord>, email: string) => {
  const hits = records.filter((r) => r.provenance.record === `attendee:${email}`)
  expect(hits).toHaveLength(1)
  return hits[0]!
}

const extra = (r: SourceRecord.SourceRecord, name: string) =>
  r.extra.filter((e) => e.name === name).map((e) => e.value)

const times = (interactions: ReadonlyArray<Interaction.Interaction>, email: string) =>
  interactions.filter((i) => i.counterpart.record === `attendee:${email}`).map((i) => i.at)

const me = `ATTENDEE;CN=Me Myself;PARTSTAT=ACCEPTED:mailto:${ME}`

describe("claim", () => {
  const bundle = (files: ReadonlyArray<Source.InputFile>) => ({ origin: "in", files })

  it("claims calendars and bare VEVENT fragments by content, whatever the extension", () => {
    const files = [
      textInput("a.ics", calendar()),
      textInput("invite.txt", ics("BEGIN:VEVENT", "UID:x", "END:VEVENT")),
      textInput("cal.ics", ics("\uFEFFBEGIN:VCALENDAR", "END:VCALENDAR")),
      textInput("card.ics", ics("BEGIN:VCARD", "FN:Jane Roe", "END:VCARD")),
      textInput("notes.txt", "a note that mentions BEGIN:VCALENDAR mid-line"),
    ]
    expect(IcsSource.claim(bundle(files)).map((f) => f.path)).toEqual(["a.ics", "invite.txt", "cal.ics"])
  })

  it("claims UTF-16LE without BOM", () => {
    const bytes = new Uint8Array(Buffer.from(calendar(), "utf16le"))
    expect(IcsSource.claim(bundle([{ path: "u16.ics", bytes }]))).toHaveLength(1)
  })

  it("has the adapter's name and kind", () => {
    expect(IcsSource.name).toBe("ics")
    expect(IcsSource.kind).toBe("file")
  })
})

describe("meetings", () => {
  it("makes one attendee of the case and +tag spellings of one mailbox, met in every event", async () => {
    const event = (uid: string, day: string, address: string) => [
      "BEGIN:VEVENT",
      `UID:${uid}`,
      `DTSTART:202603${day}T090000Z`,
      `ORGANIZER;CN=Me Myself:mailto:${ME}`,
      me,
      `ATTENDEE;CN=Jane Roe;PARTSTAT=ACCEPTED:mailto:${address}`,
      "END:VEVENT",
    ]
    const { records, interactions } = await read(
      calendar(
        ...event("a", "02", "jane.roe+work@example.com"),
        ...event("b", "09", "Jane.Roe@Example.com"),
        ...event("c", "16", "jane.roe@example.com"),
        ...event("d", "23", "jane.roe+news@example.com"),
      ),
    )
    expect(records.map((r) => r.provenance.record)).toEqual(["attendee:jane.roe+work@example.com"])
    expect(records[0]!.emails.map((e) => e.value)).toEqual([
      "jane.roe+work@example.com",
      "jane.roe@example.com",
      "jane.roe+news@example.com",
    ])
    expect(times(interactions, "jane.roe+work@example.com")).toHaveLength(4)
  })

  it("turns each other participant of a past meeting into a record and a mutual meeting interaction", async () => {
    const { records, interactions, issues, self } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:kickoff-1",
        "DTSTART:20260302T090000Z",
        "DTEND:20260302T100000Z",
        `ORGANIZER;CN=Me Myself:mailto:${ME}`,
        me,
        "ATTENDEE;CN=Jane Roe;PARTSTAT=ACCEPTED:mailto:jane.roe@example.com",
        "ATTENDEE;CN=Omar Little:mailto:omar@example.net",
        "END:VEVENT",
      ),
    )
    expect(issues).toEqual([])
    expect(self.map((s) => s.provenance.record)).toEqual([`owner:${ME}`])
    expect(records.map((r) => r.provenance.record).sort()).toEqual([
      "attendee:jane.roe@example.com",
      "attendee:omar@example.net",
    ])
    expect(record(records, "jane.roe@example.com").name).toEqual({ formatted: "Jane Roe" })
    expect(record(records, "jane.roe@example.com").emails).toEqual([
      { value: "jane.roe@example.com", types: [] },
    ])
    expect(interactions).toHaveLength(2)
    expect(interactions[0]).toEqual({
      kind: "meeting",
      at: "2026-03-02T09:00:00.000Z",
      direction: "mutual",
      counterpart: { source: "ics", file: "cal.ics", record: "attendee:jane.roe@example.com" },
      provenance: { source: "ics", file: "cal.ics", record: "event:kickoff-1@2026-03-02T09:00:00.000Z" },
    })
  })

  it("expands a weekly 1:1 with EXDATE, a moved override and a cancelled override", async () => {
    const jane = "ATTENDEE;CN=Jane Roe;PARTSTAT=ACCEPTED:mailto:jane.roe@example.com"
    const { interactions, issues } = await read(
      calendar(
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Berlin",
        "BEGIN:STANDARD",
        "DTSTART:19701025T030000",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:19700329T020000",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:one-on-one",
        "DTSTART;TZID=Europe/Berlin:20260309T100000",
        "RRULE:FREQ=WEEKLY;COUNT=6",
        "EXDATE;TZID=Europe/Berlin:20260316T100000",
        `ORGANIZER:mailto:${ME}`,
        jane,
        "END:VEVENT",
        // Moved from Monday 10:00 to Tuesday 15:00 (and across the DST change).
        "BEGIN:VEVENT",
        "UID:one-on-one",
        "RECURRENCE-ID;TZID=Europe/Berlin:20260330T100000",
        "DTSTART;TZID=Europe/Berlin:20260331T150000",
        `ORGANIZER:mailto:${ME}`,
        jane,
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:one-on-one",
        "RECURRENCE-ID;TZID=Europe/Berlin:20260406T100000",
        "DTSTART;TZID=Europe/Berlin:20260406T100000",
        "STATUS:CANCELLED",
        `ORGANIZER:mailto:${ME}`,
        jane,
        "END:VEVENT",
      ),
    )
    expect(issues).toEqual([])
    // Mar 9, 16 (EXDATE), 23, 30 (moved), Apr 6 (cancelled), Apr 13.
    expect(times(interactions, "jane.roe@example.com")).toEqual([
      "2026-03-09T09:00:00.000Z",
      "2026-03-23T09:00:00.000Z",
      "2026-03-31T13:00:00.000Z",
      "2026-04-13T08:00:00.000Z",
    ])
    expect(interactions[2]?.provenance.record).toBe("event:one-on-one@2026-03-31T13:00:00.000Z")
  })

  it("skips cancelled events entirely", async () => {
    const { records, interactions } = await read(
      calendar(
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        "UID:gone",
        "DTSTART:20260302T090000Z",
        "STATUS:CANCELLED",
        me,
        "ATTENDEE:mailto:jane.roe@example.com",
        "END:VEVENT",
      ),
    )
    expect(records).toEqual([])
    expect(interactions).toEqual([])
  })

  it("treats every event of an iTIP CANCEL message as cancelled", async () => {
    const { interactions } = await read(
      calendar(
        "METHOD:CANCEL",
        "BEGIN:VEVENT",
        "UID:gone",
        "DTSTART:20260302T090000Z",
        "ORGANIZER:mailto:boss@example.com",
        me,
        "END:VEVENT",
      ),
    )
    expect(interactions).toEqual([])
  })

  it("skips declined and delegating attendees, and meetings I declined", async () => {
    const { records, interactions } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:review",
        "DTSTART:20260302T090000Z",
        "ORGANIZER;CN=Boss:mailto:boss@example.com",
        me,
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:yes@example.com",
        "ATTENDEE;PARTSTAT=DECLINED:mailto:no@example.com",
        'ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:yes@example.com":mailto:away@example.com',
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:skipped-by-me",
        "DTSTART:20260303T090000Z",
        "ORGANIZER:mailto:boss@example.com",
        `ATTENDEE;PARTSTAT=DECLINED:mailto:${ME}`,
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:other@example.com",
        "END:VEVENT",
      ),
    )
    expect(records.map((r) => r.provenance.record).sort()).toEqual([
      "attendee:boss@example.com",
      "attendee:yes@example.com",
    ])
    expect(interactions.every((i) => i.at === "2026-03-02T09:00:00.000Z")).toBe(true)
  })

  it("applies a decline to its own occurrence only", async () => {
    const { interactions } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:standup",
        "DTSTART:20260302T090000Z",
        "RRULE:FREQ=DAILY;COUNT=3",
        `ORGANIZER:mailto:${ME}`,
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:kim@example.com",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:standup",
        "RECURRENCE-ID:20260303T090000Z",
        "DTSTART:20260303T090000Z",
        `ORGANIZER:mailto:${ME}`,
        "ATTENDEE;PARTSTAT=DECLINED:mailto:kim@example.com",
        "END:VEVENT",
      ),
    )
    expect(times(interactions, "kim@example.com")).toEqual([
      "2026-03-02T09:00:00.000Z",
      "2026-03-04T09:00:00.000Z",
    ])
  })

  it("lets Outlook overrides without people inherit the master's attendees", async () => {
    const { interactions } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:weekly",
        "DTSTART:20260302T090000Z",
        "RRULE:FREQ=WEEKLY;COUNT=2",
        "ORGANIZER:mailto:boss@example.com",
        me,
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:weekly",
        "RECURRENCE-ID:20260309T090000Z",
        "DTSTART:20260309T120000Z",
        "END:VEVENT",
      ),
    )
    expect(times(interactions, "boss@example.com")).toEqual([
      "2026-03-02T09:00:00.000Z",
      "2026-03-09T12:00:00.000Z",
    ])
  })

  it("ignores events I am not part of when I say who I am", async () => {
    const { records, interactions } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:mine",
        "DTSTART:20260302T090000Z",
        me,
        "ATTENDEE:mailto:jane.roe@example.com",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:theirs",
        "DTSTART:20260303T090000Z",
        "ORGANIZER:mailto:lee@example.com",
        "ATTENDEE:mailto:kim@example.com",
        "END:VEVENT",
      ),
    )
    expect(records.map((r) => r.provenance.record)).toEqual(["attendee:jane.roe@example.com"])
    expect(interactions).toHaveLength(1)
  })
})

describe("time zones and dates", () => {
  const at = async (dtstart: string) => {
    const { interactions, issues } = await read(
      calendar("BEGIN:VEVENT", "UID:t", dtstart, me, "ATTENDEE:mailto:jane.roe@example.com", "END:VEVENT"),
    )
    return { at: interactions.map((i) => i.at), issues }
  }

  it("maps Windows zone ids without VTIMEZONE to IANA zones, DST included", async () => {
    expect((await at('DTSTART;TZID="W. Europe Standard Time":20260310T090000')).at).toEqual([
      "2026-03-10T08:00:00.000Z",
    ])
    expect((await at("DTSTART;TZID=W. Europe Standard Time:20260710T090000")).at).toEqual([
      "2026-07-10T07:00:00.000Z",
    ])
    expect((await at("DTSTART;TZID=Eastern Standard Time:20260110T090000")).at).toEqual([
      "2026-01-10T14:00:00.000Z",
    ])
  })

  it("maps Windows display names, and falls back to the offset in the prefix", async () => {
    expect((await at('DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20260710T090000')).at).toEqual([
      "2026-07-10T13:00:00.000Z",
    ])
    expect((await at('DTSTART;TZID="(GMT+01.00) Sarajevo/Warsaw/Zagreb":20260710T090000')).at).toEqual([
      "2026-07-10T07:00:00.000Z",
    ])
    expect((await at('DTSTART;TZID="(UTC+03:30) Somewhere Invented":20260710T090000')).at).toEqual([
      "2026-07-10T05:30:00.000Z",
    ])
  })

  it("reads IANA names, also at the end of a vendor path", async () => {
    expect((await at("DTSTART;TZID=America/Los_Angeles:20260110T090000")).at).toEqual([
      "2026-01-10T17:00:00.000Z",
    ])
    expect((await at("DTSTART;TZID=/mozilla.org/20050126_1/Asia/Tokyo:20260110T090000")).at).toEqual([
      "2026-01-10T00:00:00.000Z",
    ])
  })

  it("reports an unknown TZID once and reads its times as UTC", async () => {
    const { at: when, issues } = await at("DTSTART;TZID=Middle Earth Time:20260110T090000")
    expect(when).toEqual(["2026-01-10T09:00:00.000Z"])
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ file: "cal.ics", record: "event:t", line: 4 })
    expect(issues[0]?.reason).toContain('unknown TZID "Middle Earth Time"')
  })

  it("puts all-day events at midnight UTC of their date", async () => {
    expect((await at("DTSTART;VALUE=DATE:20260415")).at).toEqual(["2026-04-15T00:00:00.000Z"])
    expect((await at("DTSTART;TZID=Asia/Tokyo;VALUE=DATE:20260415")).at).toEqual(["2026-04-15T00:00:00.000Z"])
  })

  it("reads floating times in X-WR-TIMEZONE", async () => {
    const { interactions } = await read(
      calendar(
        "X-WR-TIMEZONE:America/New_York",
        "BEGIN:VEVENT",
        "UID:f",
        "DTSTART:20260110T090000",
        me,
        "ATTENDEE:mailto:jane.roe@example.com",
        "END:VEVENT",
      ),
    )
    expect(interactions.map((i) => i.at)).toEqual(["2026-01-10T14:00:00.000Z"])
  })

  it("expands RDATE periods with a Windows TZID", async () => {
    const { interactions } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:r",
        "DTSTART;TZID=America/Chicago:20260105T080000",
        'RDATE;TZID="Central Standard Time";VALUE=PERIOD:20260112T080000/20260112T090000,20260119T080000/PT1H',
        me,
        "ATTENDEE:mailto:jane.roe@example.com",
        "END:VEVENT",
      ),
    )
    expect(interactions.map((i) => i.at)).toEqual([
      "2026-01-05T14:00:00.000Z",
      "2026-01-12T14:00:00.000Z",
      "2026-01-19T14:00:00.000Z",
    ])
  })
})

describe("future meetings", () => {
  it("keeps meetings after now out of the interactions and notes the earliest as nextMeeting", async () => {
    const { records, interactions } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:weekly-sync",
        "DTSTART:20261104T150000Z",
        "RRULE:FREQ=WEEKLY",
        me,
        "ATTENDEE;CN=Jane Roe:mailto:jane.roe@example.com",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:offsite",
        "DTSTART;VALUE=DATE:20270110",
        me,
        "ATTENDEE;CN=Omar Little:mailto:omar@example.net",
        "END:VEVENT",
      ),
    )
    // Nov 4, 11, 18 are past; Nov 25 15:00 is after now (Nov 25 00:00).
    expect(times(interactions, "jane.roe@example.com")).toEqual([
      "2026-11-04T15:00:00.000Z",
      "2026-11-11T15:00:00.000Z",
      "2026-11-18T15:00:00.000Z",
    ])
    expect(extra(record(records, "jane.roe@example.com"), "nextMeeting")).toEqual([
      "2026-11-25T15:00:00.000Z",
    ])
    expect(times(interactions, "omar@example.net")).toEqual([])
    expect(extra(record(records, "omar@example.net"), "nextMeeting")).toEqual(["2027-01-10T00:00:00.000Z"])
  })

  it("stops an endless rule at the occurrence cap and says so", async () => {
    const { interactions, issues } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:daily-since-2000",
        "DTSTART:20000103T080000Z",
        "RRULE:FREQ=DAILY",
        me,
        "ATTENDEE:mailto:jane.roe@example.com",
        "END:VEVENT",
      ),
    )
    expect(interactions).toHaveLength(maxOccurrences)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.reason).toContain(`only to ${maxOccurrences} occurrences`)
  })
})

describe("rules ical.js cannot iterate", () => {
  it.each([
    ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "RRULE matches no date: not expanded"],
    ["FREQ=HOURLY;BYMONTHDAY=-1", "RRULE matches no date: not expanded"],
    ["FREQ=DAILY;BYDAY=1MO", "RRULE matches no date: not expanded"],
    ["FREQ=MINUTELY;COUNT=3", "FREQ=MINUTELY is not expanded"],
  ])("keeps only DTSTART of %s and says why", async (rule, reason) => {
    const { interactions, issues } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:odd",
        "DTSTART:20260105T100000Z",
        `RRULE:${rule}`,
        me,
        "ATTENDEE:mailto:jane.roe@example.com",
        "END:VEVENT",
      ),
    )
    expect(interactions.map((i) => i.at)).toEqual(["2026-01-05T10:00:00.000Z"])
    expect(issues.map((i) => i.reason)).toEqual([reason])
  })
})

describe("people", () => {
  it("reads uppercase MAILTO, skips invalid:nomail, rooms and calendars, reads an organiser without mailto:", async () => {
    const { records, interactions } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:p",
        "DTSTART:20260302T090000Z",
        "ORGANIZER;CN=Pat Organiser:pat@Example.com",
        me,
        "ATTENDEE;CN=Big Boss:MAILTO:Big.Boss@Example.COM",
        'ATTENDEE;CN="Dan Nomail":invalid:nomail',
        "ATTENDEE;CUTYPE=ROOM;CN=Room 1:mailto:room1@example.com",
        "ATTENDEE;CUTYPE=RESOURCE;CN=Projector:mailto:projector@example.com",
        "ATTENDEE;CN=Twice:mailto:MAILTO:twice@example.com",
        "ATTENDEE;CN=Board Room:mailto:c_1882@resource.calendar.google.com",
        "ATTENDEE;CN=Holidays:mailto:en.usa#holiday@group.v.calendar.google.com",
        "END:VEVENT",
      ),
    )
    expect(records.map((r) => r.provenance.record).sort()).toEqual([
      "attendee:big.boss@example.com",
      "attendee:pat@example.com",
      "attendee:twice@example.com",
    ])
    expect(interactions).toHaveLength(3)
  })

  it("reads names from CN: family/given, RFC 6868, e-mail CNs and decorations", async () => {
    const { records } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:n",
        "DTSTART:20260302T090000Z",
        me,
        'ATTENDEE;CN="Roe, Jane":mailto:jane.roe@example.com',
        "ATTENDEE;CN=Kit ^'Lucky^' Carson:mailto:kit@example.com",
        "ATTENDEE;CN=omar@example.net:mailto:omar@example.net",
        'ATTENDEE;CN="Müller, Jürgen <jm@example.de> (jm@example.de)":mailto:jm@example.de',
        "ATTENDEE;CN=:mailto:blank@example.com",
        'ATTENDEE;CN="Natarajan, PhD":mailto:pn@example.org',
        "END:VEVENT",
      ),
    )
    // a credential after the comma is not a given name
    expect(record(records, "pn@example.org").name).toEqual({
      given: "Natarajan",
      suffix: "PhD",
      formatted: "Natarajan, PhD",
    })
    expect(record(records, "jane.roe@example.com").name).toEqual({
      given: "Jane",
      family: "Roe",
      formatted: "Jane Roe",
    })
    expect(extra(record(records, "jane.roe@example.com"), "CN")).toEqual(["Roe, Jane"])
    expect(record(records, "kit@example.com").name).toEqual({ formatted: 'Kit "Lucky" Carson' })
    expect(record(records, "omar@example.net").name).toEqual({})
    expect(record(records, "jm@example.de").name).toEqual({
      given: "Jürgen",
      family: "Müller",
      formatted: "Jürgen Müller",
    })
    expect(record(records, "blank@example.com").name).toEqual({})
  })

  it("takes the EMAIL parameter of Apple principal-path attendees and keeps the path", async () => {
    const { records } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:apple",
        "DTSTART:20260302T090000Z",
        'ORGANIZER;CN=Sam Lake;EMAIL="sam.lake@example.com":/1234/principal/',
        me,
        "ATTENDEE;CN=Sam Lake;EMAIL=sam.lake@example.com:urn:uuid:00000000-0000-0000-0000-000000000001",
        "END:VEVENT",
      ),
    )
    expect(records).toHaveLength(1)
    expect(record(records, "sam.lake@example.com").name).toEqual({ formatted: "Sam Lake" })
    expect(extra(record(records, "sam.lake@example.com"), "calendarAddress")).toEqual(["/1234/principal/"])
  })

  it("emits one record per address per file and keeps the first name found", async () => {
    const { records, interactions } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:a",
        "DTSTART:20260302T090000Z",
        me,
        "ATTENDEE:mailto:jane.roe@example.com",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:b",
        "DTSTART:20260303T090000Z",
        me,
        "ATTENDEE;CN=Jane Roe:mailto:JANE.ROE@example.com",
        "END:VEVENT",
      ),
    )
    expect(records).toHaveLength(1)
    expect(record(records, "jane.roe@example.com").name).toEqual({ formatted: "Jane Roe" })
    expect(interactions).toHaveLength(2)
  })
})

describe("who is me", () => {
  const twoEvents = (...header: ReadonlyArray<string>) =>
    calendar(
      ...header,
      "BEGIN:VEVENT",
      "UID:1",
      "DTSTART:20260302T090000Z",
      "ORGANIZER;CN=Alex Owner:mailto:alex@example.org",
      "ATTENDEE;CN=Jane Roe:mailto:jane.roe@example.com",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:2",
      "DTSTART:20260303T090000Z",
      "ORGANIZER;CN=Alex Owner:mailto:alex@example.org",
      "ATTENDEE:mailto:omar@example.net",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:3",
      "DTSTART:20260304T090000Z",
      "ORGANIZER:mailto:kim@example.com",
      "ATTENDEE;CN=Alex Owner:mailto:alex@example.org",
      "END:VEVENT",
    )

  it("infers the owner from X-WR-CALNAME when it is an e-mail", async () => {
    const { self, records } = await read(twoEvents("X-WR-CALNAME:Alex@Example.org"), { now })
    expect(self.map((s) => s.provenance.record)).toEqual(["owner:alex@example.org"])
    expect(self[0]?.name).toEqual({ formatted: "Alex Owner" })
    expect(extra(self[0]!, "ownerInferredFrom")).toEqual(["X-WR-CALNAME"])
    expect(records.map((r) => r.provenance.record).sort()).toEqual([
      "attendee:jane.roe@example.com",
      "attendee:kim@example.com",
      "attendee:omar@example.net",
    ])
  })

  it("infers the owner as the most frequent organiser", async () => {
    const { self, records, interactions } = await read(twoEvents(), { now })
    expect(self.map((s) => s.provenance.record)).toEqual(["owner:alex@example.org"])
    expect(extra(self[0]!, "ownerInferredFrom")).toEqual(["ORGANIZER"])
    expect(records).toHaveLength(3)
    expect(interactions).toHaveLength(3)
  })

  it("infers the owner as the attendee of (almost) every event", async () => {
    const { self } = await read(
      calendar(
        ...["1", "2", "3"].flatMap((n) => [
          "BEGIN:VEVENT",
          `UID:${n}`,
          `DTSTART:2026030${n}T090000Z`,
          `ORGANIZER:mailto:boss${n}@example.com`,
          "ATTENDEE:mailto:sam@example.org",
          "END:VEVENT",
        ]),
      ),
      { now },
    )
    expect(self.map((s) => s.provenance.record)).toEqual(["owner:sam@example.org"])
    expect(extra(self[0]!, "ownerInferredFrom")).toEqual(["ATTENDEE"])
  })

  it("infers nobody from a single invitation: every participant counts", async () => {
    const { self, records, interactions } = await read(
      calendar(
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        "UID:invite",
        "DTSTART:20260302T090000Z",
        "ORGANIZER:mailto:boss@example.com",
        "ATTENDEE:mailto:jane.roe@example.com",
        "ATTENDEE:mailto:omar@example.net",
        "END:VEVENT",
      ),
      { now },
    )
    expect(self).toEqual([])
    expect(records).toHaveLength(3)
    expect(interactions).toHaveLength(3)
  })

  it("uses `me` over inference, and infers when the file never mentions me", async () => {
    const given = await read(twoEvents("X-WR-CALNAME:alex@example.org"), { now, me: ["kim@example.com"] })
    // the given address is the file's owner: one Self record, found by the option rather than inferred
    expect(given.self.map((s) => [s.provenance.record, s.extra])).toEqual([
      ["owner:kim@example.com", [{ name: "ownerInferredFrom", value: "me option" }]],
    ])
    expect(given.records.map((r) => r.provenance.record)).toEqual(["attendee:alex@example.org"])
    const absent = await read(twoEvents(), { now, me: ["nobody@example.org"] })
    expect(absent.self.map((s) => s.provenance.record)).toEqual(["owner:alex@example.org"])
  })
})

describe("file shapes", () => {
  it("reads two VCALENDARs in one file", async () => {
    const text = [
      calendar(
        "BEGIN:VEVENT",
        "UID:a",
        "DTSTART:20260302T090000Z",
        me,
        "ATTENDEE:mailto:a@example.com",
        "END:VEVENT",
      ),
      "",
      calendar(
        "BEGIN:VEVENT",
        "UID:b",
        "DTSTART:20260303T090000Z",
        me,
        "ATTENDEE:mailto:b@example.com",
        "END:VEVENT",
      ),
    ].join("\r\n")
    const { records, interactions } = await read(text)
    expect(records.map((r) => r.provenance.record)).toEqual([
      "attendee:a@example.com",
      "attendee:b@example.com",
    ])
    expect(interactions).toHaveLength(2)
  })

  it("reads a bare VEVENT fragment without VCALENDAR", async () => {
    const { records, interactions } = await read(
      ics(
        "BEGIN:VEVENT",
        "UID:frag",
        "DTSTART:20260302T090000Z",
        me,
        "ATTENDEE:mailto:a@example.com",
        "END:VEVENT",
      ),
    )
    expect(records).toHaveLength(1)
    expect(interactions).toHaveLength(1)
  })

  it("reads UTF-16LE without BOM", async () => {
    const text = calendar(
      "BEGIN:VEVENT",
      "UID:u16",
      "DTSTART:20260302T090000Z",
      me,
      "ATTENDEE;CN=Jürgen Müller:mailto:juergen@example.de",
      "END:VEVENT",
    )
    const bytes = new Uint8Array(Buffer.from(text, "utf16le"))
    const { records, interactions } = await readAll(IcsSource, [{ path: "u16.ics", bytes }], {
      now,
      me: [ME],
    })
    expect(record(records, "juergen@example.de").name).toEqual({ formatted: "Jürgen Müller" })
    expect(interactions).toHaveLength(1)
  })

  it("reads UTF-8 with BOM, folded lines and folds that lost their leading space", async () => {
    const { records, issues } = await read(
      `\uFEFF${calendar(
        "BEGIN:VEVENT",
        "UID:fold",
        "DTSTART:20260302T090000Z",
        me,
        "ATTENDEE;CN=Jane",
        "  Roe:mailto:jane.roe@exam",
        " ple.com",
        "DESCRIPTION:Agenda",
        "first point, second point",
        "END:VEVENT",
      )}`,
    )
    expect(issues).toEqual([])
    expect(record(records, "jane.roe@example.com").name).toEqual({ formatted: "Jane Roe" })
  })

  it("turns a broken VEVENT into an issue with its line and reads the others", async () => {
    const { records, issues } = await read(
      calendar(
        "BEGIN:VEVENT",
        "UID:bad-date",
        "DTSTART:20261340T250000Z",
        me,
        "ATTENDEE:mailto:kept@example.com",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:bad-rule",
        "DTSTART:20260302T090000Z",
        "RRULE:FREQ=WEEKLY;BYMONTH=13",
        me,
        "ATTENDEE:mailto:ok@example.com",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "DTEND:20260302T090000Z",
        "END:VEVENT",
      ),
    )
    expect(issues).toEqual([
      {
        file: "cal.ics",
        record: "event:bad-date",
        line: 4,
        reason: 'DTSTART "2026-13-40T25:00:00Z" is not a valid date',
      },
      {
        file: "cal.ics",
        record: "event:bad-rule",
        line: 13,
        reason: expect.stringContaining("skipped unreadable RRULE line"),
      },
      {
        file: "cal.ics",
        record: "event:3",
        line: 17,
        reason: "VEVENT without DTSTART: no meeting time (people kept)",
      },
    ])
    // People of a timeless event are still known; the bad RRULE leaves a single meeting.
    expect(records.map((r) => r.provenance.record)).toEqual([
      "attendee:kept@example.com",
      "attendee:ok@example.com",
    ])
  })

  it("reads a VEVENT cut off at the end of the file and reports it", async () => {
    const { records, issues } = await read(
      ics(
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "UID:cut",
        "DTSTART:20260302T090000Z",
        me,
        "ATTENDEE:mailto:a@example.com",
      ),
    )
    expect(records).toHaveLength(1)
    expect(issues).toEqual([
      {
        file: "cal.ics",
        record: "event:cut",
        line: 2,
        reason: "VEVENT has no END:VEVENT; read up to line 6",
      },
    ])
  })

  it("keeps the highest SEQUENCE of a repeated event", async () => {
    const version = (seq: number, day: string) =>
      calendar(
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        "UID:moved",
        `SEQUENCE:${seq}`,
        `DTSTART:202603${day}T090000Z`,
        "ORGANIZER:mailto:boss@example.com",
        me,
        "END:VEVENT",
      )
    const { interactions } = await read([version(2, "05"), version(1, "02")].join("\r\n"))
    expect(interactions.map((i) => i.at)).toEqual(["2026-03-05T09:00:00.000Z"])
  })
})

describe("errors", () => {
  const failure = (files: ReadonlyArray<Source.InputFile>, options: Source.ReadOptions) =>
    Effect.runPromise(Effect.flip(Stream.runCollect(IcsSource.read(files, options))))

  it("fails a file without any calendar content as UnknownFormat", async () => {
    const error = await failure([textInput("x.ics", "hello")], { now })
    expect(error.reason._tag).toBe("UnknownFormat")
    expect(error.reason.path).toBe("x.ics")
  })

  it("rejects a `me` that is not an e-mail and an invalid `now`", async () => {
    const file = textInput("x.ics", calendar())
    expect((await failure([file], { now, me: ["not an address"] })).reason._tag).toBe("InvalidOptions")
    expect((await failure([file], { now: new Date("nope") })).reason._tag).toBe("InvalidOptions")
  })

  it("reads an empty calendar as nothing", async () => {
    expect((await read(calendar())).items).toEqual([])
  })
})
