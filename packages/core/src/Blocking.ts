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
 * A rule, with its own cap on block size (`maxBlock`, at most the settings' one). A block over
 * the cap is skipped, unless the rule has a `window`: then it is searched as a sorted
 * neighbourhood, its records in an order that brings likely matches together, each compared with
 * the next `window` ones, so its pairs grow with its size, not its square. The order depends on
 * the rule: records sharing a full name are ordered by company (a LinkedIn row and a mail
 * client's card of one person share the employer); sharing a birthday, by family name; any other
 * key, by name (a typo rarely moves a name far in that order).
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

/**
 * Every rule, the default union. Identifiers (e-mail, phone, accounts, documents, addresses) keep
 * the settings' cap: a big block there is a shared value, not a lead. Keys many unrelated people
 * share (names, sounds, birthdays, user names) are compared whole only in small blocks (8 or 10)
 * and as sorted neighbourhoods above that: with whole blocks up to 60, a million generated
 * records gave 13.7M candidate pairs, most of them between namesakes. A name held by more
 * records than that is too common for a names-only match to be believed anyway.
 *
 * @category constants
 * @since 0.2.0
 */
export const defaults: ReadonlyArray<Rule> = RuleKind.literals.map((kind): Rule => {
  switch (kind) {
    case "name":
    case "swapped":
      return { kind, maxBlock: 10, window: 3 }
    case "phonetic":
    case "emailUser":
      return { kind, maxBlock: 8, window: 3 }
    case "date":
    case "givenLocality":
    case "familyLocality":
    case "givenYear":
    case "familyYear":
    case "emailPrefix":
      return { kind, maxBlock: 8, window: 2 }
    default:
      return { kind }
  }
})

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
  for (const { kind } of rules) keysOf(p, kind, out)
  return out
}

/** Appends the keys of one rule to `out`. */
const keysOf = (p: Profile, kind: RuleKind, out: Array<string>): void => {
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
        const family = p.familyAll
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
        const f = p.familyAll
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
        out.push(`Y:${p.familyAll}|${p.birthday.year}`)
      break
    case "givenYear":
      if (p.given.length > 1 && p.birthday?.year !== undefined) out.push(`Z:${p.given}|${p.birthday.year}`)
      break
    case "familyLocality":
      if (p.family.length > 1)
        for (const a of p.addresses) if (a.locality !== "") out.push(`L:${p.familyAll}|${a.locality}`)
      break
    case "emailPrefix":
      for (const e of p.emails) if (!e.generic && e.local.length >= 6) out.push(`P:${e.local.slice(0, 6)}`)
      break
  }
}

/** The order of an oversized block's records (see `Rule`). */
const sortKeyOf = (kind: RuleKind, p: Profile): string => {
  switch (kind) {
    case "name":
    case "swapped":
      return `${p.companies[0] ?? ""}|${p.givenAll}|${p.familyAll}`
    case "date":
      return `${p.familyAll}|${p.givenAll}`
    default:
      return `${p.givenAll}|${p.familyAll}`
  }
}

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
 * The candidate pairs of profiles under the rules. Pairs come out sorted by their first index,
 * then their second, so the result depends only on the order of `profiles`.
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
  // Kept blocks, as compressed rows of record indexes (each block's records ascending).
  const blockStart = new Grow()
  const members = new Grow()
  let skippedBlocks = 0
  const seen = new Set<RuleKind>()
  const keyBuffer: Array<string> = []
  for (const rule of rules) {
    // The same kind twice gives the same keys again.
    if (seen.has(rule.kind)) continue
    seen.add(rule.kind)
    const cap = Math.min(maxBlock, rule.maxBlock ?? maxBlock)
    // Each key becomes a small integer; (key, record) pairs are then grouped by counting.
    const ids = new Map<string, number>()
    const keyOf = new Grow()
    const recordOf = new Grow()
    for (let r = 0; r < n; r++) {
      keyBuffer.length = 0
      keysOf(profiles[r]!, rule.kind, keyBuffer)
      for (let t = 0; t < keyBuffer.length; t++) {
        const k = keyBuffer[t]!
        let id = ids.get(k)
        if (id === undefined) {
          id = ids.size
          ids.set(k, id)
        }
        keyOf.push(id)
        recordOf.push(r)
      }
    }
    const keyCount = ids.size
    ids.clear()
    const size = new Int32Array(keyCount + 1)
    for (let x = 0; x < keyOf.length; x++) size[keyOf.at(x) + 1]!++
    for (let k = 0; k < keyCount; k++) size[k + 1]! += size[k]!
    const fill = size.slice(0, keyCount)
    const byKey = new Int32Array(keyOf.length)
    // Records ascending within each key (they were pushed in record order).
    for (let x = 0; x < keyOf.length; x++) byKey[fill[keyOf.at(x)]!++] = recordOf.at(x)
    for (let k = 0; k < keyCount; k++) {
      // A record holding one key twice counts once.
      let end = size[k]!
      for (let x = size[k]! + 1; x < size[k + 1]!; x++) if (byKey[x] !== byKey[end]) byKey[++end] = byKey[x]!
      const count = size[k + 1]! === size[k]! ? 0 : end - size[k]! + 1
      if (count < 2) continue
      if (count <= cap) {
        blockStart.push(members.length)
        for (let x = size[k]!; x <= end; x++) members.push(byKey[x]!)
      } else if (rule.window !== undefined) {
        // Sorted neighbourhood: the block's records in name order, each with the next `window`.
        const sorted = Array.from(byKey.subarray(size[k]!, end + 1))
          .map((r) => [sortKeyOf(rule.kind, profiles[r]!), r] as const)
          .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]))
        for (let s = 0; s + 1 < sorted.length; s++) {
          const window = sorted.slice(s, s + rule.window + 1).map((x) => x[1])
          window.sort((x, y) => x - y)
          blockStart.push(members.length)
          for (const r of window) members.push(r)
        }
      } else skippedBlocks++
    }
  }
  const blocks = blockStart.length
  blockStart.push(members.length)
  // Record -> its blocks.
  const start = new Int32Array(n + 1)
  for (let x = 0; x < members.length; x++) start[members.at(x) + 1]!++
  for (let r = 0; r < n; r++) start[r + 1]! += start[r]!
  const fill = start.slice(0, n)
  const memberOf = new Int32Array(members.length)
  for (let b = 0; b < blocks; b++)
    for (let x = blockStart.at(b); x < blockStart.at(b + 1); x++) memberOf[fill[members.at(x)]!++] = b
  // Pairs row by row: record i with every later record of its blocks, once, in index order.
  const mark = new Int32Array(n).fill(-1)
  const a = new Grow()
  const b = new Grow()
  const row: Array<number> = []
  for (let i = 0; i < n; i++) {
    row.length = 0
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const block = memberOf[k]!
      // Members are ascending: skip to those after i.
      for (let x = blockStart.at(block + 1) - 1; x >= blockStart.at(block); x--) {
        const j = members.at(x)
        if (j <= i) break
        if (mark[j] === i) continue
        mark[j] = i
        row.push(j)
      }
    }
    row.sort((x, y) => x - y)
    for (const j of row) {
      a.push(i)
      b.push(j)
    }
  }
  return { a: a.array(), b: b.array(), count: a.length, skippedBlocks, blocks }
}

/** A growable Int32Array. */
class Grow {
  private data = new Int32Array(1024)
  length = 0
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = v
  }
  at(i: number): number {
    return this.data[i]!
  }
  /** The values, trimmed to the length. */
  array(): Int32Array {
    return this.data.slice(0, this.length)
  }
}
