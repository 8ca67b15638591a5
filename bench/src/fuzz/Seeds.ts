/**
 * The inputs the fuzzer starts from, per adapter: the shared corpus (read in place, through its
 * MANIFEST.tsv) and the adapter's golden fixtures. A seed is a bundle as `blackbook merge` would
 * see it: one file for a file adapter, a folder's files for an archive adapter.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import type { Source } from "@blackbook/model"

export const adapterNames = ["vcard", "contacts-csv", "ics", "linkedin", "twitter"] as const
export type AdapterName = (typeof adapterNames)[number]

export interface Seed {
  /** Where it came from, for reports: `corpus:vcard/x.vcf`, `golden:twitter/x-2025`. */
  readonly label: string
  readonly bundle: Source.InputBundle
}

const root = path.resolve(import.meta.dirname, "../../..")
const corpusDir = path.resolve(root, "../shared/corpus")

/** Which MANIFEST formats each adapter reads. */
const corpusFormats: Record<AdapterName, ReadonlyArray<string>> = {
  vcard: ["vcard"],
  "contacts-csv": ["google-csv", "outlook-csv"],
  ics: ["ics"],
  linkedin: ["linkedin"],
  twitter: [],
}

const walk = (dir: string): ReadonlyArray<string> =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort()

const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(file))

const folderBundle = (dir: string, origin: string): Source.InputBundle => ({
  origin,
  files: walk(dir).map((p) => ({
    path: `${origin}/${path.relative(dir, p).split(path.sep).join("/")}`,
    bytes: bytesOf(p),
  })),
})

const corpusSeeds = (adapter: AdapterName): Seed[] => {
  const manifest = path.join(corpusDir, "MANIFEST.tsv")
  if (!fs.existsSync(manifest)) return []
  const rows = fs
    .readFileSync(manifest, "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .filter((cols) => cols.length > 1 && corpusFormats[adapter].includes(cols[1]!))
  return rows.map(([file]) => {
    const name = path.basename(file!)
    const bytes = bytesOf(path.join(corpusDir, file!))
    // an archive adapter reads an export: the one corpus file becomes a folder of one
    const bundle: Source.InputBundle =
      adapter === "linkedin"
        ? { origin: "export", files: [{ path: "export/Connections.csv", bytes }] }
        : { origin: name, files: [{ path: name, bytes }] }
    return { label: `corpus:${file}`, bundle }
  })
}

const goldenSeeds = (adapter: AdapterName): Seed[] => {
  const dir = path.join(root, "packages/sources", adapter, "test/golden")
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith(".") && !e.name.endsWith(".expected.json") && e.name !== "README.md")
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => {
      const full = path.join(dir, e.name)
      const bundle = e.isDirectory()
        ? folderBundle(full, e.name)
        : { origin: e.name, files: [{ path: e.name, bytes: bytesOf(full) }] }
      return { label: `golden:${adapter}/${e.name}`, bundle }
    })
}

/** Every seed of one adapter, corpus first, in a fixed order. */
export const seedsOf = (adapter: AdapterName): ReadonlyArray<Seed> => [
  ...corpusSeeds(adapter),
  ...goldenSeeds(adapter),
]
