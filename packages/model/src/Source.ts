/**
 * The contract every source adapter implements, and the values it emits.
 *
 * An adapter looks at an input bundle (one file, a folder, or a zip's entries), claims the files
 * it can read by content, and reads them as a Stream of items. The stream streams: files (or, for
 * an archive adapter, exports) are read one at a time when the consumer pulls, and their items are
 * emitted as they are made, so a consumer that does not keep them (an embedding CRM writing each
 * record to its store) holds about one file's worth at a time. A bad record is an `Issue` item
 * (never thrown, never dropped); only a file that cannot be read at all fails the stream, before
 * any of that file's items.
 *
 * @since 0.1.0
 */
import { Result, Schema, Stream } from "effect"
import type { Interaction } from "./Interaction.ts"
import type { SourceRecord } from "./SourceRecord.ts"

/**
 * One file's bytes. `path` is the path as the user named it, or the entry path inside a zip
 * (`linkedin.zip/Connections.csv` style: the archive path, a slash, the entry path).
 *
 * @category models
 * @since 0.1.0
 */
export interface InputFile {
  readonly path: string
  readonly bytes: Uint8Array
}

/**
 * What one input path expanded to: a single file, every file below a folder, or every entry of
 * a zip. `origin` is the path the user named. Archive adapters (LinkedIn, Twitter) read a whole
 * bundle; file adapters read files one by one.
 *
 * @category models
 * @since 0.1.0
 */
export interface InputBundle {
  readonly origin: string
  readonly files: ReadonlyArray<InputFile>
}

/**
 * A user-supplied mapping for the generic CSV import: model field -> source column header.
 * Keys: `given`, `family`, `middle`, `prefix`, `suffix`, `nickname`, `formatted`, `email`, `phone`,
 * `company`, `title`, `department`, `url`, `birthday`, `notes`, `street`, `locality`, `region`,
 * `postalCode`, `country`, `twitter`, `linkedin`, `id` (a column whose value becomes the record
 * locator). Multi-valued keys (`email`, `phone`, `url`) accept several headers.
 *
 * @category models
 * @since 0.1.0
 */
export type ColumnMapping = Readonly<Record<string, string | ReadonlyArray<string>>>

/**
 * Options every adapter receives; each reads the ones it needs. `now` is always given: the library
 * never reads the clock (a caller reads it once, at its edge).
 *
 * @category models
 * @since 0.1.0
 */
export interface ReadOptions {
  /** ISO 3166 region for phone numbers written without a country code, e.g. "GB". */
  readonly region?: string
  /**
   * "Now": calendars expand recurrences up to it (later meetings are not interactions), CSVs read
   * two-digit years as at most its year.
   */
  readonly now: Date
  /** Column mapping for the generic CSV import. */
  readonly mapping?: ColumnMapping
  /** My own e-mail addresses (calendars: which attendee is me); inferred from the data when absent. */
  readonly me?: ReadonlyArray<string>
  /**
   * Largest record read (a vCard card, a CSV row, a calendar event, an item of a Twitter archive
   * file), counted in characters of its text (a byte per ASCII character): a bigger record is not
   * read, an issue names it with its line, and the rest of the file is read. Default
   * `defaultMaxRecordBytes`.
   */
  readonly maxRecordBytes?: number
}

/**
 * The default `maxRecordBytes`: far above any real card, row or event (a vCard with a large photo
 * included), low enough that one record never holds a large part of memory.
 *
 * @category constants
 * @since 0.2.0
 */
export const defaultMaxRecordBytes = 32 * 1024 ** 2

/**
 * The record limit of a read, and the reason an issue gives for a record over it.
 *
 * @category constants
 * @since 0.2.0
 */
export const recordLimit = (options: Pick<ReadOptions, "maxRecordBytes"> | undefined) => {
  const max = options?.maxRecordBytes ?? defaultMaxRecordBytes
  return {
    max,
    reason: (size: number, what: string) =>
      `${what} of ${size} characters is over the record limit of ${max} (maxRecordBytes): not read`,
  }
}

/**
 * A record that could not be read. `record` is the locator (`row:7`, `card:3`); `line` the
 * 1-based physical line in the file where the record starts, where known.
 *
 * @category models
 * @since 0.1.0
 */
export const RecordIssue = Schema.Struct({
  file: Schema.String,
  record: Schema.String,
  line: Schema.optionalKey(Schema.Int),
  reason: Schema.String,
})
export type RecordIssue = typeof RecordIssue.Type

/**
 * What an adapter's stream carries.
 * - `Record`: a contact as the source saw it.
 * - `Self`: the owner of the export ("me"), in the same shape; never becomes a contact.
 * - `Interaction`: something that happened between me and a counterpart record.
 * - `Issue`: a record that could not be read, with file, locator and reason.
 *
 * @category models
 * @since 0.1.0
 */
export type SourceItem =
  | { readonly _tag: "Record"; readonly record: SourceRecord }
  | { readonly _tag: "Self"; readonly record: SourceRecord }
  | { readonly _tag: "Interaction"; readonly interaction: Interaction }
  | { readonly _tag: "Issue"; readonly issue: RecordIssue }

/** @category constructors @since 0.1.0 */
export const recordItem = (record: SourceRecord): SourceItem => ({ _tag: "Record", record })
/** @category constructors @since 0.1.0 */
export const selfItem = (record: SourceRecord): SourceItem => ({ _tag: "Self", record })
/** @category constructors @since 0.1.0 */
export const interactionItem = (interaction: Interaction): SourceItem => ({
  _tag: "Interaction",
  interaction,
})
/** @category constructors @since 0.1.0 */
export const issueItem = (issue: RecordIssue): SourceItem => ({ _tag: "Issue", issue })

/*
 * Each reason says which file and why in `detail` (what messages show); `cause` keeps the
 * underlying error (an I/O error, a decoder's or parser's exception) where there is one.
 */

/** The file cannot be read at all (I/O failure, undecodable bytes, broken container). */
export class UnreadableFile extends Schema.TaggedError<UnreadableFile>()("UnreadableFile", {
  path: Schema.String,
  detail: Schema.String,
  cause: Schema.optional(Schema.Defect()),
}) {}

/** An archive was refused: zip bomb, path traversal, truncated or corrupt container. */
export class UnsafeArchive extends Schema.TaggedError<UnsafeArchive>()("UnsafeArchive", {
  path: Schema.String,
  detail: Schema.String,
  cause: Schema.optional(Schema.Defect()),
}) {}

/** No adapter recognises the file's content. */
export class UnknownFormat extends Schema.TaggedError<UnknownFormat>()("UnknownFormat", {
  path: Schema.String,
  detail: Schema.String,
  cause: Schema.optional(Schema.Defect()),
}) {}

/** The caller's options are wrong (a mapping that names no column, a bad region). */
export class InvalidOptions extends Schema.TaggedError<InvalidOptions>()("InvalidOptions", {
  path: Schema.String,
  detail: Schema.String,
  cause: Schema.optional(Schema.Defect()),
}) {}

/**
 * The one public error of reading a source: which adapter, and why.
 *
 * @category errors
 * @since 0.1.0
 */
export class SourceError extends Schema.TaggedError<SourceError>()("SourceError", {
  source: Schema.String,
  reason: Schema.Union([UnreadableFile, UnsafeArchive, UnknownFormat, InvalidOptions]),
}) {
  override get message(): string {
    return `${this.source}: ${this.reason.path}: ${this.reason.detail}`
  }
}

/**
 * A source adapter.
 * - `claim` returns the files of a bundle this adapter reads, decided by content (and name only as
 *   a hint). Archive adapters claim every file of their export; file adapters each file they parse.
 * - `read` reads claimed files as a stream of items, one unit at a time (see `readEach`): it
 *   must not read every file before emitting the first item.
 *
 * @category models
 * @since 0.1.0
 */
export interface SourceAdapter {
  readonly name: string
  readonly kind: "archive" | "file"
  readonly claim: (bundle: InputBundle) => ReadonlyArray<InputFile>
  readonly read: (
    files: ReadonlyArray<InputFile>,
    options: ReadOptions,
  ) => Stream.Stream<SourceItem, SourceError>
}

/**
 * What reading one unit gives (a file, or the files of one export): its items, or the SourceError
 * that makes the unit unreadable. The failure is decided before the first item is emitted, so a
 * unit that fails contributes no items.
 *
 * @category models
 * @since 0.2.0
 */
export type UnitRead = Result.Result<Iterable<SourceItem>, SourceError>

/**
 * The one way an adapter turns its units into a stream: each unit is read when the stream reaches
 * it, then its items are emitted in order, or its SourceError fails the stream.
 *
 * @category reading
 * @since 0.2.0
 */
export const readEach = <A>(
  units: Iterable<A>,
  read: (unit: A) => UnitRead,
): Stream.Stream<SourceItem, SourceError> =>
  Stream.fromIterable(units).pipe(
    Stream.flatMap((unit) =>
      Stream.suspend(() => {
        const result = read(unit)
        return Result.isSuccess(result) ? Stream.fromIterable(result.success) : Stream.fail(result.failure)
      }),
    ),
  )
