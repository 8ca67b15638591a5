/**
 * Pairs of 32-bit integers numbered 0, 1, 2... in order of first sight, in typed arrays: what
 * blocking needs to number its keys and clustering to remember scores of pairs, at a million
 * records, without a boxed number per key or an object per pair.
 */
/**
 * Numbers pairs of small integers 0, 1, 2... in order of first sight: an open-addressing hash
 * table in typed arrays (a Map of a million number keys boxes each one).
 */
export class PairIds {
  private xs: Int32Array
  private ys: Int32Array
  private values: Int32Array
  size = 0
  constructor(expected: number) {
    let capacity = 1024
    while (capacity < expected * 2) capacity *= 2
    this.xs = new Int32Array(capacity)
    this.ys = new Int32Array(capacity)
    this.values = new Int32Array(capacity).fill(-1)
  }
  clear(): void {
    this.values.fill(-1)
    this.size = 0
  }
  /** The id of (x, y), -1 when it has none yet. */
  find(x: number, y: number): number {
    const mask = this.values.length - 1
    let slot = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca77)) & mask
    for (;;) {
      const v = this.values[slot]!
      if (v === -1 || (this.xs[slot] === x && this.ys[slot] === y)) return v
      slot = (slot + 1) & mask
    }
  }
  /** The id of (x, y), numbering it when new. */
  idOf(x: number, y: number): number {
    if (this.size * 2 >= this.values.length) this.grow()
    const mask = this.values.length - 1
    let slot = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca77)) & mask
    for (;;) {
      const v = this.values[slot]!
      if (v === -1) {
        this.xs[slot] = x
        this.ys[slot] = y
        this.values[slot] = this.size
        return this.size++
      }
      if (this.xs[slot] === x && this.ys[slot] === y) return v
      slot = (slot + 1) & mask
    }
  }
  private grow(): void {
    const { xs, ys, values } = this
    this.xs = new Int32Array(xs.length * 2)
    this.ys = new Int32Array(xs.length * 2)
    this.values = new Int32Array(xs.length * 2).fill(-1)
    const mask = this.values.length - 1
    for (let i = 0; i < values.length; i++) {
      if (values[i] === -1) continue
      let slot = (Math.imul(xs[i]!, 0x9e3779b1) ^ Math.imul(ys[i]! + 0x7f4a7c15, 0x85ebca77)) & mask
      while (this.values[slot] !== -1) slot = (slot + 1) & mask
      this.xs[slot] = xs[i]!
      this.ys[slot] = ys[i]!
      this.values[slot] = values[i]!
    }
  }
}
