/**
 * The owner of the export as ONE Self item: Profile.csv (name, birthday, address, websites,
 * Twitter handles), Email Addresses.csv, PhoneNumbers.csv / Phone Numbers.csv, Whatsapp Phone
 * Numbers.csv, Positions.csv (current positions) and the profile URL the other files reveal.
 */
import { Source, SourceRecord } from "@blackbook/model"
import { organization, type RecordFields, sourceName } from "./common.ts"
import { parseDate } from "./dates.ts"
import type { Me } from "./me.ts"
import { fromFull, fromParts } from "./names.ts"
import { cell, extras, type Table, text } from "./table.ts"
import { isEmail, labeledHandles, labeledUrls, linkedinHandle, twitterHandles } from "./values.ts"

/** A table with the path it was read from. */
export interface Located {
  readonly path: string
  readonly table: Table
}

/** The files that describe me; each optional, several phone files allowed. */
export interface SelfFiles {
  readonly profile?: Located | undefined
  readonly emails: ReadonlyArray<Located>
  readonly phones: ReadonlyArray<Located>
  readonly whatsapp: ReadonlyArray<Located>
  readonly positions: ReadonlyArray<Located>
}

const profileMapped: ReadonlySet<string> = new Set([
  "first name",
  "last name",
  "address",
  "birth date",
  "summary",
  "country",
  "zip code",
  "twitter handles",
  "websites",
  "instant messengers",
])

/** A birthday from `Mar 31` (no year) or `Feb 17, 1998`; text that is no date is kept as text. */
export const birthday = (raw: string): SourceRecord.Birthday => {
  const parts = parseDate(raw)
  if (parts?.month === undefined || parts.day === undefined) return { text: raw }
  return parts.year === undefined
    ? { month: parts.month, day: parts.day }
    : { year: parts.year, month: parts.month, day: parts.day }
}

const phoneTypes: Readonly<Record<string, string>> = {
  mobile: "cell",
  cell: "cell",
  home: "home",
  work: "work",
}

const phoneValue = (number: string, extension: string | undefined): string =>
  extension === undefined ? number : `${number} ext. ${extension}`

type Labeled = { value: string; types: Array<string>; primary?: boolean }

/** Adds a value, or merges its labels into an equal one already present. */
const addValue = (list: Array<Labeled>, value: Labeled): void => {
  const same = list.find((v) => v.value === value.value)
  if (same === undefined) list.push(value)
  else for (const t of value.types) if (!same.types.includes(t)) same.types.push(t)
}

/** My record, or `undefined` when the export says nothing about me. */
export const readSelf = (
  files: SelfFiles,
  me: Me,
  fallbackFile: string | undefined,
): Source.SourceItem | undefined => {
  const file =
    files.profile?.path ??
    files.emails[0]?.path ??
    files.phones[0]?.path ??
    files.whatsapp[0]?.path ??
    files.positions[0]?.path ??
    (me.names.size > 0 || me.urls.size > 0 ? fallbackFile : undefined)
  if (file === undefined) return undefined

  const fields: RecordFields = {}
  const extra: Array<SourceRecord.ExtraField> = []
  const urls: Array<Labeled> = []
  const handles: Array<SourceRecord.SocialHandle> = []
  const emails: Array<Labeled> = []
  const phones: Array<Labeled> = []

  const profile = files.profile
  const row = profile?.table.rows[0]
  if (profile && row) {
    const t = profile.table
    fields.name = fromParts(cell(t, row, "first name") ?? "", cell(t, row, "last name") ?? "")
    const born = text(t, row, "birth date")
    if (born !== undefined) fields.birthday = birthday(born)
    const address = text(t, row, "address")
    const zip = text(t, row, "zip code")
    const country = text(t, row, "country")
    if (address !== undefined || zip !== undefined || country !== undefined) {
      fields.addresses = [
        {
          types: ["home"],
          ...(address === undefined ? {} : { formatted: address }),
          ...(zip === undefined ? {} : { postalCode: zip }),
          ...(country === undefined ? {} : { country }),
        },
      ]
    }
    const summary = text(t, row, "summary")
    if (summary !== undefined) fields.notes = [summary]
    for (const h of twitterHandles(text(t, row, "twitter handles") ?? ""))
      handles.push({ service: "twitter", handle: h })
    for (const w of labeledUrls(text(t, row, "websites")))
      addValue(urls, { value: w.value, types: [...w.types] })
    handles.push(...labeledHandles(text(t, row, "instant messengers")))
    extra.push(...extras(t, row, profileMapped))
  } else if (me.displayName !== undefined) {
    fields.name = fromFull(me.displayName)
  }
  if (me.guessed && (me.names.size > 0 || me.urls.size > 0)) {
    extra.push({
      name: "note",
      value: "owner guessed: the participant of the most conversations in messages.csv",
    })
  }

  for (const url of me.urls) {
    addValue(urls, { value: url, types: ["linkedin"] })
    const handle = linkedinHandle(url)
    if (handle && !handles.some((h) => h.service === "linkedin" && h.handle === handle.handle))
      handles.push(handle)
  }

  for (const { table } of files.emails) {
    for (const r of table.rows) {
      const value = text(table, r, "email address")
      if (value === undefined) continue
      if (!isEmail(value)) {
        extra.push({ name: "Email Address", value })
        continue
      }
      const confirmed = text(table, r, "confirmed")?.toLowerCase() !== "no"
      const entry: Labeled = { value, types: confirmed ? [] : ["unconfirmed"] }
      if (text(table, r, "primary")?.toLowerCase() === "yes") entry.primary = true
      addValue(emails, entry)
    }
  }

  for (const { table } of files.phones) {
    for (const r of table.rows) {
      // LinkedIn writes an all-empty `,,` row when no phone was given
      const number = text(table, r, "number")
      if (number === undefined) continue
      const type = text(table, r, "type")?.toLowerCase()
      const types = type === undefined ? [] : [phoneTypes[type] ?? type]
      addValue(phones, { value: phoneValue(number, text(table, r, "extension")), types })
    }
  }
  for (const { table } of files.whatsapp) {
    for (const r of table.rows) {
      const number = text(table, r, "number")
      if (number === undefined) continue
      const isWhatsapp = text(table, r, "is_whatsapp_number")?.toLowerCase()
      const types = isWhatsapp === "yes" || isWhatsapp === "true" ? ["whatsapp"] : []
      addValue(phones, { value: phoneValue(number, text(table, r, "extension")), types })
    }
  }

  const organizations: Array<SourceRecord.Organization> = []
  for (const { table } of files.positions) {
    for (const r of table.rows) {
      const company = text(table, r, "company name")
      const title = text(table, r, "title")
      const org = organization(company, title)
      if (org === undefined) continue
      const started = text(table, r, "started on") ?? ""
      const finished = text(table, r, "finished on")
      if (finished === undefined) {
        organizations.push(org)
      } else {
        // a past position is history, not a current organisation: kept as written
        const what = [title, company].filter((v) => v !== undefined).join(", ")
        extra.push({ name: "Position", value: `${what} (${started} - ${finished})` })
      }
    }
  }

  if (urls.length > 0) fields.urls = urls
  if (handles.length > 0) fields.handles = handles
  if (emails.length > 0) fields.emails = emails
  if (phones.length > 0) fields.phones = phones
  if (organizations.length > 0) fields.organizations = organizations
  if (extra.length > 0) fields.extra = extra
  return Source.selfItem(SourceRecord.make({ source: sourceName, file, record: "self" }, fields))
}
