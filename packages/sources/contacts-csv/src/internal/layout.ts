/**
 * Which contacts CSV a header row is (by its names, never positions) and what each column means.
 * Each column is looked up in the detected layout's table first, then in the generic synonyms;
 * what neither knows is kept verbatim in `extra`.
 */
import type { DateOrder } from "./dates.ts"
import { genericRole } from "./generic.ts"
import {
  googleAddressParts,
  googleExtraGroups,
  googleGroupKinds,
  googleHeaders,
  googleOrgParts,
  type OutlookLanguage,
  outlookHeaders,
  outlookRepeated,
  thunderbirdHeaders,
} from "./headers.ts"
import { extra, type Role } from "./roles.ts"

/** The layouts this adapter knows. */
export type LayoutId = "outlook" | "google" | "thunderbird" | "generic"

/** The provenance `source` of each layout. */
export const sourceOf: Readonly<Record<LayoutId, string>> = {
  outlook: "outlook-csv",
  google: "google-csv",
  thunderbird: "thunderbird-csv",
  generic: "csv",
}

/** One column of a header row and how to read it. */
export interface Column {
  readonly index: number
  /** The header as written (trimmed): the `extra` name. */
  readonly header: string
  readonly role: Role
  /** Google joins several values of one cell with ` ::: `. */
  readonly multi: boolean
  /** Column holding this value's type label (Google `- Type`/`- Label`). */
  readonly label?: number
  /** Column holding this handle's service (Google `IM N - Service`). */
  readonly service?: number
  /** Column holding this e-mail slot's display name (Outlook). */
  readonly display?: number
}

/** How to read the rows below a header. */
export interface Plan {
  readonly layout: LayoutId
  readonly source: string
  readonly columns: ReadonlyArray<Column>
  readonly dateOrder: DateOrder
  /** Mapping mode: several columns mapped to one field are joined with a space. */
  readonly join: boolean
}

/** Exact key: trimmed, spaces collapsed, lower case. */
export const keyOf = (header: string): string =>
  header.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase()

/**
 * Key that survives one kind of damage seen in real exports: every non-ASCII character replaced by
 * U+FFFD after a wrong re-encoding (`Stra\uFFFDe gesch\uFFFDftlich`). Each non-ASCII character is
 * one `?`, so `Straße` and `Stra\uFFFDe` meet.
 */
const fuzzyOf = (key: string): string => key.replace(/[^ -~]/g, "?")

interface Match {
  readonly role: Role
  readonly languages?: ReadonlyArray<OutlookLanguage>
}

/** A name table with exact and damage-tolerant lookups; the first entry of a name wins. */
const table = (entries: ReadonlyArray<readonly [string, Match]>) => {
  const exact = new Map<string, Match>()
  const fuzzy = new Map<string, Match | null>()
  for (const [header, match] of entries) {
    const key = keyOf(header)
    const known = exact.get(key)
    if (known) {
      exact.set(key, { ...known, languages: [...(known.languages ?? []), ...(match.languages ?? [])] })
      continue
    }
    exact.set(key, match)
    const f = fuzzyOf(key)
    // a damaged name that could be two different fields is no match at all
    const clash = fuzzy.has(f) && JSON.stringify(fuzzy.get(f)?.role) !== JSON.stringify(match.role)
    fuzzy.set(f, clash ? null : match)
  }
  return (header: string): Match | undefined => {
    const key = keyOf(header)
    return exact.get(key) ?? (key.includes("\ufffd") ? (fuzzy.get(fuzzyOf(key)) ?? undefined) : undefined)
  }
}

const outlookTable = table(outlookHeaders.map((e) => [e.header, { role: e.role, languages: e.languages }]))
const thunderbirdTable = table(thunderbirdHeaders.map(([h, role]) => [h, { role }]))
const googleTable = table(googleHeaders.map(([h, role]) => [h, { role }]))

/** Google's numbered group columns: `E-mail 2 - Value`, `Address 1 - City`, `IM 1 - Service`. */
const googleGroup = (header: string): Role | undefined => {
  const m = keyOf(header).match(/^(.+?) (\d+) - (.+)$/)
  if (!m) return undefined
  const [, word = "", n = "", sub = ""] = m
  const kind = googleGroupKinds[word]
  if (!kind) return googleExtraGroups.includes(word) ? extra : undefined
  const group = `${kind}:${n}`
  const isLabel = sub === "type" || sub === "label"
  switch (kind) {
    case "email":
    case "phone":
    case "url":
      if (isLabel) return { kind: "label", group }
      return sub === "value" ? { kind, types: [], group } : extra
    case "im":
      if (isLabel) return { kind: "label", group }
      if (sub === "service") return { kind: "imService", group }
      return sub === "value" ? { kind: "handle", service: "", group } : extra
    case "address": {
      if (isLabel) return { kind: "label", group }
      const part = googleAddressParts[sub]
      return part ? { kind: "address", part, group, types: [] } : extra
    }
    case "org": {
      const part = googleOrgParts[sub]
      return part ? { kind: "org", part, group: n } : extra
    }
  }
}

const lookups: Readonly<Record<LayoutId, (header: string) => Match | undefined>> = {
  outlook: outlookTable,
  thunderbird: thunderbirdTable,
  google: (h) => {
    const fixed = googleTable(h)
    if (fixed) return fixed
    const role = googleGroup(h)
    return role ? { role } : undefined
  },
  generic: (h) => {
    const role = genericRole(h)
    return role ? { role } : undefined
  },
}

const score = (layout: LayoutId, header: ReadonlyArray<string>): number =>
  header.reduce((n, h) => (h.trim() && lookups[layout](h) ? n + 1 : n), 0)

/**
 * The layout a row of header names belongs to, or undefined when it is no header. A known
 * layout must explain at least 80% as many columns as the generic synonyms do, so a CRM export
 * that happens to have "First Name" and "Last Name" is read (and labelled) as a generic CSV,
 * while an Outlook-style export with a few foreign columns stays Outlook.
 */
export const chooseLayout = (header: ReadonlyArray<string>): LayoutId | undefined => {
  let best: LayoutId | undefined
  let bestScore = 0
  for (const layout of ["outlook", "google", "thunderbird"] as const) {
    const s = score(layout, header)
    if (s > bestScore) {
      best = layout
      bestScore = s
    }
  }
  const generic = score("generic", header)
  if (best && bestScore >= 2 && bestScore >= generic * 0.8) return best
  return generic >= 2 ? "generic" : undefined
}

/** The slot of a single-valued field: a second column for it is kept in extra, not merged. */
const singleKey = (role: Role): string | undefined => {
  switch (role.kind) {
    case "name":
      return `name:${role.part}`
    case "org":
      return `org:${role.group}:${role.part}`
    case "address":
      return `address:${role.group}:${role.part}`
    case "birthday":
    case "photo":
      return role.kind
    case "birthPart":
      return `birth:${role.part}`
    case "label":
    case "imService":
      return `${role.kind}:${role.group}`
    default:
      return undefined
  }
}

/** Links value columns to their label, service and display-name columns. */
const link = (columns: ReadonlyArray<Omit<Column, "label" | "service" | "display">>): Column[] => {
  const labels = new Map<string, number>()
  const services = new Map<string, number>()
  const displays = new Map<string, number>()
  for (const c of columns) {
    if (c.role.kind === "label") labels.set(c.role.group, c.index)
    else if (c.role.kind === "imService") services.set(c.role.group, c.index)
    else if (c.role.kind === "emailDisplay") displays.set(c.role.slot, c.index)
  }
  return columns.map((c) => {
    const r = c.role
    const group = "group" in r && typeof r.group === "string" ? r.group : undefined
    const label = group !== undefined && r.kind !== "org" ? labels.get(group) : undefined
    const service = r.kind === "handle" && group !== undefined ? services.get(group) : undefined
    const display = r.kind === "email" && r.slot !== undefined ? displays.get(r.slot) : undefined
    return {
      ...c,
      ...(label !== undefined ? { label } : {}),
      ...(service !== undefined ? { service } : {}),
      ...(display !== undefined ? { display } : {}),
    }
  })
}

/** The reading plan for a header row in a detected layout. */
export const planFor = (layout: LayoutId, header: ReadonlyArray<string>): Plan => {
  const lookup = lookups[layout]
  const seen = new Set<string>()
  const repeats = new Map<string, number>()
  let localised = 0
  const columns = header.map((raw, index) => {
    const headerText = raw.trim()
    let match = headerText ? lookup(headerText) : undefined
    if (layout === "outlook" && match) {
      const rep = outlookRepeated.find((r) => keyOf(r.header) === keyOf(headerText))
      const count = rep ? header.filter((h) => keyOf(h) === keyOf(rep.header)).length : 0
      if (rep && count > 1) {
        const nth = repeats.get(rep.header) ?? 0
        repeats.set(rep.header, nth + 1)
        match = { ...match, role: rep.roles[nth] ?? extra }
      }
      if (match.languages && !match.languages.includes("en")) localised++
    }
    let role: Role = match?.role ?? (headerText ? genericRole(headerText) : undefined) ?? extra
    const single = singleKey(role)
    if (single) {
      if (seen.has(single)) role = extra
      else seen.add(single)
    }
    const multi =
      layout === "google" &&
      (role.kind === "email" || role.kind === "phone" || role.kind === "url" || role.kind === "handle")
    return { index, header: headerText || `column ${index + 1}`, role, multi }
  })
  return {
    layout,
    source: sourceOf[layout],
    columns: link(columns),
    // Outlook writes dates in the machine's locale: a localised header means day-first dates
    dateOrder: layout === "outlook" && localised > 0 ? "dmy" : "mdy",
    join: false,
  }
}

/** A header row found in a file: its position among the parsed rows and its plan. */
export interface HeaderFound {
  readonly row: number
  readonly plan: Plan
}

/** How many leading rows may precede the header (titles, notes, blank exports). */
export const headerScanRows = 20

/** Finds the first row within the first rows that is a contacts header. */
export const findHeader = (
  rows: ReadonlyArray<{ readonly fields: ReadonlyArray<string> }>,
): HeaderFound | undefined => {
  const n = Math.min(rows.length, headerScanRows)
  for (let i = 0; i < n; i++) {
    const fields = rows[i]!.fields
    const layout = chooseLayout(fields)
    if (layout) return { row: i, plan: planFor(layout, fields) }
  }
  return undefined
}

/** A plan built from a user's mapping: role per header index, the rest extra. */
export const planFromRoles = (
  header: ReadonlyArray<string>,
  roles: ReadonlyMap<number, ReadonlyArray<Role>>,
  dateOrder: DateOrder,
): Plan => {
  const columns: Array<Omit<Column, "label" | "service" | "display">> = []
  header.forEach((raw, index) => {
    const headerText = raw.trim() || `column ${index + 1}`
    const mapped = roles.get(index)
    if (!mapped || mapped.length === 0) columns.push({ index, header: headerText, role: extra, multi: false })
    else for (const role of mapped) columns.push({ index, header: headerText, role, multi: false })
  })
  return { layout: "generic", source: sourceOf.generic, columns: link(columns), dateOrder, join: true }
}
