/**
 * Fuzzy find over a book: one Fuse.js index, built once, over folded names (display, given, family,
 * nickname, every source's spelling, "Jürgen" also as "jurgen" and "juergen"), e-mails, companies and
 * handles. Each word of a query must match somewhere (Fuse token search, AND), so "bob acme" finds
 * Robert at Acme. Nickname-aware through core's `Nickname` table: a contact called Bob is indexed under
 * "robert" too, and a query word that is a nickname ("bob") is also searched as its formal name.
 * Among similar matches the contact with the higher priority score comes first: Fuse's own top-k heap
 * orders by `(1 - matchScore) + priorityWeight * priority`. A pigeonhole prefilter (see `pieces`) hands
 * Fuse only the contacts that can match, with the same results as a full scan.
 *
 * @since 0.1.0
 */
import type { Contact } from "@blackbook/model"
import { Nickname } from "@blackbook/normalize"
import { Result } from "effect"
import Fuse, { type FuseSortFunctionArg } from "fuse.js"
import type { InvalidOption } from "./InvalidOption.ts"
import { fold, transliterate } from "./internal/fold.ts"
import { positive } from "./internal/time.ts"
import type { Ranked } from "./Ranking.ts"
import type * as Tier from "./Tier.ts"

/** What the index is built from; a core Book or a `RankInput` fits. @category models @since 0.1.0 */
export interface FindInput {
  readonly contacts: ReadonlyArray<Contact.Contact>
}

/**
 * Index options.
 *
 * @category models
 * @since 0.1.0
 */
export interface IndexOptions {
  /**
   * Nickname awareness via core's `Nickname` table (default true): given names are indexed under their
   * formal names as well (Bob -> robert), and a query word that is a nickname is also searched as its
   * formal name (bob -> robert) unless the literal word already finds it (bert in robert, anna ~
   * ann). Each rewritten query is one more pass over the index.
   */
  readonly nicknames?: boolean
  /**
   * Other spellings to try for a query word, replacing the nickname table's (with `nicknames`, the
   * index still holds formal names). Each alternative is searched as an extra query (at most
   * `maxAlternatives`); its hits rank below a literal hit of the same quality (relevance - 0.15).
   */
  readonly expand?: (word: string) => ReadonlyArray<string>
  /** At most this many rewritten queries per search. Default 2. */
  readonly maxAlternatives?: number
  /**
   * Fuse threshold per word, 0 (exact) .. 1 (anything). Default 0.34: one typo in a word of three
   * letters or more, two from six letters.
   */
  readonly threshold?: number
  /**
   * Skip, before Fuse looks at them, the contacts that cannot match (default true). Results are the
   * same as without it; only faster. See `candidates`.
   */
  readonly prefilter?: boolean
  /**
   * How much priority counts against text similarity, on a 0..1 scale of both. Default 0.1: among equal
   * or nearly equal matches the higher priority comes first; a clearly better text match (one typo
   * less in a two-word query) still wins.
   */
  readonly priorityWeight?: number
}

// One searchable text per contact: the distinct folded words of its names, handles, e-mails (local part
// and domain labels) and companies. Separate Fuse keys would rate a word found in the name and another
// in the company below both found fuzzily in the name (Fuse scores each field by how many query words
// it covers); one text rates every word by its best match anywhere. Distinct words keep it short, and
// Fuse's cost grows with the length of the text it scans.
interface Doc {
  readonly text: string
}

/**
 * A built index. Opaque: build with `makeIndex`, query with `find`.
 *
 * @category models
 * @since 0.1.0
 */
export interface Index {
  readonly contacts: ReadonlyArray<Contact.Contact>
  /** By position in `contacts`: the ranking entry, when a ranking was given. */
  readonly ranked: ReadonlyArray<Ranked | undefined>
  /** By position in `contacts`: priority normalised to 0..1 (log of the score over the top score). */
  readonly priority: Float64Array
  readonly priorityWeight: number
  readonly expand: ((word: string) => ReadonlyArray<string>) | undefined
  readonly maxAlternatives: number
  readonly fuse: Fuse<Doc>
  /** By position in `contacts`: the text Fuse searches. */
  readonly texts: ReadonlyArray<string>
  readonly threshold: number
  readonly prefilter: boolean
}

/**
 * One search hit, best first.
 *
 * @category models
 * @since 0.1.0
 */
export interface Hit {
  readonly contactId: string
  readonly displayName: string
  readonly contact: Contact.Contact
  /**
   * Blended, higher is better: text similarity (1 - match) + priorityWeight * normalised priority,
   * less 0.15 when the hit came from a rewritten query.
   */
  readonly relevance: number
  /** Fuse's score for the text alone: 0 is a perfect match, 1 none. */
  readonly match: number
  /** Which query matched: the literal one or a rewrite through `expand`. */
  readonly query: string
  readonly score?: number
  readonly rank?: number
  readonly tier?: Tier.Tier
}

/** Search options. @category models @since 0.1.0 */
export interface FindOptions {
  /** Default 10. */
  readonly limit?: number
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

// Apostrophes inside words join them (O'Brien -> obrien); other punctuation separates.
const words = (text: string): Array<string> =>
  fold(text)
    .replace(/['’ʼ`´]/gu, "")
    .split(/[^\p{L}\p{M}\p{N}_]+/u)
    .filter((w) => w.length > 0)

const addWords = (
  into: Set<string>,
  texts: Iterable<string | undefined>,
  spell: (text: string) => ReadonlyArray<string> = words,
): void => {
  for (const text of texts) if (text !== undefined) for (const w of spell(text)) into.add(w)
}

const nameWords = (text: string): Array<string> => {
  const variant = transliterate(text)
  return variant === undefined ? words(text) : [...words(text), ...words(variant)]
}

const nameTexts = function* (contact: Contact.Contact): Generator<string | undefined> {
  yield contact.displayName
  for (const name of [contact.name, ...contact.records.map((r) => r.name)]) {
    yield name.formatted
    yield name.given
    yield name.middle
    yield name.family
    yield name.nickname
  }
}

// The formal names behind a nickname (bob -> robert), folded; none for a name the table does not know.
const nicknameKeys = (word: string): ReadonlyArray<string> =>
  Nickname.isKnown(word) ? Nickname.canonical(word) : []

// Query side: formal names the literal word would not already find, as a substring (bert in robert)
// or with a typo (anna ~ ann).
const formalNames = (word: string): ReadonlyArray<string> =>
  nicknameKeys(word).filter((key) => !key.includes(word) && !word.includes(key))

const givenTexts = function* (contact: Contact.Contact): Generator<string | undefined> {
  yield contact.displayName.trim().split(/\s+/u)[0]
  for (const name of [contact.name, ...contact.records.map((r) => r.name)]) {
    yield name.given
    yield name.nickname
  }
}

// Given names, family names and companies recur across a book: spell each distinct one once per build.
const memo = <A>(f: (text: string) => A): ((text: string) => A) => {
  const cache = new Map<string, A>()
  return (text) => {
    let value = cache.get(text)
    if (value === undefined) {
      value = f(text)
      cache.set(text, value)
    }
    return value
  }
}

interface Spellers {
  readonly names: (text: string) => ReadonlyArray<string>
  readonly formal: ((text: string) => ReadonlyArray<string>) | undefined
  readonly companies: (text: string) => ReadonlyArray<string>
}

const spellers = (nicknames: boolean): Spellers => ({
  names: memo(nameWords),
  formal: nicknames ? memo((text) => words(text).flatMap(nicknameKeys)) : undefined,
  companies: memo(words),
})

const docOf = (contact: Contact.Contact, spell: Spellers): Doc => {
  const all = new Set<string>()
  addWords(all, nameTexts(contact), spell.names)
  if (spell.formal !== undefined) addWords(all, givenTexts(contact), spell.formal)
  addWords(
    all,
    contact.handles.map((h) => h.handle),
  )
  addWords(
    all,
    contact.emails.map((e) => e.value),
  )
  addWords(
    all,
    [
      ...contact.organizations.map((o) => o.company),
      ...contact.records.flatMap((r) => r.organizations.map((o) => o.company)),
    ],
    spell.companies,
  )
  return { text: [...all].join(" ") }
}

/**
 * Builds the search index once. With a ranking, hits are ordered with priority in mind; contacts
 * missing from the ranking count as priority 0. An InvalidOption when an option is out of range.
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeIndex = (
  input: FindInput,
  ranked?: ReadonlyArray<Ranked>,
  options: IndexOptions = {},
): Result.Result<Index, InvalidOption> =>
  Result.gen(function* () {
    const checked = {
      priorityWeight: yield* positive(options.priorityWeight ?? 0.1, "priorityWeight", 0, true),
      threshold: yield* positive(options.threshold ?? 0.34, "threshold", 0, true),
      maxAlternatives: yield* positive(options.maxAlternatives ?? 2, "maxAlternatives", 0, true),
    }
    return build(input, ranked, options, checked)
  })

const build = (
  input: FindInput,
  ranked: ReadonlyArray<Ranked> | undefined,
  options: IndexOptions,
  checked: { readonly priorityWeight: number; readonly threshold: number; readonly maxAlternatives: number },
): Index => {
  const byId = new Map((ranked ?? []).map((r) => [r.contactId, r]))
  // Highest priority first, so equal blended scores (Fuse breaks ties by position) favour it too.
  const contacts = [...input.contacts].sort((a, b) => {
    const ra = byId.get(a.id)?.rank ?? Number.POSITIVE_INFINITY
    const rb = byId.get(b.id)?.rank ?? Number.POSITIVE_INFINITY
    return (ra === rb ? 0 : ra - rb) || compareText(a.displayName, b.displayName) || compareText(a.id, b.id)
  })
  const entries = contacts.map((c) => byId.get(c.id))
  const top = entries.reduce((max, r) => Math.max(max, r?.score ?? 0), 0)
  const priority = Float64Array.from(entries, (r) =>
    top > 0 && r !== undefined ? Math.log1p(r.score) / Math.log1p(top) : 0,
  )
  const { priorityWeight, threshold } = checked
  const blended = (a: FuseSortFunctionArg): number => 1 - a.score + priorityWeight * (priority[a.idx] ?? 0)
  const nicknames = options.nicknames ?? true
  const spell = spellers(nicknames)
  const docs = contacts.map((c) => docOf(c, spell))
  const fuse = new Fuse(docs, {
    keys: ["text"],
    useTokenSearch: true,
    tokenMatch: "all",
    threshold,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    includeScore: true,
    // Used by Fuse's top-k heap as well as its final sort, so no high-priority hit is cut early.
    sortFn: (a, b) => blended(b) - blended(a) || a.idx - b.idx,
  })
  return {
    contacts,
    ranked: entries,
    priority,
    priorityWeight,
    expand: options.expand ?? (nicknames ? formalNames : undefined),
    maxAlternatives: checked.maxAlternatives,
    fuse,
    texts: docs.map((d) => d.text),
    threshold,
    prefilter: options.prefilter ?? true,
  }
}

// The literal query and up to `max` rewrites, each replacing one word by one alternative.
const queries = (index: Index, query: string): Array<ReadonlyArray<string>> => {
  const literal = words(query)
  const out = [literal]
  if (index.expand === undefined) return out
  const seen = new Set([literal.join(" ")])
  for (let i = 0; i < literal.length && out.length <= index.maxAlternatives; i++) {
    for (const alt of index.expand(literal[i]!)) {
      const rewritten = [...literal.slice(0, i), ...words(alt), ...literal.slice(i + 1)]
      const key = rewritten.join(" ")
      if (rewritten.length === 0 || seen.has(key) || out.length > index.maxAlternatives) continue
      seen.add(key)
      out.push(rewritten)
    }
  }
  return out
}

// Fuse matches a word of length m with i edits when i / m <= threshold.
const maxEdits = (length: number, threshold: number): number => {
  let k = 0
  while ((k + 1) / length <= threshold) k++
  return k
}

/**
 * Cheap exact pieces of a query word: split into k + 1 parts, where k is the edits Fuse allows for it.
 * A match with at most k edits leaves at least one part untouched (pigeonhole), so a text holding none
 * of the parts cannot match. Undefined for words Fuse splits itself (over 32 code units).
 *
 * @category search
 * @since 0.1.0
 */
export const pieces = (word: string, threshold: number): ReadonlyArray<string> | undefined => {
  const m = word.length
  if (m === 0 || m > 32) return undefined
  const n = Math.min(m, maxEdits(m, threshold) + 1)
  return Array.from({ length: n }, (_, p) =>
    word.slice(Math.floor((p * m) / n), Math.floor(((p + 1) * m) / n)),
  )
}

/**
 * Positions (in `index.contacts`) of the contacts that can match every word; undefined when a word
 * cannot be filtered, so every contact is a candidate.
 *
 * @category search
 * @since 0.1.0
 */
export const candidates = (index: Index, terms: ReadonlyArray<string>): ReadonlyArray<number> | undefined => {
  const parts: Array<ReadonlyArray<string>> = []
  for (const term of terms) {
    const p = pieces(term, index.threshold)
    if (p === undefined) return undefined
    parts.push(p)
  }
  const out: Array<number> = []
  index.texts.forEach((text, i) => {
    if (parts.every((p) => p.some((piece) => text.includes(piece)))) out.push(i)
  })
  return out
}

// Runs Fuse over the candidate records only: its global statistics (the IDF of each word) stay as built.
const search = (index: Index, terms: ReadonlyArray<string>, limit: number) => {
  // Fuse answers an empty query with every contact, unscored.
  if (terms.length === 0) return []
  const query = terms.join(" ")
  const subset = index.prefilter ? candidates(index, terms) : undefined
  if (subset === undefined) return index.fuse.search(query, { limit })
  if (subset.length === 0) return []
  const wanted = new Uint8Array(index.texts.length)
  for (const i of subset) wanted[i] = 1
  const fuseIndex = index.fuse.getIndex()
  const all = fuseIndex.records
  fuseIndex.setIndexRecords(all.filter((record) => wanted[record.i] === 1))
  try {
    return index.fuse.search(query, { limit })
  } finally {
    fuseIndex.setIndexRecords(all)
  }
}

// A rewritten query's hit ranks below a literal hit of the same quality, even a literal hit with less
// priority (the default priorityWeight is 0.1): typing "Anna" means Anna before a busier Ann.
const REWRITE_PENALTY = 0.15

/**
 * Finds contacts by name, e-mail, company or handle, best first (ties: rank, then display name, id).
 * An InvalidOption when `limit` is not a number >= 0.
 *
 * @category search
 * @since 0.1.0
 */
export const find = (
  index: Index,
  query: string,
  options: FindOptions = {},
): Result.Result<ReadonlyArray<Hit>, InvalidOption> =>
  Result.map(positive(options.limit ?? 10, "limit", 0, true), (limit) => findUpTo(index, query, limit))

const findUpTo = (index: Index, query: string, limit: number): ReadonlyArray<Hit> => {
  const all = queries(index, query)
  if (limit === 0 || all[0]!.length === 0) return []
  const best = new Map<number, Hit & { readonly idx: number }>()
  all.forEach((terms, n) => {
    for (const result of search(index, terms, limit)) {
      const idx = result.refIndex
      const match = result.score ?? 1
      const relevance =
        1 - match + index.priorityWeight * (index.priority[idx] ?? 0) - (n > 0 ? REWRITE_PENALTY : 0)
      const previous = best.get(idx)
      if (previous !== undefined && previous.relevance >= relevance) continue
      const contact = index.contacts[idx]!
      const ranked = index.ranked[idx]
      best.set(idx, {
        idx,
        contactId: contact.id,
        displayName: contact.displayName,
        contact,
        relevance,
        match,
        query: terms.join(" "),
        ...(ranked !== undefined ? { score: ranked.score, rank: ranked.rank, tier: ranked.tier } : {}),
      })
    }
  })
  return [...best.values()]
    .sort(
      (a, b) => b.relevance - a.relevance || a.idx - b.idx, // the index holds contacts in rank, display name, id order
    )
    .slice(0, limit)
    .map(({ idx: _, ...hit }) => hit)
}
