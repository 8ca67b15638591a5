/**
 * Instant-messaging and social accounts: the per-service X- properties of 2.1/3.0 exporters,
 * IMPP URIs and Apple's X-SOCIALPROFILE, read into one `{ service, handle }` vocabulary (and
 * written back from it).
 */

/** Legacy per-service properties (`X-AIM:handle`) and the service they name. */
export const imProperties: Readonly<Record<string, string>> = {
  "X-AIM": "aim",
  "X-ICQ": "icq",
  "X-MSN": "msn",
  "X-YAHOO": "yahoo",
  "X-JABBER": "xmpp",
  "X-GTALK": "gtalk",
  "X-GOOGLE-TALK": "gtalk",
  "X-GOOGLE TALK": "gtalk",
  "X-SKYPE": "skype",
  "X-SKYPE-USERNAME": "skype",
  "X-QQ": "qq",
  "X-SAMETIME": "sametime",
  "X-GADUGADU": "gadugadu",
  "X-GROUPWISE": "groupwise",
  "X-TWITTER": "twitter",
  "X-SIP": "sip",
  "X-FACEBOOK": "facebook",
  "X-LINKEDIN": "linkedin",
  "X-INSTAGRAM": "instagram",
}

/** KDE's `X-messaging/xmpp-All` style: the service is between the slash and `-All`. */
export const kdeMessagingService = (name: string): string | undefined => {
  const m = /^X-MESSAGING\/([A-Z0-9._-]+?)-ALL$/i.exec(name)
  return m ? canonicalService(m[1]!) : undefined
}

const aliases: Readonly<Record<string, string>> = {
  jabber: "xmpp",
  "google talk": "gtalk",
  googletalk: "gtalk",
  "google-talk": "gtalk",
  hangouts: "gtalk",
  msnim: "msn",
  "windows live": "msn",
  ymsgr: "yahoo",
  callto: "skype",
  gg: "gadugadu",
  "gadu-gadu": "gadugadu",
  ircs: "irc",
  x: "twitter",
}

/** Lower-cases a service name and folds the common aliases (`jabber` -> `xmpp`). */
export const canonicalService = (service: string): string => {
  const k = service.trim().toLowerCase()
  return aliases[k] ?? k
}

const hosts: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^|\.)(twitter|x)\.com$/, "twitter"],
  [/(^|\.)(facebook|fb)\.com$/, "facebook"],
  [/(^|\.)linkedin\.com$/, "linkedin"],
  [/(^|\.)instagram\.com$/, "instagram"],
  [/(^|\.)github\.com$/, "github"],
  [/(^|\.)flickr\.com$/, "flickr"],
  [/(^|\.)myspace\.com$/, "myspace"],
  [/(^|\.)weibo\.com$/, "sinaweibo"],
  [/(^|\.)youtube\.com$/, "youtube"],
]

/** The service a profile URL belongs to, from its host. */
export const serviceOfUrl = (url: string): string | undefined => {
  try {
    const host = new URL(url).hostname.toLowerCase()
    return hosts.find(([re]) => re.test(host))?.[1]
  } catch {
    return undefined
  }
}

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Splits an IMPP URI (`xmpp:alice@example.com`, `aim:Messenger%20Work`) into scheme and handle. */
export const splitImUri = (uri: string): { readonly scheme: string | undefined; readonly handle: string } => {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(?:\/\/)?(.*)$/.exec(uri.trim())
  if (!m) return { scheme: undefined, handle: uri.trim() }
  return { scheme: m[1]!.toLowerCase(), handle: safeDecode(m[2]!).trim() }
}

/** The handle in a profile URL: the last path segment without `@` (`/in/jdoe/` -> `jdoe`). */
export const handleOfUrl = (url: string): string | undefined => {
  try {
    const u = new URL(url)
    if (u.protocol === "x-apple:") return safeDecode(u.pathname).trim() || undefined
    const segments = u.pathname.split("/").filter((s) => s !== "")
    const last = segments[segments.length - 1]
    return last ? safeDecode(last).replace(/^@/, "") : undefined
  } catch {
    return undefined
  }
}

/** Services written as IMPP (chat) rather than X-SOCIALPROFILE (web profile), with their URI scheme. */
export const imSchemes: Readonly<Record<string, string>> = {
  aim: "aim",
  icq: "icq",
  msn: "msnim",
  yahoo: "ymsgr",
  skype: "skype",
  xmpp: "xmpp",
  gtalk: "xmpp",
  qq: "qq",
  sip: "sip",
  irc: "irc",
  gadugadu: "gg",
  sametime: "sametime",
  groupwise: "groupwise",
}

/** Profile URL templates for web services. */
export const profileUrls: Readonly<Record<string, (handle: string) => string>> = {
  twitter: (h) => `https://twitter.com/${encodeURIComponent(h)}`,
  facebook: (h) => `https://www.facebook.com/${encodeURIComponent(h)}`,
  linkedin: (h) => `https://www.linkedin.com/in/${encodeURIComponent(h)}`,
  instagram: (h) => `https://www.instagram.com/${encodeURIComponent(h)}`,
  github: (h) => `https://github.com/${encodeURIComponent(h)}`,
  flickr: (h) => `https://www.flickr.com/photos/${encodeURIComponent(h)}`,
  youtube: (h) => `https://www.youtube.com/@${encodeURIComponent(h)}`,
}
