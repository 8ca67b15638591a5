/**
 * Writes contacts as an Outlook-compatible CSV: the English desktop header names (Outlook and
 * most importers map by name), every field quoted, CRLF rows, formatted by fast-csv. A cell a
 * spreadsheet would run as a formula is written with a leading single quote.
 *
 * @since 0.1.0
 */
import { type Contact, type SourceRecord, Text } from "@blackbook/model"
import { format } from "fast-csv"

/** Something to write: a resolved Contact or a single SourceRecord. */
export type Writable = Contact.Contact | SourceRecord.SourceRecord

/**
 * The columns written, in order: a subset of Outlook desktop's 92 English columns.
 *
 * @category models
 * @since 0.1.0
 */
export const outlookColumns = [
  "Title",
  "First Name",
  "Middle Name",
  "Last Name",
  "Suffix",
  "Nickname",
  // not an Outlook column (Outlook ignores it): the formatted name, which a reader maps by name
  "Display Name",
  "Company",
  "Department",
  "Job Title",
  "Business Street",
  "Business City",
  "Business State",
  "Business Postal Code",
  "Business Country/Region",
  "Home Street",
  "Home City",
  "Home State",
  "Home Postal Code",
  "Home Country/Region",
  "Other Street",
  "Other City",
  "Other State",
  "Other Postal Code",
  "Other Country/Region",
  "Business Fax",
  "Business Phone",
  "Business Phone 2",
  "Home Fax",
  "Home Phone",
  "Home Phone 2",
  "Mobile Phone",
  "Other Phone",
  "E-mail Address",
  "E-mail 2 Address",
  "E-mail 3 Address",
  "Birthday",
  "Notes",
  "Web Page",
  "Categories",
] as const

type ColumnName = (typeof outlookColumns)[number]
type Row = Partial<Record<ColumnName, string>>

interface Valued {
  readonly value: string
  readonly types: ReadonlyArray<string>
  readonly primary?: boolean
}

const has = (v: Valued, t: string) => v.types.some((x) => x.toLowerCase() === t)

/** Phone columns to try, in order, for a phone's types. */
const phoneSlots = (p: Valued): ReadonlyArray<ColumnName> => {
  if (has(p, "fax")) return has(p, "home") ? ["Home Fax", "Business Fax"] : ["Business Fax", "Home Fax"]
  if (has(p, "cell") || has(p, "mobile")) return ["Mobile Phone", "Other Phone"]
  if (has(p, "work")) return ["Business Phone", "Business Phone 2", "Other Phone"]
  if (has(p, "home")) return ["Home Phone", "Home Phone 2", "Other Phone"]
  return ["Other Phone", "Mobile Phone", "Home Phone 2", "Business Phone 2"]
}

const addressPrefixes = ["Business", "Home", "Other"] as const
type AddressPrefix = (typeof addressPrefixes)[number]

interface AddressLike {
  readonly types: ReadonlyArray<string>
  readonly street?: string
  readonly extended?: string
  readonly locality?: string
  readonly region?: string
  readonly postalCode?: string
  readonly country?: string
  readonly formatted?: string
}

const addressPrefix = (a: AddressLike): AddressPrefix => {
  const types = a.types.map((t) => t.toLowerCase())
  if (types.includes("work") || types.includes("business")) return "Business"
  if (types.includes("home")) return "Home"
  return "Other"
}

const birthdayText = (b: Writable["birthday"]): string =>
  // Outlook has no year-less birthday; such a date is left out rather than invented
  b?.year !== undefined && b.month !== undefined && b.day !== undefined ? `${b.month}/${b.day}/${b.year}` : ""

/** One contact or record as an Outlook row. */
const toRow = (c: Writable): Row => {
  const row: Row = {}
  const set = (col: ColumnName, value: string | undefined) => {
    if (value) row[col] = value
  }
  const n = c.name
  set("Title", n.prefix)
  set("First Name", n.given ?? (n.middle || n.family ? undefined : n.formatted))
  set("Middle Name", n.middle)
  set("Last Name", n.family)
  set("Suffix", n.suffix)
  set("Nickname", n.nickname)
  set("Display Name", n.formatted)
  const o = c.organizations[0]
  set("Company", o?.company)
  set("Department", o?.department)
  set("Job Title", o?.title)

  const used = new Set<AddressPrefix>()
  for (const a of c.addresses as ReadonlyArray<AddressLike>) {
    const wanted = addressPrefix(a)
    const prefix = !used.has(wanted) ? wanted : !used.has("Other") ? "Other" : undefined
    if (!prefix) continue
    used.add(prefix)
    const street = [a.street, a.extended].filter(Boolean).join("\n")
    const parts = street || a.locality || a.region || a.postalCode || a.country
    set(`${prefix} Street`, parts ? street : a.formatted)
    set(`${prefix} City`, a.locality)
    set(`${prefix} State`, a.region)
    set(`${prefix} Postal Code`, a.postalCode)
    set(`${prefix} Country/Region`, a.country)
  }

  for (const p of c.phones as ReadonlyArray<Valued>) {
    const slot = phoneSlots(p).find((s) => row[s] === undefined)
    if (slot) row[slot] = p.value
  }
  const emails = [...(c.emails as ReadonlyArray<Valued>)].sort(
    (a, b) => Number(!!b.primary) - Number(!!a.primary),
  )
  const emailColumns = ["E-mail Address", "E-mail 2 Address", "E-mail 3 Address"] as const
  emailColumns.forEach((col, i) => {
    set(col, emails[i]?.value)
  })
  set("Birthday", birthdayText(c.birthday))
  set("Notes", c.notes.join("\n\n"))
  set("Web Page", c.urls[0]?.value)
  set("Categories", c.categories.join(";"))
  return row
}

/** A number as people write a phone number: a sign spreadsheets read as a number, not a formula. */
const phoneLike = /^[+-]?[\d\s().\-/]+$/

/**
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel,
 * LibreOffice and Google Sheets (a `=HYPERLINK(...)` note runs when the file is opened): it gets a
 * leading `'`, which spreadsheets show as text. Phone numbers (`+44 7700 900123`) stay as they are.
 */
const defused = (cell: string): string =>
  /^[=+\-@\t\r]/.test(cell) && !phoneLike.test(cell) ? `'${cell}` : cell

/** Formats rows with fast-csv's formatter, driven synchronously (each write is read back at once). */
const formatRows = (rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const stream = format<string[], string[]>({ quoteColumns: true, quoteHeaders: true, rowDelimiter: "\r\n" })
  stream.setEncoding("utf8")
  let out = ""
  for (const row of rows) {
    stream.write([...row])
    for (let chunk = stream.read(); chunk !== null; chunk = stream.read()) out += String(chunk)
  }
  stream.destroy()
  return `${out}\r\n`
}

/** Options for writing. */
export interface OutlookCsvOptions {
  /** Start with a byte order mark (U+FEFF), which Excel and Outlook need to read UTF-8. Default true. */
  readonly bom?: boolean
}

/**
 * Contacts (or records) as Outlook CSV text: header row plus one row each, CRLF, starting with a
 * BOM character unless `bom: false`. Outlook has no year-less birthday: such dates are omitted.
 *
 * @example
 * fs.writeFileSync("contacts.csv", toOutlookCsv(book.contacts))
 *
 * @category writing
 * @since 0.1.0
 */
export const toOutlookCsv = (contacts: ReadonlyArray<Writable>, options: OutlookCsvOptions = {}): string => {
  const rows = [
    [...outlookColumns],
    ...contacts.map((c) => {
      const row = toRow(c)
      return outlookColumns.map((col) => defused(row[col] ?? ""))
    }),
  ]
  const csv = formatRows(rows)
  return options.bom === false ? csv : `\ufeff${csv}`
}

/**
 * Contacts as Outlook CSV bytes: UTF-8 with a BOM (default), or Windows-1252 without one for old
 * Outlook versions (characters it cannot hold become `?`).
 *
 * @category writing
 * @since 0.1.0
 */
export const toOutlookCsvBytes = (
  contacts: ReadonlyArray<Writable>,
  options: { readonly encoding?: "utf-8" | "windows-1252" } = {},
): Uint8Array =>
  options.encoding === "windows-1252"
    ? Text.encodeCharset(toOutlookCsv(contacts, { bom: false }), "windows-1252")
    : new TextEncoder().encode(toOutlookCsv(contacts))
