/**
 * Jaro-Winkler for the comparison hot path: the same measure as internal/jaroWinkler.ts, but
 * with reused scratch buffers (no allocation per call), bit masks for short strings, and results
 * remembered per pair of strings.
 */

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

// Results by first and second string: resolution asks for the same few names and addresses again
// and again (orienting a pair, then each level), and profile strings are shared instances whose
// hashes V8 keeps. Cleared when it grows past `memoLimit` entries.
const memo = new Map<string, Map<string, number>>()
const memoLimit = 1_000_000
let memoSize = 0

/** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4), 1 for equal strings. */
export const jaroWinkler = (a: string, b: string): number => {
  if (a === b) return 1
  let row = memo.get(a)
  if (row !== undefined) {
    const known = row.get(b)
    if (known !== undefined) return known
  }
  const j = jaro(a, b)
  let prefix = 0
  const max = Math.min(4, a.length, b.length)
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  const result = j + prefix * 0.1 * (1 - j)
  if (memoSize >= memoLimit) {
    memo.clear()
    memoSize = 0
    row = undefined
  }
  if (row === undefined) {
    row = new Map()
    memo.set(a, row)
  }
  row.set(b, result)
  memoSize++
  return result
}
