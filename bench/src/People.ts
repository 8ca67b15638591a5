/**
 * Invented people with a known truth id: names (with nicknames, credentials, namesakes),
 * e-mails, phones, jobs over time, households sharing a landline, Twitter and LinkedIn
 * accounts, and a latent `closeness` in [0, 1] from which their interactions with the owner
 * are drawn (more and more recent for closer people).
 */

import { snowflake } from "./format/Twitter.ts"
import type { Company, Country } from "./Names.ts"
import * as Names from "./Names.ts"
import type { Phone } from "./Phone.ts"
import * as PhoneNumbers from "./Phone.ts"
import * as Random from "./Random.ts"

/** How an interaction happened; each kind lives in one source (calendar, LinkedIn, Twitter). */
export type MomentKind = "meeting" | "message" | "invitation" | "dm" | "mention" | "reply"

/** One latent interaction between the owner and a person. */
export interface Moment {
  readonly kind: MomentKind
  readonly at: Date
  readonly direction: "outgoing" | "incoming" | "mutual"
}

/** An e-mail address; `shared` ones (info@) belong to several people at once. */
export interface EmailAddress {
  readonly address: string
  readonly kind: "personal" | "work" | "shared"
}

/** A phone with what it is to this person (a home landline may be shared by a household). */
export interface PersonPhone {
  readonly phone: Phone
  readonly kind: "mobile" | "home" | "work"
}

/** One job; the last one in `jobs` is the current job. */
export interface Job {
  readonly company: Company
  readonly title: string
  readonly since: Date
  readonly email?: string
}

/** A Twitter account; `pseudonymous` handles carry no trace of the person's name. */
export interface TwitterAccount {
  readonly id: string
  readonly handle: string
  readonly displayName: string
  readonly pseudonymous: boolean
}

/** One invented person and everything the writers may reveal about them. */
export interface Person {
  readonly id: string
  readonly culture: string
  readonly given: string
  readonly family: string
  readonly middle?: string
  readonly nickname?: string
  readonly prefix?: string
  readonly credential?: string
  readonly emails: ReadonlyArray<EmailAddress>
  readonly phones: ReadonlyArray<PersonPhone>
  readonly jobs: ReadonlyArray<Job>
  readonly country: Country
  readonly city: string
  /** Id of the household whose landline this person shares, if any. */
  readonly household?: string
  readonly birthday?: { readonly year?: number; readonly month: number; readonly day: number }
  readonly twitter?: TwitterAccount
  readonly linkedin?: { readonly slug: string; readonly connectedOn: Date }
  readonly closeness: number
  readonly interactions: ReadonlyArray<Moment>
}

/** Options of `generatePeople`. */
export interface GenerateOptions {
  readonly n: number
  readonly seed: number | string
  /** Interactions fall within the two years before this instant (default `DEFAULT_NOW`). */
  readonly now?: Date
}

/** The fixed "now" used when none is given, so output never depends on the clock. */
export const DEFAULT_NOW = new Date("2026-11-25T00:00:00Z")

const DAY = 86_400_000
const TWO_YEARS = 730

/** The corpus owner ("me"): the same invented Alex Morgan as in examples/merge-exports. */
export const OWNER = {
  given: "Alex",
  family: "Morgan",
  email: "alex.morgan@example.com",
  twitterId: "887412563",
  handle: "alexmorgan_dev",
  linkedinSlug: "alex-morgan-demo",
} as const

const weightedCulture = (rng: Random.Random): Names.Culture => {
  const total = Names.CULTURES.reduce((s, c) => s + c.weight, 0)
  let r = rng.next() * total
  for (const c of Names.CULTURES) {
    r -= c.weight
    if (r < 0) return c
  }
  return Names.CULTURES[0]!
}

const PERSONAL_DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ["gmail.com", 34],
  ["outlook.com", 12],
  ["yahoo.com", 5],
  ["icloud.com", 5],
  ["example.org", 16],
  ["example.net", 16],
  ["posteo.example", 6],
  ["fastmail.example", 6],
]

const weighted = <A>(rng: Random.Random, items: ReadonlyArray<readonly [A, number]>): A => {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let r = rng.next() * total
  for (const [item, w] of items) {
    r -= w
    if (r < 0) return item
  }
  return items[0]![0]
}

/** Gmail ignores dots and everything after `+` in the local part; this is its canonical key. */
export const canonicalEmail = (address: string): string => {
  const lower = address.toLowerCase()
  const at = lower.lastIndexOf("@")
  const domain = lower.slice(at + 1)
  if (domain !== "gmail.com" && domain !== "googlemail.com") return lower
  return `${lower.slice(0, at).replace(/\+.*$/, "").replace(/\./g, "")}@gmail.com`
}

/**
 * Generates `n` people deterministically from `seed` and `now`: the same options always give
 * the same people. Linear in n (sets only, no pairwise work).
 */
export const generatePeople = (options: GenerateOptions): Array<Person> => {
  const { n } = options
  const now = options.now ?? DEFAULT_NOW
  const rng = Random.make(`${options.seed}:people`)
  const phones = PhoneNumbers.allocator(Random.make(`${options.seed}:phones`))
  const employers = Names.companies(Random.make(`${options.seed}:companies`), Math.max(12, Math.ceil(n / 25)))
  const usedEmails = new Set<string>([OWNER.email])
  const usedHandles = new Set<string>([OWNER.handle])
  const usedTwitterIds = new Set<string>([OWNER.twitterId])
  const usedSlugs = new Set<string>([OWNER.linkedinSlug])
  // Drafts stay mutable so a later partner can join a household and share its landline.
  const people: Array<Draft> = []

  const unique = (used: Set<string>, make: (attempt: number) => string, key = (s: string) => s): string => {
    for (let attempt = 0; ; attempt++) {
      const candidate = make(attempt)
      const k = key(candidate)
      if (!used.has(k)) {
        used.add(k)
        return candidate
      }
    }
  }

  for (let i = 0; i < n; i++) {
    const id = `p${String(i + 1).padStart(6, "0")}`
    const previous = people[people.length - 1]
    // About one person in twelve lives with the previous one and shares the home landline.
    const partner =
      previous !== undefined && previous.household === undefined && rng.chance(0.08) ? previous : undefined
    const culture = partner !== undefined && rng.chance(0.7) ? cultureOf(partner) : weightedCulture(rng)
    const common = culture.id === "en" && rng.chance(0.1)
    // Outside the English-language pool, some people carry an English given name (diaspora).
    const givenPool = culture.id !== "en" && rng.chance(0.25) ? Names.CULTURES[0]!.given : culture.given
    const given = common ? rng.pick(Names.COMMON_GIVEN) : rng.pick(givenPool)
    // Family names come from another culture now and then (marriage, migration).
    const familyCulture = rng.chance(0.15) ? weightedCulture(rng) : culture
    const family =
      partner !== undefined && rng.chance(0.7)
        ? partner.family
        : common
          ? rng.pick(Names.COMMON_FAMILY)
          : culture.id === "es" && rng.chance(0.6)
            ? `${rng.pick(culture.family)} ${rng.pick(culture.family)}`
            : rng.pick(familyCulture.family)
    const middleCandidate = rng.pick(culture.given)
    const middle = rng.chance(0.15) && middleCandidate !== given ? middleCandidate : undefined
    const nicknames = Names.NICKNAMES[given]
    const nickname = nicknames !== undefined && rng.chance(0.6) ? rng.pick(nicknames) : undefined
    const credential = rng.chance(0.04) ? rng.pick(Names.CREDENTIALS) : undefined
    const prefix = (credential === "PhD" || credential === "MD") && rng.chance(0.5) ? "Dr." : undefined
    const country = partner?.country ?? rng.pick(culture.countries)
    const city = partner?.city ?? rng.pick(Names.CITIES[country])
    const closeness = rng.next() ** 3
    const g = Names.slug(given)
    const f = Names.slug(family)

    // Jobs, oldest first, each possibly with a work address at that company.
    const jobs: Array<Job> = []
    const r = rng.next()
    const jobCount = r < 0.12 ? 0 : r < 0.68 ? 1 : r < 0.92 ? 2 : 3
    let since = now.getTime() - rng.int(6, 14) * 365 * DAY
    for (let j = 0; j < jobCount; j++) {
      // Zipf-like: a few employers are large, so colleagues (and shared addresses) cluster.
      const company = employers[Math.floor(employers.length * rng.next() ** 2.5)]!
      const email = rng.chance(0.85)
        ? unique(usedEmails, (k) => {
            const local =
              k === 0 ? rng.pick([`${g}.${f}`, `${g[0]}.${f}`, `${g}${f[0]}`, `${g}`]) : `${g}.${f}${k}`
            return `${local}@${company.domain}`
          })
        : undefined
      jobs.push({
        company,
        title: rng.pick(Names.TITLES),
        since: new Date(since),
        ...(email === undefined ? {} : { email }),
      })
      since += rng.int(1, 5) * 365 * DAY
      if (since > now.getTime() - 60 * DAY) since = now.getTime() - rng.int(60, 400) * DAY
    }

    const emails: Array<EmailAddress> = []
    const personalCount = rng.chance(0.9) ? (rng.chance(0.15) ? 2 : 1) : 0
    for (let k = 0; k < personalCount; k++) {
      const domain = weighted(rng, PERSONAL_DOMAINS)
      const address = unique(
        usedEmails,
        (attempt) => {
          const base = rng.pick([
            `${g}.${f}`,
            `${g}${f}`,
            `${g[0]}${f}`,
            `${f}.${g}`,
            `${g}_${f}`,
            `${g}.${f[0]}`,
          ])
          return `${attempt === 0 ? base : `${base}${rng.int(1, 99)}`}@${domain}`
        },
        canonicalEmail,
      )
      emails.push({ address, kind: "personal" })
    }
    for (const job of [...jobs].reverse())
      if (job.email !== undefined) emails.push({ address: job.email, kind: "work" })
    const current = jobs[jobs.length - 1]
    if (current !== undefined && rng.chance(0.03)) {
      emails.push({
        address: `${rng.pick(["info", "hello", "office", "team"])}@${current.company.domain}`,
        kind: "shared",
      })
    }

    const personPhones: Array<PersonPhone> = []
    if (rng.chance(0.92)) {
      const p = phones.next(country, true)
      if (p !== undefined) personPhones.push({ phone: p, kind: "mobile" })
    }
    const partnerHome = partner?.phones.find((p) => p.kind === "home")
    if (partner !== undefined) {
      const home = partnerHome?.phone ?? phones.next(country, false)
      if (home !== undefined) {
        personPhones.push({ phone: home, kind: "home" })
        if (partnerHome === undefined) partner.phones.push({ phone: home, kind: "home" })
      }
    } else if (rng.chance(0.2)) {
      const home = phones.next(country, false)
      if (home !== undefined) personPhones.push({ phone: home, kind: "home" })
    }
    if (current !== undefined && rng.chance(0.3)) {
      const work = phones.next(country, false)
      if (work !== undefined) personPhones.push({ phone: work, kind: "work" })
    }
    const household = partner === undefined ? undefined : `h${partner.id.slice(1)}`
    if (partner !== undefined && household !== undefined) partner.household = household

    // The same draws as ever, as two literal shapes: an object that starts with a spread gets a
    // hidden class of its own in V8, which no adapter's birthday has.
    let birthday: Person["birthday"]
    if (rng.chance(0.6)) {
      const year = rng.chance(0.8) ? rng.int(1950, 2004) : undefined
      const month = rng.int(1, 13)
      const day = rng.int(1, 29)
      birthday = year !== undefined ? { year, month, day } : { month, day }
    }

    let twitter: TwitterAccount | undefined
    if (rng.chance(0.2 + 0.3 * closeness)) {
      const pseudonymous = rng.chance(0.35)
      const handle = unique(usedHandles, (attempt) => {
        const base = pseudonymous
          ? `${rng.pick(Names.HANDLE_ADJECTIVES)}${rng.pick(Names.HANDLE_NOUNS)}${rng.chance(0.6) ? `_${rng.int(1, 99)}` : ""}`
          : rng.pick([`${g}${f}`, `${g}_${f}`, `${g[0]}${f}`, `${g}${f}_dev`, `${g}_${f[0]}`, `the${g}${f}`])
        const withSuffix = attempt === 0 ? base : `${base.slice(0, 11)}${rng.int(10, 9999)}`
        return withSuffix.slice(0, 15)
      })
      const created = new Date(now.getTime() - rng.int(30, 17 * 365) * DAY)
      const twitterId = unique(usedTwitterIds, (attempt) =>
        created.getFullYear() < 2020 && attempt < 3
          ? String(rng.int(100_000_000, 4_000_000_000))
          : snowflake(created, rng.int(0, 4_000_000)),
      )
      const full = `${given} ${family}`
      const displayName = pseudonymous
        ? rng.chance(0.5)
          ? full
          : handle.replace(/_?\d+$/, "")
        : weighted<string>(rng, [
            [full, 60],
            [`${nickname ?? given} ${family}`, 15],
            [given, 10],
            [`${full} ${rng.pick(["🌿", "☕", "🚲", "📊", "🎨"])}`, 15],
          ])
      twitter = { id: twitterId, handle, displayName, pseudonymous }
    }

    const linkedin = rng.chance(jobs.length > 0 ? 0.75 : 0.25)
      ? {
          slug: unique(usedSlugs, (attempt) => {
            const hex = rng.int(0, 0xffffff).toString(16).padStart(6, "0")
            if (attempt === 0 && rng.chance(0.1)) return `${g}${f}`
            // Non-ASCII names often keep their letters in the slug (percent-encoded in the URL).
            return Names.hasDiacritics(`${given}${family}`) && rng.chance(0.4)
              ? `${given}-${family}-${hex}`.toLowerCase().replace(/[\s']/g, "-")
              : `${g}-${f}-${hex}`
          }),
          connectedOn: new Date(now.getTime() - rng.int(1, 9 * 365) * DAY),
        }
      : undefined

    const interactions = drawInteractions(rng, now, closeness, {
      meeting: emails.some((e) => e.kind !== "shared"),
      linkedin: linkedin !== undefined,
      twitter: twitter !== undefined,
    })
    // An invitation happens when the connection is made; keep the two dates consistent.
    const invitation = interactions.find((m) => m.kind === "invitation")
    const linkedinFinal =
      linkedin !== undefined && invitation !== undefined
        ? {
            ...linkedin,
            connectedOn: new Date(Math.min(now.getTime(), invitation.at.getTime() + rng.int(0, 10) * DAY)),
          }
        : linkedin

    people.push({
      id,
      culture: culture.id,
      given,
      family,
      ...(middle === undefined ? {} : { middle }),
      ...(nickname === undefined ? {} : { nickname }),
      ...(prefix === undefined ? {} : { prefix }),
      ...(credential === undefined ? {} : { credential }),
      emails,
      phones: personPhones,
      jobs,
      country,
      city,
      ...(household === undefined ? {} : { household }),
      ...(birthday === undefined ? {} : { birthday }),
      ...(twitter === undefined ? {} : { twitter }),
      ...(linkedinFinal === undefined ? {} : { linkedin: linkedinFinal }),
      closeness,
      interactions,
    })
  }
  return people
}

type Draft = Omit<Person, "phones" | "household"> & { phones: Array<PersonPhone>; household?: string }

const cultureOf = (p: Person): Names.Culture =>
  Names.CULTURES.find((c) => c.id === p.culture) ?? Names.CULTURES[0]!

const drawInteractions = (
  rng: Random.Random,
  now: Date,
  closeness: number,
  channels: { readonly meeting: boolean; readonly linkedin: boolean; readonly twitter: boolean },
): Array<Moment> => {
  const kinds: Array<readonly [MomentKind, number]> = []
  if (channels.meeting) kinds.push(["meeting", 3])
  if (channels.linkedin) kinds.push(["message", 2])
  if (channels.twitter) kinds.push(["dm", 1.5], ["mention", 1], ["reply", 0.5])
  const out: Array<Moment> = []
  if (kinds.length > 0) {
    const count = rng.poisson(0.4 + 14 * closeness * closeness)
    for (let k = 0; k < count; k++) {
      const kind = weighted(rng, kinds)
      // Closer people were seen more recently: the exponent pulls days-ago towards zero.
      const daysAgo = TWO_YEARS * rng.next() ** (1 + 3 * closeness)
      let at = now.getTime() - daysAgo * DAY
      if (kind === "meeting") {
        const day = new Date(at)
        day.setUTCHours(rng.int(8, 17), rng.chance(0.5) ? 30 : 0, 0, 0)
        at = day.getTime() >= now.getTime() ? day.getTime() - DAY : day.getTime()
      } else {
        at = Math.floor(at / 1000) * 1000
      }
      const direction =
        kind === "meeting"
          ? "mutual"
          : kind === "mention" || kind === "reply"
            ? "outgoing"
            : rng.chance(0.5)
              ? "incoming"
              : "outgoing"
      out.push({ kind, at: new Date(at), direction })
    }
  }
  if (channels.linkedin && rng.chance(0.25)) {
    const at = Math.floor((now.getTime() - TWO_YEARS * rng.next() * DAY) / 1000) * 1000
    out.push({ kind: "invitation", at: new Date(at), direction: rng.chance(0.5) ? "incoming" : "outgoing" })
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime())
}

/** The name a person is usually called by in full ("Robert Hughes"). */
export const fullName = (p: Person): string => `${p.given} ${p.family}`
