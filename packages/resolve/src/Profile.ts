/**
 * What resolution compares about a record, computed once per record: canonical identifiers,
 * folded and transliterated name parts with their nickname groups and phonetic codes, birthday,
 * companies and addresses reduced to comparable keys.
 */

import { type NameParts, key as recordKey, type SourceRecord } from "@blackbook/model/SourceRecord"
import * as Email from "@blackbook/normalize/Email"
import * as Handle from "@blackbook/normalize/Handle"
import * as Name from "@blackbook/normalize/Name"
import * as Nickname from "@blackbook/normalize/Nickname"
import * as Phone from "@blackbook/normalize/Phone"
import { readQuick, readsByMainRegion, supportedRegion } from "@blackbook/normalize/Phone"
import { charMask, jaroWinklerAtLeast, nameMask, textHash } from "@blackbook/normalize/Similarity"
import { scriptOf, toLatin } from "@blackbook/normalize/Transliterate"
import * as Url from "@blackbook/normalize/Url"
import { doubleMetaphone } from "double-metaphone"
import { Schema } from "effect"
import * as Steps from "./Steps.ts"

/**
 * The record fields a comparison can look at.
 *
 * @category models
 * @since 0.2.0
 */
export const Field = Schema.Literals([
  "given",
  "family",
  "birthday",
  "email",
  "phone",
  "handle",
  "twitterId",
  "linkedin",
  "document",
  "generation",
  "company",
  "address",
  "org",
  "title",
  "userName",
])
export type Field = typeof Field.Type

export interface ProfileEmail {
  readonly normalized: string
  readonly canonical: string
  /** The canonical local part and domain. */
  readonly local: string
  readonly domain: string
  /** A role address (info@, office@): shared by whoever does the job. */
  readonly generic: boolean
  /**
   * The character masks (`charMask`) of the canonical address and of its local part, as their
   * parts (`masksMayReach`), for quick rejections: kept in the address's own fields, two mask
   * objects per address were 112 bytes and two more reads of memory per pair of addresses.
   */
  readonly canonicalLo: number
  readonly canonicalHi: number
  readonly canonicalLo2: number
  readonly canonicalHi2: number
  readonly localLo: number
  readonly localHi: number
  readonly localLo2: number
  readonly localHi2: number
  /**
   * `textHash` of the canonical address, local part and domain: unequal hashes are unequal texts,
   * told apart without reading either string.
   */
  readonly canonicalHash: number
  readonly localHash: number
  readonly domainHash: number
  /**
   * The local part's letters a-z ("janedoe" for jane.doe_2), and the same with spelt-out umlauts
   * read back ("buesra" -> "busra"; "" when there is none), to tell user names made of a name.
   */
  readonly letters: string
  readonly lettersPlain: string
}

export interface ProfilePhone {
  /** E.164, or "" when the text is not a readable number. */
  readonly e164: string
  /** The last digits (up to 10), for numbers written with and without a country code. */
  readonly tail: string
}

export interface ProfileAddress {
  /** House number and first significant street word ("123 main"), or "" when either is missing. */
  readonly key: string
  readonly number: string
  readonly words: ReadonlyArray<string>
  readonly postcode: string
  readonly locality: string
  /** As written, for explanations. */
  readonly text: string
}

export interface Profile {
  readonly key: string
  /** The file the record came from (its key before the record's locator): one source's export. */
  readonly file: string
  /** Valid addresses, role addresses included (flagged `generic`). */
  readonly emails: ReadonlyArray<ProfileEmail>
  /** The addresses that are the person's own: `emails` without role addresses. */
  readonly ownEmails: ReadonlyArray<ProfileEmail>
  readonly phones: ReadonlyArray<ProfilePhone>
  /** `service:handle` of social accounts (Twitter handles from profile links included). */
  readonly handles: ReadonlyArray<string>
  readonly twitterIds: ReadonlyArray<string>
  readonly linkedin: ReadonlyArray<string>
  /** Identity documents, `type:NUMBER` (ssn, passport, drivers-license, national-id, tax-id). */
  readonly documents: ReadonlyArray<string>
  /** The given name as written (for reasons). */
  readonly givenRaw: string | undefined
  /** First given word, folded and transliterated ("" when none); all given words joined. */
  readonly given: string
  readonly givenAll: string
  readonly middle: ReadonlyArray<string>
  /** Words of a nickname field ("Scooter"). */
  readonly nickname: ReadonlyArray<string>
  readonly familyRaw: string | undefined
  /** Family words joined with a space ("" when none) and the words. */
  readonly family: string
  readonly familyWords: ReadonlyArray<string>
  /** The family words joined without spaces ("vanderberg" for "van der Berg"). */
  readonly familyAll: string
  /** `nameMask` of givenAll and familyAll, for quick rejections before Jaro-Winkler. */
  readonly givenMask: number
  readonly familyMask: number
  /** Nickname group keys of the first given word (the word itself when unknown). */
  readonly givenGroups: ReadonlyArray<string>
  /** Double Metaphone codes (primary, alternate) of the first given word and of the family name. */
  readonly givenCodes: readonly [string, string]
  readonly familyCodes: readonly [string, string]
  /** "other" for names in a script that is neither Latin nor transliterated (Han, Arabic...). */
  readonly script: "latin" | "other"
  /** jr, sr, i, ii, iii, iv. */
  readonly generation: string | undefined
  /** Every part present, undefined when unknown: one shape for every profile, read per pair. */
  readonly birthday:
    | {
        readonly year: number | undefined
        readonly month: number | undefined
        readonly day: number | undefined
      }
    | undefined
  /** Folded company names without legal forms. */
  readonly companies: ReadonlyArray<string>
  /** `nameMask` of each company, for quick rejections before Jaro-Winkler. */
  readonly companyMasks: ReadonlyArray<number>
  readonly addresses: ReadonlyArray<ProfileAddress>
  /** The organisation's folded name when the record names no person, only a company. */
  readonly org: string
  /** Folded job titles ("finance director"). */
  readonly titles: ReadonlyArray<string>
  /**
   * Employers told by the person's work e-mail domains (not mailbox providers), folded as company
   * keys are: "umbrella health" for umbrella-health.co.uk. Evidence for a company the other record
   * names, never against one.
   */
  readonly domainEmployers: ReadonlyArray<string>
  /**
   * The fields the record has, as `fieldBits` (e-mail: an address of the person's own): a pair
   * whose sides do not both have a field is in that field's null level, told without reading it.
   */
  readonly present: number
  /**
   * Which of `ownEmails` (bit i for the i-th of the first 31) are made of the profile's own name
   * (`nameDerived`): blocking and the e-mail comparisons ask it for every key and pair.
   */
  readonly ownDerived: number
}

/** `Profile.ownDerived` of addresses under a given name and family words. */
export const derivedMask = (
  emails: ReadonlyArray<ProfileEmail>,
  given: string,
  familyAll: string,
): number => {
  let mask = 0
  for (let i = 0; i < emails.length && i < 31; i++)
    if (derivedFrom(emails[i]!, given, familyAll)) mask |= 1 << i
  return mask
}

/** Whether the profile's i-th own address is made of its name (`nameDerived`), from the mask. */
export const ownDerivedAt = (p: Profile, i: number): boolean =>
  i < 31 ? ((p.ownDerived >>> i) & 1) === 1 : nameDerived(p.ownEmails[i]!, p)

/** One bit per comparison field, for `Profile.present`. */
export const fieldBits: Readonly<Record<Field, number>> = {
  given: 1 << 0,
  family: 1 << 1,
  birthday: 1 << 2,
  email: 1 << 3,
  phone: 1 << 4,
  handle: 1 << 5,
  twitterId: 1 << 6,
  linkedin: 1 << 7,
  document: 1 << 8,
  generation: 1 << 9,
  company: 1 << 10,
  address: 1 << 11,
  org: 1 << 12,
  title: 1 << 13,
  userName: 1 << 14,
}

/** `Profile.present` of a profile's fields. */
const presentOf = (p: Omit<Profile, "present" | "ownDerived">): number =>
  (p.given !== "" ? fieldBits.given : 0) |
  (p.family !== "" ? fieldBits.family : 0) |
  (p.birthday !== undefined ? fieldBits.birthday : 0) |
  (p.ownEmails.length > 0 ? fieldBits.email : 0) |
  (p.phones.length > 0 ? fieldBits.phone : 0) |
  (p.handles.length > 0 ? fieldBits.handle : 0) |
  (p.twitterIds.length > 0 ? fieldBits.twitterId : 0) |
  (p.linkedin.length > 0 ? fieldBits.linkedin : 0) |
  (p.documents.length > 0 ? fieldBits.document : 0) |
  (p.generation !== undefined ? fieldBits.generation : 0) |
  // A work e-mail names an employer the other side's company can be compared with.
  (p.companies.length > 0 || p.domainEmployers.length > 0 ? fieldBits.company : 0) |
  (p.addresses.length > 0 ? fieldBits.address : 0) |
  (p.org !== "" ? fieldBits.org : 0) |
  (p.titles.length > 0 ? fieldBits.title : 0) |
  // A name on one side, an address on the other: `Comparison` reads one as the other.
  (p.given !== "" || p.family !== "" || p.ownEmails.length > 0 ? fieldBits.userName : 0)

// One shared empty list and empty code pair: most profiles lack most fields, and profiles each
// holding their own empty arrays add up on a big import.
const none: ReadonlyArray<never> = Object.freeze([])
const noCodes: readonly [string, string] = Object.freeze(["", ""] as const)
const list = <A>(xs: ReadonlyArray<A>): ReadonlyArray<A> => (xs.length === 0 ? none : xs)

const uniq = <A>(xs: ReadonlyArray<A>): ReadonlyArray<A> =>
  xs.length === 0 ? none : xs.length === 1 ? xs : [...new Set(xs)]

/** Handle services that are identity documents rather than accounts. */
export const documentServices: ReadonlySet<string> = new Set([
  "ssn",
  "passport",
  "drivers-license",
  "national-id",
  "tax-id",
])

/**
 * The region for national phone numbers when the caller gave none: the one most of the records'
 * international numbers belong to (read lazily, from a sample).
 */
export const dominantRegion = (...lists: ReadonlyArray<ReadonlyArray<SourceRecord>>): string | undefined =>
  Steps.runSync(dominantRegionSteps(...lists))

/**
 * `dominantRegion` cut into steps (see `Steps`): it pauses between numbers (parsing one is
 * costly) and reports nothing.
 *
 * @category constructors
 * @since 0.3.0
 */
export function* dominantRegionSteps(
  ...lists: ReadonlyArray<ReadonlyArray<SourceRecord>>
): Steps.Steps<string | undefined> {
  const tally = Phone.regionTally()
  let read = 0
  for (const records of lists)
    for (const r of records)
      for (const p of r.phones) {
        if ((++read & 15) === 0) yield
        if (!tally.add(p.value)) return tally.best()
      }
  return tally.best()
}

// A map, not an object: a name word such as "constructor" must not find Object's own members.
const generations: ReadonlyMap<string, string> = new Map([
  ["jr", "jr"],
  ["jnr", "jr"],
  ["junior", "jr"],
  ["sr", "sr"],
  ["snr", "sr"],
  ["senior", "sr"],
  ["i", "i"],
  ["ii", "ii"],
  ["iii", "iii"],
  ["iv", "iv"],
  ["2nd", "ii"],
  ["3rd", "iii"],
])

// Phonetic codes and nickname groups are asked for the same few names again and again.
const codeCache = new Map<string, readonly [string, string]>()
const codes = (word: string): readonly [string, string] => {
  if (word === "") return noCodes
  let c = codeCache.get(word)
  if (c === undefined) {
    const [p, a] = doubleMetaphone(word)
    c = [p, a]
    if (codeCache.size > 200_000) codeCache.clear()
    codeCache.set(word, c)
  }
  return c
}

const streetTypes: ReadonlySet<string> = new Set([
  "street",
  "st",
  "str",
  "strasse",
  "road",
  "rd",
  "avenue",
  "ave",
  "av",
  "lane",
  "ln",
  "drive",
  "dr",
  "place",
  "pl",
  "boulevard",
  "blvd",
  "court",
  "ct",
  "crescent",
  "cres",
  "way",
  "terrace",
  "tce",
  "parade",
  "pde",
  "close",
  "cl",
  "circuit",
  "cct",
  "highway",
  "hwy",
  "square",
  "sq",
  "n",
  "s",
  "e",
  "w",
  "north",
  "south",
  "east",
  "west",
  "ne",
  "nw",
  "se",
  "sw",
  "no",
  "apt",
  "unit",
  "suite",
  "ste",
  "po",
  "box",
])

// Dropped from company names: the legal forms, and the article ("The Acme Company" -> "acme").
const companyNoise: ReadonlySet<string> = new Set([...Name.legalForms, "the"])

// Folded, transliterated words of a name field, remembered per text: names repeat from record to
// record, and profiles that share one list of words also share its memory.
const wordCache = new Map<string, ReadonlyArray<string>>()
const latinWords = (text: string): ReadonlyArray<string> => {
  if (text === "") return none
  let words = wordCache.get(text)
  if (words === undefined) {
    const t = Name.tokens(text).map(toLatin)
    words = t.length === 0 ? none : t
    if (wordCache.size >= 200_000) wordCache.clear()
    wordCache.set(text, words)
  }
  return words
}

/** Folded company words without legal forms, joined ("Acme Corp." -> "acme"). */
export const companyKey = (company: string): string =>
  latinWords(company)
    .filter((t) => !companyNoise.has(t))
    .join(" ")

const ordinal = /^\d+(?:st|nd|rd|th)$/
const unitCode = /#\s*\d+\s*-\s*\d+[a-z]?\b/gi

const addressOf = (a: SourceRecord["addresses"][number]): ProfileAddress | undefined => {
  const text = [a.street, a.extended, a.poBox].filter((s) => s !== undefined && s.trim() !== "").join(" ")
  const full = text !== "" ? text : (a.formatted ?? "")
  // A unit written floor-unit after "#" ("#01-11", Singapore and Malaysia) is not the house number.
  const tokens = Name.tokens(full.replace(/ß/g, "ss").replace(unitCode, " ")).map(toLatin)
  const postcodeGiven = (a.postalCode ?? "").replace(/\s+/g, "").toLowerCase()
  let number = ""
  let numberAt = -1
  const words: Array<string> = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (/^\d+[a-z]?$/.test(t)) {
      if (number === "" && t !== postcodeGiven) {
        number = t
        numberAt = i
      }
      continue
    }
    // "Ansbacherstrasse", "Hardenbergstraße": the street type glued to the name.
    const glued = /^(.{3,})(strasse|str|gasse|weg|platz)$/.exec(t)
    const w = glued ? glued[1]! : t
    if (!streetTypes.has(w) && w.length > 1) words.push(w)
  }
  // The house number's street: the word after it ("123 Main St"), else the one before it ("Hauptstraße 1").
  let street = ""
  if (numberAt >= 0) {
    for (let i = numberAt + 1; i < tokens.length && street === ""; i++) {
      const t = tokens[i]!
      // A numbered street ("3212 W 32nd St") is named by its ordinal; any other number ends the street.
      if (ordinal.test(t)) street = t
      else if (/^\d/.test(t)) break
      else if (!streetTypes.has(t) && t.length > 1) street = t
    }
    for (let i = numberAt - 1; i >= 0 && street === ""; i--) {
      const t = tokens[i]!
      const glued = /^(.{3,})(strasse|str|gasse|weg|platz)$/.exec(t)
      const w = glued ? glued[1]! : t
      if (!streetTypes.has(w) && w.length > 1 && !/^\d/.test(w)) street = w
    }
  }
  // A US ZIP or similar at the end of a one-line address.
  let postcode = postcodeGiven
  if (postcode === "") {
    const last = tokens[tokens.length - 1]
    if (last !== undefined && /^\d{4,6}$/.test(last) && tokens.length > 2 && last !== number) postcode = last
  }
  const locality = Name.tokens(a.locality ?? "").join(" ")
  if (number === "" && words.length === 0 && postcode === "" && locality === "") return undefined
  return {
    key: number !== "" && street !== "" ? `${number} ${street}` : "",
    number,
    words,
    postcode: postcode.replace(/^0+(?=\d{5})/, ""),
    locality,
    text: [full, a.locality, a.postalCode].filter((s) => s !== undefined && s.trim() !== "").join(", "),
  }
}

const digitsOf = (raw: string): string => raw.replace(/\D+/g, "")

/**
 * Reads a phone text as E.164 (undefined when it is not a readable number). With the record it
 * came from, a national number is read in that record's country (`phoneRegions`).
 */
export type PhoneReader = (raw: string, record?: SourceRecord) => string | undefined

const writtenInternational = /^\s*(?:tel:)?\s*(?:\+|00[1-9])/i

/**
 * The regions to read a record's national phone numbers in (`Phone.regionsFor`: its addresses'
 * country, its numbers written with a country code, then `fallback`), or undefined when that is
 * `fallback` alone or the record has no national number to read (the import's reading serves).
 */
export const phoneRegions = (
  record: SourceRecord,
  fallback: string | undefined,
): ReadonlyArray<string> | undefined => {
  const phones = record.phones
  if (phones.length === 0) return undefined
  let national = false
  let international = false
  for (const p of phones) {
    if (writtenInternational.test(p.value)) international = true
    else national = true
  }
  if (!national) return undefined
  let countries: Array<string> | undefined
  for (const a of record.addresses)
    if (a.country !== undefined && a.country.trim() !== "") countries = push(countries, a.country)
  if (countries === undefined && !international) return undefined
  const regions = Phone.regionsFor({
    countries: countries ?? none,
    numbers: international ? phones.map((p) => p.value) : none,
    ...(fallback !== undefined ? { fallback } : {}),
  })
  return regions.length === 0 || (regions.length === 1 && regions[0] === supportedRegion(fallback))
    ? undefined
    : regions
}

/**
 * A phone text read among a record's regions (`Phone.readAmong`): a number as E.164, a full-length
 * number valid nowhere by its digits alone (no country it may not have), a fragment not at all.
 */
const phoneFieldsAmong = (raw: string, regions: ReadonlyArray<string>): ProfilePhone | null => {
  const r = Phone.readAmong(raw, regions)
  switch (r._tag) {
    case "Number":
      return { e164: r.e164, tail: digitsOf(r.e164).slice(-10) }
    case "Digits":
      return r.digits.length < 7 ? null : { e164: "", tail: r.digits.slice(-10) }
    case "Fragment":
      return null
  }
}

// Digits with spaces, dots, dashes and brackets between them, an optional + first, and no
// bracketed trunk zero ("+44 (0)20"): libphonenumber reads all such spellings of one digit string
// alike, so they can share one parse.
const plainNumber = /^\s*\+?[\d\s().-]*$/
const trunkZero = /\(\s*0\s*\)/

/** The text a phone number's parse can be remembered under. */
export const phoneMemoKey = (raw: string): string =>
  plainNumber.test(raw) && !trunkZero.test(raw) ? raw.replace(/[^\d+]/g, "") : raw

/**
 * `Phone.toE164` in `region`, remembered per number (spellings differing only in spacing and
 * punctuation count as one): parsing is the costliest part of a profile, a person's number comes
 * in several records, and merged contacts read the same texts again.
 */
export const phoneReader = (region: string | undefined): PhoneReader => {
  const memo = new Map<string, string | null>()
  const selfReading = readsByMainRegion(region)
  const home = supportedRegion(region)
  return (raw) => {
    const key = phoneMemoKey(raw)
    let v = memo.get(key)
    if (v === undefined) {
      // "+447700900123", "07700 900123" and their other spellings: mostly read without a parse
      // (`internal/international`).
      v = (selfReading ? readQuick(key, home) : undefined) ?? Phone.toE164(raw, region) ?? null
      memo.set(key, v)
      // A number read from its national form is often written in E.164 by another source (the
      // phone book's 07700 900123, the mail client's +447700900123). Where an E.164 number
      // reads as itself (`readsByMainRegion`, tested), that spelling is remembered now.
      if (selfReading && v !== null && v !== key && !memo.has(v)) memo.set(v, v)
    }
    return v ?? undefined
  }
}

/** The same text as one string: `domain` is asked for each address, and few domains recur often. */
type Interner = (s: string) => string

const asIs: Interner = (s) => s

const emailFieldsOf = (raw: string, intern: Interner = asIs): ProfileEmail | null => {
  const normalized = Email.normalize(raw)
  if (!Email.isValid(normalized)) return null
  // The mailbox: the provider's own alias rules, and a `+tag` sub-address on any domain (an
  // invitation to ana+work@acme.example reaches ana@acme.example).
  const canonical = Email.mailbox(normalized)
  const at = canonical.lastIndexOf("@")
  const local = canonical.slice(0, at)
  const domain = intern(canonical.slice(at + 1))
  const letters = local.replace(/[^a-z]+/g, "")
  const whole = charMask(canonical)
  const user = charMask(local)
  // The hashes first: most pairs of addresses are told apart by them alone, read from the
  // object's first cache line; the masks next, for most of the rest.
  return {
    canonicalHash: textHash(canonical),
    domainHash: textHash(domain),
    localHash: textHash(local),
    canonicalLo: whole.lo,
    canonicalHi: whole.hi,
    canonicalLo2: whole.lo2,
    canonicalHi2: whole.hi2,
    localLo: user.lo,
    localHi: user.hi,
    localLo2: user.lo2,
    localHi2: user.hi2,
    canonical,
    domain,
    local,
    generic: Email.isGeneric(normalized),
    letters,
    lettersPlain: /[aou]e/.test(letters) ? letters.replace(/([aou])e/g, "$1") : "",
    normalized,
  }
}

/**
 * Whether an e-mail user name is made of its owner's name (jane.doe, jdoe, doe.jane2, janed):
 * two namesakes' addresses are alike for that reason alone, so their likeness is no evidence
 * beyond the names'.
 */
export const nameDerived = (e: ProfileEmail, p: Profile): boolean => derivedFrom(e, p.given, p.familyAll)

const derivedFrom = (e: ProfileEmail, g: string, f: string): boolean => {
  if (g === "" || f === "" || e.letters.length < 2) return false
  return madeOf(e.letters, g, f) || (e.lettersPlain !== "" && madeOf(e.lettersPlain, g, f))
}

/** Whether `l` is `x` then `y`, without building the joined text. */
const joins = (l: string, x: string, y: string): boolean =>
  l.length === x.length + y.length && l.startsWith(x) && l.endsWith(y)

/**
 * Whether an e-mail user name (its letters) is made of a whole name: given + family either way
 * round, initial + family, family + initial (a lone given or family name is anyone's).
 */
export const madeOfFullName = (l: string, g: string, f: string): boolean =>
  g !== "" &&
  f !== "" &&
  (joins(l, g, f) ||
    joins(l, f, g) ||
    (l.length === f.length + 1 && l.charCodeAt(0) === g.charCodeAt(0) && l.endsWith(f)) ||
    (l.length === f.length + 1 && l.startsWith(f) && l.charCodeAt(l.length - 1) === g.charCodeAt(0)))

/** given + family either way round, initial + family, family + initial, given + initial, one alone. */
const madeOf = (l: string, g: string, f: string): boolean =>
  l === g ||
  l === f ||
  joins(l, g, f) ||
  joins(l, f, g) ||
  (l.length === f.length + 1 && l.charCodeAt(0) === g.charCodeAt(0) && l.endsWith(f)) ||
  (l.length === f.length + 1 && l.startsWith(f) && l.charCodeAt(l.length - 1) === g.charCodeAt(0)) ||
  (l.length === g.length + 1 && l.startsWith(g) && l.charCodeAt(l.length - 1) === f.charCodeAt(0))

/** The name fields of a profile: all of them follow from the record's name parts alone. */
type NameFields = Pick<
  Profile,
  | "givenRaw"
  | "given"
  | "givenAll"
  | "middle"
  | "nickname"
  | "familyRaw"
  | "family"
  | "familyWords"
  | "familyAll"
  | "givenMask"
  | "familyMask"
  | "givenGroups"
  | "givenCodes"
  | "familyCodes"
  | "script"
  | "generation"
>

/** The generation a name's last word states, when it has words before it ("Morris II"). */
const trailingGeneration = (ws: ReadonlyArray<string>): string | undefined => {
  const last = ws[ws.length - 1]
  return ws.length >= 2 && last !== undefined ? generations.get(last) : undefined
}

const nameFieldsOf = (name: NameParts): NameFields => {
  const parts = Name.parse(name)
  let givenWords = latinWords(parts.given ?? "")
  const nickname = latinWords(parts.nickname ?? "")
  let familyWords = latinWords(parts.family ?? "")
  const middle = latinWords(parts.middle ?? "")
  let generation: string | undefined = Name.generation(parts)
  // "Morris II", "Smith Sr": a generation written into the given or family field.
  const givenGeneration = trailingGeneration(givenWords)
  if (givenGeneration !== undefined) {
    generation ??= givenGeneration
    givenWords = givenWords.slice(0, -1)
  }
  const familyGeneration = trailingGeneration(familyWords)
  if (familyGeneration !== undefined) {
    generation ??= familyGeneration
    familyWords = familyWords.slice(0, -1)
  }
  if (givenWords.length === 0) givenWords = nickname
  const given = givenWords[0] ?? ""
  const family = familyWords.join(" ")
  const givenAll = givenWords.join("")
  const familyAll = familyWords.join("")
  const script = scriptOf(`${givenAll}${family}`)
  return {
    givenRaw: parts.given ?? parts.nickname,
    given,
    givenAll,
    middle,
    nickname: list(nickname),
    familyRaw: parts.family,
    family,
    familyWords: list(familyWords),
    familyAll,
    givenMask: nameMask(givenAll),
    familyMask: nameMask(familyAll),
    givenGroups:
      given !== "" && script === "latin" ? Nickname.canonical(given) : given !== "" ? [given] : none,
    givenCodes: script === "latin" ? codes(given) : noCodes,
    familyCodes: script === "latin" ? codes(familyAll) : noCodes,
    script,
    generation,
  }
}

/**
 * Reads records into profiles for one import: each name, e-mail and phone spelling is read once
 * and the profiles repeating it share the result (a person comes in several records, names
 * recur across people). The memory goes with the reader.
 */
export interface Reader {
  (record: SourceRecord): Profile
  /**
   * The reader's phone reader, for merging the same texts later: `phoneReader`'s answers, found
   * first among the numbers the profiles read.
   */
  readonly phone: PhoneReader
  /** The reader's e-mail fields of an address as written (null when it is not a valid address). */
  readonly email: (raw: string) => ProfileEmail | null
}

/** Remembers `f` per key in `cache`. */
const memo = <A>(cache: Map<string, A>, key: string, f: () => A): A => {
  let v = cache.get(key)
  if (v === undefined) {
    v = f()
    cache.set(key, v)
  }
  return v
}

/** What `build` reads a record's values with: remembered per spelling by a `reader`. */
interface Readers {
  readonly name: (name: NameParts) => NameFields
  readonly email: (raw: string) => ProfileEmail | null
  /** A phone text, read among `regions` when the record has its own (`phoneRegions`). */
  readonly phone: (raw: string, regions: ReadonlyArray<string> | undefined) => ProfilePhone | null
  readonly companies: (organizations: SourceRecord["organizations"]) => CompanyFields
  /** The file part of a record key, one string per file. */
  readonly file: (key: string) => string
  /** The import's region for national numbers. */
  readonly region: string | undefined
}

const fileOf = (key: string): string => {
  const hash = key.lastIndexOf("#")
  return hash < 0 ? key : key.slice(0, hash)
}

/**
 * The words of a LinkedIn profile's address made of a name ("kwame-lefebvre", "chloe-stewart-779a"):
 * two words of letters, a trailing suffix with digits dropped; none otherwise.
 */
const slugNameWords = (slug: string): readonly [string, string] | undefined => {
  const words = slug.split("-")
  while (words.length > 0 && /\d/.test(words[words.length - 1]!)) words.pop()
  if (words.length !== 2) return undefined
  const [g, f] = words.map((w) => latinWords(w)) as [ReadonlyArray<string>, ReadonlyArray<string>]
  if (g.length !== 1 || f.length !== 1 || g[0]!.length < 2 || f[0]!.length < 2) return undefined
  return [g[0]!, f[0]!]
}

/**
 * A record's name beside its one LinkedIn profile address: LinkedIn makes the address from the
 * name the person signed up with, so when the address agrees with one part of the displayed
 * name and not the other ("Kwane Lefebvre" at kwame-lefebvre, "Abey Gallagher" at
 * abigail-gallagher) the displayed part is a typo or a nickname, and the address's spelling is
 * the one other exports use. The record is compared under the address's name.
 */
const nameBesideSlug = (
  n: NameFields,
  linkedin: ReadonlyArray<string> | undefined,
  read: Readers,
): NameFields => {
  if (linkedin === undefined || n.script !== "latin") return n
  if (n.given === "" || n.familyWords.length !== 1) return n
  // A handle and a URL of one profile are one address; two profiles say nothing of the name.
  if (linkedin.some((l) => l !== linkedin[0])) return n
  const words = slugNameWords(linkedin[0]!)
  if (words === undefined) return n
  const [g, f] = words
  const givenAgrees = g === n.given
  const familyAgrees = f === n.familyAll
  if (givenAgrees === familyAgrees) return n
  const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1)
  return read.name(
    givenAgrees
      ? { given: n.givenRaw ?? capital(g), family: capital(f) }
      : { given: capital(g), family: n.familyRaw ?? capital(f) },
  )
}

/**
 * The given name an X handle spells beside the displayed family name: `isabellakhan` (given +
 * family) or `isabella_kha` (given, an underscore, the family name's start); none otherwise.
 */
const handleGiven = (handle: string, familyAll: string): string | undefined => {
  if (!/^[a-z]+(_[a-z]+)?$/.test(handle)) return undefined
  const cut = handle.indexOf("_")
  const given =
    cut > 0
      ? handle.length - cut - 1 >= 3 && familyAll.startsWith(handle.slice(cut + 1))
        ? handle.slice(0, cut)
        : undefined
      : handle.endsWith(familyAll)
        ? handle.slice(0, handle.length - familyAll.length)
        : undefined
  return given !== undefined && given.length >= 2 ? given : undefined
}

/**
 * A record's name beside its one X handle: people pick a handle from their name, often the
 * formal one ("Bella Khan" as @isabellakhan, "Andy Walker" as @andrew_wal), or spelled without
 * the display name's typo. When the handle spells the displayed family name and a given name in
 * the displayed one's nickname group or a letter or two from it, the record is compared under the
 * handle's given name, the spelling other exports use. A handle whose start is anything else
 * ("realjohn") is left alone.
 */
const nameBesideHandle = (
  n: NameFields,
  handles: ReadonlyArray<string> | undefined,
  read: Readers,
): NameFields => {
  if (handles === undefined || n.script !== "latin" || n.given === "" || n.familyWords.length !== 1) return n
  let handle: string | undefined
  for (const h of handles) {
    if (!h.startsWith("twitter:")) continue
    if (handle !== undefined && handle !== h) return n
    handle = h
  }
  if (handle === undefined) return n
  const given = handleGiven(handle.slice("twitter:".length).toLowerCase(), n.familyAll)
  if (given === undefined || given === n.given) return n
  const related =
    Nickname.canonical(given).some((g) => n.givenGroups.includes(g)) ||
    jaroWinklerAtLeast(given, n.given, 0.85)
  if (!related) return n
  return read.name({ given: given.charAt(0).toUpperCase() + given.slice(1), family: n.familyRaw ?? n.family })
}

/**
 * A letter or two off, not another form of the name: an address spelled "kate" beside a displayed
 * "Katherine" is the person's choice of name, and other exports may use either.
 */
const typo = (written: string, displayed: string): boolean =>
  Math.abs(written.length - displayed.length) <= 1 && jaroWinklerAtLeast(written, displayed, 0.85)

/**
 * The name an address's user name spells beside a record's displayed name, when it is two words
 * (`rosie.graham`, `graham_rosie`, `lewis-laurent7`) of which one is a displayed part and the other
 * the other part a letter or two off ("Rosei Graham", "Lewis Laaurent"); none otherwise.
 */
const userNameSpelling = (email: ProfileEmail, n: NameFields): readonly [string, string] | undefined => {
  const at = email.normalized.lastIndexOf("@")
  const user = email.normalized.slice(0, at).replace(/\+.*$/, "").replace(/\d+$/, "")
  const words = user.split(/[._-]/)
  // One word: given and family run together (`yukishaw`), split where a displayed part is.
  if (words.length === 1 && /^[a-z]+$/.test(user)) {
    if (user.endsWith(n.familyAll) && user.length - n.familyAll.length >= 2)
      words.splice(0, 1, user.slice(0, user.length - n.familyAll.length), n.familyAll)
    else if (user.startsWith(n.given) && user.length - n.given.length >= 2)
      words.splice(0, 1, n.given, user.slice(n.given.length))
  }
  if (words.length !== 2 || !words.every((w) => /^[a-z]{2,}$/.test(w))) return undefined
  for (const [x, y] of [words, [words[1]!, words[0]!]] as const) {
    if (y === n.familyAll && x !== n.given && typo(x, n.given)) return [x, n.familyAll]
    if (x === n.given && y !== n.familyAll && typo(y, n.familyAll)) return [n.given, y]
  }
  return undefined
}

/**
 * A record's name beside its own addresses: people's addresses are made of their names, spelled
 * as they spell them, so a displayed name a letter off the address's spelling of it ("Rosei
 * Graham" at rosie.graham@) is compared under the address's spelling, the one other exports
 * use. Addresses that spell it two ways leave the name alone.
 */
const nameBesideUserNames = (
  n: NameFields,
  emails: ReadonlyArray<ProfileEmail> | undefined,
  read: Readers,
): NameFields => {
  if (emails === undefined || n.script !== "latin" || n.given === "" || n.familyWords.length !== 1) return n
  let spelled: readonly [string, string] | undefined
  for (const e of emails) {
    if (e.generic) continue
    const s = userNameSpelling(e, n)
    if (s === undefined) continue
    if (spelled !== undefined && (spelled[0] !== s[0] || spelled[1] !== s[1])) return n
    spelled = s
  }
  if (spelled === undefined) return n
  const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1)
  return read.name({
    given: spelled[0] === n.given ? (n.givenRaw ?? capital(spelled[0])) : capital(spelled[0]),
    family: spelled[1] === n.familyAll ? (n.familyRaw ?? capital(spelled[1])) : capital(spelled[1]),
  })
}

/** A profile reader for one import, reading national phone numbers in `region`. */
export const reader = (region: string | undefined): Reader => {
  const names = new Map<string, NameFields>()
  const byGiven = new Map<string, Map<string, NameFields>>()
  const emails = new Map<string, ProfileEmail | null>()
  const phones = new Map<string, ProfilePhone | null>()
  const companies = new Map<string, CompanyFields>()
  const domains = new Map<string, string>()
  const domain: Interner = (d) => memo(domains, d, () => d)
  const files = new Map<string, string>()
  const phone = phoneReader(region)
  const phoneFields = (raw: string): ProfilePhone | null => memo(phones, raw, () => phoneFieldsOf(raw, phone))
  // Numbers of records with regions of their own, remembered by regions and text.
  const phonesAmong = new Map<string, ProfilePhone | null>()
  const phoneIn = (raw: string, regions: ReadonlyArray<string> | undefined): ProfilePhone | null =>
    regions === undefined
      ? phoneFields(raw)
      : memo(phonesAmong, `${regions.join(",")}\u0001${raw}`, () => phoneFieldsAmong(raw, regions))
  // For the merged contacts, which read every number again: found by the text as written, whose
  // hash V8 keeps from the profiles' lookup (no memo key to build and hash anew). A number read as
  // unreadable (fewer than 7 digits) is asked of `phone` itself.
  // A record's regions, for each of its numbers in turn (the merge reads a record's numbers one
  // after another; working the regions out again parsed its international numbers each time).
  let lastRecord: SourceRecord | undefined
  let lastRegions: ReadonlyArray<string> | undefined
  const regionsOf = (record: SourceRecord): ReadonlyArray<string> | undefined => {
    if (record !== lastRecord) {
      lastRegions = phoneRegions(record, region)
      lastRecord = record
    }
    return lastRegions
  }
  const phoneAgain: PhoneReader = (raw, record) => {
    const regions = record === undefined ? undefined : regionsOf(record)
    if (regions !== undefined) return phoneIn(raw, regions)?.e164 || undefined
    const fields = phoneFields(raw)
    if (fields === null) return phone(raw)
    return fields.e164 === "" ? undefined : fields.e164
  }
  const readers: Readers = {
    name: (name) => {
      // Given and family alone, the common case: looked up by the two texts, no key built.
      if (
        name.prefix === undefined &&
        name.middle === undefined &&
        name.suffix === undefined &&
        name.nickname === undefined &&
        name.formatted === undefined
      ) {
        const g = name.given ?? ""
        let byFamily = byGiven.get(g)
        if (byFamily === undefined) {
          byFamily = new Map()
          byGiven.set(g, byFamily)
        }
        return memo(byFamily, name.family ?? "", () => nameFieldsOf(name))
      }
      return memo(
        names,
        `${name.prefix ?? ""}\u0001${name.given ?? ""}\u0001${name.middle ?? ""}\u0001${name.family ?? ""}\u0001${name.suffix ?? ""}\u0001${name.nickname ?? ""}\u0001${name.formatted ?? ""}`,
        () => nameFieldsOf(name),
      )
    },
    email: (raw) => memo(emails, raw, () => emailFieldsOf(raw, domain)),
    phone: phoneIn,
    // One employer is the common case: its key list is shared by everyone who names it.
    companies: (organizations) => {
      const only = organizations.length === 1 ? organizations[0]! : undefined
      return only === undefined
        ? companyFieldsOf(organizations)
        : memo(companies, `${only.company ?? ""}\u0001${only.title ?? ""}`, () =>
            companyFieldsOf(organizations),
          )
    },
    file: (key) => {
      const f = fileOf(key)
      return memo(files, f, () => f)
    },
    region,
  }
  const read = (record: SourceRecord): Profile => build(record, readers)
  return Object.assign(read, { phone: phoneAgain, email: readers.email })
}

/**
 * Builds the comparison profile of one record; `region` reads national phone numbers (through
 * `phone` when given: a `phoneReader` of the same region). For many records, use a `reader`.
 */
export const make = (record: SourceRecord, region: string | undefined, phone?: PhoneReader): Profile => {
  const readPhone = phone ?? ((raw: string) => Phone.toE164(raw, region))
  return build(record, {
    name: nameFieldsOf,
    email: (raw) => emailFieldsOf(raw),
    phone: (raw, regions) =>
      regions === undefined ? phoneFieldsOf(raw, readPhone) : phoneFieldsAmong(raw, regions),
    companies: companyFieldsOf,
    file: fileOf,
    region,
  })
}

// Few domains, each asked for every address at it.
const employerCache = new Map<string, string>()
const domainEmployerOf = (domain: string): string => {
  let d = employerCache.get(domain)
  if (d === undefined) {
    d = domainEmployer(domain)
    if (employerCache.size > 100_000) employerCache.clear()
    employerCache.set(domain, d)
  }
  return d
}

const phoneFieldsOf = (raw: string, phone: PhoneReader): ProfilePhone | null => {
  const e164 = phone(raw) ?? ""
  const digits = digitsOf(e164 !== "" ? e164 : raw)
  return digits.length < 7 ? null : { e164, tail: digits.slice(-10) }
}

/** A record's company keys and their masks, and its job titles. */
interface CompanyFields {
  readonly companies: ReadonlyArray<string>
  readonly masks: ReadonlyArray<number>
  readonly titles: ReadonlyArray<string>
}

const noCompanies: CompanyFields = { companies: none, masks: none, titles: none }

/** A job title folded: words lower-cased and transliterated, "&" read as "and". */
export const titleKey = (title: string): string => latinWords(title.replace(/&/g, " and ")).join(" ")

const companyFieldsOf = (organizations: SourceRecord["organizations"]): CompanyFields => {
  const companies = uniq(organizations.flatMap((o) => companyKey(o.company ?? "") || []))
  const titles = uniq(organizations.flatMap((o) => titleKey(o.title ?? "") || []))
  if (companies.length === 0 && titles.length === 0) return noCompanies
  return { companies, masks: companies.length === 0 ? none : companies.map(nameMask), titles: list(titles) }
}

// Second-level labels under which a country's companies register (acme.co.uk, acme.com.au).
const registryLabels: ReadonlySet<string> = new Set(["co", "com", "org", "net", "ac", "gov", "ltd", "plc"])

/**
 * The employer a work e-mail domain names, folded as a company key: the label before the public
 * suffix ("fabrikam" for fabrikam.com, "umbrella health" for umbrella-health.co.uk); "" for a
 * mailbox provider.
 */
export const domainEmployer = (domain: string): string => {
  if (Email.isFreemailDomain(domain)) return ""
  const labels = domain.split(".")
  if (labels.length < 2) return ""
  let i = labels.length - 2
  if (i > 0 && labels[labels.length - 1]!.length === 2 && registryLabels.has(labels[i]!)) i--
  return companyKey(labels[i]!.replace(/[-_]+/g, " "))
}

/** Pushes onto a list made on first use (most records have none of most things). */
const push = <A>(xs: Array<A> | undefined, x: A): Array<A> => {
  if (xs === undefined) return [x]
  xs.push(x)
  return xs
}

const build = (record: SourceRecord, read: Readers): Profile => {
  let emailList: Array<ProfileEmail> | undefined
  for (const e of record.emails) {
    const pe = read.email(e.value)
    if (pe !== null && !emailList?.some((x) => x.canonical === pe.canonical)) emailList = push(emailList, pe)
  }
  let phones: Array<ProfilePhone> | undefined
  const regions = phoneRegions(record, read.region)
  for (const p of record.phones) {
    const pp = read.phone(p.value, regions)
    if (pp === null) continue
    if (phones?.some((x) => (pp.e164 !== "" && x.e164 === pp.e164) || x.tail === pp.tail)) continue
    phones = push(phones, pp)
  }
  let handles: Array<string> | undefined
  let twitterIds: Array<string> | undefined
  let linkedin: Array<string> | undefined
  let documents: Array<string> | undefined
  for (const h of record.handles) {
    const n = Handle.normalize(h.service, h.handle)
    if (documentServices.has(n.service)) {
      const number = n.handle.toUpperCase().replace(/[^A-Z0-9]/g, "")
      if (number.length >= 3) documents = push(documents, `${n.service}:${number}`)
      continue
    }
    if (n.service === "linkedin") {
      if (n.handle !== "") linkedin = push(linkedin, n.handle.toLowerCase())
      continue
    }
    if (n.handle !== "") handles = push(handles, `${n.service}:${n.handle}`)
    if (n.service === "twitter" && h.id !== undefined && h.id.trim() !== "")
      twitterIds = push(twitterIds, h.id.trim())
  }
  for (const u of record.urls) {
    const slug = Url.linkedinSlug(u.value)
    if (slug !== undefined) {
      linkedin = push(linkedin, slug.toLowerCase())
      continue
    }
    const tw = Url.twitterHandle(u.value)
    if (tw !== undefined) handles = push(handles, `twitter:${tw}`)
  }

  const n = nameBesideUserNames(
    nameBesideHandle(nameBesideSlug(read.name(record.name), linkedin, read), handles, read),
    emailList,
    read,
  )

  const b = record.birthday
  // One shape whatever is known: spreading only the known parts made up to eight, and the date
  // comparisons went megamorphic on them, which slowed the comparison levels.
  const birthday =
    b && (b.year !== undefined || (b.month !== undefined && b.day !== undefined))
      ? { year: b.year, month: b.month, day: b.day }
      : undefined
  const company = record.organizations.length === 0 ? noCompanies : read.companies(record.organizations)
  const companies = company.companies
  let addresses: Array<ProfileAddress> | undefined
  for (const a of record.addresses) {
    const p = addressOf(a)
    if (p !== undefined) addresses = push(addresses, p)
  }
  const emails: ReadonlyArray<ProfileEmail> = emailList ?? none
  let domainEmployers: Array<string> | undefined
  for (const e of emails) {
    if (e.generic) continue
    const d = domainEmployerOf(e.domain)
    if (d !== "" && !domainEmployers?.includes(d)) domainEmployers = push(domainEmployers, d)
  }
  const hasPerson = n.given !== "" || n.family !== "" || n.middle.length > 0
  // Every profile has every field, in one order: one hidden class, so the comparisons' property
  // reads stay monomorphic (optional fields spread in made a dozen shapes and slowed them).
  // The fields every candidate pair reads come first: on a big import the profiles are read in
  // no order that suits memory, and a pair then waits on fewer of each profile's cache lines.
  const profile = {
    present: 0,
    given: n.given,
    family: n.family,
    givenAll: n.givenAll,
    familyAll: n.familyAll,
    givenMask: n.givenMask,
    familyMask: n.familyMask,
    ownEmails: emails.some((e) => e.generic) ? list(emails.filter((e) => !e.generic)) : emails,
    ownDerived: 0,
    phones: phones ?? none,
    birthday,
    companies,
    companyMasks: company.masks,
    givenCodes: n.givenCodes,
    familyCodes: n.familyCodes,
    givenGroups: n.givenGroups,
    nickname: n.nickname,
    script: n.script,
    org: hasPerson ? "" : (companies[0] ?? ""),
    titles: company.titles,
    domainEmployers: domainEmployers ?? none,
    emails,
    generation: n.generation,
    handles: uniq(handles ?? none),
    twitterIds: uniq(twitterIds ?? none),
    linkedin: uniq(linkedin ?? none),
    documents: uniq(documents ?? none),
    addresses: addresses ?? none,
    familyWords: n.familyWords,
    middle: n.middle,
    givenRaw: n.givenRaw,
    familyRaw: n.familyRaw,
    key: recordKey(record.provenance),
    file: "",
  }
  profile.file = read.file(profile.key)
  profile.present = presentOf(profile)
  profile.ownDerived = derivedMask(profile.ownEmails, profile.given, profile.familyAll)
  return profile
}
