/**
 * One CSV row to one SourceRecord, following a Plan. Pure: no I/O, no Effect.
 */
import type { SourceRecord } from "@blackbook/model"
import { Email, Name } from "@blackbook/normalize"
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
  readonly types: ReadonlyArray<string>
  readonly parts: Partial<Record<AddressPart, string>>
}

type Column = Plan["columns"][number]

const joined = (prev: string | undefined, value: string, join: boolean): string =>
  prev === undefined ? value : join ? `${prev} ${value}` : prev

const cellAt = (fields: ReadonlyArray<string>, i: number | undefined): string =>
  i === undefined ? "" : (fields[i] ?? "").trim()

/** The lists of a row, created on first use: most rows leave most lists empty. */
interface Lists {
  emails?: LabeledValue[]
  phones?: LabeledValue[]
  urls?: LabeledValue[]
  notes?: string[]
  categories?: string[]
  handles?: Array<{ service: string; handle: string }>
  extra?: Array<{ name: string; value: string }>
}

/** Appends to one of a row's lists, creating it on first use. */
const add = <K extends keyof Lists>(lists: Lists, key: K, item: NonNullable<Lists[K]>[number]): void => {
  const list = lists[key] as Array<typeof item> | undefined
  if (list) list.push(item)
  else (lists as Record<K, Array<typeof item>>)[key] = [item]
}

/** Shared by every record that has none of something (frozen: records are read-only). */
const none: ReadonlyArray<never> = Object.freeze([])

const listKey = { email: "emails", phone: "phones", url: "urls" } as const

/** Adds an e-mail, phone or URL cell (several with Google's ` ::: `) to its list. */
const pushValues = (
  lists: Lists,
  col: Column,
  role: Extract<Column["role"], { kind: "email" | "phone" | "url" }>,
  value: string,
  fields: ReadonlyArray<string>,
): void => {
  const label = col.label !== undefined ? cellAt(fields, col.label) : ""
  const { types, primary } = label ? parseLabel(label) : { types: role.types, primary: role.primary === true }
  const key = listKey[role.kind]
  const values = col.multi && value.includes(":::") ? value.split(multiSeparator) : [value]
  for (let i = 0; i < values.length; i++) {
    const item = values[i]!.trim()
    if (!item) continue
    if (role.kind === "email" && role.slot !== undefined && !item.includes("@")) {
      // an Exchange-resolved Outlook entry stores an X.500 DN, not an address: keep it, and take
      // the SMTP address from the slot's display name when it shows one
      add(lists, "extra", { name: col.header, value: item })
      const shown = cellAt(fields, col.display).match(emailIn)
      if (shown) add(lists, key, labeled(shown[0], types, primary && i === 0))
      continue
    }
    add(lists, key, labeled(item, types, primary && i === 0))
  }
}

/** The addresses of a row: Outlook's street lines joined, groups with no part left out. */
const toAddresses = (groups: Readonly<Record<string, AddressAcc>>): SourceRecord.PostalAddress[] => {
  const out: SourceRecord.PostalAddress[] = []
  for (const key in groups) {
    const { types, parts } = groups[key]!
    const { street, street2, street3, ...rest } = parts
    const lines =
      street2 || street3 ? [street, street2, street3].filter((l): l is string => !!l).join("\n") : street
    const address = lines ? { types: [...types], ...rest, street: lines } : { types: [...types], ...rest }
    if (Object.keys(address).length > 1) out.push(address)
  }
  return out
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
  // Field by field rather than by spreads: an object that starts with a spread gets a hidden class
  // of its own in V8 (Node 20), one per record.
  const date: { year?: number; month?: number; day?: number } = {}
  if (y !== undefined) date.year = y
  if (m !== undefined) date.month = m
  if (d !== undefined) date.day = d
  return date
}

/** Reads one data row. `locator` is the record locator (`row:N`). */
export const readRow = (
  plan: Plan,
  fields: ReadonlyArray<string>,
  locator: string,
  ctx: RowContext,
): RowOutcome => {
  const name: Partial<Record<NamePart, string>> = {}
  const lists: Lists = {}
  let orgs: Record<string, Partial<Record<OrgPart, string>>> | undefined
  let addresses: Record<string, AddressAcc> | undefined
  let birthParts: Partial<Record<"year" | "month" | "day", string>> | undefined
  let birthdayText: string | undefined
  let photo: string | undefined
  let content = false
  const join = plan.join

  for (const col of plan.columns) {
    const raw = (fields[col.index] ?? "").trim()
    if (!raw) continue
    const role = col.role
    // extra stays verbatim; modelled multi-line values get one kind of line break
    const value = role.kind === "extra" || !raw.includes("\r") ? raw : raw.replace(/\r\n?/g, "\n")
    switch (role.kind) {
      case "extra": {
        if (role.empty) {
          const lower = value.toLowerCase()
          if (role.empty.some((e) => e.toLowerCase() === lower)) continue
        }
        if (role.date && isZeroDate(value)) continue
        add(lists, "extra", { name: col.header, value })
        break
      }
      case "id":
        add(lists, "extra", { name: "id", value })
        break
      case "label":
      case "imService":
        // read by the value columns of the same group
        continue
      case "name":
        name[role.part] = joined(name[role.part], value, join)
        break
      case "email":
      case "phone":
      case "url":
        pushValues(lists, col, role, value, fields)
        break
      case "emailDisplay":
        add(lists, "extra", { name: col.header, value })
        break
      case "handle": {
        const service = (
          cellAt(fields, col.service) ||
          role.service ||
          parseLabel(cellAt(fields, col.label)).types[0] ||
          "im"
        ).toLowerCase()
        for (const v of col.multi ? value.split(multiSeparator) : [value]) {
          if (v.trim()) add(lists, "handles", { service, handle: v.trim() })
        }
        break
      }
      case "org": {
        orgs ??= {}
        const o = orgs[role.group] ?? {}
        o[role.part] = joined(o[role.part], value, join)
        orgs[role.group] = o
        break
      }
      case "address": {
        addresses ??= {}
        let a = addresses[role.group]
        if (!a) {
          const label = col.label !== undefined ? cellAt(fields, col.label) : ""
          a = { types: label ? parseLabel(label).types : role.types, parts: {} }
          addresses[role.group] = a
        }
        a.parts[role.part] = joined(a.parts[role.part], value, join)
        break
      }
      case "birthday":
        birthdayText ??= value
        break
      case "birthPart":
        birthParts ??= {}
        birthParts[role.part] ??= value
        break
      case "notes":
        add(lists, "notes", value)
        break
      case "categories":
        for (const c of value.split(separators[role.separator])) {
          const category = c.replace(/^\*\s*/, "").trim()
          if (category) add(lists, "categories", category)
        }
        break
      case "photo":
        photo ??= value
        break
    }
    content = true
  }

  const organizations = orgs ? Object.values(orgs).filter((o) => o.company || o.title || o.department) : none
  const hasIdentity =
    !!(name.given || name.middle || name.family || name.formatted || name.nickname) ||
    (lists.emails?.length ?? 0) > 0 ||
    (lists.phones?.length ?? 0) > 0 ||
    (lists.handles?.length ?? 0) > 0 ||
    organizations.some((o) => o.company)
  if (!hasIdentity) return content ? { _tag: "Empty" } : { _tag: "Blank" }

  // Name columns that hold an e-mail address are no name: the text stays in extra, the address
  // joins the e-mails when the row does not already list it.
  const spelled = Name.addressAsName(name)
  if (spelled !== undefined) {
    for (const part of ["prefix", "given", "middle", "family", "suffix", "formatted"] as const)
      delete name[part]
    add(lists, "extra", { name: "nameAsWritten", value: spelled.text })
    const address = spelled.address
    if (address !== undefined && !lists.emails?.some((e) => Email.normalize(e.value) === address))
      add(lists, "emails", labeled(address, [], false))
  }

  const birthday = birthdayText
    ? parseBirthday(birthdayText, ctx.dateOrder, ctx.pivot)
    : birthParts && birthdayFromParts(birthParts)
  // built whole rather than with SourceRecord.make, which would allocate every list twice
  const record: Record_ = {
    provenance: { source: plan.source, file: ctx.file, record: locator },
    name,
    emails: lists.emails ?? none,
    phones: lists.phones ?? none,
    organizations,
    addresses: addresses ? toAddresses(addresses) : none,
    urls: lists.urls ?? none,
    handles: lists.handles ?? none,
    notes: lists.notes ?? none,
    categories: lists.categories ?? none,
    extra: lists.extra ?? none,
    ...(birthday ? { birthday } : {}),
    ...(photo ? { photo } : {}),
  }
  return { _tag: "Record", record }
}
