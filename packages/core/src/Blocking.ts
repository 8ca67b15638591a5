/**
 * Blocking: which pairs of records are worth comparing. Each rule turns a record into cheap keys;
 * two records are compared when they share a key under any rule (the union of the rules). A key
 * held by more than `maxBlock` records (a switchboard number, a very common name) is skipped, so
 * the number of pairs stays near-linear in the number of records.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import type { Profile } from "./internal/profile.ts"

/**
 * The blocking rules:
 * - `email`: the canonical address (role addresses such as info@ are never keys);
 * - `emailUser`: the address's user name at any domain (4 characters or more);
 * - `phone`: the last 7 digits of a number (with or without country code);
 * - `handle`, `twitterId`, `linkedin`, `document`: the account, id, profile or document number;
 * - `name`: each nickname group of the first given name with the family name (and with each word
 *   of a double-barrelled family name);
 * - `phonetic`: the Double Metaphone code of the family name with the given name's initial;
 * - `swapped`: given and family name as an unordered pair ("Noah Watson" ~ "Watson, Noah");
 * - `birthday`: the full birthday with the given or the family initial;
 * - `address`: house number and street;
 * - `org`: each word of an organisation's name (records that name no person).
 *
 * @category models
 * @since 0.2.0
 */
export const RuleKind = Schema.Literals([
  "email",
  "emailUser",
  "phone",
  "handle",
  "twitterId",
  "linkedin",
  "document",
  "name",
  "phonetic",
  "swapped",
  "birthday",
  "address",
  "org",
  "date",
  "givenLocality",
  "emailPrefix",
  "familyYear",
  "givenYear",
  "familyLocality",
])
export type RuleKind = typeof RuleKind.Type

/**
 * A rule, with its own cap on block size when it is a weak key (a birthday alone is shared by a
 * few dozen people in a million records: useful in a small import, too costly in a large one).
 * With a `window`, a block over the cap is not skipped but searched as a sorted neighbourhood:
 * its records in name order, each compared with the next `window` ones (a typo in a given name
 * rarely moves it far in that order), so its pairs grow with its size, not its square.
 *
 * @category models
 * @since 0.2.0
 */
export const Rule = Schema.Struct({
  kind: RuleKind,
  maxBlock: Schema.optionalKey(Schema.Int),
  window: Schema.optionalKey(Schema.Int.pipe(Schema.check(Schema.isGreaterThan(0)))),
})
export type Rule = typeof Rule.Type

const weak: ReadonlySet<RuleKind> = new Set([
  "date",
  "givenLocality",
  "familyLocality",
  "givenYear",
  "familyYear",
  "emailPrefix",
])

/**
 * Every rule, the default union; the weak ones capped at 20 records per block. The phonetic rule
 * (family name's sound and the given initial) makes the largest blocks of all: above 12 records
 * they are searched in a window of 4 (at 88k generated records this halves the candidate pairs,
 * 955k to 529k, and keeps the benchmarks' blocking recall within 0.001).
 *
 * @category constants
 * @since 0.2.0
 */
export const defaults: ReadonlyArray<Rule> = RuleKind.literals.map((kind) =>
  weak.has(kind)
    ? { kind, maxBlock: 20 }
    : kind === "phonetic"
      ? { kind, maxBlock: 12, window: 4 }
      : { kind },
)

/** The one-character prefix of each rule's keys. */
const prefixes: Readonly<Record<RuleKind, string>> = {
  email: "e",
  emailUser: "u",
  phone: "p",
  handle: "h",
  twitterId: "t",
  linkedin: "l",
  document: "d",
  name: "n",
  phonetic: "f",
  swapped: "s",
  birthday: "b",
  address: "a",
  org: "o",
  date: "D",
  givenLocality: "G",
  familyLocality: "L",
  givenYear: "Z",
  familyYear: "Y",
  emailPrefix: "P",
}

const pad2 = (n: number | undefined): string => (n === undefined ? "" : n < 10 ? `0${n}` : String(n))

/**
 * The blocking keys of a profile under the rules, each prefixed by its rule so keys of two rules
 * never collide.
 *
 * @category blocking
 * @since 0.2.0
 */
export const keys = (p: Profile, rules: ReadonlyArray<Rule>): Array<string> => {
  const out: Array<string> = []
  for (const { kind } of rules) {
    switch (kind) {
      case "email":
        for (const e of p.emails) if (!e.generic) out.push(`e:${e.canonical}`)
        break
      case "emailUser":
        for (const e of p.emails) if (!e.generic && e.local.length >= 4) out.push(`u:${e.local}`)
        break
      case "phone":
        for (const ph of p.phones) out.push(`p:${ph.tail.slice(-7)}`)
        break
      case "handle":
        for (const h of p.handles) out.push(`h:${h}`)
        break
      case "twitterId":
        for (const id of p.twitterIds) out.push(`t:${id}`)
        break
      case "linkedin":
        for (const s of p.linkedin) out.push(`l:${s}`)
        break
      case "document":
        for (const d of p.documents) out.push(`d:${d}`)
        break
      case "name":
        if (p.family !== "" && p.givenGroups.length > 0) {
          const family = p.familyWords.join("")
          for (const g of p.givenGroups) {
            out.push(`n:${g}|${family}`)
            if (p.familyWords.length > 1)
              for (const w of p.familyWords) if (w.length > 2) out.push(`n:${g}|${w}`)
          }
        }
        break
      case "phonetic":
        if (p.familyCodes[0] !== "" && p.given !== "") {
          out.push(`f:${p.familyCodes[0]}|${p.given[0]}`)
          if (p.familyCodes[1] !== p.familyCodes[0]) out.push(`f:${p.familyCodes[1]}|${p.given[0]}`)
        }
        break
      case "swapped":
        if (p.givenAll !== "" && p.family !== "") {
          const f = p.familyWords.join("")
          out.push(p.givenAll < f ? `s:${p.givenAll}|${f}` : `s:${f}|${p.givenAll}`)
        }
        break
      case "birthday": {
        const b = p.birthday
        if (b?.year !== undefined && b.month !== undefined && b.day !== undefined) {
          const date = `${b.year}${pad2(b.month)}${pad2(b.day)}`
          if (p.given !== "") out.push(`b:${date}|g${p.given[0]}`)
          if (p.family !== "") out.push(`b:${date}|f${p.family[0]}`)
          if (p.given === "" && p.family === "") out.push(`b:${date}|`)
        }
        break
      }
      case "address":
        for (const a of p.addresses) if (a.key !== "") out.push(`a:${a.key}`)
        break
      case "org":
        if (p.org !== "") for (const w of p.org.split(" ")) if (w.length > 2) out.push(`o:${w}`)
        break
      case "date": {
        const b = p.birthday
        if (b?.year !== undefined && b.month !== undefined && b.day !== undefined)
          out.push(`D:${b.year}${pad2(b.month)}${pad2(b.day)}`)
        break
      }
      case "givenLocality":
        if (p.given.length > 1)
          for (const a of p.addresses) if (a.locality !== "") out.push(`G:${p.given}|${a.locality}`)
        break
      case "familyYear":
        if (p.family.length > 1 && p.birthday?.year !== undefined)
          out.push(`Y:${p.familyWords.join("")}|${p.birthday.year}`)
        break
      case "givenYear":
        if (p.given.length > 1 && p.birthday?.year !== undefined) out.push(`Z:${p.given}|${p.birthday.year}`)
        break
      case "familyLocality":
        if (p.family.length > 1)
          for (const a of p.addresses)
            if (a.locality !== "") out.push(`L:${p.familyWords.join("")}|${a.locality}`)
        break
      case "emailPrefix":
        for (const e of p.emails) if (!e.generic && e.local.length >= 6) out.push(`P:${e.local.slice(0, 6)}`)
        break
    }
  }
  return out
}

/** Name order within an oversized block: given name, then family name. */
const sortKeyOf = (p: Profile): string => `${p.givenAll}|${p.family}`

/**
 * Candidate pairs: indexes `a[k] < b[k]` into the profiles, each pair once, plus how many keys were
 * skipped for holding more than `maxBlock` records.
 *
 * @category models
 * @since 0.2.0
 */
export interface Candidates {
  readonly a: Int32Array
  readonly b: Int32Array
  readonly count: number
  readonly skippedBlocks: number
  /** Keys held by 2..maxBlock records. */
  readonly blocks: number
}

/**
 * The candidate pairs of profiles under the rules. Pairs come out in profile order (the first
 * index ascending), so the result depends only on the order of `profiles`.
 *
 * @category blocking
 * @since 0.2.0
 */
export const candidates = (
  profiles: ReadonlyArray<Profile>,
  rules: ReadonlyArray<Rule>,
  maxBlock: number,
): Candidates => {
  const n = profiles.length
  // One rule at a time (keys of two rules never collide), so only one rule's keys are held at
  // once. Blocks are then put back in the order one pass over all keys would have made them (by
  // the record and the position of the key that opened them), which fixes the pairs' order.
  const caps = new Map<string, number>()
  for (const r of rules) caps.set(prefixes[r.kind], Math.min(maxBlock, r.maxBlock ?? maxBlock))
  const before = new Int32Array(n) // keys of the rules already visited, per record
  const counts = new Map<RuleKind, Int32Array>()
  let skippedBlocks = 0
  const found: Array<Array<number>> = []
  const opened: Array<number> = []
  const stride = 2 ** 20
  for (const rule of rules) {
    const done = counts.get(rule.kind)
    if (done !== undefined) {
      // The same kind twice: the same keys again, already in their blocks.
      for (let r = 0; r < n; r++) before[r]! += done[r]!
      continue
    }
    const count = new Int32Array(n)
    counts.set(rule.kind, count)
    const only = [rule]
    // Most keys belong to one record: they stay in `first` and never get an array.
    const first = new Map<string, number>()
    const multi = new Map<string, { readonly block: Array<number>; readonly at: number }>()
    for (let r = 0; r < n; r++) {
      const ks = keys(profiles[r]!, only)
      for (let t = 0; t < ks.length; t++) {
        const k = ks[t]!
        const m = multi.get(k)
        if (m !== undefined) {
          if (m.block[m.block.length - 1] !== r) m.block.push(r)
          continue
        }
        const f = first.get(k)
        if (f === undefined) first.set(k, r)
        else if (f !== r) multi.set(k, { block: [f, r], at: r * stride + before[r]! + t })
      }
      count[r] = ks.length
      before[r]! += ks.length
    }
    first.clear()
    const cap = caps.get(prefixes[rule.kind]) ?? maxBlock
    const window = rule.window
    for (const { block, at } of multi.values()) {
      if (block.length <= cap) {
        found.push(block)
        opened.push(at)
      } else if (window !== undefined) {
        // Sorted neighbourhood: the block's records in name order, each compared with the next
        // `window` ones (as overlapping small blocks: the pair loop below drops repeats).
        const sorted = block
          .map((r) => [sortKeyOf(profiles[r]!), r] as const)
          .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]))
          .map((x) => x[1])
        for (let s = 0; s + 1 < sorted.length; s++) {
          found.push(sorted.slice(s, s + window + 1))
          opened.push(at)
        }
      } else skippedBlocks++
    }
    multi.clear()
  }
  const byOpening = Array.from(found, (_, i) => i).sort((x, y) => opened[x]! - opened[y]!)
  const kept = byOpening.map((i) => found[i]!)
  found.length = 0
  // Record -> its blocks, as one flat array (compressed rows).
  const start = new Int32Array(n + 1)
  for (const block of kept) for (const r of block) start[r + 1]!++
  for (let r = 0; r < n; r++) start[r + 1]! += start[r]!
  const fill = start.slice(0, n)
  const memberOf = new Int32Array(start[n]!)
  kept.forEach((block, id) => {
    for (const r of block) memberOf[fill[r]!++] = id
  })
  const mark = new Int32Array(n).fill(-1)
  let capacity = 1024
  let a = new Int32Array(capacity)
  let b = new Int32Array(capacity)
  let count = 0
  for (let i = 0; i < n; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      for (const j of kept[memberOf[k]!]!) {
        if (j <= i || mark[j] === i) continue
        mark[j] = i
        if (count === capacity) {
          capacity *= 2
          const na = new Int32Array(capacity)
          na.set(a)
          a = na
          const nb = new Int32Array(capacity)
          nb.set(b)
          b = nb
        }
        a[count] = i
        b[count] = j
        count++
      }
    }
  }
  return { a, b, count, skippedBlocks, blocks: kept.length }
}
