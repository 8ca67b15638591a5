/**
 * Country names as address fields write them ("United States", "Deutschland", "UK", "U.S.A.")
 * to ISO 3166 region codes: the names come from the runtime's own region names in a few
 * languages, plus the short forms and home nations people write.
 */
import { getCountries } from "libphonenumber-js"

const fold = (s: string): string =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()

// Written forms the runtime's names do not cover.
const aliases: ReadonlyArray<readonly [string, string]> = [
  ["usa", "US"],
  ["u s a", "US"],
  ["u s", "US"],
  ["us", "US"],
  ["america", "US"],
  ["united states of america", "US"],
  ["uk", "GB"],
  ["u k", "GB"],
  ["great britain", "GB"],
  ["britain", "GB"],
  ["england", "GB"],
  ["scotland", "GB"],
  ["wales", "GB"],
  ["northern ireland", "GB"],
  ["holland", "NL"],
  ["the netherlands", "NL"],
  ["uae", "AE"],
  ["south korea", "KR"],
  ["korea", "KR"],
  ["russia", "RU"],
  ["czech republic", "CZ"],
  ["turkey", "TR"],
]

const languages = ["en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "pl"]

let byName: ReadonlyMap<string, string> | undefined

const names = (): ReadonlyMap<string, string> => {
  if (byName !== undefined) return byName
  const map = new Map<string, string>()
  const regions = getCountries()
  for (const language of languages) {
    let display: Intl.DisplayNames
    try {
      display = new Intl.DisplayNames([language], { type: "region" })
    } catch {
      continue
    }
    for (const region of regions) {
      const name = display.of(region)
      if (name !== undefined && name !== region && !map.has(fold(name))) map.set(fold(name), region)
    }
  }
  for (const [name, region] of aliases) map.set(name, region)
  byName = map
  return map
}

const regionCodes: ReadonlySet<string> = new Set(getCountries())

/** The region a country field names: an ISO code or a country's name in a common language. */
export const regionOfCountry = (country: string): string | undefined => {
  const t = country.trim()
  if (t === "") return undefined
  if (/^[A-Za-z]{2}$/.test(t) && regionCodes.has(t.toUpperCase())) return t.toUpperCase()
  return names().get(fold(t))
}
