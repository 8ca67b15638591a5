/**
 * One CSV row to one SourceRecord, following a Plan. Pure: no I/O, no Effect.
 */
import { SourceRecord } from "@blackbook/core"
import { type DateOrder, isZeroDate, parseBirthday } from "./dates.ts"
import { googleLabels } from "./headers.ts"
import type { Plan } from "./layout.ts"
import type { AddressPart, CategorySeparator, NamePart, OrgPart } from "./roles.ts"

type Record_ = SourceRecord.SourceRecord
type LabeledValue = SourceRecord.LabeledValue
type Birthday = NonNullable<Record_["birthday"]>

/** What a row became: a record, a row with data but nobody in it, or nothing at all. */
export type RowOutcome =
  | { readonly _tag: "Record"; readonly record: Record_ }
  | { readonly _tag: "Empty" }
  | { readonly _tag: "Blank" }

/** Per-file facts the row reader needs. */
export interface RowContext {
  readonly file: string
  readonly dateOrder: DateOrder
  /** The current year's last two digits, for two-digit years. */
  readonly pivot: number
}

const multiSeparator = /\s+:::\s+/
const separators: Readonly<Record<CategorySeparator, RegExp>> = {
  ";": /\s*;\s*/,
  ":::": multiSeparator,
  any: /\s+:::\s+|\s*;\s*/,
}

/** Google type labels: `* Home` is the primary home value, `* ` alone primary without a type. */
export const parseLabel = (
  raw: string,
): { readonly types: ReadonlyArray<string>; readonly primary: boolean } => {
  let label = raw.trim()
  const primary = label.startsWith("*")
  if (primary) label = label.slice(1).trim()
  if (!label) return { types: [], primary }
  return { types: googleLabels[label.toLowerCase()] ?? [label], primary }
}

const emailIn = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/

const labeled = (value: string, types: ReadonlyArray<string>, primary: boolean): LabeledValue =>
  primary ? { value, types: [...types], primary: true } : { value, types: [...types] }

interface AddressAcc {
  types: ReadonlyArray<string>
  parts: Partial<Record<AddressPart, string>>
}

const birthdayFromParts = (
  parts: Partial<Record<"year" | "month" | "day", string>>,
): Birthday | undefined => {
  const { year, month, day } = parts
  if (!year && !month && !day) return undefined
  const y = year ? Number(year) : undefined
  const m = month ? Number(month) : undefined
  const d = day ? Number(day) : undefined
  const text = [year ?? "", month ?? "", day ?? ""].join("/")
  const valid = (n: number | undefined, max: number) =>
    n === undefined || (Number.isInteger(n) && n >= 1 && n <= max)
  if (!valid(y, 9999) || !valid(m, 12) || !valid(d, 31)) return { text }
  return {
    ...(y !== undefined ? { year: y } : {}),
    ...(m !== undefined ? { month: m } : {}),
    ...(d !== undefined ? { day: d } : {}),
  }
}

/** Reads one data row. `locator` is the record locator (`row:N`). */
export const readRow = (
  plan: Plan,
  fields: ReadonlyArray<string>,
  locator: string,
  ctx: RowContext,
): RowOutcome => {
  const name: Partial<Record<NamePart, string>> = {}
  const emails: LabeledValue[] = []
  const phones: LabeledValue[] = []
  const urls: LabeledValue[] = []
  const orgs = new Map<string, Partial<Record<OrgPart, string>>>()
  const addresses = new Map<string, AddressAcc>()
  const birthParts: Partial<Record<"year" | "month" | "day", string>> = {}
  const notes: string[] = []
  const categories: string[] = []
  const handles: Array<{ service: string; handle: string }> = []
  const extra: Array<{ name: string; value: string }> = []
  let birthdayText: string | undefined
  let photo: string | undefined
  let content = false
  const join = (prev: string | undefined, value: string) =>
    prev && plan.join ? `${prev} ${value}` : (prev ?? value)
  const cell = (i: number | undefined) => (i === undefined ? "" : (fields[i] ?? "").trim())

  for (const col of plan.columns) {
    const raw = (fields[col.index] ?? "").trim()
    if (!raw) continue
    const role = col.role
    // extra stays verbatim; modelled multi-line values get one kind of line break
    const value = role.kind === "extra" || !raw.includes("\r") ? raw : raw.replace(/\r\n?/g, "\n")
    switch (role.kind) {
      case "extra": {
        const lower = value.toLowerCase()
        if (role.empty?.some((e) => e.toLowerCase() === lower)) continue
        if (role.date && isZeroDate(value)) continue
        extra.push({ name: col.header, value })
        break
      }
      case "id":
        extra.push({ name: "id", value })
        break
      case "label":
      case "imService":
        // read by the value columns of the same group
        continue
      case "name":
        name[role.part] = join(name[role.part], value)
        break
      case "email":
      case "phone":
      case "url": {
        const label = col.label !== undefined ? cell(col.label) : ""
        const { types, primary } = label
          ? parseLabel(label)
          : { types: role.types, primary: role.primary === true }
        const target = role.kind === "email" ? emails : role.kind === "phone" ? phones : urls
        const values = col.multi ? value.split(multiSeparator) : [value]
        values.forEach((v, i) => {
          const item = v.trim()
          if (!item) return
          if (role.kind === "email" && !item.includes("@")) {
            // an Exchange-resolved entry stores an X.500 DN, not an address: keep it, and take
            // the SMTP address from the slot's display name when it shows one
            extra.push({ name: col.header, value: item })
            const shown = cell(col.display).match(emailIn)
            if (shown) target.push(labeled(shown[0], types, primary && i === 0))
            return
          }
          target.push(labeled(item, types, primary && i === 0))
        })
        break
      }
      case "emailDisplay":
        extra.push({ name: col.header, value })
        break
      case "handle": {
        const service = (
          cell(col.service) ||
          role.service ||
          parseLabel(cell(col.label)).types[0] ||
          "im"
        ).toLowerCase()
        const values = col.multi ? value.split(multiSeparator) : [value]
        for (const v of values) if (v.trim()) handles.push({ service, handle: v.trim() })
        break
      }
      case "org": {
        const o = orgs.get(role.group) ?? {}
        o[role.part] = join(o[role.part], value)
        orgs.set(role.group, o)
        break
      }
      case "address": {
        let a = addresses.get(role.group)
        if (!a) {
          const label = col.label !== undefined ? cell(col.label) : ""
          a = { types: label ? parseLabel(label).types : role.types, parts: {} }
          addresses.set(role.group, a)
        }
        a.parts[role.part] = join(a.parts[role.part], value)
        break
      }
      case "birthday":
        birthdayText ??= value
        break
      case "birthPart":
        birthParts[role.part] ??= value
        break
      case "notes":
        notes.push(value)
        break
      case "categories":
        for (const c of value.split(separators[role.separator])) {
          const category = c.replace(/^\*\s*/, "").trim()
          if (category) categories.push(category)
        }
        break
      case "photo":
        photo ??= value
        break
    }
    content = true
  }

  const organizations = [...orgs.values()].filter((o) => o.company || o.title || o.department)
  const postal = [...addresses.values()].flatMap(({ types, parts }) => {
    const { street, street2, street3, ...rest } = parts
    const lines = [street, street2, street3].filter((l): l is string => !!l)
    const out = { types: [...types], ...rest, ...(lines.length ? { street: lines.join("\n") } : {}) }
    return Object.keys(out).length > 1 ? [out] : []
  })
  const birthday = birthdayText
    ? parseBirthday(birthdayText, ctx.dateOrder, ctx.pivot)
    : birthdayFromParts(birthParts)

  const hasIdentity =
    !!(name.given || name.middle || name.family || name.formatted || name.nickname) ||
    emails.length > 0 ||
    phones.length > 0 ||
    handles.length > 0 ||
    organizations.some((o) => o.company)
  if (!hasIdentity) return content ? { _tag: "Empty" } : { _tag: "Blank" }

  const record = SourceRecord.make(
    { source: plan.source, file: ctx.file, record: locator },
    {
      name,
      emails,
      phones,
      organizations,
      addresses: postal,
      urls,
      handles,
      notes,
      categories,
      extra,
      ...(birthday ? { birthday } : {}),
      ...(photo ? { photo } : {}),
    },
  )
  return { _tag: "Record", record }
}
