/**
 * Phone numbers to E.164 with libphonenumber-js, after the clean-up messy exports need:
 * `tel:` links, `00`/`011` international prefixes, a trunk `(0)` after the country code,
 * extensions (`x123`, `ext. 4`, `;ext=5`) and vanity letters (`1-800-FLOWERS`).
 *
 * @since 0.1.0
 */
import {
  type CountryCode,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from "libphonenumber-js"
import { parsePhoneNumberFromString as parseMainRegion } from "libphonenumber-js/core"
import { mainRegion, mainRegionsOnly, supportedRegion } from "./internal/callingCodes.ts"
import { regionOfCountry } from "./internal/countries.ts"
import { readQuick } from "./internal/international.ts"

/** @category models @since 0.1.0 */
export interface ParsedPhone {
  /** E.164, e.g. `+442079460958`. */
  readonly e164: string
  /** The extension's digits, when the source wrote one. */
  readonly ext?: string
  /**
   * ISO 3166 region of the number; for a country code several regions share, the region the
   * number belongs to, else the code's main region (+44 7700 900123 -> GB).
   */
  readonly region?: string
}

const extension = /(?:\s*[,;]?\s*(?:ext\.?|extension|ext=|x|#|durchwahl|dw\.?|poste)\s*:?\s*(\d{1,7}))\s*$/i

const keypad: Readonly<Record<string, string>> = {
  a: "2",
  b: "2",
  c: "2",
  d: "3",
  e: "3",
  f: "3",
  g: "4",
  h: "4",
  i: "4",
  j: "5",
  k: "5",
  l: "5",
  m: "6",
  n: "6",
  o: "6",
  p: "7",
  q: "7",
  r: "7",
  s: "7",
  t: "8",
  u: "8",
  v: "8",
  w: "9",
  x: "9",
  y: "9",
  z: "9",
}

const region = supportedRegion

/**
 * Parses a phone number as a source wrote it. `defaultRegion` (ISO 3166, "GB") is used for
 * numbers written without a country code. Undefined when the text is not a possible number.
 *
 * @category parsing
 * @since 0.1.0
 */
export const parse = (raw: string, defaultRegion?: string): ParsedPhone | undefined => {
  const p = prepare(raw, defaultRegion)
  if (p === undefined) return undefined
  const n = parsePhoneNumberFromString(p.text, p.region ? { defaultCountry: p.region } : undefined)
  if (!n?.isPossible()) return undefined
  const ext = p.ext ?? n.ext
  const where = n.country ?? mainRegion(n.countryCallingCode)
  return {
    e164: n.number,
    ...(ext !== undefined ? { ext } : {}),
    ...(where !== undefined ? { region: where } : {}),
  }
}

/** A phone text cleaned for libphonenumber, with the extension it wrote and the default region. */
interface Prepared {
  readonly text: string
  readonly ext: string | undefined
  readonly region: CountryCode | undefined
}

const prepare = (raw: string, defaultRegion: string | undefined): Prepared | undefined => {
  let s = raw.trim().replace(/^tel:/i, "")
  if (s === "") return undefined
  let ext: string | undefined
  const m = extension.exec(s)
  if (m?.[1] !== undefined && /\d.*\d.*\d/.test(s.slice(0, m.index))) {
    ext = m[1]
    s = s.slice(0, m.index)
  }
  // Vanity numbers: letters stand for keypad digits, but only in something that is mostly a number.
  const letters = s.match(/[a-z]/gi)?.length ?? 0
  if (letters > 0) {
    const digits = s.match(/\d/g)?.length ?? 0
    if (digits < 3 || letters > 10) return undefined
    s = s.replace(/[a-z]/gi, (c) => keypad[c.toLowerCase()] ?? c)
  }
  const def = region(defaultRegion)
  // "00" is the international prefix almost everywhere; "011" only in North America. With another
  // default region 011x is a trunk-prefixed area code (Bristol 0117), so it is left alone there.
  s = s.replace(/^\s*(?:\+\s*)?\(?\s*0{2}\s*\)?\s*(?=[1-9])/, "+")
  if (def === undefined || getCountryCallingCode(def) === "1") s = s.replace(/^\s*011[\s-]*(?=[1-9])/, "+")
  // "+44 (0)20 ..." and "+49 (0) 30 ...": the trunk zero is not dialled after a country code.
  s = s.replace(/^(\s*\+\s*\d{1,3})\s*[([]\s*0\s*[)\]]/, "$1 ")
  return { text: s, ext, region: def }
}

const e164Of = (raw: string, defaultRegion: string | undefined): string | undefined => {
  const p = prepare(raw, defaultRegion)
  if (p === undefined) return undefined
  // A default region that is not its code's main one (JE, CA) keeps its own rules.
  if (p.region !== undefined && mainRegion(getCountryCallingCode(p.region)) !== p.region) {
    const n = parsePhoneNumberFromString(p.text, { defaultCountry: p.region })
    return n?.isPossible() ? n.number : undefined
  }
  const quick = readQuick(p.text, p.region)
  if (quick !== undefined) return quick
  const n = parseMainRegion(p.text, p.region ? { defaultCountry: p.region } : {}, mainRegionsOnly)
  return n?.isPossible() ? n.number : undefined
}

/**
 * The E.164 form of a phone number, or undefined when it cannot be read (callers keep the raw
 * text then). Extensions are dropped: they do not identify a person's line.
 *
 * @category normalizers
 * @since 0.1.0
 */
export const toE164 = (raw: string, defaultRegion?: string): string | undefined => {
  const k = `${defaultRegion ?? ""}\u0000${raw}`
  if (cache.has(k)) return cache.get(k)
  const e164 = e164Of(raw, defaultRegion)
  // Resolution and merging read each number more than once; parsing dominates their cost.
  if (cache.size >= cacheLimit) cache.clear()
  cache.set(k, e164)
  return e164
}

/**
 * The region most numbers written with a country code belong to (ties: alphabetical), from at
 * most `sample` of them: a sensible default region for the national numbers of the same import.
 * Undefined when none has a country code.
 *
 * @category parsing
 * @since 0.1.0
 */
export const dominantRegion = (raws: Iterable<string>, sample = 2000): string | undefined => {
  const tally = regionTally(sample)
  for (const raw of raws) if (!tally.add(raw)) break
  return tally.best()
}

/**
 * `dominantRegion` a number at a time, for a caller that pauses between numbers: `add` counts a
 * number (false once `sample` numbers with a country code are counted: the rest change nothing),
 * `best` is the answer so far.
 *
 * @category parsing
 * @since 0.4.0
 */
export interface RegionTally {
  readonly add: (raw: string) => boolean
  readonly best: () => string | undefined
}

/**
 * A `RegionTally` counting at most `sample` numbers.
 *
 * @category parsing
 * @since 0.4.0
 */
export const regionTally = (sample = 2000): RegionTally => {
  const counts = new Map<string, number>()
  let seen = 0
  return {
    add: (raw) => {
      if (seen >= sample) return false
      if (!/^\s*(?:tel:)?\s*(?:\+|00[1-9])/i.test(raw)) return true
      seen++
      const region = parse(raw)?.region
      if (region !== undefined) counts.set(region, (counts.get(region) ?? 0) + 1)
      return seen < sample
    },
    best: () => {
      let best: string | undefined
      let bestCount = 0
      for (const [region, count] of counts) {
        if (count > bestCount || (count === bestCount && best !== undefined && region < best)) {
          best = region
          bestCount = count
        }
      }
      return best
    },
  }
}

/** @category models @since 0.4.0 */
export interface RegionHints {
  /** Country fields of the record's addresses, as written ("US", "United States", "Deutschland"). */
  readonly countries?: ReadonlyArray<string>
  /** The record's phone numbers as written; those written with a country code say where it lives. */
  readonly numbers?: ReadonlyArray<string>
  /** The region to fall back on: the caller's `--region`, else the import's dominant region. */
  readonly fallback?: string
}

const writtenInternational = /^\s*(?:tel:)?\s*(?:\+|00[1-9])/i

/** The region most of the texts give (first seen on a tie), or undefined. */
const mostCommon = (regions: ReadonlyArray<string>): string | undefined => {
  const counts = new Map<string, number>()
  let best: string | undefined
  for (const r of regions) {
    const n = (counts.get(r) ?? 0) + 1
    counts.set(r, n)
    if (best === undefined || n > (counts.get(best) ?? 0)) best = r
  }
  return best
}

// The region of a number written with a country code, remembered: each record's numbers are
// asked for when its regions are worked out, and a person's number recurs across records.
const regionCache = new Map<string, string | undefined>()
const regionOfNumber = (n: string): string | undefined => {
  if (regionCache.has(n)) return regionCache.get(n)
  const r = parse(n)?.region
  if (regionCache.size >= cacheLimit) regionCache.clear()
  regionCache.set(n, r)
  return r
}

/**
 * The regions to read a record's national phone numbers in, most likely first: the country of its
 * addresses, then the region of its numbers written with a country code, then `fallback`. Each
 * is a region libphonenumber knows; none repeats.
 *
 * @category regions
 * @since 0.4.0
 */
export const regionsFor = (hints: RegionHints): ReadonlyArray<string> => {
  const out: Array<string> = []
  const push = (r: string | undefined): void => {
    const known = supportedRegion(r)
    if (known !== undefined && !out.includes(known)) out.push(known)
  }
  push(mostCommon((hints.countries ?? []).flatMap((c) => regionOfCountry(c) ?? [])))
  push(
    mostCommon(
      (hints.numbers ?? []).flatMap((n) => (writtenInternational.test(n) ? (regionOfNumber(n) ?? []) : [])),
    ),
  )
  push(hints.fallback)
  return out
}

/**
 * The region to read a record's national phone numbers in: the first of `regionsFor`.
 *
 * @category regions
 * @since 0.4.0
 */
export const regionFor = (hints: RegionHints): string | undefined => regionsFor(hints)[0]

/**
 * How a phone text reads among candidate regions (`regionsFor`):
 * - `Number`: its E.164 form, valid in the first region that accepts it (or written with a
 *   country code and of a possible length there);
 * - `Digits`: a full-length number that is valid in no candidate region: kept as written and
 *   compared by its digits, never given a country it may not have;
 * - `Fragment`: too short to be a full number in every candidate region (an 8-digit piece, a
 *   local number without its area code), or no number at all: not an identifier.
 *
 * @category models
 * @since 0.4.0
 */
export type Reading =
  | { readonly _tag: "Number"; readonly e164: string }
  | { readonly _tag: "Digits"; readonly digits: string }
  | { readonly _tag: "Fragment" }

const fragment: Reading = { _tag: "Fragment" }

// Without a region to judge it by, a national number needs this many digits to count as one.
const minimumDigits = 7

/**
 * Reads a phone text among candidate regions (most likely first; see `regionsFor`). Pure: the
 * same text and regions always read alike.
 *
 * @category parsing
 * @since 0.4.0
 */
export const readAmong = (raw: string, regions: ReadonlyArray<string>): Reading => {
  // "011" is an international prefix only in North America: the first region decides.
  const p = prepare(
    raw,
    regions.find((r) => supportedRegion(r) !== undefined),
  )
  if (p === undefined) return fragment
  const digits = p.text.replace(/\D/g, "")
  if (p.text.trimStart().startsWith("+")) {
    const n = parsePhoneNumberFromString(p.text)
    if (n?.isPossible()) return { _tag: "Number", e164: n.number }
    return digits.length >= minimumDigits ? { _tag: "Digits", digits } : fragment
  }
  let full = false
  for (const r of regions) {
    const region = supportedRegion(r)
    if (region === undefined) continue
    const local = prepare(raw, region)
    if (local === undefined) continue
    const n = parsePhoneNumberFromString(local.text, { defaultCountry: region })
    if (n?.isValid()) return { _tag: "Number", e164: n.number }
    const length = validatePhoneNumberLength(local.text, region)
    if (length === undefined || length === "TOO_LONG") full = true
  }
  if (regions.every((r) => supportedRegion(r) === undefined)) full = digits.length >= minimumDigits
  return full ? { _tag: "Digits", digits } : fragment
}

/**
 * Whether a phone text is too short to be a full number in every candidate region: a fragment
 * that must not identify anyone (see `readAmong`).
 *
 * @category guards
 * @since 0.4.0
 */
export const isFragment = (raw: string, regions: ReadonlyArray<string>): boolean =>
  readAmong(raw, regions)._tag === "Fragment"

const cacheLimit = 50_000
const cache = new Map<string, string | undefined>()

/**
 * Whether a region reads numbers by its calling code's main region's plan (the quick reader's
 * precondition), and the region as libphonenumber's `CountryCode` when it knows it.
 *
 * @category regions
 * @since 0.3.0
 */
export { readsByMainRegion, supportedRegion } from "./internal/callingCodes.ts"

/**
 * Reads `+` and digits, or digits alone in `region`, straight from the numbering plan where that
 * reading is sure to agree with libphonenumber; `undefined` where it is not (ask `toE164`).
 *
 * @category parsing
 * @since 0.3.0
 */
export { readQuick } from "./internal/international.ts"
