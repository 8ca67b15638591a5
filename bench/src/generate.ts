/**
 * A deterministic generator of invented people and their contact exports, for benchmarks and
 * resolution tests with a known truth:
 *
 *   const people = generatePeople({ n: 10_000, seed: 7, now })
 *   const vcf = toVcf(people, { seed: 7, now })        // { files, truth }
 *   await writeCorpus("/tmp/corpus", { n: 100_000, seed: 7, now })
 *
 * The same (n, seed, now) always gives byte-identical files. Work is linear in n.
 */
import { mkdir, writeFile } from "node:fs/promises"
import { dirname, join } from "node:path"
import { DEFAULT_NOW, generatePeople, OWNER, type Person } from "./People.ts"
import {
  type SourceOutput,
  type TruthEntry,
  toGoogleCsv,
  toIcs,
  toLinkedInConnections,
  toOutlookCsv,
  toTwitterArchive,
  toVcf,
  type WriterOptions,
} from "./Sources.ts"

export {
  canonicalEmail,
  DEFAULT_NOW,
  type EmailAddress,
  type GenerateOptions,
  generatePeople,
  type Job,
  type Moment,
  type MomentKind,
  OWNER,
  type Person,
  type PersonPhone,
  type TwitterAccount,
} from "./People.ts"
export {
  type SourceName,
  type SourceOutput,
  sourcesOf,
  type TruthEntry,
  toGoogleCsv,
  toIcs,
  toLinkedInConnections,
  toOutlookCsv,
  toTwitterArchive,
  toVcf,
  type WriterOptions,
} from "./Sources.ts"

/** Options of `buildCorpus` / `writeCorpus`. */
export interface CorpusOptions {
  readonly n: number
  readonly seed: number | string
  /** Default `DEFAULT_NOW`. */
  readonly now?: Date
}

/** A whole generated corpus in memory. */
export interface Corpus {
  readonly options: CorpusOptions
  readonly people: ReadonlyArray<Person>
  /** Path (relative to the corpus root) -> contents; outlook.csv is Windows-1252 bytes. */
  readonly files: ReadonlyMap<string, string | Uint8Array>
  readonly truth: ReadonlyArray<TruthEntry>
}

const WRITERS: ReadonlyArray<(people: ReadonlyArray<Person>, options: WriterOptions) => SourceOutput> = [
  toVcf,
  toOutlookCsv,
  toGoogleCsv,
  toLinkedInConnections,
  toTwitterArchive,
  toIcs,
]

/** Generates the people and runs every writer, keeping all files in memory. */
export const buildCorpus = (options: CorpusOptions): Corpus => {
  const people = generatePeople(options)
  const writer: WriterOptions = { seed: options.seed, now: options.now ?? DEFAULT_NOW }
  const files = new Map<string, string | Uint8Array>()
  const truth: Array<TruthEntry> = []
  for (const write of WRITERS) {
    const out = write(people, writer)
    for (const [path, content] of out.files) files.set(path, content)
    for (const entry of out.truth) truth.push(entry)
  }
  return { options, people, files, truth }
}

/**
 * truth.json, in the same shape as examples/merge-exports/sample-exports/truth.json, plus each
 * person's latent closeness and interaction count. Built line by line (one person per line).
 */
export const truthJson = (corpus: Pick<Corpus, "options" | "people" | "truth">): string => {
  const records = new Map<
    string,
    Array<{ readonly file: string; readonly record: string; readonly skippable?: string }>
  >()
  for (const t of corpus.truth) {
    let list = records.get(t.person)
    if (list === undefined) {
      list = []
      records.set(t.person, list)
    }
    list.push({
      file: t.file,
      record: t.record,
      ...(t.skippable === undefined ? {} : { skippable: t.skippable }),
    })
  }
  const lines: Array<string> = [
    JSON.stringify({
      id: "me",
      name: `${OWNER.given} ${OWNER.family}`,
      self: true,
      records: records.get("me") ?? [],
    }),
  ]
  for (const p of corpus.people) {
    const mine = records.get(p.id)
    if (mine === undefined) continue
    lines.push(
      JSON.stringify({
        id: p.id,
        name: `${p.given} ${p.family}`,
        closeness: Math.round(p.closeness * 1e6) / 1e6,
        interactions: p.interactions.length,
        records: mine,
      }),
    )
  }
  const head = JSON.stringify({
    generator: "bench/src/generate.ts",
    seed: corpus.options.seed,
    n: corpus.options.n,
    now: (corpus.options.now ?? DEFAULT_NOW).toISOString(),
  })
  return `${head.slice(0, -1)},"people":[\n${lines.join(",\n")}\n]}\n`
}

/** What `writeCorpus` wrote. */
export interface CorpusSummary {
  readonly people: number
  readonly files: number
  readonly records: number
  readonly bytes: number
}

/**
 * Writes every file plus truth.json under `dir` (created if missing). Each source is written to
 * disk as soon as it is built and then dropped, so only one source's text is in memory at once.
 */
export const writeCorpus = async (dir: string, options: CorpusOptions): Promise<CorpusSummary> => {
  const people = generatePeople(options)
  const writer: WriterOptions = { seed: options.seed, now: options.now ?? DEFAULT_NOW }
  const truth: Array<TruthEntry> = []
  let files = 0
  let bytes = 0
  const save = async (path: string, content: string | Uint8Array) => {
    const target = join(dir, path)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, content)
    files++
    bytes += typeof content === "string" ? Buffer.byteLength(content) : content.length
  }
  for (const write of WRITERS) {
    const out = write(people, writer)
    for (const [path, content] of out.files) await save(path, content)
    for (const entry of out.truth) truth.push(entry)
  }
  await save("truth.json", truthJson({ options, people, truth }))
  return { people: people.length, files, records: truth.length, bytes }
}
