/**
 * Accounts on services (`twitter:jdoe`, `github:jdoe`): one name per service and one spelling per
 * handle, so the same account from two exports compares equal.
 *
 * @since 0.1.0
 */
import * as Url from "./Url.ts"

const aliases: Readonly<Record<string, string>> = {
  x: "twitter",
  "x.com": "twitter",
  "twitter.com": "twitter",
  tw: "twitter",
  "linkedin.com": "linkedin",
  li: "linkedin",
  "github.com": "github",
  gh: "github",
  "instagram.com": "instagram",
  ig: "instagram",
  insta: "instagram",
  "facebook.com": "facebook",
  fb: "facebook",
  "bsky.app": "bluesky",
  bsky: "bluesky",
  "t.me": "telegram",
  tg: "telegram",
  "youtube.com": "youtube",
  yt: "youtube",
  "tiktok.com": "tiktok",
  "reddit.com": "reddit",
  "threads.net": "threads",
  "gitlab.com": "gitlab",
  "medium.com": "medium",
  "keybase.io": "keybase",
  msn: "skype",
  "skype for business": "skype",
  "google talk": "gtalk",
  googletalk: "gtalk",
  hangouts: "gtalk",
  jabber: "xmpp",
}

// Services whose account names ignore case (Twitter, GitHub, Instagram ...). Others keep case.
const caseInsensitive: ReadonlySet<string> = new Set([
  "twitter",
  "github",
  "gitlab",
  "instagram",
  "facebook",
  "linkedin",
  "telegram",
  "threads",
  "tiktok",
  "reddit",
  "youtube",
  "bluesky",
  "mastodon",
  "medium",
  "keybase",
  "skype",
  "xmpp",
  "gtalk",
  "aim",
  "yahoo",
  "wechat",
  "discord",
  "snapchat",
  "pinterest",
  "twitch",
])

/**
 * The service's canonical name: lower-case, aliases resolved (`X`, `x.com`, `tw` -> `twitter`;
 * `ig` -> `instagram`; `bsky` -> `bluesky`).
 *
 * @category normalizers
 * @since 0.1.0
 */
export const service = (raw: string): string => {
  const s = raw.trim().toLowerCase()
  return aliases[s] ?? aliases[s.replace(/^www\./, "")] ?? s
}

/**
 * A handle in canonical form for its service: profile links reduced to the handle, a leading
 * `@` removed, lower-cased where the service ignores case. Mastodon keeps `user@instance`.
 *
 * @category normalizers
 * @since 0.1.0
 */
export const normalize = (
  svc: string,
  handle: string,
): { readonly service: string; readonly handle: string } => {
  const s = service(svc)
  let h = handle.trim()
  if (s === "twitter") h = Url.twitterHandle(h) ?? h
  else if (s === "linkedin") h = Url.linkedinSlug(h) ?? h
  else if (/^https?:\/\//i.test(h)) {
    // github.com/jdoe, instagram.com/jdoe/: the first path segment is the account.
    const m = /^https?:\/\/[^/]+\/@?([^/?#]+)/i.exec(h)
    if (m?.[1]) h = m[1]
  }
  h = h.replace(/^@/, "")
  if (s === "bluesky") h = h.replace(/\.$/, "")
  return { service: s, handle: caseInsensitive.has(s) ? h.toLowerCase() : h }
}

/**
 * The key `service:handle` of an account, used for matching.
 *
 * @category normalizers
 * @since 0.1.0
 */
export const key = (svc: string, handle: string): string => {
  const n = normalize(svc, handle)
  return `${n.service}:${n.handle}`
}
