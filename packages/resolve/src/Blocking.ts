/**
 * Blocking: which pairs of records are worth comparing. Each rule turns a record into cheap keys;
 * two records are compared when they share a key under any rule (the union of the rules). A key
 * held by more than `maxBlock` records (a switchboard number, a very common name) is skipped, so
 * the number of pairs stays near-linear in the number of records.
 *
 * Rules are data, in the manner of Splink's blocking rule library: a rule's key is built with
 * `on(part)`, `and(...)` and `or(...)` over the key parts a profile offers (`KeyPart`), validated
 * by Schema (`Rule`), so a new rule is one entry: `rule("givenYear", on("given", "birthYear"),
 * { maxBlock: 8, window: 1 })`. `candidates` compiles each rule once into part readers that the
 * hot loop calls record by record, writing into reused buffers.
 *
 * @since 0.2.0
 */

import { hashFirst, hashSecond, hashStart, hashText, hashUnit } from "@blackbook/normalize/TextHash"
import { Schema } from "effect"
import * as Memory from "./internal/memory.ts"
import { PairIds } from "./internal/pairs.ts"
import { fieldBits, ownDerivedAt, type Profile } from "./Profile.ts"
import * as Steps from "./Steps.ts"

/** A key part: a string, or an integer (dates, digits, letters). */
type Part = string | number

/**
 * Where a key part writes a record's values: reused from record to record, so reading a record's
 * keys allocates nothing. `weak[i]` marks a value that pairs its record only with records holding
 * it as a plain value: two namesakes' addresses jane.doe@ at two domains say no more than their
 * names, which the name rules already pair, but jane.doe@ on a record named "Jane Deo" may be the
 * only lead to it.
 */
class Values {
  readonly values: Array<Part> = []
  readonly weak: Array<boolean> = []
  length = 0
  add(value: Part, weak = false): void {
    this.values[this.length] = value
    this.weak[this.length] = weak
    this.length++
  }
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
 * A key part: the fields (`Profile.present` bits) without which it has no value, its reader, and
 * the fields with any of which all its values are weak (`weakWith`, when that is so).
 */
interface PartReader {
  readonly needs: number
  readonly read: (p: Profile, out: Values) => void
  readonly weakWith?: number
}

const bits = fieldBits

/**
 * What a blocking key can be made on, each a profile's values of one kind (one function per
 * part: V8 optimises each for the one part it serves):
 * - `email`: canonical addresses (role addresses such as info@ are never keys);
 * - `emailUser`: an own address's user name at any domain (4 characters or more), weak when made
 *   of the owner's name (jane.doe, jdoe); `emailPrefix`: its first six characters (typos further
 *   on), weak alike;
 * - `phoneTail`: the last 7 digits of a number (with or without country code);
 * - `handle`, `twitterId`, `linkedin`, `document`: accounts, ids, profiles, document numbers;
 * - `address`: house number and street; `locality`: each address's locality;
 * - `orgWord`: each word of an organisation's name (records that name no person);
 * - `given`: the first given name (2 letters or more); `family`: the family name (likewise);
 * - `nicknameGroup`: each nickname group of the first given name; `familyNames`: the family name
 *   and, when double-barrelled, each of its words;
 * - `givenInitial`, `familyInitial`; `givenCode`: the given name's Double Metaphone code;
 *   `familyCode`: the family name's codes; `nameless`: one value for records with neither name;
 * - `nameLow`, `nameHigh`: the lesser and the greater of given and family name (the two together
 *   are the name pair in either order: "Noah Watson" ~ "Watson, Noah");
 * - `birthDate`: the full birthday; `birthYear`: its year;
 * - `givenEnd`: the first given name's last four letters (a short form made of a long name's
 *   end: Seun, Oluwaseun);
 * - `nameAsUser`: a named record's whole name as an e-mail user name would write it (given +
 *   family either way round, weak), and a nameless record's user names' letters: an e-mail-only
 *   row meets the records named as its address is.
 */
const parts = {
  email: {
    needs: bits.email,
    read: (p: Profile, out: Values) => {
      for (const e of p.emails) if (!e.generic) out.add(e.canonical)
    },
  },
  emailUser: {
    needs: bits.email,
    read: (p: Profile, out: Values) => {
      const own = p.ownEmails
      for (let i = 0; i < own.length; i++)
        if (own[i]!.local.length >= 4) out.add(own[i]!.local, ownDerivedAt(p, i))
    },
  },
  emailPrefix: {
    needs: bits.email,
    read: (p: Profile, out: Values) => {
      const own = p.ownEmails
      for (let i = 0; i < own.length; i++)
        if (own[i]!.local.length >= 6) out.add(own[i]!.local.slice(0, 6), ownDerivedAt(p, i))
    },
  },
  givenEnd: {
    needs: bits.given,
    read: (p: Profile, out: Values) => {
      if (p.given.length >= 4) out.add(p.given.slice(-4))
    },
  },
  nameAsUser: {
    needs: bits.userName,
    // A named record's keys are all weak: only a nameless one's can pair anyone.
    weakWith: bits.given | bits.family,
    read: (p: Profile, out: Values) => {
      if (p.given !== "" || p.family !== "") {
        if (p.given === "" || p.familyAll === "") return
        out.add(p.given + p.familyAll, true)
        out.add(p.familyAll + p.given, true)
        out.add(p.given.charAt(0) + p.familyAll, true)
        return
      }
      for (const e of p.ownEmails) if (e.letters.length >= 5) out.add(e.letters)
    },
  },
  phoneTail: {
    needs: bits.phone,
    read: (p: Profile, out: Values) => {
      for (const ph of p.phones) out.add(last7(ph.tail))
    },
  },
  handle: {
    needs: bits.handle,
    read: (p: Profile, out: Values) => {
      for (const h of p.handles) out.add(h)
    },
  },
  twitterId: {
    needs: bits.twitterId,
    read: (p: Profile, out: Values) => {
      for (const id of p.twitterIds) out.add(id)
    },
  },
  linkedin: {
    needs: bits.linkedin,
    read: (p: Profile, out: Values) => {
      for (const s of p.linkedin) out.add(s)
    },
  },
  document: {
    needs: bits.document,
    read: (p: Profile, out: Values) => {
      for (const d of p.documents) out.add(d)
    },
  },
  address: {
    needs: bits.address,
    read: (p: Profile, out: Values) => {
      for (const a of p.addresses) if (a.key !== "") out.add(a.key)
    },
  },
  locality: {
    needs: bits.address,
    read: (p: Profile, out: Values) => {
      for (const a of p.addresses) if (a.locality !== "") out.add(a.locality)
    },
  },
  orgWord: {
    needs: bits.org,
    read: (p: Profile, out: Values) => {
      if (p.org !== "") for (const w of p.org.split(" ")) if (w.length > 2) out.add(w)
    },
  },
  given: {
    needs: bits.given,
    read: (p: Profile, out: Values) => {
      if (p.given.length > 1) out.add(p.given)
    },
  },
  family: {
    needs: bits.family,
    read: (p: Profile, out: Values) => {
      if (p.family.length > 1) out.add(p.familyAll)
    },
  },
  nicknameGroup: {
    needs: bits.given,
    read: (p: Profile, out: Values) => {
      for (const g of p.givenGroups) out.add(g)
    },
  },
  familyNames: {
    needs: bits.family,
    read: (p: Profile, out: Values) => {
      if (p.family === "") return
      out.add(p.familyAll)
      if (p.familyWords.length > 1) for (const w of p.familyWords) if (w.length > 2) out.add(w)
    },
  },
  givenInitial: {
    needs: bits.given,
    read: (p: Profile, out: Values) => {
      if (p.given !== "") out.add(p.given.charCodeAt(0))
    },
  },
  familyInitial: {
    needs: bits.family,
    read: (p: Profile, out: Values) => {
      if (p.family !== "") out.add(p.family.charCodeAt(0))
    },
  },
  givenCode: {
    needs: bits.given,
    read: (p: Profile, out: Values) => {
      if (p.givenCodes[0] !== "") out.add(p.givenCodes[0])
    },
  },
  familyCode: {
    needs: bits.family,
    read: (p: Profile, out: Values) => {
      if (p.familyCodes[0] === "") return
      out.add(p.familyCodes[0])
      if (p.familyCodes[1] !== p.familyCodes[0]) out.add(p.familyCodes[1])
    },
  },
  nameless: {
    needs: 0,
    read: (p: Profile, out: Values) => {
      if (p.given === "" && p.family === "") out.add(0)
    },
  },
  nameLow: {
    needs: bits.given | bits.family,
    read: (p: Profile, out: Values) => {
      if (p.givenAll === "" || p.family === "") return
      if (p.givenAll < p.familyAll) out.add(p.givenAll)
      else out.add(p.familyAll)
    },
  },
  nameHigh: {
    needs: bits.given | bits.family,
    read: (p: Profile, out: Values) => {
      if (p.givenAll === "" || p.family === "") return
      if (p.givenAll < p.familyAll) out.add(p.familyAll)
      else out.add(p.givenAll)
    },
  },
  birthDate: {
    needs: bits.birthday,
    read: (p: Profile, out: Values) => {
      const b = p.birthday
      if (b?.year !== undefined && b.month !== undefined && b.day !== undefined) out.add(dateCode(b))
    },
  },
  birthYear: {
    needs: bits.birthday,
    read: (p: Profile, out: Values) => {
      if (p.birthday?.year !== undefined) out.add(p.birthday.year)
    },
  },
} satisfies Record<string, PartReader>

/**
 * The parts a blocking key can be made on (see `parts` above).
 *
 * @category models
 * @since 0.3.0
 */
export const KeyPart = Schema.Literals(Object.keys(parts) as Array<keyof typeof parts>)
export type KeyPart = typeof KeyPart.Type

/**
 * A blocking key as data, in the manner of Splink's blocking rule library: `{on: part}` (the
 * part's values), `{and: [...]}` (one value of each, together: records agree on all), `{or:
 * [...]}` (the keys of each, kept apart: records agree on any one of them). Build it with `on`,
 * `and` and `or`.
 *
 * @category models
 * @since 0.3.0
 */
export type Key =
  | { readonly on: KeyPart }
  | { readonly and: ReadonlyArray<Key> }
  | { readonly or: ReadonlyArray<Key> }

const NonEmptyKeys = Schema.Array(Schema.suspend((): Schema.Codec<Key> => Key)).pipe(
  Schema.check(Schema.isMinLength(1)),
)

/** @category models @since 0.3.0 */
export const Key: Schema.Codec<Key> = Schema.Union([
  Schema.Struct({ on: KeyPart }),
  Schema.Struct({ and: NonEmptyKeys }),
  Schema.Struct({ or: NonEmptyKeys }),
])

/**
 * A key on one part, or on several together (`on("given", "birthYear")` is
 * `and(on("given"), on("birthYear"))`, as Splink's `block_on`).
 *
 * @category constructors
 * @since 0.3.0
 */
export const on = (part: KeyPart, ...more: ReadonlyArray<KeyPart>): Key =>
  more.length === 0 ? { on: part } : { and: [part, ...more].map((p) => ({ on: p })) }

/**
 * Records agree on every key: one value of each, together.
 *
 * @category constructors
 * @since 0.3.0
 */
export const and = (first: Key, ...rest: ReadonlyArray<Key>): Key => ({ and: [first, ...rest] })

/**
 * Records agree on any one of the keys (each key's values kept apart from the others').
 *
 * @category constructors
 * @since 0.3.0
 */
export const or = (first: Key, ...rest: ReadonlyArray<Key>): Key => ({ or: [first, ...rest] })

/**
 * The order of an oversized block's records when it is searched as a sorted neighbourhood:
 * `name` (given, then family name: a typo rarely moves a name far in it), `company` (then name:
 * a LinkedIn row and a mail client's card of one person share the employer), `family` (family,
 * then given name).
 *
 * @category models
 * @since 0.3.0
 */
export const Order = Schema.Literals(["name", "company", "family"])
export type Order = typeof Order.Type

/**
 * A rule: a name, its key, and its own cap on block size (`maxBlock`, at most the settings'
 * one). A block over the cap is skipped, unless the rule has a `window`: then it is searched as a
 * sorted neighbourhood, its records in the rule's `order` (default `name`), each compared with
 * the next `window` ones, so its pairs grow with its size, not its square.
 *
 * @category models
 * @since 0.2.0
 */
export const Rule = Schema.Struct({
  name: Schema.String,
  key: Key,
  maxBlock: Schema.optionalKey(Schema.Int),
  window: Schema.optionalKey(Schema.Int.pipe(Schema.check(Schema.isGreaterThan(0)))),
  order: Schema.optionalKey(Order),
})
export type Rule = typeof Rule.Type

/**
 * A rule (see `Rule`).
 *
 * @category constructors
 * @since 0.3.0
 */
export const rule = (
  name: string,
  key: Key,
  options: { readonly maxBlock?: number; readonly window?: number; readonly order?: Order } = {},
): Rule => ({ name, key, ...options })

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
export const defaults: ReadonlyArray<Rule> = [
  rule("email", on("email")),
  rule("emailUser", on("emailUser"), { maxBlock: 8, window: 3 }),
  rule("phone", on("phoneTail")),
  rule("handle", on("handle")),
  rule("twitterId", on("twitterId")),
  rule("linkedin", on("linkedin")),
  rule("document", on("document")),
  rule("name", on("nicknameGroup", "familyNames"), { maxBlock: 10, window: 3, order: "company" }),
  // Whole small blocks only: oversized blocks searched by neighbourhood paired given names that
  // merely share an initial: many pairs, for very few true ones no other rule found;
  // `phoneticGiven` searches them by the given name's sound.
  rule("phonetic", on("familyCode", "givenInitial"), { maxBlock: 8 }),
  rule("phoneticGiven", on("familyCode", "givenCode"), { maxBlock: 8, window: 3 }),
  rule("swapped", on("nameLow", "nameHigh"), { maxBlock: 10, window: 3, order: "company" }),
  rule(
    "birthday",
    or(on("birthDate", "givenInitial"), on("birthDate", "familyInitial"), on("birthDate", "nameless")),
  ),
  rule("address", on("address")),
  rule("org", on("orgWord")),
  rule("date", on("birthDate"), { maxBlock: 8, window: 1, order: "family" }),
  rule("givenLocality", on("given", "locality"), { maxBlock: 8, window: 2 }),
  rule("emailPrefix", on("emailPrefix"), { maxBlock: 8, window: 2 }),
  rule("nameAsUser", on("nameAsUser"), { maxBlock: 8, window: 3 }),
  rule("givenEnd", on("givenEnd", "familyNames"), { maxBlock: 8, window: 2 }),
  rule("familyYear", on("family", "birthYear"), { maxBlock: 8, window: 1 }),
  rule("givenYear", on("given", "birthYear"), { maxBlock: 8, window: 1 }),
  rule("familyLocality", on("family", "locality"), { maxBlock: 8, window: 2 }),
]

/** A key's branches: the keys of `or`s apart, each branch the parts it joins (`and`). */
const branchesOf = (key: Key): Array<Array<KeyPart>> => {
  if ("on" in key) return [[key.on]]
  if ("or" in key) return key.or.flatMap(branchesOf)
  // Every combination of one branch of each.
  return key.and.reduce<Array<Array<KeyPart>>>(
    (acc, k) => acc.flatMap((xs) => branchesOf(k).map((ys) => [...xs, ...ys])),
    [[]],
  )
}

/** A rule compiled once for the hot loop: its branches' part readers and the fields it needs. */
interface Compiled {
  readonly rule: Rule
  readonly branches: ReadonlyArray<ReadonlyArray<PartReader>>
  /** The fields a record must have for any branch to give it a key. */
  readonly needs: number
  /**
   * Per branch, the fields it needs and the fields with any of which its keys are all weak: a
   * record without the first or with any of the second holds no strong key of the branch.
   */
  readonly strong: ReadonlyArray<{ readonly needs: number; readonly weakWith: number }>
  /** Its key as text: two rules with one key give the same keys. */
  readonly signature: string
}

const compile = (r: Rule): Compiled => {
  const branches = branchesOf(r.key).map((b) => b.map((part): PartReader => parts[part]))
  let needs = -1
  const strong: Array<{ needs: number; weakWith: number }> = []
  for (const b of branches) {
    let all = 0
    let weakWith = 0
    for (const part of b) {
      all |= part.needs
      weakWith |= part.weakWith ?? 0
    }
    needs &= all
    strong.push({ needs: all, weakWith })
  }
  return { rule: r, branches, needs, strong, signature: JSON.stringify(r.key) }
}

/**
 * The fields (`Profile.present` bits) a record must have for a key to give it a value: blocking
 * passes over the others without reading their profiles (most rules find their fields in few
 * records, and a pass over every profile waits on memory).
 *
 * @category blocking
 * @since 0.2.0
 */
export const requiredFields = (key: Key): number => compile(rule("", key)).needs

/**
 * Every key of one record under a compiled rule, as its parts (one value per part of a branch)
 * and whether it is weak (some part's value is). `bufs` holds one `Values` per part position.
 */
const eachKey = (
  c: Compiled,
  p: Profile,
  bufs: Array<Values>,
  at: Int32Array,
  onKey: (branch: number, count: number, weak: boolean) => void,
): void => {
  for (let b = 0; b < c.branches.length; b++) {
    const branch = c.branches[b]!
    const count = branch.length
    let empty = false
    for (let k = 0; k < count; k++) {
      if (bufs.length === k) bufs.push(new Values())
      const buf = bufs[k]!
      buf.length = 0
      branch[k]!.read(p, buf)
      if (buf.length === 0) {
        empty = true
        break
      }
    }
    if (empty) continue
    // Every combination of one value per part: `at` counts through them.
    at.fill(0, 0, count)
    for (;;) {
      let weak = false
      for (let k = 0; k < count; k++) if (bufs[k]!.weak[at[k]!]) weak = true
      onKey(b, count, weak)
      let k = count - 1
      while (k >= 0 && ++at[k]! === bufs[k]!.length) at[k--] = 0
      if (k < 0) break
    }
  }
}

/**
 * The blocking keys of a profile under the rules, spelled out, each prefixed by its rule (and
 * branch) so keys of two rules never collide.
 *
 * @category blocking
 * @since 0.2.0
 */
export const keys = (p: Profile, rules: ReadonlyArray<Rule>): Array<string> => {
  const out: Array<string> = []
  const bufs: Array<Values> = []
  const at = new Int32Array(16)
  for (const r of rules) {
    const c = compile(r)
    eachKey(c, p, bufs, at, (b, count) => {
      const values: Array<Part> = []
      for (let k = 0; k < count; k++) values.push(bufs[k]!.values[at[k]!]!)
      out.push(`${r.name}${c.branches.length > 1 ? `#${b}` : ""}:${values.join("|")}`)
    })
  }
  return out
}

/**
 * `keys` with the rules compiled once, for reading the keys of many profiles.
 *
 * @category blocking
 * @since 0.6.0
 */
export const keyReader = (rules: ReadonlyArray<Rule>): ((p: Profile) => Array<string>) => {
  const compiled = rules.map((r) => [r, compile(r)] as const)
  const bufs: Array<Values> = []
  const at = new Int32Array(16)
  return (p) => {
    const out: Array<string> = []
    for (const [r, c] of compiled) {
      if ((p.present & c.needs) !== c.needs) continue
      eachKey(c, p, bufs, at, (b, count) => {
        const values: Array<Part> = []
        for (let k = 0; k < count; k++) values.push(bufs[k]!.values[at[k]!]!)
        out.push(`${r.name}${c.branches.length > 1 ? `#${b}` : ""}:${values.join("|")}`)
      })
    }
    return out
  }
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
 * entry per key: a map from key texts to numbers cost blocking much of its time and memory. The
 * key is the current combination of `bufs` (`at`), after its branch when the rule has several.
 */
const keyId = (ids: PairIds, branch: number, count: number, bufs: Array<Values>, at: Int32Array): number => {
  hashStart()
  if (branch >= 0) hashPart(branch)
  for (let k = 0; k < count; k++) hashPart(bufs[k]!.values[at[k]!]!)
  return ids.idOf(hashFirst(), hashSecond())
}

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)

/**
 * The order of an oversized block's records (see `Rule`), compared field by field (no key string
 * per record: on a big import those strings cost more than the sorting).
 */
const orderFor = (order: Order, profiles: ReadonlyArray<Profile>): ((x: number, y: number) => number) => {
  switch (order) {
    case "company":
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
    case "family":
      return (x, y) => {
        const p = profiles[x]!
        const q = profiles[y]!
        return byText(p.familyAll, q.familyAll) || byText(p.givenAll, q.givenAll) || x - y
      }
    case "name":
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
): Candidates => Steps.runSync(candidatesSteps(profiles, rules, maxBlock))

/**
 * `candidates` cut into steps (see `Steps`), reported as the stage `blocking`: its unit is a
 * record visited, once per rule and once more while the pairs are made.
 *
 * @category blocking
 * @since 0.3.0
 */
export function* candidatesSteps(
  profiles: ReadonlyArray<Profile>,
  rules: ReadonlyArray<Rule>,
  maxBlock: number,
): Steps.Steps<Candidates> {
  const n = profiles.length
  const total = (rules.length + 1) * n
  let visited = 0
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
  const seen = new Set<string>()
  // Each record's values per part position, and which combination of them is the current key.
  const bufs: Array<Values> = []
  const at = new Int32Array(16)
  for (const rule of rules) {
    const compiled = compile(rule)
    visited += n
    // The same key twice gives the same keys again.
    if (seen.has(compiled.signature)) continue
    seen.add(compiled.signature)
    // Weak holders alone pair nobody: a rule no record can hold a strong key of gives no pairs,
    // told from the fields alone, without making its keys.
    if (!mayHoldStrong(compiled, present)) continue
    const cap = Math.min(maxBlock, rule.maxBlock ?? maxBlock)
    const order = orderFor(rule.order ?? "name", profiles)
    // Each key becomes a small integer; (key, record) pairs are then grouped by counting.
    ids.clear()
    keyOf.length = 0
    recordOf.length = 0
    weakOf.length = 0
    const tagged = compiled.branches.length > 1
    let r = 0
    const onKey = (branch: number, count: number, weak: boolean): void => {
      keyOf.push(keyId(ids, tagged ? branch : -1, count, bufs, at))
      recordOf.push(r)
      weakOf.push(weak ? 1 : 0)
    }
    const needs = compiled.needs
    for (r = 0; r < n; r++) {
      if ((r & 1023) === 0) yield Steps.at("blocking", visited - n + r, total)
      if ((present[r]! & needs) === needs) eachKey(compiled, profiles[r]!, bufs, at, onKey)
    }
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
    if ((i & 1023) === 0) yield Steps.at("blocking", visited + i, total)
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
  yield Steps.at("blocking", total, total)
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

/** Whether some record has the fields for a strong key of some branch of the rule. */
const mayHoldStrong = (c: Compiled, present: Int32Array): boolean => {
  if (c.strong.every((b) => b.weakWith === 0)) return true
  for (let i = 0; i < present.length; i++)
    for (const b of c.strong)
      if ((present[i]! & b.needs) === b.needs && (present[i]! & b.weakWith) === 0) return true
  return false
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
