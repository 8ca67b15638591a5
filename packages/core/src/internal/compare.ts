/**
 * Pairwise comparison of two profiles: positive evidence (shared identifiers, agreeing names,
 * birthdays, companies) combined as independent signals, penalties for contrary evidence, and
 * hard conflicts that forbid a merge whatever else agrees. Weights live in one table so they
 * can be read, tuned and explained.
 */
import * as Email from "../Email.ts"
import * as Nickname from "../Nickname.ts"
import { jaroWinkler } from "./jaroWinkler.ts"
import type { Profile } from "./profile.ts"

/** Evidence weights: each is the probability-like strength of one signal on its own. */
export const weights = {
  twitterId: 0.99,
  linkedin: 0.97,
  email: 0.95,
  handle: 0.93,
  phone: 0.7,
  birthdayFull: 0.5,
  birthdayDayMonth: 0.25,
  birthdaySwapped: 0.15,
  company: 0.3,
  /** Name levels: [given level][family level]. */
  name: {
    exact: { exact: 0.9, partial: 0.81, similar: 0.7, missing: 0.55 },
    nickname: { exact: 0.86, partial: 0.77, similar: 0.65, missing: 0.45 },
    similar: { exact: 0.6, partial: 0.54, similar: 0.45, missing: 0.3 },
    initial: { exact: 0.5, partial: 0.45, similar: 0.35, missing: 0.1 },
    initials: { exact: 0.3, partial: 0.3, similar: 0.3, missing: 0.3 },
    missing: { exact: 0.15, partial: 0.1, similar: 0.05, missing: 0 },
  },
  /** Multipliers applied when no identifier is shared (name-based matches only). */
  penalty: {
    emailsDiffer: 0.97,
    emailsDifferSameDomain: 0.3,
    companiesDiffer: 0.9,
    phonesDiffer: 0.95,
    birthdaysDifferInOnePart: 0.6,
  },
} as const

/** Pairs scoring at least this are merged (subject to the no-chaining check). */
export const defaultThreshold = 0.85

type GivenLevel = "exact" | "nickname" | "similar" | "initial" | "initials" | "missing" | "different"
type FamilyLevel = "exact" | "partial" | "similar" | "missing" | "different"

interface NameMatch {
  readonly given: GivenLevel
  readonly family: FamilyLevel
  /** Words for the reason sentence. */
  readonly text: ReadonlyArray<string>
}

const shares = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): string | undefined =>
  a.find((x) => b.includes(x))

const hasName = (p: Profile): boolean => p.given.length > 0 || p.family.length > 0

const familyLevel = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): FamilyLevel => {
  if (a.length === 0 || b.length === 0) return "missing"
  const ja = a.join(" ")
  const jb = b.join(" ")
  if (ja === jb || a.join("") === b.join("")) return "exact"
  // Double-barrelled names and dropped particles: García López ~ García, van Beethoven ~ Beethoven.
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (short.every((t) => t.length > 1 && long.includes(t))) return "partial"
  if (Math.min(ja.length, jb.length) >= 4 && jaroWinkler(ja, jb) >= 0.92) return "similar"
  return "different"
}

const givenLevel = (a: Profile, b: Profile): { readonly level: GivenLevel; readonly text?: string } => {
  const ga = a.given[0]
  const gb = b.given[0]
  if (ga === undefined || gb === undefined) return { level: "missing" }
  const shown = `${a.givenRaw ?? ga}~${b.givenRaw ?? gb}`
  if (ga === gb || a.given.join("") === b.given.join("")) return { level: "exact" }
  if (ga.length === 1 || gb.length === 1) {
    const [init, full, initSide] = ga.length === 1 ? [ga, gb, a] : [gb, ga, b]
    if (full.startsWith(init)) return { level: "initial", text: `${shown} initial` }
    // "J. Robert Smith" goes by his middle name.
    if (initSide.middle[0] === full) return { level: "initial", text: `${shown} middle name` }
    return { level: "different" }
  }
  if (Nickname.areNicknames(ga, gb)) {
    // Formal name first: "Robert~Bob", whichever side it came from.
    const formalB = Nickname.canonical(gb).includes(gb) && !Nickname.canonical(ga).includes(ga)
    const text = formalB ? `${b.givenRaw ?? gb}~${a.givenRaw ?? ga}` : shown
    return { level: "nickname", text: `${text} nickname` }
  }
  // A nickname field on one side ("Robert 'Bob' Smith") matching the other's given name.
  if (
    a.nickname.some((n) => Nickname.areNicknames(n, gb)) ||
    b.nickname.some((n) => Nickname.areNicknames(n, ga))
  ) {
    return { level: "nickname", text: `${shown} nickname` }
  }
  const jw = jaroWinkler(ga, gb)
  if (Math.min(ga.length, gb.length) >= 3 && jw >= 0.9) {
    return { level: "similar", text: `${shown} similar (${jw.toFixed(2)})` }
  }
  const [short, long] = ga.length <= gb.length ? [ga, gb] : [gb, ga]
  if (short.length >= 3 && long.startsWith(short)) return { level: "similar", text: `${shown} prefix` }
  // "JD" for Jane Doe: a short given name that is the other's initials.
  const initialsOf = (p: Profile): string => [...p.given, ...p.family].map((t) => t[0]).join("")
  if (a.family.length === 0 && ga.length <= 3 && ga === initialsOf(b))
    return { level: "initials", text: `${shown} initials` }
  if (b.family.length === 0 && gb.length <= 3 && gb === initialsOf(a))
    return { level: "initials", text: `${shown} initials` }
  return { level: "different" }
}

const matchNames = (a: Profile, b: Profile): NameMatch => {
  // "Watson Noah" against "Noah Watson": the order was swapped somewhere.
  if (
    a.given.length > 0 &&
    a.family.length > 0 &&
    a.given.join(" ") === b.family.join(" ") &&
    a.family.join(" ") === b.given.join(" ") &&
    a.given.join(" ") !== a.family.join(" ")
  ) {
    return { given: "exact", family: "exact", text: ["given and family names swapped"] }
  }
  const g = givenLevel(a, b)
  const family = familyLevel(a.family, b.family)
  const text: Array<string> = []
  if (g.level === "exact") text.push("given name exact")
  else if (g.text !== undefined) text.push(g.text)
  else if (g.level === "missing" && (a.given.length > 0 || b.given.length > 0))
    text.push("given name on one side only")
  if (family === "exact") text.push("family name exact")
  else if (family === "partial") text.push("family names overlap")
  else if (family === "similar") text.push("family names similar")
  else if (family === "missing" && (a.family.length > 0 || b.family.length > 0))
    text.push("family name on one side only")
  return { given: g.level, family, text }
}

type BirthdayLevel = "same" | "dayMonth" | "swapped" | "typo" | "different" | "unknown"

/**
 * How two birthdays relate. One differing part (a digit slip in the year, month or day) is a
 * `typo`, which only weighs against name-only matches; two differing parts, or years more than
 * ten apart (a parent and child), are `different`, a hard conflict.
 */
const birthdays = (a: Profile, b: Profile): BirthdayLevel => {
  const x = a.birthday
  const y = b.birthday
  if (!x || !y) return "unknown"
  const years = x.year !== undefined && y.year !== undefined
  if (years && Math.abs(x.year! - y.year!) > 10) return "different"
  const dayMonth =
    x.month !== undefined && y.month !== undefined && x.day !== undefined && y.day !== undefined
  const sameDayMonth = dayMonth && x.month === y.month && x.day === y.day
  const swapped = dayMonth && !sameDayMonth && x.month === y.day && x.day === y.month
  let differing = years && x.year !== y.year ? 1 : 0
  if (dayMonth && !sameDayMonth && !swapped)
    differing += Number(x.month !== y.month) + Number(x.day !== y.day)
  if (differing >= 2) return "different"
  if (differing === 1) return "typo"
  if (sameDayMonth) return years ? "same" : "dayMonth"
  return swapped ? "swapped" : "unknown"
}

/** A decisive account id in common: the same Twitter account id or LinkedIn profile. */
const decisive = (a: Profile, b: Profile): boolean =>
  shares(a.twitterIds, b.twitterIds) !== undefined || shares(a.linkedin, b.linkedin) !== undefined

/**
 * Why two records cannot be one person, or undefined: different LinkedIn profiles or Twitter
 * account ids, different birthdays, Jr vs Sr, or clearly different names (unless they share a
 * Twitter id or LinkedIn profile, which outweighs a changed display name).
 */
export const conflict = (a: Profile, b: Profile): string | undefined =>
  conflictWith(a, b, () => namesOf(a, b))

const namesOf = (a: Profile, b: Profile): NameMatch | undefined =>
  hasName(a) && hasName(b) ? matchNames(a, b) : undefined

/** `conflict`, with the name comparison supplied (lazily: most conflicts are decided before it). */
const conflictWith = (a: Profile, b: Profile, names: () => NameMatch | undefined): string | undefined => {
  if (a.linkedin.length > 0 && b.linkedin.length > 0 && shares(a.linkedin, b.linkedin) === undefined) {
    return `different LinkedIn profiles (${a.linkedin[0]} vs ${b.linkedin[0]})`
  }
  if (
    a.twitterIds.length > 0 &&
    b.twitterIds.length > 0 &&
    shares(a.twitterIds, b.twitterIds) === undefined
  ) {
    return `different Twitter accounts (${a.twitterIds[0]} vs ${b.twitterIds[0]})`
  }
  if (birthdays(a, b) === "different") return "different birthdays"
  if (a.generation !== undefined && b.generation !== undefined && a.generation !== b.generation) {
    return `different generations (${a.generation} vs ${b.generation})`
  }
  const n = names()
  if (n === undefined || decisive(a, b)) return undefined
  if (n.given === "different") return `different given names (${a.givenRaw ?? ""} vs ${b.givenRaw ?? ""})`
  if (n.family === "different") return `different family names (${a.familyRaw ?? ""} vs ${b.familyRaw ?? ""})`
  return undefined
}

/**
 * Contrary evidence strong enough to keep a name-only match apart: different addresses at one
 * domain, whether an organisation's (two colleagues) or a mailbox provider's (two accounts, most
 * often two namesakes), and no address in common.
 */
export const softConflict = (a: Profile, b: Profile): string | undefined => {
  if (a.emails.length === 0 || b.emails.length === 0) return undefined
  if (
    shares(
      a.emails.map((e) => e.canonical),
      b.emails.map((e) => e.canonical),
    ) !== undefined
  )
    return undefined
  const domain = a.emails.find((e) => b.emails.some((f) => f.domain === e.domain))
  return domain ? `different e-mails at ${domain.domain}` : undefined
}

/** The outcome of comparing two profiles. */
export interface Comparison {
  readonly score: number
  readonly reason: string
  /** Set when a hard conflict forbids the merge (score is then 0). */
  readonly conflict?: string
  /** Whether an identifier (e-mail, phone, handle, Twitter id, LinkedIn profile) is shared. */
  readonly identified: boolean
}

const emailReason = (a: Profile, b: Profile, canonical: string): string => {
  const ea = a.emails.find((e) => e.canonical === canonical)!
  const eb = b.emails.find((e) => e.canonical === canonical)!
  if (ea.normalized === eb.normalized) return `same e-mail ${ea.normalized}`
  const provider = Email.provider(ea.normalized) ?? "provider"
  const [la, lb] = [ea.normalized.split("@")[0]!, eb.normalized.split("@")[0]!]
  const rules: Array<string> = []
  if (la.replace(/\./g, "") !== la || lb.replace(/\./g, "") !== lb) rules.push("dot")
  if (/[+-]/.test(la) || /[+-]/.test(lb)) rules.push("tag")
  if (ea.domain !== eb.domain) rules.push("domain")
  return `same e-mail after ${provider} ${rules.join("/") || "alias"} rules (${ea.normalized} = ${eb.normalized})`
}

/** Compares two profiles: a score in 0..1 and one sentence saying why. */
export const compare = (a: Profile, b: Profile): Comparison => {
  const names = namesOf(a, b)
  const c = conflictWith(a, b, () => names)
  if (c !== undefined) return { score: 0, reason: c, conflict: c, identified: false }
  const signals: Array<readonly [number, string]> = []
  const tw = shares(a.twitterIds, b.twitterIds)
  if (tw !== undefined) signals.push([weights.twitterId, `same Twitter account id ${tw}`])
  const li = shares(a.linkedin, b.linkedin)
  if (li !== undefined) signals.push([weights.linkedin, `same LinkedIn profile ${li}`])
  const email = shares(
    a.emails.map((e) => e.canonical),
    b.emails.map((e) => e.canonical),
  )
  if (email !== undefined) signals.push([weights.email, emailReason(a, b, email)])
  const handle = shares(a.handles, b.handles)
  if (handle !== undefined) signals.push([weights.handle, `same handle ${handle}`])
  const phone = shares(a.phones, b.phones)
  if (phone !== undefined) signals.push([weights.phone, `same phone ${phone}`])
  const identified = signals.length > 0
  if (names !== undefined) {
    const w =
      names.given === "different" || names.family === "different"
        ? 0
        : weights.name[names.given][names.family]
    signals.push([w, names.text.join("; ")])
  } else {
    signals.push([0, "no name on one side"])
  }
  const birthday = birthdays(a, b)
  if (birthday === "same") signals.push([weights.birthdayFull, "same birthday"])
  else if (birthday === "dayMonth") signals.push([weights.birthdayDayMonth, "same birthday (day and month)"])
  else if (birthday === "swapped")
    signals.push([weights.birthdaySwapped, "birthday with day and month swapped"])
  const company = shares(a.companies, b.companies)
  if (company !== undefined) signals.push([weights.company, `same company ${company}`])
  let score = 1 - signals.reduce((acc, [w]) => acc * (1 - w), 1)
  const notes: Array<string> = []
  if (!identified) {
    const soft = softConflict(a, b)
    if (soft !== undefined) {
      score *= weights.penalty.emailsDifferSameDomain
      notes.push(soft)
    } else if (a.emails.length > 0 && b.emails.length > 0) {
      score *= weights.penalty.emailsDiffer
      notes.push("different e-mails")
    }
    if (a.companies.length > 0 && b.companies.length > 0 && company === undefined) {
      score *= weights.penalty.companiesDiffer
      notes.push("different companies")
    }
    if (birthday === "typo") {
      score *= weights.penalty.birthdaysDifferInOnePart
      notes.push("birthdays differ in one part")
    }
    if (a.phones.length > 0 && b.phones.length > 0 && phone === undefined) {
      score *= weights.penalty.phonesDiffer
      notes.push("different phones")
    }
  }
  const reason = [...signals.map(([, t]) => t), ...notes].filter((t) => t !== "").join("; ")
  return { score: Math.round(score * 1000) / 1000, reason, identified }
}
