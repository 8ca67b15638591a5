/**
 * Numbers texts 0, 1, 2... in order of first sight, by two independent 32-bit hashes of each
 * text kept in a typed-array table (`PairIds`): no map entry, boxed number or copy of the text
 * per value. Term frequencies and shared values count millions of e-mail addresses and phone
 * numbers at a million records; as maps from texts they cost seconds and a hundred megabytes.
 *
 * Two texts with both hashes equal would share one number. With 64 bits that is about one chance
 * in ten million for a table of a million texts, and it would only merge two values' counts.
 */
import { PairIds } from "./pairs.ts"

// The two hashes `hashText` computed last: read without allocating a pair.
let hashA = 0
let hashB = 0

/** FNV-1a and a multiply-xorshift over the code units, then the length. */
const hashText = (s: string): void => {
  let a = 0x811c9dc5 | 0
  let b = 0x2545f491
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
    b ^= b >>> 15
  }
  hashA = Math.imul(a ^ s.length, 0x01000193)
  b = Math.imul(b ^ s.length, 0x5bd1e995)
  hashB = b ^ (b >>> 13)
}

export class TextIds {
  private readonly ids: PairIds
  constructor(expected: number) {
    this.ids = new PairIds(expected)
  }
  /** How many texts are numbered. */
  get size(): number {
    return this.ids.size
  }
  /** The number of `s`, numbering it when new. */
  idOf(s: string): number {
    hashText(s)
    return this.ids.idOf(hashA, hashB)
  }
  /** The number of `s`, -1 when it has none. */
  find(s: string): number {
    hashText(s)
    return this.ids.find(hashA, hashB)
  }
}

/** How many times each text was added. */
export class TextCounts {
  private readonly ids: TextIds
  private counts: Int32Array
  constructor(expected = 1024) {
    this.ids = new TextIds(expected)
    this.counts = new Int32Array(Math.max(16, expected))
  }
  get size(): number {
    return this.ids.size
  }
  add(s: string): void {
    const id = this.ids.idOf(s)
    if (id === this.counts.length) {
      const next = new Int32Array(this.counts.length * 2)
      next.set(this.counts)
      this.counts = next
    }
    this.counts[id]!++
  }
  /** How many times `s` was added; undefined when never. */
  get(s: string): number | undefined {
    const id = this.ids.find(s)
    return id === -1 ? undefined : this.counts[id]!
  }
  /** Each text's count, in order of first sight. */
  forEachCount(f: (count: number) => void): void {
    for (let i = 0; i < this.ids.size; i++) f(this.counts[i]!)
  }
}
