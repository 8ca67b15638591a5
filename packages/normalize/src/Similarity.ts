/**
 * Jaro-Winkler for the comparison hot path: the same measure as internal/jaroWinkler.ts, but
 * with reused scratch buffers (no allocation per call) and bit masks for short strings. A memo of
 * every pair cost more in map lookups than it saved: only the last pair is remembered.
 */

import { hashFirst, hashStart, hashText } from "./TextHash.ts"

let bufA = new Uint8Array(64)
let bufB = new Uint8Array(64)

/** Jaro for strings of up to 31 code units: the matched positions kept as bits of two integers. */
const jaroShort = (a: string, b: string, la: number, lb: number): number => {
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1)
  let ma = 0
  let mb = 0
  let matches = 0
  for (let i = 0; i < la; i++) {
    const from = i > window ? i - window : 0
    const to = Math.min(lb - 1, i + window)
    const c = a.charCodeAt(i)
    for (let j = from; j <= to; j++) {
      if ((mb & (1 << j)) === 0 && c === b.charCodeAt(j)) {
        ma |= 1 << i
        mb |= 1 << j
        matches++
        break
      }
    }
  }
  if (matches === 0) return 0
  let transpositions = 0
  let k = 0
  for (let i = 0; i < la; i++) {
    if ((ma & (1 << i)) === 0) continue
    while ((mb & (1 << k)) === 0) k++
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++
    k++
  }
  return (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3
}

const jaro = (a: string, b: string): number => {
  const la = a.length
  const lb = b.length
  if (la === 0 || lb === 0) return 0
  if (la < 32 && lb < 32) return jaroShort(a, b, la, lb)
  if (la > bufA.length) bufA = new Uint8Array(la * 2)
  if (lb > bufB.length) bufB = new Uint8Array(lb * 2)
  const ma = bufA
  const mb = bufB
  ma.fill(0, 0, la)
  mb.fill(0, 0, lb)
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const from = i > window ? i - window : 0
    const to = Math.min(lb - 1, i + window)
    const c = a.charCodeAt(i)
    for (let j = from; j <= to; j++) {
      if (mb[j] === 0 && c === b.charCodeAt(j)) {
        ma[i] = 1
        mb[j] = 1
        matches++
        break
      }
    }
  }
  if (matches === 0) return 0
  let transpositions = 0
  let k = 0
  for (let i = 0; i < la; i++) {
    if (ma[i] === 0) continue
    while (mb[k] === 0) k++
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++
    k++
  }
  return (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3
}

// The last pair asked: a comparison's similarity bands (0.92, then 0.8) ask for it twice in a row.
let lastA = ""
let lastB = ""
let lastResult = 1

/** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4), 1 for equal strings. */
export const jaroWinkler = (a: string, b: string): number => {
  if (a === b) return 1
  if (a === lastA && b === lastB) return lastResult
  const j = jaro(a, b)
  let prefix = 0
  const max = Math.min(4, a.length, b.length)
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  lastA = a
  lastB = b
  lastResult = j + prefix * 0.1 * (1 - j)
  return lastResult
}

const popcount = (x: number): number => {
  let v = x - ((x >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/**
 * The characters of a string as 60 buckets (code unit mod 60), buckets 0-29 and 30-59 in two
 * small integers (V8 keeps integers under 2^30 inline in an object, without a boxed number), and
 * the buckets holding two characters or more in two more: addresses repeat letters, and counts
 * tell "anna.nelson" from "ana.nelsen" better than letters do.
 */
export interface CharMask {
  readonly lo: number
  readonly hi: number
  readonly lo2: number
  readonly hi2: number
}

export const charMask = (s: string): CharMask => {
  let lo = 0
  let hi = 0
  let lo2 = 0
  let hi2 = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) % 60
    if (c < 30) {
      const bit = 1 << c
      if ((lo & bit) !== 0) lo2 |= bit
      lo |= bit
    } else {
      const bit = 1 << (c - 30)
      if ((hi & bit) !== 0) hi2 |= bit
      hi |= bit
    }
  }
  return { lo, hi, lo2, hi2 }
}

// Per-bucket counts for `shared`, all zero between calls.
const bucketCounts = new Int32Array(60)

/**
 * The most characters two strings can match: bucket by bucket, the smaller of their two counts
 * (a character matches one equal character, once).
 */
const shared = (a: string, b: string): number => {
  const counts = bucketCounts
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i) % 60]!++
  let m = 0
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i) % 60
    if (counts[c]! > 0) {
      counts[c]!--
      m++
    }
  }
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i) % 60] = 0
  return m
}

/**
 * Whether strings of lengths `la` and `lb` (neither empty) with at most `m` matching characters
 * can reach Jaro-Winkler `threshold` with a common prefix of `prefix` characters (at most 4).
 */
const boundReaches = (la: number, lb: number, m: number, prefix: number, threshold: number): boolean => {
  const jMax = m <= 0 ? 0 : (m / la + m / lb + 1) / 3
  return jMax + prefix * 0.1 * (1 - jMax) >= threshold
}

const prefixOf = (a: string, b: string): number => {
  let prefix = 0
  const max = Math.min(4, a.length, b.length)
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  return prefix
}

/**
 * Whether Jaro-Winkler similarity is at least `threshold`, the same answer as comparing
 * `jaroWinkler(a, b)`, but most unlike pairs are turned away first by a bound that costs one pass
 * over each string: Jaro cannot exceed what the characters the two strings share allow.
 */
export const jaroWinklerAtLeast = (a: string, b: string, threshold: number): boolean => {
  if (a === b) return threshold <= 1
  if (a.length === 0 || b.length === 0) return threshold <= 0
  if (!boundReaches(a.length, b.length, shared(a, b), prefixOf(a, b), threshold)) return false
  return jaroWinkler(a, b) >= threshold
}

/**
 * Whether two strings with these character masks (`charMask`) can reach Jaro-Winkler
 * `threshold`, in constant time: each bucket one string holds and the other lacks is at least one
 * character that matches nothing, and so is each bucket one holds twice or more and the other
 * at most once. False means they cannot; true means they may.
 */
export const jaroWinklerMayReach = (
  a: string,
  b: string,
  ma: CharMask,
  mb: CharMask,
  threshold: number,
): boolean => masksMayReach(a, b, ma.lo, ma.hi, ma.lo2, ma.hi2, mb.lo, mb.hi, mb.lo2, mb.hi2, threshold)

/**
 * `jaroWinklerMayReach` for masks kept as their four parts, for values that hold them in their
 * own fields rather than in a mask object of their own (one object and one pointer fewer to read).
 */
export const masksMayReach = (
  a: string,
  b: string,
  aLo: number,
  aHi: number,
  aLo2: number,
  aHi2: number,
  bLo: number,
  bHi: number,
  bLo2: number,
  bHi2: number,
  threshold: number,
): boolean => {
  const la = a.length
  const lb = b.length
  if (la === 0 || lb === 0) return a === b || threshold <= 0
  const m = Math.min(
    la - popcount(aLo & ~bLo) - popcount(aHi & ~bHi) - popcount(aLo2 & ~bLo2) - popcount(aHi2 & ~bHi2),
    lb - popcount(bLo & ~aLo) - popcount(bHi & ~aHi) - popcount(bLo2 & ~aLo2) - popcount(bHi2 & ~aHi2),
  )
  if (m <= 0) return threshold <= 0
  return boundReaches(la, lb, m, 4, threshold)
}

/**
 * A string's characters as 30 buckets (code unit mod 30; a-z fall in distinct ones) in one small
 * integer, cheap to keep on every profile for its names.
 */
export const nameMask = (s: string): number => {
  let m = 0
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) % 30)
  return m
}

/** `jaroWinklerMayReach` for two `nameMask`s. */
export const namesMayReach = (a: string, b: string, ma: number, mb: number, threshold: number): boolean => {
  const la = a.length
  const lb = b.length
  if (la === 0 || lb === 0) return a === b || threshold <= 0
  const m = Math.min(la - popcount(ma & ~mb), lb - popcount(mb & ~ma))
  if (m <= 0) return threshold <= 0
  return boundReaches(la, lb, m, 4, threshold)
}

/** A text's FNV-1a hash (`internal/hash`) as a small integer (30 bits: kept inline in an object). */
export const textHash = (s: string): number => {
  hashStart()
  hashText(s)
  return hashFirst() & 0x3fffffff
}

/**
 * Whether Jaro-Winkler similarity is at least `threshold`, for values whose texts come with their
 * hashes: a fixed-size memo of the measure, then the character-count bound and the measure.
 * Callers turn most unlike pairs away before, in constant time, with the values' character masks
 * (`masksMayReach`). Each memo slot holds the last pair that fell in it, checked by identity, so a
 * collision is a miss, never a wrong answer. A person's values are shared by their records, so
 * one pair of people asks for the same pair of values several times.
 */
export class JaroWinklerMemo<A extends object> {
  private readonly left: Array<A | undefined>
  private readonly right: Array<A | undefined>
  private readonly value: Float64Array
  private readonly mask: number
  constructor(bits: number) {
    this.mask = (1 << bits) - 1
    this.left = new Array<A | undefined>(1 << bits).fill(undefined)
    this.right = new Array<A | undefined>(1 << bits).fill(undefined)
    this.value = new Float64Array(1 << bits)
  }
  /** Whether the texts `sa` and `sb` of `a` and `b` (hashes `ha`, `hb`) reach `threshold`. */
  atLeast(a: A, b: A, sa: string, sb: string, ha: number, hb: number, threshold: number): boolean {
    if (sa === sb) return threshold <= 1
    const slot = (Math.imul(ha, 0x9e3779b1) ^ hb) & this.mask
    if (this.left[slot] === a && this.right[slot] === b) return this.value[slot]! >= threshold
    if (!boundReaches(sa.length, sb.length, shared(sa, sb), prefixOf(sa, sb), threshold)) return false
    const v = jaroWinkler(sa, sb)
    this.left[slot] = a
    this.right[slot] = b
    this.value[slot] = v
    return v >= threshold
  }
}
