/**
 * What an incremental import keeps between imports: each record's blocking keys (in the
 * records table) and the model the last full resolution trained, with the value counts its
 * term frequencies need. A small import resolves only the part of the book it touches, scored
 * with this model, so its cost follows the new records rather than the book.
 */
import type { SourceRecord } from "@blackbook/model/SourceRecord"
import * as Blocking from "@blackbook/resolve/Blocking"
import * as Comparison from "@blackbook/resolve/Comparison"
import * as Profile from "@blackbook/resolve/Profile"
import * as Scoring from "@blackbook/resolve/Scoring"
import * as Settings from "@blackbook/resolve/Settings"

/** The trained model as stored (JSON in the `models` table). */
export interface Trained {
  readonly version: 1
  /** The region national phone numbers were read in. */
  readonly region: string | null
  /** Active contact records when it was trained. */
  readonly records: number
  readonly lambda: number
  readonly priorBits: number
  readonly sameFileBits: number
  readonly comparisons: ReadonlyArray<{
    readonly m: ReadonlyArray<number>
    readonly u: ReadonlyArray<number>
    readonly weights: ReadonlyArray<number>
  }>
  readonly tf: {
    readonly records: number
    /** Per field: holders, the chance two agree, and the values held more than once. */
    readonly fields: ReadonlyArray<
      readonly [
        Scoring.TfField,
        {
          readonly n: number
          readonly agree: number
          readonly counts: ReadonlyArray<readonly [string, number]>
        },
      ]
    >
    /** Full names held by more than one record (negative: twice in one file), and every
     * nickname group's. */
    readonly fullNames: ReadonlyArray<readonly [string, number]>
  }
}

/**
 * The book grows by this factor since the model was trained before a small import resolves the
 * whole book again (and trains anew); an import bringing more than `fullShare` of the book
 * resolves it whole at once.
 */
export const retrainGrowth = 1.5
export const fullShare = 0.1

/** The settings the store resolves with (those of `blackbook merge` without options). */
const settings = Settings.defaults

/** The blocking keys of a profile under the settings' rules, each once. */
export const keysOf: (p: Profile.Profile) => Array<string> = (() => {
  const read = Blocking.keyReader(settings.blocking)
  return (p) => [...new Set(read(p))]
})()

/** The biggest block the blocking compares; a key held by more records pairs nobody (or a window). */
export const maxBlock = settings.maxBlock

/** The review threshold in bits: a pair below it cannot join two records. */
export const reviewBits = (() => {
  const q = Math.min(Math.max(settings.reviewThreshold, 1e-12), 1 - 1e-12)
  return Math.log2(q / (1 - q))
})()

/** The model and the counts behind its term frequencies, for storing. */
export const trainedOf = (
  model: Scoring.Model,
  profiles: ReadonlyArray<Profile.Profile>,
  region: string | undefined,
): Trained => {
  const fields = Scoring.tfFields.map((f) => {
    const t = model.tf.fields.get(f)
    const counts = new Map<string, number>()
    if (t !== undefined)
      for (const p of profiles)
        for (const v of Scoring.tfValues(p, f)) {
          const c = t.counts.get(v) ?? 0
          if (c > 1) counts.set(v, c)
        }
    return [f, { n: t?.n ?? 0, agree: t?.agree ?? 0, counts: [...counts] }] as const
  })
  const fullNames = new Map<string, number>()
  for (const p of profiles)
    for (const k of Scoring.fullNameKeys(p)) {
      const c = Scoring.fullNameCount(model.tf.fullNames, k)
      // A lone full name counts as none; a nickname group's count is summed with others'.
      if (c > 1 || c < -1 || (c !== 0 && k.includes("\u0001"))) fullNames.set(k, c)
    }
  return {
    version: 1,
    region: region ?? null,
    records: profiles.length,
    lambda: model.lambda,
    priorBits: model.priorBits,
    sameFileBits: model.sameFileBits,
    comparisons: model.comparisons.map((c, i) => ({
      m: c.levels.map((l) => l.m),
      u: c.levels.map((l) => l.u),
      weights: [...model.weights[i]!],
    })),
    tf: { records: model.tf.records, fields, fullNames: [...fullNames] },
  }
}

/**
 * The stored model, as the resolver takes it. The value counts are the stored ones plus those of
 * `fresh`, the records the import brings: a value new since the last training is counted as often
 * as the import holds it, so fifty new records of one surname or one domain do not each count it
 * as rare.
 */
export const modelOf = (t: Trained, fresh: ReadonlyArray<Profile.Profile> = []): Scoring.Model => {
  const comparisons = settings.comparisons.map((c, i) =>
    Comparison.withProbabilities(c, [...t.comparisons[i]!.m], [...t.comparisons[i]!.u]),
  )
  const fields = new Map(
    t.tf.fields.map(([f, { n, agree, counts }]) => {
      const map = new Map(counts)
      let values = n
      for (const p of fresh)
        for (const v of Scoring.tfValues(p, f)) {
          map.set(v, (map.get(v) ?? 0) + 1)
          values++
        }
      return [f, { n: values, agree, counts: { get: (v: string) => map.get(v), size: map.size } }] as const
    }),
  )
  return {
    comparisons,
    lambda: t.lambda,
    sameFileBits: t.sameFileBits,
    weights: t.comparisons.map((c) => Float64Array.from(c.weights)),
    priorBits: t.priorBits,
    tf: {
      fields,
      fullNames: Scoring.fullNameCountsOf(withFresh(new Map(t.tf.fullNames), fresh)),
      records: t.tf.records + fresh.length,
    },
    settings,
    roles: Scoring.rolesOf(comparisons),
  }
}

/**
 * Full-name counts with the fresh records' added: holders add up, and a name two fresh records of
 * one file hold is held twice in a file (negative), as it is for a whole resolution.
 */
const withFresh = (
  byKey: Map<string, number>,
  fresh: ReadonlyArray<Profile.Profile>,
): Map<string, number> => {
  const perFile = new Map<string, Map<string, number>>()
  for (const p of fresh)
    for (const k of Scoring.fullNameKeys(p)) {
      let files = perFile.get(k)
      if (files === undefined) {
        files = new Map()
        perFile.set(k, files)
      }
      files.set(p.file, (files.get(p.file) ?? 0) + 1)
    }
  for (const [k, files] of perFile) {
    const stored = byKey.get(k) ?? 0
    let holders = Math.abs(stored)
    let twice = stored < 0
    for (const count of files.values()) {
      holders += count
      if (count > 1) twice = true
    }
    byKey.set(k, twice ? -holders : holders)
  }
  return byKey
}

/** Whether a stored model fits the settings (a new comparison or level means training anew). */
export const fits = (t: Trained): boolean =>
  t.version === 1 &&
  t.comparisons.length === settings.comparisons.length &&
  settings.comparisons.every((c, i) => c.levels.length === t.comparisons[i]!.m.length)

/** A profile reader in the stored region. */
export const readerOf = (region: string | null): ((r: SourceRecord) => Profile.Profile) =>
  Profile.reader(region ?? undefined)
