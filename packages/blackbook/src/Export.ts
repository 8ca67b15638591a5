/**
 * Writes a book in the three export formats: the JSON contract, vCard 4.0 and Outlook CSV.
 *
 * @since 0.1.0
 */
import { type Book, BookJson } from "@blackbook/core"
import { toOutlookCsv } from "@blackbook/source-contacts-csv"
import { toVCard4 } from "@blackbook/source-vcard"
import type { InputFailure } from "./Merge.ts"

/** @category models @since 0.1.0 */
export type ExportFormat = "json" | "vcf" | "csv"

/** @category constants @since 0.1.0 */
export const formats: ReadonlyArray<ExportFormat> = ["json", "vcf", "csv"]

/**
 * The JSON document, with inputs that could not be read at all listed among the errors (record
 * `*`), so an embedder sees them without a separate channel.
 *
 * @category exporting
 * @since 0.1.0
 */
export const toJsonDocument = (
  book: Book.Book,
  failures: ReadonlyArray<InputFailure> = [],
): BookJson.BookJson => {
  const json = BookJson.toJson(book)
  if (failures.length === 0) return json
  const inputErrors = failures.map((f) => ({
    file: f.error.reason.path,
    record: "*",
    reason: f.error.reason.detail,
  }))
  return { ...json, errors: [...inputErrors, ...json.errors] }
}

/**
 * Renders the book in a format; text for every format (CSV is UTF-8 with a BOM for Excel/Outlook).
 *
 * @category exporting
 * @since 0.1.0
 */
export const render = (
  book: Book.Book,
  format: ExportFormat,
  failures: ReadonlyArray<InputFailure> = [],
): string => {
  switch (format) {
    case "json":
      return `${JSON.stringify(toJsonDocument(book, failures), null, 2)}\n`
    case "vcf":
      return toVCard4(book.contacts)
    case "csv":
      return toOutlookCsv(book.contacts)
  }
}
