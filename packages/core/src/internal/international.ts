/**
 * A quick reading of numbers written "+" then digits alone, the commonest spelling in exports
 * ("+447700900123"), for which a libphonenumber parse is mostly overhead: at 100k generated
 * records, parsing was 0.8 of the 1.9 s the profiles took. The reading answers only where it is
 * sure to agree with `Phone.toE164` read by main regions (a test compares the two over every
 * calling code); everywhere else it defers to it.
 */
import { type CountryCode, Metadata, type MetadataJson } from "libphonenumber-js/core"
import { mainRegionsOnly } from "./callingCodes.ts"

/**
 * The methods of libphonenumber's `Metadata` the reading uses that its types leave out. Each is
 * checked before use: without them the reading answers nothing and every text is parsed.
 */
interface PlanMethods {
  readonly hasCallingCode?: (code: string) => boolean
  readonly isNonGeographicCallingCode?: (code: string) => boolean
  readonly possibleLengths?: () => ReadonlyArray<number> | undefined
  readonly nationalPrefixForParsing?: () => string | undefined
}

/** What the reading needs of a calling code's main numbering plan. */
interface Plan {
  /** `national_prefix_for_parsing` anchored at the start: where it matches, the parse may strip digits. */
  readonly prefix: RegExp | undefined
  /** Possible national number lengths, ascending. */
  readonly lengths: ReadonlyArray<number>
}

// National significant numbers libphonenumber accepts at all (its MIN/MAX_LENGTH_FOR_NSN).
const minNational = 2
const maxNational = 17

/**
 * A reader of "+digits" texts under `metadata` (calling codes read by their main region): the
 * E.164 number, or undefined when the text is not such a spelling or the reading cannot be sure.
 */
export const international = (metadata: MetadataJson): ((text: string) => string | undefined) => {
  const plans = new Map<string, Plan | null>()
  const planOf = (code: string): Plan | null => {
    let plan = plans.get(code)
    if (plan !== undefined) return plan
    plan = null
    const m = new Metadata(metadata)
    const methods: PlanMethods = m as PlanMethods
    // Geographic codes only: the non-geographic ones (800, 870...) have plans of their own shape.
    if (
      methods.hasCallingCode?.call(m, code) === true &&
      methods.isNonGeographicCallingCode?.call(m, code) === false &&
      methods.possibleLengths !== undefined &&
      methods.nationalPrefixForParsing !== undefined
    ) {
      // A calling code selects its main region's plan, as the parse does.
      m.selectNumberingPlan(code as CountryCode)
      const lengths = methods.possibleLengths.call(m)
      const prefix = methods.nationalPrefixForParsing.call(m)
      if (lengths !== undefined && lengths.length > 0)
        plan = { prefix: prefix ? new RegExp(`^(?:${prefix})`) : undefined, lengths }
    }
    plans.set(code, plan)
    return plan
  }
  const callingCodes = new Set(Object.keys(metadata.country_calling_codes))
  return (text) => {
    // "+", then a digit other than 0, then digits only.
    if (text.length < 4 || text.charCodeAt(0) !== 43 || text.charCodeAt(1) === 48) return undefined
    for (let i = 1; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c < 48 || c > 57) return undefined
    }
    // The calling code is the shortest prefix of one to three digits that is one (as the parse takes it).
    for (let end = 2; end <= 4 && end < text.length; end++) {
      const code = text.slice(1, end)
      if (!callingCodes.has(code)) continue
      const plan = planOf(code)
      const national = text.slice(end)
      if (plan === null || national.length < minNational || national.length > maxNational) return undefined
      // A national prefix written after the country code ("+44 07700..."): the parse decides.
      if (plan.prefix?.test(national)) return undefined
      return plan.lengths.includes(national.length) ? text : undefined
    }
    return undefined
  }
}

/** `international` over the calling codes' main regions: what `Phone.toE164` reads them by. */
export const readInternational: (text: string) => string | undefined = international(mainRegionsOnly)
