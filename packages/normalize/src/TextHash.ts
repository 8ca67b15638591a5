/**
 * Two independent 32-bit hashes (FNV-1a and a multiply-xorshift) fed one code unit at a time,
 * kept in module state so the hot paths hash without allocating: blocking keys, numbered texts
 * (`textIds`) and the e-mail hashes of profiles all hash this one way.
 */

let first = 0
let second = 0

/** Starts a new hash. */
export const hashStart = (): void => {
  first = 0x811c9dc5 | 0
  second = 0x2545f491
}

/** Feeds one code unit (or any small integer) into both hashes. */
export const hashUnit = (c: number): void => {
  first = Math.imul(first ^ c, 0x01000193)
  const b = Math.imul(second ^ c, 0x5bd1e995)
  second = b ^ (b >>> 15)
}

/** Feeds a text's code units, then its length: texts fed in turn stay apart ("ab" "c", "a" "bc"). */
export const hashText = (s: string): void => {
  // In locals, stored once: writing the module's two bindings per code unit was slower.
  let f = first
  let g = second
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : s.length
    f = Math.imul(f ^ c, 0x01000193)
    const b = Math.imul(g ^ c, 0x5bd1e995)
    g = b ^ (b >>> 15)
  }
  first = f
  second = g
}

/** The FNV-1a hash of what was fed. */
export const hashFirst = (): number => first

/** The multiply-xorshift hash of what was fed. */
export const hashSecond = (): number => second ^ (second >>> 13)
