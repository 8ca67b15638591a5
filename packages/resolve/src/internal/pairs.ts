import * as Memory from "./memory.ts"

/**
 * Numbers pairs of 32-bit integers 0, 1, 2... in order of first sight: an open-addressing hash
 * table in typed arrays. Blocking numbers its keys with it and clustering remembers the scores of
 * pairs with it, on imports of any size, without a boxed number per key (as a Map of number keys
 * would hold) or an object per pair.
 */
export class PairIds {
  private xs: Int32Array
  private ys: Int32Array
  private values: Int32Array
  size = 0
  constructor(expected: number) {
    let capacity = 1024
    while (capacity < expected * 2) capacity *= 2
    this.xs = Memory.int32(capacity)
    this.ys = Memory.int32(capacity)
    this.values = Memory.int32(capacity).fill(-1)
  }
  clear(): void {
    this.values.fill(-1)
    this.size = 0
  }
  /** The id of (x, y), -1 when it has none yet. */
  find(x: number, y: number): number {
    return this.values[this.slotOf(x, y)]!
  }
  /** The id of (x, y), numbering it when new. */
  idOf(x: number, y: number): number {
    if (this.size * 2 >= this.values.length) this.grow()
    const slot = this.slotOf(x, y)
    if (this.values[slot] !== -1) return this.values[slot]!
    this.xs[slot] = x
    this.ys[slot] = y
    this.values[slot] = this.size
    return this.size++
  }
  /** The slot holding (x, y), or the empty one it would go in (linear probing). */
  private slotOf(x: number, y: number): number {
    const mask = this.values.length - 1
    let slot = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca77)) & mask
    while (this.values[slot] !== -1 && (this.xs[slot] !== x || this.ys[slot] !== y)) slot = (slot + 1) & mask
    return slot
  }
  private grow(): void {
    const { xs, ys, values } = this
    this.xs = Memory.int32(xs.length * 2)
    this.ys = Memory.int32(xs.length * 2)
    this.values = Memory.int32(xs.length * 2).fill(-1)
    for (let i = 0; i < values.length; i++) {
      if (values[i] === -1) continue
      const slot = this.slotOf(xs[i]!, ys[i]!)
      this.xs[slot] = xs[i]!
      this.ys[slot] = ys[i]!
      this.values[slot] = values[i]!
    }
  }
}
