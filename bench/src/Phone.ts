/**
 * Phone numbers for invented people, drawn only from ranges reserved for drama and fiction
 * (Ofcom 07700 900xxx, 020 7946 0xxx, 01xx 496 0xxx, 01632 960xxx; NANP NXX-555-01xx; ARCEP
 * 01 99 00 xx xx and friends; ACMA 02 5550 xxxx and friends; Berlin 030 23125 xxx), each number
 * issued once, and written in the many ways real address books hold them.
 */
import type { Country } from "./Names.ts"
import type { Random } from "./Random.ts"

/** One issued number. `nsn` is the national significant number (no trunk 0, no country code). */
export interface Phone {
  readonly e164: string
  readonly country: Country
  readonly mobile: boolean
  readonly nsn: string
  /** Digit-group sizes of the nsn as the country writes it (`[4, 6]` for 7700 900123). */
  readonly groups: ReadonlyArray<number>
}

interface Pool {
  readonly country: Country
  readonly cc: string
  readonly mobile: boolean
  readonly prefixes: ReadonlyArray<string>
  readonly digits: number
  readonly groups: ReadonlyArray<number>
}

// NANP area codes: NXX with N 2-9, X 0-8, no N11 codes.
const NPAS: ReadonlyArray<string> = (() => {
  const out: Array<string> = []
  for (let a = 2; a <= 9; a++)
    for (let b = 0; b <= 8; b++)
      for (let c = 0; c <= 9; c++) if (!(b === 1 && c === 1)) out.push(`${a}${b}${c}`)
  return out
})()

const POOLS: ReadonlyArray<Pool> = [
  { country: "GB", cc: "44", mobile: true, prefixes: ["7700900"], digits: 3, groups: [4, 6] },
  { country: "GB", cc: "44", mobile: false, prefixes: ["2079460"], digits: 3, groups: [2, 4, 4] },
  {
    country: "GB",
    cc: "44",
    mobile: false,
    prefixes: [
      "1134960",
      "1144960",
      "1154960",
      "1164960",
      "1174960",
      "1184960",
      "1214960",
      "1314960",
      "1414960",
    ],
    digits: 3,
    groups: [3, 3, 4],
  },
  { country: "GB", cc: "44", mobile: false, prefixes: ["1632960"], digits: 3, groups: [4, 6] },
  {
    country: "US",
    cc: "1",
    mobile: true,
    prefixes: NPAS.map((npa) => `${npa}55501`),
    digits: 2,
    groups: [3, 3, 4],
  },
  { country: "FR", cc: "33", mobile: true, prefixes: ["63998"], digits: 4, groups: [1, 2, 2, 2, 2] },
  {
    country: "FR",
    cc: "33",
    mobile: false,
    prefixes: ["19900", "26191", "35301", "46571", "53649"],
    digits: 4,
    groups: [1, 2, 2, 2, 2],
  },
  { country: "DE", cc: "49", mobile: false, prefixes: ["3023125"], digits: 3, groups: [2, 8] },
  {
    country: "AU",
    cc: "61",
    mobile: false,
    prefixes: ["25550", "37010", "75550", "87010"],
    digits: 4,
    groups: [1, 4, 4],
  },
]

const CC: Readonly<Record<Country, string>> = { GB: "44", US: "1", FR: "33", DE: "49", AU: "61" }
const FALLBACK: ReadonlyArray<Country> = ["GB", "US", "FR", "AU", "DE"]

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

interface PoolState {
  readonly pool: Pool
  readonly size: number
  readonly total: number
  readonly stride: number
  readonly offset: number
  issued: number
}

/** Issues distinct numbers; `next` returns undefined only when every fictional range is used up. */
export interface Allocator {
  readonly next: (country: Country, mobile: boolean) => Phone | undefined
}

/** A seed-dependent allocator: numbers are spread over each range, never repeated. */
export const allocator = (rng: Random): Allocator => {
  const states = POOLS.map((pool): PoolState => {
    const size = 10 ** pool.digits
    const total = size * pool.prefixes.length
    let stride = rng.int(1, total)
    while (gcd(stride, total) !== 1) stride++
    return { pool, size, total, stride, offset: rng.int(0, total), issued: 0 }
  })
  const issue = (s: PoolState): Phone => {
    const index = (s.offset + s.issued * s.stride) % s.total
    s.issued++
    const nsn =
      s.pool.prefixes[Math.floor(index / s.size)]! + String(index % s.size).padStart(s.pool.digits, "0")
    return {
      e164: `+${s.pool.cc}${nsn}`,
      country: s.pool.country,
      mobile: s.pool.mobile,
      nsn,
      groups: s.pool.groups,
    }
  }
  const open = (country: Country, mobile: boolean | undefined): PoolState | undefined =>
    states.find(
      (s) =>
        s.pool.country === country &&
        (mobile === undefined || s.pool.mobile === mobile) &&
        s.issued < s.total,
    )
  return {
    next: (country, mobile) => {
      const s =
        open(country, mobile) ??
        open(country, undefined) ??
        FALLBACK.map((c) => open(c, mobile) ?? open(c, undefined)).find((x) => x !== undefined)
      return s === undefined ? undefined : issue(s)
    },
  }
}

const grouped = (p: Phone, sep = " "): string => {
  const out: Array<string> = []
  let i = 0
  for (const g of p.groups) {
    out.push(p.nsn.slice(i, i + g))
    i += g
  }
  return out.join(sep)
}

/** Every way this generator writes a number, E.164 first. */
export const formats = (p: Phone): ReadonlyArray<string> => {
  const cc = CC[p.country]
  switch (p.country) {
    case "US": {
      const [a, b, c] = [p.nsn.slice(0, 3), p.nsn.slice(3, 6), p.nsn.slice(6)]
      return [
        p.e164,
        `(${a}) ${b}-${c}`,
        `${a}-${b}-${c}`,
        `+1 ${a}-${b}-${c}`,
        `${a}.${b}.${c}`,
        `+1 (${a}) ${b}-${c}`,
      ]
    }
    case "AU":
      return [p.e164, `+${cc} ${grouped(p)}`, `(0${p.nsn[0]}) ${grouped(p).slice(2)}`, `0${grouped(p)}`]
    case "DE":
      return [p.e164, `+${cc} ${grouped(p)}`, `0${grouped(p)}`, `0${grouped(p, "/")}`]
    case "FR":
      return [p.e164, `+${cc} ${grouped(p)}`, `0${grouped(p)}`, `0${grouped(p, ".")}`]
    case "GB":
      return [p.e164, `+${cc} ${grouped(p)}`, `0${grouped(p)}`, `0${p.nsn}`]
  }
}

/** One of the ways to write the number, picked at random. */
export const write = (rng: Random, p: Phone): string => rng.pick(formats(p))
