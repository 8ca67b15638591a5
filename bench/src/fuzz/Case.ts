/**
 * One fuzz input, made from `(seed, adapter, index)` alone so any finding can be made again with
 * `--only <index>`: a seed bundle with one of its files mutated, and for archive adapters now and
 * then the whole bundle zipped in memory (its zip bytes sometimes damaged too), as a download is.
 */
import type { Source } from "@blackbook/model"
import { zipSync } from "fflate"
import { Random } from "../Random.ts"
import { defaultMaxInputBytes, dictionaries, type Mutation, mutate, type Sizes } from "./Mutate.ts"
import type { AdapterName, Seed } from "./Seeds.ts"

export interface FuzzCase {
  readonly index: number
  readonly seed: string
  /** The mutated file's path inside the bundle. */
  readonly file: string
  readonly mutation: Mutation
  /** The bundle as the adapter gets it (files), or a zip to expand first. */
  readonly input:
    | { readonly _tag: "Bundle"; readonly bundle: Source.InputBundle }
    | { readonly _tag: "Zip"; readonly name: string; readonly bytes: Uint8Array; readonly damaged: boolean }
  /** For a cut: the bundle with the cut file reduced to its whole records. */
  readonly wholeBefore?: Source.InputBundle
  readonly size: number
}

const withFile = (bundle: Source.InputBundle, path: string, bytes: Uint8Array): Source.InputBundle => ({
  origin: bundle.origin,
  files: bundle.files.map((f) => (f.path === path ? { path, bytes } : f)),
})

const zipBundle = (bundle: Source.InputBundle, rng: Random): Uint8Array => {
  const entries: Record<string, Uint8Array> = {}
  // entry names inside the folder, as a zipped export holds them
  for (const f of bundle.files) entries[f.path.slice(bundle.origin.length + 1) || f.path] = f.bytes
  return zipSync(entries, { level: rng.chance(0.5) ? 0 : 6 })
}

/**
 * Builds input `index` for one adapter. `wholeRecords` reduces a cut file to its whole records
 * (see Cut.ts); it is passed in so this module stays about making inputs.
 */
export const makeCase = (
  seed: number,
  adapter: AdapterName,
  index: number,
  seeds: ReadonlyArray<Seed>,
  wholeRecords: (adapter: string, path: string, cut: Uint8Array) => Uint8Array | undefined,
  maxBytes: number = defaultMaxInputBytes,
  sizes: Sizes = "mixed",
): FuzzCase => {
  const rng = new Random(`${seed}:${adapter}:${index}`)
  const chosen = rng.pick(seeds)
  const file = rng.pick(chosen.bundle.files)
  const donorSeed = rng.pick(seeds)
  const donor = rng.pick(donorSeed.bundle.files).bytes
  const growth =
    adapter === "contacts-csv"
      ? "quoted-rows"
      : adapter === "twitter" || adapter === "linkedin"
        ? "none"
        : "lines"
  const mutation = mutate(rng, file.bytes, donor, dictionaries[adapter] ?? [], maxBytes, sizes, growth)
  const bundle = withFile(chosen.bundle, file.path, mutation.bytes)
  const size = bundle.files.reduce((n, f) => n + f.bytes.length, 0)
  const base = { index, seed: chosen.label, file: file.path, mutation, size }
  const archive = adapter === "linkedin" || adapter === "twitter"
  if (archive && rng.chance(0.25)) {
    let bytes = zipBundle(bundle, rng)
    let damaged = false
    if (mutation.cut === undefined && rng.chance(0.3)) {
      bytes = mutate(rng, bytes, donor, [], maxBytes).bytes
      damaged = true
    }
    return { ...base, input: { _tag: "Zip", name: `${chosen.bundle.origin}.zip`, bytes, damaged } }
  }
  if (mutation.cut !== undefined) {
    const whole = wholeRecords(adapter, file.path, mutation.bytes)
    if (whole !== undefined)
      return {
        ...base,
        input: { _tag: "Bundle", bundle },
        wholeBefore: withFile(chosen.bundle, file.path, whole),
      }
  }
  return { ...base, input: { _tag: "Bundle", bundle } }
}
