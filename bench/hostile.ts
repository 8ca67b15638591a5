/**
 * `pnpm bench:hostile`: how each reader's time grows with hostile input. Every case is read at
 * size n and 10n, each run in its own child process (so a case that never ends is stopped at the
 * time limit and memory is its own), and the growth ratio time(10n) / time(n) is printed: a linear
 * reader shows about 10, a quadratic one about 100. The cases are the shapes that were quadratic or
 * unbounded: folded lines, quoted-printable soft breaks, many properties in one card, a long folded
 * PHOTO, long CSV lines and many rows, many events in a calendar.
 *
 * Usage: pnpm bench:hostile [CASE ...]   (default: every case)
 */
import { spawnSync } from "node:child_process"
import { performance } from "node:perf_hooks"
import { fileURLToPath } from "node:url"
import type { Source } from "@blackbook/model"
import { ContactsCsvSource } from "@blackbook/source-contacts-csv"
import { IcsSource } from "@blackbook/source-ics"
import { VCardSource } from "@blackbook/source-vcard"
import { Effect, Stream } from "effect"

const enc = (s: string) => new TextEncoder().encode(s)
const NOW = new Date("2026-01-01T00:00:00Z")

interface Case {
  readonly adapter: Source.SourceAdapter
  /** The input at size n. */
  readonly make: (n: number) => string
  readonly n: number
}

const card = (body: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ilse Brandt\r\n${body}END:VCARD\r\n`

const zoneRules =
  "BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n" +
  "BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n"
/** Outlook's zone, with rules from 1601 as Outlook writes them. */
const outlookZone = `BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n${zoneRules}END:VTIMEZONE\r\n`
const zonedEvent =
  "BEGIN:VEVENT\r\nUID:z1\r\nDTSTAMP:20250101T000000Z\r\nDTSTART;TZID=W. Europe Standard Time:20240610T100000\r\nORGANIZER:mailto:me@example.org\r\nATTENDEE:mailto:kai@example.no\r\nEND:VEVENT\r\n"

const cases: Record<string, Case> = {
  "vcard folded lines": {
    adapter: VCardSource,
    n: 10_000,
    make: (n) => card(`NOTE:start\r\n${" continued text of the note\r\n".repeat(n)}`),
  },
  "vcard quoted-printable soft breaks": {
    adapter: VCardSource,
    n: 10_000,
    make: (n) => card(`NOTE;ENCODING=QUOTED-PRINTABLE:start=\r\n${"more=20text=\r\n".repeat(n)}end\r\n`),
  },
  "vcard e-mails in one card": {
    adapter: VCardSource,
    n: 5_000,
    make: (n) => card(Array.from({ length: n }, (_, i) => `EMAIL:ilse.${i}@example.de\r\n`).join("")),
  },
  "vcard folded PHOTO": {
    adapter: VCardSource,
    n: 20_000,
    make: (n) =>
      card(`PHOTO;ENCODING=b;TYPE=JPEG:/9j/\r\n${" QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3\r\n".repeat(n)}`),
  },
  "vcard quoted-printable PHOTO": {
    adapter: VCardSource,
    n: 20_000,
    make: (n) =>
      card(`PHOTO;ENCODING=QUOTED-PRINTABLE:${"=FF=D8=FF=E0=00=10=4A=46=49=46=\r\n".repeat(n)}end\r\n`),
  },
  "vcard many cards": {
    adapter: VCardSource,
    n: 5_000,
    make: (n) =>
      Array.from(
        { length: n },
        (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nEMAIL:p${i}@example.org\r\nEND:VCARD\r\n`,
      ).join(""),
  },
  "csv many rows": {
    adapter: ContactsCsvSource,
    n: 20_000,
    make: (n) =>
      `First Name,Last Name,E-mail Address,Company\r\n${Array.from({ length: n }, (_, i) => `Kai${i},Lund,kai${i}@example.no,Nordlys AS\r\n`).join("")}`,
  },
  "csv long line": {
    adapter: ContactsCsvSource,
    n: 200_000,
    make: (n) =>
      `First Name,Last Name,E-mail Address,Notes\r\nKai,Lund,kai@example.no,"${"note text ".repeat(n)}"\r\n`,
  },
  "csv many columns": {
    adapter: ContactsCsvSource,
    n: 20_000,
    make: (n) =>
      `First Name,Last Name,E-mail Address${",x".repeat(n)}\r\nKai,Lund,kai@example.no${",1".repeat(n)}\r\n`,
  },
  "vcard many QP LABEL lines in one card": {
    adapter: VCardSource,
    n: 10_000,
    make: (n) =>
      card("LABEL;QUOTED-PRINTABLE;HOME;PREF:92 Main St. N.=0ANewmarket, ON L3Y 4A1=0ACanada\r\n".repeat(n)),
  },
  "vcard address block repeated in one card": {
    adapter: VCardSource,
    n: 2_000,
    make: (n) =>
      card(
        "ADR;TYPE=WORK:;;12 Harbour Rd;Bergen;;5003;Norway\r\nLABEL;TYPE=WORK:12 Harbour Rd\\nBergen\r\nTEL;TYPE=WORK,VOICE:+47 55 55 01 23\r\nTITLE:Harbour master\r\nPHOTO;VALUE=URI:http://example.no/p.jpg\r\n".repeat(
          n,
        ),
      ),
  },
  "csv line of semicolons": {
    adapter: ContactsCsvSource,
    n: 10_000,
    // a name cell holding an address is checked as one: a long run of `;` before the text
    make: (n) =>
      `First Name,Middle Name,Last Name\r\nKai,,Lund\r\n${";".repeat(n)}Conor,conor.walsh@example.ie,Walsh\r\n`,
  },
  "ics Outlook VTIMEZONE repeated": {
    adapter: IcsSource,
    n: 300,
    make: (n) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${outlookZone.repeat(n)}${zonedEvent}END:VCALENDAR\r\n`,
  },
  "ics zone rules in one VTIMEZONE": {
    adapter: IcsSource,
    n: 300,
    make: (n) =>
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n${zoneRules.repeat(n)}END:VTIMEZONE\r\n${zonedEvent}END:VCALENDAR\r\n`,
  },
  "ics many events": {
    adapter: IcsSource,
    n: 2_000,
    make: (n) =>
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${Array.from(
        { length: n },
        (_, i) =>
          `BEGIN:VEVENT\r\nUID:e${i}\r\nDTSTAMP:20250101T000000Z\r\nDTSTART:20240101T100000Z\r\nORGANIZER:mailto:me@example.org\r\nATTENDEE:mailto:kai${i % 50}@example.no\r\nEND:VEVENT\r\n`,
      ).join("")}END:VCALENDAR\r\n`,
  },
  "ics open-ended weekly series": {
    adapter: IcsSource,
    n: 50,
    make: (n) =>
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${Array.from(
        { length: n },
        (_, i) =>
          `BEGIN:VEVENT\r\nUID:s${i}\r\nDTSTAMP:20250101T000000Z\r\nDTSTART:20140101T100000Z\r\nRRULE:FREQ=WEEKLY\r\nORGANIZER:mailto:me@example.org\r\nATTENDEE:mailto:kai${i}@example.no\r\nEND:VEVENT\r\n`,
      ).join("")}END:VCALENDAR\r\n`,
  },
}

/** Child: reads one case at one size, prints milliseconds and items. */
const runOne = async (name: string, n: number) => {
  const c = cases[name]!
  const bytes = enc(c.make(n))
  const file = { path: "hostile", bytes }
  const start = performance.now()
  const items = await Effect.runPromise(Stream.runCount(c.adapter.read([file], { now: NOW })))
  process.stdout.write(JSON.stringify({ ms: performance.now() - start, items, bytes: bytes.length }))
}

const LIMIT_MS = 60_000

const measure = (name: string, n: number): { ms: number; items: number; bytes: number } | string => {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), "--child", name, String(n)],
    { encoding: "utf8", timeout: LIMIT_MS, maxBuffer: 1 << 20 },
  )
  if (child.error || child.status !== 0)
    return child.error ? `> ${LIMIT_MS / 1000} s` : `failed (${child.status})`
  return JSON.parse(child.stdout)
}

const main = () => {
  const wanted = process.argv.slice(2)
  const names = wanted.length > 0 ? wanted : Object.keys(cases)
  console.log("| case | n | time at n | time at 10n | growth (10x input) |")
  console.log("|---|---:|---:|---:|---:|")
  for (const name of names) {
    const { n } = cases[name]!
    const small = measure(name, n)
    const large = typeof small === "string" ? "not run" : measure(name, 10 * n)
    const ms = (r: typeof small) => (typeof r === "string" ? r : `${r.ms.toFixed(0)} ms`)
    const growth =
      typeof small === "string" || typeof large === "string"
        ? "-"
        : `${(large.ms / Math.max(small.ms, 1)).toFixed(1)}x`
    console.log(`| ${name} | ${n} | ${ms(small)} | ${ms(large)} | ${growth} |`)
  }
}

if (process.argv[2] === "--child") await runOne(process.argv[3]!, Number(process.argv[4]))
else main()
