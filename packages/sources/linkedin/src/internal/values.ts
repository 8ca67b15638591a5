/**
 * Cell values of LinkedIn CSVs that need more than trimming: profile URLs and their slugs,
 * `TYPE:value` lists (Websites, Instant Messengers), cells holding several e-mails or phones.
 */
import type { SourceRecord } from "@blackbook/model"
import { Text } from "@blackbook/model"

/**
 * A LinkedIn profile URL in one spelling, so the same member read from two rows gives one
 * locator: `https://`, lower-case host, no query, fragment or trailing slash. Percent-encoding
 * of the path is kept as LinkedIn wrote it. Returns `undefined` for text that is not a URL.
 */
export const canonicalUrl = (raw: string): string | undefined => {
  let text = raw.trim()
  if (text === "") return undefined
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    // LinkedIn writes some profile URLs without a scheme (www.linkedin.com/in/...)
    if (!/^[\w-]+(\.[\w-]+)+\//.test(text)) return undefined
    text = `https://${text}`
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined
  const host = url.host.toLowerCase()
  const path = Text.trimEndMatching(url.pathname, /\//)
  const scheme = host.endsWith("linkedin.com") ? "https:" : url.protocol
  return `${scheme}//${host}${path}`
}

/** The member slug of a `linkedin.com/in/<slug>` URL, percent-decoded (`zoë-brandt`). */
export const profileSlug = (url: string): string | undefined => {
  const m = /^https?:\/\/(?:[\w-]+\.)*linkedin\.com\/(?:in|pub)\/([^/?#]+)/i.exec(url)
  if (!m) return undefined
  try {
    return decodeURIComponent(m[1]!)
  } catch {
    return m[1]
  }
}

/** The LinkedIn handle for a profile URL, if it names a member. */
export const linkedinHandle = (url: string): SourceRecord.SocialHandle | undefined => {
  const slug = profileSlug(url)
  return slug === undefined ? undefined : { service: "linkedin", handle: slug }
}

/** A member URN (`urn:li:member:123`) that LinkedIn wrote in the Email Address column. */
export const isMemberUrn = (text: string): boolean => /^urn:li:[a-z]+:[\w-]+$/i.test(text.trim())

const email = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/

/** True when the text is one e-mail address. */
export const isEmail = (text: string): boolean => email.test(text)

/** Splits a cell holding several values (`a@x.org, b@y.org`, `+1 555 0100; +1 555 0101`). */
export const splitValues = (text: string): ReadonlyArray<string> =>
  text
    .split(/[,;\n]/)
    .map((v) => v.trim())
    .filter((v) => v !== "")

/** One entry of a `TYPE:value` list: the type label (lower-case) when LinkedIn wrote one. */
export interface Labeled {
  readonly label?: string
  readonly value: string
}

/**
 * Reads Websites / Instant Messengers cells: `[PORTFOLIO:https://x.dev]`,
 * `COMPANY:http://a.com, OTHER:https://b.org`, `SKYPE:jdoe`, or bare values. A URL's own
 * `https:` is never taken for a label.
 */
export const labeledList = (text: string): ReadonlyArray<Labeled> => {
  const out: Labeled[] = []
  for (const raw of text.split(/,(?=\s*\[?[A-Z_]+:)|,\s+|\]\s*,?\s*\[/)) {
    const entry = raw.trim().replace(/^\[/, "").replace(/\]$/, "").trim()
    if (entry === "") continue
    const m = /^([A-Za-z_]+):(?!\/\/)(.+)$/.exec(entry)
    if (m && !/^https?$/i.test(m[1]!)) out.push({ label: m[1]!.toLowerCase(), value: m[2]!.trim() })
    else out.push({ value: entry })
  }
  return out
}

/** Websites-style cells as URLs, labelled with their lower-case type where LinkedIn wrote one. */
export const labeledUrls = (text: string | undefined): Array<SourceRecord.LabeledValue> =>
  labeledList(text ?? "").map((w) => ({ value: w.value, types: w.label ? [w.label] : [] }))

/** Instant Messengers-style cells (`SKYPE:jdoe`) as handles; `im` when no service is named. */
export const labeledHandles = (text: string | undefined): Array<SourceRecord.SocialHandle> =>
  labeledList(text ?? "").map((m) => ({ service: m.label ?? "im", handle: m.value }))

/** Twitter handles as LinkedIn lists them (`[jdoe,@jane]`, `jdoe, jane`), without `@`. */
export const twitterHandles = (text: string): ReadonlyArray<string> =>
  text
    .replace(/^\s*\[|\]\s*$/g, "")
    .split(/[,\s]+/)
    .map((h) => h.replace(/^@/, "").trim())
    .filter((h) => h !== "")
