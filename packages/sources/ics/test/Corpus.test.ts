import * as fs from "node:fs"
import * as path from "node:path"
import { Text } from "@blackbook/model"
import { conformance, fileInput, readAll, sharedRoot } from "@blackbook/model/testing"
import { describe, expect, it } from "vitest"
import { IcsSource } from "../src/index.ts"

// sharedRoot() warns and returns undefined when ../shared is missing (and throws under CI).
const root = sharedRoot()
const dir = root ? path.join(root, "corpus", "ics") : undefined
const now = new Date("2026-11-25T00:00:00Z")

/**
 * Counts worked out by reading each file (owner unknown unless noted, so every participant counts):
 * - khal__event_dt_partstat: 6 attendees, one DECLINED, one DELEGATED -> 4.
 * - pyicalendar__property_params: all-day invite; organiser is also attendee -> 3 people, 1 day.
 * - tine20__calendarserver_external_invitation: principal-path organiser = attendee with EMAIL= -> 2.
 * - pyicalendar__issue_156_RDATE_with_PERIOD_TZID_khal: 19 RDATE periods (the first = DTSTART), 1 attendee.
 * - ical4j__calconnect: DAILY COUNT=5, chair + participant -> 2 x 5.
 * - icsparser__issue-343: no UID, floating 10:00 in the calendar's only zone (W. Europe), every 2nd
 *   Monday until 2024-10-07 08:00Z -> 2 occurrences x 4 people; the second VEVENT has no DTSTART.
 * - pyicalendar__big_bad_calendar: 20 empty VEVENTs -> 20 issues.
 * - nodeical__event-organizer-cn: organiser only, CN is the e-mail, quoted mailto value.
 * - tine20__lightning_repeating_group_first_instance_exception: 6 e-mail participants (the group is
 *   a urn:uuid), master ends on its first day, 6 overrides -> 6 x 6.
 * - calcard__047: DAILY INTERVAL=2 from 11-24 until 11-26 -> 2 occurrences x 2 attendees.
 * - ical4j__blankTzid: organiser also attendee -> 2 people, 1 meeting.
 * - pyicalendar__rfc_6868: one attendee, no DTSTART -> record only, 1 issue.
 * - tine20__bad_encoding: UTF-16LE without BOM, 15 events, nobody in them.
 */
const expected: Record<string, { records: number; interactions: number; issues: number }> = {
  "khal__event_dt_partstat.ics": { records: 4, interactions: 4, issues: 0 },
  "pyicalendar__property_params.ics": { records: 3, interactions: 3, issues: 0 },
  "tine20__calendarserver_external_invitation.ics": { records: 2, interactions: 2, issues: 0 },
  "pyicalendar__issue_156_RDATE_with_PERIOD_TZID_khal.ics": { records: 1, interactions: 19, issues: 0 },
  "ical4j__calconnect.ics": { records: 2, interactions: 10, issues: 0 },
  "icsparser__issue-343.ics": { records: 4, interactions: 8, issues: 1 },
  "pyicalendar__big_bad_calendar.ics": { records: 0, interactions: 0, issues: 20 },
  "nodeical__event-organizer-cn.ics": { records: 1, interactions: 1, issues: 0 },
  "tine20__lightning_repeating_group_first_instance_exception.ics": {
    records: 6,
    interactions: 36,
    issues: 0,
  },
  "calcard__047.ics": { records: 2, interactions: 4, issues: 0 },
  "ical4j__blankTzid.ics": { records: 2, interactions: 2, issues: 0 },
  "pyicalendar__rfc_6868.ics": { records: 1, interactions: 0, issues: 1 },
  "tine20__bad_encoding.ics": { records: 0, interactions: 0, issues: 0 },
}

const files = dir
  ? fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ics"))
      .sort()
  : []
const read = (name: string) => readAll(IcsSource, [fileInput(path.join(dir!, name), name)], { now })

describe.skipIf(!dir)("shared corpus (ics)", () => {
  it("claims and reads every file without failing, and reports totals", async () => {
    expect(files).toHaveLength(64)
    const totals = { files: 0, events: 0, records: 0, self: 0, interactions: 0, issues: 0 }
    for (const name of files) {
      const file = fileInput(path.join(dir!, name), name)
      expect(IcsSource.claim({ origin: name, files: [file] }), name).toHaveLength(1)
      const result = await readAll(IcsSource, [file], { now })
      for (const r of [...result.records, ...result.self]) {
        expect(r.emails[0]?.value, name).toMatch(/^[^\s@A-Z]+@[^\s@A-Z]+\.[^\s@A-Z]+$/)
      }
      expect(
        conformance(result.items, { sources: [IcsSource.name], files: [name], lines: true }),
        name,
      ).toEqual([])
      for (const i of result.interactions) expect(i.at <= now.toISOString(), name).toBe(true)
      totals.files++
      totals.events += Text.decodeText(file.bytes).text.match(/^BEGIN:VEVENT/gim)?.length ?? 0
      totals.records += result.records.length
      totals.self += result.self.length
      totals.interactions += result.interactions.length
      totals.issues += result.issues.length
    }
    console.log(`[ics corpus] ${JSON.stringify(totals)}`)
    expect(totals.files).toBe(64)
  }, 120_000)

  it.each(Object.entries(expected))("%s gives the counts read off the file", async (name, counts) => {
    const { records, interactions, issues } = await read(name)
    expect({ records: records.length, interactions: interactions.length, issues: issues.length }).toEqual(
      counts,
    )
  })

  it("reads the details of a few files right", async () => {
    const organizer = await read("nodeical__event-organizer-cn.ics")
    expect(organizer.records[0]?.name).toEqual({})
    expect(organizer.interactions[0]?.at).toBe("2013-04-18T18:00:00.000Z")

    const apple = await read("tine20__calendarserver_external_invitation.ics")
    const cornelius = apple.records.find((r) => r.provenance.record === "attendee:mail@corneliusweiss.de")
    expect(cornelius?.name).toEqual({ formatted: "Cornelius Weiss" })
    expect(cornelius?.extra).toContainEqual({ name: "calendarAddress", value: "/128868715/principal/" })
    expect(apple.interactions.map((i) => i.at)).toEqual([
      "2012-02-29T13:15:00.000Z",
      "2012-02-29T13:15:00.000Z",
    ])

    const rfc6868 = await read("pyicalendar__rfc_6868.ics")
    expect(rfc6868.records[0]?.name).toEqual({ formatted: 'George Herman "Babe" Ruth' })

    const lotus = await read("ical4j__calconnect.ics")
    expect(lotus.records.map((r) => r.name.formatted).sort()).toEqual(["iCal Chair", "iCal Participant"])

    // X-WR-CALNAME "Cristian Moldoveanu" is the CN of two addresses: both are the owner.
    const outlook = await read("ical4j__outlook2.txt.ics")
    expect(outlook.self.map((s) => s.provenance.record).sort()).toEqual([
      "owner:cristian.moldoveanu@1and1.ro",
      "owner:cristicretzu@gmail.com",
    ])
    expect(outlook.records.some((r) => r.provenance.record.includes("moldoveanu"))).toBe(false)
  }, 60_000)
})
