/**
 * The contacts CSV adapter: Outlook (desktop in English, German, French, Spanish, Italian;
 * Outlook.com; Google's "Outlook CSV"), Google (legacy and 2020+), Thunderbird, and any other CSV
 * through the generic synonyms or a user's column mapping.
 *
 * Provenance `source` is the layout read (`outlook-csv`, `google-csv`, `thunderbird-csv`, `csv`);
 * the adapter's name is `contacts-csv`. Records are located as `row:N`, N the 1-based data row.
 *
 * @since 0.1.0
 */
import { Csv, Source, Text } from "@blackbook/model"
import { Result, type Stream } from "effect"
import { inferOrder } from "./internal/dates.ts"
import { headerlessThunderbird, thunderbirdPlan } from "./internal/headerless.ts"
import { linkedInMarkers } from "./internal/headers.ts"
import {
  findHeader,
  headerScanRows,
  keyOf,
  type LayoutId,
  type Plan,
  planFromRoles,
} from "./internal/layout.ts"
import { roleOf } from "./internal/mappingRoles.ts"
import { readRow } from "./internal/record.ts"
import type { Role } from "./internal/roles.ts"
import { type ValidMapping, validateMapping } from "./Mapping.ts"

const adapterName = "contacts-csv"

const failure = (
  reason: Source.UnreadableFile | Source.UnknownFormat | Source.InvalidOptions,
): Source.SourceError => new Source.SourceError({ source: adapterName, reason })

/** What the first lines of a file look like to this adapter. */
export interface Detection {
  readonly layout: LayoutId
  /** Provenance `source` for records of this layout. */
  readonly source: string
  readonly delimiter: Csv.Delimiter
  /** 1-based physical line of the header row. */
  readonly headerLine: number
}

const decode = (bytes: Uint8Array, encoding: string | undefined): string => {
  if (!encoding) return Text.decodeText(bytes).text
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? 3
      : (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
        ? 2
        : 0
  return Text.decodeCharset(bytes.subarray(bom), encoding)
}

const firstLine = (text: string): string => {
  for (const line of text.split(/\r\n|\n|\r/, 8)) if (line.trim()) return line.trim()
  return ""
}

const delimiters: ReadonlyArray<Csv.Delimiter> = [",", ";", "\t"]

/**
 * The delimiter under which the first rows hold a header, with those rows: the sniffed delimiter
 * first, then the others (a title line above the header fools the sniffer).
 */
const locate = <H>(
  text: string,
  find: (rows: ReadonlyArray<Csv.CsvRow>) => H | undefined,
  fixed?: Csv.Delimiter,
): { readonly delimiter: Csv.Delimiter; readonly rows: ReadonlyArray<Csv.CsvRow>; readonly found?: H } => {
  const head = text.slice(0, 65536)
  const sniffed = fixed ?? Csv.sniffDelimiter(head)
  for (const delimiter of fixed ? [fixed] : [sniffed, ...delimiters.filter((d) => d !== sniffed)]) {
    const rows = Csv.parseRows(head, delimiter, headerScanRows)
    const found = find(rows)
    if (found !== undefined) return { delimiter, rows, found }
  }
  return { delimiter: sniffed, rows: Csv.parseRows(head, sniffed, headerScanRows) }
}

/**
 * Sniffs a file's first bytes: the contacts layout of its header row, or undefined when no row
 * near the top is a contacts header.
 *
 * @category detection
 * @since 0.1.0
 */
export const detect = (bytes: Uint8Array): Detection | undefined => {
  const text = Text.head(bytes, 32768)
  const { delimiter, rows, found } = locate(text, findHeader)
  if (!found) {
    return headerlessThunderbird(text)
      ? { layout: "thunderbird", source: thunderbirdPlan.source, delimiter, headerLine: 0 }
      : undefined
  }
  return {
    layout: found.plan.layout,
    source: found.plan.source,
    delimiter,
    headerLine: rows[found.row]!.line,
  }
}

const hasRole = (plan: Plan, test: (r: Role) => boolean) => plan.columns.some((c) => test(c.role))

/**
 * True when a file's first lines are a contacts header this adapter reads without a mapping: a
 * known layout with an e-mail or phone column, or a generic CSV with a name or company and an
 * e-mail or phone. LinkedIn's files (the `Notes:` preamble, `Connected On`, ...) are left to
 * the LinkedIn adapter.
 *
 * @category detection
 * @since 0.1.0
 */
export const isContactsCsv = (bytes: Uint8Array): boolean => {
  const text = Text.head(bytes, 32768)
  if (/^notes:?$/i.test(firstLine(text))) return false
  const { rows, found } = locate(text, findHeader)
  if (!found) return headerlessThunderbird(text) !== undefined
  const header = new Set(rows[found.row]!.fields.map(keyOf))
  if (linkedInMarkers.some((m) => header.has(m))) return false
  const { plan } = found
  const reachable = hasRole(plan, (r) => r.kind === "email" || r.kind === "phone")
  if (plan.layout !== "generic") return reachable
  const named = hasRole(
    plan,
    (r) =>
      (r.kind === "name" && r.part !== "prefix" && r.part !== "suffix") ||
      (r.kind === "org" && r.part === "company"),
  )
  return reachable && named
}

/** The mapped roles per header index, or the headers the mapping names that the file lacks. */
const mappedRoles = (
  header: ReadonlyArray<string>,
  mapping: ValidMapping,
): { roles: Map<number, Role[]>; missing: string[] } => {
  const index = Csv.headerIndex(header)
  const roles = new Map<number, Role[]>()
  const missing: string[] = []
  for (const [field, headers] of mapping.fields) {
    for (const h of headers) {
      const i = index.get(h.trim().toLowerCase())
      if (i === undefined) {
        missing.push(h)
        continue
      }
      roles.set(i, [...(roles.get(i) ?? []), roleOf(field)])
    }
  }
  return { roles, missing }
}

/** The header row for a mapping: the first row holding every mapped header. */
const mappingHeader = (
  rows: ReadonlyArray<Csv.CsvRow>,
  mapping: ValidMapping,
): Result.Result<{ row: number; plan: Plan }, string> => {
  let fewest: string[] | undefined
  for (let i = 0; i < Math.min(rows.length, headerScanRows); i++) {
    const { roles, missing } = mappedRoles(rows[i]!.fields, mapping)
    if (missing.length === 0)
      return Result.succeed({ row: i, plan: planFromRoles(rows[i]!.fields, roles, mapping.dateOrder) })
    if (!fewest || missing.length < fewest.length) fewest = missing
  }
  const names = (fewest ?? mapping.fields.flatMap(([, h]) => h)).map((h) => `"${h}"`).join(", ")
  return Result.fail(`the mapping names columns this file does not have: ${names}`)
}

function* datesIn(
  rows: ReadonlyArray<Csv.CsvRow>,
  columns: ReadonlyArray<{ readonly index: number }>,
): Generator<string> {
  for (const r of rows) for (const c of columns) yield r.fields[c.index] ?? ""
}

/** A known contacts export that names none of the mapping's headers. */
const isOtherExport = (text: string, mapping: ValidMapping): boolean => {
  const { rows, found } = locate(text, findHeader)
  if (!found) return false
  const header = new Set(rows[found.row]!.fields.map((f) => f.trim().toLowerCase()))
  return !mapping.fields.some(([, hs]) => hs.some((h) => header.has(h.trim().toLowerCase())))
}

const resultValue = <A>(r: Result.Result<A, string>): A | undefined =>
  Result.isSuccess(r) ? r.success : undefined

/** Splits into at least `min` parts by a delimiter other than the file's: a row written with another separator. */
const otherDelimiter = (field: string, delimiter: Csv.Delimiter, min: number): string | undefined => {
  for (const d of [",", ";", "\t"] as const) {
    if (d !== delimiter && field.split(d).length >= min) return d
  }
  return undefined
}

const delimiterName = (d: string) => (d === "\t" ? "TAB" : `"${d}"`)

/** Why a row cannot be read as a record: broken quoting, too many fields, another delimiter. */
const rowProblem = (row: Csv.CsvRow, width: number, delimiter: Csv.Delimiter): string | undefined => {
  const f = row.fields
  if (row.malformed) return `malformed quoting: ${row.malformed}`
  // fewer fields is fine (exporters drop trailing empty cells); more is a shifted row
  if (f.length > width && f.slice(width).some((v) => v.trim())) {
    return `row has ${f.length} fields but the header has ${width}`
  }
  if (f.length === 1 && width >= 3) {
    const other = otherDelimiter(f[0]!, delimiter, 3)
    if (other) return `row is separated by ${delimiterName(other)}, the header by ${delimiterName(delimiter)}`
  }
  return undefined
}

/**
 * Reads one file into items. A file without a contacts header (or without the mapped headers)
 * is a SourceError; every bad row is an Issue item and reading goes on.
 *
 * With `options.mapping`, a file holding every mapped header is read with the mapping. With
 * `mappingFor: "matching"` (what ContactsCsvSource does, since a merge passes one mapping to
 * every file) a known contacts export that names none of the mapped headers is read by its own
 * layout instead; otherwise a missing mapped header is InvalidOptions.
 *
 * @category reading
 * @since 0.1.0
 */
export const readFile = (
  file: Source.InputFile,
  options: Source.ReadOptions,
  mappingFor: "all" | "matching" = "all",
): Result.Result<ReadonlyArray<Source.SourceItem>, Source.SourceError> =>
  Result.map(readUnit(file, options, mappingFor), (items) => Array.from(items))

/** `readFile` as the adapter reads it: the failure first, then the items one row at a time. */
const readUnit = (
  file: Source.InputFile,
  options: Source.ReadOptions,
  mappingFor: "all" | "matching",
): Source.UnitRead => {
  let mapping: ValidMapping | undefined
  if (options.mapping) {
    const checked = validateMapping(options.mapping)
    if (Result.isFailure(checked)) {
      return Result.fail(failure(new Source.InvalidOptions({ path: file.path, ...checked.failure })))
    }
    mapping = checked.success
  }
  let text: string
  try {
    text = decode(file.bytes, mapping?.encoding)
  } catch (e) {
    return Result.fail(failure(new Source.UnreadableFile({ path: file.path, detail: String(e), cause: e })))
  }
  let located: { readonly delimiter: Csv.Delimiter; readonly found?: { row: number; plan: Plan } }
  if (mapping) {
    const valid = mapping
    const tried = locate(text, (rows) => resultValue(mappingHeader(rows, valid)), mapping.delimiter)
    if (!tried.found) {
      if (mappingFor === "matching" && isOtherExport(text, valid)) {
        // an Outlook/Google/Thunderbird file beside the mapped CSV: read it by its own layout
        const { mapping: _mapping, ...layoutOnly } = options
        return readUnit(file, layoutOnly, "all")
      }
      const why = mappingHeader(tried.rows, valid)
      const detail = Result.isFailure(why) ? why.failure : "no header row"
      return Result.fail(failure(new Source.InvalidOptions({ path: file.path, detail })))
    }
    located = tried
  } else {
    located = locate(text, findHeader)
  }
  const header = located.found
  const positional = header ? undefined : headerlessThunderbird(text)
  if (positional) return Result.succeed(readHeaderless(file.path, positional, options))
  if (!header) {
    return Result.fail(
      failure(
        new Source.UnknownFormat({
          path: file.path,
          detail: `no contacts header (Outlook, Google, Thunderbird or named columns) in the first ${headerScanRows} rows`,
        }),
      ),
    )
  }
  // the rows up to the header parse the same from the whole text as from its head
  const delimiter = located.delimiter
  const rows = Csv.parseRows(text, delimiter)

  const { plan } = header
  const width = rows[header.row]!.fields.length
  const data = rows.slice(header.row + 1)
  // a file's dates are in one locale: let its unambiguous dates settle the ambiguous ones
  const dateColumns = plan.columns.filter(
    (c) => c.role.kind === "birthday" || (c.role.kind === "extra" && c.role.date),
  )
  const dateOrder =
    dateColumns.length === 0 ? plan.dateOrder : inferOrder(datesIn(data, dateColumns), plan.dateOrder)
  const ctx = { file: file.path, dateOrder, pivot: options.now.getFullYear() % 100 }
  return Result.succeed(rowItems(data, plan, width, delimiter, ctx, Source.recordLimit(options)))
}

/** One item per data row: its record, or an Issue when the row cannot be read; blank rows give none. */
function* rowItems(
  data: ReadonlyArray<Csv.CsvRow>,
  plan: Plan,
  width: number,
  delimiter: Csv.Delimiter,
  ctx: Parameters<typeof readRow>[3],
  limit: ReturnType<typeof Source.recordLimit>,
): Generator<Source.SourceItem> {
  const issue = (n: number, line: number, reason: string) =>
    Source.issueItem({ file: ctx.file, record: `row:${n}`, line, reason })
  for (let i = 0; i < data.length; i++) {
    const row = data[i]!
    const n = i + 1
    const size = Csv.rowSize(row)
    const reason = size > limit.max ? limit.reason(size, "row") : rowProblem(row, width, delimiter)
    if (reason) {
      yield issue(n, row.line, reason)
      continue
    }
    const outcome = readRow(plan, row.fields, `row:${n}`, ctx)
    if (outcome._tag === "Record") yield Source.recordItem(outcome.record)
    else if (outcome._tag === "Empty")
      yield issue(n, row.line, "empty contact row: no name, e-mail, phone or company")
  }
}

/** Reads a header-less Thunderbird export in Thunderbird's column order (see internal/headerless.ts). */
function* readHeaderless(
  file: string,
  rows: ReadonlyArray<Csv.CsvRow>,
  options: Source.ReadOptions,
): Generator<Source.SourceItem> {
  const ctx = {
    file,
    dateOrder: thunderbirdPlan.dateOrder,
    pivot: options.now.getFullYear() % 100,
  }
  const note = { name: "note", value: "no header row: columns read in Thunderbird's order" }
  const limit = Source.recordLimit(options)
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    const size = Csv.rowSize(row)
    if (size > limit.max) {
      yield Source.issueItem({
        file,
        record: `row:${i + 1}`,
        line: row.line,
        reason: limit.reason(size, "row"),
      })
      continue
    }
    const outcome = readRow(thunderbirdPlan, row.fields, `row:${i + 1}`, ctx)
    if (outcome._tag === "Blank") continue
    yield outcome._tag === "Record"
      ? Source.recordItem({ ...outcome.record, extra: [...outcome.record.extra, note] })
      : Source.issueItem({
          file,
          record: `row:${i + 1}`,
          line: row.line,
          reason: "empty contact row: no name, e-mail, phone or company",
        })
  }
}

const readAll = (
  files: ReadonlyArray<Source.InputFile>,
  options: Source.ReadOptions,
  mappingFor: "all" | "matching" = "all",
) => Source.readEach(files, (file) => readUnit(file, options, mappingFor))

/**
 * The contacts CSV adapter. Claims files whose first lines are a contacts header (by content);
 * reads with `options.mapping` the files that have the mapped headers (see `readFile`).
 *
 * @category adapters
 * @since 0.1.0
 */
export const ContactsCsvSource: Source.SourceAdapter = {
  name: adapterName,
  kind: "file",
  claim: (bundle) => bundle.files.filter((f) => isContactsCsv(f.bytes)),
  read: (files, options) => readAll(files, options, "matching"),
}

/**
 * Reads CSV files with a column mapping: the mapped columns become fields, every other column
 * stays in `extra`. Fails with InvalidOptions when a file lacks a mapped header.
 *
 * @category reading
 * @since 0.1.0
 */
export const readWithMapping = (
  files: ReadonlyArray<Source.InputFile>,
  mapping: Source.ColumnMapping,
  options: Source.ReadOptions,
): Stream.Stream<Source.SourceItem, Source.SourceError> => readAll(files, { ...options, mapping })

/** True when the first row splits into several fields: some CSV. */
const looksTabular = (bytes: Uint8Array): boolean => {
  const text = Text.head(bytes, 8192)
  return (Csv.parseRows(text, Csv.sniffDelimiter(text), 1)[0]?.fields.length ?? 0) >= 2
}

/** True when some of the first rows names one of the mapping's headers. */
const mentionsMapping = (bytes: Uint8Array, mapping: ValidMapping): boolean => {
  const text = mapping.encoding ? decode(bytes.subarray(0, 32768), mapping.encoding) : Text.head(bytes, 32768)
  const wanted = new Set(mapping.fields.flatMap(([, hs]) => hs.map((h) => h.trim().toLowerCase())))
  const mentions = (rows: ReadonlyArray<Csv.CsvRow>) =>
    rows.some((r) => r.fields.some((f) => wanted.has(f.trim().toLowerCase()))) || undefined
  return locate(text, mentions, mapping.delimiter).found === true
}

/**
 * The adapter for CSVs from any other tool, with a column mapping: it claims every CSV whose
 * first rows name a mapped column (a file that lacks some mapped header then fails with
 * InvalidOptions naming them), and reads with the mapping. An invalid mapping claims nothing.
 *
 * @category adapters
 * @since 0.1.0
 */
export const GenericCsvSource = (mapping: Source.ColumnMapping): Source.SourceAdapter => {
  const checked = validateMapping(mapping)
  return {
    name: adapterName,
    kind: "file",
    // with a broken mapping, claim the CSVs anyway so reading reports InvalidOptions
    claim: (bundle) =>
      bundle.files.filter((f) =>
        Result.isSuccess(checked) ? mentionsMapping(f.bytes, checked.success) : looksTabular(f.bytes),
      ),
    read: (files, options) => readAll(files, { ...options, mapping }),
  }
}
