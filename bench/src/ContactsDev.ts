/**
 * The contacts-dev sets (../shared/linkage/contacts-dev: one person's five exports with the truth)
 * scored as their `score.py` scores a book: pairwise precision, recall and F1 over the truth's
 * records, records lost, people resolved exactly, and whether each person's interactions landed
 * on the contact holding most of their records (last date within an hour, exact count). A port of
 * score.py's logic, checked against it by test/contacts-dev-score.test.ts.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { BookJson } from "@blackbook/resolve"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { Merge } from "blackbook"
import { Effect } from "effect"

/** The three sets, in the order the bench runs them. */
export const sets = ["normal-1k", "hard-1k", "normal-20k"] as const
export type SetName = (typeof sets)[number]

/** The options the sets are merged with (their README): `blackbook merge --now ... --me ...`. */
export const now = new Date("2026-11-01T09:00:00Z")
export const me = ["chris.owner@brother.co.uk"]

/** What score.py reads of truth.json. */
export interface Truth {
  /** `source|file base name|record` -> person id. */
  readonly records: Readonly<Record<string, number>>
  readonly unidentifiable: ReadonlyArray<string>
  readonly people: Readonly<
    Record<
      string,
      {
        readonly interactions: number
        readonly last: string | null
        readonly attributable?: number
        readonly attributable_last?: string | null
      }
    >
  >
}

/** What score.py reads of a book's contacts (the JSON book contract). */
export interface ScoredContact {
  readonly sources: ReadonlyArray<{ readonly source: string; readonly file: string; readonly record: string }>
  readonly interactions?: { readonly count: number; readonly last: string | null }
}

/** score.py's figures, unrounded (it rounds to 4 places). */
export interface Score {
  readonly records: number
  readonly lost: number
  readonly unknownRefs: number
  readonly contacts: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
  readonly peopleExact: number
  readonly lastInteractionOk: number
  readonly interactionCountOk: number
}

const baseName = (file: string): string => {
  const parts = file.replaceAll("\\", "/").split("/")
  return parts[parts.length - 1]!
}

const recordKey = (source: string, file: string, record: string): string =>
  record.startsWith("account:") ? `twitter|twitter|${record}` : `${source}|${baseName(file)}|${record}`

/** An instant in ms; a time without a zone is UTC, as score.py reads it. */
const instant = (s: string | null | undefined): number | undefined => {
  if (!s) return undefined
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(s) || !s.includes("T") ? s : `${s}Z`
  const t = Date.parse(zoned)
  return Number.isNaN(t) ? undefined : t
}

const pairs = (n: number): number => (n * (n - 1)) / 2

/** The key a count map holds most of, the first seen among ties (as Counter.most_common(1)). */
const mostCommon = <K>(keys: Iterable<K>): K | undefined => {
  const counts = new Map<K, number>()
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1)
  let best: K | undefined
  let bestCount = 0
  for (const [k, c] of counts)
    if (c > bestCount) {
      best = k
      bestCount = c
    }
  return best
}

const push = <K, V>(map: Map<K, Array<V>>, key: K, value: V): void => {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/**
 * Scores a book's contacts against a set's truth, as score.py does.
 *
 * @category scoring
 */
export const score = (truth: Truth, contacts: ReadonlyArray<ScoredContact>): Score => {
  const records = new Map(Object.entries(truth.records))
  const unidentifiable = new Set(truth.unidentifiable)
  const byFile = new Map<string, string>()
  for (const k of records.keys()) {
    const [, base, rec] = splitKey(k)
    byFile.set(`${base}\u0000${rec}`, k)
  }
  const clusterOf = new Map<string, number>()
  let unknownRefs = 0
  contacts.forEach((c, ci) => {
    for (const s of c.sources) {
      let k = recordKey(s.source, s.file, s.record)
      if (!records.has(k)) k = byFile.get(`${baseName(s.file)}\u0000${s.record}`) ?? k
      if (records.has(k)) clusterOf.set(k, ci)
      else unknownRefs++
    }
  })
  let lost = 0
  const trueGroups = new Map<number, Array<string>>()
  const predGroups = new Map<number, Array<string>>()
  for (const [k, pid] of records) {
    const c = clusterOf.get(k)
    if (c === undefined) {
      lost++
      continue
    }
    push(trueGroups, pid, k)
    push(predGroups, c, k)
  }
  const samePerson = (ks: ReadonlyArray<string>): number => {
    const by = new Map<number, number>()
    for (const k of ks) by.set(records.get(k)!, (by.get(records.get(k)!) ?? 0) + 1)
    let n = 0
    for (const v of by.values()) n += pairs(v)
    return n
  }
  let tp = 0
  let predPairs = 0
  let tpIdent = 0
  for (const ks of predGroups.values()) {
    tp += samePerson(ks)
    predPairs += pairs(ks.length)
    tpIdent += samePerson(ks.filter((k) => !unidentifiable.has(k)))
  }
  let truePairs = 0
  for (const ks of trueGroups.values()) truePairs += pairs(ks.filter((k) => !unidentifiable.has(k)).length)
  const precision = predPairs > 0 ? tp / predPairs : 1
  const recall = truePairs > 0 ? tpIdent / truePairs : 1
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0

  // People resolved exactly: their identifiable records in one contact holding nothing else.
  let exact = 0
  let multi = 0
  for (const [pid, ks] of trueGroups) {
    const ident = ks.filter((k) => !unidentifiable.has(k))
    if (ident.length === 0) continue
    multi++
    const cs = new Set(ident.map((k) => clusterOf.get(k)!))
    if (cs.size === 1) {
      const c = [...cs][0]!
      if (predGroups.get(c)!.every((k) => records.get(k) === pid)) exact++
    }
  }

  // Interactions, on the contact that holds most of the person's records.
  let lastOk = 0
  let countOk = 0
  let withInteractions = 0
  for (const [pidText, info] of Object.entries(truth.people)) {
    const ks = (trueGroups.get(Number(pidText)) ?? []).filter((k) => !unidentifiable.has(k))
    const attributable = "attributable" in info && info.attributable !== undefined
    const wantCount = attributable ? info.attributable! : info.interactions
    const wantLast = attributable ? (info.attributable_last ?? info.last) : info.last
    if (ks.length === 0 || !wantCount) continue
    withInteractions++
    const c = mostCommon(ks.map((k) => clusterOf.get(k)!))!
    const got = contacts[c]!.interactions
    const gotLast = instant(got?.last)
    const trueLast = instant(wantLast)
    if (gotLast !== undefined && trueLast !== undefined && Math.abs(gotLast - trueLast) <= 3_600_000) lastOk++
    if (got?.count === wantCount) countOk++
  }
  return {
    records: records.size,
    lost,
    unknownRefs,
    contacts: contacts.length,
    precision,
    recall,
    f1,
    peopleExact: multi > 0 ? exact / multi : 1,
    lastInteractionOk: withInteractions > 0 ? lastOk / withInteractions : 1,
    interactionCountOk: withInteractions > 0 ? countOk / withInteractions : 1,
  }
}

/** `source|base|record`, the record being everything after the second bar. */
const splitKey = (k: string): [string, string, string] => {
  const first = k.indexOf("|")
  const second = k.indexOf("|", first + 1)
  return [k.slice(0, first), k.slice(first + 1, second), k.slice(second + 1)]
}

/** The folder of a set, under the shared material's root (`sharedRoot()`). */
export const folder = (shared: string, set: SetName): string =>
  path.join(shared, "linkage", "contacts-dev", set)

/** A set's truth.json. */
export const readTruth = (dir: string): Truth =>
  JSON.parse(fs.readFileSync(path.join(dir, "truth.json"), "utf8"))

/**
 * Merges a set's exports as `blackbook merge DIR --now 2026-11-01T09:00:00Z --me
 * chris.owner@brother.co.uk` does, and returns the JSON book (its contacts are what score.py reads).
 */
export const mergeSet = (dir: string): Promise<BookJson.BookJson> =>
  Effect.runPromise(
    Merge.merge([dir], { now, me }).pipe(
      Effect.map((result) => BookJson.toJson(result.book)),
      Effect.provide(NodeFileSystem.layer),
    ),
  )
