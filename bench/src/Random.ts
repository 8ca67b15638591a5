/**
 * A small seeded PRNG (sfc32 seeded through cyrb128) so every generated corpus is reproducible
 * from `(seed, n, now)` alone. `Math.random` is never used.
 */

/** A deterministic source of random numbers and the few draws the generator needs. */
export interface Random {
  /** Uniform in [0, 1). */
  readonly next: () => number
  /** Uniform integer in [lo, hi). */
  readonly int: (lo: number, hi: number) => number
  /** True with probability p. */
  readonly chance: (p: number) => boolean
  /** One element of a non-empty array. */
  readonly pick: <A>(items: ReadonlyArray<A>) => A
  /** Poisson-distributed count with mean lambda (Knuth; fine for the small means used here). */
  readonly poisson: (lambda: number) => number
}

/** 128-bit string hash (cyrb128) used to seed sfc32 from any string key. */
const cyrb128 = (key: string): [number, number, number, number] => {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

/** A generator seeded from a key: the same key always yields the same sequence. */
export const make = (key: string | number): Random => {
  let [a, b, c, d] = cyrb128(String(key))
  const next = (): number => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo))
  const pick = <A>(items: ReadonlyArray<A>): A => {
    if (items.length === 0) throw new RangeError("pick from an empty array")
    return items[Math.floor(next() * items.length)]!
  }
  const poisson = (lambda: number): number => {
    const limit = Math.exp(-lambda)
    let k = 0
    let p = next()
    while (p > limit) {
      k++
      p *= next()
    }
    return k
  }
  return { next, int, chance: (p) => next() < p, pick, poisson }
}
