/**
 * Blocking: which pairs of records are worth comparing. Each rule turns a record into cheap keys;
 * two records are compared when they share a key under any rule (the union of the rules). A key
 * held by more than `maxBlock` records (a switchboard number, a very common name) is skipped, so
 * the number of pairs stays near-linear in the number of records.
 *
 * @since 0.2.0
 */

import { hashFirst, hashSecond, hashStart, hashText, hashUnit } from "@blackbook/normalize/TextHash"
import { Schema } from "effect"
import * as Memory from "./internal/memory.ts"
import { PairIds } from "./internal/pairs.ts"
import { fieldBits, ownDerivedAt, type Profile } from "./Profile.ts"

/**
 * The blocking rules:
 * - `email`: the canonical address (role addresses such as info@ are never keys);
 * - `emailUser`: the address's user name at any domain (4 characters or more); one made of the
 *   owner's name (jane.doe, jdoe) pairs its record only with records whose user name is not
 *   (two namesakes' jane.doe@ say no more than the names, which the name rules pair already);
 * - `phone`: the last 7 digits of a number (with or without country code);
 * - `handle`, `twitterId`, `linkedin`, `document`: the account, id, profile or document number;
 * - `name`: each nickname group of the first given name with the family name (and with each word
 *   of a double-barrelled family name);
 * - `phonetic`: the Double Metaphone code of the family name with the given name's initial;
 * - `phoneticGiven`: the Double Metaphone codes of the family name and of the given name;
 * - `swapped`: given and family name as an unordered pair ("Noah Watson" ~ "Watson, Noah");
 * - `birthday`: the full birthday with the given or the family initial;
 * - `address`: house number and street;
 * - `org`: each word of an organisation's name (records that name no person);
 * - `date`: the full birthday alone; `givenYear`, `familyYear`: a name with the birth year;
 *   `givenLocality`, `familyLocality`: a name with a locality of the addresses;
 * - `emailPrefix`: the first six characters of a user name (typos further on), made of the owner's
 *   name or not as for `emailUser`.
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
  "phoneticGiven",
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
 * and as sorted neighbourhoods above that: whole big blocks pair mostly namesakes, and a name held
 * by more records than that is too common for a names-only match to be believed anyway. The weak
 * birthday keys (the full date alone, a name with the birth year) pair an oversized block's
 * records with one neighbour only: a second one added pairs and found nothing more (figures in
 * docs/resolution.md, "Measurements behind the code").
 *
 * @category constants
 * @since 0.2.0
 */
export const defaults: ReadonlyArray<Rule> = RuleKind.literals.map((kind): Rule => {
  switch (kind) {
    case "name":
    case "swapped":
      return { kind, maxBlock: 10, window: 3 }
    case "phoneticGiven":
    case "emailUser":
      return { kind, maxBlock: 8, window: 3 }
    // Whole small blocks only: oversized blocks searched by neighbourhood paired given names that
    // merely share an initial: many pairs, for very few true ones no other rule found;
    // `phoneticGiven` searches them by the given name's sound.
    case "phonetic":
      return { kind, maxBlock: 8 }
    case "date":
    case "givenYear":
    case "familyYear":
      return { kind, maxBlock: 8, window: 1 }
    case "givenLocality":
    case "familyLocality":
    case "emailPrefix":
      return { kind, maxBlock: 8, window: 2 }
    default:
      return { kind }
  }
})

/**
 * The blocking keys of a profile under the rules, each prefixed by its rule so keys of two rules
 * never collide.
 *
 * @category blocking
 * @since 0.2.0
 */
export const keys = (p: Profile, rules: ReadonlyArray<Rule>): Array<string> => {
  const out: Array<string> = []
  for (const { kind } of rules)
    keyParts[kind](p, (x, y) => out.push(y === 0 ? `${prefixes[kind]}:${x}` : `${prefixes[kind]}:${x}|${y}`))
  return out
}

/** Appends the keys of one rule to `out`. */
/** A key part: a string, or an integer (dates, digits, letters). */
type Part = string | number

/** The prefix of each rule's keys in `keys`. */
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
  phoneticGiven: "F",
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

/** A full date as one small number. */
const dateCode = (b: NonNullable<Profile["birthday"]>): number =>
  ((((b.year ?? 0) & 4095) * 13 + (b.month ?? 0)) * 32 + (b.day ?? 0)) & 0x1ffffff

/** The last seven digits of a phone's digits, as a number. */
const last7 = (digits: string): number => {
  let v = 0
  for (let i = Math.max(0, digits.length - 7); i < digits.length; i++)
    v = v * 10 + (digits.charCodeAt(i) - 48)
  return v
}

/**
 * Emits one key. A weak key pairs its record only with records holding it as a plain key: two
 * namesakes' addresses jane.doe@ at two domains say no more than their names, which the name
 * rules already pair, but jane.doe@ on a record named "Jane Deo" may be the only lead to it.
 */
type Emit = (x: Part, y: Part, weak?: boolean) => void

/**
 * The keys of each rule, emitted as pairs of parts (a single-part key has 0 second). Candidates
 * turn them into numbers without building a string per key; `keys` spells them out. One function
 * per rule: V8 optimises each for the one rule it serves (one function with a case per rule was
 * de-optimised at every rule's first use).
 */
const keyParts: Readonly<Record<RuleKind, (p: Profile, emit: Emit) => void>> = {
  email: (p, emit) => {
    for (const e of p.emails) if (!e.generic) emit(e.canonical, 0)
  },
  // A user name made of the owner's name (jane.doe) is a weak key: see `Emit`.
  emailUser: (p, emit) => {
    const own = p.ownEmails
    for (let i = 0; i < own.length; i++)
      if (own[i]!.local.length >= 4) emit(own[i]!.local, 0, ownDerivedAt(p, i))
  },
  phone: (p, emit) => {
    for (const ph of p.phones) emit(last7(ph.tail), 0)
  },
  handle: (p, emit) => {
    for (const h of p.handles) emit(h, 0)
  },
  twitterId: (p, emit) => {
    for (const id of p.twitterIds) emit(id, 0)
  },
  linkedin: (p, emit) => {
    for (const s of p.linkedin) emit(s, 0)
  },
  document: (p, emit) => {
    for (const d of p.documents) emit(d, 0)
  },
  name: (p, emit) => {
    if (p.family === "") return
    for (const g of p.givenGroups) {
      emit(g, p.familyAll)
      if (p.familyWords.length > 1) for (const w of p.familyWords) if (w.length > 2) emit(g, w)
    }
  },
  phonetic: (p, emit) => {
    if (p.familyCodes[0] === "" || p.given === "") return
    emit(p.familyCodes[0], p.given.charCodeAt(0))
    if (p.familyCodes[1] !== p.familyCodes[0]) emit(p.familyCodes[1], p.given.charCodeAt(0))
  },
  phoneticGiven: (p, emit) => {
    const g = p.givenCodes[0]
    if (p.familyCodes[0] === "" || g === "") return
    emit(p.familyCodes[0], g)
    if (p.familyCodes[1] !== p.familyCodes[0]) emit(p.familyCodes[1], g)
  },
  swapped: (p, emit) => {
    if (p.givenAll === "" || p.family === "") return
    if (p.givenAll < p.familyAll) emit(p.givenAll, p.familyAll)
    else emit(p.familyAll, p.givenAll)
  },
  birthday: (p, emit) => {
    const b = p.birthday
    if (b?.year === undefined || b.month === undefined || b.day === undefined) return
    // The date with the given initial (even codes) or the family initial (odd codes).
    const date = dateCode(b)
    if (p.given !== "") emit(date, p.given.charCodeAt(0) * 2)
    if (p.family !== "") emit(date, p.family.charCodeAt(0) * 2 + 1)
    if (p.given === "" && p.family === "") emit(date, 0)
  },
  address: (p, emit) => {
    for (const a of p.addresses) if (a.key !== "") emit(a.key, 0)
  },
  org: (p, emit) => {
    if (p.org !== "") for (const w of p.org.split(" ")) if (w.length > 2) emit(w, 0)
  },
  date: (p, emit) => {
    const b = p.birthday
    if (b?.year !== undefined && b.month !== undefined && b.day !== undefined) emit(dateCode(b), 0)
  },
  givenLocality: (p, emit) => {
    if (p.given.length > 1) for (const a of p.addresses) if (a.locality !== "") emit(p.given, a.locality)
  },
  familyLocality: (p, emit) => {
    if (p.family.length > 1) for (const a of p.addresses) if (a.locality !== "") emit(p.familyAll, a.locality)
  },
  givenYear: (p, emit) => {
    if (p.given.length > 1 && p.birthday?.year !== undefined) emit(p.given, p.birthday.year)
  },
  familyYear: (p, emit) => {
    if (p.family.length > 1 && p.birthday?.year !== undefined) emit(p.familyAll, p.birthday.year)
  },
  emailPrefix: (p, emit) => {
    const own = p.ownEmails
    for (let i = 0; i < own.length; i++)
      if (own[i]!.local.length >= 6) emit(own[i]!.local.slice(0, 6), 0, ownDerivedAt(p, i))
  },
}

const { given, family, birthday, email, phone, handle, twitterId, linkedin, document, address, org } =
  fieldBits

/**
 * The fields (`Profile.present` bits) a record must have for a rule to give it a key: blocking
 * passes over the others without reading their profiles (most rules find their fields in few
 * records, and a pass over every profile waits on memory).
 *
 * @category blocking
 * @since 0.2.0
 */
export const requiredFields: Readonly<Record<RuleKind, number>> = {
  email,
  emailUser: email,
  phone,
  handle,
  twitterId,
  linkedin,
  document,
  name: given | family,
  phonetic: given | family,
  phoneticGiven: given | family,
  swapped: given | family,
  birthday,
  address,
  org,
  date: birthday,
  givenLocality: given | address,
  familyLocality: family | address,
  givenYear: given | birthday,
  familyYear: family | birthday,
  emailPrefix: email,
}

/** Feeds one key part, tagged by its kind, into the hashes (`internal/hash`). */
const hashPart = (part: Part): void => {
  if (typeof part === "number" && Number.isInteger(part) && Math.abs(part) < 2 ** 31) {
    hashUnit(1)
    hashUnit(part & 0xffff)
    hashUnit(part >>> 16)
  } else {
    hashUnit(2)
    hashText(String(part))
  }
}

/**
 * Numbers a key in `ids` by its two 32-bit hashes: 64 bits tell a big import's keys apart (two
 * keys sharing both would only add pairs to compare, never lose one), without a string or a map
 * entry per key: a map from key texts to numbers cost blocking much of its time and memory.
 */
const keyId = (ids: PairIds, a: Part, b: Part): number => {
  hashStart()
  hashPart(a)
  hashPart(b)
  return ids.idOf(hashFirst(), hashSecond())
}

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)

/**
 * The order of an oversized block's records (see `Rule`), compared field by field (no key string
 * per record: on a big import those strings cost more than the sorting).
 */
const orderFor = (kind: RuleKind, profiles: ReadonlyArray<Profile>): ((x: number, y: number) => number) => {
  switch (kind) {
    case "name":
    case "swapped":
      return (x, y) => {
        const p = profiles[x]!
        const q = profiles[y]!
        return (
          byText(p.companies[0] ?? "", q.companies[0] ?? "") ||
          byText(p.givenAll, q.givenAll) ||
          byText(p.familyAll, q.familyAll) ||
          x - y
        )
      }
    case "date":
      return (x, y) => {
        const p = profiles[x]!
        const q = profiles[y]!
        return byText(p.familyAll, q.familyAll) || byText(p.givenAll, q.givenAll) || x - y
      }
    default:
      return (x, y) => {
        const p = profiles[x]!
        const q = profiles[y]!
        return byText(p.givenAll, q.givenAll) || byText(p.familyAll, q.familyAll) || x - y
      }
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
  /** Blocks compared: keys held by 2..maxBlock records, and the windows of sorted neighbourhoods. */
  readonly blocks: number
  /**
   * The part of blocking's working buffer that `a` and `b` do not hold, its contents now garbage,
   * for the caller to reuse: laying the next arrays here takes no more memory (the engine puts
   * its per-pair arrays here).
   */
  readonly spare: Uint8Array
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
  // Every working array below comes out of one buffer (`internal/memory`: outside V8's
  // external-memory count, so it starts no full collection), sized from the record count and
  // big enough not to grow on generated imports of any size. Pages of the buffer that are never
  // written are never resident.
  const arena = new Arena(80 * n + 8192)
  const blockStart = new Grow(n, arena)
  const members = new Grow(4 * n, arena)
  // 1 where the member holds the block's key weakly (see `Emit`); likewise for runs.
  const memberWeak = new Grow(4 * n, arena)
  // Sorted neighbourhoods, each record once in its run's order: the windows are read off the run
  // (every record with the `window` on each side) rather than written out one by one.
  const runStart = new Grow(n >> 4, arena)
  const runWindow = new Grow(n >> 4, arena)
  const runMembers = new Grow(4 * n, arena)
  const runWeak = new Grow(4 * n, arena)
  let windows = 0
  const keyOf = new Grow(3 * n, arena)
  const recordOf = new Grow(3 * n, arena)
  const weakOf = new Grow(3 * n, arena)
  const scratch = new Scratch(arena, 3 * n)
  // A sorted neighbourhood's members' weakness, by record (written for each block before use).
  const weakOfRecord = arena.int32(n)
  // Each record's fields, read once: rules skip the records lacking theirs from this array.
  const present = arena.int32(n)
  for (let i = 0; i < n; i++) present[i] = profiles[i]!.present
  const ids = new PairIds(2 * n)
  let skippedBlocks = 0
  const seen = new Set<RuleKind>()
  for (const rule of rules) {
    // The same kind twice gives the same keys again.
    if (seen.has(rule.kind)) continue
    seen.add(rule.kind)
    const cap = Math.min(maxBlock, rule.maxBlock ?? maxBlock)
    const order = orderFor(rule.kind, profiles)
    // Each key becomes a small integer; (key, record) pairs are then grouped by counting.
    ids.clear()
    keyOf.length = 0
    recordOf.length = 0
    weakOf.length = 0
    let r = 0
    const emit = (x: Part, y: Part, weak?: boolean): void => {
      keyOf.push(keyId(ids, x, y))
      recordOf.push(r)
      weakOf.push(weak === true ? 1 : 0)
    }
    const partsOf = keyParts[rule.kind]
    const needs = requiredFields[rule.kind]
    for (r = 0; r < n; r++) if ((present[r]! & needs) === needs) partsOf(profiles[r]!, emit)
    const keyCount = ids.size
    const size = scratch.view("size", keyCount + 1)
    for (let x = 0; x < keyOf.length; x++) size[keyOf.at(x) + 1]!++
    for (let k = 0; k < keyCount; k++) size[k + 1]! += size[k]!
    const fill = scratch.view("fill", keyCount)
    fill.set(size.subarray(0, keyCount))
    const byKey = scratch.view("byKey", keyOf.length)
    const weakByKey = scratch.view("weakByKey", keyOf.length)
    // Records ascending within each key (they were pushed in record order).
    for (let x = 0; x < keyOf.length; x++) {
      const at = fill[keyOf.at(x)]!++
      byKey[at] = recordOf.at(x)
      weakByKey[at] = weakOf.at(x)
    }
    for (let k = 0; k < keyCount; k++) {
      // A record holding one key twice counts once, weakly only when it holds it weakly twice.
      let end = size[k]!
      let strong = weakByKey[end] === 0
      for (let x = size[k]! + 1; x < size[k + 1]!; x++) {
        if (byKey[x] !== byKey[end]) {
          byKey[++end] = byKey[x]!
          weakByKey[end] = weakByKey[x]!
        } else weakByKey[end]! &= weakByKey[x]!
        if (weakByKey[x] === 0) strong = true
      }
      const count = size[k + 1]! === size[k]! ? 0 : end - size[k]! + 1
      // Weak holders alone pair nobody.
      if (count < 2 || !strong) continue
      if (count <= cap) {
        blockStart.push(members.length)
        for (let x = size[k]!; x <= end; x++) {
          members.push(byKey[x]!)
          memberWeak.push(weakByKey[x]!)
        }
      } else if (rule.window !== undefined) {
        // Sorted neighbourhood: the block's records in the rule's order, each paired with the
        // `window` records on either side.
        const from = size[k]!
        // Each member's weakness by record, set before the sort moves them.
        for (let x = from; x <= end; x++) weakOfRecord[byKey[x]!] = weakByKey[x]!
        const sorted = byKey.subarray(from, end + 1).sort(order)
        runStart.push(runMembers.length)
        runWindow.push(rule.window)
        for (let x = 0; x < sorted.length; x++) {
          runMembers.push(sorted[x]!)
          runWeak.push(weakOfRecord[sorted[x]!]!)
        }
        windows += sorted.length - 1
      } else skippedBlocks++
    }
  }
  const blocks = blockStart.length
  blockStart.push(members.length)
  runStart.push(runMembers.length)
  const inBlocks = placesByRecord(members, blockStart, n, arena)
  const inRuns = placesByRecord(runMembers, runStart, n, arena)
  // Pairs row by row: record i with every later record of its blocks, once, in index order.
  const mark = arena.int32(n).fill(-1)
  const a = new Grow(8 * n, arena)
  const b = new Grow(8 * n, arena)
  // Record i's partners, sorted numerically in a reused typed array (no comparator, no garbage).
  const row = new Grow(256)
  for (let i = 0; i < n; i++) {
    row.length = 0
    for (let k = inBlocks.start[i]!; k < inBlocks.start[i + 1]!; k++) {
      const at = inBlocks.place[k]!
      // Members are ascending: those after i's place are the later records.
      const end = blockStart.at(inBlocks.owner[at]! + 1)
      const weak = memberWeak.at(at) === 1
      for (let x = at + 1; x < end; x++) {
        const j = members.at(x)
        if (mark[j] === i || (weak && memberWeak.at(x) === 1)) continue
        mark[j] = i
        row.push(j)
      }
    }
    for (let k = inRuns.start[i]!; k < inRuns.start[i + 1]!; k++) {
      const at = inRuns.place[k]!
      const r = inRuns.owner[at]!
      const w = runWindow.at(r)
      const to = Math.min(runStart.at(r + 1) - 1, at + w)
      const weak = runWeak.at(at) === 1
      for (let x = Math.max(runStart.at(r), at - w); x <= to; x++) {
        const j = runMembers.at(x)
        if (j <= i || mark[j] === i || (weak && runWeak.at(x) === 1)) continue
        mark[j] = i
        row.push(j)
      }
    }
    const partners = row.view().sort()
    for (let x = 0; x < partners.length; x++) {
      a.push(i)
      b.push(partners[x]!)
    }
  }
  // The pairs stay where they are, at the end of the working buffer (a copy would be as big
  // again); the rest of it is spare.
  const pairsA = a.view()
  const pairsB = b.view()
  let free = arena.buffer.byteLength
  for (const v of [pairsA, pairsB]) if (v.buffer === arena.buffer) free = Math.min(free, v.byteOffset)
  return {
    a: pairsA,
    b: pairsB,
    count: a.length,
    skippedBlocks,
    blocks: blocks + windows,
    spare: new Uint8Array(arena.buffer, 0, free),
  }
}

/**
 * Where each record stands in blocks (or runs) laid end to end in `entries`, the k-th starting at
 * `starts[k]` (with the total as a last start): record r's places are `place[start[r]]` up to
 * `place[start[r + 1]]`, and the block or run holding place x is `owner[x]`.
 */
const placesByRecord = (
  entries: Grow,
  starts: Grow,
  n: number,
  arena: Arena,
): { readonly start: Int32Array; readonly place: Int32Array; readonly owner: Int32Array } => {
  const owner = arena.int32(entries.length)
  for (let k = 0; k + 1 < starts.length; k++) owner.fill(k, starts.at(k), starts.at(k + 1))
  const start = arena.int32(n + 1)
  for (let x = 0; x < entries.length; x++) start[entries.at(x) + 1]!++
  for (let r = 0; r < n; r++) start[r + 1]! += start[r]!
  const fill = arena.int32(n)
  fill.set(start.subarray(0, n))
  const place = arena.int32(entries.length)
  for (let x = 0; x < entries.length; x++) place[fill[entries.at(x)]!++] = x
  return { start, place, owner }
}

/**
 * Int32Array views carved one after another out of one buffer; past its end, separate arrays.
 * Views are zeroed when carved (the buffer is zeroed when made, and each part carved once).
 */
class Arena {
  readonly buffer: ArrayBufferLike
  private used = 0
  constructor(ints: number) {
    this.buffer = Memory.buffer(ints * 4)
  }
  int32(length: number): Int32Array {
    if (this.used + length > this.buffer.byteLength / 4) return Memory.int32(length)
    const view = new Int32Array(this.buffer, this.used * 4, length)
    this.used += length
    return view
  }
}

/** Zeroed Int32Array views over buffers reused from one rule to the next. */
class Scratch {
  private buffers: Record<"size" | "fill" | "byKey" | "weakByKey", Int32Array>
  constructor(arena: Arena, capacity: number) {
    this.buffers = {
      size: arena.int32(capacity),
      fill: arena.int32(capacity),
      byKey: arena.int32(capacity),
      weakByKey: arena.int32(capacity),
    }
  }
  /** A zeroed view of `length` over the named buffer, grown when too short. */
  view(name: "size" | "fill" | "byKey" | "weakByKey", length: number): Int32Array {
    if (this.buffers[name].length < length) this.buffers[name] = Memory.int32(Math.ceil(length * 1.5))
    const v = this.buffers[name].subarray(0, length)
    v.fill(0)
    return v
  }
}

/** A growable Int32Array. */
class Grow {
  private data: Int32Array
  length = 0
  constructor(capacity: number, arena?: Arena) {
    const size = Math.max(1024, capacity)
    this.data = arena !== undefined ? arena.int32(size) : Memory.int32(size)
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = Memory.int32(Math.ceil(this.data.length * 1.5))
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = v
  }
  at(i: number): number {
    return this.data[i]!
  }
  /** The values as a view of the buffer (valid until the next push). */
  view(): Int32Array {
    return this.data.subarray(0, this.length)
  }
}
