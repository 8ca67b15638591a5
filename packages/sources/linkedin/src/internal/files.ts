/**
 * The files of a LinkedIn export this adapter reads, recognised by name (a hint: LinkedIn renamed
 * several over the years) and confirmed by their header line.
 */
import { Csv, Text } from "@blackbook/model"
import { parseDate } from "./dates.ts"
import { findHeader, unwrap } from "./table.ts"

/** The kinds of file read from an export. */
export type Kind =
  | "connections"
  | "messages"
  | "invitations"
  | "profile"
  | "emails"
  | "phones"
  | "whatsapp"
  | "imported"
  | "positions"

interface Spec {
  readonly kind: Kind
  /** Lower-case file names across vintages. */
  readonly names: ReadonlyArray<string>
  /** Lower-case header names every vintage of the file has. */
  readonly required: ReadonlyArray<string>
}

/** The columns every Connections.csv header has, in every vintage that has a header. */
export const connectionsRequired: ReadonlyArray<string> = ["first name", "last name", "connected on"]

/** Every file kind with its names and the columns that identify its header. */
export const specs: ReadonlyArray<Spec> = [
  { kind: "connections", names: ["connections.csv"], required: connectionsRequired },
  { kind: "messages", names: ["messages.csv"], required: ["from", "to", "date", "content"] },
  { kind: "invitations", names: ["invitations.csv"], required: ["from", "to", "sent at", "direction"] },
  { kind: "profile", names: ["profile.csv"], required: ["first name", "last name", "headline"] },
  { kind: "emails", names: ["email addresses.csv"], required: ["email address", "primary"] },
  { kind: "phones", names: ["phonenumbers.csv", "phone numbers.csv"], required: ["number", "type"] },
  { kind: "whatsapp", names: ["whatsapp phone numbers.csv"], required: ["number", "is_whatsapp_number"] },
  {
    kind: "imported",
    names: ["importedcontacts.csv", "imported contacts.csv"],
    required: ["first name", "last name", "email address", "phone numbers"],
  },
  { kind: "positions", names: ["positions.csv"], required: ["company name", "title", "started on"] },
]

/** The file name after the last `/` or `\`. */
export const basename = (path: string): string =>
  path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1)

/** The folder part of a path (empty for a bare file name): files of one export share it. */
export const dirname = (path: string): string =>
  path.slice(0, Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"), 0))

/** The spec a file name points at, if any. */
export const specByName = (path: string): Spec | undefined => {
  const name = basename(path).toLowerCase()
  return specs.find((s) => s.names.includes(name))
}

/** Column order of the 2018 6-column Connections.csv, assumed for the header-less 2021 files. */
export const connections2018Columns: ReadonlyArray<string> = [
  "First Name",
  "Last Name",
  "Email Address",
  "Company",
  "Position",
  "Connected On",
]

/** Rows of the `Notes:` preamble LinkedIn puts above the current Connections.csv header. */
export const preambleLength = (rows: ReadonlyArray<Csv.CsvRow>): number => {
  const first = rows[0]?.fields
  if (first?.length !== 1 || first[0]?.trim().toLowerCase() !== "notes:") return 0
  // the note is one quoted paragraph on the next row
  return rows[1]?.fields.length === 1 ? 2 : 1
}

/**
 * True when the first row after any preamble is a header-less Connections.csv row: six cells of
 * which the last is a date (the 2021 spreadsheet-mangled form).
 */
export const looksHeaderless = (rows: ReadonlyArray<Csv.CsvRow>, from: number): boolean => {
  const first = rows[from]
  if (!first) return false
  const { fields } = unwrap(first.fields)
  if (fields.length !== connections2018Columns.length) return false
  const date = parseDate(fields[5] ?? "")
  return date?.day !== undefined && date.year !== undefined
}

/** True when the text opens with LinkedIn's `Notes:` preamble or a Connections header (no guessing). */
export const hasConnectionsHeader = (text: string): boolean => {
  const rows = Csv.parseRows(text, ",", 12)
  const skip = preambleLength(rows)
  if (skip > 0 && /linkedin|connection/i.test(rows[1]?.fields[0] ?? "")) return true
  return findHeader(rows, connectionsRequired) >= 0
}

/** True when the text opens like a LinkedIn Connections.csv in any vintage. */
export const looksLikeConnections = (text: string): boolean => {
  if (hasConnectionsHeader(text)) return true
  const rows = Csv.parseRows(text, ",", 12)
  return looksHeaderless(rows, preambleLength(rows))
}

/**
 * Whether a file is a Connections.csv: by name (any vintage, including the header-less one), or
 * by content alone when it was renamed (`Connections (1).csv`), as long as its header says so.
 */
export const isConnectionsFile = (path: string, bytes: Uint8Array): boolean => {
  const text = Text.head(bytes)
  if (basename(path).toLowerCase() === "connections.csv") return looksLikeConnections(text)
  return /\.csv$/i.test(path) && specByName(path) === undefined && hasConnectionsHeader(text)
}

/** True when a file's first lines carry the header of its kind (any vintage). */
export const headerMatches = (spec: Spec, bytes: Uint8Array): boolean => {
  const text = Text.head(bytes)
  if (spec.kind === "connections") return looksLikeConnections(text)
  return findHeader(Csv.parseRows(text, ",", 12), spec.required) >= 0
}
