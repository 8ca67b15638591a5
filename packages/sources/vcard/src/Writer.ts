/**
 * Writing vCard 4.0 with vcard4: resolved Contacts (the book export) or plain SourceRecords.
 *
 * Every card has FN (from the name, else the first e-mail, phone, organisation or handle), UID
 * (the contact id, or the record key), N, EMAIL, TEL (E.164 numbers as `tel:` URIs), ORG/TITLE,
 * ADR (with LABEL), URL, BDAY (year-less as `--MMDD`), NOTE, CATEGORIES, NICKNAME, PHOTO, IMPP for
 * chat accounts and X-SOCIALPROFILE for web profiles. TYPE takes the RFC 6350 types (`home`,
 * `work`, and the phone types); any other label is written Apple-style as `itemN.X-ABLabel`, which
 * the reader turns back into a type.
 *
 * @since 0.1.0
 */
import type { Contact, SourceRecord } from "@blackbook/model"
import { SourceRecord as Records } from "@blackbook/model"
import {
  AdrProperty,
  AnyParameter,
  BdayProperty,
  CategoriesProperty,
  DateTimeType,
  EmailProperty,
  ExtendedProperty,
  FNProperty,
  Group,
  IMPPProperty,
  IntegerType,
  LabelParameter,
  NicknameProperty,
  NoteProperty,
  NProperty,
  OrgProperty,
  ParameterValueType,
  PhotoProperty,
  PrefParameter,
  ProdidProperty,
  SpecialValueType,
  TelProperty,
  TextListType,
  TextType,
  TitleProperty,
  TypeParameter,
  UIDProperty,
  URIType,
  URLProperty,
  ValueParameter,
  VCARD,
} from "vcard4"
import { imSchemes, profileUrls } from "./internal/service.ts"

/**
 * What `toVCard4` accepts: a resolved contact or a single source's record.
 *
 * @category models
 * @since 0.1.0
 */
export type Writable = Contact.Contact | SourceRecord.SourceRecord

interface Labeled {
  readonly value: string
  readonly types: ReadonlyArray<string>
  readonly primary?: boolean
}

/** The fields a card is written from, common to Contact and SourceRecord. */
interface CardData {
  readonly uid: string
  readonly displayName: string | undefined
  readonly name: SourceRecord.NameParts
  readonly emails: ReadonlyArray<Labeled>
  readonly phones: ReadonlyArray<Labeled>
  readonly urls: ReadonlyArray<Labeled>
  readonly organizations: ReadonlyArray<SourceRecord.Organization>
  readonly addresses: ReadonlyArray<SourceRecord.PostalAddress>
  readonly handles: ReadonlyArray<SourceRecord.SocialHandle>
  readonly birthday: SourceRecord.Birthday | undefined
  readonly notes: ReadonlyArray<string>
  readonly categories: ReadonlyArray<string>
  readonly photo: string | undefined
}

const isContact = (w: Writable): w is Contact.Contact => "records" in w && "id" in w

const toCardData = (w: Writable): CardData =>
  isContact(w)
    ? {
        uid: w.id,
        displayName: w.displayName,
        name: w.name,
        emails: w.emails,
        phones: w.phones,
        urls: w.urls,
        organizations: w.organizations,
        addresses: w.addresses,
        handles: w.handles,
        birthday: w.birthday,
        notes: w.notes,
        categories: w.categories,
        photo: w.records.find((r) => r.photo !== undefined)?.photo,
      }
    : {
        uid: Records.key(w.provenance),
        displayName: undefined,
        name: w.name,
        emails: w.emails,
        phones: w.phones,
        urls: w.urls,
        organizations: w.organizations,
        addresses: w.addresses,
        handles: w.handles,
        birthday: w.birthday,
        notes: w.notes,
        categories: w.categories,
        photo: w.photo,
      }

/** Text for vcard4: line breaks as `\n` (it escapes those), other control characters removed. */
const clean = (s: string | undefined): string =>
  (s ?? "")
    .replace(/\r\n?/g, "\n")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .trim()

const textOf = (s: string | undefined): TextType | undefined => {
  const v = clean(s)
  return v === "" ? undefined : new TextType(v)
}

/** A URI for vcard4 (which checks `URL.canParse`); bare hosts get `http://`. */
const uriOf = (s: string): URIType | undefined => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: whitespace and controls never belong in a URI
  const v = s.replace(/[\u0000-\u0020\u007f]/g, "")
  if (v === "") return undefined
  const candidate = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(v) ? v : `http://${v}`
  return URL.canParse(candidate) ? new URIType(candidate) : undefined
}

const displayNameOf = (d: CardData): string => {
  const n = d.name
  const composed = [n.prefix, n.given, n.middle, n.family, n.suffix]
    .filter((x) => x && x.trim() !== "")
    .join(" ")
  const candidates = [
    d.displayName,
    n.formatted,
    composed,
    n.nickname,
    d.organizations[0]?.company,
    d.emails[0]?.value,
    d.phones[0]?.value,
    d.handles[0] ? `${d.handles[0].handle} (${d.handles[0].service})` : undefined,
  ]
  return candidates.map(clean).find((c) => c !== "") ?? "Unnamed contact"
}

const STANDARD = /^(?:work|home)$/i
const TEL_STANDARD = /^(?:work|home|text|voice|fax|cell|video|pager|textphone|main)$/i

type Prop = ConstructorParameters<typeof VCARD>[0][number]
type Param = InstanceType<typeof TypeParameter> | InstanceType<typeof PrefParameter>

// vcard4's objects are immutable and costly to build (transpiled private fields): the few
// distinct parameters are built once and shared between cards.
const PREF = new PrefParameter(new IntegerType(1))
const VALUE_URI = new ValueParameter(new URIType("tel:+1"))
const VALUE_TEXT = new ValueParameter(new TextType("text"))
const typeParameters = new Map<string, InstanceType<typeof TypeParameter>>()
const typeParameter = (target: string, types: ReadonlyArray<string>): InstanceType<typeof TypeParameter> => {
  const key = `${target}:${types.join(",")}`
  let p = typeParameters.get(key)
  if (!p) {
    p = new TypeParameter(
      target,
      types.map((t) => new ParameterValueType(t)),
    )
    if (typeParameters.size < 1000) typeParameters.set(key, p)
  }
  return p
}
const serviceParameters = new Map<string, InstanceType<typeof AnyParameter>>()
const serviceParameter = (service: string): InstanceType<typeof AnyParameter> => {
  let p = serviceParameters.get(service)
  if (!p) {
    p = new AnyParameter("X-SERVICE-TYPE", new ParameterValueType(service))
    if (serviceParameters.size < 1000) serviceParameters.set(service, p)
  }
  return p
}

/** Splits labels into TYPE values vcard4 accepts and custom labels written as X-ABLabel. */
const typeParams = (
  target: string,
  labeled: Labeled,
  standard: RegExp,
): { readonly params: Array<Param>; readonly custom: Array<string> } => {
  const std: Array<string> = []
  const custom: Array<string> = []
  for (const t of labeled.types) {
    const v = clean(t)
    if (v === "") continue
    if (standard.test(v)) {
      if (!std.includes(v.toLowerCase())) std.push(v.toLowerCase())
    } else if (!custom.includes(v)) custom.push(v)
  }
  const params: Array<Param> = []
  if (std.length > 0) params.push(typeParameter(target, std))
  if (labeled.primary) params.push(PREF)
  return { params, custom }
}

const E164 = /^\+[1-9]\d{6,14}$/

const birthdayProp = (b: SourceRecord.Birthday): BdayProperty | undefined => {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0")
  const { year, month, day } = b
  let date: string | undefined
  if (month !== undefined && day !== undefined)
    date = year !== undefined ? `${pad(year, 4)}${pad(month)}${pad(day)}` : `--${pad(month)}${pad(day)}`
  else if (year !== undefined && month !== undefined) date = `${pad(year, 4)}-${pad(month)}`
  else if (year !== undefined) date = pad(year, 4)
  if (date !== undefined) {
    try {
      return new BdayProperty([], new DateTimeType("dateandortime", date))
    } catch {
      // an impossible date (Feb 30) falls through to text
    }
  }
  const text = textOf(b.text ?? date)
  return text ? new BdayProperty([VALUE_TEXT], text) : undefined
}

/** Builds the vcard4 properties of one card. */
const properties = (d: CardData): Array<Prop> => {
  const props: Array<Prop> = []
  let groups = 0
  // A property with custom labels goes into an itemN group with one X-ABLabel per label.
  const push = (prop: Prop & { repr(): string }, custom: ReadonlyArray<string>) => {
    if (custom.length === 0 || !("params" in prop)) {
      props.push(prop)
      return
    }
    const labels = custom.map((l) => new ExtendedProperty("X-ABLabel", [], new TextType(l)))
    props.push(
      new Group([prop as ConstructorParameters<typeof Group>[0][number], ...labels], `item${++groups}`),
    )
  }
  // vcard4 validates as it builds; a value it refuses is skipped rather than failing the export.
  const attempt = (build: () => void) => {
    try {
      build()
    } catch {
      // see above
    }
  }

  props.push(new FNProperty([], new TextType(displayNameOf(d))))
  const n = d.name
  const nParts = [n.family, n.given, n.middle, n.prefix, n.suffix].map(textOf)
  if (nParts.some((p) => p !== undefined)) {
    attempt(() => props.push(new NProperty([], new SpecialValueType("NProperty", nParts))))
  }
  const nickname = textOf(n.nickname)
  if (nickname) props.push(new NicknameProperty([], nickname))

  for (const e of d.emails) {
    const v = textOf(e.value)
    if (!v) continue
    attempt(() => {
      const { params, custom } = typeParams("EmailProperty", e, STANDARD)
      push(new EmailProperty(params, v), custom)
    })
  }
  for (const p of d.phones) {
    const raw = clean(p.value)
    if (raw === "") continue
    attempt(() => {
      const { params, custom } = typeParams("TelProperty", p, TEL_STANDARD)
      // A global number is written as a tel: URI, keeping its visual separators (RFC 3966), so the
      // number reads back exactly as given; anything else (local numbers, spaces) stays text.
      if (E164.test(raw.replace(/[().-]/g, "")) && /^\+[\d().-]+$/.test(raw)) {
        push(new TelProperty([VALUE_URI, ...params], new URIType(`tel:${raw}`)), custom)
      } else push(new TelProperty(params, new TextType(raw)), custom)
    })
  }
  for (const o of d.organizations) {
    const units = [textOf(o.company), textOf(o.department)].filter((u): u is TextType => u !== undefined)
    if (units.length > 0)
      attempt(() => props.push(new OrgProperty([], new SpecialValueType("OrgProperty", units))))
    const title = textOf(o.title)
    if (title) props.push(new TitleProperty([], title))
  }
  for (const a of d.addresses) {
    const parts = [a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country].map(textOf)
    const label = clean(a.formatted)
    attempt(() => {
      const { params, custom } = typeParams("AdrProperty", { value: "", types: a.types }, STANDARD)
      const all = label === "" ? params : [...params, new LabelParameter(new ParameterValueType(label))]
      if (parts.every((p) => p === undefined) && label === "") return
      push(new AdrProperty(all, new SpecialValueType("AdrProperty", parts)), custom)
    })
  }
  for (const u of d.urls) {
    const uri = uriOf(u.value)
    if (!uri) continue
    attempt(() => {
      const { params, custom } = typeParams("URLProperty", u, STANDARD)
      push(new URLProperty(params, uri), custom)
    })
  }
  const bday = d.birthday ? birthdayProp(d.birthday) : undefined
  if (bday) props.push(bday)
  for (const note of d.notes) {
    const v = textOf(note)
    if (v) props.push(new NoteProperty([], v))
  }
  const categories = d.categories.map(textOf).filter((c): c is TextType => c !== undefined)
  if (categories.length > 0) props.push(new CategoriesProperty([], new TextListType(categories)))
  const photo = d.photo ? uriOf(d.photo) : undefined
  if (photo) props.push(new PhotoProperty([], photo))

  for (const h of d.handles) {
    const handle = clean(h.handle)
    const service = clean(h.service).toLowerCase()
    if (handle === "" || service === "") continue
    attempt(() => {
      const scheme = imSchemes[service]
      const serviceParam = serviceParameter(service)
      if (scheme) {
        const uri = uriOf(`${scheme}:${encodeURIComponent(handle).replace(/%40/g, "@")}`)
        if (uri) props.push(new IMPPProperty([serviceParam], uri))
        return
      }
      const profile = profileUrls[service]
      const url = uriOf(profile ? profile(handle) : `x-apple:${encodeURIComponent(handle)}`)
      if (!url) return
      const params = [serviceParam, new AnyParameter("X-USER", new ParameterValueType(handle))]
      if (h.id) params.push(new AnyParameter("X-USERID", new ParameterValueType(clean(h.id))))
      props.push(new ExtendedProperty("X-SOCIALPROFILE", params, url))
    })
  }
  const uid = clean(d.uid)
  if (uid !== "") {
    const asUri = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(uid) ? uriOf(uid) : undefined
    attempt(() => props.push(new UIDProperty([], asUri ?? new TextType(uid))))
  }
  return props
}

const PRODID = new ProdidProperty([], new TextType("-//Blackbook//Blackbook 0.1//EN"))

/** UTF-8 length of one code point. */
const utf8Size = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4)

/**
 * Folds at 75 octets on code point boundaries (RFC 6350 3.2). vcard4 folds at 75 UTF-16 units,
 * which can split a surrogate pair, so its output is unfolded first.
 */
const fold = (unfolded: string): string =>
  unfolded
    .split("\r\n")
    .map((line) => {
      if (line.length <= 25) return line // 25 chars are at most 75 octets
      const out: Array<string> = []
      let start = 0
      let size = 0
      let limit = 75
      for (let i = 0; i < line.length; i++) {
        const cp = line.codePointAt(i)!
        const bytes = utf8Size(cp)
        if (size + bytes > limit) {
          out.push(line.slice(start, i))
          start = i
          size = 0
          limit = 74 // continuation lines start with a space
        }
        size += bytes
        if (cp > 0xffff) i++
      }
      out.push(line.slice(start))
      return out.join("\r\n ")
    })
    .join("\r\n")

// vcard4 only writes X- parameters on extended properties; Apple readers expect TYPE=<service>.
const socialType = (card: string): string =>
  card.replace(/^X-SOCIALPROFILE;X-SERVICE-TYPE=/gm, "X-SOCIALPROFILE;TYPE=")

/**
 * One vCard 4.0 card (CRLF line ends, folded at 75 octets).
 *
 * @category writing
 * @since 0.1.0
 */
export const toVCard4Card = (item: Writable): string => {
  const card = new VCARD([...properties(toCardData(item)), PRODID])
  return fold(socialType(card.repr().replace(/\r\n[ \t]/g, "")))
}

/**
 * Writes contacts or records as one vCard 4.0 file. Reading the output with this package's
 * reader gives back the same names, e-mails and phones.
 *
 * @category writing
 * @since 0.1.0
 */
export const toVCard4 = (items: ReadonlyArray<Writable>): string => items.map(toVCard4Card).join("")
