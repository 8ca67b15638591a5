/**
 * The invented social world behind `sample-exports/`: 40 people and the owner ("me", Alex
 * Morgan), each source record written explicitly so the overlaps are deliberate. Running this
 * file rewrites every file in `sample-exports/` (including TRUTH.md and truth.json), so the
 * record locators in the truth are computed from the records, never counted by hand:
 *
 *   pnpm exec tsx examples/merge-exports/people.ts
 *
 * Every name, address, number and company is invented. Phone numbers sit in ranges reserved for
 * drama/fiction (Ofcom 07700 900xxx, 020 7946 0xxx, 0117/0161 496 0xxx, 01632 960xxx; NANP
 * 555-01xx; ARCEP 01 99 00 xx xx); domains are example.com/.org/.net or under `.example`.
 */
import { mkdir, writeFile } from "node:fs/promises"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { encodeWindows1252 } from "../../bench/src/format/Csv.ts"
import type * as GoogleCsv from "../../bench/src/format/GoogleCsv.ts"
import { csv as googleCsv } from "../../bench/src/format/GoogleCsv.ts"
import * as Ics from "../../bench/src/format/Ics.ts"
import * as LinkedIn from "../../bench/src/format/LinkedIn.ts"
import type * as OutlookCsv from "../../bench/src/format/OutlookCsv.ts"
import { csv as outlookCsv } from "../../bench/src/format/OutlookCsv.ts"
import * as Twitter from "../../bench/src/format/Twitter.ts"
import * as VCard from "../../bench/src/format/VCard.ts"

/** The true people of the sample world, with what makes each one interesting to resolve. */
export const PEOPLE = [
  {
    id: "me",
    name: "Alex Morgan",
    note: "the owner: LinkedIn Profile.csv, Twitter account.js, calendar organizer",
  },
  {
    id: "p01",
    name: "Robert Hughes",
    note: "Robert / Bob; also a bare 2.1 phone card `Bob H` sharing his mobile",
  },
  {
    id: "p02",
    name: "Katherine Sullivan",
    note: "Katherine / Kate; personal vs work e-mail; Twitter handle",
  },
  { id: "p03", name: "William Thornton", note: "William / Bill; `(212) 555-0143` vs `+1 212-555-0143`" },
  { id: "p04", name: "Elizabeth Carter", note: "Elizabeth / Liz; declined the kickoff" },
  { id: "p05", name: "Michael Johnson", note: "typo `Jonhson` in Google" },
  { id: "p06", name: "Jane Doe", note: "janedoe@ / jane.doe+work@ / jane.doe@ gmail.com variants" },
  { id: "p07", name: "Tom Baxter", note: "pseudonymous @quietfox_42, named only in a tweet mention" },
  { id: "p08", name: "Victor Ashdown", note: "LinkedIn-only collector (connection, invitation, pitch)" },
  { id: "p09", name: "David Miller (Contoso Pharma, London)", note: "namesake of p10: keep apart" },
  { id: "p10", name: "David Miller (Tailspin Outdoor, Denver)", note: "namesake of p09: keep apart" },
  { id: "p11", name: "Mark Whitfield", note: "shares home landline 0117 496 0732 with p12: keep apart" },
  { id: "p12", name: "Sarah Whitfield", note: "shares home landline 0117 496 0732 with p11: keep apart" },
  { id: "p13", name: "Hannah Reid", note: "shares info@larkspur.example with p14: keep apart" },
  { id: "p14", name: "Oliver Grant", note: "shares info@larkspur.example with p13: keep apart" },
  {
    id: "p15",
    name: "Jürgen Groß",
    note: "Jürgen Groß (QP 2.1 card, LinkedIn) / Juergen Gross (Outlook, calendar)",
  },
  {
    id: "p16",
    name: "Priya Natarajan",
    note: "`Natarajan, PhD` in LinkedIn, `Dr.` prefix in vCard, CN with a comma",
  },
  { id: "p17", name: "Sam Okafor", note: "Samuel on LinkedIn; X-SOCIALPROFILE twitter on the card" },
  { id: "p18", name: "Nina Petrova", note: "Twitter (follower, group DM, mention) and a future meeting" },
  {
    id: "p19",
    name: "Emma Clarke",
    note: "one number three ways: +44 20 7946 0018 / 020 7946 0018 / +442079460018",
  },
  {
    id: "p20",
    name: "Laura Bennett",
    note: "job change: Alpine Retail Group (Outlook) -> Northwind Analytics",
  },
  { id: "p21", name: "Chris Adebayo", note: "two Google rows (Chris + phone, Christopher + e-mail)" },
  { id: "p22", name: "Mei Zhang", note: "calendar only, no CN (the address stands as the name)" },
  { id: "p23", name: "Chloé Martin", note: "QP 2.1 card; `Chloe` without accent on LinkedIn" },
  {
    id: "p24",
    name: "Siobhán O'Connor",
    note: "curly apostrophe in vCard, cp1252 `á` in Outlook, ASCII in Google",
  },
  { id: "p25", name: "Rachel Osei", note: "LinkedIn messages + Google with a personal address" },
  { id: "p26", name: "Daniel Kowalski", note: "Dan on LinkedIn; organises a meeting" },
  { id: "p27", name: "Fatima Haddad", note: "work and personal addresses across sources" },
  { id: "p28", name: "Lukas Becker", note: "LinkedIn InMail sender, not a connection" },
  { id: "p29", name: "Grace Liu", note: "Twitter following + mention, Google with empty `* ` label" },
  { id: "p30", name: "Ahmed Karim", note: "+44 161 496 0250 vs 0161 496 0250" },
  { id: "p31", name: "Isabel Ferreira", note: "outgoing invitation; future meeting" },
  { id: "p32", name: "Ethan Brooks", note: "tweet reply target; year-less Google birthday" },
  { id: "p33", name: "Olivia Novak", note: "middle name Jane / `J.`; leap-day birthday" },
  { id: "p34", name: "Matteo Rossi", note: "vCard + a future meeting" },
  { id: "p35", name: "Aisha Bello", note: "two addresses in one Google cell (` ::: `); cancelled meeting" },
  { id: "p36", name: "Henry Walsh", note: "Outlook only, with a birthday and multi-line notes" },
  { id: "p37", name: "Sophie Laurent", note: "incoming invitation + connection" },
  { id: "p38", name: "Ben Carter", note: "Google only; same family name as p04, unrelated" },
  { id: "p39", name: "Yuki Tanaka", note: "Twitter display name `田中 由紀 (Yuki Tanaka)`" },
  { id: "p40", name: "Omar Farouk", note: "calendar only, under a work and a personal address" },
] as const

/** A person id of the sample world. */
export type PersonId = (typeof PEOPLE)[number]["id"]

/**
 * One source record: its file (relative to sample-exports/) and locator. `skippable` says why a
 * reader may rightly emit no record for it (a calendar address seen only declining or in
 * cancelled events: present in the file, but never met).
 */
export interface RecordRef {
  readonly file: string
  readonly record: string
  readonly skippable?: string
}

/** `now` for the sample: meetings after this instant are in the future. */
export const NOW = new Date("2026-11-25T00:00:00Z")

const at = (iso: string): Date => new Date(iso)

// ---------------------------------------------------------------- the owner

const ME = {
  given: "Alex",
  family: "Morgan",
  email: "alex.morgan@example.com",
  personalEmail: "alexmorgan.home@example.net",
  twitterId: "887412563",
  handle: "alexmorgan_dev",
  linkedin: LinkedIn.profileUrl("alex-morgan-demo"),
}

// ---------------------------------------------------------------- contacts.vcf

const APPLE_PRODID: VCard.Property = { name: "PRODID", value: "-//Apple Inc.//macOS 14.6.1//EN" }

interface AppleCard {
  readonly family: string
  readonly given: string
  readonly middle?: string
  readonly prefix?: string
  readonly fn?: string
  readonly nickname?: string
  readonly org?: string
  readonly title?: string
  readonly extra: ReadonlyArray<VCard.Property>
  readonly rev: string
}

const apple = (c: AppleCard): string =>
  VCard.card30([
    APPLE_PRODID,
    { name: "N", value: VCard.compound([c.family, c.given, c.middle ?? "", c.prefix ?? "", ""]) },
    { name: "FN", value: VCard.text(c.fn ?? `${c.given} ${c.family}`) },
    ...(c.nickname === undefined ? [] : [{ name: "NICKNAME", value: VCard.text(c.nickname) }]),
    ...(c.org === undefined ? [] : [{ name: "ORG", value: `${VCard.text(c.org)};` }]),
    ...(c.title === undefined ? [] : [{ name: "TITLE", value: VCard.text(c.title) }]),
    ...c.extra,
    { name: "REV", value: c.rev },
  ])

const email = (kind: "WORK" | "HOME", address: string, pref = true): VCard.Property => ({
  name: "EMAIL",
  params: ["type=INTERNET", `type=${kind}`, ...(pref ? ["type=pref"] : [])],
  value: address,
})
const tel = (kinds: ReadonlyArray<string>, number: string, pref = false): VCard.Property => ({
  name: "TEL",
  params: [...kinds.map((k) => `type=${k}`), "type=VOICE", ...(pref ? ["type=pref"] : [])],
  value: number,
})

const VCARDS: ReadonlyArray<readonly [PersonId, string]> = [
  [
    "p01",
    apple({
      family: "Hughes",
      given: "Robert",
      nickname: "Bob",
      org: "Northwind Analytics",
      title: "Head of Data Engineering",
      extra: [
        email("WORK", "rob.hughes@example.com"),
        tel(["CELL", "IPHONE"], "+44 7700 900123", true),
        {
          name: "X-SOCIALPROFILE",
          params: ["type=linkedin"],
          value: "http://www.linkedin.com/in/robert-hughes-4b2a19",
        },
      ],
      rev: "2026-10-02T08:14:51Z",
    }),
  ],
  [
    "p02",
    apple({
      family: "Sullivan",
      given: "Katherine",
      nickname: "Kate",
      org: "Fabrikam Design",
      extra: [
        email("HOME", "kate.sullivan@example.org"),
        tel(["CELL"], "07700 900456", true),
        { name: "BDAY", params: ["X-APPLE-OMIT-YEAR=1604"], value: "1604-09-21" },
      ],
      rev: "2025-04-11T19:02:37Z",
    }),
  ],
  [
    "p04",
    apple({
      family: "Carter",
      given: "Liz",
      org: "Bluefin Labs",
      title: "CTO",
      extra: [
        email("WORK", "liz@bluefin.example"),
        tel(["WORK"], "+44 20 7946 0555", true),
        { group: "item1", name: "URL", params: ["type=pref"], value: "https://bluefin.example" },
        { group: "item1", name: "X-ABLabel", value: "_$!<HomePage>!$_" },
      ],
      rev: "2024-02-19T10:45:03Z",
    }),
  ],
  [
    "p05",
    apple({
      family: "Johnson",
      given: "Michael",
      org: "Woodgrove Bank",
      title: "Risk Analyst",
      extra: [email("WORK", "michael.johnson@woodgrove.example"), tel(["CELL"], "+447700900789", true)],
      rev: "2023-06-30T07:12:44Z",
    }),
  ],
  [
    "p06",
    apple({
      family: "Doe",
      given: "Jane",
      extra: [
        { name: "EMAIL", params: ["TYPE=INTERNET,pref"], value: "janedoe@gmail.com" },
        tel(["CELL"], "+1 (415) 555-0172", true),
        {
          name: "NOTE",
          value: VCard.text("Illustrator, met at the Brighton zine fair.\nDoes maps and diagrams."),
        },
      ],
      rev: "2025-08-23T16:40:12Z",
    }),
  ],
  [
    "p09",
    apple({
      family: "Miller",
      given: "David",
      org: "Contoso Pharma",
      title: "Regulatory Affairs Manager",
      extra: [
        email("WORK", "david.miller@contoso.example"),
        tel(["WORK"], "020 7946 0321", true),
        {
          group: "item2",
          name: "ADR",
          params: ["type=WORK", "type=pref"],
          value: VCard.compound(["", "", "1 Canal Side", "London", "", "EC1V 9ZZ", "United Kingdom"]),
        },
        { group: "item2", name: "X-ABADR", value: "gb" },
      ],
      rev: "2024-06-06T12:00:09Z",
    }),
  ],
  [
    "p11",
    apple({
      family: "Whitfield",
      given: "Mark",
      org: "Litware Studios",
      title: "Architect",
      extra: [
        email("HOME", "mark.whitfield@example.net"),
        tel(["HOME"], "+44 117 496 0732"),
        tel(["CELL"], "+44 7700 900612", true),
        {
          group: "item1",
          name: "ADR",
          params: ["type=HOME", "type=pref"],
          value: VCard.compound(["", "", "14 Orchard Row", "Bristol", "", "BS6 9ZZ", "United Kingdom"]),
        },
        { group: "item1", name: "X-ABADR", value: "gb" },
      ],
      rev: "2022-12-01T21:33:10Z",
    }),
  ],
  [
    "p13",
    apple({
      family: "Reid",
      given: "Hannah",
      org: "Larkspur Studio",
      title: "Creative Director",
      extra: [
        email("WORK", "hannah@larkspur.example"),
        { group: "item1", name: "EMAIL", params: ["type=INTERNET"], value: "info@larkspur.example" },
        { group: "item1", name: "X-ABLabel", value: "Studio" },
      ],
      rev: "2026-01-28T09:20:00Z",
    }),
  ],
  [
    "p16",
    apple({
      family: "Natarajan",
      given: "Priya",
      prefix: "Dr.",
      fn: "Dr. Priya Natarajan",
      org: "Halden Institute",
      title: "Principal Scientist",
      extra: [email("WORK", "priya.natarajan@halden.example"), tel(["WORK"], "+1 (617) 555-0129", true)],
      rev: "2026-04-05T14:18:22Z",
    }),
  ],
  [
    "p17",
    apple({
      family: "Okafor",
      given: "Sam",
      org: "Proseware",
      title: "Staff Engineer",
      extra: [
        email("WORK", "sam.okafor@proseware.example"),
        tel(["CELL"], "+44 7700 900874", true),
        { name: "X-SOCIALPROFILE", params: ["type=twitter"], value: "https://twitter.com/samokafor" },
      ],
      rev: "2025-11-12T08:01:55Z",
    }),
  ],
  [
    "p19",
    apple({
      family: "Clarke",
      given: "Emma",
      org: "Trey Research",
      title: "Data Scientist",
      extra: [email("WORK", "emma.clarke@treyresearch.example"), tel(["WORK"], "+44 20 7946 0018", true)],
      rev: "2026-06-04T11:47:30Z",
    }),
  ],
  [
    "p24",
    apple({
      family: "O\u2019Connor",
      given: "Siobhán",
      org: "Ardmore Games",
      title: "Lead Designer",
      extra: [email("WORK", "siobhan.oconnor@ardmore.example"), tel(["CELL"], "+44 7700 900215", true)],
      rev: "2024-09-09T17:25:41Z",
    }),
  ],
  [
    "p27",
    apple({
      family: "Haddad",
      given: "Fatima",
      org: "Coho Health",
      title: "Clinical Lead",
      extra: [email("WORK", "fatima.haddad@cohohealth.example"), tel(["CELL"], "+44 7700 900390", true)],
      rev: "2026-07-08T15:10:10Z",
    }),
  ],
  [
    "p31",
    apple({
      family: "Ferreira",
      given: "Isabel",
      org: "Atlântico Ventures",
      title: "Investment Director",
      extra: [
        email("WORK", "isabel.ferreira@atlantico.example"),
        {
          group: "item1",
          name: "ADR",
          params: ["type=WORK", "type=pref"],
          value: VCard.compound(["", "", "Rua das Flores 10", "Lisboa", "", "1200-000", "Portugal"]),
        },
        { group: "item1", name: "X-ABADR", value: "pt" },
      ],
      rev: "2026-10-21T10:00:00Z",
    }),
  ],
  [
    "p33",
    apple({
      family: "Novak",
      given: "Olivia",
      middle: "Jane",
      fn: "Olivia Jane Novak",
      org: "Fourth Coffee",
      title: "Operations Manager",
      extra: [
        email("WORK", "olivia.novak@fourthcoffee.example"),
        tel(["CELL"], "+44 7700 900501", true),
        { name: "BDAY", value: "1988-02-29" },
      ],
      rev: "2023-03-01T08:08:08Z",
    }),
  ],
  [
    "p34",
    apple({
      family: "Rossi",
      given: "Matteo",
      org: "Studio Verdi Architetti",
      extra: [email("WORK", "matteo.rossi@verdi.example"), tel(["CELL"], "+44 7700 900730", true)],
      rev: "2026-11-02T13:30:00Z",
    }),
  ],
  [
    "p37",
    apple({
      family: "Laurent",
      given: "Sophie",
      org: "Maison Aubert",
      title: "Brand Director",
      extra: [
        { name: "EMAIL", params: ["TYPE=INTERNET,pref"], value: "sophie.laurent@aubert.example" },
        tel(["WORK"], "+33 1 99 00 45 67", true),
      ],
      rev: "2026-07-18T09:12:00Z",
    }),
  ],
  [
    "p39",
    apple({
      family: "Tanaka",
      given: "Yuki",
      org: "Kaito Mobility",
      title: "Platform Engineer",
      extra: [
        { name: "X-PHONETIC-FIRST-NAME", value: "Yuki" },
        { name: "X-PHONETIC-LAST-NAME", value: "Tanaka" },
        email("WORK", "yuki.tanaka@kaito.example"),
      ],
      rev: "2025-12-10T02:44:19Z",
    }),
  ],
  // An old Android phone's export, appended to the same file.
  [
    "p15",
    VCard.card21([
      { name: "N", value: VCard.compound21(["Groß", "Jürgen", "", "", ""]) },
      { name: "FN", value: "Jürgen Groß" },
      { name: "TEL", params: ["WORK", "VOICE"], value: "+493023125047" },
      { name: "EMAIL", params: ["WORK"], value: "juergen.gross@kessler.example" },
      { name: "ORG", value: "Kessler Maschinenbau GmbH" },
      { name: "TITLE", value: "Leiter Einkauf" },
    ]),
  ],
  [
    "p23",
    VCard.card21([
      { name: "N", value: VCard.compound21(["Martin", "Chloé", "", "", ""]) },
      { name: "FN", value: "Chloé Martin" },
      { name: "TEL", params: ["CELL", "PREF"], value: "+33199001234" },
      { name: "EMAIL", params: ["WORK"], value: "chloe.martin@lumiere.example" },
      { name: "ORG", value: "Voyages Lumière" },
      { name: "NOTE", value: "Rencontrée à Lyon\nSalon du tourisme 2023" },
    ]),
  ],
  [
    "p01",
    VCard.card21([
      { name: "N", value: VCard.compound21(["H", "Bob", "", "", ""]) },
      { name: "FN", value: "Bob H" },
      { name: "TEL", params: ["CELL", "PREF"], value: "07700900123" },
    ]),
  ],
]

// ---------------------------------------------------------------- outlook.csv

const outlook = (r: OutlookCsv.Row & { readonly "First Name": string; readonly "Last Name": string }) => {
  const address = r["E-mail Address"]
  const initials = `${r["First Name"].charAt(0)}.${r["Last Name"].charAt(0)}.`
  return {
    Initials: initials,
    ...(address === undefined
      ? {}
      : {
          "E-mail Type": "SMTP",
          "E-mail Display Name": `${r["First Name"]} ${r["Last Name"]} (${address})`,
        }),
    ...r,
  } satisfies OutlookCsv.Row
}

const OUTLOOK: ReadonlyArray<readonly [PersonId, OutlookCsv.Row]> = [
  [
    "p03",
    outlook({
      Title: "Mr.",
      "First Name": "William",
      "Last Name": "Thornton",
      Company: "Adatum Capital",
      "Job Title": "Partner",
      "Business Street": "200 Harbor View Avenue\nFloor 12",
      "Business City": "New York",
      "Business State": "NY",
      "Business Postal Code": "10022",
      "Business Country/Region": "United States of America",
      "Business Phone": "(212) 555-0143",
      "E-mail Address": "william.thornton@adatum.example",
      Categories: "Clients",
    }),
  ],
  [
    "p01",
    outlook({
      "First Name": "Bob",
      "Last Name": "Hughes",
      Company: "Northwind Analytics",
      "Job Title": "Head of Data Engineering",
      "Mobile Phone": "07700 900123",
      "E-mail Address": "rob.hughes@example.com",
      Categories: "Work",
    }),
  ],
  [
    "p09",
    outlook({
      "First Name": "David",
      "Last Name": "Miller",
      Company: "Contoso Pharma",
      "Job Title": "Regulatory Affairs Manager",
      "Business City": "London",
      "Business Country/Region": "United Kingdom",
      "Business Phone": "+44 20 7946 0321",
      "E-mail Address": "david.miller@contoso.example",
    }),
  ],
  [
    "p11",
    outlook({
      "First Name": "Mark",
      "Last Name": "Whitfield",
      Company: "Litware Studios",
      "Job Title": "Architect",
      "Home City": "Bristol",
      "Home Phone": "0117 496 0732",
      "Mobile Phone": "07700 900612",
      "E-mail Address": "mark.whitfield@example.net",
      Spouse: "Sarah",
    }),
  ],
  [
    "p12",
    outlook({
      "First Name": "Sarah",
      "Last Name": "Whitfield",
      "Home City": "Bristol",
      "Home Phone": "0117 496 0732",
      "Mobile Phone": "07700 900613",
      "E-mail Address": "sarah.whitfield@example.org",
      Spouse: "Mark",
    }),
  ],
  [
    "p15",
    outlook({
      "First Name": "Juergen",
      "Last Name": "Gross",
      Company: "Kessler Maschinenbau GmbH",
      "Job Title": "Head of Procurement",
      "Business City": "Berlin",
      "Business Country/Region": "Germany",
      "Business Phone": "+49 30 23125047",
      "E-mail Address": "j.gross@kessler.example",
    }),
  ],
  [
    "p19",
    outlook({
      "First Name": "Emma",
      "Last Name": "Clarke",
      Company: "Trey Research",
      "Job Title": "Data Scientist",
      "Business Phone": "020 7946 0018",
      "E-mail Address": "emma.clarke@treyresearch.example",
    }),
  ],
  [
    "p20",
    outlook({
      "First Name": "Laura",
      "Last Name": "Bennett",
      Company: "Alpine Retail Group",
      "Job Title": "Analyst",
      "Business Phone": "020 7946 0402",
      "E-mail Address": "laura.bennett@alpineretail.example",
      Notes: "Met at the retail analytics meetup.\nWants to move into a data role.",
    }),
  ],
  [
    "p24",
    outlook({
      "First Name": "Siobhán",
      "Last Name": "O'Connor",
      Company: "Ardmore Games",
      "Mobile Phone": "07700 900215",
      "E-mail Address": "siobhan.oconnor@ardmore.example",
    }),
  ],
  [
    "p26",
    outlook({
      "First Name": "Daniel",
      "Last Name": "Kowalski",
      Company: "Woodgrove Bank",
      "Job Title": "Engineering Manager",
      "Business City": "New York",
      "Business Phone": "(646) 555-0117",
      "E-mail Address": "daniel.kowalski@woodgrove.example",
    }),
  ],
  [
    "p30",
    outlook({
      "First Name": "Ahmed",
      "Last Name": "Karim",
      Company: "Wide World Importers",
      "Job Title": "Logistics Director",
      "Business City": "Manchester",
      "Business Phone": "+44 161 496 0250",
      "E-mail Address": "ahmed.karim@wideworld.example",
    }),
  ],
  [
    "p33",
    outlook({
      "First Name": "Olivia",
      "Middle Name": "J.",
      "Last Name": "Novak",
      Company: "Fourth Coffee",
      "Job Title": "Operations Manager",
      "Mobile Phone": "+44 7700 900501",
      "E-mail Address": "olivia.novak@fourthcoffee.example",
      Birthday: "2/29/1988",
    }),
  ],
  [
    "p36",
    outlook({
      "First Name": "Henry",
      "Last Name": "Walsh",
      Company: "Walsh & Partners Solicitors",
      "Job Title": "Senior Partner",
      "Home Phone": "01632 960517",
      "E-mail Address": "henry.walsh@walshpartners.example",
      Birthday: "4/12/1959",
      Notes: "Family friend.\nPrefers phone calls to e-mail.",
    }),
  ],
]

// ---------------------------------------------------------------- google.csv

const google = (c: Partial<GoogleCsv.Contact>): GoogleCsv.Contact => ({
  labels: ["* myContacts"],
  emails: [],
  phones: [],
  addresses: [],
  websites: [],
  ...c,
})

const GOOGLE: ReadonlyArray<readonly [PersonId, GoogleCsv.Contact]> = [
  [
    "p02",
    google({
      first: "Kate",
      last: "Sullivan",
      organization: "Fabrikam Design",
      labels: ["* myContacts", "Friends"],
      emails: [{ label: "* Home", value: "kate.sullivan@example.org" }],
      phones: [{ label: "Mobile", value: "07700 900456" }],
    }),
  ],
  [
    "p03",
    google({
      first: "Bill",
      last: "Thornton",
      organization: "Adatum Capital",
      title: "Partner",
      emails: [{ label: "* Work", value: "william.thornton@adatum.example" }],
      phones: [{ label: "Work", value: "+1 212-555-0143" }],
    }),
  ],
  [
    "p05",
    google({
      first: "Michael",
      last: "Jonhson",
      organization: "Woodgrove Bank",
      labels: ["* myContacts", "Woodgrove"],
      emails: [{ label: "* Work", value: "michael.johnson@woodgrove.example" }],
      phones: [{ label: "Mobile", value: "07700 900789" }],
    }),
  ],
  [
    "p06",
    google({
      first: "Jane",
      last: "Doe",
      notes: "Illustrator\nBrighton",
      labels: ["* myContacts", "* starred"],
      emails: [{ label: "Work", value: "jane.doe+work@gmail.com" }],
      websites: [{ label: "Portfolio", value: "https://janedoe.example/portfolio" }],
    }),
  ],
  [
    "p07",
    google({
      first: "Tom",
      last: "Baxter",
      labels: ["* myContacts", "Hiking club"],
      emails: [{ label: "* Home", value: "tom.baxter@example.net" }],
      phones: [{ label: "Mobile", value: "+44 7700 900321" }],
    }),
  ],
  [
    "p10",
    google({
      first: "David",
      last: "Miller",
      organization: "Tailspin Outdoor",
      title: "VP Sales",
      labels: ["* myContacts", "Suppliers"],
      emails: [{ label: "* Work", value: "dmiller@tailspin.example" }],
      phones: [{ label: "Work", value: "(303) 555-0188" }],
      addresses: [
        {
          label: "Work",
          formatted: "1700 Larimer Street\nDenver, CO 80202\nUSA",
          street: "1700 Larimer Street",
          city: "Denver",
          region: "CO",
          postalCode: "80202",
          country: "USA",
        },
      ],
    }),
  ],
  [
    "p12",
    google({
      first: "Sarah",
      last: "Whitfield",
      labels: ["* myContacts", "Family friends"],
      emails: [{ label: "* Home", value: "sarah.whitfield@example.org" }],
      phones: [
        { label: "Home", value: "+44 117 496 0732" },
        { label: "Mobile", value: "+44 7700 900613" },
      ],
    }),
  ],
  [
    "p14",
    google({
      first: "Oliver",
      last: "Grant",
      organization: "Larkspur Studio",
      title: "Producer",
      emails: [
        { label: "* Work", value: "info@larkspur.example" },
        { label: "Home", value: "oliver.grant@example.net" },
      ],
    }),
  ],
  [
    "p19",
    google({
      first: "Emma",
      last: "Clarke",
      organization: "Trey Research",
      emails: [{ label: "* Work", value: "emma.clarke@treyresearch.example" }],
      phones: [{ label: "Work", value: "+442079460018" }],
    }),
  ],
  [
    "p21",
    google({ first: "Chris", last: "Adebayo", phones: [{ label: "Mobile", value: "+44 7700 900944" }] }),
  ],
  [
    "p21",
    google({
      first: "Christopher",
      last: "Adebayo",
      labels: ["Imported on 2/3/24", "* myContacts"],
      emails: [{ label: "* Home", value: "chris.adebayo@example.org" }],
    }),
  ],
  [
    "p24",
    google({
      first: "Siobhan",
      last: "O'Connor",
      emails: [{ label: "* Work", value: "siobhan.oconnor@ardmore.example" }],
      phones: [{ label: "Mobile", value: "07700 900215" }],
    }),
  ],
  [
    "p25",
    google({
      first: "Rachel",
      last: "Osei",
      organization: "Coho Health",
      title: "Senior Product Manager",
      emails: [{ label: "* Home", value: "rachel.osei@example.org" }],
      phones: [{ label: "Mobile", value: "+44 7700 900847" }],
    }),
  ],
  [
    "p27",
    google({
      first: "Fatima",
      last: "Haddad",
      emails: [
        { label: "* Home", value: "fatima.h@example.org" },
        { label: "Work", value: "fatima.haddad@cohohealth.example" },
      ],
      phones: [{ label: "Mobile", value: "07700 900390" }],
    }),
  ],
  [
    "p29",
    google({
      first: "Grace",
      last: "Liu",
      emails: [{ label: "* ", value: "grace.liu@example.org" }],
      websites: [{ label: "Blog", value: "https://graceliu.example" }],
    }),
  ],
  [
    "p30",
    google({
      first: "Ahmed",
      last: "Karim",
      organization: "Wide World Importers",
      title: "Logistics Director",
      emails: [{ label: "* Work", value: "ahmed.karim@wideworld.example" }],
      phones: [{ label: "Work", value: "0161 496 0250" }],
    }),
  ],
  [
    "p32",
    google({
      first: "Ethan",
      last: "Brooks",
      birthday: " --04-22",
      labels: ["* myContacts", "* starred"],
      emails: [{ label: "* Home", value: "ethan@ethanbrooks.example" }],
      websites: [{ label: "Homepage", value: "https://ethanbrooks.example" }],
    }),
  ],
  [
    "p35",
    google({
      first: "Aisha",
      last: "Bello",
      organization: "Adatum Capital",
      title: "Associate",
      emails: [{ label: "* Work", value: "aisha.bello@adatum.example ::: aisha.bello@example.net" }],
      phones: [{ label: "Mobile", value: "+1 917-555-0164" }],
    }),
  ],
  [
    "p38",
    google({
      first: "Ben",
      last: "Carter",
      labels: ["* myContacts", "Football"],
      emails: [{ label: "* Home", value: "ben.carter@example.net" }],
      phones: [{ label: "Mobile", value: "+44 7700 900688" }],
    }),
  ],
]

// ---------------------------------------------------------------- linkedin/

const li = {
  p01: LinkedIn.profileUrl("robert-hughes-4b2a19"),
  p02: LinkedIn.profileUrl("katherine-sullivan-ux"),
  p04: LinkedIn.profileUrl("elizabeth-carter-7d01e3"),
  p05: LinkedIn.profileUrl("michael-johnson-5c9a7b"),
  p08: LinkedIn.profileUrl("victor-ashdown-growth"),
  p09: LinkedIn.profileUrl("david-miller-3f8e21"),
  p10: LinkedIn.profileUrl("dmiller-tailspin"),
  p14: LinkedIn.profileUrl("oliver-grant-producer"),
  p15: LinkedIn.profileUrl("jürgen-groß-8a3b2c"),
  p16: LinkedIn.profileUrl("priya-natarajan-phd"),
  p17: LinkedIn.profileUrl("samuel-okafor-2e4f6a"),
  p20: LinkedIn.profileUrl("laura-bennett-91b0c4"),
  p23: LinkedIn.profileUrl("chloe-martin-lumiere"),
  p25: LinkedIn.profileUrl("rachel-osei-pm"),
  p26: LinkedIn.profileUrl("dan-kowalski-woodgrove"),
  p28: LinkedIn.profileUrl("lukas-becker-talent"),
  p31: LinkedIn.profileUrl("isabel-ferreira-0a7c55"),
  p37: LinkedIn.profileUrl("sophie-laurent-aubert"),
  p39: LinkedIn.profileUrl("yuki-tanaka-3b9d10"),
} as const

const connection = (
  first: string,
  last: string,
  url: string,
  company: string,
  position: string,
  on: string,
  emailAddress = "",
): LinkedIn.Connection => ({
  first,
  last,
  url,
  email: emailAddress,
  company,
  position,
  connectedOn: LinkedIn.connectedOn(at(on)),
})

// Newest first, as LinkedIn orders them.
const CONNECTIONS: ReadonlyArray<readonly [PersonId, LinkedIn.Connection]> = [
  ["p20", connection("Laura", "Bennett", li.p20, "Northwind Analytics", "Senior Analyst", "2026-11-03")],
  [
    "p31",
    connection("Isabel", "Ferreira", li.p31, "Atlântico Ventures", "Investment Director", "2026-10-21"),
  ],
  [
    "p08",
    connection(
      "Victor",
      "Ashdown",
      li.p08,
      "Synergy Leads Ltd",
      "Growth Hacker | 30K+ connections | Open to networking",
      "2026-09-09",
      "victor@synergyleads.example",
    ),
  ],
  ["p37", connection("Sophie", "Laurent", li.p37, "Maison Aubert", "Brand Director", "2026-07-18")],
  [
    "p16",
    connection("Priya", "Natarajan, PhD", li.p16, "Halden Institute", "Principal Scientist", "2026-04-02"),
  ],
  ["p25", connection("Rachel", "Osei", li.p25, "Coho Health", "Senior Product Manager", "2025-12-16")],
  ["p39", connection("Yuki", "Tanaka", li.p39, "Kaito Mobility", "Platform Engineer", "2025-12-09")],
  ["p15", connection("Jürgen", "Groß", li.p15, "Kessler Maschinenbau GmbH", "Leiter Einkauf", "2025-08-27")],
  ["p10", connection("David", "Miller", li.p10, "Tailspin Outdoor", "VP Sales", "2025-05-14")],
  ["p14", connection("Oliver", "Grant", li.p14, "Larkspur Studio", "Producer", "2025-01-30")],
  ["p17", connection("Samuel", "Okafor", li.p17, "Proseware", "Staff Engineer", "2024-11-11")],
  [
    "p09",
    connection("David", "Miller", li.p09, "Contoso Pharma", "Regulatory Affairs Manager", "2024-06-05"),
  ],
  ["p23", connection("Chloe", "Martin", li.p23, "Voyages Lumière", "Head of Partnerships", "2024-02-19")],
  [
    "p04",
    connection("Elizabeth", "Carter", li.p04, "Bluefin Labs", "Chief Technology Officer", "2023-10-08"),
  ],
  ["p26", connection("Dan", "Kowalski", li.p26, "Woodgrove Bank", "Engineering Manager", "2023-03-22")],
  ["p05", connection("Michael", "Johnson", li.p05, "Woodgrove Bank", "Risk Analyst", "2022-07-07")],
  [
    "p02",
    connection(
      "Katherine",
      "Sullivan",
      li.p02,
      "Fabrikam Design",
      "UX Research Lead",
      "2022-01-25",
      "kate.sullivan@example.org",
    ),
  ],
  [
    "p01",
    connection("Robert", "Hughes", li.p01, "Northwind Analytics", "Head of Data Engineering", "2021-03-14"),
  ],
]

interface Said {
  readonly person: PersonId
  readonly name: string
  readonly incoming: boolean
  readonly at: string
  readonly content: string
  readonly subject?: string
}

const CONVERSATIONS: ReadonlyArray<{ readonly hex: string; readonly messages: ReadonlyArray<Said> }> = [
  {
    hex: "a1f3c9e27b",
    messages: [
      {
        person: "p01",
        name: "Robert Hughes",
        incoming: true,
        at: "2026-10-28T09:14:02Z",
        content: "Can you share the Q4 roadmap deck before Thursday?",
      },
      {
        person: "p01",
        name: "Robert Hughes",
        incoming: false,
        at: "2026-10-28T09:31:47Z",
        content: "Sure, sending it over after lunch.",
      },
    ],
  },
  {
    hex: "b27d04aa91",
    messages: [
      {
        person: "p16",
        name: "Priya Natarajan, PhD",
        incoming: false,
        at: "2026-04-03T16:02:11Z",
        content: "Thanks for connecting, Priya. Would you be up for a short call about the Lantern pilot?",
      },
      {
        person: "p16",
        name: "Priya Natarajan, PhD",
        incoming: true,
        at: "2026-04-04T08:45:30Z",
        content: "Happy to!\nI'm free Tuesday or Wednesday afternoon (Boston time).",
      },
      {
        person: "p16",
        name: "Priya Natarajan, PhD",
        incoming: true,
        at: "2026-11-18T14:20:05Z",
        content: "Looking forward to the session in December &mdash; I'll bring the new results.",
      },
    ],
  },
  {
    hex: "c9e5120f3d",
    messages: [
      {
        person: "p20",
        name: "Laura Bennett",
        incoming: true,
        at: "2026-11-04T18:24:37Z",
        content: "Just accepted the offer at Northwind. Thank you for the referral!",
      },
      {
        person: "p20",
        name: "Laura Bennett",
        incoming: false,
        at: "2026-11-04T19:02:13Z",
        content: "Brilliant news, welcome aboard!",
      },
    ],
  },
  {
    hex: "d40b6e8c12",
    messages: [
      {
        person: "p25",
        name: "Rachel Osei",
        incoming: true,
        at: "2025-12-17T10:11:00Z",
        content: "Great to meet you at the health data forum. Shall we swap notes on consent flows?",
      },
      {
        person: "p25",
        name: "Rachel Osei",
        incoming: false,
        at: "2026-01-08T12:40:58Z",
        content: "Yes please, sorry for the slow reply. Coffee in January?",
      },
    ],
  },
  {
    hex: "e8a2f5d730",
    messages: [
      {
        person: "p08",
        name: "Victor Ashdown",
        incoming: true,
        at: "2026-09-10T07:00:00Z",
        content:
          '<p class="spinmail-quill-editor__spin-break">Hi Alex,</p><p class="spinmail-quill-editor__spin-break">I help data leaders 10x their pipeline. Open to a quick 15-minute chat?</p>',
      },
    ],
  },
  {
    hex: "f1c7b9e054",
    messages: [
      {
        person: "p28",
        name: "Lukas Becker",
        incoming: true,
        at: "2026-07-22T11:35:19Z",
        subject: "Head of Data Platform, Series B scale-up",
        content:
          "Hi Alex,\n\nI'm hiring a Head of Data Platform for a Berlin scale-up. Would you be open to a chat?",
      },
    ],
  },
]

const INVITATIONS: ReadonlyArray<readonly [PersonId, LinkedIn.Invitation]> = [
  [
    "p31",
    {
      from: "Alex Morgan",
      to: "Isabel Ferreira",
      sentAt: LinkedIn.shortDateTime(at("2026-10-20T17:47:00Z")),
      message: "Great meeting you at the Lisbon data summit.",
      direction: "OUTGOING",
      inviterUrl: ME.linkedin,
      inviteeUrl: li.p31,
    },
  ],
  [
    "p08",
    {
      from: "Victor Ashdown",
      to: "Alex Morgan",
      sentAt: LinkedIn.shortDateTime(at("2026-09-08T07:47:00Z")),
      message: "Hi Alex, I'd love to add you to my professional network.",
      direction: "INCOMING",
      inviterUrl: li.p08,
      inviteeUrl: ME.linkedin,
    },
  ],
  [
    "p37",
    {
      from: "Sophie Laurent",
      to: "Alex Morgan",
      sentAt: LinkedIn.shortDateTime(at("2026-07-17T13:05:00Z")),
      message: "",
      direction: "INCOMING",
      inviterUrl: li.p37,
      inviteeUrl: ME.linkedin,
    },
  ],
]

// ---------------------------------------------------------------- twitter/

interface Account {
  readonly person: PersonId
  readonly id: string
  readonly handle: string
  readonly name: string
}

const TW = {
  p02: { person: "p02", id: "2873301945", handle: "kate_sullivan_ux", name: "Kate Sullivan" },
  p07: { person: "p07", id: "1398877123456789504", handle: "quietfox_42", name: "Tom Baxter" },
  p17: { person: "p17", id: "1250094817", handle: "samokafor", name: "Sam Okafor" },
  p18: { person: "p18", id: "3057712946", handle: "ninap_codes", name: "Nina Petrova" },
  p29: { person: "p29", id: "981234567", handle: "gracefully_data", name: "Grace Liu" },
  p32: { person: "p32", id: "1587345120987654144", handle: "ebrooks_dev", name: "Ethan Brooks" },
  p39: { person: "p39", id: "4412908733", handle: "yuki_tnk", name: "田中 由紀 (Yuki Tanaka)" },
} as const satisfies Record<string, Account>

const FOLLOWERS: ReadonlyArray<Account> = [TW.p18, TW.p17, TW.p07, TW.p02]
const FOLLOWING: ReadonlyArray<Account> = [TW.p39, TW.p32, TW.p29, TW.p02, TW.p17]

const mention = (a: Account): Twitter.Mention => ({ name: a.name, screenName: a.handle, id: a.id })

const tweet = (iso: string, seq: number, text: string, mentions: ReadonlyArray<Account>): Twitter.Tweet => ({
  id: Twitter.snowflake(at(iso), seq),
  at: at(iso),
  text,
  mentions: mentions.map(mention),
})

const TWEETS: ReadonlyArray<Twitter.Tweet> = [
  tweet(
    "2026-10-02T17:21:09Z",
    1,
    "Great session on research ops with @kate_sullivan_ux today, thanks for the slides!",
    [TW.p02],
  ),
  tweet(
    "2026-08-19T08:02:44Z",
    2,
    "@quietfox_42 told me about this trail last year; finally walked it. Worth every blister.",
    [TW.p07],
  ),
  {
    ...tweet("2026-06-11T12:30:00Z", 3, "@ebrooks_dev Agreed, the migration guide saved us a week.", [
      TW.p32,
    ]),
    replyTo: {
      screenName: TW.p32.handle,
      userId: TW.p32.id,
      statusId: Twitter.snowflake(at("2026-06-11T09:10:00Z"), 77),
    },
  },
  tweet(
    "2026-03-27T19:45:31Z",
    4,
    "Reading group tonight with @ninap_codes and @samokafor: chapter 4 of the stream processing book.",
    [TW.p18, TW.p17],
  ),
  tweet(
    "2025-12-05T10:15:00Z",
    5,
    "Lovely write-up by @gracefully_data on sampling bias in survey dashboards.",
    [TW.p29],
  ),
  tweet("2025-09-14T06:05:12Z", 6, "@yuki_tnk thank you for the Kyoto recommendations!", [TW.p39]),
]

const dm = (
  from: string,
  to: string | undefined,
  iso: string,
  seq: number,
  text: string,
): Twitter.DirectMessage => ({
  id: Twitter.snowflake(at(iso), seq),
  senderId: from,
  ...(to === undefined ? {} : { recipientId: to }),
  text,
  at: at(iso),
})

const DIRECT: ReadonlyArray<{
  readonly with: Account
  readonly messages: ReadonlyArray<Twitter.DirectMessage>
}> = [
  {
    with: TW.p17,
    messages: [
      dm(
        TW.p17.id,
        ME.twitterId,
        "2026-09-30T20:11:05Z",
        11,
        "Are you going to the Kafka meetup on Thursday?",
      ),
      dm(ME.twitterId, TW.p17.id, "2026-09-30T20:40:51Z", 12, "Yes! Save me a seat."),
      dm(TW.p17.id, ME.twitterId, "2026-10-03T08:02:17Z", 13, "Slides are up: https://t.co/k3Zp0Xq1aB"),
    ],
  },
  {
    with: TW.p07,
    messages: [
      dm(
        ME.twitterId,
        TW.p07.id,
        "2026-08-19T08:05:00Z",
        21,
        "Which car park did you use for the ridge walk?",
      ),
      dm(TW.p07.id, ME.twitterId, "2026-08-19T09:12:40Z", 22, "The one by the old mill, it's free before 9."),
    ],
  },
]

const GROUP = {
  id: "1771234567890123456",
  participants: [TW.p17, TW.p02, TW.p18] as ReadonlyArray<Account>,
  join: at("2026-03-20T18:00:00Z"),
  messages: [
    dm(TW.p17.id, undefined, "2026-03-20T18:00:05Z", 31, "Reading group! Chapter 4 next Friday?"),
    dm(TW.p02.id, undefined, "2026-03-20T18:12:44Z", 32, "Works for me."),
    dm(ME.twitterId, undefined, "2026-03-20T18:30:02Z", 33, "Same. I'll bring snacks."),
    dm(TW.p18.id, undefined, "2026-03-21T07:45:19Z", 34, "Count me in."),
  ],
}

// ---------------------------------------------------------------- calendar.ics

interface Guest {
  readonly person: PersonId
  readonly email: string
  readonly cn?: string
  readonly partstat: Ics.PartStat
}

const me = (partstat: Ics.PartStat = "ACCEPTED"): Guest => ({
  person: "me",
  email: ME.email,
  cn: "Alex Morgan",
  partstat,
})
const London = (local: string): Ics.When => ({ kind: "local", tzid: "Europe/London", local })
const Utc = (iso: string): Ics.When => ({ kind: "utc", at: at(iso) })

interface Meeting {
  readonly uid: string
  readonly summary: string
  readonly start: Ics.When
  readonly end: Ics.When
  readonly organizer: Guest
  readonly guests: ReadonlyArray<Guest>
  readonly status?: "CONFIRMED" | "CANCELLED"
  readonly rrule?: string
  readonly exdates?: ReadonlyArray<Ics.When>
  readonly recurrenceId?: Ics.When
  readonly sequence?: number
  readonly created: string
  readonly description?: string
  readonly location?: string
}

const bob: Guest = { person: "p01", email: "rob.hughes@example.com", cn: "Bob Hughes", partstat: "ACCEPTED" }
const ONE_TO_ONE_UID = "3k9v2m7q1c8x5b0n4h6j2d1f7s@google.com"

const MEETINGS: ReadonlyArray<Meeting> = [
  {
    uid: ONE_TO_ONE_UID,
    summary: "Alex / Bob 1:1",
    start: London("20260303T100000"),
    end: London("20260303T103000"),
    rrule: "FREQ=WEEKLY;WKST=MO;UNTIL=20261222T100000Z;BYDAY=TU",
    exdates: [London("20260804T100000")],
    organizer: me(),
    guests: [me(), bob],
    created: "2026-02-24T09:00:00Z",
    location: "Northwind HQ, room 4.02",
  },
  {
    uid: ONE_TO_ONE_UID,
    summary: "Alex / Bob 1:1",
    start: London("20260916T150000"),
    end: London("20260916T153000"),
    recurrenceId: London("20260915T100000"),
    sequence: 1,
    organizer: me(),
    guests: [me(), bob],
    created: "2026-02-24T09:00:00Z",
    description: "Moved: Tuesday clashes with the board prep.",
  },
  {
    uid: "7p1r4t6y8u0i2o4p6a8s0d2f4g@google.com",
    summary: "Project Lantern kickoff",
    start: Utc("2026-05-12T13:00:00Z"),
    end: Utc("2026-05-12T14:00:00Z"),
    organizer: me(),
    guests: [
      me(),
      { person: "p02", email: "k.sullivan@fabrikam.example", cn: "Katherine Sullivan", partstat: "ACCEPTED" },
      { person: "p04", email: "liz@bluefin.example", cn: "Liz Carter", partstat: "DECLINED" },
      {
        person: "p16",
        email: "priya.natarajan@halden.example",
        cn: "Priya Natarajan, PhD",
        partstat: "ACCEPTED",
      },
      { ...bob, partstat: "TENTATIVE" },
    ],
    created: "2026-04-28T10:12:00Z",
    description: "Agenda:\n1. Goals\n2. Data sources, owners\n3. Next steps",
  },
  {
    uid: "2b4n6m8q0w2e4r6t8y0u2i4o6p@google.com",
    summary: "Q3 portfolio review",
    status: "CANCELLED",
    start: Utc("2026-08-20T15:00:00Z"),
    end: Utc("2026-08-20T16:00:00Z"),
    organizer: {
      person: "p03",
      email: "william.thornton@adatum.example",
      cn: "Bill Thornton",
      partstat: "ACCEPTED",
    },
    guests: [
      { person: "p03", email: "william.thornton@adatum.example", cn: "Bill Thornton", partstat: "ACCEPTED" },
      me(),
      { person: "p35", email: "aisha.bello@adatum.example", cn: "Aisha Bello", partstat: "NEEDS-ACTION" },
    ],
    sequence: 2,
    created: "2026-07-30T14:00:00Z",
  },
  {
    uid: "9z8x7c6v5b4n3m2l1k0j9h8g7f@google.com",
    summary: "Team offsite: Brighton",
    start: { kind: "date", date: "20261119" },
    end: { kind: "date", date: "20261120" },
    organizer: me(),
    guests: [
      me(),
      bob,
      { person: "p20", email: "laura.bennett@example.com", cn: "Laura Bennett", partstat: "ACCEPTED" },
    ],
    created: "2026-11-05T08:30:00Z",
    location: "Brighton",
  },
  {
    uid: "040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F6A7B8@contoso.example",
    summary: "Contoso data-sharing review",
    start: Utc("2026-06-03T10:00:00Z"),
    end: Utc("2026-06-03T11:00:00Z"),
    organizer: {
      person: "p09",
      email: "david.miller@contoso.example",
      cn: "David Miller",
      partstat: "ACCEPTED",
    },
    guests: [
      { person: "p09", email: "david.miller@contoso.example", cn: "David Miller", partstat: "ACCEPTED" },
      me(),
      { person: "p19", email: "emma.clarke@treyresearch.example", cn: "Emma Clarke", partstat: "ACCEPTED" },
    ],
    created: "2026-05-20T09:00:00Z",
  },
  {
    uid: "5g4f3d2s1a0p9o8i7u6y5t4r3e@google.com",
    summary: "Kessler procurement sync",
    start: Utc("2026-04-21T08:00:00Z"),
    end: Utc("2026-04-21T08:45:00Z"),
    organizer: me(),
    guests: [
      me(),
      { person: "p15", email: "juergen.gross@kessler.example", cn: "Juergen Gross", partstat: "ACCEPTED" },
    ],
    created: "2026-04-14T13:00:00Z",
  },
  {
    uid: "6h5g4f3d2s1a0z9x8c7v6b5n4m@google.com",
    summary: "Illustration brief: annual report",
    start: Utc("2026-02-10T14:00:00Z"),
    end: Utc("2026-02-10T15:00:00Z"),
    organizer: me(),
    guests: [
      me(),
      { person: "p06", email: "jane.doe@gmail.com", cn: "Jane Doe", partstat: "ACCEPTED" },
      { person: "p13", email: "hannah@larkspur.example", cn: "Hannah Reid", partstat: "ACCEPTED" },
    ],
    created: "2026-02-02T11:00:00Z",
  },
  {
    uid: "8k7j6h5g4f3d2s1a0q9w8e7r6t@google.com",
    summary: "Freight data pilot",
    start: Utc("2026-09-29T09:00:00Z"),
    end: Utc("2026-09-29T10:00:00Z"),
    organizer: {
      person: "p40",
      email: "omar.farouk@tidewater.example",
      cn: "Omar Farouk",
      partstat: "ACCEPTED",
    },
    guests: [
      { person: "p40", email: "omar.farouk@tidewater.example", cn: "Omar Farouk", partstat: "ACCEPTED" },
      me(),
      { person: "p22", email: "mei.zhang@tidewater.example", partstat: "ACCEPTED" },
    ],
    created: "2026-09-15T16:20:00Z",
  },
  {
    uid: "1q2w3e4r5t6y7u8i9o0p1a2s3d@google.com",
    summary: "Lunch with Omar",
    start: Utc("2026-10-15T12:00:00Z"),
    end: Utc("2026-10-15T13:30:00Z"),
    organizer: me(),
    guests: [
      me(),
      { person: "p40", email: "omar.farouk@example.net", cn: "Omar Farouk", partstat: "ACCEPTED" },
    ],
    created: "2026-10-09T18:00:00Z",
    location: "Borough Market",
  },
  {
    uid: "4r5t6y7u8i9o0p1a2s3d4f5g6h@google.com",
    summary: "Coho clinical dashboard demo",
    start: Utc("2026-07-07T13:00:00Z"),
    end: Utc("2026-07-07T14:00:00Z"),
    organizer: me(),
    guests: [
      me(),
      { person: "p27", email: "fatima.haddad@cohohealth.example", cn: "Fatima Haddad", partstat: "ACCEPTED" },
    ],
    created: "2026-06-30T10:00:00Z",
  },
  {
    uid: "0o9i8u7y6t5r4e3w2q1p0o9i8u@google.com",
    summary: "Woodgrove risk model review",
    start: Utc("2026-03-17T15:00:00Z"),
    end: Utc("2026-03-17T16:00:00Z"),
    organizer: {
      person: "p26",
      email: "daniel.kowalski@woodgrove.example",
      cn: "Daniel Kowalski",
      partstat: "ACCEPTED",
    },
    guests: [
      {
        person: "p26",
        email: "daniel.kowalski@woodgrove.example",
        cn: "Daniel Kowalski",
        partstat: "ACCEPTED",
      },
      me(),
    ],
    created: "2026-03-10T15:00:00Z",
  },
  // Future meetings (after NOW).
  {
    uid: "3e4r5t6y7u8i9o0p1q2w3e4r5t@google.com",
    summary: "Atlântico intro call",
    start: Utc("2026-12-02T16:00:00Z"),
    end: Utc("2026-12-02T16:30:00Z"),
    organizer: {
      person: "p31",
      email: "isabel.ferreira@atlantico.example",
      cn: "Isabel Ferreira",
      partstat: "ACCEPTED",
    },
    guests: [
      {
        person: "p31",
        email: "isabel.ferreira@atlantico.example",
        cn: "Isabel Ferreira",
        partstat: "ACCEPTED",
      },
      me(),
    ],
    created: "2026-11-20T09:00:00Z",
  },
  {
    uid: "7u8i9o0p1a2s3d4f5g6h7j8k9l@google.com",
    summary: "Studio Verdi × Northwind",
    start: Utc("2026-12-09T11:00:00Z"),
    end: Utc("2026-12-09T12:00:00Z"),
    organizer: me(),
    guests: [
      me(),
      { person: "p34", email: "matteo.rossi@verdi.example", cn: "Matteo Rossi", partstat: "ACCEPTED" },
      {
        person: "p16",
        email: "priya.natarajan@halden.example",
        cn: "Priya Natarajan, PhD",
        partstat: "TENTATIVE",
      },
    ],
    created: "2026-11-21T12:00:00Z",
  },
  {
    uid: "2s3d4f5g6h7j8k9l0z1x2c3v4b@google.com",
    summary: "Conference talk prep",
    start: Utc("2027-01-14T17:00:00Z"),
    end: Utc("2027-01-14T18:00:00Z"),
    organizer: me(),
    guests: [
      me(),
      { person: "p18", email: "nina.petrova@example.net", cn: "Nina Petrova", partstat: "NEEDS-ACTION" },
    ],
    created: "2026-11-23T20:00:00Z",
  },
]

// ---------------------------------------------------------------- assembly

/** Everything `build` produces: file contents by relative path and the truth per person. */
export interface Sample {
  readonly files: ReadonlyMap<string, string | Uint8Array>
  readonly truth: ReadonlyMap<PersonId, ReadonlyArray<RecordRef>>
}

/** Builds every sample file and the truth, in memory. */
export const build = (): Sample => {
  const truth = new Map<PersonId, Array<RecordRef>>(PEOPLE.map((p) => [p.id, []]))
  const seen = new Set<string>()
  const own = (person: PersonId, file: string, record: string, skippable?: string): void => {
    const key = `${file}\u0000${record}`
    if (seen.has(key)) return
    seen.add(key)
    truth.get(person)!.push({ file, record, ...(skippable === undefined ? {} : { skippable }) })
  }
  const ownAll = (rows: ReadonlyArray<readonly [PersonId, unknown]>, file: string, kind: "row" | "card") => {
    for (const [i, [person]] of rows.entries()) own(person, file, `${kind}:${i + 1}`)
  }
  const files = new Map<string, string | Uint8Array>()

  files.set("contacts.vcf", VCARDS.map(([, card]) => card).join(""))
  ownAll(VCARDS, "contacts.vcf", "card")

  files.set("outlook.csv", encodeWindows1252(outlookCsv(OUTLOOK.map(([, row]) => row))))
  ownAll(OUTLOOK, "outlook.csv", "row")

  files.set("google.csv", googleCsv(GOOGLE.map(([, c]) => c)))
  ownAll(GOOGLE, "google.csv", "row")

  // LinkedIn
  files.set("linkedin/Connections.csv", LinkedIn.connectionsCsv(CONNECTIONS.map(([, c]) => c)))
  ownAll(CONNECTIONS, "linkedin/Connections.csv", "row")
  const messages: Array<LinkedIn.Message> = []
  for (const conversation of CONVERSATIONS) {
    const id = LinkedIn.conversationId(conversation.hex)
    const newestFirst = [...conversation.messages].sort((a, b) => b.at.localeCompare(a.at))
    for (const m of newestFirst) {
      const url = li[m.person as keyof typeof li]
      messages.push({
        conversationId: id,
        conversationTitle: "",
        from: m.incoming ? m.name : "Alex Morgan",
        senderUrl: m.incoming ? url : ME.linkedin,
        to: m.incoming ? "Alex Morgan" : m.name,
        recipientUrls: m.incoming ? ME.linkedin : url,
        date: LinkedIn.messageDate(at(m.at)),
        subject: m.subject ?? "",
        content: m.content,
        folder: "INBOX",
      })
      own(m.person, "linkedin/messages.csv", `profile:${url}`)
    }
  }
  files.set("linkedin/messages.csv", LinkedIn.messagesCsv(messages))
  files.set("linkedin/Invitations.csv", LinkedIn.invitationsCsv(INVITATIONS.map(([, r]) => r)))
  for (const [person, r] of INVITATIONS) {
    own(
      person,
      "linkedin/Invitations.csv",
      `profile:${r.direction === "INCOMING" ? r.inviterUrl : r.inviteeUrl}`,
    )
  }
  files.set(
    "linkedin/Profile.csv",
    LinkedIn.table(LinkedIn.PROFILE_HEADER, [
      [
        ME.given,
        ME.family,
        "",
        "",
        "Mar 14",
        "Product Lead, Data Platform at Northwind Analytics",
        "I build data platforms that people actually use.",
        "Software Development",
        "",
        "London, England, United Kingdom",
        ME.handle,
        "",
        "",
      ],
    ]),
  )
  own("me", "linkedin/Profile.csv", "self")
  files.set(
    "linkedin/Email Addresses.csv",
    LinkedIn.table(
      ["Email Address", "Confirmed", "Primary", "Updated On"],
      [
        [ME.email, "Yes", "Yes", LinkedIn.shortDateTime(at("2020-11-18T12:32:00Z"))],
        [ME.personalEmail, "Yes", "No", LinkedIn.shortDateTime(at("2014-03-02T09:05:00Z"))],
      ],
    ),
  )
  files.set(
    "linkedin/PhoneNumbers.csv",
    LinkedIn.table(["Extension", "Number", "Type"], [["", "+44 7700 900001", "Mobile"]]),
  )

  // Twitter
  const data = (name: string) => `twitter/data/${name}`
  const follower = FOLLOWERS.map((a) => Twitter.followEntry("follower", a.id))
  const following = FOLLOWING.map((a) => Twitter.followEntry("following", a.id))
  const tweets = TWEETS.map(Twitter.tweetEntry)
  const direct = DIRECT.map((c) =>
    Twitter.dmConversation(Twitter.pairConversationId(ME.twitterId, c.with.id), c.messages),
  )
  const group = [
    Twitter.groupConversation(
      GROUP.id,
      {
        initiatingUserId: TW.p17.id,
        participants: [ME.twitterId, ...GROUP.participants.map((a) => a.id)],
        at: GROUP.join,
      },
      GROUP.messages,
    ),
  ]
  const twitterFiles: ReadonlyArray<
    readonly [key: string, file: string, global: string, items: ReadonlyArray<Twitter.Json>, media?: string]
  > = [
    [
      "account",
      "account.js",
      "account",
      [
        {
          account: {
            email: ME.personalEmail,
            createdVia: "web",
            username: ME.handle,
            accountId: ME.twitterId,
            createdAt: "2012-10-14T19:11:40.000Z",
            accountDisplayName: "Alex Morgan",
          },
        },
      ],
    ],
    [
      "profile",
      "profile.js",
      "profile",
      [
        {
          profile: {
            description: {
              bio: "Data platforms, maps and long walks. Product @ Northwind Analytics.",
              website: "https://t.co/x2Jk9Lm0Qp",
              location: "London",
            },
            avatarMediaUrl: "https://pbs.twimg.com/profile_images/1500000000000000000/aB3dE5fG.jpg",
            headerMediaUrl: "https://pbs.twimg.com/profile_banners/887412563/1650000000",
          },
        },
      ],
    ],
    ["follower", "follower.js", "follower", follower],
    ["following", "following.js", "following", following],
    ["tweets", "tweets.js", "tweets", tweets, "data/tweets_media"],
    ["directMessages", "direct-messages.js", "direct_messages", direct, "data/direct_messages_media"],
    [
      "directMessagesGroup",
      "direct-messages-group.js",
      "direct_messages_group",
      group,
      "data/direct_messages_group_media",
    ],
  ]
  let sizeBytes = 0
  for (const [, file, global, items] of twitterFiles) {
    const text = Twitter.ytd(global, items)
    sizeBytes += new TextEncoder().encode(text).length
    files.set(data(file), text)
  }
  files.set(
    data("manifest.js"),
    Twitter.manifest({
      accountId: ME.twitterId,
      userName: ME.handle,
      displayName: "Alex Morgan",
      generationDate: "2026-11-24T09:12:44.512Z",
      sizeBytes,
      dataTypes: twitterFiles.map(([key, file, global, items, media]) => ({
        key,
        fileName: `data/${file}`,
        global,
        count: items.length,
        ...(media === undefined ? {} : { mediaDirectory: media }),
      })),
    }),
  )
  own("me", data("account.js"), `account:${ME.twitterId}`)
  // An account's record is credited to the first file (in this order) that names it.
  const byId = new Map<string, Account>(Object.values(TW).map((a) => [a.id, a]))
  const firstFile = Twitter.firstFiles([
    ["following.js", FOLLOWING.map((a) => a.id)],
    ["follower.js", FOLLOWERS.map((a) => a.id)],
    ["tweets.js", TWEETS.flatMap((t) => t.mentions.map((m) => m.id))],
    ["direct-messages.js", DIRECT.map((c) => c.with.id)],
    ["direct-messages-group.js", GROUP.participants.map((a) => a.id)],
  ])
  for (const [id, file] of firstFile) own(byId.get(id)!.person, data(file), `account:${id}`)

  // Calendar
  const stamp = at("2026-11-24T09:12:44Z")
  files.set(
    "calendar.ics",
    Ics.calendar(
      ME.email,
      MEETINGS.map(
        (m): Ics.Event => ({
          uid: m.uid,
          start: m.start,
          end: m.end,
          ...(m.rrule === undefined ? {} : { rrule: m.rrule }),
          ...(m.exdates === undefined ? {} : { exdates: m.exdates }),
          ...(m.recurrenceId === undefined ? {} : { recurrenceId: m.recurrenceId }),
          organizer: {
            email: m.organizer.email,
            ...(m.organizer.cn === undefined ? {} : { cn: m.organizer.cn }),
          },
          attendees: m.guests.map((g) => ({
            email: g.email,
            ...(g.cn === undefined ? {} : { cn: g.cn }),
            partstat: g.partstat,
            ...(g.person === "me" ? { rsvp: true } : {}),
          })),
          summary: m.summary,
          ...(m.description === undefined ? {} : { description: m.description }),
          ...(m.location === undefined ? {} : { location: m.location }),
          status: m.status ?? "CONFIRMED",
          created: at(m.created),
          lastModified: at(m.created),
          sequence: m.sequence ?? 0,
          stamp,
        }),
      ),
    ),
  )
  // The owner is one `owner:` record; everyone else one `attendee:` record per address, flagged
  // skippable when the address never attended (only declined, or only in cancelled events).
  own("me", "calendar.ics", `owner:${ME.email}`)
  const attended = new Set<string>()
  for (const m of MEETINGS) {
    for (const g of m.guests) if (m.status !== "CANCELLED" && g.partstat !== "DECLINED") attended.add(g.email)
  }
  for (const m of MEETINGS) {
    for (const g of [m.organizer, ...m.guests]) {
      if (g.person === "me") continue
      const why = attended.has(g.email)
        ? undefined
        : m.status === "CANCELLED"
          ? "only in cancelled events"
          : "only declined"
      own(g.person, "calendar.ics", `attendee:${g.email}`, why)
    }
  }

  files.set("truth.json", `${JSON.stringify(truthJson(truth), null, 2)}\n`)
  files.set("TRUTH.md", truthMarkdown(truth))
  return { files, truth }
}

const truthJson = (truth: ReadonlyMap<PersonId, ReadonlyArray<RecordRef>>) => ({
  description:
    "Ground truth for sample-exports/: every true person and the source records that are theirs. Generated by examples/merge-exports/people.ts.",
  now: NOW.toISOString(),
  people: PEOPLE.map((p) => ({
    id: p.id,
    name: p.name,
    ...(p.id === "me" ? { self: true } : {}),
    records: truth.get(p.id) ?? [],
  })),
})

const truthMarkdown = (truth: ReadonlyMap<PersonId, ReadonlyArray<RecordRef>>): string => {
  const rows = PEOPLE.map((p) => {
    const records = (truth.get(p.id) ?? [])
      .map((r) => `\`${r.file}\` ${r.record}${r.skippable === undefined ? "" : " *(skippable)*"}`)
      .join("<br>")
    return `| ${p.id} | ${p.name} | ${records} | ${p.note} |`
  })
  const count = [...truth.values()].reduce((n, rs) => n + rs.length, 0)
  return `# Sample exports: ground truth

Generated by \`examples/merge-exports/people.ts\` (run \`pnpm exec tsx examples/merge-exports/people.ts\` to
rewrite this folder); \`truth.json\` holds the same data. Everyone here is invented.

${PEOPLE.length - 1} people plus the owner (\`me\`, Alex Morgan: alex.morgan@example.com, @alexmorgan_dev,
linkedin.com/in/alex-morgan-demo), ${count} source records. "Now" is ${NOW.toISOString().slice(0, 10)}: meetings after
it are in the future.

## Files

| file | written as |
|---|---|
| \`contacts.vcf\` | cards 1-18: Apple/iCloud vCard 3.0 (\`itemN.\` groups with \`X-ABLabel\`, \`X-SOCIALPROFILE\`, \`type=INTERNET;type=WORK;type=pref\` and two \`TYPE=INTERNET,pref\`); cards 19-21: an old Android phone's vCard 2.1 (QUOTED-PRINTABLE UTF-8 names) appended to the same file |
| \`outlook.csv\` | English Outlook desktop export: 92 quoted header fields, CRLF, Windows-1252 (\`Siobhán\`), \`0/0/00\` unset dates |
| \`google.csv\` | Google Contacts CSV, 2020+ layout, UTF-8 BOM, LF, \` ::: \` multi-values, \`* myContacts\` |
| \`linkedin/\` | Dec 2024 export: Connections.csv (with \`Notes:\` preamble, no final newline), messages.csv, Invitations.csv, Profile.csv, Email Addresses.csv, PhoneNumbers.csv |
| \`twitter/data/\` | 2023-style archive: manifest.js, account.js, profile.js, follower.js, following.js, tweets.js, direct-messages.js, direct-messages-group.js |
| \`calendar.ics\` | Google Calendar export (Europe/London VTIMEZONE); weekly 1:1 with EXDATE and a RECURRENCE-ID override, a cancelled event, declined attendees, an all-day event, three meetings after "now" |

## Locators

\`row:N\` is the 1-based data row of a CSV (header and LinkedIn's preamble not counted); \`card:N\` the 1-based card
in contacts.vcf; \`attendee:<email>\` one calendar address (organizer or attendee, as written); \`profile:<url>\`
a LinkedIn message or invitation partner; \`account:<id>\` a Twitter account, credited to the first file that names
it in the order following.js, follower.js, tweets.js, direct-messages.js, direct-messages-group.js (the account is
one record however many files mention it). LinkedIn message/invitation partners are listed even when the same
person is also a Connections row: an adapter may emit them as separate records or fold them into the row.
The owner's records use the adapters' self locators: \`linkedin/Profile.csv\` self, \`calendar.ics\`
owner:<email>, \`twitter/data/account.js\` account:<id>.

A record marked *(skippable)* is in the file, but a reader may rightly emit nothing for it: a calendar address that
only declined or only appears in cancelled events was never met (truth.json gives the reason in \`skippable\`).

## People

| id | person | records | why it is here |
|---|---|---|---|
${rows.join("\n")}

## Must stay apart

- p09 / p10: both "David Miller" (Contoso Pharma, London vs Tailspin Outdoor, Denver), each with a LinkedIn row.
- p11 / p12: Mark and Sarah Whitfield share the home landline 0117 496 0732 (written +44 117 496 0732 too).
- p13 / p14: Hannah Reid and Oliver Grant both carry info@larkspur.example.
- p04 / p38: Liz Carter and Ben Carter share only a family name.
`
}

const main = async (): Promise<void> => {
  const root = join(dirname(fileURLToPath(import.meta.url)), "sample-exports")
  const { files, truth } = build()
  for (const [path, content] of files) {
    const target = join(root, path)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, content)
  }
  const records = [...truth.values()].reduce((n, rs) => n + rs.length, 0)
  process.stdout.write(`wrote ${files.size} files, ${truth.size} people, ${records} records to ${root}\n`)
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main()
