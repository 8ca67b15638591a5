/**
 * Thunderbird's own address-book CSV may come without a header row (its importer then reads the
 * columns by position), and such files sometimes mix comma and TAB rows. A file is read this way
 * only when no header is found and every one of its first rows has at least five fields with an
 * e-mail address in the fifth (Thunderbird's "Primary Email").
 */
import { Csv } from "@blackbook/model"
import { thunderbirdHeaders } from "./headers.ts"
import { type Plan, planFor } from "./layout.ts"

const delimiters: ReadonlyArray<Csv.Delimiter> = [",", "\t", ";"]

/** Splits one line by the delimiter that gives it the most fields. */
const splitLine = (line: string): ReadonlyArray<string> => {
  let best: ReadonlyArray<string> = [line]
  for (const d of delimiters) {
    const fields = Csv.parseRows(line, d, 1)[0]?.fields ?? []
    if (fields.length > best.length) best = fields
  }
  return best
}

/** The header-less rows of a Thunderbird export, each with its line, or undefined when the text is not one. */
export const headerlessThunderbird = (text: string): ReadonlyArray<Csv.CsvRow> | undefined => {
  const rows: Csv.CsvRow[] = []
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.trim()) rows.push({ fields: splitLine(line), line: i + 1 })
  })
  const sample = rows.slice(0, 5)
  const positional = (r: Csv.CsvRow) =>
    r.fields.length >= 5 && /^[^@\s]+@[^@\s]+$/.test(r.fields[4]?.trim() ?? "")
  return sample.length > 0 && sample.every(positional) ? rows : undefined
}

/** The plan for Thunderbird's column order. */
export const thunderbirdPlan: Plan = planFor(
  "thunderbird",
  thunderbirdHeaders.map(([header]) => header),
)
