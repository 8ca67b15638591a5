/**
 * Builders for inline CSV fixtures (invented people only) and their bytes in the encodings real
 * exporters use.
 */
import type { Source } from "@blackbook/model"

/** Outlook quotes every field. */
export const quoteAll = (cells: ReadonlyArray<string>, delimiter = ","): string =>
  cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(delimiter)

/** Quotes only where needed, like Google and Thunderbird. */
export const quoteSome = (cells: ReadonlyArray<string>, delimiter = ","): string =>
  cells
    .map((c) =>
      c.includes('"') || c.includes(delimiter) || /[\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c,
    )
    .join(delimiter)

/** A data row aligned with a header: named cells set, the rest empty. */
export const rowFor = (header: ReadonlyArray<string>, cells: Readonly<Record<string, string>>): string[] => {
  for (const name of Object.keys(cells)) {
    if (!header.includes(name)) throw new Error(`fixture: "${name}" is not in the header`)
  }
  return header.map((h) => cells[h] ?? "")
}

/** A whole CSV file from a header and rows of named cells. */
export const csvText = (
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<Readonly<Record<string, string>>>,
  options: { quote?: "all" | "some"; delimiter?: string; eol?: string } = {},
): string => {
  const quote = options.quote === "some" ? quoteSome : quoteAll
  const d = options.delimiter ?? ","
  const eol = options.eol ?? "\r\n"
  return [quote(header, d), ...rows.map((r) => quote(rowFor(header, r), d))].join(eol) + eol
}

/** UTF-8 bytes, optionally with a BOM. */
export const utf8 = (text: string, bom = false): Uint8Array => {
  const body = new TextEncoder().encode(text)
  if (!bom) return body
  const out = new Uint8Array(body.length + 3)
  out.set([0xef, 0xbb, 0xbf])
  out.set(body, 3)
  return out
}

/** UTF-16LE bytes with a BOM, as Thunderbird and Excel's "Unicode text" write. */
export const utf16le = (text: string): Uint8Array => {
  const out = new Uint8Array(2 + text.length * 2)
  out[0] = 0xff
  out[1] = 0xfe
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    out[2 + i * 2] = code & 0xff
    out[3 + i * 2] = code >> 8
  }
  return out
}

/** Windows-1252 bytes for text within Latin-1 (where cp1252 and Latin-1 agree), as old Outlook writes. */
export const cp1252 = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code > 0xff || (code >= 0x80 && code < 0xa0)) throw new Error(`fixture: ${text[i]} is not Latin-1`)
    out[i] = code
  }
  return out
}

/** An InputFile from bytes. */
export const input = (path: string, bytes: Uint8Array): Source.InputFile => ({ path, bytes })

/** Outlook desktop's English export header, all 92 columns in export order. */
// biome-ignore format: a header row reads best as a block
export const outlookEnglish = [
  "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
  "Business Street", "Business Street 2", "Business Street 3", "Business City", "Business State",
  "Business Postal Code", "Business Country/Region", "Home Street", "Home Street 2", "Home Street 3",
  "Home City", "Home State", "Home Postal Code", "Home Country/Region", "Other Street", "Other Street 2",
  "Other Street 3", "Other City", "Other State", "Other Postal Code", "Other Country/Region",
  "Assistant's Phone", "Business Fax", "Business Phone", "Business Phone 2", "Callback", "Car Phone",
  "Company Main Phone", "Home Fax", "Home Phone", "Home Phone 2", "ISDN", "Mobile Phone", "Other Fax",
  "Other Phone", "Pager", "Primary Phone", "Radio Phone", "TTY/TDD Phone", "Telex", "Account",
  "Anniversary", "Assistant's Name", "Billing Information", "Birthday", "Business Address PO Box",
  "Categories", "Children", "Directory Server", "E-mail Address", "E-mail Type", "E-mail Display Name",
  "E-mail 2 Address", "E-mail 2 Type", "E-mail 2 Display Name", "E-mail 3 Address", "E-mail 3 Type",
  "E-mail 3 Display Name", "Gender", "Government ID Number", "Hobby", "Home Address PO Box", "Initials",
  "Internet Free Busy", "Keywords", "Language", "Location", "Manager's Name", "Mileage", "Notes",
  "Office Location", "Organizational ID Number", "Other Address PO Box", "Priority", "Private",
  "Profession", "Referred By", "Sensitivity", "Spouse", "User 1", "User 2", "User 3", "User 4", "Web Page",
] as const

/** The defaults Outlook writes into every row of an English export. */
export const outlookDefaults = {
  Anniversary: "0/0/00",
  Birthday: "0/0/00",
  Gender: "Unspecified",
  Priority: "Normal",
  Private: "False",
  Sensitivity: "Normal",
} as const
