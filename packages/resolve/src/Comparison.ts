/**
 * Comparisons as data, in the manner of Splink: a comparison looks at one field of two records
 * and puts the pair in the first of its ordered levels whose condition holds: the null level
 * first (a side lacks the field: no evidence either way), then the strongest agreement, down to
 * the else level (clear disagreement). Each level carries Fellegi-Sunter probabilities: `m`, how
 * often true matches land in it, and `u`, how often unrelated records do; its weight of evidence is
 * log2(m/u). The m and u given here are priors; `Scoring.train` re-estimates them from the data.
 *
 * Everything in a `Comparison` is plain data that round-trips through JSON (see `Settings`).
 *
 * @since 0.2.0
 */

import * as Email from "@blackbook/normalize/Email"
import * as Nickname from "@blackbook/normalize/Nickname"
import {
  JaroWinklerMemo,
  jaroWinklerAtLeast,
  masksMayReach,
  namesMayReach,
} from "@blackbook/normalize/Similarity"
import { Schema } from "effect"
import {
  derivedMask,
  type Field,
  madeOfFullName,
  ownDerivedAt,
  type Profile,
  type ProfileAddress,
  type ProfileEmail,
} from "./Profile.ts"

/**
 * The record fields a comparison can look at (owned by `Profile`, which computes them).
 *
 * @category models
 * @since 0.2.0
 */
export { Field } from "./Profile.ts"

/**
 * What must hold for a pair to fall in a level, one kind per condition. Each field takes only
 * the kinds that mean something for it (`GivenCondition`, `PhoneCondition`...): settings naming a
 * kind its field does not take fail to decode, with the path of the level.
 * - `null`: either side lacks the field (every field); for `company`, also two organisations
 *   (their names are weighed by `org`).
 * - `exact`: the same value (for several values: one in common that is not shared).
 * - `shared`: the same value, but one that several people hold (a family mailbox, a family
 *   landline, a household's address): weak evidence (email, phone, address). Role addresses
 *   (info@) are no evidence at all: e-mail comparisons see only a person's own addresses.
 * - `nickname`: given names in one nickname group (Robert, Bob) or a nickname field matching.
 * - `phonetic`: the same Double Metaphone code (Zara ~ Sarah, Thompson ~ Tompson).
 * - `jaroWinkler`: Jaro-Winkler similarity at least `threshold` (given, family, company, org,
 *   email as whole addresses).
 * - `distinct`: given names from one stem with different endings (Darla, Darlene; Patrick,
 *   Patricia): siblings and twins are named so, a typo does not add a new ending.
 * - `initial`: one side is an initial of the other's given (or middle) name, or its written
 *   abbreviation (Mhd for Mohamed, Wm for William).
 * - `overlap`: every word of the shorter name is in the longer one (Medina Sentosa ~ Sentosa;
 *   a family name kept as the other's middle name, Meyer ~ Meyer Thomas;
 *   company and org names).
 * - `partial`: birthdays agree where both are known (one lacks the year).
 * - `swapped`: birthdays with day and month swapped.
 * - `onePart`: birthdays differing in one part (year, month or day).
 * - `apart`: birthdays at least `threshold` years apart that differ in month and day too (a
 *   parent and child, not a slip of one digit).
 * - `username`: e-mails with the same local part at different domains.
 * - `similarUsername`: e-mails at the same domain (not a mailbox provider such as gmail.com) whose
 *   local parts have Jaro-Winkler >= `threshold`, unless they differ only in digits (jdoe12, jdoe57).
 * - `sameDomain`: different e-mails at one domain (two accounts at one provider, two colleagues).
 * - `tail`: phones with the same last 7 or more digits (one written without the country code).
 * - `street`: addresses with the same house number and a similar street word, or both without a
 *   house number and with the same street words in the same place.
 * - `area`: addresses in the same postcode or locality.
 * - `domain`: one record's company is the employer the other's work e-mail domain names
 *   (Fabrikam and heriksson@fabrikam.com; Northwind Traders and northwind.com).
 * - `else`: anything else (every field).
 *
 * @category models
 * @since 0.2.0
 */
export const ConditionKind = Schema.Literals([
  "null",
  "exact",
  "shared",
  "nickname",
  "phonetic",
  "jaroWinkler",
  "distinct",
  "initial",
  "overlap",
  "partial",
  "swapped",
  "onePart",
  "apart",
  "username",
  "similarUsername",
  "sameDomain",
  "tail",
  "street",
  "area",
  "domain",
  "else",
])
export type ConditionKind = typeof ConditionKind.Type

const plain = <K extends ConditionKind>(kind: K) => Schema.Struct({ kind: Schema.Literal(kind) })
const withThreshold = <K extends ConditionKind>(kind: K) =>
  Schema.Struct({ kind: Schema.Literal(kind), threshold: Schema.optionalKey(Schema.Number) })

const Null = plain("null")
const Exact = plain("exact")
const Shared = plain("shared")
const NicknameGroup = plain("nickname")
const Phonetic = plain("phonetic")
const JaroWinkler = withThreshold("jaroWinkler")
const Distinct = plain("distinct")
const Initial = plain("initial")
const Overlap = plain("overlap")
const Partial = plain("partial")
const Swapped = plain("swapped")
const OnePart = plain("onePart")
const Apart = withThreshold("apart")
const Username = plain("username")
const SimilarUsername = withThreshold("similarUsername")
const SameDomain = plain("sameDomain")
const Tail = plain("tail")
const Street = plain("street")
const Area = plain("area")
const Domain = plain("domain")
const Else = plain("else")

/** A condition's schema: a struct whose `kind` is one literal. */
type ConditionSchema = Schema.Top & { readonly fields: { readonly kind: Schema.Literal<ConditionKind> } }

/**
 * The conditions a field takes, as one union named, with its kinds, for error messages ("Expected
 * a given name condition (null, exact, ...)").
 */
const conditions = <const Members extends ReadonlyArray<ConditionSchema>>(what: string, members: Members) =>
  Schema.Union(members).annotate({
    identifier: `${what} condition (${members.map((m) => m.fields.kind.literal).join(", ")})`,
  })

/** @category models @since 0.3.0 */
export const GivenCondition = conditions("a given name", [
  Null,
  Exact,
  NicknameGroup,
  Phonetic,
  JaroWinkler,
  Distinct,
  Initial,
  Else,
])
export type GivenCondition = typeof GivenCondition.Type

/** @category models @since 0.3.0 */
export const FamilyCondition = conditions("a family name", [
  Null,
  Exact,
  Phonetic,
  JaroWinkler,
  Overlap,
  Else,
])
export type FamilyCondition = typeof FamilyCondition.Type

/** @category models @since 0.3.0 */
export const BirthdayCondition = conditions("a birthday", [
  Null,
  Exact,
  Partial,
  Swapped,
  OnePart,
  Apart,
  Else,
])
export type BirthdayCondition = typeof BirthdayCondition.Type

/** @category models @since 0.3.0 */
export const EmailCondition = conditions("an e-mail", [
  Null,
  Exact,
  Shared,
  Username,
  SimilarUsername,
  JaroWinkler,
  SameDomain,
  Else,
])
export type EmailCondition = typeof EmailCondition.Type

/** @category models @since 0.3.0 */
export const PhoneCondition = conditions("a phone", [Null, Exact, Shared, Tail, Else])
export type PhoneCondition = typeof PhoneCondition.Type

/**
 * Fields of identifiers (handle, Twitter id, LinkedIn profile, document, generation): missing,
 * the same, or different.
 *
 * @category models
 * @since 0.3.0
 */
export const IdentifierCondition = conditions("an identifier", [Null, Exact, Else])
export type IdentifierCondition = typeof IdentifierCondition.Type

/** Company and organisation names. @category models @since 0.3.0 */
export const CompanyCondition = conditions("a company or organisation", [
  Null,
  Exact,
  Overlap,
  JaroWinkler,
  Else,
])
export type CompanyCondition = typeof CompanyCondition.Type

/** A person's employer: its name, or the employer a work e-mail domain names. @category models @since 0.4.0 */
export const EmployerCondition = conditions("an employer", [Null, Exact, Overlap, JaroWinkler, Domain, Else])
export type EmployerCondition = typeof EmployerCondition.Type

/**
 * A record without a name against a named one: whether its address is made of that name.
 * @category models @since 0.4.0
 */
export const UserNameCondition = conditions("a name in an e-mail", [Null, Exact, Else])
export type UserNameCondition = typeof UserNameCondition.Type

/** Job titles. @category models @since 0.4.0 */
export const TitleCondition = conditions("a job title", [Null, Exact, Overlap, JaroWinkler, Else])
export type TitleCondition = typeof TitleCondition.Type

/** @category models @since 0.3.0 */
export const AddressCondition = conditions("an address", [Null, Exact, Shared, Street, Area, Else])
export type AddressCondition = typeof AddressCondition.Type

/**
 * Any field's condition (what a level of an unknown field may hold).
 *
 * @category models
 * @since 0.2.0
 */
export const Condition = Schema.Union([
  Null,
  Exact,
  Shared,
  NicknameGroup,
  Phonetic,
  JaroWinkler,
  Distinct,
  Initial,
  Overlap,
  Partial,
  Swapped,
  OnePart,
  Apart,
  Username,
  SimilarUsername,
  SameDomain,
  Tail,
  Street,
  Area,
  Domain,
  Else,
])
export type Condition = typeof Condition.Type

const Probability = Schema.Number.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 1 })))

/**
 * One level with conditions of one kind: its condition, prior m and u, and how it is explained.
 * `text` may use `{a}` and `{b}` (the two values as written) and `{value}` (the value they share).
 * `tf`: the weight of an exact match is adjusted by how common the value is. `fixed`: m and u are
 * not re-estimated. `veto`: a pair in this level can never be in one cluster (different Twitter
 * accounts).
 *
 * @category models
 * @since 0.3.0
 */
export const LevelOf = <C extends Schema.Top>(condition: C) =>
  Schema.Struct({
    label: Schema.String,
    when: condition,
    m: Probability,
    u: Probability,
    text: Schema.String,
    tf: Schema.optionalKey(Schema.Boolean),
    fixed: Schema.optionalKey(Schema.Boolean),
    veto: Schema.optionalKey(Schema.Boolean),
  })

/**
 * A level of any field (see `LevelOf`).
 *
 * @category models
 * @since 0.2.0
 */
export const Level = LevelOf(Condition)
export type Level = typeof Level.Type

const comparisonOf = <F extends Field, C extends Schema.Top>(field: F, condition: C) =>
  Schema.Struct({
    name: Schema.String,
    field: Schema.Literal(field),
    levels: Schema.Array(LevelOf(condition)),
  })

/**
 * A comparison: a name, the field it reads and its ordered levels (null first, else last), whose
 * conditions are those the field takes (a union by field).
 *
 * @category models
 * @since 0.2.0
 */
export const Comparison = Schema.Union([
  comparisonOf("given", GivenCondition),
  comparisonOf("family", FamilyCondition),
  comparisonOf("birthday", BirthdayCondition),
  comparisonOf("email", EmailCondition),
  comparisonOf("phone", PhoneCondition),
  comparisonOf("handle", IdentifierCondition),
  comparisonOf("twitterId", IdentifierCondition),
  comparisonOf("linkedin", IdentifierCondition),
  comparisonOf("document", IdentifierCondition),
  comparisonOf("generation", IdentifierCondition),
  comparisonOf("company", EmployerCondition),
  comparisonOf("address", AddressCondition),
  comparisonOf("org", CompanyCondition),
  comparisonOf("title", TitleCondition),
  comparisonOf("userName", UserNameCondition),
])
export type Comparison = typeof Comparison.Type

/**
 * The comparison of one field.
 *
 * @category models
 * @since 0.3.0
 */
export type ComparisonOf<F extends Field> = Extract<Comparison, { readonly field: F }>

/**
 * A comparison's levels, read as levels of any field (for code that reads only what every level has).
 *
 * @category models
 * @since 0.3.0
 */
export const levelsOf = (c: Comparison): ReadonlyArray<Level> => c.levels

/**
 * The comparison with new m and u for its levels (`m[i]` and `u[i]` for level i), as training
 * estimates them; conditions untouched.
 *
 * @category constructors
 * @since 0.3.0
 */
export const withProbabilities = <C extends Comparison>(
  c: C,
  m: ReadonlyArray<number>,
  u: ReadonlyArray<number>,
): C =>
  // Each level keeps its own condition, so the levels still fit the comparison's field.
  ({ ...c, levels: levelsOf(c).map((l, i) => ({ ...l, m: m[i]!, u: u[i]! })) }) as C

/**
 * What the comparisons know about the whole data set: values held by several different people
 * (`shared`), keyed `field:value`.
 *
 * @category models
 * @since 0.2.0
 */
export interface Context {
  readonly isShared: (field: "email" | "phone" | "address", value: string) => boolean
}

/** A context in which no value is shared (comparing two records on their own). */
export const emptyContext: Context = { isShared: () => false }

/**
 * The two sides of a pair as compared: `b` may be viewed with given and family names swapped
 * ("Watson, Noah" written as given Watson, family Noah).
 *
 * @category models
 * @since 0.2.0
 */
export interface Pair {
  readonly a: Profile
  readonly b: Profile
  readonly swapped: boolean
}

const firstWord = (s: string): string => {
  const i = s.indexOf(" ")
  return i < 0 ? s : s.slice(0, i)
}

/** `b` with given and family swapped. */
const swap = (b: Profile): Profile => ({
  ...b,
  ...(b.familyRaw !== undefined ? { givenRaw: b.familyRaw } : {}),
  ...(b.givenRaw !== undefined ? { familyRaw: b.givenRaw } : {}),
  given: firstWord(b.family),
  givenAll: b.familyAll,
  family: b.givenAll,
  familyWords: [b.givenAll],
  familyAll: b.givenAll,
  givenMask: b.familyMask,
  familyMask: b.givenMask,
  givenCodes: b.familyCodes,
  familyCodes: b.givenCodes,
  givenGroups: [firstWord(b.family)],
  // Which addresses are made of the name, read with the names swapped.
  ownDerived: derivedMask(b.ownEmails, firstWord(b.family), b.givenAll),
})

/**
 * Orients a pair: swaps `b`'s given and family names when that makes both agree exactly and the
 * names as written do not.
 *
 * @category constructors
 * @since 0.2.0
 */
export const pair = (a: Profile, b: Profile): Pair => {
  if (
    a.given === "" ||
    a.family === "" ||
    b.given === "" ||
    b.family === "" ||
    a.givenAll === b.givenAll ||
    a.family === b.family
  )
    return { a, b, swapped: false }
  const bf = b.familyAll
  const af = a.familyAll
  if (a.givenAll === bf && af === b.givenAll) return { a, b: swap(b), swapped: true }
  // A swapped name with a typo ("Jones Mia" ~ "Mia JJones"), when the names as written disagree.
  if (
    a.givenAll.length >= 3 &&
    b.givenAll.length >= 3 &&
    namesMayReach(a.givenAll, bf, a.givenMask, b.familyMask, 0.9) &&
    namesMayReach(af, b.givenAll, a.familyMask, b.givenMask, 0.9) &&
    jaroWinklerAtLeast(a.givenAll, bf, 0.9) &&
    jaroWinklerAtLeast(af, b.givenAll, 0.9) &&
    !jaroWinklerAtLeast(a.givenAll, b.givenAll, 0.8) &&
    !jaroWinklerAtLeast(af, bf, 0.8)
  )
    return { a, b: swap(b), swapped: true }
  return { a, b, swapped: false }
}

const codesMatch = (x: readonly [string, string], y: readonly [string, string]): boolean =>
  x[0] !== "" && y[0] !== "" && (x[0] === y[0] || x[0] === y[1] || x[1] === y[0])

const intersects = (x: ReadonlyArray<string>, y: ReadonlyArray<string>): boolean => {
  for (const v of x) if (y.includes(v)) return true
  return false
}

const common = (x: ReadonlyArray<string>, y: ReadonlyArray<string>): string | undefined => {
  for (const v of x) if (y.includes(v)) return v
  return undefined
}

const within = (short: ReadonlyArray<string>, long: ReadonlyArray<string>): boolean =>
  short.length > 0 && short.every((w) => w.length > 1 && long.includes(w))

const nameComparable = (a: Profile, b: Profile): boolean =>
  a.script === b.script || (a.script === "latin" && b.script === "latin")

/** Letters in one string and not the other, counted with repeats (an anagram scores 0). */
const letterDifference = (x: string, y: string): number => {
  const counts = new Map<string, number>()
  for (const c of x) counts.set(c, (counts.get(c) ?? 0) + 1)
  for (const c of y) counts.set(c, (counts.get(c) ?? 0) - 1)
  let d = 0
  for (const v of counts.values()) d += Math.abs(v)
  return d
}

/** Edit distance (insertions, deletions, substitutions) of two short strings. */
const editDistance = (x: string, y: string): number => {
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const row = [i]
    for (let j = 1; j <= y.length; j++)
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)))
    prev = row
  }
  return prev[y.length]!
}

const lettersOnly = /^\p{L}+$/u

/**
 * Distinct names from one stem: a common start of three letters or more, then two different
 * endings sharing few letters, three edits or more apart (Darla, Darlene, Darletta; Mark,
 * Marsha). Typos swap or change a letter (Charlie, Charlei); a name cut short
 * (Jess, Jessica) is an abbreviation.
 */
export const distinctNames = (x: string, y: string): boolean => {
  if (x === y || x.length < 3 || y.length < 3) return false
  let p = 0
  while (p < x.length && p < y.length && x.charCodeAt(p) === y.charCodeAt(p)) p++
  if (p < 3 || p === x.length || p === y.length || !lettersOnly.test(x) || !lettersOnly.test(y)) return false
  // Three edits or more: typists slip once or twice (Nathan, Nathsab), names differ more.
  return letterDifference(x.slice(p), y.slice(p)) >= 3 && editDistance(x, y) >= 3
}

const vowels = /[aeiouy]/

/**
 * A written abbreviation of a name: its first letter, then only consonants of it in order
 * (Mhd for Mohamed, Wm for William, Jhn for John).
 */
export const abbreviates = (short: string, long: string): boolean => {
  if (short.length < 2 || short.length > 4 || long.length <= short.length + 1 || short[0] !== long[0])
    return false
  if (vowels.test(short.slice(1))) return false
  let i = 1
  for (let j = 1; j < long.length && i < short.length; j++) if (long[j] === short[i]) i++
  return i === short.length
}

/**
 * Given names in one nickname group. Two short forms that each name several formal names meet
 * only in more than one of them: Jon (John, Jonathan) and Nate (Jonathan, Nathan, Nathaniel) are
 * two people as a rule; Bob and Rob (Robert), Sasha and Alex (Alexander, Alexandra) one.
 */
const nicknamesMeet = (a: Profile, b: Profile): boolean => {
  const x = a.givenGroups
  const y = b.givenGroups
  let shared = 0
  for (const g of x) if (y.includes(g)) shared++
  if (shared === 0) return false
  return (
    shared >= 2 || shared === x.length || shared === y.length || x.includes(a.given) || y.includes(b.given)
  )
}

/**
 * A short form made of a long name's end, four letters or more of a name three letters longer
 * at least: Seun for Oluwaseun, Tina for Christina, Bella for Isabella.
 */
export const shortFormAtEnd = (x: string, y: string): boolean => {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  return short.length >= 4 && long.length >= short.length + 3 && long.endsWith(short)
}

/** How two given names relate, tested lazily by the level conditions. */
const givenHolds = (c: GivenCondition, p: Pair): boolean => {
  const { a, b } = p
  switch (c.kind) {
    case "null":
      return a.given === "" || b.given === "" || !nameComparable(a, b)
    case "exact":
      return a.given === b.given || a.givenAll === b.givenAll
    case "nickname":
      return (
        nicknamesMeet(a, b) ||
        a.nickname.some((n) => n === b.given) ||
        b.nickname.some((n) => n === a.given) ||
        (a.script === b.script && shortFormAtEnd(a.given, b.given))
      )
    case "phonetic":
      return a.given.length > 1 && b.given.length > 1 && codesMatch(a.givenCodes, b.givenCodes)
    case "jaroWinkler":
      return (
        Math.min(a.given.length, b.given.length) >= 3 &&
        // The masks are of all given words: they bound the first word's only when it is all.
        (a.given !== a.givenAll ||
          b.given !== b.givenAll ||
          namesMayReach(a.given, b.given, a.givenMask, b.givenMask, c.threshold ?? 0.9)) &&
        jaroWinklerAtLeast(a.given, b.given, c.threshold ?? 0.9)
      )
    case "distinct":
      // Names transliterated from two scripts differ in spelling, not in person.
      return a.script === b.script && distinctNames(a.given, b.given)
    case "initial": {
      const [short, long, side] =
        a.given.length <= b.given.length ? [a.given, b.given, a] : [b.given, a.given, b]
      if (short.length > 1) return abbreviates(short, long)
      return long.startsWith(short) || (side.middle[0] !== undefined && side.middle[0] === long)
    }
    case "else":
      return true
  }
}

const familyHolds = (c: FamilyCondition, p: Pair): boolean => {
  const { a, b } = p
  switch (c.kind) {
    case "null":
      return a.family === "" || b.family === "" || !nameComparable(a, b)
    case "exact":
      return a.family === b.family || a.familyAll === b.familyAll
    case "phonetic":
      return codesMatch(a.familyCodes, b.familyCodes) && Math.min(a.family.length, b.family.length) >= 3
    case "jaroWinkler":
      return (
        Math.min(a.family.length, b.family.length) >= 3 &&
        (a.family !== a.familyAll ||
          b.family !== b.familyAll ||
          namesMayReach(a.family, b.family, a.familyMask, b.familyMask, c.threshold ?? 0.9)) &&
        jaroWinklerAtLeast(a.family, b.family, c.threshold ?? 0.9)
      )
    case "overlap":
      // A maiden name kept as a middle name: Susan Meyer ~ Susan Meyer Thomas.
      if (a.family.length > 1 && b.middle.includes(a.family)) return true
      if (b.family.length > 1 && a.middle.includes(b.family)) return true
      return a.familyWords.length <= b.familyWords.length
        ? within(a.familyWords, b.familyWords)
        : within(b.familyWords, a.familyWords)
    case "else":
      return true
  }
}

type Birthday = NonNullable<Profile["birthday"]>

/** Differing parts of two birthdays among those both have (`swap`: the second's day and month swapped). */
const dateDiff = (x: Birthday, y: Birthday, swap: boolean): number => {
  const ym = swap ? y.day : y.month
  const yd = swap ? y.month : y.day
  let diff = 0
  if (x.year !== undefined && y.year !== undefined && x.year !== y.year) diff++
  if (x.month !== undefined && ym !== undefined && x.month !== ym) diff++
  if (x.day !== undefined && yd !== undefined && x.day !== yd) diff++
  return diff
}

const dateMissing = (x: Birthday, y: Birthday): boolean =>
  x.year === undefined ||
  y.year === undefined ||
  x.month === undefined ||
  y.month === undefined ||
  x.day === undefined ||
  y.day === undefined

/** How two birthdays compare, worked out once for all the levels that ask. */
interface DateFacts {
  /** Parts that differ (0-3), as written and with day and month swapped (3 when that cannot be). */
  readonly straight: number
  readonly swapped: number
  /** Day and month known and different, so a swap can be told from the date itself. */
  readonly swappable: boolean
  readonly missing: boolean
  /** Years apart, when both are known. */
  readonly years: number | undefined
}

const dateFacts = (x: Birthday, y: Birthday): DateFacts => {
  const dayMonth = x.month !== undefined && x.day !== undefined
  return {
    straight: dateDiff(x, y, false),
    swapped: dayMonth ? dateDiff(x, y, true) : 3,
    swappable: dayMonth && x.month !== x.day,
    missing: dateMissing(x, y),
    years: x.year !== undefined && y.year !== undefined ? Math.abs(x.year - y.year) : undefined,
  }
}

/** A condition that asks something of two known values (`null` is asked before they are known). */
type Known<C extends Condition> = Exclude<C, { readonly kind: "null" }>

/** Whether a condition other than null holds for two known birthdays. */
const datesHold = (c: Known<BirthdayCondition>, f: DateFacts): boolean => {
  switch (c.kind) {
    case "exact":
      return f.straight === 0 && !f.missing
    case "partial":
      return f.straight === 0 && f.missing
    case "swapped":
      return f.swappable && f.straight > 0 && f.swapped === 0
    case "onePart":
      // Years far apart are two people, whatever else agrees.
      return (f.years === undefined || f.years <= 10) && Math.min(f.straight, f.swapped) === 1
    case "apart":
      return f.years !== undefined && f.years >= (c.threshold ?? 15) && Math.min(f.straight, f.swapped) === 3
    case "else":
      return true
  }
}

const birthdayHolds = (c: BirthdayCondition, p: Pair): boolean => {
  const x = p.a.birthday
  const y = p.b.birthday
  if (c.kind === "null") return x === undefined || y === undefined
  if (x === undefined || y === undefined) return c.kind === "else"
  return datesHold(c, dateFacts(x, y))
}

// At a mailbox provider similar user names mostly mean similar names, which the names already say.
const freemailCache = new Map<string, boolean>()
const freemail = (domain: string): boolean => {
  let f = freemailCache.get(domain)
  if (f === undefined) {
    f = Email.isFreemailDomain(domain)
    if (freemailCache.size > 10_000) freemailCache.clear()
    freemailCache.set(domain, f)
  }
  return f
}

/** "jane.doe12" and "jane.doe57": one name, two numbered accounts (two people, as a rule). */
const numberedApart = (x: string, y: string): boolean => {
  const dx = x.replace(/\D+/g, "")
  const dy = y.replace(/\D+/g, "")
  return dx !== dy && dx !== "" && dy !== "" && x.replace(/\d+/g, "") === y.replace(/\d+/g, "")
}

/** Two addresses alike because both are made of their owners' names. */
const bothNameDerived = (i: number, j: number, p: Pair): boolean =>
  ownDerivedAt(p.a, i) && ownDerivedAt(p.b, j)

/**
 * Whether one user name at two domains says no more than the names: made of either side's name
 * when both have one (a namesake's address is made of the same name); a lone given or family name
 * of the named side when the other has none (thomas@ is anyone called Thomas), while a full name
 * (joel.cooper@) beside a nameless row is the only name that row has.
 */
const usernameFromNames = (i: number, j: number, p: Pair): boolean => {
  const named = p.a.given !== "" || p.a.family !== ""
  const otherNamed = p.b.given !== "" || p.b.family !== ""
  if (named && otherNamed) return ownDerivedAt(p.a, i) || ownDerivedAt(p.b, j)
  if (!named && !otherNamed) return false
  const side = named ? p.a : p.b
  const letters = p.a.ownEmails[i]!.letters
  return letters === side.given || letters === side.familyAll
}

/** Equal texts, told apart by their hashes first (`ProfileEmail`'s): most pairs differ there. */
const sameText = (ha: number, hb: number, a: string, b: string): boolean => ha === hb && a === b

// Similar user names and addresses are asked again for each pair of two people's records.
const localMemo = new JaroWinklerMemo<ProfileEmail>(14)
const canonicalMemo = new JaroWinklerMemo<ProfileEmail>(14)

/** What two records' own addresses share, worked out in one pass over the address pairs. */
interface EmailFacts {
  /** The same address; the same and not shared by several people. */
  readonly same: boolean
  readonly sameUnshared: boolean
  /** The same user name (3+ characters, not made of the names) at two domains. */
  readonly username: boolean
  readonly sameDomain: boolean
}

const emailFacts = (p: Pair, ctx: Context): EmailFacts => {
  const x = p.a.ownEmails
  const y = p.b.ownEmails
  let same = false
  let sameUnshared = false
  let username = false
  let sameDomain = false
  for (let i = 0; i < x.length; i++) {
    const e = x[i]!
    for (let j = 0; j < y.length; j++) {
      const f = y[j]!
      if (sameText(e.canonicalHash, f.canonicalHash, e.canonical, f.canonical)) {
        same = true
        if (!sameUnshared && !ctx.isShared("email", e.canonical)) sameUnshared = true
      }
      if (sameText(e.domainHash, f.domainHash, e.domain, f.domain)) sameDomain = true
      else if (
        !username &&
        sameText(e.localHash, f.localHash, e.local, f.local) &&
        e.local.length >= 3 &&
        !usernameFromNames(i, j, p)
      )
        username = true
    }
  }
  return { same, sameUnshared, username, sameDomain }
}

/** Whether a condition holds for known addresses on both sides, given their facts. */
const emailsHold = (c: Known<EmailCondition>, facts: EmailFacts, p: Pair): boolean => {
  switch (c.kind) {
    case "exact":
      return facts.sameUnshared
    case "shared":
      return facts.same
    case "username":
      return facts.username
    case "sameDomain":
      return facts.sameDomain
    case "similarUsername":
    case "jaroWinkler":
      return similarEmails(c.kind, c.threshold ?? 0.88, p)
    case "else":
      return true
  }
}

/** Whether two addresses' user names may reach Jaro-Winkler `t`, by their masks alone. */
const localsMayReach = (e: ProfileEmail, f: ProfileEmail, t: number): boolean =>
  masksMayReach(
    e.local,
    f.local,
    e.localLo,
    e.localHi,
    e.localLo2,
    e.localHi2,
    f.localLo,
    f.localHi,
    f.localLo2,
    f.localHi2,
    t,
  )

/** Whether two canonical addresses may reach Jaro-Winkler `t`, by their masks alone. */
const addressesMayReach = (e: ProfileEmail, f: ProfileEmail, t: number): boolean =>
  masksMayReach(
    e.canonical,
    f.canonical,
    e.canonicalLo,
    e.canonicalHi,
    e.canonicalLo2,
    e.canonicalHi2,
    f.canonicalLo,
    f.canonicalHi,
    f.canonicalLo2,
    f.canonicalHi2,
    t,
  )

/** Similar user names at one (non-mailbox) domain, or similar addresses at two. */
const similarEmails = (kind: "similarUsername" | "jaroWinkler", t: number, p: Pair): boolean => {
  const x = p.a.ownEmails
  const y = p.b.ownEmails
  for (let i = 0; i < x.length; i++) {
    const e = x[i]!
    for (let j = 0; j < y.length; j++) {
      const f = y[j]!
      const sameDomain = sameText(e.domainHash, f.domainHash, e.domain, f.domain)
      // Whether both are made of the names is cheaper to tell than their likeness, and rules it out.
      if (kind === "similarUsername") {
        if (
          sameDomain &&
          !freemail(e.domain) &&
          !bothNameDerived(i, j, p) &&
          localsMayReach(e, f, t) &&
          localMemo.atLeast(e, f, e.local, f.local, e.localHash, f.localHash, t) &&
          !numberedApart(e.local, f.local)
        )
          return true
      } else if (
        // At one domain the shared domain alone looks similar: similarUsername decides there.
        !sameDomain &&
        !bothNameDerived(i, j, p) &&
        addressesMayReach(e, f, t) &&
        canonicalMemo.atLeast(e, f, e.canonical, f.canonical, e.canonicalHash, f.canonicalHash, t)
      )
        return true
    }
  }
  return false
}

const emailHolds = (c: EmailCondition, p: Pair, ctx: Context): boolean => {
  // A role address (info@, office@) belongs to whoever does the job: agreeing on it says nothing
  // about who a record is, and differing from it nothing against (jane@acme and info@acme).
  const missing = p.a.ownEmails.length === 0 || p.b.ownEmails.length === 0
  if (c.kind === "null") return missing
  if (missing) return c.kind === "else"
  return emailsHold(c, emailFacts(p, ctx), p)
}

/** The shorter is the other's ending, 7 digits or more (no slices made: asked for every pair). */
const tailMatch = (s: string, t: string): boolean =>
  s.length <= t.length ? s.length >= 7 && t.endsWith(s) : t.length >= 7 && s.endsWith(t)

const phoneHolds = (c: PhoneCondition, p: Pair, ctx: Context): boolean => {
  const x = p.a.phones
  const y = p.b.phones
  if (c.kind === "null") return x.length === 0 || y.length === 0
  if (x.length === 0 || y.length === 0) return c.kind === "else"
  if (c.kind === "else") return true
  for (let i = 0; i < x.length; i++) {
    const e = x[i]!
    for (let j = 0; j < y.length; j++) {
      const f = y[j]!
      switch (c.kind) {
        case "exact":
          if (e.e164 !== "" && f.e164 === e.e164 && !ctx.isShared("phone", e.e164)) return true
          break
        case "shared":
          if (e.e164 !== "" && f.e164 === e.e164) return true
          break
        case "tail":
          if (tailMatch(e.tail, f.tail)) return true
          break
      }
    }
  }
  return false
}

const servicesOf = (handles: ReadonlyArray<string>): Array<string> =>
  handles.map((h) => h.slice(0, h.indexOf(":")))

const serviceOf = (h: string): string => h.slice(0, h.indexOf(":"))

const handleHolds = (c: IdentifierCondition, p: Pair): boolean => {
  const x = p.a.handles
  const y = p.b.handles
  let sameService = false
  if (x.length > 0 && y.length > 0) {
    for (const h of x) for (const g of y) if (serviceOf(h) === serviceOf(g)) sameService = true
  }
  switch (c.kind) {
    case "null":
      return !sameService
    case "exact":
      return intersects(x, y)
    case "else":
      return sameService
  }
}

/** Fields holding a list of opaque ids: null unless both have one, exact when one is shared. */
const idHolds = (c: IdentifierCondition, x: ReadonlyArray<string>, y: ReadonlyArray<string>): boolean => {
  switch (c.kind) {
    case "null":
      return x.length === 0 || y.length === 0
    case "exact":
      return intersects(x, y)
    case "else":
      return x.length > 0 && y.length > 0
  }
}

const documentType = (d: string): string => d.slice(0, d.indexOf(":"))

const documentHolds = (c: IdentifierCondition, p: Pair): boolean => {
  const x = p.a.documents
  const y = p.b.documents
  let types = false
  if (x.length > 0 && y.length > 0)
    for (const d of x) for (const e of y) if (documentType(e) === documentType(d)) types = true
  switch (c.kind) {
    case "null":
      return !types && !intersects(x, y)
    case "exact":
      return intersects(x, y)
    case "else":
      return types
  }
}

const generationHolds = (c: IdentifierCondition, p: Pair): boolean => {
  const x = p.a.generation
  const y = p.b.generation
  switch (c.kind) {
    case "null":
      return x === undefined || y === undefined
    case "exact":
      return x === y
    case "else":
      return true
  }
}

/** A name condition that compares two known names. */
type NameLike = Exclude<Known<CompanyCondition>, { readonly kind: "else" }>

const namesLike = (x: string, y: string, c: NameLike): boolean => {
  if (x === "" || y === "") return false
  switch (c.kind) {
    case "exact":
      return x === y
    case "overlap": {
      // One word each (most company names): no word lists to make.
      if (!x.includes(" ") && !y.includes(" ")) return x.length > 1 && x === y
      const xs = x.split(" ")
      const ys = y.split(" ")
      return xs.length <= ys.length ? within(xs, ys) : within(ys, xs)
    }
    case "jaroWinkler":
      return Math.min(x.length, y.length) >= 4 && jaroWinklerAtLeast(x, y, c.threshold ?? 0.9)
  }
}

/** Whether a company key is the employer a domain names: the same words, joined, or its first word. */
const employerOfDomain = (company: string, employer: string): boolean => {
  if (company === employer) return true
  if (company.replace(/ /g, "") === employer.replace(/ /g, "")) return true
  const space = company.indexOf(" ")
  return space >= 4 && employer.length >= 4 && company.slice(0, space) === employer
}

/** One record's company is the employer of the other's work e-mail domain. */
const domainEmployerMatch = (p: Pair): boolean => {
  const { a, b } = p
  for (const c of a.companies) for (const d of b.domainEmployers) if (employerOfDomain(c, d)) return true
  for (const c of b.companies) for (const d of a.domainEmployers) if (employerOfDomain(c, d)) return true
  return false
}

const companyHolds = (c: EmployerCondition, p: Pair): boolean => {
  const x = p.a.companies
  const y = p.b.companies
  // Two organisations: their names are their companies, which the organisation comparison
  // already weighs; counting them again here would count one piece of evidence twice.
  if (p.a.org !== "" && p.b.org !== "") return c.kind === "null"
  // A side without a company: only a work e-mail at the other's employer says anything.
  if (x.length === 0 || y.length === 0) {
    if (c.kind === "null") return !domainEmployerMatch(p)
    return c.kind === "domain" || c.kind === "else"
  }
  switch (c.kind) {
    case "null":
      return false
    case "domain":
      return domainEmployerMatch(p)
    case "else":
      return true
  }
  // Loops, not nested callbacks: asked for every candidate pair.
  if (c.kind === "jaroWinkler") {
    const t = c.threshold ?? 0.9
    const mx = p.a.companyMasks
    const my = p.b.companyMasks
    for (let i = 0; i < x.length; i++)
      for (let j = 0; j < y.length; j++) {
        const s = x[i]!
        const u = y[j]!
        if (
          Math.min(s.length, u.length) >= 4 &&
          namesMayReach(s, u, mx[i]!, my[j]!, t) &&
          jaroWinklerAtLeast(s, u, t)
        )
          return true
      }
    return false
  }
  for (let i = 0; i < x.length; i++)
    for (let j = 0; j < y.length; j++) if (namesLike(x[i]!, y[j]!, c)) return true
  return false
}

/**
 * A record without a name (an e-mail-only row) and a named one: null unless exactly one side is
 * named and the other has addresses of its own; exact when one of them is made of the whole name.
 */
const userNameHolds = (c: UserNameCondition, p: Pair): boolean => {
  const aNamed = p.a.given !== "" || p.a.family !== ""
  const bNamed = p.b.given !== "" || p.b.family !== ""
  const [named, nameless] = aNamed ? [p.a, p.b] : [p.b, p.a]
  const comparable =
    aNamed !== bNamed && nameless.ownEmails.length > 0 && named.given !== "" && named.family !== ""
  switch (c.kind) {
    case "null":
      return !comparable
    case "exact":
      return (
        comparable && nameless.ownEmails.some((e) => madeOfFullName(e.letters, named.given, named.familyAll))
      )
    case "else":
      return comparable
  }
}

const titleHolds = (c: TitleCondition, p: Pair): boolean => {
  const x = p.a.titles
  const y = p.b.titles
  if (c.kind === "null") return x.length === 0 || y.length === 0
  if (x.length === 0 || y.length === 0) return c.kind === "else"
  if (c.kind === "else") return true
  for (const s of x) for (const t of y) if (namesLike(s, t, c)) return true
  return false
}

const orgHolds = (c: CompanyCondition, p: Pair): boolean => {
  const x = p.a.org
  const y = p.b.org
  if (c.kind === "null") return x === "" || y === ""
  if (x === "" || y === "") return c.kind === "else"
  if (c.kind === "else") return true
  if (c.kind === "overlap") {
    // Organisations are named loosely: "Worldwide Exports" ~ "Universal Exports Worldwide".
    const xs = x.split(" ").filter((w) => w.length > 2)
    const ys = y.split(" ").filter((w) => w.length > 2)
    const shared = xs.filter((w) => ys.includes(w)).length
    return shared >= Math.min(2, xs.length, ys.length) && shared > 0
  }
  return namesLike(x, y, c)
}

/** Both known and different: a postcode or locality that rules one address out. */
const differ = (x: string, y: string): boolean => x !== "" && y !== "" && x !== y

/**
 * Addresses without house numbers (where streets have none, or the record gives none) that
 * name the same street words, two or more, in the same place: "Jia Musa Shahdara Road, Lahore".
 */
const sameUnnumbered = (s: ProfileAddress, t: ProfileAddress): boolean =>
  s.number === "" &&
  t.number === "" &&
  s.words.length >= 2 &&
  s.words.length === t.words.length &&
  s.words.every((w) => t.words.includes(w)) &&
  !differ(s.locality, t.locality) &&
  !differ(s.postcode, t.postcode)

const streetLike = (s: ProfileAddress, t: ProfileAddress): boolean =>
  sameUnnumbered(s, t) ||
  (s.number !== "" &&
    s.number === t.number &&
    s.words.some((w) => w.length > 2 && t.words.some((v) => v === w || jaroWinklerAtLeast(v, w, 0.85))))

const addressHolds = (c: AddressCondition, p: Pair, ctx: Context): boolean => {
  const x = p.a.addresses
  const y = p.b.addresses
  if (c.kind === "null") return x.length === 0 || y.length === 0
  if (x.length === 0 || y.length === 0) return c.kind === "else"
  switch (c.kind) {
    case "exact":
      return x.some((s) => s.key !== "" && !ctx.isShared("address", s.key) && y.some((t) => t.key === s.key))
    case "shared":
      return x.some((s) => s.key !== "" && y.some((t) => t.key === s.key))
    case "street":
      return x.some((s) => y.some((t) => streetLike(s, t)))
    case "area":
      return x.some((s) =>
        y.some(
          (t) =>
            (s.postcode !== "" && s.postcode === t.postcode) ||
            (s.locality !== "" && s.locality === t.locality),
        ),
      )
    case "else":
      return true
  }
}

/**
 * Whether a pair meets the condition of a comparison's level (`levelIndex`).
 *
 * @category evaluation
 * @since 0.3.0
 */
export const holds = (comparison: Comparison, levelIndex: number, p: Pair, ctx: Context): boolean => {
  switch (comparison.field) {
    case "given":
      return givenHolds(comparison.levels[levelIndex]!.when, p)
    case "family":
      return familyHolds(comparison.levels[levelIndex]!.when, p)
    case "birthday":
      return birthdayHolds(comparison.levels[levelIndex]!.when, p)
    case "email":
      return emailHolds(comparison.levels[levelIndex]!.when, p, ctx)
    case "phone":
      return phoneHolds(comparison.levels[levelIndex]!.when, p, ctx)
    case "handle":
      return handleHolds(comparison.levels[levelIndex]!.when, p)
    case "twitterId":
      return idHolds(comparison.levels[levelIndex]!.when, p.a.twitterIds, p.b.twitterIds)
    case "linkedin":
      return idHolds(comparison.levels[levelIndex]!.when, p.a.linkedin, p.b.linkedin)
    case "document":
      return documentHolds(comparison.levels[levelIndex]!.when, p)
    case "generation":
      return generationHolds(comparison.levels[levelIndex]!.when, p)
    case "company":
      return companyHolds(comparison.levels[levelIndex]!.when, p)
    case "address":
      return addressHolds(comparison.levels[levelIndex]!.when, p, ctx)
    case "org":
      return orgHolds(comparison.levels[levelIndex]!.when, p)
    case "title":
      return titleHolds(comparison.levels[levelIndex]!.when, p)
    case "userName":
      return userNameHolds(comparison.levels[levelIndex]!.when, p)
  }
}

/**
 * The index of the first level whose condition holds (the last level when none does).
 *
 * @category evaluation
 * @since 0.2.0
 */
export const level = (comparison: Comparison, p: Pair, ctx: Context): number => {
  switch (comparison.field) {
    case "email":
      return emailLevel(comparison.levels, p, ctx)
    case "birthday":
      return birthdayLevel(comparison.levels, p)
    case "phone":
      return phoneLevel(comparison.levels, p, ctx)
  }
  const last = comparison.levels.length - 1
  for (let i = 0; i < last; i++) if (holds(comparison, i, p, ctx)) return i
  return last
}

/**
 * The birthday level, as `holds` level by level would find it, with the dates compared once
 * rather than once per level.
 */
const birthdayLevel = (levels: ComparisonOf<"birthday">["levels"], p: Pair): number => {
  const x = p.a.birthday
  const y = p.b.birthday
  const facts = x !== undefined && y !== undefined ? dateFacts(x, y) : undefined
  const last = levels.length - 1
  for (let i = 0; i < last; i++) {
    const c = levels[i]!.when
    if (
      facts === undefined ? c.kind === "null" || c.kind === "else" : c.kind !== "null" && datesHold(c, facts)
    )
      return i
  }
  return last
}

/**
 * The phone level, as `holds` level by level would find it, with the number pairs walked once
 * (the exact, shared and tail levels walked them once each, and most candidate pairs have phones
 * on both sides); the exact level's condition, which asks whether a shared number is held by
 * several people, is `holds` itself.
 */
const phoneLevel = (levels: ComparisonOf<"phone">["levels"], p: Pair, ctx: Context): number => {
  const x = p.a.phones
  const y = p.b.phones
  const last = levels.length - 1
  if (x.length === 0 || y.length === 0) {
    for (let i = 0; i < last; i++) {
      const k = levels[i]!.when.kind
      if (k === "null" || k === "else") return i
    }
    return last
  }
  // Whether some number is on both sides, and whether some pair of numbers ends alike.
  let same = false
  let tail = false
  for (let i = 0; i < x.length; i++) {
    const e = x[i]!
    for (let j = 0; j < y.length; j++) {
      const f = y[j]!
      if (!same && e.e164 !== "" && f.e164 === e.e164) same = true
      if (!tail && tailMatch(e.tail, f.tail)) tail = true
    }
  }
  for (let i = 0; i < last; i++) {
    const c = levels[i]!.when
    switch (c.kind) {
      case "exact":
        // Whether the shared number is held by several people: asked only when one is shared.
        if (same && phoneHolds(c, p, ctx)) return i
        break
      case "shared":
        if (same) return i
        break
      case "tail":
        if (tail) return i
        break
      case "else":
        return i
    }
  }
  return last
}

/**
 * The e-mail level, as `holds` level by level would find it, with the address pairs walked once
 * for the cheap kinds (they were walked once per level before: the costliest comparison); the
 * similarity kinds are still tested only when no level before them holds.
 */
const emailLevel = (levels: ComparisonOf<"email">["levels"], p: Pair, ctx: Context): number => {
  const missing = p.a.ownEmails.length === 0 || p.b.ownEmails.length === 0
  const facts = missing ? undefined : emailFacts(p, ctx)
  const last = levels.length - 1
  for (let i = 0; i < last; i++) {
    const c = levels[i]!.when
    if (
      facts === undefined
        ? c.kind === "null" || c.kind === "else"
        : c.kind !== "null" && emailsHold(c, facts, p)
    )
      return i
  }
  return last
}

/**
 * The value a pair agrees on in a field, for term-frequency adjustment and explanations: the
 * shared given or family name, canonical e-mail, E.164 phone, address key, company or domain.
 *
 * @category evaluation
 * @since 0.2.0
 */
export const agreedValue = (field: Field, p: Pair, kind: ConditionKind): string | undefined => {
  const { a, b } = p
  switch (field) {
    case "given":
      return a.given !== "" ? a.given : undefined
    case "family":
      return a.family !== "" ? a.family : undefined
    case "email":
      for (const e of a.emails)
        for (const f of b.emails) {
          if (kind === "similarUsername" || kind === "sameDomain") {
            if (e.domain === f.domain) return e.domain
          } else if (e.canonical === f.canonical) return e.canonical
        }
      return undefined
    case "phone":
      for (const e of a.phones)
        for (const f of b.phones) if (e.e164 !== "" && e.e164 === f.e164) return e.e164
      return undefined
    case "address":
      for (const e of a.addresses)
        for (const f of b.addresses) if (e.key !== "" && e.key === f.key) return e.key
      return undefined
    case "company":
      if (kind === "domain") {
        for (const c of a.companies) for (const d of b.domainEmployers) if (employerOfDomain(c, d)) return c
        for (const c of b.companies) for (const d of a.domainEmployers) if (employerOfDomain(c, d)) return c
        return undefined
      }
      return common(a.companies, b.companies)
    case "title":
      return common(a.titles, b.titles)
    case "org":
      return a.org !== "" ? a.org : undefined
    case "handle":
      return common(a.handles, b.handles)
    case "twitterId":
      return common(a.twitterIds, b.twitterIds)
    case "linkedin":
      return common(a.linkedin, b.linkedin)
    case "document":
      return common(a.documents, b.documents)
    default:
      return undefined
  }
}

const shown = (field: Field, side: Profile, other: Profile): string => {
  switch (field) {
    case "given":
      return side.givenRaw?.trim() || side.given
    case "family":
      return side.familyRaw?.trim() || side.family
    case "email":
      return side.emails[0]?.normalized ?? ""
    case "phone":
      return side.phones[0]?.e164 || side.phones[0]?.tail || ""
    case "address":
      return side.addresses[0]?.text ?? ""
    case "company":
      return side.companies[0] ?? ""
    case "org":
      return side.org
    case "title":
      return side.titles[0] ?? ""
    case "userName":
      return side.ownEmails[0]?.normalized ?? [side.givenRaw, side.familyRaw].filter(Boolean).join(" ")
    case "twitterId":
      return side.twitterIds[0] ?? ""
    case "linkedin":
      return side.linkedin[0] ?? ""
    case "handle": {
      const services = servicesOf(other.handles)
      return side.handles.find((h) => services.includes(h.slice(0, h.indexOf(":")))) ?? side.handles[0] ?? ""
    }
    case "document":
      return side.documents[0] ?? ""
    case "generation":
      return side.generation ?? ""
    case "birthday": {
      const d = side.birthday
      if (!d) return ""
      const pad = (n: number | undefined) => (n === undefined ? "??" : String(n).padStart(2, "0"))
      return `${d.year ?? "????"}-${pad(d.month)}-${pad(d.day)}`
    }
  }
}

/** "jdoe@example.org", or how two spellings are one address ("after Gmail dot/tag rules (a = b)"). */
const emailValue = (a: Profile, b: Profile, canonical: string): string => {
  const ea = a.emails.find((e) => e.canonical === canonical)
  const eb = b.emails.find((e) => e.canonical === canonical)
  if (ea === undefined || eb === undefined || ea.normalized === eb.normalized)
    return ea?.normalized ?? canonical
  const provider = Email.provider(ea.normalized) ?? "provider"
  const la = Email.localPart(ea.normalized)
  const lb = Email.localPart(eb.normalized)
  const rules: Array<string> = []
  if (la.replace(/\./g, "") !== la || lb.replace(/\./g, "") !== lb) rules.push("dot")
  if (/[+-]/.test(la) || /[+-]/.test(lb)) rules.push("tag")
  if (Email.domain(ea.normalized) !== Email.domain(eb.normalized)) rules.push("domain")
  return `after ${provider} ${rules.join("/") || "alias"} rules (${ea.normalized} = ${eb.normalized})`
}

/**
 * The sentence fragment of a level for a pair: its `text` with `{a}`, `{b}` and `{value}` filled in.
 *
 * @category explaining
 * @since 0.2.0
 */
export const describe = (comparison: Comparison, levelIndex: number, p: Pair): string => {
  const l = comparison.levels[levelIndex]
  if (l === undefined || l.text === "") return ""
  const text = l.text
  if (!text.includes("{")) return text
  let { a, b } = p
  // Nicknames read formal name first: "Robert~Bob", whichever side it came from.
  if (comparison.field === "given" && l.when.kind === "nickname") {
    const formal = (x: Profile) => x.givenGroups.includes(x.given) && Nickname.isKnown(x.given)
    if (b.nickname.includes(a.given) || (!a.nickname.includes(b.given) && formal(b) && !formal(a)))
      [a, b] = [b, a]
  }
  const value = agreedValue(comparison.field, p, l.when.kind) ?? ""
  if (comparison.field === "email" && (l.when.kind === "exact" || l.when.kind === "shared") && value !== "") {
    return text.replace("{value}", emailValue(a, b, value))
  }
  return text
    .replace("{a}", shown(comparison.field, a, b))
    .replace("{b}", shown(comparison.field, b, a))
    .replace("{value}", value)
}
