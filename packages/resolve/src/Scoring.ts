/**
 * Fellegi-Sunter scoring. Every level of every comparison has m (the chance a true match lands
 * there) and u (the chance two unrelated records do); a pair's score is the prior log-odds that
 * two records are one person plus the sum of log2(m/u) over its levels, plus term-frequency
 * adjustments: agreeing on a rare family name or a personal e-mail domain counts more than on
 * "Smith" or gmail.com. The match probability is 1 / (1 + 2^-score).
 *
 * `train` estimates the model from the data without labels, as Splink does: u from random pairs
 * (almost all unrelated), m by expectation-maximisation over the candidate pairs in two sessions
 * (pairs sharing an identifier teach the name levels; pairs sharing a name teach the identifier
 * levels), with the priors of the comparisons as pseudo-counts so small imports stay sane.
 *
 * @since 0.2.0
 */

import type { Evidence } from "@blackbook/model/Contact"
import { jaroWinklerAtLeast } from "@blackbook/normalize/Similarity"
import type { Candidates } from "./Blocking.ts"
import * as Comparison from "./Comparison.ts"
import { fileNumbers } from "./internal/files.ts"
import * as Memory from "./internal/memory.ts"
import { TextCounts, TextIds } from "./internal/textIds.ts"
import { fieldBits, type Profile } from "./Profile.ts"
import { defaults as defaultSettings, type Settings } from "./Settings.ts"
import * as Steps from "./Steps.ts"

/**
 * A trained model: the comparisons with their estimated m and u, and the prior.
 *
 * @category models
 * @since 0.2.0
 */
export interface Model {
  readonly comparisons: ReadonlyArray<Comparison.Comparison>
  /** Prior probability that two records are one person. */
  readonly lambda: number
  /**
   * Added to `priorBits` for two records of one file (`pairPriorBits`): a person is in an export
   * about once, so a pair within one file is less likely one person than a pair across two. 0 for
   * an import of one file.
   */
  readonly sameFileBits: number
  /** Weights in bits, `weights[c][l]` = log2(m/u) (0 for null levels). */
  readonly weights: ReadonlyArray<Float64Array>
  readonly priorBits: number
  /** Term frequencies per field value. */
  readonly tf: TermFrequencies
  readonly settings: Settings
  /** What each comparison and level stands for in `levelBits` (see `rolesOf`). */
  readonly roles: Roles
}

/**
 * Per comparison, 1 for the names (given, family); per level, how many identifiers an exact
 * agreement there is: 1 for an e-mail address, phone number or document that is not shared, 2
 * for an account (handle, Twitter id, LinkedIn profile), whose display name is free text.
 *
 * @category models
 * @since 0.4.0
 */
export interface Roles {
  readonly name: Uint8Array
  readonly identifier: ReadonlyArray<Uint8Array>
}

const accountFields: ReadonlySet<Comparison.Field> = new Set(["handle", "twitterId", "linkedin"])

/** The roles of a model's comparisons. */
export const rolesOf = (comparisons: ReadonlyArray<Comparison.Comparison>): Roles => ({
  name: Uint8Array.from(comparisons, (c) => (c.field === "given" || c.field === "family" ? 1 : 0)),
  identifier: comparisons.map((c) =>
    Uint8Array.from(Comparison.levelsOf(c), (l) =>
      l.when.kind !== "exact" || !identifierFields.has(c.field) ? 0 : accountFields.has(c.field) ? 2 : 1,
    ),
  ),
})

/**
 * Fields with term-frequency tables.
 *
 * @category models
 * @since 0.6.0
 */
export type TfField = "given" | "family" | "email" | "emailDomain" | "phone" | "address" | "company" | "title"

/**
 * How many records hold each value of a field (undefined for a value none holds).
 *
 * @category models
 * @since 0.2.0
 */
export interface ValueCounts {
  readonly get: (value: string) => number | undefined
  /** Distinct values. */
  readonly size: number
}

/**
 * Value counts per field, with the chance two random records agree (`agree`).
 *
 * @category models
 * @since 0.2.0
 */
export interface TermFrequencies {
  readonly fields: ReadonlyMap<
    TfField,
    { readonly counts: ValueCounts; readonly n: number; readonly agree: number }
  >
  /**
   * Per full name (given and family as compared), how many records hold it, negative when two of
   * them are in one file.
   */
  readonly fullNames: FullNameCounts
  /** Records counted. */
  readonly records: number
}

/**
 * The key of a record's full name: given and family as compared; empty without both parts.
 *
 * @category training
 * @since 0.5.0
 */
export const fullNameKey = (p: Profile): string =>
  p.given === "" || p.family === "" ? "" : `${p.given}\u0000${p.family}`

/**
 * How many records hold a full name, negative when two of them are in one file (0 when none
 * does): a full name held by one record per file may be one person's, one held twice in a file is
 * at least two people's. The same per nickname group and family name (Bob, Robert and Rob Hale
 * together).
 *
 * @category models
 * @since 0.5.0
 */
export interface FullNameCounts {
  /** The holders of given + family. */
  readonly name: (given: string, family: string) => number
  /** The holders of a `Profile.givenGroups` entry with a family name. */
  readonly group: (group: string, family: string) => number
}

/**
 * Whether a record holds nothing but a name and e-mail addresses (a calendar attendee, a message
 * partner): a log of addresses lists one person once per address, not once.
 */
const addressOnly = (p: Profile): boolean =>
  p.ownEmails.length > 0 &&
  p.phones.length === 0 &&
  p.handles.length === 0 &&
  p.twitterIds.length === 0 &&
  p.linkedin.length === 0 &&
  p.documents.length === 0 &&
  p.companies.length === 0 &&
  p.titles.length === 0 &&
  p.addresses.length === 0 &&
  p.birthday === undefined &&
  p.org === ""

/**
 * Numbers the full names: one map per given name (or group) from family names to a number, so a
 * record or a pair finds its name without building a key text.
 */
class NameNumbers {
  private readonly byFirst = new Map<string, Map<string, number>>()
  constructor(private readonly next: { count: number }) {}
  idOf(first: string, family: string): number {
    let byFamily = this.byFirst.get(first)
    if (byFamily === undefined) {
      byFamily = new Map()
      this.byFirst.set(first, byFamily)
    }
    let id = byFamily.get(family)
    if (id === undefined) {
      id = this.next.count++
      byFamily.set(family, id)
    }
    return id
  }
  find(first: string, family: string): number {
    return this.byFirst.get(first)?.get(family) ?? -1
  }
}

/**
 * Counts each full name's records, and whether any two of them are in one file. Records are
 * visited file by file, so a name seen again within its file is told by the last file it was
 * seen in: no list of files per name (on a big import a list per name was much of the memory).
 * Records of one file that hold the name and nothing but e-mail addresses count as one (one
 * person's work and home address in a calendar's attendees).
 */
const fullNameCounts = (profiles: ReadonlyArray<Profile>): FullNameCounts => {
  const next = { count: 0 }
  const names = new NameNumbers(next)
  const groups = new NameNumbers(next)
  // Files numbered, and the records with a full name grouped by file (counting sort).
  const fileIds = new Map<string, number>()
  const fileOf = Memory.int32(profiles.length)
  let holders = 0
  for (let i = 0; i < profiles.length; i++) {
    const p = profiles[i]!
    if (p.given === "" || p.family === "") {
      fileOf[i] = -1
      continue
    }
    let f = fileIds.get(p.file)
    if (f === undefined) {
      f = fileIds.size
      fileIds.set(p.file, f)
    }
    fileOf[i] = f
    holders++
  }
  const fileStart = Memory.int32(fileIds.size + 1)
  for (let i = 0; i < profiles.length; i++) if (fileOf[i]! >= 0) fileStart[fileOf[i]! + 1]!++
  for (let f = 0; f < fileIds.size; f++) fileStart[f + 1]! += fileStart[f]!
  const byFile = Memory.int32(holders)
  const fill = fileStart.slice(0, fileIds.size)
  for (let i = 0; i < profiles.length; i++) if (fileOf[i]! >= 0) byFile[fill[fileOf[i]!]!++] = i
  let counts = Memory.int32(1024)
  let lastFile = Memory.int32(1024).fill(-1)
  let twice = Memory.uint8(1024)
  // Within the file being visited: the name's records, and whether all hold addresses only.
  let inFile = Memory.int32(1024)
  let onlyInFile = Memory.uint8(1024)
  const grow = (size: number): void => {
    const c = Memory.int32(size)
    c.set(counts)
    counts = c
    const l = Memory.int32(size).fill(-1)
    l.set(lastFile)
    lastFile = l
    const t = Memory.uint8(size)
    t.set(twice)
    twice = t
    const n = Memory.int32(size)
    n.set(inFile)
    inFile = n
    const o = Memory.uint8(size)
    o.set(onlyInFile)
    onlyInFile = o
  }
  const add = (id: number, file: number, only: boolean): void => {
    if (id >= counts.length) grow(counts.length * 2)
    if (lastFile[id] !== file) {
      lastFile[id] = file
      inFile[id] = 1
      onlyInFile[id] = only ? 1 : 0
      counts[id]!++
      return
    }
    const wasOnly = onlyInFile[id] === 1
    inFile[id]!++
    if (wasOnly && only) return
    // The file's earlier records counted as one while they held addresses only; now each counts.
    if (wasOnly) {
      onlyInFile[id] = 0
      counts[id]! += inFile[id]! - 1
    } else counts[id]!++
    twice[id] = 1
  }
  for (let f = 0; f < fileIds.size; f++)
    for (let x = fileStart[f]!; x < fileStart[f + 1]!; x++) {
      const p = profiles[byFile[x]!]!
      const only = addressOnly(p)
      add(names.idOf(p.given, p.family), f, only)
      for (const g of p.givenGroups) add(groups.idOf(g, p.family), f, only)
    }
  const countOf = (id: number): number => (id < 0 ? 0 : twice[id] === 1 ? -counts[id]! : counts[id]!)
  return {
    name: (given, family) => countOf(names.find(given, family)),
    group: (group, family) => countOf(groups.find(group, family)),
  }
}

const log2 = Math.log2

/** What term frequencies are counted in: a `TextCounts`, or a `TextMap` for values that recur. */
interface Counter {
  readonly size: number
  add(value: string): void
  get(value: string): number | undefined
  forEachCount(f: (count: number) => void): void
}

/**
 * Counts in a map of texts, for fields whose values recur (names, companies, domains): few
 * values, each added again and again, found by the hash the engine keeps with each text rather
 * than hashed anew as `TextCounts` would (most values added are of these fields).
 */
class TextMap implements Counter {
  private readonly counts = new Map<string, number>()
  get size(): number {
    return this.counts.size
  }
  add(value: string): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1)
  }
  get(value: string): number | undefined {
    return this.counts.get(value)
  }
  /** In order of first sight, as `TextCounts`. */
  forEachCount(f: (count: number) => void): void {
    for (const c of this.counts.values()) f(c)
  }
}

/**
 * Adds a profile's values of a field to `counts`, without a list or a callback (this runs over
 * every profile for every field); whether it has any.
 */
const addTfValues = (p: Profile, field: TfField, counts: Counter): boolean => {
  switch (field) {
    case "given":
      if (p.given === "") return false
      counts.add(p.given)
      return true
    case "family":
      if (p.family === "") return false
      counts.add(p.family)
      return true
    case "email":
      for (const e of p.emails) counts.add(e.canonical)
      return p.emails.length > 0
    case "emailDomain":
      // Each domain once per profile.
      for (let i = 0; i < p.emails.length; i++) {
        const d = p.emails[i]!.domain
        let seen = false
        for (let j = 0; j < i; j++) if (p.emails[j]!.domain === d) seen = true
        if (!seen) counts.add(d)
      }
      return p.emails.length > 0
    case "phone": {
      let any = false
      for (const x of p.phones)
        if (x.e164 !== "") {
          counts.add(x.e164)
          any = true
        }
      return any
    }
    case "address": {
      let any = false
      for (const a of p.addresses)
        if (a.key !== "") {
          counts.add(a.key)
          any = true
        }
      return any
    }
    case "company":
      for (const c of p.companies) counts.add(c)
      return p.companies.length > 0
    case "title":
      for (const t of p.titles) counts.add(t)
      return p.titles.length > 0
  }
}

/**
 * The fields with term-frequency tables, in the order `termFrequencies` counts them.
 *
 * @category models
 * @since 0.6.0
 */
export const tfFields: ReadonlyArray<TfField> = [
  "given",
  "family",
  "email",
  "emailDomain",
  "phone",
  "address",
  "company",
  "title",
]

/**
 * A profile's values of a field as `termFrequencies` counts them (each e-mail domain once), for
 * a caller that keeps the counts itself (the store, across imports).
 *
 * @category training
 * @since 0.6.0
 */
export const tfValues = (p: Profile, field: TfField): Array<string> => {
  const out: Array<string> = []
  addTfValues(p, field, {
    size: 0,
    add: (value) => {
      out.push(value)
    },
    get: () => undefined,
    forEachCount: () => undefined,
  })
  return out
}

/**
 * The keys a profile is counted under in `TermFrequencies.fullNames`: its full name and, per
 * nickname group of its given name, the group with the family name; none without both parts.
 *
 * @category training
 * @since 0.6.0
 */
export const fullNameKeys = (p: Profile): Array<string> => {
  const k = fullNameKey(p)
  return k === "" ? [] : [k, ...p.givenGroups.map((g) => groupNameKey(g, p.family))]
}

/** A nickname group's key beside the full names' (`fullNameKey` joins with NUL, groups with SOH). */
const groupNameKey = (group: string, family: string): string => `${group}\u0001${family}`

/**
 * The count kept under one of `fullNameKeys`' keys.
 *
 * @category training
 * @since 0.6.0
 */
export const fullNameCount = (counts: FullNameCounts, key: string): number => {
  const group = key.indexOf("\u0001")
  if (group >= 0) return counts.group(key.slice(0, group), key.slice(group + 1))
  const name = key.indexOf("\u0000")
  return name < 0 ? 0 : counts.name(key.slice(0, name), key.slice(name + 1))
}

/**
 * Full-name counts kept by key (as a stored model keeps them); a key not kept counts 0.
 *
 * @category training
 * @since 0.6.0
 */
export const fullNameCountsOf = (byKey: ReadonlyMap<string, number>): FullNameCounts => ({
  name: (given, family) => byKey.get(`${given}\u0000${family}`) ?? 0,
  group: (group, family) => byKey.get(groupNameKey(group, family)) ?? 0,
})

/**
 * Counts every field value of the profiles.
 *
 * @category training
 * @since 0.2.0
 */
export const termFrequencies = (profiles: ReadonlyArray<Profile>): TermFrequencies =>
  Steps.runSync(termFrequenciesSteps(profiles))

function* termFrequenciesSteps(profiles: ReadonlyArray<Profile>): Steps.Steps<TermFrequencies> {
  // E-mails, phones and addresses counted in typed arrays, not a map of texts (nearly one value
  // per record); the values that recur in a map (`recurring`).
  const tables: Array<Counter> = tfFields.map((f) =>
    recurring.has(f) ? new TextMap() : new TextCounts(1024),
  )
  const holders = tfFields.map(() => 0)
  // One pass, every field of a profile while it is at hand: a pass per field read all the
  // profiles again for each field.
  for (let i = 0; i < profiles.length; i++) {
    if ((i & 1023) === 0) yield
    const p = profiles[i]!
    for (let f = 0; f < tfFields.length; f++) if (addTfValues(p, tfFields[f]!, tables[f]!)) holders[f]!++
  }
  const fields = new Map<TfField, { counts: ValueCounts; n: number; agree: number }>()
  tfFields.forEach((f, i) => {
    const counts = tables[i]!
    const n = holders[i]!
    let agree = 0
    counts.forEachCount((c) => {
      agree += (c / n) * (c / n)
    })
    fields.set(f, {
      counts: { get: (v) => counts.get(v), size: counts.size },
      n,
      agree,
    })
  })
  yield
  return { fields, fullNames: fullNameCounts(profiles), records: profiles.length }
}

// Fields whose values recur from record to record and pair to pair: few names, companies and
// domains, and most candidate pairs agree on a name whose count is then asked for.
const recurring: ReadonlySet<TfField> = new Set(["given", "family", "company", "emailDomain", "title"])

const tfFieldOf = (field: Comparison.Field, kind: Comparison.ConditionKind): TfField | undefined => {
  switch (field) {
    case "given":
    case "family":
    case "phone":
    case "address":
    case "title":
      return field
    case "company":
      return kind === "domain" ? undefined : field
    case "email":
      return kind === "similarUsername" ? "emailDomain" : "email"
    default:
      return undefined
  }
}

/**
 * The term-frequency adjustment in bits for agreeing on `value`: log2 of the chance two random
 * records agree on the field over the value's (smoothed) frequency, clamped to +-maxBits.
 *
 * @category scoring
 * @since 0.2.0
 */
export const tfAdjustment = (
  model: Model,
  field: Comparison.Field,
  kind: Comparison.ConditionKind,
  value: string,
): number => {
  const f = tfFieldOf(field, kind)
  if (f === undefined) return 0
  const t = model.tf.fields.get(f)
  if (t === undefined || t.n === 0 || t.agree === 0) return 0
  const prior = model.settings.tf.priorRecords
  const freq = ((t.counts.get(value) ?? 1) + prior * t.agree) / (t.n + prior)
  const bits = log2(t.agree / freq)
  const max = model.settings.tf.maxBits
  return Math.min(max, Math.max(-max, bits))
}

const anagram = (x: string, y: string): boolean =>
  x.length === y.length && x.length > 1 && [...x].sort().join("") === [...y].sort().join("")

/**
 * Which names can be one person's: given names the same, nicknames, alike in sound or spelling,
 * or written in the other's family field (a swapped name).
 */
/**
 * The shortest sound code that says two given names may be one person's: two letters are held
 * by too many names (Priya and Pierre are both PR).
 */
const minSoundCode = 3

const sameGiven = (x: Profile, y: Profile, shared: Settings["shared"]): boolean =>
  x.given === y.given ||
  anagram(x.given, y.given) ||
  x.nickname.includes(y.given) ||
  y.nickname.includes(x.given) ||
  x.givenGroups.some((g) => y.givenGroups.includes(g)) ||
  (x.givenCodes[0].length >= minSoundCode && x.givenCodes[0] === y.givenCodes[0]) ||
  jaroWinklerAtLeast(x.given, y.given, shared.givenSimilarity) ||
  (y.family !== "" && jaroWinklerAtLeast(x.given, y.family, shared.swappedSimilarity)) ||
  (x.family !== "" && jaroWinklerAtLeast(y.given, x.family, shared.swappedSimilarity))

/**
 * The data-set context of comparisons: e-mails, phones and addresses held by records of two or
 * more different people (by given name) are `shared`: a family landline, a team mailbox.
 * `shared` says which given names can be one person's (`Settings.shared`).
 *
 * @category training
 * @since 0.2.0
 */
export const context = (
  profiles: ReadonlyArray<Profile>,
  shared: Settings["shared"] = defaultSettings.shared,
): Comparison.Context => Steps.runSync(contextSteps(profiles, shared))

/**
 * `context` cut into steps (see `Steps`): it pauses between profiles and reports nothing.
 *
 * @category scoring
 * @since 0.3.0
 */
export function* contextSteps(
  profiles: ReadonlyArray<Profile>,
  shared: Settings["shared"] = defaultSettings.shared,
): Steps.Steps<Comparison.Context> {
  const email = new HolderTable(profiles, shared)
  const phone = new HolderTable(profiles, shared)
  const address = new HolderTable(profiles, shared)
  for (let i = 0; i < profiles.length; i++) {
    if ((i & 1023) === 0) yield
    const p = profiles[i]!
    for (const e of p.emails) if (!e.generic) email.add(e.canonical, i)
    for (const ph of p.phones) if (ph.e164 !== "") phone.add(ph.e164, i)
    for (const a of p.addresses) if (a.key !== "") address.add(a.key, i)
  }
  const tables = { email, phone, address }
  return { isShared: (field, value) => tables[field].isShared(value) }
}

/**
 * Per value, whether two or more different people (by given name) hold it, found as its holders
 * come: the first holder with a usable given name is the value's representative, and the first
 * later one whose name cannot be the representative's makes it shared (greedy groups of
 * compatible names, stopped at two). Values are numbered in typed arrays (`TextIds`): on a big
 * import, maps of the values and lists of their holders cost much time and memory.
 */
class HolderTable {
  private readonly ids: TextIds
  /** Per value: its representative's index (-1: none yet), and 1 once shared. */
  private representative: Int32Array
  private shared: Uint8Array
  constructor(
    private readonly profiles: ReadonlyArray<Profile>,
    private readonly names: Settings["shared"],
  ) {
    this.ids = new TextIds(1024)
    this.representative = Memory.int32(1024).fill(-1)
    this.shared = Memory.uint8(1024)
  }
  add(value: string, holder: number): void {
    const id = this.ids.idOf(value)
    if (id === this.shared.length) {
      const representative = Memory.int32(id * 2).fill(-1)
      representative.set(this.representative)
      const shared = Memory.uint8(id * 2)
      shared.set(this.shared)
      this.representative = representative
      this.shared = shared
    }
    if (this.shared[id] === 1) return
    const h = this.profiles[holder]!
    if (h.given.length < 2 || h.script !== "latin") return
    const r = this.representative[id]!
    if (r === -1) this.representative[id] = holder
    else if (!sameGiven(this.profiles[r]!, h, this.names)) this.shared[id] = 1
  }
  isShared(value: string): boolean {
    const id = this.ids.find(value)
    return id !== -1 && this.shared[id] === 1
  }
}

/** m and u normalised over the non-null levels; null levels stay 1/1 (no evidence). */
const normalised = (levels: ReadonlyArray<Comparison.Level>, key: "m" | "u"): Array<number> => {
  let total = 0
  levels.forEach((l) => {
    if (l.when.kind !== "null") total += l[key]
  })
  return levels.map((l) => (l.when.kind === "null" ? 1 : l[key] / total))
}

const weightsOf = (comparisons: ReadonlyArray<Comparison.Comparison>): Array<Float64Array> =>
  comparisons.map((c) =>
    Float64Array.from(Comparison.levelsOf(c), (l) => (l.when.kind === "null" ? 0 : log2(l.m / l.u))),
  )

/**
 * Weights with each exact identifier level raised to at least what makes it a match on its own
 * at this prior (`settings.identifiers.bits` above it): an unshared mailbox, number or account is
 * close to proof however many records the import holds, whatever a small sample taught u. An
 * account (a handle, Twitter id or LinkedIn profile) stays a match when the names disagree too:
 * its display name is free text ("printer fan"), so its floor is higher by what names written
 * otherwise may take off (`identifiers.namesAgainst`).
 */
const withIdentifierFloor = (
  settings: Settings,
  weights: Array<Float64Array>,
  roles: Roles,
  priorBits: number,
): Array<Float64Array> => {
  const floor = settings.identifiers.bits - priorBits
  const accountFloor = floor + settings.identifiers.namesAgainst
  return weights.map((w, c) => {
    const id = roles.identifier[c]!
    if (!id.some((x) => x > 0)) return w
    return w.map((x, l) => (id[l]! > 1 ? Math.max(x, accountFloor) : id[l]! > 0 ? Math.max(x, floor) : x))
  })
}

const priorBitsOf = (lambda: number): number => log2(lambda / (1 - lambda))

/** The prior lambda for `n` records expecting `duplicates` other records per person's record. */
const lambdaFor = (settings: Settings, n: number, duplicates: number): number => {
  const population = Math.max(n, settings.prior.population, 2)
  return Math.min(0.5, duplicates / (population - 1))
}

/**
 * A model from the priors alone (no data): what `Resolve.compare` uses for a lone pair.
 *
 * @category constructors
 * @since 0.2.0
 */
export const fromPriors = (settings: Settings, profiles: ReadonlyArray<Profile> = []): Model =>
  Steps.runSync(fromPriorsSteps(settings, profiles))

/**
 * `fromPriors` cut into steps (see `Steps`): it pauses while it counts the values and reports
 * nothing.
 *
 * @category constructors
 * @since 0.3.0
 */
export function* fromPriorsSteps(
  settings: Settings,
  profiles: ReadonlyArray<Profile> = [],
): Steps.Steps<Model> {
  const comparisons = settings.comparisons.map((c) => {
    const m = normalised(c.levels, "m")
    const u = normalised(c.levels, "u")
    return Comparison.withProbabilities(c, m, u)
  })
  const lambda = lambdaFor(settings, profiles.length, settings.prior.duplicates)
  const roles = rolesOf(comparisons)
  const priorBits = priorBitsOf(lambda)
  const tf = yield* termFrequenciesSteps(profiles)
  return {
    comparisons,
    lambda,
    sameFileBits: 0,
    weights: withIdentifierFloor(settings, weightsOf(comparisons), roles, priorBits),
    priorBits,
    tf,
    settings,
    roles,
  }
}

/**
 * The level of each comparison for a pair, written into `out` at `offset`.
 *
 * @category scoring
 * @since 0.2.0
 */
export const levelsOf = (
  comparisons: ReadonlyArray<Comparison.Comparison>,
  p: Comparison.Pair,
  ctx: Comparison.Context,
  out: Uint8Array,
  offset: number,
): void => {
  const skip = nullSkips(comparisons)
  const both = p.a.present & p.b.present
  for (let c = 0; c < comparisons.length; c++) {
    // A field one side lacks puts the pair in its null level, first (most pairs, most fields).
    const bit = skip[c]!
    out[offset + c] = bit !== 0 && (both & bit) === 0 ? 0 : Comparison.level(comparisons[c]!, p, ctx)
  }
}

// The last comparisons' `nullSkips` (one settings' comparisons serve a whole run).
let skipsOf: ReadonlyArray<Comparison.Comparison> | undefined
let skips = new Int32Array(0)

/**
 * Per comparison, its field's `fieldBits` when its first level is the null one (a pair one of
 * whose sides lacks the field falls in it), else 0 (its levels are asked in order).
 */
const nullSkips = (comparisons: ReadonlyArray<Comparison.Comparison>): Int32Array => {
  if (comparisons !== skipsOf) {
    skips = Int32Array.from(comparisons, (c) => (c.levels[0]?.when.kind === "null" ? fieldBits[c.field] : 0))
    skipsOf = comparisons
  }
  return skips
}

/**
 * The term-frequency part of a pair's score: for each level that is adjusted (`tf`), the
 * adjustment for the value the pair agrees on. It depends on the levels and the value counts, not
 * on m and u, so training computes it once per candidate pair.
 *
 * @category scoring
 * @since 0.2.0
 */
export const tfBitsOf = (model: Model, p: Comparison.Pair, levels: Uint8Array, offset: number): number => {
  let bits = 0
  const cs = model.comparisons
  for (let c = 0; c < cs.length; c++) {
    const level = cs[c]!.levels[levels[offset + c]!]!
    if (level.tf !== true) continue
    const v = Comparison.agreedValue(cs[c]!.field, p, level.when.kind)
    if (v !== undefined) bits += tfAdjustment(model, cs[c]!.field, level.when.kind, v)
  }
  return (
    bits +
    fullNameBits(model, p, nicknameLevel(model, levels, offset)) +
    displayNameBits(model, p, levels, offset)
  )
}

/**
 * What takes back the names' weight against a pair of an X account and a record of another kind
 * when neither name part agrees: an account's display name is free text ("printer fan"), so a
 * name that is not the other record's at all says nothing against it (one that is alike still
 * counts for it, and one part agreeing with the other differing still counts against).
 *
 * @category scoring
 * @since 0.6.0
 */
export const displayNameBits = (
  model: Model,
  p: Comparison.Pair,
  levels: Uint8Array,
  offset: number,
): number => {
  if (p.a.twitterIds.length > 0 === p.b.twitterIds.length > 0) return 0
  const { name, identifier } = model.roles
  let against = 0
  let parts = 0
  let identifiers = 0
  for (let c = 0; c < name.length; c++) {
    const l = levels[offset + c]!
    identifiers += identifier[c]![l]!
    if (name[c] !== 1) continue
    const x = model.weights[c]![l]!
    if (x >= 0) return 0
    against += x
    parts++
  }
  if (parts < 2) return 0
  // What `levelBits` counted of the names: at most the cap with two identifiers.
  const cap = model.settings.identifiers.namesAgainst
  return identifiers >= 2 && against < -cap ? cap : -against
}

/**
 * What a full name held by one record per file adds to a pair of two of those records in two
 * files: `fullName.bits`, less log2 of the other holders beside the first (two records, the
 * whole bonus; three, one bit less). The parts' own frequencies say how common each name is; how
 * many records hold the whole name, and that no export holds it twice, says whether there is
 * room for a namesake: a person is in each export about once. In an import of fewer records than
 * `prior.population` the bonus shrinks in proportion: few records could have held the name.
 *
 * @category scoring
 * @since 0.5.0
 */
export const fullNameBits = (model: Model, p: Comparison.Pair, nickname = false): number => {
  const max = model.settings.fullName.bits
  if (max <= 0 || p.swapped) return 0
  // Within one file only a log's entries (counted there as one holder) may be one person.
  if (p.a.file === p.b.file && !(addressOnly(p.a) && addressOnly(p.b))) return 0
  const count = fullNameHolders(model, p, nickname)
  if (count < 2) return 0
  const scale = Math.min(1, model.tf.records / Math.max(1, model.settings.prior.population))
  return Math.max(0, max * scale - log2(count - 1))
}

/**
 * How many records hold the pair's full name (negative when a file holds it twice, 0 when the
 * names differ): as written, or, for given names in one nickname group (`nickname`), every group
 * of the name that has more (Mia: Amelia's and Maria's), each with the family name: all the
 * people the shorter name could stand for are room for a namesake.
 */
const fullNameHolders = (model: Model, p: Comparison.Pair, nickname: boolean): number => {
  const family = p.a.family
  if (p.a.given === "" || family === "" || family !== p.b.family || p.b.given === "") return 0
  if (p.a.given === p.b.given) return model.tf.fullNames.name(p.a.given, family)
  if (!nickname) return 0
  const groups = p.a.givenGroups.length >= p.b.givenGroups.length ? p.a.givenGroups : p.b.givenGroups
  let holders = 0
  for (const g of groups) {
    const count = model.tf.fullNames.group(g, family)
    if (count < 0) return count
    holders += count
  }
  return holders
}

/** Whether a pair's given names are at the nickname level. */
const nicknameLevel = (model: Model, levels: Uint8Array, offset: number): boolean => {
  const cs = model.comparisons
  for (let c = 0; c < cs.length; c++)
    if (cs[c]!.field === "given") return cs[c]!.levels[levels[offset + c]!]!.when.kind === "nickname"
  return false
}

/**
 * A pair's score in bits from its levels without term frequencies: the prior plus each level's
 * weight.
 *
 * @category scoring
 * @since 0.2.0
 */
export const levelBits = (model: Model, levels: Uint8Array, offset: number): number => {
  let bits = model.priorBits
  let namesAgainst = 0
  let identifiers = 0
  const w = model.weights
  const { name, identifier } = model.roles
  for (let c = 0; c < w.length; c++) {
    const l = levels[offset + c]!
    const x = w[c]![l]!
    if (name[c] === 1 && x < 0) namesAgainst += x
    else bits += x
    identifiers += identifier[c]![l]!
  }
  // Two independent identifiers (or one account) outweigh names written differently (a nickname
  // with a typo, a slogan for a display name): the names may lower such a pair, not undo it.
  const cap = model.settings.identifiers.namesAgainst
  return bits + (identifiers >= 2 && namesAgainst < -cap ? -cap : namesAgainst)
}

/**
 * Whether a pair's levels include a veto level (different accounts of one service).
 *
 * @category scoring
 * @since 0.2.0
 */
export const vetoed = (model: Model, levels: Uint8Array, offset: number): boolean => {
  const cs = model.comparisons
  for (let c = 0; c < cs.length; c++) if (cs[c]!.levels[levels[offset + c]!]!.veto === true) return true
  return false
}

/**
 * A pair's score in bits from its levels (prior, level weights and term-frequency adjustments),
 * and whether a veto level was hit.
 *
 * @category scoring
 * @since 0.2.0
 */
export const bitsOf = (
  model: Model,
  p: Comparison.Pair,
  levels: Uint8Array,
  offset: number,
): { readonly bits: number; readonly veto: boolean } => ({
  bits:
    levelBits(model, levels, offset) + tfBitsOf(model, p, levels, offset) + pairPriorBits(model, p.a, p.b),
  veto: vetoed(model, levels, offset),
})

/**
 * What a pair's files add to the prior: `sameFileBits` for two records of one file, else 0.
 *
 * @category scoring
 * @since 0.4.0
 */
export const pairPriorBits = (model: Model, a: Profile, b: Profile): number =>
  a.file === b.file ? model.sameFileBits : 0

/** Probability from bits. */
export const probability = (bits: number): number => 1 / (1 + 2 ** -bits)

/**
 * One pair scored: bits, probability, veto and the level of each comparison (`Resolve.compare`
 * turns it into a `Resolve.PairVerdict` with the explanation).
 *
 * @category models
 * @since 0.2.0
 */
export interface PairScore {
  readonly bits: number
  readonly probability: number
  readonly veto: boolean
  readonly levels: Uint8Array
}

/**
 * Scores two profiles.
 *
 * @category scoring
 * @since 0.2.0
 */
export const score = (model: Model, ctx: Comparison.Context, a: Profile, b: Profile): PairScore => {
  const p = Comparison.pair(a, b)
  const levels = new Uint8Array(model.comparisons.length)
  levelsOf(model.comparisons, p, ctx, levels, 0)
  const { bits, veto } = bitsOf(model, p, levels, 0)
  return { bits, probability: probability(bits), veto, levels }
}

/**
 * A pair's evidence: one sentence for people (`reason`) and the same as data (`evidence`: each
 * comparison whose level is not the null one, in comparison order, with its bits rounded to
 * hundredths, term-frequency adjustment included).
 *
 * @category models
 * @since 0.3.0
 */
export interface Explanation {
  readonly reason: string
  readonly evidence: ReadonlyArray<Evidence>
}

const roundBits = (bits: number): number => Math.round(bits * 100) / 100

/**
 * The evidence for and against a pair, as data and in one sentence: agreeing levels first (in
 * comparison order), then disagreeing ones; term-frequency effects noted as "(rare)" or "(common)".
 *
 * @category explaining
 * @since 0.3.0
 */
export const explanation = (
  model: Model,
  a: Profile,
  b: Profile,
  levels: Uint8Array,
  offset = 0,
): Explanation => {
  const p = Comparison.pair(a, b)
  const pro: Array<string> = []
  const con: Array<string> = []
  const evidence: Array<Evidence> = []
  const cs = model.comparisons
  let swapNoted = false
  for (let c = 0; c < cs.length; c++) {
    const comparison = cs[c]!
    const li = levels[offset + c]!
    const level = comparison.levels[li]!
    if (level.when.kind === "null") continue
    let w = model.weights[c]![li]!
    let adj = 0
    if (level.tf === true) {
      const v = Comparison.agreedValue(comparison.field, p, level.when.kind)
      adj = v === undefined ? 0 : tfAdjustment(model, comparison.field, level.when.kind, v)
      w += adj
    }
    evidence.push({ comparison: comparison.name, level: level.label, bits: roundBits(w) })
    if (p.swapped && (comparison.field === "given" || comparison.field === "family")) {
      if (!swapNoted) pro.push("given and family names swapped")
      swapNoted = true
      if (level.when.kind === "exact") continue
    }
    let text = Comparison.describe(comparison, li, p)
    if (text === "") continue
    if (level.tf === true) {
      const notable = model.settings.explain.notableBits
      if (adj >= notable) text += " (rare)"
      else if (adj <= -notable) text += " (common)"
    }
    ;(w > 0 ? pro : con).push(text)
  }
  const nickname = nicknameLevel(model, levels, offset)
  const full = roundBits(fullNameBits(model, p, nickname))
  if (full > 0) {
    const holders = fullNameHolders(model, p, nickname)
    evidence.push({ comparison: "full name", level: "one record per file", bits: full })
    if (full >= model.settings.explain.notableBits)
      pro.push(
        holders === 2 ? "no other record has the full name" : `full name in ${holders} records, one per file`,
      )
  }
  const display = roundBits(displayNameBits(model, p, levels, offset))
  if (display > 0) {
    evidence.push({ comparison: "display name", level: "free text", bits: display })
    con.push("names against taken back: an X display name is free text")
  }
  return { reason: [...pro, ...con].join("; "), evidence }
}

/**
 * The evidence for and against a pair in one sentence (`explanation`'s `reason`).
 *
 * @category explaining
 * @since 0.2.0
 */
export const explain = (model: Model, a: Profile, b: Profile, levels: Uint8Array, offset = 0): string =>
  explanation(model, a, b, levels, offset).reason

/** A small deterministic PRNG (mulberry32). */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** Level counts over random pairs of profiles (all pairs when there are few). */
function* randomCounts(
  settings: Settings,
  comparisons: ReadonlyArray<Comparison.Comparison>,
  profiles: ReadonlyArray<Profile>,
  ctx: Comparison.Context,
  total: number,
): Steps.Steps<Array<Float64Array>> {
  const n = profiles.length
  const C = comparisons.length
  const counts = comparisons.map((c) => new Float64Array(c.levels.length))
  const levels = new Uint8Array(C)
  const visit = (i: number, j: number) => {
    levelsOf(comparisons, Comparison.pair(profiles[i]!, profiles[j]!), ctx, levels, 0)
    for (let c = 0; c < C; c++) counts[c]![levels[c]!]!++
  }
  const all = (n * (n - 1)) / 2
  if (all <= settings.u.sample) {
    let visited = 0
    for (let i = 0; i < n; i++) {
      yield Steps.at("training", visited, total)
      for (let j = i + 1; j < n; j++) visit(i, j)
      visited += n - 1 - i
    }
  } else {
    const r = rng(settings.training.seed)
    // Drawn first, then visited in order of the first record: the counts do not depend on the
    // order, and walking the profiles in order waits less on memory on a big import.
    const drawn = new Float64Array(settings.u.sample)
    for (let k = 0; k < settings.u.sample; k++) {
      const i = Math.floor(r() * n)
      let j = Math.floor(r() * (n - 1))
      if (j >= i) j++
      drawn[k] = i * n + j
    }
    yield
    drawn.sort()
    for (let k = 0; k < drawn.length; k++) {
      if ((k & 255) === 0) yield Steps.at("training", k, total)
      const i = Math.floor(drawn[k]! / n)
      visit(i, drawn[k]! - i * n)
    }
  }
  return counts
}

/**
 * u from random-pair counts, with the priors as pseudo-counts. A few random pairs are true
 * matches (more in a small import): with `lambda` and `m` known, their expected share is removed.
 */
const uFrom = (
  settings: Settings,
  comparisons: ReadonlyArray<Comparison.Comparison>,
  counts: ReadonlyArray<Float64Array>,
  lambda: number,
  m: ReadonlyArray<ReadonlyArray<number>> | undefined,
): Array<Array<number>> =>
  comparisons.map((c, ci) => {
    const prior = normalised(c.levels, "u")
    let nonNull = 0
    c.levels.forEach((l, li) => {
      if (l.when.kind !== "null") nonNull += counts[ci]![li]!
    })
    const matches = m === undefined ? 0 : lambda * nonNull
    const alpha = settings.u.priorPairs
    let pairs = 0
    for (const x of counts[ci]!) pairs += x
    return c.levels.map((l, li) => {
      if (l.when.kind === "null" || l.fixed === true || pairs < settings.u.minPairs) return prior[li]!
      const expected = m === undefined ? 0 : matches * m[ci]![li]!
      return (Math.max(0, counts[ci]![li]! - expected) + alpha * prior[li]!) / (nonNull - matches + alpha)
    })
  })

/** Distinct level vectors with their counts (EM works on patterns, not pairs). */
interface Patterns {
  readonly vectors: Array<Uint8Array>
  readonly counts: Array<number>
}

const patternsOf = (
  levels: Uint8Array,
  count: number,
  C: number,
  radix: Int32Array | undefined,
  select: (offset: number) => boolean,
): Patterns => {
  const index = new Map<number | string, number>()
  const vectors: Array<Uint8Array> = []
  const counts: Array<number> = []
  for (let k = 0; k < count; k++) {
    const offset = k * C
    if (!select(offset)) continue
    // The key read straight from the levels: a view per pair cost more than the rest (far more
    // pairs than patterns); a pattern's own copy is made once, when first seen.
    let key: number | string
    if (radix !== undefined) {
      key = 0
      for (let c = 0; c < C; c++) key = key * radix[c]! + levels[offset + c]!
    } else key = String.fromCharCode(...levels.subarray(offset, offset + C))
    const i = index.get(key)
    if (i === undefined) {
      index.set(key, vectors.length)
      vectors.push(levels.slice(offset, offset + C))
      counts.push(1)
    } else counts[i]!++
  }
  // Sorted, so sums run in the same order whatever order the pairs came in.
  const order = vectors
    .map((_, i) => i)
    .sort((x, y) => {
      const a = vectors[x]!
      const b = vectors[y]!
      for (let c = 0; c < C; c++) if (a[c] !== b[c]) return a[c]! - b[c]!
      return 0
    })
  return { vectors: order.map((i) => vectors[i]!), counts: order.map((i) => counts[i]!) }
}

/** One EM session: m re-estimated for the active comparisons; returns m and the expected matches. */
const emSession = (
  settings: Settings,
  comparisons: ReadonlyArray<Comparison.Comparison>,
  patterns: Patterns,
  active: ReadonlyArray<boolean>,
  m0: ReadonlyArray<ReadonlyArray<number>>,
  u: ReadonlyArray<ReadonlyArray<number>>,
): { readonly m: Array<Array<number>>; readonly matches: number } => {
  const C = comparisons.length
  let m = m0.map((row) => [...row])
  let lambda = 0.5
  let matches = 0
  const total = patterns.counts.reduce((s, x) => s + x, 0)
  if (total === 0) return { m, matches: 0 }
  // The levels that weigh (active comparisons, non-null levels), and their weights worked out
  // once per iteration rather than once per pattern.
  const weighs = comparisons.map((comp, c) =>
    Uint8Array.from(Comparison.levelsOf(comp), (l) => (active[c] && l.when.kind !== "null" ? 1 : 0)),
  )
  for (let it = 0; it < settings.em.iterations; it++) {
    const sums = comparisons.map((c) => new Float64Array(c.levels.length))
    const mNow = m
    const weights = comparisons.map((comp, c) =>
      Float64Array.from(Comparison.levelsOf(comp), (_, l) =>
        weighs[c]![l] === 1 ? log2(mNow[c]![l]! / u[c]![l]!) : 0,
      ),
    )
    matches = 0
    for (let k = 0; k < patterns.vectors.length; k++) {
      const v = patterns.vectors[k]!
      let bits = log2(lambda / (1 - lambda))
      for (let c = 0; c < C; c++) {
        const l = v[c]!
        if (weighs[c]![l] === 1) bits += weights[c]![l]!
      }
      const post = (1 / (1 + 2 ** -bits)) * patterns.counts[k]!
      matches += post
      for (let c = 0; c < C; c++) sums[c]![v[c]!]! += post
    }
    lambda = Math.min(0.999, Math.max(0.001, matches / total))
    const beta = settings.em.priorPairs
    m = comparisons.map((comp, c) => {
      if (!active[c]) return [...m[c]!]
      let nonNull = 0
      comp.levels.forEach((l, li) => {
        if (l.when.kind !== "null") nonNull += sums[c]![li]!
      })
      return comp.levels.map((l, li) =>
        l.when.kind === "null" || l.fixed === true
          ? m0[c]![li]!
          : (sums[c]![li]! + beta * m0[c]![li]!) / (nonNull + beta),
      )
    })
  }
  return { m, matches }
}

const identifierFields: ReadonlySet<Comparison.Field> = new Set([
  "email",
  "phone",
  "handle",
  "twitterId",
  "linkedin",
  "document",
])

/**
 * Trains a model on profiles and their candidate pairs: `levels[k * C + c]` is pair k's level in
 * comparison c, `tfBits[k]` its term-frequency bits (`tfBitsOf`); `base` is `fromPriors` of the
 * same profiles. `scratch`, when given, is working space of at least one number per pair (its
 * contents are overwritten), saving an allocation of that size per round.
 *
 * @category training
 * @since 0.2.0
 */
export const train = (
  base: Model,
  profiles: ReadonlyArray<Profile>,
  ctx: Comparison.Context,
  candidates: Candidates,
  levels: Uint8Array,
  tfBits: Float64Array,
  scratch?: Float64Array,
): Model => Steps.runSync(trainSteps(base, profiles, ctx, candidates, levels, tfBits, scratch))

/**
 * `train` cut into steps (see `Steps`), reported as the stage `training`: its unit is a pair
 * compared or counted, the random pairs first, then each pass over the candidate pairs.
 *
 * @category training
 * @since 0.3.0
 */
export function* trainSteps(
  base: Model,
  profiles: ReadonlyArray<Profile>,
  ctx: Comparison.Context,
  candidates: Candidates,
  levels: Uint8Array,
  tfBits: Float64Array,
  scratch?: Float64Array,
): Steps.Steps<Model> {
  const settings = base.settings
  const comparisons = base.comparisons
  const C = comparisons.length
  // A level vector as one number, each level a digit in its comparison's base (its level count),
  // when every vector fits in a double's 53 bits.
  const product = comparisons.reduce((x, c) => x * Math.max(1, c.levels.length), 1)
  const radix =
    product <= Number.MAX_SAFE_INTEGER ? Int32Array.from(comparisons, (c) => c.levels.length) : undefined
  const n0 = profiles.length
  const random = Math.min((n0 * (n0 - 1)) / 2, settings.u.sample)
  // The random pairs, then the candidates: two pattern passes, one per round, one for the split.
  const total = random + candidates.count * (3 + settings.training.rounds)
  let done = random
  const counts = yield* randomCounts(settings, comparisons, profiles, ctx, total)
  yield Steps.at("training", done, total)
  const m0 = comparisons.map((c) => normalised(c.levels, "m"))
  // Per comparison, 1 for each level of the kinds the sessions select by (read for every pair).
  const kindFlags = (c: number, kinds: ReadonlyArray<string>): Uint8Array =>
    Uint8Array.from(comparisons[c] === undefined ? [] : Comparison.levelsOf(comparisons[c]), (l) =>
      kinds.includes(l.when.kind) ? 1 : 0,
    )
  const given = comparisons.findIndex((c) => c.field === "given")
  const family = comparisons.findIndex((c) => c.field === "family")
  const ids = comparisons.flatMap((c, i) => (identifierFields.has(c.field) ? [i] : []))
  const idExact = ids.map((c) => kindFlags(c, ["exact"]))
  // Session 1: pairs sharing an identifier teach everything but the identifiers.
  const byId = patternsOf(levels, candidates.count, C, radix, (o) => {
    for (let i = 0; i < ids.length; i++) if (idExact[i]![levels[o + ids[i]!]!] === 1) return true
    return false
  })
  done += candidates.count
  yield Steps.at("training", done, total)
  const activeById = comparisons.map((c) => !identifierFields.has(c.field))
  const givenAgrees = kindFlags(given, ["exact", "nickname"])
  const familyExact = kindFlags(family, ["exact"])
  // Session 2: pairs agreeing on the full name teach everything but the names.
  const byName = patternsOf(
    levels,
    candidates.count,
    C,
    radix,
    (o) =>
      given >= 0 &&
      family >= 0 &&
      givenAgrees[levels[o + given]!] === 1 &&
      familyExact[levels[o + family]!] === 1,
  )
  const activeByName = comparisons.map((c) => c.field !== "given" && c.field !== "family")
  done += candidates.count
  yield Steps.at("training", done, total)

  let lambda = base.lambda
  // The share of true matches among random pairs of this data (not of the population).
  let sampleRate = 0
  let m: Array<Array<number>> | undefined
  let model: Model = base
  // Each round after the first removes the true matches hidden among the random pairs from u.
  for (let round = 0; round < settings.training.rounds; round++) {
    const u = uFrom(settings, comparisons, counts, sampleRate, m)
    const s1 = emSession(settings, comparisons, byId, activeById, m0, u)
    const s2 = emSession(settings, comparisons, byName, activeByName, m0, u)
    m = comparisons.map((c, ci) => {
      const w1 = activeById[ci] ? s1.matches : 0
      const w2 = activeByName[ci] ? s2.matches : 0
      if (w1 + w2 === 0) return m0[ci]!
      return c.levels.map((_, li) => (w1 * s1.m[ci]![li]! + w2 * s2.m[ci]![li]!) / (w1 + w2))
    })
    const mm = m
    const trained = comparisons.map((c, ci) => Comparison.withProbabilities(c, mm[ci]!, u[ci]!))
    model = {
      ...base,
      comparisons: trained,
      weights: withIdentifierFloor(settings, weightsOf(trained), base.roles, priorBitsOf(lambda)),
    }
    const estimate = estimateLambda(
      settings,
      model,
      profiles.length,
      candidates,
      levels,
      tfBits,
      lambda,
      scratch,
    )
    lambda = estimate.lambda
    const n = profiles.length
    sampleRate = n < 2 ? 0 : Math.min(0.5, estimate.matches / ((n * (n - 1)) / 2))
    done += candidates.count
    yield Steps.at("training", done, total)
  }
  const split = splitPrior(settings, model, profiles, candidates, levels, tfBits, lambda)
  yield Steps.at("training", total, total)
  const priorBits = priorBitsOf(split.across)
  return {
    ...model,
    lambda,
    priorBits,
    sameFileBits: priorBitsOf(split.within) - priorBits,
    weights: withIdentifierFloor(settings, weightsOf(model.comparisons), base.roles, priorBits),
  }
}

/**
 * The prior split between pairs within one file and pairs across two, keeping the expected
 * matches: each file's share of the matches the candidate pairs' posteriors expect, over its
 * share of the pairs (the pairs' own share as a prior of `k0` matches). One person is in an
 * export about once, so in an import of several exports most matches cross files, and a pair
 * across two files is likelier one person than the average pair. One file: no split.
 */
const splitPrior = (
  settings: Settings,
  model: Model,
  profiles: ReadonlyArray<Profile>,
  candidates: Candidates,
  levels: Uint8Array,
  tfBits: Float64Array,
  lambda: number,
): { readonly within: number; readonly across: number } => {
  const n = profiles.length
  const { fileOf, perFile } = fileNumbers(profiles)
  let within = 0
  for (const c of perFile) within += (c * (c - 1)) / 2
  const all = (n * (n - 1)) / 2
  if (within === 0 || within === all) return { within: lambda, across: lambda }
  const C = model.comparisons.length
  let matchesWithin = 0
  let matches = 0
  for (let k = 0; k < candidates.count; k++) {
    const post = probability(levelBits(model, levels, k * C) + tfBits[k]!)
    if (post < 1e-6) continue
    matches += post
    if (fileOf[candidates.a[k]!] === fileOf[candidates.b[k]!]) matchesWithin += post
  }
  const k0 = settings.prior.splitPairs
  const share = (matchesWithin + (k0 * within) / all) / (matches + k0)
  return {
    within: Math.min(0.5, (lambda * share * all) / within),
    // Never below the average: a pair across two files is no less likely one person than any.
    across: Math.min(0.5, Math.max(lambda, (lambda * (1 - share) * all) / (all - within))),
  }
}

/**
 * The prior: expected duplicates per record from the candidate pairs' posteriors, shrunk towards
 * the configured prior, iterated to a fixed point.
 */
const estimateLambda = (
  settings: Settings,
  model: Model,
  n: number,
  candidates: Candidates,
  levels: Uint8Array,
  tfBits: Float64Array,
  start: number,
  scratch: Float64Array | undefined,
): { readonly lambda: number; readonly matches: number } => {
  const C = model.comparisons.length
  // 2^-bits of each pair without the prior, so each round below is a multiply and a division:
  // probability(bits + prior) = 1 / (1 + 2^-bits * 2^-prior). Pairs far below any prior (2^-60
  // once it is added) add nothing to the sum.
  const all =
    scratch !== undefined && scratch.length >= candidates.count ? scratch : Memory.float64(candidates.count)
  let kept = 0
  for (let k = 0; k < candidates.count; k++) {
    const b = levelBits(model, levels, k * C) - model.priorBits + tfBits[k]!
    if (b > -60) all[kept++] = 2 ** -b
  }
  const odds = all.subarray(0, kept)
  const { rounds, priorRecords, maxDuplicates } = settings.priorEstimate
  let lambda = start
  let matches = 0
  for (let it = 0; it < rounds; it++) {
    const factor = 2 ** -priorBitsOf(lambda)
    let expected = 0
    for (let k = 0; k < odds.length; k++) expected += 1 / (1 + odds[k]! * factor)
    matches = expected
    const duplicates = Math.min(
      maxDuplicates,
      (2 * expected + settings.prior.duplicates * priorRecords) / (n + priorRecords),
    )
    lambda = lambdaFor(settings, n, duplicates)
  }
  return { lambda, matches }
}
