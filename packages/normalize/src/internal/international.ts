/**
 * Quick readings of the two commonest phone spellings in exports, for which a libphonenumber
 * parse is mostly overhead: "+" then digits ("+447700900123"), and digits alone in the default
 * region ("07700900123"). Parsing was the biggest part of reading the profiles. A reading
 * answers only where it is sure to agree with `Phone.toE164` read by main regions
 * (tests compare the two for random digits in every calling code and region); everywhere else it
 * defers to it.
 */
import { type CountryCode, Metadata, type MetadataJson } from "libphonenumber-js/core"
import { mainRegionsOnly } from "./callingCodes.ts"

/**
 * The methods of libphonenumber's `Metadata` the readings use that its types leave out. Each is
 * checked before use: without them the readings answer nothing and every text is parsed.
 */
interface PlanMethods {
  readonly isNonGeographicCallingCode?: (code: string) => boolean
  readonly countryCallingCode?: () => string | undefined
  readonly possibleLengths?: () => ReadonlyArray<number> | undefined
  readonly nationalPrefixForParsing?: () => string | undefined
  readonly nationalNumberPattern?: () => string | undefined
  readonly IDDPrefix?: () => string | undefined
}

/** What the readings need of a numbering plan. */
interface Plan {
  readonly callingCode: string
  /** `national_prefix_for_parsing` anchored at the start: where it matches, the parse may strip digits. */
  readonly prefix: RegExp | undefined
  /** The national number pattern, whole-text. */
  readonly pattern: RegExp | undefined
  /** The international dialling prefix, anchored at the start. */
  readonly idd: RegExp | undefined
  /** Possible national number lengths, ascending. */
  readonly lengths: ReadonlyArray<number>
}

// National significant numbers libphonenumber accepts at all (its MIN/MAX_LENGTH_FOR_NSN).
const minNational = 2
const maxNational = 17

/** The plan `select` picks (a calling code's main region's, or a region's), or null when unsure. */
const planOf = (metadata: MetadataJson, select: string): Plan | null => {
  const m = new Metadata(metadata)
  const methods: PlanMethods = m as PlanMethods
  const ask = <A>(f: (() => A) | undefined): A | undefined => f?.call(m)
  if (
    methods.possibleLengths === undefined ||
    methods.nationalPrefixForParsing === undefined ||
    methods.nationalNumberPattern === undefined ||
    methods.countryCallingCode === undefined ||
    methods.IDDPrefix === undefined
  )
    return null
  // Geographic plans only: the non-geographic codes (800, 870...) have plans of their own shape.
  if (/^\d+$/.test(select) && methods.isNonGeographicCallingCode?.call(m, select) !== false) return null
  m.selectNumberingPlan(select as CountryCode)
  const lengths = ask(methods.possibleLengths)
  const callingCode = ask(methods.countryCallingCode)
  if (lengths === undefined || lengths.length === 0 || callingCode === undefined) return null
  const prefix = ask(methods.nationalPrefixForParsing)
  const pattern = ask(methods.nationalNumberPattern)
  const idd = ask(methods.IDDPrefix)
  return {
    callingCode,
    prefix: prefix ? new RegExp(`^(?:${prefix})`) : undefined,
    pattern: pattern ? new RegExp(`^(?:${pattern})$`) : undefined,
    idd: idd ? new RegExp(`^(?:${idd})`) : undefined,
    lengths,
  }
}

/** Whether a text is all ASCII digits from `from` on. */
const digitsFrom = (text: string, from: number): boolean => {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

/** E.164 of a national significant number, when its length is a possible one. */
const e164 = (plan: Plan, national: string): string | undefined =>
  national.length >= minNational && national.length <= maxNational && plan.lengths.includes(national.length)
    ? `+${plan.callingCode}${national}`
    : undefined

/**
 * A reader of "+digits" texts under `metadata` (calling codes read by their main region): the
 * E.164 number, or undefined when the text is not such a spelling or the reading cannot be sure.
 */
export const international = (metadata: MetadataJson): ((text: string) => string | undefined) => {
  const plans = new Map<string, Plan | null>()
  const callingCodes = new Set(Object.keys(metadata.country_calling_codes))
  return (text) => {
    // "+", then a digit other than 0, then digits only.
    if (text.length < 4 || text.charCodeAt(0) !== 43 || text.charCodeAt(1) === 48 || !digitsFrom(text, 1))
      return undefined
    // The calling code is the shortest prefix of one to three digits that is one (as the parse takes it).
    for (let end = 2; end <= 4 && end < text.length; end++) {
      const code = text.slice(1, end)
      if (!callingCodes.has(code)) continue
      let plan = plans.get(code)
      if (plan === undefined) {
        plan = planOf(metadata, code)
        plans.set(code, plan)
      }
      const national = text.slice(end)
      // A national prefix written after the country code ("+44 07700..."): the parse decides.
      if (plan === null || plan.prefix?.test(national)) return undefined
      return e164(plan, national)
    }
    return undefined
  }
}

/** libphonenumber's length check of a number it may strip a national prefix from: not too short, not impossible. */
const strippable = (plan: Plan, national: string): boolean => {
  const lengths = plan.lengths
  const length = national.length
  if (length === lengths[0]) return true
  if (length < lengths[0]!) return false
  if (length > lengths[lengths.length - 1]!) return true
  return lengths.includes(length)
}

/**
 * A reader of digit-only texts written nationally in a region (one whose calling code it is the
 * main region of): the E.164 number, or undefined when the reading cannot be sure. It leaves to
 * the parse texts opening with an international prefix (00, 011, the region's own) or with the
 * region's calling code, and national prefixes read by a rule with captured groups (carrier codes,
 * prefixes that add digits).
 */
export const national = (metadata: MetadataJson): ((region: string, text: string) => string | undefined) => {
  const plans = new Map<string, Plan | null>()
  return (region, text) => {
    if (text.length < 3 || !digitsFrom(text, 0) || text.startsWith("00")) return undefined
    let plan = plans.get(region)
    if (plan === undefined) {
      plan = /^[A-Z]{2}$/.test(region) ? planOf(metadata, region) : null
      plans.set(region, plan)
    }
    if (plan === null) return undefined
    if (plan.idd?.test(text) || text.startsWith(plan.callingCode)) return undefined
    if (plan.callingCode === "1" && text.startsWith("011")) return undefined
    const match = plan.prefix?.exec(text)
    if (!match) return e164(plan, text)
    if (match.length > 1) return undefined
    // The national prefix is stripped unless the text fits the national pattern and the rest does
    // not, or the rest is too short or of an impossible length (libphonenumber's rules).
    const rest = text.slice(match[0].length)
    const keep = (plan.pattern?.test(text) === true && !plan.pattern.test(rest)) || !strippable(plan, rest)
    return e164(plan, keep ? text : rest)
  }
}

/** `international` over the calling codes' main regions: what `Phone.toE164` reads them by. */
export const readInternational: (text: string) => string | undefined = international(mainRegionsOnly)

/** `national` over the main regions' plans: what `Phone.toE164` reads national numbers by there. */
export const readNational: (region: string, text: string) => string | undefined = national(mainRegionsOnly)

/**
 * The quick reading of a text in a default region read by its calling code's main region (or
 * none): "+digits" first, then digits alone in the region; undefined when neither is sure.
 */
export const readQuick = (text: string, region: string | undefined): string | undefined =>
  readInternational(text) ?? (region !== undefined ? readNational(region, text) : undefined)
