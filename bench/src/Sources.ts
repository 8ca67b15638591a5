/**
 * Writers from invented people to real export files. Each person appears in a random subset of
 * sources (`sourcesOf`), and each source adds its own noise: nicknames, typos, transliteration,
 * Gmail dot/+tag variants, phone formats, stale employers, credentials, within-source
 * duplicates. Every written record is tagged with its person in the returned truth.
 *
 * All randomness is keyed by (seed, source, person id), so a person's record in one source does
 * not depend on who else is in the corpus or on the order the writers run.
 */
import * as Csv from "./format/Csv.ts"
import * as GoogleCsv from "./format/GoogleCsv.ts"
import * as Ics from "./format/Ics.ts"
import * as LinkedIn from "./format/LinkedIn.ts"
import * as OutlookCsv from "./format/OutlookCsv.ts"
import * as Twitter from "./format/Twitter.ts"
import * as VCard from "./format/VCard.ts"
import * as Names from "./Names.ts"
import { type EmailAddress, type Job, type Moment, OWNER, type Person, type PersonPhone } from "./People.ts"
import * as PhoneNumbers from "./Phone.ts"
import * as Random from "./Random.ts"

/**
 * One written record and the true person behind it (`me` for the owner). `skippable` says why a
 * reader may rightly emit nothing for it (a calendar address that never attended).
 */
export interface TruthEntry {
  readonly file: string
  readonly record: string
  readonly person: string
  readonly skippable?: string
}

/** What a writer produces: file contents by path (relative to the corpus root) and the truth. */
export interface SourceOutput {
  readonly files: ReadonlyMap<string, string | Uint8Array>
  readonly truth: ReadonlyArray<TruthEntry>
}

/** Options every writer takes. */
export interface WriterOptions {
  readonly seed: number | string
  readonly now: Date
}

/** The sources a person can appear in. */
export type SourceName = "vcf" | "outlook" | "google" | "linkedin" | "twitter" | "ics"

const has = (p: Person, kinds: ReadonlyArray<Moment["kind"]>): boolean =>
  p.interactions.some((m) => kinds.includes(m.kind))

/**
 * The sources a person's contact record appears in. LinkedIn means a Connections row, Twitter a
 * follower/following entry, ics a meeting; messages, mentions and DMs are written wherever the
 * person has them. Nobody is left out of every file.
 */
export const sourcesOf = (p: Person, seed: number | string): ReadonlySet<SourceName> => {
  const cached = presence.get(p)
  if (cached !== undefined && cached.seed === seed) return cached.sources
  const sources = drawSources(p, seed)
  presence.set(p, { seed, sources })
  return sources
}

// Every writer asks for the same person's sources; draw them once per person and seed.
const presence = new WeakMap<
  Person,
  { readonly seed: number | string; readonly sources: ReadonlySet<SourceName> }
>()

const drawSources = (p: Person, seed: number | string): ReadonlySet<SourceName> => {
  const rng = Random.make(`${seed}:presence:${p.id}`)
  const out = new Set<SourceName>()
  if (rng.chance(0.3 + 0.5 * p.closeness)) out.add("vcf")
  if (rng.chance(0.12 + (p.jobs.length > 0 ? 0.18 : 0))) out.add("outlook")
  if (rng.chance(0.3 + 0.3 * p.closeness)) out.add("google")
  if (p.linkedin !== undefined && (rng.chance(0.85) || has(p, ["invitation"]))) out.add("linkedin")
  if (p.twitter !== undefined && rng.chance(0.8)) out.add("twitter")
  if (has(p, ["meeting"])) out.add("ics")
  if (out.size === 0 && p.interactions.length === 0) out.add("google")
  return out
}

const rngFor = (o: WriterOptions, source: string, p: Person): Random.Random =>
  Random.make(`${o.seed}:${source}:${p.id}`)

interface WrittenName {
  readonly given: string
  readonly family: string
  readonly middle?: string
}

/** The name as one source holds it: nickname, typo and transliteration at the given rates. */
const nameFor = (
  rng: Random.Random,
  p: Person,
  rates: { readonly nickname: number; readonly typo: number; readonly fold: number },
): WrittenName => {
  let given = p.nickname !== undefined && rng.chance(rates.nickname) ? p.nickname : p.given
  let family = p.family
  if (rng.chance(rates.typo)) {
    if (rng.chance(0.7)) family = Names.typo(rng, family)
    else given = Names.typo(rng, given)
  }
  if (rng.chance(rates.fold)) {
    const fold = rng.chance(0.5) ? Names.transliterate : Names.stripDiacritics
    given = fold(given)
    family = fold(family)
  }
  return { given, family, ...(p.middle === undefined ? {} : { middle: p.middle }) }
}

/** An address as a source wrote it: Gmail addresses sometimes lose/gain dots or get a +tag. */
const emailFor = (rng: Random.Random, address: string): string => {
  const at = address.lastIndexOf("@")
  if (address.slice(at + 1) !== "gmail.com" || !rng.chance(0.3)) return address
  const local = address.slice(0, at)
  switch (rng.int(0, 3)) {
    case 0:
      return `${local.replace(/\./g, "")}@gmail.com`
    case 1: {
      const i = rng.int(1, local.length)
      return local[i - 1] === "." || local[i] === "."
        ? address
        : `${local.slice(0, i)}.${local.slice(i)}@gmail.com`
    }
    default:
      return `${local}+${rng.pick(["work", "news", "linkedin", "shop", "2"])}@gmail.com`
  }
}

/** The job a source shows: usually the current one, sometimes a stale earlier one. */
const jobFor = (rng: Random.Random, p: Person, staleRate: number): Job | undefined => {
  if (p.jobs.length === 0) return undefined
  if (p.jobs.length > 1 && rng.chance(staleRate)) return p.jobs[rng.int(0, p.jobs.length - 1)]
  return p.jobs[p.jobs.length - 1]
}

const personalEmails = (p: Person) => p.emails.filter((e) => e.kind !== "shared")

/** The addresses a record carries: up to `max` own addresses, plus a shared one sometimes. */
const emailsFor = (rng: Random.Random, p: Person, max: number): Array<EmailAddress> => {
  const own = personalEmails(p).filter(() => rng.chance(0.75))
  const out = own.slice(0, max).map((e) => ({ ...e, address: emailFor(rng, e.address) }))
  const shared = p.emails.find((e) => e.kind === "shared")
  if (shared !== undefined && rng.chance(0.6)) out.push(shared)
  return out
}

const phonesFor = (rng: Random.Random, p: Person): Array<PersonPhone> =>
  p.phones.filter(() => rng.chance(0.75))

const pad2 = (n: number): string => String(n).padStart(2, "0")

// ---------------------------------------------------------------- vCard

/** contacts.vcf: mostly Apple vCard 3.0 cards, some old-Android 2.1 cards, a few phone-only duplicates. */
export const toVcf = (people: ReadonlyArray<Person>, o: WriterOptions): SourceOutput => {
  const chunks: Array<string> = []
  const truth: Array<TruthEntry> = []
  const card = (person: string, text: string) => {
    chunks.push(text)
    truth.push({ file: "contacts.vcf", record: `card:${chunks.length}`, person })
  }
  for (const p of people) {
    if (!sourcesOf(p, o.seed).has("vcf")) continue
    const rng = rngFor(o, "vcf", p)
    const android = rng.chance(0.12)
    const name = nameFor(rng, p, { nickname: 0.15, typo: 0.02, fold: 0.1 })
    const job = jobFor(rng, p, 0.2)
    const emails = emailsFor(rng, p, 2)
    const phones = phonesFor(rng, p)
    card(
      p.id,
      android ? androidCard(rng, name, job, emails, phones) : appleCard(rng, p, name, job, emails, phones, o),
    )
    // A bare phone-book entry ("Bob H") synced from an old handset.
    const mobile = p.phones.find((x) => x.kind === "mobile")
    if (mobile !== undefined && rng.chance(0.03)) {
      const short = p.nickname ?? p.given
      card(
        p.id,
        VCard.card21([
          { name: "N", value: VCard.compound21([p.family.charAt(0), short, "", "", ""]) },
          { name: "FN", value: `${short} ${p.family.charAt(0)}` },
          {
            name: "TEL",
            params: ["CELL", "PREF"],
            value: PhoneNumbers.write(rng, mobile.phone).replace(/[\s()-]/g, ""),
          },
        ]),
      )
    }
  }
  return { files: new Map([["contacts.vcf", chunks.join("")]]), truth }
}

const appleCard = (
  rng: Random.Random,
  p: Person,
  name: WrittenName,
  job: Job | undefined,
  emails: ReadonlyArray<EmailAddress>,
  phones: ReadonlyArray<PersonPhone>,
  o: WriterOptions,
): string => {
  const props: Array<VCard.Property> = [
    { name: "PRODID", value: "-//Apple Inc.//macOS 14.6.1//EN" },
    {
      name: "N",
      value: VCard.compound([name.family, name.given, name.middle ?? "", p.prefix ?? "", p.credential ?? ""]),
    },
    {
      name: "FN",
      value: VCard.text(
        [p.prefix, name.given, name.middle, name.family].filter((x) => x !== undefined).join(" ") +
          (p.credential === undefined ? "" : `, ${p.credential}`),
      ),
    },
  ]
  if (p.nickname !== undefined && name.given !== p.nickname && rng.chance(0.3)) {
    props.push({ name: "NICKNAME", value: VCard.text(p.nickname) })
  }
  if (job !== undefined) {
    props.push({ name: "ORG", value: `${VCard.text(job.company.name)};` })
    if (rng.chance(0.7)) props.push({ name: "TITLE", value: VCard.text(job.title) })
  }
  let item = 0
  emails.forEach(({ address, kind: emailKind }, i) => {
    const kind = emailKind === "personal" ? "HOME" : "WORK"
    if (rng.chance(0.1)) {
      item++
      props.push({ group: `item${item}`, name: "EMAIL", params: ["type=INTERNET"], value: address })
      props.push({
        group: `item${item}`,
        name: "X-ABLabel",
        value: rng.pick(["_$!<Other>!$_", "Studio", "Old"]),
      })
    } else {
      const params = rng.chance(0.15)
        ? [`TYPE=INTERNET${i === 0 ? ",pref" : ""}`]
        : ["type=INTERNET", `type=${kind}`, ...(i === 0 ? ["type=pref"] : [])]
      props.push({ name: "EMAIL", params, value: address })
    }
  })
  phones.forEach((x, i) => {
    const kind = x.kind === "mobile" ? "CELL" : x.kind === "home" ? "HOME" : "WORK"
    props.push({
      name: "TEL",
      params: [`type=${kind}`, "type=VOICE", ...(i === 0 ? ["type=pref"] : [])],
      value: PhoneNumbers.write(rng, x.phone),
    })
  })
  if (p.twitter !== undefined && rng.chance(0.15)) {
    props.push({
      name: "X-SOCIALPROFILE",
      params: ["type=twitter"],
      value: `https://twitter.com/${p.twitter.handle}`,
    })
  }
  if (p.linkedin !== undefined && rng.chance(0.1)) {
    item++
    props.push({ group: `item${item}`, name: "URL", value: LinkedIn.profileUrl(p.linkedin.slug) })
    props.push({ group: `item${item}`, name: "X-ABLabel", value: "LinkedIn" })
  }
  if (p.birthday !== undefined && rng.chance(0.4)) {
    const md = `${pad2(p.birthday.month)}-${pad2(p.birthday.day)}`
    props.push(
      p.birthday.year === undefined
        ? { name: "BDAY", params: ["X-APPLE-OMIT-YEAR=1604"], value: `1604-${md}` }
        : { name: "BDAY", value: `${p.birthday.year}-${md}` },
    )
  }
  if (rng.chance(0.03)) props.push({ name: "NOTE", value: VCard.text(`Met in ${p.city}.\nFollow up later.`) })
  const rev = new Date(o.now.getTime() - rng.int(1, 2000 * 86_400) * 1000)
  props.push({ name: "REV", value: `${rev.toISOString().slice(0, 19)}Z` })
  return VCard.card30(props)
}

const androidCard = (
  rng: Random.Random,
  name: WrittenName,
  job: Job | undefined,
  emails: ReadonlyArray<EmailAddress>,
  phones: ReadonlyArray<PersonPhone>,
): string => {
  const props: Array<VCard.Property> = [
    { name: "N", value: VCard.compound21([name.family, name.given, name.middle ?? "", "", ""]) },
    { name: "FN", value: `${name.given} ${name.family}` },
  ]
  phones.forEach((x, i) => {
    const kind = x.kind === "mobile" ? "CELL" : x.kind === "home" ? "HOME" : "WORK"
    props.push({
      name: "TEL",
      params: [kind, ...(i === 0 ? ["PREF"] : [])],
      value: PhoneNumbers.write(rng, x.phone).replace(/[\s()-]/g, ""),
    })
  })
  for (const e of emails)
    props.push({ name: "EMAIL", params: [e.kind === "personal" ? "HOME" : "WORK"], value: e.address })
  if (job !== undefined) {
    props.push({ name: "ORG", value: job.company.name })
    props.push({ name: "TITLE", value: job.title })
  }
  return VCard.card21(props)
}

// ---------------------------------------------------------------- Outlook CSV

/** outlook.csv: English Outlook desktop export, Windows-1252 bytes (unmappable letters become `?`). */
export const toOutlookCsv = (people: ReadonlyArray<Person>, o: WriterOptions): SourceOutput => {
  const rows: Array<OutlookCsv.Row> = []
  const truth: Array<TruthEntry> = []
  for (const p of people) {
    if (!sourcesOf(p, o.seed).has("outlook")) continue
    const rng = rngFor(o, "outlook", p)
    // People typing into Outlook often drop the accents themselves.
    const name = nameFor(rng, p, { nickname: 0.1, typo: 0.02, fold: 0.5 })
    const job = jobFor(rng, p, 0.3)
    const row: Record<string, string> = {
      "First Name": name.given,
      "Last Name": name.family,
      Initials: `${name.given.charAt(0)}.${name.family.charAt(0)}.`,
    }
    if (name.middle !== undefined && rng.chance(0.5))
      row["Middle Name"] = rng.chance(0.5) ? name.middle : `${name.middle[0]}.`
    if (p.prefix !== undefined) row.Title = p.prefix
    if (p.credential !== undefined && rng.chance(0.5)) row.Suffix = p.credential
    if (job !== undefined) {
      row.Company = job.company.name
      row["Job Title"] = job.title
      if (rng.chance(0.5)) row["Business City"] = p.city
    } else if (rng.chance(0.5)) row["Home City"] = p.city
    const emails = emailsFor(rng, p, 3).slice(0, 3)
    emails.forEach(({ address }, i) => {
      const prefix = i === 0 ? "E-mail" : `E-mail ${i + 1}`
      row[i === 0 ? "E-mail Address" : `${prefix} Address`] = address
      row[`${prefix} Type`] = "SMTP"
      row[`${prefix} Display Name`] = `${name.given} ${name.family} (${address})`
    })
    for (const x of phonesFor(rng, p)) {
      const column =
        x.kind === "mobile" ? "Mobile Phone" : x.kind === "home" ? "Home Phone" : "Business Phone"
      row[column] = PhoneNumbers.write(rng, x.phone)
    }
    if (p.birthday?.year !== undefined && rng.chance(0.3)) {
      row.Birthday = OutlookCsv.date(p.birthday.year, p.birthday.month, p.birthday.day)
    }
    if (rng.chance(0.2)) row.Categories = rng.pick(["Work", "Clients", "Personal", "Suppliers", "Family"])
    if (rng.chance(0.05)) row.Notes = `Met at a conference in ${p.city}.\nAsk about the project.`
    rows.push(row as OutlookCsv.Row)
    truth.push({ file: "outlook.csv", record: `row:${rows.length}`, person: p.id })
  }
  return { files: new Map([["outlook.csv", Csv.encodeWindows1252(OutlookCsv.csv(rows))]]), truth }
}

// ---------------------------------------------------------------- Google CSV

/** google.csv: Google Contacts 2020+ CSV, with a few contacts split over two rows. */
export const toGoogleCsv = (people: ReadonlyArray<Person>, o: WriterOptions): SourceOutput => {
  const contacts: Array<GoogleCsv.Contact> = []
  const truth: Array<TruthEntry> = []
  const add = (person: string, c: GoogleCsv.Contact) => {
    contacts.push(c)
    truth.push({ file: "google.csv", record: `row:${contacts.length}`, person })
  }
  for (const p of people) {
    if (!sourcesOf(p, o.seed).has("google")) continue
    const rng = rngFor(o, "google", p)
    const name = nameFor(rng, p, { nickname: 0.15, typo: 0.03, fold: 0.1 })
    const job = jobFor(rng, p, 0.2)
    const labels = ["* myContacts"]
    if (p.closeness > 0.6 && rng.chance(0.5)) labels.push("* starred")
    if (rng.chance(0.15))
      labels.push(rng.pick(["Friends", "Family", "Work", "Football", "Book club", "Imported on 2/3/24"]))
    const addresses = emailsFor(rng, p, 2)
    const emails: Array<GoogleCsv.Labeled> =
      addresses.length > 1 && rng.chance(0.1)
        ? [{ label: "* Other", value: addresses.map((e) => e.address).join(" ::: ") }]
        : addresses.map((e, i) => ({
            label: `${i === 0 ? "* " : ""}${e.kind === "personal" ? "Home" : "Work"}`,
            value: e.address,
          }))
    const phones = phonesFor(rng, p).map((x) => ({
      label: x.kind === "mobile" ? "Mobile" : x.kind === "home" ? "Home" : "Work",
      value: PhoneNumbers.write(rng, x.phone),
    }))
    const b = p.birthday
    const contact: GoogleCsv.Contact = {
      first: name.given,
      last: name.family,
      ...(name.middle === undefined || rng.chance(0.5) ? {} : { middle: name.middle }),
      ...(p.prefix === undefined ? {} : { prefix: p.prefix }),
      ...(p.credential === undefined ? {} : { suffix: p.credential }),
      ...(p.nickname !== undefined && rng.chance(0.2) ? { nickname: p.nickname } : {}),
      ...(job === undefined ? {} : { organization: job.company.name, title: job.title }),
      ...(b !== undefined && rng.chance(0.4)
        ? {
            birthday:
              b.year === undefined
                ? ` --${pad2(b.month)}-${pad2(b.day)}`
                : `${b.year}-${pad2(b.month)}-${pad2(b.day)}`,
          }
        : {}),
      labels,
      emails,
      phones,
      addresses: [],
      websites: [],
    }
    if (rng.chance(0.03) && emails.length > 0 && phones.length > 0) {
      // The same person twice, as after a half-merged phone sync: one row phones, one e-mails.
      add(p.id, { ...contact, emails: [] })
      add(p.id, { ...contact, first: p.given, phones: [], labels: ["Imported on 2/3/24", "* myContacts"] })
    } else add(p.id, contact)
  }
  return { files: new Map([["google.csv", GoogleCsv.csv(contacts)]]), truth }
}

// ---------------------------------------------------------------- LinkedIn

const MESSAGE_TEXTS = [
  "Thanks for connecting!",
  "Great to meet you yesterday. Shall we continue the conversation over coffee?",
  "Could you share the slides from the talk?",
  "Happy to help, let me know a time that works.",
  "Are you hiring for the data team at the moment?",
  "Congratulations on the new role!",
  "Quick question about the integration, do you have 10 minutes this week?",
  "Sorry for the slow reply.\nNext Tuesday works for me.",
]

/** The LinkedIn display name: given (rarely a nickname) and family, credentials after a comma. */
const linkedInName = (rng: Random.Random, p: Person): { readonly first: string; readonly last: string } => {
  const name = nameFor(rng, p, { nickname: 0.1, typo: 0, fold: 0.05 })
  const last = p.credential !== undefined && rng.chance(0.6) ? `${name.family}, ${p.credential}` : name.family
  if (rng.chance(0.01)) return { first: name.given.toLowerCase(), last: last.toLowerCase() }
  return { first: name.given, last }
}

/** linkedin/: Connections.csv, messages.csv, Invitations.csv and the owner's Profile.csv. */
export const toLinkedInConnections = (people: ReadonlyArray<Person>, o: WriterOptions): SourceOutput => {
  const truth: Array<TruthEntry> = []
  const me = LinkedIn.profileUrl(OWNER.linkedinSlug)
  const myName = `${OWNER.given} ${OWNER.family}`
  const connections: Array<{
    readonly person: Person
    readonly row: LinkedIn.Connection
    readonly on: number
  }> = []
  const messages: Array<LinkedIn.Message> = []
  const invitations: Array<LinkedIn.Invitation> = []
  const seen = new Set<string>()
  const partner = (file: string, url: string, person: string) => {
    if (seen.has(`${file}\u0000${url}`)) return
    seen.add(`${file}\u0000${url}`)
    truth.push({ file, record: `profile:${url}`, person })
  }
  for (const p of people) {
    if (p.linkedin === undefined) continue
    const rng = rngFor(o, "linkedin", p)
    const { first, last } = linkedInName(rng, p)
    const display = `${first} ${last}`
    const url = LinkedIn.profileUrl(p.linkedin.slug)
    if (sourcesOf(p, o.seed).has("linkedin")) {
      const job = p.jobs[p.jobs.length - 1]
      const email = rng.chance(0.05) ? (personalEmails(p)[0]?.address ?? "") : ""
      connections.push({
        person: p,
        on: p.linkedin.connectedOn.getTime(),
        row: {
          first,
          last,
          url,
          email,
          company: job?.company.name ?? "",
          position: job?.title ?? "",
          connectedOn: LinkedIn.connectedOn(p.linkedin.connectedOn),
        },
      })
    }
    const said = p.interactions.filter((m) => m.kind === "message")
    if (said.length > 0) {
      const conversationId = LinkedIn.conversationId(rng.int(0, 0xffffffff).toString(16).padStart(8, "0"))
      for (const m of [...said].reverse()) {
        const incoming = m.direction === "incoming"
        messages.push({
          conversationId,
          conversationTitle: "",
          from: incoming ? display : myName,
          senderUrl: incoming ? url : me,
          to: incoming ? myName : display,
          recipientUrls: incoming ? me : url,
          date: LinkedIn.messageDate(m.at),
          subject: "",
          content: rng.pick(MESSAGE_TEXTS),
          folder: rng.chance(0.9) ? "INBOX" : "ARCHIVE",
        })
      }
      partner("linkedin/messages.csv", url, p.id)
    }
    for (const m of p.interactions) {
      if (m.kind !== "invitation") continue
      const incoming = m.direction === "incoming"
      invitations.push({
        from: incoming ? display : myName,
        to: incoming ? myName : display,
        sentAt: LinkedIn.shortDateTime(m.at),
        message: rng.chance(0.4) ? "I'd like to add you to my professional network." : "",
        direction: incoming ? "INCOMING" : "OUTGOING",
        inviterUrl: incoming ? url : me,
        inviteeUrl: incoming ? me : url,
      })
      partner("linkedin/Invitations.csv", url, p.id)
    }
  }
  // LinkedIn lists connections newest first.
  connections.sort((a, b) => b.on - a.on)
  connections.forEach((c, i) => {
    truth.push({ file: "linkedin/Connections.csv", record: `row:${i + 1}`, person: c.person.id })
  })
  truth.push({ file: "linkedin/Profile.csv", record: "self", person: "me" })
  const files = new Map<string, string>([
    ["linkedin/Connections.csv", LinkedIn.connectionsCsv(connections.map((c) => c.row))],
    ["linkedin/messages.csv", LinkedIn.messagesCsv(messages)],
    ["linkedin/Invitations.csv", LinkedIn.invitationsCsv(invitations)],
    [
      "linkedin/Profile.csv",
      LinkedIn.table(LinkedIn.PROFILE_HEADER, [
        [
          OWNER.given,
          OWNER.family,
          "",
          "",
          "Mar 14",
          "Product Lead",
          "",
          "Software Development",
          "",
          "London",
          OWNER.handle,
          "",
          "",
        ],
      ]),
    ],
    [
      "linkedin/Email Addresses.csv",
      LinkedIn.table(
        ["Email Address", "Confirmed", "Primary", "Updated On"],
        [[OWNER.email, "Yes", "Yes", LinkedIn.shortDateTime(new Date(o.now.getTime() - 400 * 86_400_000))]],
      ),
    ],
  ])
  return { files, truth }
}

// ---------------------------------------------------------------- Twitter

const TWEET_TEXTS = [
  "Great thread by {h}, worth a read.",
  "Had a lovely chat with {h} about data pipelines today.",
  "{h} agreed, that matches what we saw too.",
  "Thanks {h} for the recommendation!",
  "Slides from my talk with {h} are up.",
]
const DM_TEXTS = [
  "Hey! Are you around next week?",
  "Thanks for the intro.",
  "Ha, yes!",
  "Sending the link now.",
  "See you there.",
]

/** twitter/data/*.js: a 2023-style archive of the owner, with followers, mentions and DMs. */
export const toTwitterArchive = (people: ReadonlyArray<Person>, o: WriterOptions): SourceOutput => {
  const followers: Array<string> = []
  const following: Array<string> = []
  const tweets: Array<Twitter.Tweet> = []
  const direct: Array<Twitter.Json> = []
  const directIds: Array<string> = []
  const groupCandidates: Array<{ readonly person: Person; readonly moments: ReadonlyArray<Moment> }> = []
  const person = new Map<string, string>()
  let sequence = 0
  for (const p of people) {
    const account = p.twitter
    if (account === undefined) continue
    const rng = rngFor(o, "twitter", p)
    person.set(account.id, p.id)
    if (sourcesOf(p, o.seed).has("twitter")) {
      const r = rng.next()
      if (r < 0.7) followers.push(account.id)
      if (r > 0.4) following.push(account.id)
    }
    const dms: Array<Moment> = []
    for (const m of p.interactions) {
      if (m.kind === "mention" || m.kind === "reply") {
        const handle = `@${account.handle}`
        const text =
          m.kind === "reply"
            ? `${handle} ${rng.pick(["Agreed!", "Good point.", "Thanks!"])}`
            : rng.pick(TWEET_TEXTS).replace("{h}", handle)
        const tweet: Twitter.Tweet = {
          id: Twitter.snowflake(m.at, sequence++),
          at: m.at,
          text,
          mentions: [{ name: account.displayName, screenName: account.handle, id: account.id }],
        }
        tweets.push(
          m.kind === "reply"
            ? {
                ...tweet,
                replyTo: {
                  screenName: account.handle,
                  userId: account.id,
                  statusId: Twitter.snowflake(new Date(m.at.getTime() - 3_600_000), sequence++),
                },
              }
            : tweet,
        )
      } else if (m.kind === "dm") dms.push(m)
    }
    if (dms.length === 0) continue
    if (rng.chance(0.08)) {
      groupCandidates.push({ person: p, moments: dms })
      continue
    }
    const messages = dms.map(
      (m): Twitter.DirectMessage => ({
        id: Twitter.snowflake(m.at, sequence++),
        senderId: m.direction === "incoming" ? account.id : OWNER.twitterId,
        recipientId: m.direction === "incoming" ? OWNER.twitterId : account.id,
        text: rng.pick(DM_TEXTS),
        at: m.at,
      }),
    )
    direct.push(Twitter.dmConversation(Twitter.pairConversationId(OWNER.twitterId, account.id), messages))
    directIds.push(account.id)
  }

  // Group conversations: consecutive candidates in groups of two to four, plus the owner.
  const groups: Array<Twitter.Json> = []
  const groupIds: Array<string> = []
  const grouping = Random.make(`${o.seed}:twitter-groups`)
  for (let i = 0; i < groupCandidates.length; ) {
    const members = groupCandidates.slice(i, i + grouping.int(2, 5))
    i += members.length
    const ids = members.map((m) => m.person.twitter!.id)
    const messages = members.flatMap((m) =>
      m.moments.map(
        (moment): Twitter.DirectMessage => ({
          id: Twitter.snowflake(moment.at, sequence++),
          senderId: moment.direction === "incoming" ? m.person.twitter!.id : OWNER.twitterId,
          text: grouping.pick(DM_TEXTS),
          at: moment.at,
        }),
      ),
    )
    const first = Math.min(...messages.map((m) => m.at.getTime()))
    groups.push(
      Twitter.groupConversation(
        Twitter.snowflake(new Date(first - 60_000), sequence++),
        { initiatingUserId: ids[0]!, participants: [OWNER.twitterId, ...ids], at: new Date(first - 60_000) },
        messages,
      ),
    )
    groupIds.push(...ids)
  }
  tweets.sort((a, b) => b.at.getTime() - a.at.getTime())

  const data: ReadonlyArray<
    readonly [key: string, file: string, global: string, items: ReadonlyArray<Twitter.Json>]
  > = [
    [
      "account",
      "account.js",
      "account",
      [
        {
          account: {
            email: OWNER.email,
            createdVia: "web",
            username: OWNER.handle,
            accountId: OWNER.twitterId,
            createdAt: "2012-10-14T19:11:40.000Z",
            accountDisplayName: `${OWNER.given} ${OWNER.family}`,
          },
        },
      ],
    ],
    ["follower", "follower.js", "follower", followers.map((id) => Twitter.followEntry("follower", id))],
    ["following", "following.js", "following", following.map((id) => Twitter.followEntry("following", id))],
    ["tweets", "tweets.js", "tweets", tweets.map(Twitter.tweetEntry)],
    ["directMessages", "direct-messages.js", "direct_messages", direct],
    ["directMessagesGroup", "direct-messages-group.js", "direct_messages_group", groups],
  ]
  const files = new Map<string, string>()
  let sizeBytes = 0
  for (const [, file, global, items] of data) {
    const text = Twitter.ytd(global, items)
    sizeBytes += text.length
    files.set(`twitter/data/${file}`, text)
  }
  files.set(
    "twitter/data/manifest.js",
    Twitter.manifest({
      accountId: OWNER.twitterId,
      userName: OWNER.handle,
      displayName: `${OWNER.given} ${OWNER.family}`,
      generationDate: o.now.toISOString(),
      sizeBytes,
      dataTypes: data.map(([key, file, global, items]) => ({
        key,
        fileName: `data/${file}`,
        global,
        count: items.length,
      })),
    }),
  )
  const truth: Array<TruthEntry> = [
    { file: "twitter/data/account.js", record: `account:${OWNER.twitterId}`, person: "me" },
  ]
  const firstFile = Twitter.firstFiles([
    ["following.js", following],
    ["follower.js", followers],
    ["tweets.js", tweets.flatMap((t) => t.mentions.map((m) => m.id))],
    ["direct-messages.js", directIds],
    ["direct-messages-group.js", groupIds],
  ])
  for (const [id, file] of firstFile) {
    truth.push({ file: `twitter/data/${file}`, record: `account:${id}`, person: person.get(id)! })
  }
  return { files, truth }
}

// ---------------------------------------------------------------- Calendar

const MEETING_TITLES = [
  "Catch-up",
  "Project sync",
  "Coffee",
  "Intro call",
  "Quarterly review",
  "Design review",
  "Planning",
  "Lunch",
  "Interview",
  "Workshop",
]
const UID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

/** calendar.ics: a Google Calendar export; meetings close in time are sometimes one event. */
export const toIcs = (people: ReadonlyArray<Person>, o: WriterOptions): SourceOutput => {
  const rng = Random.make(`${o.seed}:ics`)
  const slots: Array<{
    readonly person: Person
    readonly at: Date
    readonly t: number
    readonly order: number
  }> = []
  people.forEach((p, order) => {
    for (const m of p.interactions)
      if (m.kind === "meeting") slots.push({ person: p, at: m.at, t: m.at.getTime(), order })
  })
  slots.sort((a, b) => a.t - b.t || a.order - b.order)

  // Per written address: whose it is, whether it was in a live event, whether it ever attended.
  const written = new Map<string, { readonly person: string; live: boolean; attended: boolean }>()
  const addressesOf = new Map<Person, { readonly usual: string; readonly own: ReadonlyArray<EmailAddress> }>()
  const guest = (p: Person): Ics.Attendee => {
    let addresses = addressesOf.get(p)
    if (addresses === undefined) {
      const own = personalEmails(p)
      addresses = { usual: (own.find((e) => e.kind === "work") ?? own[0])!.address, own }
      addressesOf.set(p, addresses)
    }
    // One usual calendar address per person (work if any), another one now and then.
    const { own } = addresses
    let email = addresses.usual
    if (own.length > 1 && rng.chance(0.1)) email = rng.pick(own).address
    if (!written.has(email)) written.set(email, { person: p.id, live: false, attended: false })
    const r = rng.next()
    const cn =
      r < 0.7
        ? `${p.given} ${p.family}`
        : r < 0.8
          ? `${p.nickname ?? p.given} ${p.family}`
          : r < 0.9
            ? undefined
            : Names.transliterate(`${p.given} ${p.family}`)
    const s = rng.next()
    const partstat: Ics.PartStat =
      s < 0.85 ? "ACCEPTED" : s < 0.9 ? "DECLINED" : s < 0.95 ? "TENTATIVE" : "NEEDS-ACTION"
    return { email, ...(cn === undefined ? {} : { cn }), partstat }
  }
  const me: Ics.Attendee = {
    email: OWNER.email,
    cn: `${OWNER.given} ${OWNER.family}`,
    partstat: "ACCEPTED",
    rsvp: true,
  }

  const events: Array<Ics.Event> = []
  for (let i = 0; i < slots.length; ) {
    const first = slots[i]!
    const members = [first.person]
    i++
    // Sometimes the next meeting(s) in time are the same event with more guests.
    while (i < slots.length && members.length < 4 && rng.chance(0.3) && !members.includes(slots[i]!.person)) {
      members.push(slots[i]!.person)
      i++
    }
    const guests = members.map(guest)
    const mine = rng.chance(0.7)
    // An organizer other than me attends their own meeting.
    if (!mine) guests[0] = { ...guests[0]!, partstat: "ACCEPTED" }
    const organizer = mine ? me : guests[0]!
    const status = rng.chance(0.03) ? "CANCELLED" : "CONFIRMED"
    for (const g of guests) {
      const w = written.get(g.email)!
      if (status === "CANCELLED") continue
      w.live = true
      if (g.partstat !== "DECLINED") w.attended = true
    }
    const minutes = rng.pick([30, 30, 45, 60, 60, 90])
    let uid = ""
    for (let k = 0; k < 26; k++) uid += UID_ALPHABET[rng.int(0, UID_ALPHABET.length)]
    const created = new Date(first.at.getTime() - rng.int(1, 30) * 86_400_000)
    events.push({
      uid: `${uid}@google.com`,
      start: { kind: "utc", at: first.at },
      end: { kind: "utc", at: new Date(first.at.getTime() + minutes * 60_000) },
      organizer: { email: organizer.email, ...(organizer.cn === undefined ? {} : { cn: organizer.cn }) },
      attendees: mine ? [me, ...guests] : [guests[0]!, me, ...guests.slice(1)],
      summary:
        members.length === 1 ? `${rng.pick(MEETING_TITLES)}: ${members[0]!.given}` : rng.pick(MEETING_TITLES),
      status,
      created,
      lastModified: created,
      sequence: 0,
      stamp: o.now,
    })
  }
  const truth: Array<TruthEntry> = [{ file: "calendar.ics", record: `owner:${OWNER.email}`, person: "me" }]
  for (const [email, w] of written) {
    const skippable = w.attended ? undefined : w.live ? "only declined" : "only in cancelled events"
    truth.push({
      file: "calendar.ics",
      record: `attendee:${email}`,
      person: w.person,
      ...(skippable === undefined ? {} : { skippable }),
    })
  }
  return { files: new Map([["calendar.ics", Ics.calendar(OWNER.email, events)]]), truth }
}
