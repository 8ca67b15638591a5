/**
 * A lenient CSV reader that knows where every row starts.
 *
 * Why not fast-csv for reading: it aborts the whole file at the first malformed quote (a LinkedIn
 * export re-saved by a spreadsheet has them) and reports no line numbers, and Blackbook must name
 * the line of a bad record and go on. fast-csv is still what writes CSV (see the contacts-csv
 * adapter's writer).
 *
 * @since 0.1.0
 */

/** @category models @since 0.1.0 */
export interface CsvRow {
  readonly fields: ReadonlyArray<string>
  /** 1-based physical line on which the row starts. */
  readonly line: number
  /** Set when the row's quoting was broken; the fields are a best-effort reading. */
  readonly malformed?: string
}

/** @category models @since 0.1.0 */
export type Delimiter = "," | ";" | "\t"

const candidates: ReadonlyArray<Delimiter> = [",", ";", "\t"]

// Character codes the tokenizer looks for.
const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/**
 * Picks the delimiter that splits the first lines most consistently (same non-trivial count on
 * every sampled line), ignoring delimiters inside quotes.
 *
 * @category parsing
 * @since 0.1.0
 */
export const sniffDelimiter = (text: string): Delimiter => {
  const lines = text
    .slice(0, 16384)
    .split(/\r\n|\n|\r/)
    .slice(0, 12)
    .filter((l) => l.length > 0)
  let best: Delimiter = ","
  let bestScore = -1
  for (const d of candidates) {
    const counts = lines.map((l) => countOutsideQuotes(l, d))
    const first = counts[0] ?? 0
    if (first === 0) continue
    const consistent = counts.filter((c) => c === first).length
    const score = consistent * 1000 + first
    if (score > bestScore) {
      bestScore = score
      best = d
    }
  }
  return best
}

const countOutsideQuotes = (line: string, d: string): number => {
  let inQuotes = false
  let n = 0
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '"') inQuotes = !inQuotes
    else if (c === d && !inQuotes) n++
  }
  return n
}

/**
 * Splits CSV text into rows (RFC 4180 quoting, CRLF/LF/CR line ends, quoted newlines). Never
 * throws: a stray quote inside an unquoted field is kept as text, and a quoted field left open
 * at the end of the file ends the row with `malformed` set. Blank lines are skipped but counted.
 *
 * @category parsing
 * @since 0.1.0
 */
export const parseRows = (
  text: string,
  delimiter: Delimiter = ",",
  limit = Number.POSITIVE_INFINITY,
): CsvRow[] => {
  const rows: CsvRow[] = []
  const n = text.length
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  while (i < n && rows.length < limit) {
    const startLine = line
    const fields: string[] = []
    let malformed: string | undefined
    let endOfRow = false
    while (!endOfRow) {
      let value = ""
      if (text[i] === '"') {
        // quoted field: "" is a quote; the field ends at a quote followed by delimiter or line end
        const fieldStart = i
        const fieldLine = line
        i++
        let closed = false
        // The value is cut out of the text in runs between doubled quotes (most fields are one
        // run): built a character at a time, a long field was a chain of a string node per
        // character until something read it whole (docs/architecture.md).
        let run = i
        while (i < n) {
          const c = text.charCodeAt(i)
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              // The run and one of the two quotes.
              value += text.slice(run, i + 1)
              i += 2
              run = i
              continue
            }
            value += text.slice(run, i)
            closed = true
            i++
            break
          }
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++
          i++
        }
        if (!closed) {
          // an unclosed quote would swallow the rest of the file: read just its line as text instead
          malformed = `a quoted field opened on line ${fieldLine} is never closed`
          line = fieldLine
          i = fieldStart + 1
          const start = i
          while (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") i++
          value = text.slice(start, i)
        }
        // text after the closing quote up to the delimiter is kept (spreadsheet re-quoting)
        while (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
          malformed ??= `text after a closing quote on line ${line}`
          value += text[i]
          i++
        }
      } else {
        const start = i
        while (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") i++
        value = text.slice(start, i)
      }
      fields.push(value)
      if (i >= n) {
        endOfRow = true
      } else if (text[i] === delimiter) {
        i++
      } else {
        // line end
        if (text[i] === "\r" && text[i + 1] === "\n") i += 2
        else i++
        line++
        endOfRow = true
      }
    }
    const blank = fields.length === 1 && fields[0] === ""
    if (!blank) rows.push(malformed ? { fields, line: startLine, malformed } : { fields, line: startLine })
  }
  return rows
}

/**
 * A row's size in characters of text: its fields and the delimiters between them (quotes not
 * counted), for the record limit (`Source.ReadOptions.maxRecordBytes`).
 *
 * @category parsing
 * @since 0.2.0
 */
export const rowSize = (row: CsvRow): number =>
  row.fields.reduce((n, f) => n + f.length, Math.max(0, row.fields.length - 1))

/**
 * A header-keyed view over rows: maps a header name (trimmed, case-insensitive) to its column.
 *
 * @category parsing
 * @since 0.1.0
 */
export const headerIndex = (header: ReadonlyArray<string>): ReadonlyMap<string, number> => {
  const index = new Map<string, number>()
  header.forEach((h, i) => {
    const key = h.trim().toLowerCase()
    if (key && !index.has(key)) index.set(key, i)
  })
  return index
}
