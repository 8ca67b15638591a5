/**
 * Expands what the user named (files, folders, zips) into input bundles for the adapters, safely:
 * zip entries with `..` or absolute paths, zip bombs (declared size or ratio beyond the limits) and
 * truncated or corrupt zips are refused with an `UnsafeArchive` error that names the archive; a
 * damaged entry, a file over the size limit, a device or a pipe is refused alone, with its reason,
 * and everything else is still read.
 * Files and folders are read through effect's `FileSystem` service: the caller provides it (the
 * Node layer of `@effect/platform-node-shared` on Node, another in a browser or a test).
 *
 * @since 0.1.0
 */
import * as path from "node:path"
import { Effect, FileSystem, type PlatformError } from "effect"
import * as Zip from "./internal/zip.ts"
import { type InputBundle, type InputFile, SourceError, UnreadableFile, UnsafeArchive } from "./Source.ts"

/** @category models @since 0.1.0 */
export interface ArchiveLimits {
  /** Sum of all extracted entries' sizes, in bytes. */
  readonly maxTotalBytes: number
  /** Largest single entry, in bytes. */
  readonly maxEntryBytes: number
  /**
   * Largest uncompressed/compressed ratio accepted, for every entry over `ratioFloorBytes` and for
   * the archive as a whole.
   */
  readonly maxRatio: number
  readonly maxEntries: number
  /**
   * Largest file (or zip entry) read at all, in bytes; a bigger one is refused with a reason. The
   * default keeps every decoded text below the longest string V8 can build.
   */
  readonly maxFileBytes?: number
}

/** @category constants @since 0.1.0 */
export const defaultLimits: ArchiveLimits = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntryBytes: 1024 ** 3,
  maxRatio: 200,
  maxEntries: 200_000,
}

/**
 * The default `maxFileBytes`: a little under V8's longest string (2^29 - 24 UTF-16 units), so that
 * no reader's decoded text can pass it.
 *
 * @category constants
 * @since 0.2.0
 */
export const defaultMaxFileBytes = 500 * 1024 ** 2

/** Entries smaller than this cannot expand to much each: the ratio check starts above it. */
const ratioFloorBytes = 64 * 1024

/** Entries no adapter reads (media in Twitter and LinkedIn archives): skipped without inflating them. */
const skippedExtension = /\.(jpe?g|png|gif|webp|heic|mp4|mov|m4a|mp3|wav|pdf|woff2?|ttf|ico|svg|mkv|avi)$/i
const hiddenEntry = /(^|\/)(__MACOSX|\.DS_Store|\.git)(\/|$)/

const unsafe = (archive: string, detail: string, cause?: unknown) =>
  new SourceError({
    source: "input",
    reason: new UnsafeArchive(
      cause === undefined ? { path: archive, detail } : { path: archive, detail, cause },
    ),
  })

/**
 * An I/O failure. The detail is the system's own message (the error under the FileSystem's, where
 * there is one), the FileSystem's error the cause.
 */
const unreadable = (file: string, cause: unknown) => {
  const under = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause
  return new SourceError({
    source: "input",
    reason: new UnreadableFile({
      path: file,
      detail: under instanceof Error ? under.message : String(under),
      cause,
    }),
  })
}

const refused = (file: string, detail: string) =>
  new SourceError({ source: "input", reason: new UnreadableFile({ path: file, detail }) })

const maxFileBytesOf = (limits: ArchiveLimits): number => limits.maxFileBytes ?? defaultMaxFileBytes

const tooBig = (file: string, size: number, limit: number) =>
  refused(file, `${size} bytes, over the ${limit}-byte limit for one file`)

/** An entry name is safe when it stays inside the archive: relative, no `..` segment, no drive letter. */
const isSafeEntryName = (name: string): boolean => {
  if (name.startsWith("/") || name.startsWith("\\") || /^[a-zA-Z]:/.test(name)) return false
  return !name.split(/[\\/]/).some((segment) => segment === "..")
}

const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)

/**
 * What a zip gave: its readable entries, and one failure per entry that could not be read (cut,
 * damaged, lying about its size, too big).
 *
 * @category models
 * @since 0.2.0
 */
export interface Unzipped {
  readonly files: ReadonlyArray<InputFile>
  readonly failures: ReadonlyArray<SourceError>
}

const ratio = (size: number, compressed: number) => Math.round(size / Math.max(compressed, 1))

/**
 * Extracts a zip held in memory, keeping every entry apart (two entries with one name are both
 * read, the second named `name (2)`). The whole archive is refused (`UnsafeArchive`) when it is no
 * zip, when an entry would land outside it, or when it looks like a bomb: too many entries, an
 * entry or the whole expanding past the ratio limit, sizes past the limits, all checked against
 * the central directory before anything is inflated. An entry that is damaged (CRC), cut, or
 * inflates to another size than it declares fails alone.
 *
 * @category archives
 * @since 0.2.0
 */
export const unzipAll = (
  archive: string,
  bytes: Uint8Array,
  limits: ArchiveLimits = defaultLimits,
): Effect.Effect<Unzipped, SourceError> =>
  Effect.suspend(() => {
    const listing = Zip.listEntries(bytes)
    if (listing._tag === "Broken")
      return Effect.fail(unsafe(archive, `truncated or corrupt zip (${listing.reason})`))
    const maxEntry = Math.min(limits.maxEntryBytes, maxFileBytesOf(limits))
    const wanted: Zip.ZipEntry[] = []
    let total = 0
    let compressed = 0
    for (const entry of listing.entries) {
      if (!isSafeEntryName(entry.name))
        return Effect.fail(
          unsafe(archive, `entry "${entry.name}" would be written outside the archive folder`),
        )
      if (entry.name.endsWith("/") || hiddenEntry.test(entry.name) || skippedExtension.test(entry.name))
        continue
      if (wanted.length >= limits.maxEntries)
        return Effect.fail(unsafe(archive, `more than ${limits.maxEntries} entries`))
      if (entry.size > maxEntry)
        return Effect.fail(
          unsafe(archive, `entry "${entry.name}" declares ${entry.size} bytes (limit ${maxEntry})`),
        )
      if (entry.size > ratioFloorBytes && ratio(entry.size, entry.compressedSize) > limits.maxRatio)
        return Effect.fail(
          unsafe(
            archive,
            `entry "${entry.name}" expands ${ratio(entry.size, entry.compressedSize)}x (limit ${limits.maxRatio}x): a zip bomb`,
          ),
        )
      total += entry.size
      compressed += entry.compressedSize
      if (total > limits.maxTotalBytes)
        return Effect.fail(
          unsafe(archive, `entries expand to more than ${limits.maxTotalBytes} bytes: a zip bomb`),
        )
      wanted.push(entry)
    }
    if (total > ratioFloorBytes && ratio(total, compressed) > limits.maxRatio)
      return Effect.fail(
        unsafe(
          archive,
          `entries expand ${ratio(total, compressed)}x together (limit ${limits.maxRatio}x): a zip bomb`,
        ),
      )
    // by name, as before; entries of one name stay in archive order
    const ordered = wanted
      .map((entry, order) => ({ entry, order }))
      .sort((a, b) =>
        a.entry.name < b.entry.name ? -1 : a.entry.name > b.entry.name ? 1 : a.order - b.order,
      )
    const files: InputFile[] = []
    const failures: SourceError[] = []
    const seen = new Map<string, number>()
    for (const { entry } of ordered) {
      const n = (seen.get(entry.name) ?? 0) + 1
      seen.set(entry.name, n)
      const name = n === 1 ? entry.name : `${entry.name} (${n})`
      const extracted = Zip.extractEntry(bytes, entry)
      if (extracted._tag === "Broken") failures.push(unsafe(archive, extracted.reason))
      else files.push({ path: `${archive}/${name}`, bytes: extracted.bytes })
    }
    return Effect.succeed({ files, failures })
  })

/**
 * `unzipAll`, failing with the first entry that cannot be read.
 *
 * @category archives
 * @since 0.1.0
 */
export const unzip = (
  archive: string,
  bytes: Uint8Array,
  limits: ArchiveLimits = defaultLimits,
): Effect.Effect<ReadonlyArray<InputFile>, SourceError> =>
  Effect.flatMap(unzipAll(archive, bytes, limits), ({ files, failures }) =>
    failures.length > 0 ? Effect.fail(failures[0]!) : Effect.succeed(files),
  )

/**
 * What one path gave: its bundles, a failure for each file below it that could not be read (the
 * rest is still read), and the files skipped because an earlier input already gave them.
 *
 * @category models
 * @since 0.2.0
 */
export interface Expansion {
  readonly bundles: ReadonlyArray<InputBundle>
  readonly failures: ReadonlyArray<SourceError>
  readonly duplicates: ReadonlyArray<string>
}

/** @category models @since 0.2.0 */
export interface ExpandOptions {
  readonly limits?: ArchiveLimits
  /**
   * Real paths of the files already read, shared across the inputs of one run: a file named twice
   * (directly and inside a folder, or through a link) is read once. Filled as files are read.
   */
  readonly seen?: Set<string>
}

const kindOf = (type: FileSystem.File.Type): string =>
  type === "CharacterDevice" || type === "BlockDevice"
    ? "a device"
    : type === "FIFO"
      ? "a named pipe"
      : type === "Socket"
        ? "a socket"
        : "not a regular file"

/** Devices and pipes can be endless or block until someone writes: they are refused, never opened. */
const notRegular = (file: string, type: FileSystem.File.Type) =>
  refused(file, `${kindOf(type)}, not a regular file: save its content to a file and name that`)

interface Walked {
  readonly files: Array<string>
  readonly failures: Array<SourceError>
}

/**
 * Every file below `dir`, by name at each level; hidden entries and media are left out. Symbolic
 * links are followed (a folder reached twice, a link loop, is walked once); anything that is not a
 * regular file or folder is a failure with its reason.
 */
const walk = (
  fs: FileSystem.FileSystem,
  dir: string,
  out: Walked,
  visited: Set<string>,
): Effect.Effect<Walked, PlatformError.PlatformError> =>
  Effect.gen(function* () {
    visited.add(yield* fs.realPath(dir))
    const entries = [...(yield* fs.readDirectoryEntries(dir))]
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "__MACOSX" || entry.name === "node_modules") continue
      const full = path.join(dir, entry.name)
      let type = entry.type
      if (type === "SymbolicLink") {
        const target = yield* Effect.result(fs.stat(full))
        if (target._tag === "Failure") {
          out.failures.push(unreadable(full, target.failure))
          continue
        }
        type = target.success.type
      }
      // Into one array: a spread passes each path as an argument, too many for the stack in a big folder.
      if (type === "Directory") {
        const real = yield* fs.realPath(full)
        if (!visited.has(real)) yield* walk(fs, full, out, visited)
      } else if (type === "File") {
        if (!skippedExtension.test(entry.name)) out.files.push(full)
      } else out.failures.push(notRegular(full, type))
    }
    return out
  })

/** Reads a regular file, refusing one over the size limit before reading it. */
const readBytes = (fs: FileSystem.FileSystem, file: string, limits: ArchiveLimits) =>
  Effect.gen(function* () {
    const stat = yield* fs.stat(file)
    const limit = maxFileBytesOf(limits)
    if (stat.type !== "File") return yield* Effect.fail(notRegular(file, stat.type))
    if (Number(stat.size) > limit) return yield* Effect.fail(tooBig(file, Number(stat.size), limit))
    const bytes = new Uint8Array(yield* fs.readFile(file))
    // the file may have grown since stat
    if (bytes.length > limit) return yield* Effect.fail(tooBig(file, bytes.length, limit))
    return bytes
  }).pipe(Effect.mapError((cause) => (cause instanceof SourceError ? cause : unreadable(file, cause))))

/** True when the file was not read before in this run; remembers it. */
const firstTime = (fs: FileSystem.FileSystem, file: string, seen: Set<string> | undefined) =>
  seen === undefined
    ? Effect.succeed(true)
    : fs.realPath(file).pipe(
        Effect.map((real) => {
          if (seen.has(real)) return false
          seen.add(real)
          return true
        }),
        Effect.orElseSucceed(() => true),
      )

/**
 * Expands one path the user named, reading everything it can: a file (a zip becomes its entries),
 * or a folder (every file below it; zips inside are expanded as bundles of their own and returned
 * after it). A file below a folder or an entry of a zip that cannot be read is a failure in the
 * result, beside what could be read. Fails only when the path itself cannot be read (missing, a
 * device or pipe, too big, a refused zip). Reads through the `FileSystem` the caller provides.
 *
 * @category inputs
 * @since 0.2.0
 */
export const expandAll = (
  input: string,
  options: ExpandOptions = {},
): Effect.Effect<Expansion, SourceError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const limits = options.limits ?? defaultLimits
    const fs = yield* FileSystem.FileSystem
    const stat = yield* fs.stat(input).pipe(Effect.mapError((cause) => unreadable(input, cause)))
    const duplicates: string[] = []
    if (stat.type === "Directory") {
      const walked = yield* walk(fs, input, { files: [], failures: [] }, new Set()).pipe(
        Effect.mapError((cause) => unreadable(input, cause)),
      )
      const failures = walked.failures
      const files: InputFile[] = []
      const nested: InputBundle[] = []
      for (const p of walked.files) {
        if (!(yield* firstTime(fs, p, options.seen))) {
          duplicates.push(p)
          continue
        }
        const bytes = yield* Effect.result(readBytes(fs, p, limits))
        if (bytes._tag === "Failure") {
          failures.push(bytes.failure)
          continue
        }
        if (!isZip(bytes.success)) {
          files.push({ path: p, bytes: bytes.success })
          continue
        }
        const unzipped = yield* Effect.result(unzipAll(p, bytes.success, limits))
        if (unzipped._tag === "Failure") failures.push(unzipped.failure)
        else {
          nested.push({ origin: p, files: unzipped.success.files })
          for (const failure of unzipped.success.failures) failures.push(failure)
        }
      }
      return { bundles: [{ origin: input, files }, ...nested], failures, duplicates }
    }
    if (!(yield* firstTime(fs, input, options.seen)))
      return { bundles: [], failures: [], duplicates: [input] }
    const bytes = yield* readBytes(fs, input, limits)
    if (!isZip(bytes))
      return { bundles: [{ origin: input, files: [{ path: input, bytes }] }], failures: [], duplicates }
    const unzipped = yield* unzipAll(input, bytes, limits)
    return { bundles: [{ origin: input, files: unzipped.files }], failures: unzipped.failures, duplicates }
  })

/**
 * `expandAll`, failing with the first file that cannot be read.
 *
 * @category inputs
 * @since 0.1.0
 */
export const expand = (
  input: string,
  limits: ArchiveLimits = defaultLimits,
): Effect.Effect<ReadonlyArray<InputBundle>, SourceError, FileSystem.FileSystem> =>
  Effect.flatMap(expandAll(input, { limits }), ({ bundles, failures }) =>
    failures.length > 0 ? Effect.fail(failures[0]!) : Effect.succeed(bundles),
  )

/**
 * Wraps bytes the caller already holds (an upload in a CRM) as an expansion: a zip becomes its
 * entries, an entry that cannot be read a failure beside them. Fails when the bytes are over the
 * size limit or the zip is refused.
 *
 * @category inputs
 * @since 0.2.0
 */
export const fromBytesAll = (
  name: string,
  bytes: Uint8Array,
  limits: ArchiveLimits = defaultLimits,
): Effect.Effect<Expansion, SourceError> => {
  if (!isZip(bytes))
    return bytes.length > maxFileBytesOf(limits)
      ? Effect.fail(tooBig(name, bytes.length, maxFileBytesOf(limits)))
      : Effect.succeed({
          bundles: [{ origin: name, files: [{ path: name, bytes }] }],
          failures: [],
          duplicates: [],
        })
  return Effect.map(unzipAll(name, bytes, limits), ({ files, failures }) => ({
    bundles: [{ origin: name, files }],
    failures,
    duplicates: [],
  }))
}

/**
 * Wraps bytes the caller already holds (an upload in a CRM) as a bundle; zips are expanded.
 *
 * @category inputs
 * @since 0.1.0
 */
export const fromBytes = (
  name: string,
  bytes: Uint8Array,
  limits: ArchiveLimits = defaultLimits,
): Effect.Effect<InputBundle, SourceError> =>
  Effect.flatMap(fromBytesAll(name, bytes, limits), ({ bundles, failures }) =>
    failures.length > 0 ? Effect.fail(failures[0]!) : Effect.succeed(bundles[0]!),
  )
