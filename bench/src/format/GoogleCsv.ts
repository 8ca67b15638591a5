/**
 * Google Contacts "Google CSV" export, 2020+ layout: a UTF-8 BOM, name and organisation columns
 * first, then `Labels` and numbered `E-mail N - Label/Value`, `Phone N - ...`, `Address N - ...`,
 * `Website N - ...` groups (only as many groups as the widest contact needs). Several values
 * under one label share a cell joined with ` ::: `; a leading `* ` marks the primary one.
 */
import { line } from "./Csv.ts"

/** A label/value pair (`* Work`, `Mobile`, a custom label). */
export interface Labeled {
  readonly label: string
  readonly value: string
}

/** A postal address in Google's split columns. */
export interface Address {
  readonly label: string
  readonly formatted?: string
  readonly street?: string
  readonly city?: string
  readonly poBox?: string
  readonly region?: string
  readonly postalCode?: string
  readonly country?: string
  readonly extended?: string
}

/** One Google contact row. */
export interface Contact {
  readonly first?: string
  readonly middle?: string
  readonly last?: string
  readonly phoneticFirst?: string
  readonly phoneticMiddle?: string
  readonly phoneticLast?: string
  readonly prefix?: string
  readonly suffix?: string
  readonly nickname?: string
  readonly fileAs?: string
  readonly organization?: string
  readonly title?: string
  readonly department?: string
  /** `1984-03-12` or year-less ` --04-22` as Google writes it. */
  readonly birthday?: string
  readonly notes?: string
  readonly photo?: string
  readonly labels: ReadonlyArray<string>
  readonly emails: ReadonlyArray<Labeled>
  readonly phones: ReadonlyArray<Labeled>
  readonly addresses: ReadonlyArray<Address>
  readonly websites: ReadonlyArray<Labeled>
}

const FIXED = [
  "First Name",
  "Middle Name",
  "Last Name",
  "Phonetic First Name",
  "Phonetic Middle Name",
  "Phonetic Last Name",
  "Name Prefix",
  "Name Suffix",
  "Nickname",
  "File As",
  "Organization Name",
  "Organization Title",
  "Organization Department",
  "Birthday",
  "Notes",
  "Photo",
  "Labels",
] as const

const ADDRESS_PARTS = [
  "Label",
  "Formatted",
  "Street",
  "City",
  "PO Box",
  "Region",
  "Postal Code",
  "Country",
  "Extended Address",
] as const

/** How many numbered groups of each kind the header carries. */
export interface Shape {
  readonly emails: number
  readonly phones: number
  readonly addresses: number
  readonly websites: number
}

/** The smallest shape that fits every contact (at least one e-mail and one phone group). */
export const shapeOf = (contacts: Iterable<Contact>): Shape => {
  let emails = 1
  let phones = 1
  let addresses = 0
  let websites = 0
  for (const c of contacts) {
    emails = Math.max(emails, c.emails.length)
    phones = Math.max(phones, c.phones.length)
    addresses = Math.max(addresses, c.addresses.length)
    websites = Math.max(websites, c.websites.length)
  }
  return { emails, phones, addresses, websites }
}

/** The header columns for a shape. */
export const columns = (shape: Shape): Array<string> => {
  const out: Array<string> = [...FIXED]
  const pairs = (kind: string, count: number) => {
    for (let i = 1; i <= count; i++) out.push(`${kind} ${i} - Label`, `${kind} ${i} - Value`)
  }
  pairs("E-mail", shape.emails)
  pairs("Phone", shape.phones)
  for (let i = 1; i <= shape.addresses; i++)
    for (const part of ADDRESS_PARTS) out.push(`Address ${i} - ${part}`)
  pairs("Website", shape.websites)
  return out
}

const labeled = (items: ReadonlyArray<Labeled>, count: number): Array<string> => {
  const out: Array<string> = []
  for (let i = 0; i < count; i++) out.push(items[i]?.label ?? "", items[i]?.value ?? "")
  return out
}

/** One data line for a shape. */
export const row = (c: Contact, shape: Shape): string => {
  const values: Array<string> = [
    c.first ?? "",
    c.middle ?? "",
    c.last ?? "",
    c.phoneticFirst ?? "",
    c.phoneticMiddle ?? "",
    c.phoneticLast ?? "",
    c.prefix ?? "",
    c.suffix ?? "",
    c.nickname ?? "",
    c.fileAs ?? "",
    c.organization ?? "",
    c.title ?? "",
    c.department ?? "",
    c.birthday ?? "",
    c.notes ?? "",
    c.photo ?? "",
    c.labels.join(" ::: "),
    ...labeled(c.emails, shape.emails),
    ...labeled(c.phones, shape.phones),
  ]
  for (let i = 0; i < shape.addresses; i++) {
    const a = c.addresses[i]
    values.push(
      a?.label ?? "",
      a?.formatted ?? "",
      a?.street ?? "",
      a?.city ?? "",
      a?.poBox ?? "",
      a?.region ?? "",
      a?.postalCode ?? "",
      a?.country ?? "",
      a?.extended ?? "",
    )
  }
  values.push(...labeled(c.websites, shape.websites))
  return line(values)
}

/** A whole export: BOM, header, one line per contact, LF line ends. */
export const csv = (contacts: ReadonlyArray<Contact>): string => {
  const shape = shapeOf(contacts)
  const out = [`\uFEFF${line(columns(shape))}`]
  for (const c of contacts) out.push(row(c, shape))
  return `${out.join("\n")}\n`
}
