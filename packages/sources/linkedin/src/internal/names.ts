/**
 * LinkedIn names as members type them: emoji, "fancy" Mathematical Alphanumeric letters (𝓜𝓪𝓽𝓱),
 * trailing spaces and credentials after a comma ("Novak, Ph.D."). `formatted` keeps what the
 * member wrote; `given`/`family` get the plain letters so resolution can compare them.
 */
import type { SourceRecord } from "@blackbook/model"
import { Name } from "@blackbook/normalize"

type NameParts = SourceRecord.NameParts

// Pictographs, emoji modifiers/joiners, variation selectors, regional indicators, dingbats and
// other symbols that decorate names but are not part of them.
const decoration = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{So}\p{Sk}]|\u200d|\ufe0e|\ufe0f|\u20e3/gu
const spaces = /\s+/gu

/** The letters of a name part: NFKC (folds 𝓜𝓪𝓽𝓱 to Math), decorations dropped, spaces collapsed. */
export const plain = (text: string): string =>
  text.normalize("NFKC").replace(decoration, " ").replace(spaces, " ").trim()

/** The text as written, only with runs of whitespace collapsed and the ends trimmed. */
export const tidy = (text: string): string => text.replace(spaces, " ").trim()

const generational = new Set(["jr", "sr", "ii", "iii", "iv", "v"])
const honorifics = new Set(["dr", "prof", "mr", "mrs", "ms", "mx", "sir", "dame"])

/**
 * A comma-separated part that reads as a credential or generational suffix: `Ph.D.`, `MBA`,
 * `CFA`, `Jr.`, `PMP®`. A plain word such as `López` is not one.
 */
export const isCredential = (part: string): boolean => {
  const p = plain(part)
  if (p === "" || p.length > 24) return false
  const words = p.split(" ")
  if (words.length > 3) return false
  return words.every((w) => {
    const bare = w.replace(/[.®™]/gu, "")
    if (bare === "") return false
    if (generational.has(bare.toLowerCase())) return true
    if (!/^\p{Lu}[\p{L}\-&()/]*$/u.test(bare)) return false
    const upper = [...bare].filter((c) => /\p{Lu}/u.test(c)).length
    return w.includes(".") || upper >= 2
  })
}

/** Splits `Novak, Ph.D., MBA` into the name and its credentials (`Ph.D., MBA`). */
export const splitCredentials = (text: string): { readonly base: string; readonly suffix?: string } => {
  const parts = text.split(",")
  let cut = parts.length
  while (cut > 1 && isCredential(parts[cut - 1]!)) cut--
  if (cut === parts.length) return { base: text }
  const suffix = parts
    .slice(cut)
    .map((p) => tidy(p))
    .join(", ")
  return { base: parts.slice(0, cut).join(","), suffix }
}

const compact = (parts: { readonly [K in keyof NameParts]: string | undefined }): NameParts => {
  const out: { -readonly [K in keyof NameParts]: string } = {}
  for (const [k, v] of Object.entries(parts) as Array<[keyof NameParts, string | undefined]>) {
    if (v !== undefined && v !== "") out[k] = v
  }
  return out
}

const takePrefix = (given: string): { readonly prefix?: string; readonly rest: string } => {
  const words = given.split(" ")
  const first = words[0] ?? ""
  if (words.length > 1 && honorifics.has(first.replace(/\.$/, "").toLowerCase())) {
    return { prefix: first, rest: words.slice(1).join(" ") }
  }
  return { rest: given }
}

/** Credentials after a comma, then those written without one ("Jansen, PhD", "Jansen MBA"). */
const credentialsOff = (text: string, keep: number): { readonly base: string; readonly suffix?: string } => {
  const comma = splitCredentials(text)
  const spaced = Name.splitTrailingCredentials(plain(comma.base), keep)
  const suffix = [spaced.suffix, comma.suffix === undefined ? undefined : plain(comma.suffix)]
    .filter((s) => s !== undefined)
    .join(", ")
  return suffix === "" ? { base: spaced.base } : { base: spaced.base, suffix }
}

/** Name parts from LinkedIn's First Name / Last Name columns. */
export const fromParts = (first: string, last: string): NameParts => {
  const { base, suffix } = credentialsOff(last, 1)
  const given = takePrefix(plain(first))
  const formatted = tidy(`${tidy(first)} ${tidy(last)}`)
  return compact({
    prefix: given.prefix,
    given: given.rest,
    family: base,
    suffix,
    formatted,
  })
}

/**
 * Name parts from one "Full Name" string (messages, invitations): the first word is the given
 * name, the rest the family name, so particles stay with it ("Ludwig van Beethoven").
 */
export const fromFull = (full: string): NameParts => {
  const { base, suffix } = credentialsOff(full, 2)
  const words = base.split(" ").filter((w) => w !== "")
  const { prefix, rest } = takePrefix(words.join(" "))
  const restWords = rest.split(" ").filter((w) => w !== "")
  return compact({
    prefix,
    given: restWords[0],
    family: restWords.slice(1).join(" "),
    suffix,
    formatted: tidy(full),
  })
}

/** A key for comparing two spellings of one name: plain letters, case-folded, no accents. */
export const nameKey = (text: string): string =>
  plain(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()

/**
 * Splits a comma-joined list of names (`TO` of a group message) without cutting credentials off
 * their owner: `Ann Lee, Jane Doe, Ph.D., Bo Li` gives three names. `expected` is the number of
 * names the row should hold (its profile URLs), when known.
 */
export const splitNameList = (text: string, expected?: number): ReadonlyArray<string> => {
  const naive = text
    .split(",")
    .map((n) => tidy(n))
    .filter((n) => n !== "")
  const merged: string[] = []
  for (const part of naive) {
    if (merged.length > 0 && isCredential(part))
      merged[merged.length - 1] = `${merged[merged.length - 1]}, ${part}`
    else merged.push(part)
  }
  // an all-caps name can pass for a credential: the count of profile URLs settles it when known
  if (expected !== undefined && merged.length !== expected && naive.length === expected) return naive
  return merged
}
