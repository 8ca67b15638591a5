/**
 * E-mail addresses: cleaning what sources write (`mailto:`, display names, angle brackets), and the
 * identity key used to match people (`canonical`), which applies only the aliasing rules the
 * address's own provider applies.
 *
 * @since 0.1.0
 */
import { trimEndMatching } from "./internal/trim.ts"

/**
 * Trims, strips `mailto:`, a display name and angle brackets, and lower-cases:
 * `"Jane Doe" <Jane@X.com>` gives `jane@x.com`. Total: a string without an address is returned
 * trimmed and lower-cased.
 *
 * @category normalizers
 * @since 0.1.0
 */
export const normalize = (raw: string): string => {
  // Already normal (the common case, and every call after the first): nothing to strip.
  if (plain.test(raw) && !raw.endsWith(".")) return raw
  let s = raw.trim()
  const angle = /<([^<>]*)>/.exec(s)
  if (angle?.[1]?.includes("@")) s = angle[1]
  s = s.replace(/^mailto:/i, "")
  // A query (`?subject=...`) can follow a mailto address.
  const q = s.indexOf("?")
  if (q >= 0 && s.slice(0, q).includes("@")) s = s.slice(0, q)
  s = trimEndMatching(s.trim().replace(/^["'(<\s]+/, ""), /[>"')\s;,.]/)
  // Percent-encoding occurs in mailto links; decode only when it yields valid text.
  if (s.includes("%")) {
    try {
      s = decodeURIComponent(s)
    } catch {
      // a lone "%" in an address is kept as written
    }
  }
  return s.toLowerCase()
}

const plain = /^[^\s<>"'(),;:?%A-Z]+$/

const addressPattern =
  /^[^\s@<>()[\]\\,;:"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i

/**
 * Whether the normalized address is syntactically plausible: one `@`, a local part without
 * spaces or specials, and a dotted domain of letters, digits and hyphens.
 *
 * @category guards
 * @since 0.1.0
 */
export const isValid = (raw: string): boolean => {
  const s = normalize(raw)
  if (s.length > 254 || !addressPattern.test(s)) return false
  const local = localPart(s)
  return local.length <= 64 && !local.startsWith(".") && !local.endsWith(".") && !local.includes("..")
}

/**
 * The part after the last `@` of the normalized address, or "" when there is none.
 *
 * @category getters
 * @since 0.1.0
 */
export const domain = (raw: string): string => {
  const s = normalize(raw)
  const at = s.lastIndexOf("@")
  return at < 0 ? "" : s.slice(at + 1)
}

/**
 * The part before the last `@` of the normalized address (the whole string when there is none).
 *
 * @category getters
 * @since 0.1.0
 */
export const localPart = (raw: string): string => {
  const s = normalize(raw)
  const at = s.lastIndexOf("@")
  return at < 0 ? s : s.slice(0, at)
}

/** What a provider ignores in the local part. */
interface Rule {
  /** The domain every alias domain maps to. */
  readonly domain?: string
  /** Characters the provider drops from the local part. */
  readonly drop?: RegExp
  /** The separator after which the provider ignores a tag (`+` mostly; Yahoo uses `-`). */
  readonly tag?: string
  /** Words for the reason sentence. */
  readonly name: string
}

const gmail: Rule = { domain: "gmail.com", drop: /\./g, tag: "+", name: "Gmail" }
const microsoft: Rule = { tag: "+", name: "Outlook" }
const apple: Rule = { tag: "+", name: "iCloud" }
const fastmail: Rule = { tag: "+", name: "Fastmail" }
// Proton's own web client strips "+tag" and every ".", "-" and "_" when comparing addresses.
const proton: Rule = { drop: /[._-]/g, tag: "+", name: "Proton" }
// Yahoo's disposable addresses are "base-keyword"; Yahoo ids cannot contain "-".
const yahoo: Rule = { tag: "-", name: "Yahoo" }
const zoho: Rule = { tag: "+", name: "Zoho" }

const rules: ReadonlyMap<string, Rule> = new Map([
  ["gmail.com", gmail],
  ["googlemail.com", gmail],
  ...["outlook.com", "hotmail.com", "live.com", "msn.com", "passport.com"].map(
    (d) => [d, microsoft] as const,
  ),
  ...["icloud.com", "me.com", "mac.com"].map((d) => [d, apple] as const),
  ...["fastmail.com", "fastmail.fm"].map((d) => [d, fastmail] as const),
  ...["protonmail.com", "protonmail.ch", "proton.me", "pm.me"].map((d) => [d, proton] as const),
  ...["ymail.com", "rocketmail.com"].map((d) => [d, yahoo] as const),
  ...["zoho.com", "zohomail.com"].map((d) => [d, zoho] as const),
])

/** Country variants: hotmail.co.uk, outlook.de, live.fr, yahoo.co.jp ... */
const ruleFor = (d: string): Rule | undefined => {
  const exact = rules.get(d)
  if (exact) return exact
  // The first label, without splitting the domain into a list (asked once per address read).
  const dot = d.indexOf(".")
  const first = dot < 0 ? d : d.slice(0, dot)
  if (first === "yahoo") return yahoo
  if (first === "hotmail" || first === "outlook" || first === "live" || first === "windowslive")
    return microsoft
  return undefined
}

/**
 * The identity key of an address: normalized, then only what the provider itself ignores is
 * removed. Gmail/Googlemail: dots and `+tag` (googlemail.com becomes gmail.com); Outlook, Hotmail,
 * Live, MSN, iCloud/me/mac, Fastmail, Zoho: `+tag`; Proton: `+tag` and `.`, `-`, `_`; Yahoo: the
 * `-keyword` of a disposable address. Unknown domains keep everything (lower-cased).
 *
 * @category normalizers
 * @since 0.1.0
 */
export const canonical = (raw: string): string => {
  const s = normalize(raw)
  const at = s.lastIndexOf("@")
  if (at <= 0) return s
  const d = s.slice(at + 1)
  const rule = ruleFor(d)
  if (!rule) return s
  let local = s.slice(0, at)
  if (rule.tag !== undefined) {
    const t = local.indexOf(rule.tag)
    if (t > 0) local = local.slice(0, t)
  }
  if (rule.drop) local = local.replace(rule.drop, "")
  if (local === "") return s
  return `${local}@${rule.domain ?? d}`
}

/**
 * The mailbox an address delivers to, as far as its text tells: `canonical`, and a `+tag`
 * sub-address dropped on any domain (`ana+news@acme.example` -> `ana@acme.example`), since mail
 * systems widely deliver `+` sub-addresses to the plain mailbox. For grouping one person's
 * spellings of an address, not for sending.
 *
 * @category normalizers
 * @since 0.4.0
 */
export const mailbox = (raw: string): string => {
  const s = canonical(raw)
  const at = s.lastIndexOf("@")
  const plus = s.indexOf("+")
  return plus > 0 && plus < at ? `${s.slice(0, plus)}${s.slice(at)}` : s
}

/**
 * The provider whose aliasing rules `canonical` applied ("Gmail", "Outlook", "Proton" ...), or
 * undefined for a domain with no known rules. Used to explain matches.
 *
 * @category getters
 * @since 0.1.0
 */
export const provider = (raw: string): string | undefined => ruleFor(domain(raw))?.name

const generic: ReadonlySet<string> = new Set([
  "info",
  "information",
  "admin",
  "administrator",
  "administration",
  "office",
  "contact",
  "contacts",
  "contactus",
  "sales",
  "support",
  "hello",
  "hi",
  "hey",
  "team",
  "noreply",
  "donotreply",
  "dontreply",
  "mail",
  "email",
  "mailbox",
  "enquiries",
  "enquiry",
  "inquiries",
  "inquiry",
  "help",
  "helpdesk",
  "service",
  "services",
  "customerservice",
  "customercare",
  "customersupport",
  "billing",
  "accounts",
  "accounting",
  "invoices",
  "invoice",
  "finance",
  "hr",
  "jobs",
  "careers",
  "recruiting",
  "recruitment",
  "marketing",
  "press",
  "media",
  "pr",
  "news",
  "newsletter",
  "webmaster",
  "postmaster",
  "hostmaster",
  "abuse",
  "security",
  "privacy",
  "legal",
  "compliance",
  "reception",
  "frontdesk",
  "booking",
  "bookings",
  "reservations",
  "orders",
  "order",
  "shop",
  "store",
  "feedback",
  "staff",
  "general",
  "all",
  "everyone",
  "notifications",
  "notification",
  "alerts",
  "updates",
  "root",
  "it",
  "ops",
  "operations",
  "partners",
  "partnerships",
  "community",
  "events",
  "membership",
  "members",
  "studio",
  "kontakt",
  "buero",
  "buro",
  "bureau",
  "empfang",
  "verwaltung",
  "vertrieb",
  "anfrage",
  "post",
  "accueil",
  "commercial",
  "direction",
  "informazioni",
  "ufficio",
  "contacto",
  "ventas",
  "oficina",
  "office-manager",
  "officemanager",
])

/**
 * A role address (info@, admin@, office@, contact@, sales@, support@, hello@, team@, noreply@
 * ...), shared by whoever does the job: it must never merge people by itself.
 *
 * @category guards
 * @since 0.1.0
 */
export const isGeneric = (raw: string): boolean => {
  const local = localPart(raw)
  // The part before any "+tag", without separators (asked once per address read).
  const plus = local.indexOf("+")
  const head = plus < 0 ? local : local.slice(0, plus)
  const base = separators.test(head) ? head.replace(separatorsAll, "") : head
  return generic.has(base) || generic.has(local) || noReply.test(local)
}

const separators = /[._-]/
const separatorsAll = /[._-]/g
const noReply = /^(no|do-?not|dont)-?reply/

const freemail: ReadonlySet<string> = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "aim.com",
  "ymail.com",
  "rocketmail.com",
  "gmx.de",
  "gmx.net",
  "gmx.at",
  "gmx.ch",
  "gmx.com",
  "web.de",
  "t-online.de",
  "freenet.de",
  "posteo.de",
  "mailbox.org",
  "protonmail.com",
  "protonmail.ch",
  "proton.me",
  "pm.me",
  "tutanota.com",
  "tutanota.de",
  "tuta.io",
  "fastmail.com",
  "fastmail.fm",
  "hey.com",
  "zoho.com",
  "zohomail.com",
  "yandex.ru",
  "yandex.com",
  "ya.ru",
  "mail.ru",
  "bk.ru",
  "inbox.ru",
  "list.ru",
  "rambler.ru",
  "qq.com",
  "163.com",
  "126.com",
  "sina.com",
  "naver.com",
  "daum.net",
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "laposte.net",
  "sfr.fr",
  "libero.it",
  "virgilio.it",
  "tiscali.it",
  "alice.it",
  "tin.it",
  "terra.com.br",
  "uol.com.br",
  "bol.com.br",
  "btinternet.com",
  "sky.com",
  "virginmedia.com",
  "blueyonder.co.uk",
  "talktalk.net",
  "comcast.net",
  "verizon.net",
  "att.net",
  "sbcglobal.net",
  "bellsouth.net",
  "cox.net",
  "charter.net",
  "earthlink.net",
  "juno.com",
  "bigpond.com",
  "bigpond.net.au",
  "optusnet.com.au",
  "shaw.ca",
  "rogers.com",
  "sympatico.ca",
  "seznam.cz",
  "wp.pl",
  "o2.pl",
  "onet.pl",
  "interia.pl",
  "telenet.be",
  "skynet.be",
  "ziggo.nl",
  "kpnmail.nl",
  "hetnet.nl",
  "bluewin.ch",
  "mail.com",
  "email.com",
  "usa.com",
  "inbox.com",
  "hushmail.com",
])

/**
 * Whether a domain (or an address's domain) is a public mailbox provider rather than an
 * organisation: two people at gmail.com say nothing about each other; two at acme.com do.
 *
 * @category guards
 * @since 0.1.0
 */
export const isFreemailDomain = (domainOrAddress: string): boolean => {
  const d = domainOrAddress.includes("@") ? domain(domainOrAddress) : domainOrAddress.trim().toLowerCase()
  if (freemail.has(d)) return true
  const first = d.split(".")[0]
  return first === "yahoo" || first === "hotmail" || first === "outlook" || first === "live"
}
