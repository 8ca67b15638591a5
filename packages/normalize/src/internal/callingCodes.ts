/**
 * Calling codes and their regions, from libphonenumber's metadata: shared by `Phone` and the
 * profile reader's phone memo.
 */
import { type CountryCode, getCountryCallingCode, isSupportedCountry } from "libphonenumber-js"
import type { MetadataJson } from "libphonenumber-js/core"
import metadata from "libphonenumber-js/metadata.min.json"

/** The first region libphonenumber lists for a calling code is its main one (1 -> US, 44 -> GB). */
export const mainRegion = (callingCode: string): string | undefined =>
  metadata.country_calling_codes[callingCode]?.[0]

/** A region code as libphonenumber knows it (case and spaces forgiven), else undefined. */
export const supportedRegion = (r: string | undefined): CountryCode | undefined => {
  const up = r?.trim().toUpperCase()
  return up && isSupportedCountry(up) ? up : undefined
}

/**
 * Whether numbers read with this default region are read by their calling code's main region's
 * rules (no region, or GB but not JE, US but not CA): then `Phone.toE164` reads its own output
 * as itself. With JE or CA it may not ("06 21115" in CA reads as +10621115, which +1 alone does
 * not accept).
 */
export const readsByMainRegion = (r: string | undefined): boolean => {
  const region = supportedRegion(r)
  return region === undefined || mainRegion(getCountryCallingCode(region)) === region
}

// The metadata with each calling code kept for its main region only. Which of the regions sharing
// a code (+1 has 25, +44 four) a number belongs to does not change its E.164 form, and
// libphonenumber finds it by testing the number against each region's patterns, most of a parse.
export const mainRegionsOnly: MetadataJson = {
  ...metadata,
  country_calling_codes: Object.fromEntries(
    Object.entries(metadata.country_calling_codes).map(([code, regions]) => [code, regions.slice(0, 1)]),
  ),
}
