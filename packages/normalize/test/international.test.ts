import { getExampleNumber } from "libphonenumber-js"
import { parsePhoneNumberFromString } from "libphonenumber-js/core"
import examples from "libphonenumber-js/mobile/examples"
import { describe, expect, it } from "vitest"
import { mainRegion, mainRegionsOnly } from "../src/internal/callingCodes.ts"
import { readInternational, readNational } from "../src/internal/international.ts"

/**
 * What a libphonenumber parse by main regions makes of a text (national in `region` when given):
 * the answer the readings must give.
 */
const parsed = (text: string, region?: string): string | undefined => {
  const n = parsePhoneNumberFromString(
    text,
    region !== undefined ? { defaultCountry: region as never } : {},
    mainRegionsOnly,
  )
  return n?.isPossible() ? n.number : undefined
}

/** `length` random digits. */
const randomDigits = (r: () => number, length: number): string => {
  let digits = ""
  for (let i = 0; i < length; i++) digits += String(Math.floor(r() * 10))
  return digits
}

/** A small deterministic PRNG (mulberry32), so a failure names a text that can be tried again. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const callingCodes = Object.keys(mainRegionsOnly.country_calling_codes)

/** A text to read, national in `region` when given. */
interface Case {
  readonly text: string
  readonly region?: string
}

/**
 * Checks a reading against the parse on every case it answers, and that it answers at least one
 * case in 20 (possible lengths are a small part of the lengths tried): it must answer often
 * enough to matter.
 */
const expectAgreementWhereAnswered = <C extends Case>(
  cases: Iterable<C>,
  read: (c: C) => string | undefined,
): void => {
  let answered = 0
  let asked = 0
  for (const c of cases) {
    const quick = read(c)
    asked++
    if (quick === undefined) continue
    answered++
    expect(quick, c.region === undefined ? c.text : `${c.text} in ${c.region}`).toBe(parsed(c.text, c.region))
  }
  expect(answered).toBeGreaterThan(asked / 20)
}

/** Random digits after every calling code, 1 to 18 of them. */
function* internationalCases(): Generator<Case> {
  const r = rng(11)
  for (const code of callingCodes)
    for (let length = 1; length <= 18; length++)
      for (let k = 0; k < 6; k++) {
        let national = randomDigits(r, length)
        // A national number opening with 0 is where trunk prefixes are stripped: try those often.
        if (k === 0) national = `0${national.slice(1)}`
        yield { text: `+${code}${national}` }
      }
}

describe("readInternational", () => {
  it("agrees with libphonenumber wherever it answers, for random digits after every calling code", () => {
    expectAgreementWhereAnswered(internationalCases(), (c) => readInternational(c.text))
  })

  it("reads the example mobile number of every calling code's main region as libphonenumber does", () => {
    let answered = 0
    for (const code of callingCodes) {
      const region = mainRegion(code)
      if (region === undefined || region === "001") continue
      const example = getExampleNumber(region as Parameters<typeof getExampleNumber>[0], examples)
      if (example === undefined) continue
      const quick = readInternational(example.number)
      if (quick !== undefined) answered++
      expect(quick ?? parsed(example.number), example.number).toBe(parsed(example.number))
    }
    // Most regions' mobile numbers are read without a parse.
    expect(answered).toBeGreaterThan(150)
  })

  it("leaves every other spelling to the parse", () => {
    for (const text of [
      "+44 7700 900123",
      "447700900123",
      "+0447700900123",
      "+44",
      "+4407700900123",
      "+800 1234 5678",
      "+80012345678",
      "+44-7700-900123",
      "tel:+447700900123",
    ])
      expect(readInternational(text), text).toBeUndefined()
  })

  it("reads plain E.164 numbers", () => {
    expect(readInternational("+447700900123")).toBe("+447700900123")
    expect(readInternational("+12025550143")).toBe("+12025550143")
    expect(readInternational("+61870105598")).toBe("+61870105598")
    // Too short for Germany's plan: the reading leaves it (and the parse rejects it).
    expect(readInternational("+491")).toBeUndefined()
  })
})

const mainRegions = [
  ...new Set(
    callingCodes.map((c) => mainRegion(c)).filter((r): r is string => r !== undefined && r !== "001"),
  ),
]

/** Random digits in every main region, 3 to 17 of them. */
function* nationalCases(): Generator<Case & { readonly region: string }> {
  const r = rng(23)
  for (const region of mainRegions)
    for (let length = 3; length <= 17; length++)
      for (let k = 0; k < 8; k++) {
        let text = randomDigits(r, length)
        // Openings where prefixes are stripped or read: trunk 0, 1, 8 and the international 00.
        if (k < 4) text = `${["0", "1", "8", "00"][k]}${text}`.slice(0, length)
        yield { text, region }
      }
}

describe("readNational", () => {
  it("agrees with libphonenumber wherever it answers, for random digits in every main region", () => {
    expectAgreementWhereAnswered(nationalCases(), (c) => readNational(c.region, c.text))
  })

  it("reads every main region's example numbers written nationally as libphonenumber does", () => {
    let answered = 0
    for (const region of mainRegions) {
      const example = getExampleNumber(region as Parameters<typeof getExampleNumber>[0], examples)
      if (example === undefined) continue
      // As dialled at home: the national prefix (when the region has one) and the national number.
      const text = example.formatNational().replace(/\D/g, "")
      const quick = readNational(region, text)
      if (quick !== undefined) {
        answered++
        expect(quick, `${text} in ${region}`).toBe(parsed(text, region))
      }
    }
    expect(answered).toBeGreaterThan(150)
  })

  it("reads the usual national spellings and leaves international prefixes to the parse", () => {
    expect(readNational("GB", "07700900123")).toBe("+447700900123")
    expect(readNational("GB", "02079460958")).toBe("+442079460958")
    expect(readNational("US", "2025550143")).toBe("+12025550143")
    expect(readNational("DE", "03012345678")).toBe("+493012345678")
    for (const [region, text] of [
      ["GB", "00447700900123"],
      ["US", "011447700900123"],
      ["GB", "447700900123"],
      ["GB", "0770090012a"],
      ["gb", "07700900123"],
      ["GB", "12"],
    ] as const)
      expect(readNational(region, text), `${text} in ${region}`).toBeUndefined()
  })
})
