/**
 * Personal names: splitting what sources write into parts ("Family, Given", honorifics,
 * credentials), and folding for comparison (diacritics, fancy Unicode letters, emoji).
 *
 * @since 0.1.0
 */

import type { NameParts } from "@blackbook/model/SourceRecord"
import * as Email from "./Email.ts"
import { jaroWinkler } from "./Similarity.ts"

// Letters that Unicode does not decompose into a base letter plus a mark.
const special: Readonly<Record<string, string>> = {
  ß: "ss",
  ẞ: "ss",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  æ: "ae",
  œ: "oe",
  ı: "i",
  ŀ: "l",
  ħ: "h",
  ŧ: "t",
  ĸ: "k",
  ŋ: "n",
  ſ: "s",
  // Small capitals, used for "fancy" display names; NFKC leaves them alone.
  ᴀ: "a",
  ʙ: "b",
  ᴄ: "c",
  ᴅ: "d",
  ᴇ: "e",
  ꜰ: "f",
  ɢ: "g",
  ʜ: "h",
  ɪ: "i",
  ᴊ: "j",
  ᴋ: "k",
  ʟ: "l",
  ᴍ: "m",
  ɴ: "n",
  ᴏ: "o",
  ᴘ: "p",
  ʀ: "r",
  ꜱ: "s",
  ᴛ: "t",
  ᴜ: "u",
  ᴠ: "v",
  ᴡ: "w",
  ʏ: "y",
  ᴢ: "z",
}
const specialPattern = new RegExp(`[${Object.keys(special).join("")}]`, "gu")
// Pictographs, their modifiers and joiners, flags, keycaps and emoji tag sequences.
const pictographs =
  /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u20e3|\ufe0e|\ufe0f|\u200d|[\u{e0020}-\u{e007f}]/gu
// A combining mark on a Latin, Greek or Cyrillic letter is a diacritic; elsewhere (Devanagari
// vowel signs, for example) it is part of the letter and must stay.
const diacritics = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu

/**
 * Folds text for comparison: NFKC (mathematical alphanumerics such as 𝓩𝓪𝓫 or 𝐁𝐨𝐥𝐝 and
 * fullwidth letters become ASCII), lower-case, ß->ss, ø->o, ł->l and similar, diacritics removed
 * (Jürgen -> jurgen), emoji and pictographs removed, whitespace collapsed.
 *
 * @category normalizers
 * @since 0.1.0
 */
export const fold = (s: string): string =>
  // Printable ASCII (most names) needs none of the Unicode passes.
  /^[\x20-\x7e]*$/.test(s) ? s.toLowerCase().replace(/ {2,}/g, " ").trim() : foldUnicode(s)

const foldUnicode = (s: string): string =>
  s
    .normalize("NFKC")
    .replace(pictographs, " ")
    .toLowerCase()
    .replace(specialPattern, (c) => special[c] ?? c)
    .normalize("NFD")
    .replace(diacritics, "$1")
    .normalize("NFC")
    .replace(/\s+/gu, " ")
    .trim()

/**
 * The folded words of a text: apostrophes and dots inside words dropped (O'Brien -> obrien),
 * every other non-letter, non-digit character a separator (Jean-Luc -> jean, luc).
 *
 * @category normalizers
 * @since 0.1.0
 */
export const tokens = (s: string): ReadonlyArray<string> =>
  fold(s)
    .replace(/['’ʼ`´.]/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)

/**
 * Initials of a name, lower-case: "Jean-Luc Picard" -> "jlp". For parts, the given, middle and
 * family names in that order.
 *
 * @category normalizers
 * @since 0.1.0
 */
export const initials = (name: string | NameParts): string => {
  const text =
    typeof name === "string" ? name : [name.given, name.middle, name.family].filter(isText).join(" ")
  return tokens(text)
    .map((t) => t[0])
    .join("")
}

/**
 * Jaro-Winkler similarity (0..1) of two names after folding.
 *
 * @category comparisons
 * @since 0.1.0
 */
export const similarity = (a: string, b: string): number =>
  jaroWinkler(tokens(a).join(" "), tokens(b).join(" "))

const isText = (s: string | undefined): s is string => s !== undefined && s.trim() !== ""

const oneWord = /^\p{L}+$/u

const key = (token: string): string => fold(token).replace(/[.'’]/g, "")

const honorifics: ReadonlySet<string> = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "dr",
  "drs",
  "prof",
  "professor",
  "sir",
  "dame",
  "lord",
  "lady",
  "rev",
  "revd",
  "reverend",
  "fr",
  "father",
  "pastor",
  "rabbi",
  "imam",
  "herr",
  "hr",
  "frau",
  "fraulein",
  "frl",
  "monsieur",
  "mme",
  "mlle",
  "madame",
  "mademoiselle",
  "senor",
  "senora",
  "senorita",
  "sra",
  "srta",
  "dott",
  "dottssa",
  "dottore",
  "dottoressa",
  "sig",
  "sigra",
  "signor",
  "signora",
  "ing",
  "dipl-ing",
  "dipling",
  "mag",
  "hon",
  "capt",
  "cpt",
  "col",
  "gen",
  "lt",
  "maj",
  "sgt",
  "cmdr",
  "adm",
])

// Generations and credentials written after a name.
const suffixes: ReadonlySet<string> = new Set([
  "jr",
  "jnr",
  "junior",
  "sr",
  "snr",
  "senior",
  "ii",
  "iii",
  "iv",
  "phd",
  "md",
  "mba",
  "cpa",
  "esq",
  "esquire",
  "dds",
  "dmd",
  "dvm",
  "cfa",
  "cfp",
  "llm",
  "llb",
  "msc",
  "bsc",
  "meng",
  "beng",
  "mphil",
  "dphil",
  "edd",
  "psyd",
  "mph",
  "msw",
  "lcsw",
  "frcs",
  "frcp",
  "mrcp",
  "obe",
  "mbe",
  "cbe",
  "kbe",
  "dbe",
  "qc",
  "kc",
  "facs",
  "pmp",
  "cissp",
  "aia",
  "ret",
  "retd",
])
// Credentials that are also family names (Ma, Do, Pe): a suffix only after a comma or when dotted.
const ambiguousSuffixes: ReadonlySet<string> = new Set(["ma", "ba", "pe", "rn", "jd", "pa", "np", "do", "ms"])

const isHonorific = (t: string): boolean => honorifics.has(key(t))
const isSuffix = (t: string, strong: boolean): boolean => {
  const k = key(t.replace(/,$/, ""))
  if (suffixes.has(k)) return true
  return ambiguousSuffixes.has(k) && (strong || /\p{L}\.\p{L}/u.test(t))
}

// Particles that belong to the family name: Ludwig van Beethoven, Ana de la Cruz.
const particles: ReadonlySet<string> = new Set([
  "van",
  "von",
  "der",
  "den",
  "de",
  "del",
  "della",
  "dello",
  "degli",
  "di",
  "da",
  "das",
  "dos",
  "do",
  "du",
  "la",
  "le",
  "lo",
  "ten",
  "ter",
  "zu",
  "zur",
  "vom",
  "bin",
  "binti",
  "ibn",
  "al",
  "el",
  "af",
  "av",
  "st",
  "y",
  // Irish: Ó Súilleabháin, Ní Bhriain, Mac an tSaoi.
  "o",
  "ni",
  "nic",
  "ui",
])

/** Drops pictographs and brackets' and quotes' contents; returns the nickname if one was quoted. */
const stripDecoration = (raw: string): { readonly text: string; readonly nickname?: string } => {
  let nickname: string | undefined
  let text = raw.replace(pictographs, " ")
  text = text.replace(/["“”„«»]([^"“”„«»]+)["“”„«»]/gu, (_, inner: string) => {
    nickname ??= inner.trim()
    return " "
  })
  text = text.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    const t = inner.trim()
    if (nickname === undefined && t !== "" && !/\s/.test(t) && /\p{L}/u.test(t)) nickname = t
    return " "
  })
  text = text.replace(/\s+/g, " ").trim()
  return nickname === undefined ? { text } : { text, nickname }
}

const words = (s: string): Array<string> => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w))

/** Splits leading honorifics off a list of words. */
const takePrefix = (ws: Array<string>): Array<string> => {
  const prefix: Array<string> = []
  while (ws.length > 1 && isHonorific(ws[0]!)) prefix.push(ws.shift()!)
  return prefix
}

/** Splits trailing generations/credentials off a list of words, keeping at least `keep` words. */
const takeSuffix = (ws: Array<string>, keep: number, strong: boolean): Array<string> => {
  const suffix: Array<string> = []
  while (ws.length > keep && isSuffix(ws[ws.length - 1]!, strong)) suffix.unshift(ws.pop()!.replace(/,$/, ""))
  return suffix
}

const join = (ws: ReadonlyArray<string>, sep = " "): string | undefined =>
  ws.length > 0 ? ws.join(sep) : undefined

/** Segments after the first comma that are all credentials go to the suffix. */
const splitCommaSuffixes = (s: string): { readonly head: Array<string>; readonly suffix: Array<string> } => {
  const segments = s
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "")
  const suffix: Array<string> = []
  while (segments.length > 1) {
    const last = words(segments[segments.length - 1]!)
    if (last.length === 0 || !last.every((w) => isSuffix(w, true))) break
    suffix.unshift(...last)
    segments.pop()
  }
  return { head: segments, suffix }
}

const build = (fields: {
  prefix?: string | undefined
  given?: string | undefined
  middle?: string | undefined
  family?: string | undefined
  suffix?: string | undefined
  nickname?: string | undefined
  formatted?: string | undefined
}): NameParts => {
  const out: {
    prefix?: string
    given?: string
    middle?: string
    family?: string
    suffix?: string
    nickname?: string
    formatted?: string
  } = {}
  for (const k of ["prefix", "given", "middle", "family", "suffix", "nickname", "formatted"] as const) {
    const v = fields[k]?.trim()
    if (v !== undefined && v !== "") out[k] = v
  }
  return out
}

/**
 * "Family, Given" when the part before the comma is a short family name and the part after it a
 * short given name; "Jane Doe, Acme Corp" is a name followed by something else.
 */
const isFamilyFirst = (head: ReadonlyArray<string>): boolean => {
  const fam = words(head[0]!).filter((w) => !particles.has(key(w)) && !isHonorific(w))
  const rest = words(head.slice(1).join(" ")).filter((w) => !isHonorific(w))
  return (
    fam.length >= 1 &&
    fam.length <= 2 &&
    rest.length >= 1 &&
    rest.length <= 3 &&
    !rest.some((w) => organizationWords.has(key(w)))
  )
}

/**
 * Company legal forms, folded ("Ltd", "GmbH", "S.A." as a word "sa"): the one list. Names read
 * them as a sign that text after a comma is an organisation; `@blackbook/resolve`'s profiles drop
 * them from company names before comparing.
 *
 * @category constants
 * @since 0.3.0
 */
export const legalForms: ReadonlySet<string> = new Set([
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "ltd",
  "limited",
  "llc",
  "llp",
  "plc",
  "gmbh",
  "ag",
  "kg",
  "ug",
  "sa",
  "sarl",
  "sas",
  "srl",
  "spa",
  "bv",
  "nv",
  "oy",
  "ab",
  "pty",
])

// Words that make the text after a comma an organisation, not a given name: a legal form, or a
// word organisations are named with.
const organizationWords: ReadonlySet<string> = new Set([...legalForms, "group", "university", "bank"])

/** Parses a formatted name: "Dr. Jane Q. Public III", "Public, Jane", "Jane Doe, PhD". */
const parseFormatted = (raw: string): NameParts => {
  const { text, nickname } = stripDecoration(raw)
  const { head, suffix } = splitCommaSuffixes(text)
  let prefix: Array<string>
  let given: string | undefined
  let middle: string | undefined
  let family: string | undefined
  let tail: Array<string>
  if (head.length >= 2 && isFamilyFirst(head)) {
    // "Family, Given Middle": the family segment may carry its own suffix (Smith Jr., John).
    const fam = words(head[0]!)
    const famPrefix = takePrefix(fam)
    const famSuffix = takeSuffix(fam, 1, false)
    const rest = words(head.slice(1).join(" "))
    prefix = [...famPrefix, ...takePrefix(rest)]
    tail = [...famSuffix, ...takeSuffix(rest, 1, false)]
    family = join(fam)
    given = rest[0]
    middle = join(rest.slice(1))
  } else {
    const ws = words(head[0] ?? "")
    prefix = takePrefix(ws)
    tail = takeSuffix(ws, 2, false)
    if (ws.length === 1) {
      // "Mr Smith": after an honorific, a lone word is the family name.
      if (prefix.length > 0) family = ws[0]
      else given = ws[0]
    } else if (ws.length >= 2) {
      let start = ws.length - 1
      while (start > 1 && particles.has(key(ws[start - 1]!))) start--
      family = join(ws.slice(start))
      given = ws[0]
      middle = join(ws.slice(1, start))
    }
  }
  return build({
    prefix: join(prefix),
    given,
    middle,
    family,
    suffix: join([...tail, ...suffix], ", "),
    nickname,
    formatted: raw,
  })
}

/**
 * Splits a name into parts. A string is read as a formatted name ("Family, Given" order,
 * honorifics to `prefix`, generations and credentials to `suffix`, a quoted word to `nickname`).
 * Parts are cleaned: a prefix inside `given` ("Dr. Jane") or a suffix inside `family` ("Novak,
 * Ph.D.", "Smith Jr") moves to its own field; when only `formatted` is set it is parsed.
 * `formatted` is kept as written.
 *
 * @category parsing
 * @since 0.1.0
 */
export const parse = (name: string | NameParts): NameParts => {
  if (typeof name === "string") return isText(name) ? parseFormatted(name.trim()) : {}
  // A given and a family name of one word of letters each (most names): no decoration to strip,
  // and a lone word is never taken as an honorific or a credential, so the parts are kept as given.
  if (
    (name.given !== undefined || name.family !== undefined) &&
    (name.given === undefined || oneWord.test(name.given)) &&
    (name.family === undefined || oneWord.test(name.family))
  )
    return build(name)
  const hasParts = [name.given, name.middle, name.family].some(isText)
  if (!hasParts) {
    if (!isText(name.formatted)) return build(name)
    const parsed = parseFormatted(name.formatted)
    return build(
      Object.assign({}, parsed, {
        prefix: name.prefix ?? parsed.prefix,
        suffix: name.suffix ?? parsed.suffix,
        nickname: name.nickname ?? parsed.nickname,
      }),
    )
  }
  const prefix: Array<string> = isText(name.prefix) ? [name.prefix.trim()] : []
  const suffix: Array<string> = isText(name.suffix) ? [name.suffix.trim()] : []
  let given = name.given
  let family = name.family
  if (isText(given)) {
    const ws = words(stripDecoration(given).text)
    prefix.push(...takePrefix(ws))
    given = join(ws)
  }
  if (isText(family)) {
    const split = splitCommaSuffixes(stripDecoration(family).text)
    const ws = words(split.head.join(" "))
    const tail = takeSuffix(ws, 1, false)
    family = join(ws)
    suffix.push(...tail, ...split.suffix)
  }
  return build({
    prefix: join(prefix),
    given,
    middle: name.middle,
    family,
    suffix: join(suffix, ", "),
    nickname: name.nickname,
    formatted: name.formatted,
  })
}

/**
 * A name to show: `formatted` when set, else given and family, else the nickname; undefined
 * when the parts hold no name.
 *
 * @category getters
 * @since 0.1.0
 */
export const displayName = (parts: NameParts): string | undefined => {
  if (isText(parts.formatted)) return parts.formatted.trim()
  const gf = [parts.given, parts.family].filter(isText).map((s) => s.trim())
  if (gf.length > 0) return gf.join(" ")
  if (isText(parts.middle)) return parts.middle.trim()
  return isText(parts.nickname) ? parts.nickname.trim() : undefined
}

/** @category models @since 0.1.0 */
export type Generation = "jr" | "sr" | "ii" | "iii" | "iv"

/**
 * The generation a suffix states (Jr, Sr, II, III, IV), used to keep father and son apart.
 *
 * @category getters
 * @since 0.1.0
 */
export const generation = (parts: NameParts): Generation | undefined => {
  for (const w of tokens(parts.suffix ?? "")) {
    if (w === "jr" || w === "jnr" || w === "junior") return "jr"
    if (w === "sr" || w === "snr" || w === "senior") return "sr"
    if (w === "ii" || w === "iii" || w === "iv") return w
  }
  return undefined
}

/**
 * Splits credentials written after a name without a comma off its end ("Jansen MBA", "Yuki
 * Jansen PhD"), keeping at least `keep` words: the base name and the credentials, or the text
 * alone when it ends in none. Credentials that are also family names (Ma, Do) count only dotted.
 *
 * @category parsing
 * @since 0.4.0
 */
export const splitTrailingCredentials = (
  text: string,
  keep = 1,
): { readonly base: string; readonly suffix?: string } => {
  const ws = text.split(/\s+/).filter((w) => w !== "")
  const suffix = takeSuffix(ws, keep, false)
  return suffix.length === 0 ? { base: text.trim() } : { base: ws.join(" "), suffix: suffix.join(" ") }
}

// Words of a job title, as people write them after their name on a profile.
const jobWords: ReadonlySet<string> = new Set([
  "director",
  "manager",
  "engineer",
  "developer",
  "designer",
  "consultant",
  "recruiter",
  "founder",
  "cofounder",
  "co-founder",
  "ceo",
  "cto",
  "cfo",
  "coo",
  "cmo",
  "cio",
  "cpo",
  "vp",
  "svp",
  "evp",
  "president",
  "head",
  "lead",
  "partner",
  "analyst",
  "architect",
  "officer",
  "specialist",
  "scientist",
  "researcher",
  "professor",
  "lecturer",
  "teacher",
  "nurse",
  "physician",
  "lawyer",
  "attorney",
  "solicitor",
  "barrister",
  "accountant",
  "associate",
  "assistant",
  "executive",
  "advisor",
  "adviser",
  "chair",
  "chairman",
  "chairwoman",
  "editor",
  "writer",
  "journalist",
  "producer",
  "strategist",
  "coordinator",
  "administrator",
  "marketer",
  "marketing",
  "sales",
  "hr",
  "intern",
  "student",
  "investor",
  "entrepreneur",
  "owner",
  "principal",
  "programmer",
  "scrum",
  "product",
  "recruitment",
  "talent",
])

/**
 * Whether a text reads as a job title ("HR Director", "Head of Sales", "CEO @ Acme"): it holds a
 * word job titles are made of.
 *
 * @category parsing
 * @since 0.4.0
 */
export const looksLikeJobTitle = (text: string): boolean =>
  text
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .some((w) => jobWords.has(w))

/** @category models @since 0.4.0 */
export interface DisplayName {
  /** The name parts; empty when the display name is no person's name ("coffee & code"). */
  readonly name: NameParts
  /** A job title the display name states after the name ("Jane Doe | HR Director"). */
  readonly title?: string
  /** An employer the title names ("CEO @ Acme", "CTO at Acme"). */
  readonly company?: string
}

// Symbols that decorate a display name: pictographs and their modifiers, dingbats (✨ ★ ♥).
const ornaments =
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\p{So}\p{Sk}]|\u20e3|\ufe0e|\ufe0f|\u200d|[\u{e0020}-\u{e007f}]/gu
// Separators a tagline always follows ("Jane Doe | Designer", "Jane Doe · Writer").
const taglineBar = /\s*[|·•]\s*|\s+\/\/\s+/u
// Separators a tagline follows only when it reads as a job title ("Jean - Luc" stays a name).
const taglineDash = /\s+[-–—]\s+/u
// A word of a person's name: letters and the marks, apostrophes, hyphens and dots names use.
const nameWordShape = /^[\p{L}\p{M}'’.-]+$/u
// The characters a name is written with, quotes and brackets around a nickname included.
const nameText = /^[\p{L}\p{M}\s'’.,"“”()-]+$/u
// Words that make a text a phrase rather than a name ("The Data Guy", "Coffee and code").
const phraseWords: ReadonlySet<string> = new Set([
  "the",
  "and",
  "of",
  "my",
  "your",
  "our",
  "an",
  "is",
  "for",
  "with",
  "from",
  "not",
  "just",
  "official",
])

// Chinese, Japanese and Korean names written in their own scripts put the family name first.
const eastAsian = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・\s]+$/u

/** "田中 由紀" is family 田中, given 由紀; one word is not split (where would it be?). */
const familyFirst = (text: string): NameParts => {
  const ws = text.split(/\s+/).filter((w) => w !== "")
  return ws.length === 2 ? build({ family: ws[0], given: ws[1] }) : build({ given: text })
}

/** Splits "CEO @ Acme" / "CTO at Acme" into the title and the company. */
const titleAndCompany = (text: string): { readonly title: string; readonly company?: string } => {
  const m = /^(.+?)\s+(?:@|at)\s+(.+)$/iu.exec(text)
  return m?.[1] !== undefined && m[2] !== undefined
    ? { title: m[1].trim(), company: m[2].trim() }
    : { title: text }
}

/** Whether parsed parts look like a person's name: a few words of letters, no phrase words. */
const isPersonName = (parts: NameParts): boolean => {
  const ws = [parts.given, parts.middle, parts.family].filter(isText).flatMap((p) => p.split(/\s+/))
  if (ws.length === 0 || ws.length > 5) return false
  return ws.every((w) => nameWordShape.test(w) && /\p{L}/u.test(w) && !phraseWords.has(key(w)))
}

/**
 * Reads a display name the way a person would (a Twitter/X name, a chat name): a job title after
 * " | ", " · " (or " - ", ", " when what follows is a job title) goes to `title`; emoji and
 * ornaments are dropped; honorifics and credentials are parsed as `parse` does. `formatted` is the
 * cleaned name ("Dr. Jane Doe"); a text that is not a person's name gives no name parts.
 *
 * @category parsing
 * @since 0.4.0
 */
export const fromDisplayName = (raw: string): DisplayName => {
  const text = raw.normalize("NFKC").replace(ornaments, " ").replace(/\s+/gu, " ").trim()
  let head = text
  let tagline: string | undefined
  const bar = taglineBar.exec(text)
  if (bar !== null && bar.index > 0) {
    head = text.slice(0, bar.index)
    tagline = text.slice(bar.index + bar[0].length)
  } else {
    const dash = taglineDash.exec(text)
    if (dash !== null && looksLikeJobTitle(text.slice(dash.index + dash[0].length))) {
      head = text.slice(0, dash.index)
      tagline = text.slice(dash.index + dash[0].length)
    } else {
      const comma = text.indexOf(", ")
      const after = comma > 0 ? text.slice(comma + 2) : ""
      if (comma > 0 && looksLikeJobTitle(after) && splitCommaSuffixes(text).suffix.length === 0) {
        head = text.slice(0, comma)
        tagline = after
      }
    }
  }
  const job =
    tagline !== undefined && looksLikeJobTitle(tagline) ? titleAndCompany(tagline.trim()) : undefined
  // "田中 由紀 (Yuki Tanaka)": a romanisation in brackets does not change the name's order.
  const native = head.replace(/\([^()]*\)/g, " ").trim()
  const parsed = native !== "" && eastAsian.test(native) ? familyFirst(native) : parseFormatted(head.trim())
  const name =
    nameText.test(head) && isPersonName(parsed) ? Object.assign({}, parsed, { formatted: head.trim() }) : {}
  return {
    name,
    ...(job !== undefined ? { title: job.title } : {}),
    ...(job?.company !== undefined ? { company: job.company } : {}),
  }
}

/** @category models @since 0.4.0 */
export interface AddressAsName {
  /** The name fields as written, joined with spaces. */
  readonly text: string
  /** The e-mail address they spell, when it is a valid one. */
  readonly address?: string
}

/**
 * Name fields that hold an e-mail address rather than a name: exporters that split a display name
 * at its dots write `x@gmail.com` as given `x@gmail`, family `com`. The text as written and the
 * address it spells (the parts joined at the split dots), or undefined when no part holds an `@`.
 *
 * @category parsing
 * @since 0.4.0
 */
export const addressAsName = (parts: NameParts): AddressAsName | undefined => {
  const fields = [parts.prefix, parts.given, parts.middle, parts.family, parts.suffix].filter(isText)
  const all = isText(parts.formatted) ? [parts.formatted, ...fields] : fields
  if (!all.some((f) => f.includes("@"))) return undefined
  const text = (isText(parts.formatted) ? parts.formatted : fields.join(" ")).trim()
  // A field that is an address by itself comes before the fields joined at their split dots.
  const candidates = [...all.map((f) => f.trim()), fields.map((f) => f.trim()).join(".")]
  const address = candidates.find((c) => !/\s/.test(c) && Email.isValid(c))
  return address === undefined ? { text } : { text, address: Email.normalize(address) }
}
