/**
 * Expands what the user named (files, folders, zips) into input bundles for the adapters, safely:
 * zip entries with `..` or absolute paths, zip bombs (declared size or ratio beyond the limits) and
 * truncated or corrupt zips are refused with an `UnsafeArchive` error that names the archive.
 * Files and folders are read through effect's `FileSystem` service: the caller provides it (the
 * Node layer of `@effect/platform-node-shared` on Node, another in a browser or a test).
 *
 * @since 0.1.0
 */
import * as path from "node:path"
import { Effect, FileSystem, type PlatformError } from "effect"
import { unzipSync } from "fflate"
import { type InputBundle, type InputFile, SourceError, UnreadableFile, UnsafeArchive } from "./Source.ts"

/** @category models @since 0.1.0 */
export interface ArchiveLimits {
  /** Sum of all extracted entries' sizes, in bytes. */
  readonly maxTotalBytes: number
  /** Largest single entry, in bytes. */
  readonly maxEntryBytes: number
  /** Largest uncompressed/compressed ratio accepted for entries over 1 MiB. */
  readonly maxRatio: number
  readonly maxEntries: number
}

/** @category constants @since 0.1.0 */
export const defaultLimits: ArchiveLimits = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntryBytes: 1024 ** 3,
  maxRatio: 200,
  maxEntries: 200_000,
}

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

/** An entry name is safe when it stays inside the archive: relative, no `..` segment, no drive letter. */
const isSafeEntryName = (name: string): boolean => {
  if (name.startsWith("/") || name.startsWith("\\") || /^[a-zA-Z]:/.test(name)) return false
  return !name.split(/[\\/]/).some((segment) => segment === "..")
}

const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)

/**
 * Extracts a zip held in memory. Sizes are checked against the central directory before anything is
 * inflated, and fflate inflates each entry into a buffer of its declared size, so an entry that
 * lies about its size cannot grow past it.
 *
 * @category archives
 * @since 0.1.0
 */
export const unzip = (
  archive: string,
  bytes: Uint8Array,
  limits: ArchiveLimits = defaultLimits,
): Effect.Effect<ReadonlyArray<InputFile>, SourceError> =>
  Effect.suspend(() => {
    let total = 0
    let entries = 0
    let refusal: string | undefined
    let extracted: Record<string, Uint8Array>
    try {
      extracted = unzipSync(bytes, {
        filter: (entry) => {
          if (refusal) return false
          entries++
          if (!isSafeEntryName(entry.name)) {
            refusal = `entry "${entry.name}" would be written outside the archive folder`
            return false
          }
          if (entry.name.endsWith("/") || hiddenEntry.test(entry.name) || skippedExtension.test(entry.name)) {
            return false
          }
          if (entries > limits.maxEntries) refusal = `more than ${limits.maxEntries} entries`
          else if (entry.originalSize > limits.maxEntryBytes)
            refusal = `entry "${entry.name}" declares ${entry.originalSize} bytes (limit ${limits.maxEntryBytes})`
          else if (
            entry.originalSize > 1024 ** 2 &&
            entry.originalSize / Math.max(entry.size, 1) > limits.maxRatio
          )
            refusal = `entry "${entry.name}" expands ${Math.round(entry.originalSize / Math.max(entry.size, 1))}x (limit ${limits.maxRatio}x): a zip bomb`
          total += entry.originalSize
          if (!refusal && total > limits.maxTotalBytes)
            refusal = `entries expand to more than ${limits.maxTotalBytes} bytes: a zip bomb`
          return !refusal
        },
      })
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause)
      return Effect.fail(unsafe(archive, `truncated or corrupt zip (${detail})`, cause))
    }
    if (refusal) return Effect.fail(unsafe(archive, refusal))
    const files = Object.keys(extracted)
      .sort()
      .map((name) => ({ path: `${archive}/${name}`, bytes: extracted[name]! }))
    return Effect.succeed(files)
  })

/** Every file below `dir`, by name at each level; hidden entries, media and symbolic links are left out. */
const walk = (
  fs: FileSystem.FileSystem,
  dir: string,
  out: Array<string>,
): Effect.Effect<Array<string>, PlatformError.PlatformError> =>
  Effect.gen(function* () {
    const entries = [...(yield* fs.readDirectoryEntries(dir))]
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "__MACOSX" || entry.name === "node_modules") continue
      const full = path.join(dir, entry.name)
      // Into one array: a spread passes each path as an argument, too many for the stack in a big folder.
      if (entry.type === "Directory") yield* walk(fs, full, out)
      else if (entry.type === "File" && !skippedExtension.test(entry.name)) out.push(full)
    }
    return out
  })

const readBytes = (fs: FileSystem.FileSystem, file: string) =>
  fs.readFile(file).pipe(
    Effect.map((bytes) => new Uint8Array(bytes)),
    Effect.mapError((cause) => unreadable(file, cause)),
  )

/**
 * Expands one path the user named: a file (a zip becomes its entries), or a folder (every file
 * below it; zips inside are expanded as bundles of their own and returned after it). Reads
 * through the `FileSystem` the caller provides.
 *
 * @category inputs
 * @since 0.1.0
 */
export const expand = (
  input: string,
  limits: ArchiveLimits = defaultLimits,
): Effect.Effect<ReadonlyArray<InputBundle>, SourceError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const stat = yield* fs.stat(input).pipe(Effect.mapError((cause) => unreadable(input, cause)))
    if (stat.type === "Directory") {
      const paths = yield* walk(fs, input, []).pipe(Effect.mapError((cause) => unreadable(input, cause)))
      const files: InputFile[] = []
      const nested: InputBundle[] = []
      for (const p of paths) {
        const bytes = yield* readBytes(fs, p)
        if (isZip(bytes)) nested.push({ origin: p, files: yield* unzip(p, bytes, limits) })
        else files.push({ path: p, bytes })
      }
      return [{ origin: input, files }, ...nested]
    }
    const bytes = yield* readBytes(fs, input)
    if (isZip(bytes)) return [{ origin: input, files: yield* unzip(input, bytes, limits) }]
    return [{ origin: input, files: [{ path: input, bytes }] }]
  })

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
  isZip(bytes)
    ? Effect.map(unzip(name, bytes, limits), (files) => ({ origin: name, files }))
    : Effect.succeed({ origin: name, files: [{ path: name, bytes }] })
