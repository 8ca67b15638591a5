/**
 * A LinkedIn CSV as a header-keyed table. The header line is found by content (the current
 * Connections.csv opens with a `Notes:` preamble, older ones and every other file do not), rows
 * are numbered from 1 after the header, and cells are looked up by header name, never position.
 */
import { Csv } from "@blackbook/model"

/** One data row: `n` is the 1-based data row (the `row:N` locator), `line` where it starts. */
export interface Row {
  readonly n: number
  readonly line: number
  readonly fields: ReadonlyArray<string>
  readonly malformed?: string
  /** Set when the row is over the record limit: it is reported, not read. */
  readonly oversize?: string
}

/** The record limit a table is read with (see `Source.recordLimit`). */
export type Limit = { readonly max: number; readonly reason: (size: number, what: string) => string }

/** A parsed file: its columns by lower-case name, and its data rows. */
export interface Table {
  readonly columns: ReadonlyArray<string>
  readonly index: ReadonlyMap<string, number>
  readonly rows: ReadonlyArray<Row>
  /** Set when the file had no header row and `columns` were assumed. */
  readonly assumed?: boolean
}

/** How far into a file the header may sit (preamble lines are few). */
const headerScan = 8

/** Lower-cased, trimmed header names; quoted or not, LinkedIn's headers differ only in case. */
const keyOf = (h: string): string => h.trim().toLowerCase()

/** True when a row holds every required column name. */
export const hasColumns = (fields: ReadonlyArray<string>, required: ReadonlyArray<string>): boolean => {
  const names = new Set(fields.map(keyOf))
  return required.every((r) => names.has(r))
}

/**
 * A spreadsheet can wrap a whole line in quotes, so the row reads as one field holding the real
 * row; such a field is read again as a row.
 */
export const unwrap = (
  fields: ReadonlyArray<string>,
): { fields: ReadonlyArray<string>; unwrapped: boolean } => {
  const only = fields[0]
  if (fields.length === 1 && only !== undefined && only.includes(",")) {
    const inner = Csv.parseRows(only, ",", 1)[0]
    if (inner && inner.fields.length > 1) return { fields: inner.fields, unwrapped: true }
  }
  return { fields, unwrapped: false }
}

/** Index of the header row among the first rows, if any holds the required columns. */
export const findHeader = (rows: ReadonlyArray<Csv.CsvRow>, required: ReadonlyArray<string>): number => {
  const end = Math.min(rows.length, headerScan)
  for (let i = 0; i < end; i++) {
    if (hasColumns(unwrap(rows[i]!.fields).fields, required)) return i
  }
  return -1
}

/** The table below a header row found at `headerAt` (or from the first row, with assumed columns). */
export const tableOf = (
  rows: ReadonlyArray<Csv.CsvRow>,
  headerAt: number,
  assumedColumns?: ReadonlyArray<string>,
  limit?: Limit,
): Table => {
  const columns = assumedColumns ?? unwrap(rows[headerAt]!.fields).fields.map((h) => h.trim())
  const width = columns.length
  const data: Row[] = []
  const start = assumedColumns ? headerAt : headerAt + 1
  for (let i = start; i < rows.length; i++) {
    const row = rows[i]!
    const { fields } = width > 1 ? unwrap(row.fields) : row
    const n = i - start + 1
    const size = limit === undefined ? 0 : Csv.rowSize(row)
    if (limit !== undefined && size > limit.max) {
      // reported by every reader that checks a row's shape (the profile's own rows are still read)
      data.push({ n, line: row.line, fields, oversize: limit.reason(size, "row") })
      continue
    }
    data.push(
      row.malformed === undefined
        ? { n, line: row.line, fields }
        : { n, line: row.line, fields, malformed: row.malformed },
    )
  }
  const index = new Map<string, number>()
  columns.forEach((c, i) => {
    const k = keyOf(c)
    if (k !== "" && !index.has(k)) index.set(k, i)
  })
  return assumedColumns ? { columns, index, rows: data, assumed: true } : { columns, index, rows: data }
}

/** The raw cell under a column, or `undefined` when the file has no such column or the row stops short. */
export const cell = (table: Table, row: Row, column: string): string | undefined => {
  const i = table.index.get(column)
  return i === undefined ? undefined : row.fields[i]
}

/** The trimmed cell, `undefined` when empty. */
export const text = (table: Table, row: Row, column: string): string | undefined => {
  const v = cell(table, row, column)?.trim()
  return v === undefined || v === "" ? undefined : v
}

/**
 * Why a row cannot be mapped onto the header, or `undefined` when it can: more non-empty cells
 * than columns (shifted), or broken quoting that changed the number of cells.
 */
export const shapeProblem = (table: Table, row: Row): string | undefined => {
  if (row.oversize !== undefined) return row.oversize
  const width = table.columns.length
  if (row.fields.length > width && row.fields.slice(width).some((f) => f.trim() !== "")) {
    const broken = row.malformed ? ` (${row.malformed})` : ""
    return `row has ${row.fields.length} cells but the header has ${width} columns${broken}`
  }
  if (row.malformed !== undefined && row.fields.length !== width) {
    return `broken quoting: ${row.malformed}; ${row.fields.length} cells for ${width} columns`
  }
  return undefined
}

/**
 * Columns of the table that a reader did not map, as `extra` fields kept verbatim (non-empty
 * cells only), under the source's own header name.
 */
export const extras = (
  table: Table,
  row: Row,
  mapped: ReadonlySet<string>,
): ReadonlyArray<{ name: string; value: string }> => {
  const out: Array<{ name: string; value: string }> = []
  table.columns.forEach((name, i) => {
    const value = row.fields[i]
    if (value !== undefined && value.trim() !== "" && !mapped.has(keyOf(name))) out.push({ name, value })
  })
  return out
}
