/**
 * Calendar addresses and CN display names to e-mails and name parts, across the clients' quirks:
 * `MAILTO:` in any case (Yahoo even writes it twice), bare e-mails, quoted values, percent-encoding,
 * Apple principal paths with an `EMAIL=` parameter, `invalid:nomail`, and CNs that are e-mails,
 * `"Doe, Jane"`, `Name <mail>` or Lotus Notes canonical names.
 */
import type { SourceRecord } from "@blackbook/model"
import { Text } from "@blackbook/model"
import { Name } from "@blackbook/normalize"

type NameParts = SourceRecord.NameParts

const emailShape = /^[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:.]+$/

const stripQuotes = (s: string): string => Text.trimEndMatching(s.trim().replace(/^["']+/, ""), /["']/).trim()

const percentDecode = (s: string): string => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

const asEmail = (candidate: string): string | undefined => {
  let v = stripQuotes(candidate)
  while (/^mailto:/i.test(v)) v = v.slice(7).trim()
  v = percentDecode(v)
  const angle = /<([^<>]+@[^<>]+)>/.exec(v)
  if (angle?.[1]) v = angle[1]
  v = stripQuotes(v).replace(/\s+/g, "").toLowerCase()
  return emailShape.test(v) ? v : undefined
}

/**
 * The e-mail behind an ATTENDEE/ORGANIZER value, or its `EMAIL=` parameter when the value is not a
 * mail address (principal paths, `urn:uuid:`). Undefined for `invalid:nomail` and anything without
 * a usable address.
 */
export const emailOf = (value: string, emailParam?: string): string | undefined => {
  const v = stripQuotes(value)
  const direct = /^invalid:/i.test(v) ? undefined : asEmail(v)
  if (direct) return direct
  return emailParam ? asEmail(emailParam) : undefined
}

/** Normalises a user-supplied "me" address the same way attendee addresses are. */
export const normaliseAddress = (value: string): string | undefined => asEmail(value)

/** The name read from a CN, and whether it differs from the CN as written. */
export interface CnName {
  readonly name: NameParts
  readonly rewritten: boolean
}

const nameWord = /^[\p{L}\p{M}'’. -]+$/u

/**
 * Name parts from a CN. `"Doe, Jane"` -> family/given; CN that is an e-mail (or Apple's "null null")
 * -> no name; `Jane Doe <jane@x>` and `(jane@x)` decorations are dropped; `lotus` cuts the Notes
 * hierarchy from `Jane Doe/Sales/Acme`.
 */
export const nameOf = (cn: string | undefined, lotus = false): CnName => {
  if (cn === undefined) return { name: {}, rewritten: false }
  let s = stripQuotes(cn.replace(/\s+/g, " "))
  s = s
    .replace(/<[^<>]*>/g, " ")
    .replace(/\([^()]*@[^()]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim()
  s = Text.trimEndMatching(stripQuotes(s).replace(/^[,;\s]+/, ""), /[,;\s]/)
  if (!s || /^null( null)?$/i.test(s) || /^\S+@\S+$/.test(s)) return { name: {}, rewritten: false }
  if (lotus && /^[^/]+\/[^/]/.test(s)) s = (s.split("/")[0] ?? s).trim()
  const comma = /^([^,]+),\s*([^,]+)$/.exec(s)
  if (comma && nameWord.test(comma[1] ?? "") && nameWord.test(comma[2] ?? "")) {
    // core's parser tells "Doe, Jane" (family first) from "Natarajan, PhD" (a credential)
    const parsed = Name.parse(s)
    if (parsed.given !== undefined && parsed.family !== undefined) {
      // Object.assign, not a spread and a field: V8 gives `{ ...x, field }` a hidden class per object.
      const name = Object.assign({}, parsed, {
        formatted: [parsed.prefix, parsed.given, parsed.middle, parsed.family, parsed.suffix]
          .filter((p) => p !== undefined)
          .join(" "),
      })
      return { name, rewritten: true }
    }
    if (parsed.suffix !== undefined)
      return { name: Object.assign({}, parsed, { formatted: s }), rewritten: s !== cn.trim() }
  }
  return { name: { formatted: s }, rewritten: s !== cn.trim() }
}
