/**
 * The whole job: expand inputs, let each adapter claim what it reads, read everything, resolve
 * into a book. Adapters run in a fixed order: archive adapters (LinkedIn, Twitter) claim their
 * export first, then file adapters claim single files by content.
 *
 * @since 0.1.0
 */
import { Input, RecordIdentity, Source, SourceRecord } from "@blackbook/model"
import { type InvalidOption, Ranking } from "@blackbook/priority"
import { Book, type Resolve, type Settings, Steps } from "@blackbook/resolve"
import { Clock, Effect, type FileSystem, Result, Schema, Stream } from "effect"
import { forOptions } from "./Adapters.ts"

/** A file or zip held in memory (an upload in a CRM), named as it should appear in provenance. */
export interface BytesInput {
  readonly name: string
  readonly bytes: Uint8Array
}

/** What to merge: paths (files, folders, zips) or bytes. */
export type MergeInput = string | BytesInput

/**
 * Progress of a merge, for a progress line: the stage, and how far it is (`done` of `total`, in
 * the stage's unit). It comes at least every `progressInterval` of work: while reading, between two
 * items of a file as well as between files; while resolving, in each of resolution's stages
 * (`Steps.Stage`: profiles, blocking, comparing, training, scoring, clustering, contacts), which
 * come between a `resolving` at 0 and one at the end. Ranking reports its start and end.
 */
export interface Progress {
  readonly stage: "reading" | "resolving" | Steps.Stage | "ranking"
  readonly done: number
  readonly total: number
  /**
   * files while reading; records while resolving and reading profiles; record visits while
   * blocking; pairs while comparing, training, scoring and clustering; contacts while merging
   * clusters into contacts and ranking
   */
  readonly unit: "files" | "records" | "visits" | "pairs" | "contacts"
  /** Reading: bytes of the files read so far, and of all files. */
  readonly bytes?: number
  readonly bytesTotal?: number
  /** Reading: items (records, interactions, issues) read so far, and the file being read. */
  readonly items?: number
  readonly current?: string
}

/** The longest `onProgress` waits while there is news, in milliseconds (several times a second). */
export const progressInterval = 100

/** The unit of each stage of resolution's `done` and `total`. */
const unitOf: Record<Steps.Stage, Progress["unit"]> = {
  profiles: "records",
  blocking: "visits",
  comparing: "pairs",
  training: "pairs",
  scoring: "pairs",
  clustering: "pairs",
  contacts: "contacts",
}

/** @category models @since 0.1.0 */
export interface MergeOptions extends Omit<Source.ReadOptions, "now"> {
  /** "Now" for the adapters, the book and the ranking; read from effect's `Clock` when absent. */
  readonly now?: Date
  /** My own e-mail addresses, handles or profile URLs: never contacts. */
  readonly me?: ReadonlyArray<string>
  /** Adapters to use, in claim order; defaults to every built-in adapter. */
  readonly adapters?: ReadonlyArray<Source.SourceAdapter>
  readonly limits?: Input.ArchiveLimits
  readonly onProgress?: (progress: Progress) => void
  /**
   * Never-merge / always-merge decisions by record identity (or record key as the book writes
   * it), honoured by clustering; one naming no record fails the merge (`constraintsByKey`).
   */
  readonly constraints?: Resolve.Constraints
  /**
   * Resolution settings (comparisons, blocking, thresholds, priors, the engine's constants);
   * default `Settings.defaults`. `Settings.fromJson` reads the JSON `Settings.toJson` writes.
   */
  readonly settings?: Settings.Settings
  /** Ranking: half-life in days (default 90), per-contact cadences and the other `Ranking.RankOptions`. */
  readonly ranking?: Omit<Ranking.RankOptions, "now">
  /** A full garbage collection, for a big import (see `Book.BookOptions.collectGarbage`). */
  readonly collectGarbage?: () => void
  /** The fewest records it is called for (default `Book.collectGarbageFrom`). */
  readonly collectGarbageFrom?: number
}

/** One input the user named, and what became of it. */
export interface InputReport {
  readonly input: string
  /** adapter name -> number of files it read */
  readonly claimed: Readonly<Record<string, number>>
  /** files inside a folder or zip that no adapter recognised (not an error) */
  readonly skipped: ReadonlyArray<string>
  /** files an earlier input already gave (the same file named twice, or linked): read once */
  readonly duplicates?: ReadonlyArray<string>
}

/** An input (or a file inside one) that could not be read at all. */
export interface InputFailure {
  readonly input: string
  readonly error: Source.SourceError
}

/** @category models @since 0.1.0 */
export interface ReadResult {
  readonly items: ReadonlyArray<Source.SourceItem>
  readonly inputs: ReadonlyArray<InputReport>
  readonly failures: ReadonlyArray<InputFailure>
}

/** @category models @since 0.1.0 */
export interface MergeResult extends ReadResult {
  readonly book: Book.Book
  /** Every contact ranked by priority, highest first, with tier and reason. */
  readonly ranking: ReadonlyArray<Ranking.Ranked>
}

/** Nothing usable was given: no inputs at all. */
export class NoInputs extends Schema.TaggedError<NoInputs>()("NoInputs", { detail: Schema.String }) {}

/**
 * A merge decision (`constraints`) names no record of the inputs.
 *
 * @category errors
 * @since 0.6.0
 */
export class UnknownRecord extends Schema.TaggedError<UnknownRecord>()("UnknownRecord", {
  reference: Schema.String,
  detail: Schema.String,
}) {}

/**
 * Decisions by record identity (`RecordIdentity.of`: the same whatever the path an export was
 * read from) or by a record key as the book writes it (`match.records`, a review's `records`;
 * or its `file#record` part),
 * turned into the record keys the resolver takes. A reference naming no record of the items
 * fails with `UnknownRecord`.
 *
 * @category merging
 * @since 0.6.0
 */
export const constraintsByKey = (
  items: ReadonlyArray<Source.SourceItem>,
  constraints: Resolve.Constraints,
): Result.Result<Resolve.Constraints, UnknownRecord> => {
  const contacts: Array<SourceRecord.SourceRecord> = []
  const selves: Array<SourceRecord.SourceRecord> = []
  for (const item of items)
    if (item._tag === "Record") contacts.push(item.record)
    else if (item._tag === "Self") selves.push(item.record)
  const keyOf = new Map<string, string>()
  for (const r of [...contacts, ...selves]) {
    const k = SourceRecord.key(r.provenance)
    keyOf.set(k, k)
    keyOf.set(`${r.provenance.file}#${r.provenance.record}`, k)
  }
  // Identities win over keys: the same assignment as the store's (`me|` for the owner's records).
  RecordIdentity.assign(contacts).forEach((identity, i) => {
    keyOf.set(identity, SourceRecord.key(contacts[i]!.provenance))
  })
  RecordIdentity.assign(selves).forEach((identity, i) => {
    keyOf.set(`me|${identity}`, SourceRecord.key(selves[i]!.provenance))
  })
  let unknown: string | undefined
  const key = (reference: string): string => {
    const k = keyOf.get(reference.trim())
    if (k === undefined) unknown ??= reference
    return k ?? reference
  }
  const never = (constraints.never ?? []).map(([a, b]) => [key(a), key(b)] as const)
  const always = (constraints.always ?? []).map((group) => group.map(key))
  if (unknown !== undefined)
    return Result.fail(
      new UnknownRecord({
        reference: unknown,
        detail: `constraints: no record has the key ${JSON.stringify(unknown)} (use a record identity, or a record key as the book writes it)`,
      }),
    )
  return Result.succeed({
    ...(constraints.never !== undefined ? { never } : {}),
    ...(constraints.always !== undefined ? { always } : {}),
  })
}

interface Job {
  readonly adapter: Source.SourceAdapter
  readonly files: ReadonlyArray<Source.InputFile>
  readonly input: string
}

/** Calls `onProgress` when `progressInterval` has passed since the last call (or at once, for `now`). */
const throttled = (onProgress: ((progress: Progress) => void) | undefined) => {
  let last = -Infinity
  const now = (progress: Progress) => {
    last = performance.now()
    onProgress?.(progress)
  }
  return {
    now,
    maybe: (progress: () => Progress) => {
      if (onProgress !== undefined && performance.now() - last >= progressInterval) now(progress())
    },
  }
}

const inputName = (input: MergeInput): string => (typeof input === "string" ? input : input.name)

const expandOne = (input: MergeInput, limits: Input.ArchiveLimits | undefined, seen: Set<string>) =>
  typeof input === "string"
    ? Input.expandAll(input, { ...(limits ? { limits } : {}), seen })
    : Input.fromBytesAll(input.name, input.bytes, limits)

/** Splits a bundle among adapters: archive adapters claim first, then file adapters file by file. */
const assign = (
  bundle: Source.InputBundle,
  adapters: ReadonlyArray<Source.SourceAdapter>,
  input: string,
): { jobs: Job[]; skipped: string[] } => {
  const jobs: Job[] = []
  let remaining = bundle.files
  for (const adapter of adapters.filter((a) => a.kind === "archive")) {
    const claimed = new Set(adapter.claim({ origin: bundle.origin, files: remaining }))
    if (claimed.size === 0) continue
    jobs.push({ adapter, files: remaining.filter((f) => claimed.has(f)), input })
    remaining = remaining.filter((f) => !claimed.has(f))
  }
  const skipped: string[] = []
  const fileAdapters = adapters.filter((a) => a.kind === "file")
  for (const file of remaining) {
    const adapter = fileAdapters.find((a) => a.claim({ origin: bundle.origin, files: [file] }).length > 0)
    if (adapter) jobs.push({ adapter, files: [file], input })
    else skipped.push(file.path)
  }
  return { jobs, skipped }
}

/**
 * Reads every input with the adapters and returns all items. A file that cannot be read at all is a
 * failure in the result (the rest is still read); a path named directly whose content no adapter
 * recognises is such a failure too. Paths are read through the `FileSystem` the caller provides
 * (bytes need none, but the type asks for it).
 *
 * @category reading
 * @since 0.1.0
 */
export const read = (
  inputs: ReadonlyArray<MergeInput>,
  options: MergeOptions = {},
): Effect.Effect<ReadResult, NoInputs, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    if (inputs.length === 0) return yield* new NoInputs({ detail: "no input paths were given" })
    // one "now" for every adapter (calendars expand up to it), from the Clock when not given
    const readOptions: Source.ReadOptions = {
      ...options,
      now: options.now ?? new Date(yield* Clock.currentTimeMillis),
    }
    const adapters = options.adapters ?? forOptions(options)
    const failures: InputFailure[] = []
    const reports: InputReport[] = []
    const jobs: Job[] = []
    const seen = new Set<string>()
    for (const input of inputs) {
      const name = inputName(input)
      const expansion = yield* Effect.result(expandOne(input, options.limits, seen))
      if (expansion._tag === "Failure") {
        failures.push({ input: name, error: expansion.failure })
        continue
      }
      // a bad neighbour in a folder is a failure of its own; the rest of the folder is read
      for (const error of expansion.success.failures) failures.push({ input: name, error })
      const expanded = { success: expansion.success.bundles }
      const claimed: Record<string, number> = {}
      const skipped: string[] = []
      for (const bundle of expanded.success) {
        const assigned = assign(bundle, adapters, name)
        for (const job of assigned.jobs)
          claimed[job.adapter.name] = (claimed[job.adapter.name] ?? 0) + job.files.length
        // One by one: a spread passes each as an argument, too many for the stack in a big folder.
        for (const job of assigned.jobs) jobs.push(job)
        for (const file of assigned.skipped) skipped.push(file)
      }
      const namedFile = expanded.success.length === 1 && expanded.success[0]!.files[0]?.path === name
      if (namedFile && skipped.length === 1) {
        failures.push({
          input: name,
          error: new Source.SourceError({
            source: "input",
            reason: new Source.UnknownFormat({
              path: name,
              detail:
                "no adapter recognises this content (expected vCard, contacts CSV, .ics, LinkedIn or Twitter export)",
            }),
          }),
        })
        continue
      }
      const { duplicates } = expansion.success
      reports.push(
        duplicates.length > 0
          ? { input: name, claimed, skipped, duplicates }
          : { input: name, claimed, skipped },
      )
    }
    const filesTotal = jobs.reduce((n, j) => n + j.files.length, 0)
    const bytesOf = (job: Job) => job.files.reduce((n, f) => n + f.bytes.length, 0)
    const bytesTotal = jobs.reduce((n, j) => n + bytesOf(j), 0)
    const items: Source.SourceItem[] = []
    let filesRead = 0
    let bytesRead = 0
    const report = throttled(options.onProgress)
    const progress = (current: string): Progress => ({
      stage: "reading",
      done: filesRead,
      total: filesTotal,
      unit: "files",
      bytes: bytesRead,
      bytesTotal,
      items: items.length,
      current,
    })
    if (jobs.length > 0) report.now(progress(jobs[0]!.files[0]?.path ?? jobs[0]!.input))
    for (const job of jobs) {
      const current = job.files[0]?.path ?? job.input
      const outcome = yield* Effect.result(
        Stream.runForEach(job.adapter.read(job.files, readOptions), (item) =>
          Effect.sync(() => {
            items.push(item)
            report.maybe(() => progress(current))
          }),
        ),
      )
      if (outcome._tag === "Failure") failures.push({ input: job.input, error: outcome.failure })
      filesRead += job.files.length
      bytesRead += bytesOf(job)
      if (filesRead === filesTotal) report.now(progress(current))
      else report.maybe(() => progress(current))
    }
    return { items, inputs: reports, failures }
  })

/**
 * Reads, resolves and ranks: every person once, each source's copy kept, and who matters now.
 * Fails with NoInputs when nothing was given, with UnknownRecord when a decision names no record,
 * and with InvalidOption when a ranking option is wrong.
 *
 * @category merging
 * @since 0.1.0
 */
export const merge = (
  inputs: ReadonlyArray<MergeInput>,
  options: MergeOptions = {},
): Effect.Effect<
  MergeResult,
  NoInputs | UnknownRecord | InvalidOption.InvalidOption,
  FileSystem.FileSystem
> =>
  Effect.gen(function* () {
    const now = options.now ?? new Date(yield* Clock.currentTimeMillis)
    const result = yield* read(inputs, { ...options, now })
    const constraints =
      options.constraints === undefined
        ? undefined
        : yield* Effect.fromResult(constraintsByKey(result.items, options.constraints))
    const records = result.items.length
    options.onProgress?.({ stage: "resolving", done: 0, total: records, unit: "records" })
    // In steps, the event loop running between them: a server embedding a big merge keeps answering.
    const book = yield* Steps.run(
      Book.buildSteps(result.items, {
        now,
        ...(options.me ? { me: options.me } : {}),
        ...(options.region ? { region: options.region } : {}),
        ...(constraints ? { constraints } : {}),
        ...(options.settings ? { settings: options.settings } : {}),
        ...(options.collectGarbage ? { collectGarbage: options.collectGarbage } : {}),
        ...(options.collectGarbageFrom !== undefined
          ? { collectGarbageFrom: options.collectGarbageFrom }
          : {}),
      }),
      {
        reportEvery: progressInterval,
        ...(options.onProgress
          ? { onStep: (step: Steps.Step) => options.onProgress?.({ ...step, unit: unitOf[step.stage] }) }
          : {}),
      },
    )
    options.onProgress?.({ stage: "resolving", done: records, total: records, unit: "records" })
    // A turn for the event loop between resolution and ranking (ranking is not cut into steps yet).
    yield* Effect.yieldNow
    const contacts = book.contacts.length
    options.onProgress?.({ stage: "ranking", done: 0, total: contacts, unit: "contacts" })
    const ranking = yield* Effect.fromResult(Ranking.rank(book, { ...options.ranking, now }))
    options.onProgress?.({ stage: "ranking", done: contacts, total: contacts, unit: "contacts" })
    return { ...result, book, ranking }
  })
