/**
 * Pieces every reader of an export shares: the adapter name, provenance and issue builders, and
 * loading a file into a table.
 */
import { Csv, Source, type SourceRecord, Text } from "@blackbook/model"
import { findHeader, type Limit, type Row, type Table, tableOf } from "./table.ts"

/** The adapter name, written into every provenance. */
export const sourceName = "linkedin"

/** Provenance of a row of a file. */
export const rowProvenance = (file: string, row: Row): SourceRecord.Provenance => ({
  source: sourceName,
  file,
  record: `row:${row.n}`,
})

/** An Issue item for a row that could not be read. */
export const rowIssue = (file: string, row: Row, reason: string): Source.SourceItem =>
  Source.issueItem({ file, record: `row:${row.n}`, line: row.line, reason })

/** The mutable, optional fields of a record under construction (see `SourceRecord.make`). */
export type RecordFields = {
  -readonly [K in keyof Omit<SourceRecord.SourceRecord, "provenance">]?: SourceRecord.SourceRecord[K]
}

/** What loading a file gave: its table, no rows at all, or no recognisable header. */
export type Loaded =
  | { readonly _tag: "Table"; readonly table: Table }
  | { readonly _tag: "Empty" }
  | { readonly _tag: "NoHeader"; readonly detail: string }

/** Decodes a file and finds its header by the required columns. */
export const load = (bytes: Uint8Array, required: ReadonlyArray<string>, limit?: Limit): Loaded => {
  const rows = Csv.parseRows(Text.decodeText(bytes).text, ",")
  if (rows.length === 0) return { _tag: "Empty" }
  const at = findHeader(rows, required)
  if (at < 0) {
    return {
      _tag: "NoHeader",
      detail: `no header with the columns ${required.join(", ")} in the first lines`,
    }
  }
  return { _tag: "Table", table: tableOf(rows, at, undefined, limit) }
}

/** An organisation from a company and a title cell, or `undefined` when both are empty. */
export const organization = (
  company: string | undefined,
  title: string | undefined,
): SourceRecord.Organization | undefined =>
  // One literal per shape, not spreads: V8 gives an object that starts with a spread a hidden class
  // of its own, one per connection.
  company === undefined
    ? title === undefined
      ? undefined
      : { title }
    : title === undefined
      ? { company }
      : { company, title }

/** A fatal "not this format" error for a file of the export. */
export const unknownFormat = (path: string, detail: string): Source.SourceError =>
  new Source.SourceError({ source: sourceName, reason: new Source.UnknownFormat({ path, detail }) })
