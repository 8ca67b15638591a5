/**
 * What a CSV column means, as data: the header tables map header names onto these roles and the
 * row reader interprets them. Groups tie columns that build one value together (the street and
 * city of one address, Google's `E-mail 1 - Type` and `E-mail 1 - Value`).
 */

/** A name part of the SourceRecord model. */
export type NamePart = "prefix" | "given" | "middle" | "family" | "suffix" | "nickname" | "formatted"

/** An address part; `street2`/`street3` are Outlook's extra street lines, joined to `street` with newlines. */
export type AddressPart =
  | "street"
  | "street2"
  | "street3"
  | "locality"
  | "region"
  | "postalCode"
  | "country"
  | "poBox"
  | "extended"
  | "formatted"

/** An organization part. */
export type OrgPart = "company" | "title" | "department"

/** How a categories cell separates its values. */
export type CategorySeparator = ";" | ":::" | "any"

/** The meaning of one column. */
export type Role =
  | { readonly kind: "name"; readonly part: NamePart }
  | {
      readonly kind: "email" | "phone" | "url"
      readonly types: ReadonlyArray<string>
      readonly primary?: boolean
      /** Google: the group whose `- Type`/`- Label` column labels this value. */
      readonly group?: string
      /** Outlook: the e-mail slot whose `Display Name` column can stand in for an Exchange address. */
      readonly slot?: string
    }
  | { readonly kind: "emailDisplay"; readonly slot: string }
  | { readonly kind: "org"; readonly part: OrgPart; readonly group: string }
  | {
      readonly kind: "address"
      readonly part: AddressPart
      readonly group: string
      readonly types: ReadonlyArray<string>
    }
  | { readonly kind: "birthday" }
  | { readonly kind: "birthPart"; readonly part: "year" | "month" | "day" }
  | { readonly kind: "notes" }
  | { readonly kind: "categories"; readonly separator: CategorySeparator }
  | { readonly kind: "handle"; readonly service: string; readonly group?: string }
  | { readonly kind: "photo" }
  /** Google `X N - Type`/`- Label`: labels the values of its group. */
  | { readonly kind: "label"; readonly group: string }
  /** Google `IM N - Service`: the service of its group's handles. */
  | { readonly kind: "imService"; readonly group: string }
  /** The record id of the generic mapping: kept in extra as `id`. */
  | { readonly kind: "id" }
  /**
   * A known column Blackbook does not model: kept verbatim in `extra`. `empty` lists the exporter's
   * own default values that mean "nothing here" (dropped); `date` marks a date column whose zero
   * date (`0/0/00`) means empty.
   */
  | { readonly kind: "extra"; readonly empty?: ReadonlyArray<string>; readonly date?: boolean }

/** A name part column. */
export const name = (part: NamePart): Role => ({ kind: "name", part })
/** An e-mail column, with fixed types, primary flag or Outlook slot. */
export const email = (
  types: ReadonlyArray<string> = [],
  extra: { primary?: boolean; slot?: string } = {},
): Role => ({
  kind: "email",
  types,
  ...extra,
})
/** A phone column with its type labels. */
export const phone = (...types: ReadonlyArray<string>): Role => ({ kind: "phone", types })
/** Outlook's "Primary Phone": the preferred number, no type. */
export const primaryPhone: Role = { kind: "phone", types: [], primary: true }
/** A web page column with its type labels. */
export const url = (...types: ReadonlyArray<string>): Role => ({ kind: "url", types })
/** An organization part column (group "1" unless numbered). */
export const org = (part: OrgPart, group = "1"): Role => ({ kind: "org", part, group })
/** An address part of a typed address (`work`, `home`, `other`): the type is also the group. */
export const address = (type: string, part: AddressPart): Role => ({
  kind: "address",
  part,
  group: type,
  types: type ? [type] : [],
})
/** A birthday column (any date format). */
export const birthday: Role = { kind: "birthday" }
/** A notes column. */
export const notes: Role = { kind: "notes" }
/** A categories column and how it separates values. */
export const categories = (separator: CategorySeparator): Role => ({ kind: "categories", separator })
/** A social or IM handle column for a service. */
export const handle = (service: string): Role => ({ kind: "handle", service })
/** A photo URI column. */
export const photo: Role = { kind: "photo" }
/** A known column kept verbatim in extra. */
export const extra: Role = { kind: "extra" }
/** A known column whose listed values are the exporter's "nothing set" defaults. */
export const defaulted = (...empty: ReadonlyArray<string>): Role => ({ kind: "extra", empty })
/** A known date column kept in extra unless it is a zero date. */
export const dateExtra: Role = { kind: "extra", date: true }

/** True for roles that identify a person (a row with none of them is not a usable contact). */
export const isIdentity = (role: Role): boolean =>
  role.kind === "email" ||
  role.kind === "phone" ||
  role.kind === "handle" ||
  (role.kind === "name" && role.part !== "prefix" && role.part !== "suffix") ||
  (role.kind === "org" && role.part === "company")
