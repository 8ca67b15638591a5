/**
 * Connections.csv in every vintage: 2016-17 (9 columns, CRLF), 2018 (6 columns, e-mails), 2021
 * (header row removed by a spreadsheet), 2024+ (`Notes:` preamble, URL column) and 2026 (no
 * preamble, `6-Feb-26` dates). One Record per row, `row:N`.
 */
import { Csv, Source, SourceRecord, Text } from "@blackbook/model"
import { Result } from "effect"
import { organization, type RecordFields, rowIssue, rowProvenance, unknownFormat } from "./common.ts"
import { hasTime, isoDate, parseDate } from "./dates.ts"
import { connections2018Columns, connectionsRequired, looksHeaderless, preambleLength } from "./files.ts"
import { fromParts } from "./names.ts"
import {
  cell,
  extras,
  findHeader,
  type Limit,
  type Row,
  shapeProblem,
  type Table,
  tableOf,
  text,
} from "./table.ts"
import { canonicalUrl, isEmail, isMemberUrn, labeledHandles, labeledUrls, linkedinHandle } from "./values.ts"

const mapped: ReadonlySet<string> = new Set([
  "first name",
  "last name",
  "url",
  "email address",
  "company",
  "position",
  "connected on",
  "address",
  "websites",
  "instant messengers",
])

/** The note kept in `extra` of every row of a header-less file. */
export const headerlessNote = `Connections.csv had no header row; columns read in the 2018 order (${connections2018Columns.join(", ")})`

/** Finds the table of a Connections.csv: below its header, or header-less in the 2018 order. */
export const connectionsTable = (
  rows: ReadonlyArray<Csv.CsvRow>,
  limit?: Limit,
): Table | "empty" | undefined => {
  const skip = preambleLength(rows)
  if (rows.length <= skip) return "empty"
  const at = findHeader(rows, connectionsRequired)
  if (at >= 0) return tableOf(rows, at, undefined, limit)
  if (looksHeaderless(rows, skip)) return tableOf(rows, skip, connections2018Columns, limit)
  return undefined
}

const readRow = (file: string, table: Table, row: Row): Source.SourceItem => {
  const problem = shapeProblem(table, row)
  if (problem !== undefined) return rowIssue(file, row, problem)
  const first = cell(table, row, "first name") ?? ""
  const last = cell(table, row, "last name") ?? ""
  const rawUrl = text(table, row, "url")
  const rawEmail = text(table, row, "email address")
  const company = text(table, row, "company")
  const position = text(table, row, "position")
  const connected = text(table, row, "connected on")
  const url = rawUrl === undefined ? undefined : canonicalUrl(rawUrl)
  const email = rawEmail !== undefined && isEmail(rawEmail) ? rawEmail : undefined
  const urn = rawEmail !== undefined && isMemberUrn(rawEmail) ? rawEmail : undefined

  if (
    first.trim() === "" &&
    last.trim() === "" &&
    url === undefined &&
    email === undefined &&
    urn === undefined
  ) {
    const what = connected === undefined ? "" : ` (connected on ${connected})`
    return rowIssue(file, row, `no name, profile URL or e-mail: a hidden or closed profile${what}`)
  }

  const extra: Array<SourceRecord.ExtraField> = []
  if (table.assumed) extra.push({ name: "note", value: headerlessNote })
  const fields: RecordFields = { name: fromParts(first, last) }

  if (url !== undefined) {
    fields.urls = [{ value: url, types: ["linkedin"] }]
    const handle = linkedinHandle(url)
    if (handle) fields.handles = [handle]
  } else if (rawUrl !== undefined) {
    extra.push({ name: "URL", value: rawUrl })
  }

  if (email !== undefined) fields.emails = [{ value: email, types: [] }]
  else if (urn !== undefined) extra.push({ name: "LinkedIn Member URN", value: urn })
  else if (rawEmail !== undefined) extra.push({ name: "Email Address", value: rawEmail })

  const org = organization(company, position)
  if (org) fields.organizations = [org]

  if (connected !== undefined) {
    const parts = parseDate(connected)
    const day = parts === undefined ? undefined : isoDate(parts)
    if (day !== undefined) fields.connectedOn = day
    // the time of day (2016-18 exports) is not modelled; a date we cannot read stays as written
    if (day === undefined || (parts !== undefined && hasTime(parts))) {
      extra.push({ name: "Connected On", value: connected })
    }
  }

  // 2016-17 columns
  const address = text(table, row, "address")
  if (address !== undefined) fields.addresses = [{ types: [], formatted: address }]
  const sites = labeledUrls(text(table, row, "websites"))
  if (sites.length > 0) fields.urls = [...(fields.urls ?? []), ...sites]
  const ims = labeledHandles(text(table, row, "instant messengers"))
  if (ims.length > 0) fields.handles = [...(fields.handles ?? []), ...ims]

  extra.push(...extras(table, row, mapped))
  if (extra.length > 0) fields.extra = extra
  return Source.recordItem(SourceRecord.make(rowProvenance(file, row), fields))
}

/** Reads one Connections.csv; fails only when the file is not one in any vintage. */
export const readConnections = (
  path: string,
  bytes: Uint8Array,
  limit?: Limit,
): Result.Result<ReadonlyArray<Source.SourceItem>, Source.SourceError> => {
  const rows = Csv.parseRows(Text.decodeText(bytes).text, ",")
  if (rows.length === 0) return Result.succeed([])
  const table = connectionsTable(rows, limit)
  if (table === "empty") return Result.succeed([])
  if (table === undefined) {
    return Result.fail(
      unknownFormat(
        path,
        "not a LinkedIn Connections.csv: no First Name / Last Name / Connected On header and no header-less data row",
      ),
    )
  }
  return Result.succeed(table.rows.map((row) => readRow(path, table, row)))
}
