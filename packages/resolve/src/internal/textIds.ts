/**
 * Numbers texts 0, 1, 2... in order of first sight, by two independent 32-bit hashes of each
 * text kept in a typed-array table (`PairIds`): no map entry, boxed number or copy of the text
 * per value. Term frequencies and shared values count nearly one e-mail address and phone number
 * per record; as maps from texts they cost much time and memory on a big import.
 *
 * Two texts with both hashes equal would share one number. With 64 bits that is about one chance
 * in ten million for a table of a million texts, and it would only merge two values' counts.
 */
import { hashFirst, hashSecond, hashStart, hashText } from "@blackbook/normalize/TextHash"
import * as Memory from "./memory.ts"
import { PairIds } from "./pairs.ts"

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
    hashStart()
    hashText(s)
    return this.ids.idOf(hashFirst(), hashSecond())
  }
  /** The number of `s`, -1 when it has none. */
  find(s: string): number {
    hashStart()
    hashText(s)
    return this.ids.find(hashFirst(), hashSecond())
  }
}

/** How many times each text was added. */
export class TextCounts {
  private readonly ids: TextIds
  private counts: Int32Array
  constructor(expected = 1024) {
    this.ids = new TextIds(expected)
    this.counts = Memory.int32(Math.max(16, expected))
  }
  get size(): number {
    return this.ids.size
  }
  add(s: string): void {
    const id = this.ids.idOf(s)
    if (id === this.counts.length) {
      const next = Memory.int32(this.counts.length * 2)
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
