/**
 * ImportedContacts.csv / Imported Contacts.csv: address-book entries the member once uploaded.
 * One Record per row (`row:N`); the e-mail and phone cells can hold several values.
 */
import { Source, SourceRecord } from "@blackbook/model"
import { organization, type RecordFields, rowIssue, rowProvenance } from "./common.ts"
import { fromFull, fromParts, tidy } from "./names.ts"
import { birthday } from "./self.ts"
import { cell, extras, type Row, shapeProblem, type Table, text } from "./table.ts"
import { isEmail, labeledHandles, labeledUrls, splitValues } from "./values.ts"

const mapped: ReadonlySet<string> = new Set([
  "first name",
  "last name",
  "full name",
  "companies",
  "title",
  "email address",
  "phone numbers",
  "instant message handles",
  "addresses",
  "sites",
  "birthday",
  "profiles",
])

const readRow = (file: string, table: Table, row: Row): Source.SourceItem => {
  const problem = shapeProblem(table, row)
  if (problem !== undefined) return rowIssue(file, row, problem)
  const first = cell(table, row, "first name") ?? ""
  const last = cell(table, row, "last name") ?? ""
  const full = text(table, row, "full name")
  const extra: Array<SourceRecord.ExtraField> = []

  const emails: Array<SourceRecord.LabeledValue> = []
  for (const v of splitValues(text(table, row, "email address") ?? "")) {
    if (isEmail(v)) emails.push({ value: v, types: [] })
    else extra.push({ name: "Email Address", value: v })
  }
  const phones = splitValues(text(table, row, "phone numbers") ?? "").map((value) => ({ value, types: [] }))

  if (
    first.trim() === "" &&
    last.trim() === "" &&
    full === undefined &&
    emails.length === 0 &&
    phones.length === 0
  ) {
    return rowIssue(file, row, "no name, e-mail or phone number")
  }

  const name = first.trim() !== "" || last.trim() !== "" ? fromParts(first, last) : fromFull(full ?? "")
  const fields: RecordFields = {
    // Object.assign, not `{ ...name, formatted }`: V8 gives each object so made a class of its own.
    name: full === undefined ? name : Object.assign({}, name, { formatted: tidy(full) }),
  }
  if (emails.length > 0) fields.emails = emails
  if (phones.length > 0) fields.phones = phones

  const org = organization(text(table, row, "companies"), text(table, row, "title"))
  if (org) fields.organizations = [org]
  const urls = [
    ...labeledUrls(text(table, row, "sites")),
    ...splitValues(text(table, row, "profiles") ?? "").map((value) => ({ value, types: ["profile"] })),
  ]
  if (urls.length > 0) fields.urls = urls
  const handles = labeledHandles(text(table, row, "instant message handles"))
  if (handles.length > 0) fields.handles = handles
  // one postal address can hold commas, so the cell stays whole
  const address = text(table, row, "addresses")
  if (address !== undefined) fields.addresses = [{ types: [], formatted: address }]
  const born = text(table, row, "birthday")
  if (born !== undefined) fields.birthday = birthday(born)

  extra.push(...extras(table, row, mapped))
  if (extra.length > 0) fields.extra = extra
  return Source.recordItem(SourceRecord.make(rowProvenance(file, row), fields))
}

/** Items of one imported-contacts file. */
export const readImported = (file: string, table: Table): ReadonlyArray<Source.SourceItem> =>
  table.rows.map((row) => readRow(file, table, row))
