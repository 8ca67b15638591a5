/**
 * Outlook (desktop, English) contacts CSV: the fixed 92-column header with every header field
 * quoted, CRLF line ends, `0/0/00` for unset dates. Outlook quotes every value it sets and leaves
 * a few never-set columns bare (`,,`), as seen in real exports.
 */
import { quoted } from "./Csv.ts"

/** The 92 columns of English Outlook's "Comma Separated Values" contact export, in order. */
export const COLUMNS = [
  "Title",
  "First Name",
  "Middle Name",
  "Last Name",
  "Suffix",
  "Company",
  "Department",
  "Job Title",
  "Business Street",
  "Business Street 2",
  "Business Street 3",
  "Business City",
  "Business State",
  "Business Postal Code",
  "Business Country/Region",
  "Home Street",
  "Home Street 2",
  "Home Street 3",
  "Home City",
  "Home State",
  "Home Postal Code",
  "Home Country/Region",
  "Other Street",
  "Other Street 2",
  "Other Street 3",
  "Other City",
  "Other State",
  "Other Postal Code",
  "Other Country/Region",
  "Assistant's Phone",
  "Business Fax",
  "Business Phone",
  "Business Phone 2",
  "Callback",
  "Car Phone",
  "Company Main Phone",
  "Home Fax",
  "Home Phone",
  "Home Phone 2",
  "ISDN",
  "Mobile Phone",
  "Other Fax",
  "Other Phone",
  "Pager",
  "Primary Phone",
  "Radio Phone",
  "TTY/TDD Phone",
  "Telex",
  "Account",
  "Anniversary",
  "Assistant's Name",
  "Billing Information",
  "Birthday",
  "Business Address PO Box",
  "Categories",
  "Children",
  "Directory Server",
  "E-mail Address",
  "E-mail Type",
  "E-mail Display Name",
  "E-mail 2 Address",
  "E-mail 2 Type",
  "E-mail 2 Display Name",
  "E-mail 3 Address",
  "E-mail 3 Type",
  "E-mail 3 Display Name",
  "Gender",
  "Government ID Number",
  "Hobby",
  "Home Address PO Box",
  "Initials",
  "Internet Free Busy",
  "Keywords",
  "Language",
  "Location",
  "Manager's Name",
  "Mileage",
  "Notes",
  "Office Location",
  "Organizational ID Number",
  "Other Address PO Box",
  "Priority",
  "Private",
  "Profession",
  "Referred By",
  "Sensitivity",
  "Spouse",
  "User 1",
  "User 2",
  "User 3",
  "User 4",
  "Web Page",
] as const

/** One Outlook column name. */
export type Column = (typeof COLUMNS)[number]

/** One contact row: any subset of columns; the rest get Outlook's defaults. */
export type Row = Partial<Record<Column, string>>

// Columns Outlook leaves unquoted when it has nothing for them.
const BARE_WHEN_EMPTY: ReadonlySet<Column> = new Set<Column>([
  "Business Street 2",
  "Business Street 3",
  "Home Street 2",
  "Home Street 3",
  "Other Street 2",
  "Other Street 3",
  "Billing Information",
  "Business Address PO Box",
  "Categories",
  "Children",
  "Directory Server",
  "E-mail 2 Address",
  "E-mail 2 Type",
  "E-mail 2 Display Name",
  "E-mail 3 Address",
  "E-mail 3 Type",
  "E-mail 3 Display Name",
  "Hobby",
  "Home Address PO Box",
  "Mileage",
  "Notes",
  "Other Address PO Box",
  "Referred By",
])

const DEFAULTS: Row = {
  Anniversary: "0/0/00",
  Birthday: "0/0/00",
  Gender: "Unspecified",
  Priority: "Normal",
  Private: "False",
  Sensitivity: "Normal",
}

/** Outlook's date format for Birthday/Anniversary: M/D/YYYY. */
export const date = (year: number, month: number, day: number): string => `${month}/${day}/${year}`

/** The header line (every field quoted). */
export const header = (): string => COLUMNS.map(quoted).join(",")

/** One data line; embedded line breaks become CRLF as in the rest of the file. */
export const row = (values: Row): string =>
  COLUMNS.map((column) => {
    const value = values[column] ?? DEFAULTS[column] ?? ""
    if (value === "" && BARE_WHEN_EMPTY.has(column)) return ""
    return quoted(value.includes("\n") ? value.replace(/\r?\n/g, "\r\n") : value)
  }).join(",")

/** A whole export: header plus rows, CRLF-terminated. */
export const csv = (rows: ReadonlyArray<Row>): string => `${[header(), ...rows.map(row)].join("\r\n")}\r\n`
