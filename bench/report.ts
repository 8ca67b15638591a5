/**
 * `pnpm bench:report`: the HTML report at size, and whether its communities are the groups that made
 * the exports.
 *
 * Invented exports: N people in companies of 16, each company two teams of 8 with a weekly meeting
 * (four occurrences, now and then a guest from another company), written as one vCard file (one card
 * in ten without an employer) and one
 * calendar. They are merged as `blackbook report` merges them, then the report is rendered and timed,
 * its size taken, and it is opened in Debian's Chromium, where the page marks `blackbook:map-drawn`
 * when sigma's first render is done. Last, per community: the share of its members who have its label
 * (employer, meeting or e-mail domain), and the share who belong to the company most of them are from.
 *
 * Usage: pnpm bench:report [N ...]   (default: 5000; 200 prints every community)
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { Network, Report } from "@blackbook/report"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { Merge } from "blackbook"
import { Effect, Result } from "effect"
// the browser tests' launch: Debian's Chromium with the flags this closed network needs
import { launch } from "../packages/report/test/browser.ts"

const NOW = new Date("2026-11-25T12:00:00Z")
const ME = "owner@blackbook-bench.example"
const TEAM = 8
const COMPANY = 2 * TEAM

const GIVEN =
  "Ailsa Bram Cedric Delphine Eamon Fenella Gideon Halcyon Isolde Jasper Kestrel Linnea Magnus Nerys Orrin Perpetua Quillon Rosalind Soren Tamsin Ulric Verity Wystan Xanthe Yorick Zelda Anselm Briony Caspian Dorothea Elowen Florian Gwendolyn Hartley Ingram Jessamy".split(
    " ",
  )
const FAMILY =
  "Abernethy Blackwood Carrow Dunmore Elsworth Fairbairn Galloway Hawthorne Ingleby Jardine Kilbride Lockhart Merriweather Northcote Oakhurst Pendleton Quarrington Redgrave Stainforth Thackeray Underhill Vantongeren Wetherell Yarborough Zennor Ashcombe Bramall Cotterill Dinsdale Eversleigh".split(
    " ",
  )
const SYLLABLES =
  "ar bel cor dun el fen gar hol ist jor kel lun mor nev orr pel quin ros sel tor ulm ver wen".split(" ")

/** A small seeded generator, so every run writes the same exports. */
const random = (seed: number) => {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = Math.imul(s ^ (s >>> 15), s | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Person {
  readonly given: string
  readonly family: string
  readonly email: string
  readonly company: number
  /** One card in ten names no employer, as in real address books. */
  readonly listsEmployer: boolean
}

const companyName = (c: number): string => {
  const a = SYLLABLES[c % SYLLABLES.length]!
  const b = SYLLABLES[Math.floor(c / SYLLABLES.length) % SYLLABLES.length]!
  const name = `${a}${b}`
  return `${name[0]!.toUpperCase()}${name.slice(1)} Works ${Math.floor(c / (SYLLABLES.length * SYLLABLES.length)) + 1}`
}
const domainOf = (c: number): string => `${companyName(c).toLowerCase().replace(/\s+/g, "-")}.example`

const people = (n: number): ReadonlyArray<Person> =>
  Array.from({ length: n }, (_, i) => {
    const given = GIVEN[i % GIVEN.length]!
    const family = `${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]!}${i >= GIVEN.length * FAMILY.length ? `-${FAMILY[Math.floor(i / (GIVEN.length * FAMILY.length)) % FAMILY.length]}` : ""}`
    const company = Math.floor(i / COMPANY)
    return {
      given,
      family,
      email: `${given}.${family}.${i}@${domainOf(company)}`.toLowerCase(),
      company,
      listsEmployer: i % 10 !== 7,
    }
  })

const vcards = (all: ReadonlyArray<Person>): string =>
  all
    .map(
      (p) =>
        `BEGIN:VCARD\r\nVERSION:3.0\r\nN:${p.family};${p.given};;;\r\nFN:${p.given} ${p.family}\r\n${p.listsEmployer ? `ORG:${companyName(p.company)};\r\n` : ""}EMAIL;type=INTERNET;type=WORK:${p.email}\r\nEND:VCARD\r\n`,
    )
    .join("")

const stamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "")

const calendar = (all: ReadonlyArray<Person>, seed: number): string => {
  const rng = random(seed)
  const events: Array<string> = []
  const teams = Math.ceil(all.length / TEAM)
  for (let t = 0; t < teams; t++) {
    const members = all.slice(t * TEAM, (t + 1) * TEAM)
    for (let week = 1; week <= 4; week++) {
      const start = new Date(NOW.getTime() - (week * 7 + (t % 5)) * 86_400_000)
      const guests = rng() < 0.3 ? [all[Math.floor(rng() * all.length)]!] : []
      const attendees = [...members, ...guests]
        .map((p) => `ATTENDEE;PARTSTAT=ACCEPTED;CN=${p.given} ${p.family}:mailto:${p.email}\r\n`)
        .join("")
      events.push(
        `BEGIN:VEVENT\r\nUID:team-${t}-week-${week}@blackbook-bench.example\r\nDTSTAMP:${stamp(NOW)}\r\nDTSTART:${stamp(start)}\r\nDTEND:${stamp(new Date(start.getTime() + 1_800_000))}\r\nSUMMARY:Team ${t} weekly\r\nORGANIZER;CN=Owner:mailto:${ME}\r\nATTENDEE;PARTSTAT=ACCEPTED;CN=Owner:mailto:${ME}\r\n${attendees}END:VEVENT\r\n`,
      )
    }
  }
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Blackbook bench//EN\r\n${events.join("")}END:VCALENDAR\r\n`
}

/** Opens the report in Chromium: when the map was drawn and when the page had loaded (ms since navigation). */
const inBrowser = async (file: string): Promise<{ drawn: number; loaded: number; errors: number }> => {
  const { context, close } = await launch()
  try {
    const page = await context.newPage()
    let errors = 0
    page.on("pageerror", () => errors++)
    page.on("console", (m) => {
      if (m.type() === "error") errors++
    })
    await page.goto(`file://${file}`, { waitUntil: "load" })
    const drawn = (await page.evaluate(
      "performance.getEntriesByName('blackbook:map-drawn')[0]?.startTime ?? -1",
    )) as number
    const loaded = (await page.evaluate(
      "performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? -1",
    )) as number
    return { drawn, loaded, errors }
  } finally {
    await close()
  }
}

const ms = (t: number) => `${Math.round(t)} ms`

const runOne = async (n: number) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blackbook-bench-report-"))
  const all = people(n)
  fs.writeFileSync(path.join(dir, "contacts.vcf"), vcards(all))
  fs.writeFileSync(path.join(dir, "calendar.ics"), calendar(all, n))
  const t0 = performance.now()
  const result = await Effect.runPromise(
    Merge.merge([path.join(dir, "contacts.vcf"), path.join(dir, "calendar.ics")], {
      now: NOW,
      me: [ME],
      region: "GB",
    }).pipe(Effect.provide(NodeFileSystem.layer)),
  )
  const t1 = performance.now()
  // the median of three renders (the first also warms the code up)
  const renders: Array<number> = []
  let html = ""
  for (let k = 0; k < 3; k++) {
    const start = performance.now()
    const page = Report.render(result)
    if (Result.isFailure(page)) throw new Error(page.failure.message)
    html = page.success
    renders.push(performance.now() - start)
  }
  const render = [...renders].sort((a, b) => a - b)[1]!
  const file = path.join(dir, "report.html")
  fs.writeFileSync(file, html)
  const network = Network.build(result.book, result.ranking)
  const browser = fs.existsSync("/usr/bin/chromium") ? await inBrowser(file) : undefined

  console.log(`\n${n} people (${result.book.contacts.length} contacts), ${network.links.length} links`)
  console.log(
    `  merge ${ms(t1 - t0)}; Report.render ${ms(render)} (median of ${renders.map(ms).join(", ")}); file ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB`,
  )
  if (browser)
    console.log(
      `  Chromium: map drawn ${ms(browser.drawn)} after navigation start, page loaded ${ms(browser.loaded)}; ${browser.errors} errors`,
    )
  else console.log("  Chromium: /usr/bin/chromium missing, not measured")

  // Communities against the companies that made them.
  const companyOf = new Map(all.map((p) => [p.email, p.company]))
  const memberCompany = result.book.contacts.map((c) => companyOf.get(c.emails[0]?.value ?? "") ?? -1)
  const byCommunity = new Map<number, Array<number>>()
  network.nodes.forEach((node, i) => {
    if (node.community < 0) return
    const list = byCommunity.get(node.community)
    if (list) list.push(i)
    else byCommunity.set(node.community, [i])
  })
  const shares = network.communities.map((c, k) => {
    const members = byCommunity.get(k) ?? []
    const counts = new Map<number, number>()
    for (const m of members) counts.set(memberCompany[m]!, (counts.get(memberCompany[m]!) ?? 0) + 1)
    const purity = Math.max(0, ...counts.values()) / Math.max(1, members.length)
    return { label: c.label, kind: c.labelKind, members: c.members, share: c.share, purity }
  })
  const sorted = [...shares].map((s) => s.share).sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  const kinds = new Map<string, number>()
  for (const s of shares) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1)
  console.log(
    `  ${shares.length} communities (${[...kinds].map(([k, c]) => `${c} by ${k}`).join(", ")}); members sharing the label: min ${pct(sorted[0] ?? 0)}, median ${pct(median)}, mean ${pct(mean(shares.map((s) => s.share)))}; from the community's main company: mean ${pct(mean(shares.map((s) => s.purity)))}`,
  )
  if (shares.length <= 20 || process.env.BLACKBOOK_BENCH_ALL === "1")
    for (const s of shares)
      console.log(
        `    ${s.label.padEnd(34)} ${String(s.members).padStart(4)} members, ${pct(s.share)} share the label, ${pct(s.purity)} from one company`,
      )
  if (process.env.BLACKBOOK_BENCH_KEEP === "1") console.log(`  kept ${dir}`)
  else fs.rmSync(dir, { recursive: true, force: true })
}

const pct = (v: number) => `${Math.round(v * 100)}%`
const mean = (xs: ReadonlyArray<number>) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length)

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0)
for (const n of sizes.length > 0 ? sizes : [5000]) await runOne(n)
