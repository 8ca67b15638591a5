/**
 * Web addresses: one spelling per page (host case, `www.`, trailing slash, tracking parameters),
 * and the profile ids hidden in LinkedIn and Twitter/X links.
 *
 * @since 0.1.0
 */
import { trimEndMatching } from "./internal/trim.ts"

// Query parameters that track a click rather than name a page.
const tracking =
  /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|igsh|si|ref|ref_src|ref_url|trk|trkinfo|originalsubdomain|lipi|_hsenc|_hsmi|mkt_tok)$/i

/** Parses with a scheme added when the text is a bare host ("example.com/x"). */
const toUrl = (raw: string): URL | undefined => {
  const s = raw.trim()
  if (s === "" || /\s/.test(s)) return undefined
  // "example.com:8080/x" looks like a scheme but is a bare host with a port.
  const bareHost = /^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?([/?#]|$)/i.test(s)
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) && !bareHost ? s : `https://${s.replace(/^\/\//, "")}`
  try {
    const u = new URL(withScheme)
    return u.hostname === "" ? undefined : u
  } catch {
    return undefined
  }
}

/**
 * One spelling per page: lower-case scheme and host, `www.` and default ports removed, tracking
 * query parameters (utm_*, fbclid, gclid, trk ...) and the fragment dropped, remaining query
 * parameters sorted, trailing slash removed. A bare host gets `https://`. Text that is not a URL
 * is returned trimmed.
 *
 * @category normalizers
 * @since 0.1.0
 */
export const normalize = (raw: string): string => {
  const u = toUrl(raw)
  if (!u || (u.protocol !== "http:" && u.protocol !== "https:")) return raw.trim()
  const host = u.hostname.toLowerCase().replace(/^www\./, "")
  const params = [...u.searchParams.entries()].filter(([k]) => !tracking.test(k))
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : ""
  const path = trimEndMatching(u.pathname, /\//)
  return `${u.protocol}//${host}${u.port !== "" ? `:${u.port}` : ""}${path}${query}`
}

/**
 * The comparison key of a URL: its normalized form without the scheme, so `http://` and
 * `https://` links to one page are one value.
 *
 * @category normalizers
 * @since 0.1.0
 */
export const key = (raw: string): string => keyOfNormalized(normalize(raw))

/**
 * `key` of a link already through `normalize` (saves parsing it again).
 *
 * @category normalizers
 * @since 0.2.0
 */
export const keyOfNormalized = (normalized: string): string => normalized.replace(/^https?:\/\//, "")

const hostOf = (u: URL): string => u.hostname.toLowerCase().replace(/^www\./, "")

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * The profile id of a LinkedIn profile link (`linkedin.com/in/<slug>`, any country subdomain,
 * with or without scheme), percent-decoded and lower-cased; undefined for other links.
 *
 * @category getters
 * @since 0.1.0
 */
export const linkedinSlug = (raw: string): string | undefined => {
  const u = toUrl(raw)
  if (!u) return undefined
  const host = hostOf(u)
  if (host !== "linkedin.com" && !host.endsWith(".linkedin.com")) return undefined
  const m = /^\/(?:mwlite\/)?in\/([^/?#]+)/i.exec(u.pathname)
  if (!m?.[1]) return undefined
  const slug = decode(m[1]).trim().toLowerCase()
  return slug === "" ? undefined : slug
}

// Paths on twitter.com/x.com that are pages, not accounts.
const reservedTwitter: ReadonlySet<string> = new Set([
  "home",
  "i",
  "intent",
  "share",
  "search",
  "hashtag",
  "explore",
  "notifications",
  "messages",
  "settings",
  "login",
  "logout",
  "signup",
  "tos",
  "privacy",
  "compose",
  "account",
  "download",
  "about",
  "jobs",
  "who_to_follow",
  "following",
  "followers",
])

/**
 * The account handle of a Twitter/X profile link (`twitter.com/<handle>`, `x.com/<handle>`,
 * `mobile.twitter.com`, `twitter.com/#!/<handle>`), lower-cased without `@`; undefined for other
 * links and for pages such as `/home` or `/intent`.
 *
 * @category getters
 * @since 0.1.0
 */
export const twitterHandle = (raw: string): string | undefined => {
  const u = toUrl(raw)
  if (!u) return undefined
  const host = hostOf(u).replace(/^mobile\./, "")
  if (host !== "twitter.com" && host !== "x.com") return undefined
  const path = u.hash.startsWith("#!/") ? u.hash.slice(2) : u.pathname
  const m = /^\/@?([A-Za-z0-9_]{1,15})(?:[/?#]|$)/.exec(path)
  if (!m?.[1]) return undefined
  const handle = m[1].toLowerCase()
  return reservedTwitter.has(handle) ? undefined : handle
}
