import { getExampleNumber } from "libphonenumber-js"
import { parsePhoneNumberFromString } from "libphonenumber-js/core"
import examples from "libphonenumber-js/mobile/examples"
import { describe, expect, it } from "vitest"
import { mainRegion, mainRegionsOnly } from "../src/internal/callingCodes.ts"
import { readInternational } from "../src/internal/international.ts"

/** What a libphonenumber parse by main regions makes of a text: the answer the reading must give. */
const parsed = (text: string): string | undefined => {
  const n = parsePhoneNumberFromString(text, {}, mainRegionsOnly)
  return n?.isPossible() ? n.number : undefined
}

/** A small deterministic PRNG (mulberry32), so a failure names a text that can be tried again. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const callingCodes = Object.keys(mainRegionsOnly.country_calling_codes)

describe("readInternational", () => {
  it("agrees with libphonenumber wherever it answers, for random digits after every calling code", () => {
    const r = rng(11)
    let answered = 0
    let asked = 0
    for (const code of callingCodes) {
      for (let length = 1; length <= 18; length++) {
        for (let k = 0; k < 6; k++) {
          let national = ""
          for (let i = 0; i < length; i++) national += String(Math.floor(r() * 10))
          // A national number opening with 0 is where trunk prefixes are stripped: try those often.
          if (k === 0) national = `0${national.slice(1)}`
          const text = `+${code}${national}`
          const quick = readInternational(text)
          asked++
          if (quick === undefined) continue
          answered++
          expect(quick, text).toBe(parsed(text))
        }
      }
    }
    // It must answer often enough to matter (possible lengths are a small part of 1..18).
    expect(answered).toBeGreaterThan(asked / 20)
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
