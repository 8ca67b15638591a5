/**
 * One card's properties to a SourceRecord. The design table:
 *
 * | property                          | goes to                                              |
 * |-----------------------------------|------------------------------------------------------|
 * | FN (first)                        | name.formatted                                       |
 * | N (first)                         | name family;given;middle;prefix;suffix               |
 * | NICKNAME (first), Android nickname| name.nickname                                        |
 * | EMAIL / TEL / URL                 | emails / phones / urls, TYPE and bare 2.1 params as  |
 * |                                   | types, PREF or TYPE=pref as primary                  |
 * | TEL with a sip: value, IMPP,      | handles { service, handle }                          |
 * | X-AIM/X-ICQ/..., X-SOCIALPROFILE, |                                                      |
 * | X-messaging/xxx-All               |                                                      |
 * | ADR (+ LABEL param), LABEL        | addresses (LABEL joins the ADR with the same group or|
 * |                                   | types, else stands alone as `formatted`)             |
 * | ORG / TITLE                       | organizations, paired in order                       |
 * | BDAY (first readable)             | birthday                                             |
 * | NOTE / CATEGORIES                 | notes / categories                                   |
 * | PHOTO (first usable)              | photo as data: URI or URL                            |
 * | itemN.X-ABLabel                   | a type on the EMAIL/TEL/URL/ADR of group itemN; kept |
 * |                                   | in extra when nothing in the group has types         |
 * | VERSION, empty values             | (format metadata / nothing to keep)                  |
 * | anything else, and every value    | extra { name: property with its params, value }      |
 * | that does not fit its field       |                                                      |
 */
import { SourceRecord } from "@blackbook/model"
import { parseBirthday } from "./birthday.ts"
import type { RawCard } from "./cards.ts"
import type { Parameter, Property } from "./contentLine.ts"
import { splitUnescaped, unescapeText } from "./escape.ts"
import { photoUri } from "./photo.ts"
import {
  canonicalService,
  handleOfUrl,
  imProperties,
  kdeMessagingService,
  serviceOfUrl,
  splitImUri,
} from "./service.ts"

type LabeledValue = SourceRecord.LabeledValue
type PostalAddress = SourceRecord.PostalAddress
type SocialHandle = SourceRecord.SocialHandle
type Organization = SourceRecord.Organization
type NameParts = SourceRecord.NameParts
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

// Parameter tokens that describe the transport, not the value: never types.
const TRANSPORT = new Set(["quoted-printable", "base64", "b", "8bit", "7bit"])
const EMAIL_NOISE = new Set(["internet", "x400"])
const TEL_NOISE = new Set(["voice"])
const NONE: ReadonlySet<string> = new Set()

const isTransportParam = (p: Parameter): boolean =>
  p.name === "CHARSET" ||
  (p.name === "ENCODING" && p.values.some((v) => v.toUpperCase() === "QUOTED-PRINTABLE")) ||
  (p.name === undefined && p.values.some((v) => v.toUpperCase() === "QUOTED-PRINTABLE"))

/** The `extra` entry for a property: its name and parameters as written, minus QP/CHARSET (the value is decoded). */
const extraOf = (p: Property): SourceRecord.ExtraField => ({
  name: [p.rawName, ...p.params.filter((x) => !isTransportParam(x)).map((x) => x.raw)].join(";"),
  value: p.base64 ? p.value.replace(/\s+/g, "") : p.value,
})

/** Apple's `_$!<HomePage>!$_` standard labels read as `homepage`; custom labels stay verbatim. */
const abLabel = (raw: string): string | undefined => {
  const v = unescapeText(raw).trim()
  if (v === "") return undefined
  const m = /^_\$!<(.+)>!\$_$/.exec(v)
  return m ? m[1]!.toLowerCase() : v
}

const text = (raw: string): string => unescapeText(raw).trim()
const nonEmpty = (s: string | undefined): s is string => s !== undefined && s !== ""

/** Types from TYPE and bare parameters, lower-cased; `pref` and PREF=1 become `primary`. */
const labelsOf = (p: Property, noise: ReadonlySet<string>) => {
  const types: Array<string> = []
  let primary = false
  for (const param of p.params) {
    if (param.name === "PREF") {
      const rank = param.values[0]
      if (rank === undefined || Number(rank) === 1) primary = true
      continue
    }
    if (param.name !== undefined && param.name !== "TYPE") continue
    for (const value of param.values) {
      for (const part of value.split(",")) {
        // `TYPE=HOME,TYPE=VOICE` repeats the parameter name inside the list
        const t = part
          .trim()
          .toLowerCase()
          .replace(/^type=/, "")
        if (t === "") continue
        if (t === "pref") primary = true
        else if (!TRANSPORT.has(t) && !noise.has(t) && !types.includes(t)) types.push(t)
      }
    }
  }
  return { types, primary }
}

/** `"Omega" <omega@example.com>` -> `omega@example.com`; `mailto:` dropped. */
const cleanEmail = (raw: string): string => {
  const v = text(raw).replace(/^mailto:/i, "")
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(v)
  return angle ? angle[1]! : v
}

/** `tel:+1-418-656-9254;ext=102` -> `+1-418-656-9254 ext. 102`. */
const cleanTel = (raw: string): string => {
  const v = text(raw)
  if (!/^tel:/i.test(v)) return v
  const [number = "", ...params] = v.slice(4).split(";")
  const ext = params.find((x) => /^ext=/i.test(x))?.slice(4)
  return ext ? `${number} ext. ${ext}` : number
}

const typeKey = (types: ReadonlyArray<string>): string => [...types].sort().join(",")

/** Positions in address order, each taken once; `first` skips the taken ones it meets. */
class Queue {
  private at = 0
  constructor(readonly items: Array<number> = []) {}
  first(taken: (i: number) => boolean): number | undefined {
    while (this.at < this.items.length && taken(this.items[this.at]!)) this.at++
    return this.items[this.at]
  }
}

/**
 * The ADR addresses a LABEL may still complete (those without a formatted form), indexed by group,
 * by their sorted types and by each type, so a card of many ADR and LABEL lines pairs them in one
 * pass. Each lookup gives the first free address in card order, as a scan of the list would.
 */
const freeAddresses = (
  addresses: ReadonlyArray<Mutable<PostalAddress>>,
  groups: ReadonlyArray<string | undefined>,
) => {
  const byGroup = new Map<string, Queue>()
  const byTypes = new Map<string, Queue>()
  const byType = new Map<string, Queue>()
  const add = (index: Map<string, Queue>, key: string, i: number) => {
    const q = index.get(key)
    if (q) q.items.push(i)
    else index.set(key, new Queue([i]))
  }
  addresses.forEach((a, i) => {
    if (a.formatted !== undefined) return
    const g = groups[i]
    if (g !== undefined) add(byGroup, g, i)
    add(byTypes, typeKey(a.types), i)
    for (const t of new Set(a.types)) add(byType, t, i)
  })
  const taken = (i: number) => addresses[i]!.formatted !== undefined
  return {
    byGroup: (group: string) => byGroup.get(group)?.first(taken),
    byTypes: (key: string) => byTypes.get(key)?.first(taken),
    sharingType: (types: ReadonlyArray<string>) => {
      let best: number | undefined
      for (const t of types) {
        const i = byType.get(t)?.first(taken)
        if (i !== undefined && (best === undefined || i < best)) best = i
      }
      return best
    },
  }
}

/** Maps a card to a record. Throws only on programming errors (the reader turns those into Issues). */
export const toRecord = (
  card: Pick<RawCard, "properties">,
  provenance: SourceRecord.Provenance,
): SourceRecord.SourceRecord => {
  const props = card.properties
  const version = props.find((p) => p.name === "VERSION")?.value.trim()
  const listsInName = version !== "2.1" && version !== "2.0"

  // itemN.X-ABLabel: labels per group, added as types to the group's other properties
  // (a set per group: a label repeated in one group adds one type, and costs once)
  const labels = new Map<string, Set<string>>()
  for (const p of props) {
    if (p.name !== "X-ABLABEL" || !p.group) continue
    const l = abLabel(p.value)
    if (!l) continue
    const key = p.group.toLowerCase()
    const own = labels.get(key)
    if (own) own.add(l)
    else labels.set(key, new Set([l]))
  }
  const usedGroups = new Set<string>()
  const withGroup = (p: Property, types: Array<string>): Array<string> => {
    if (!p.group) return types
    const key = p.group.toLowerCase()
    usedGroups.add(key)
    const own = labels.get(key)
    if (own === undefined) return types
    const seen = new Set(types)
    for (const l of own) if (!seen.has(l)) types.push(l)
    return types
  }

  const name: Mutable<NameParts> = {}
  const emails: Array<LabeledValue> = []
  const phones: Array<LabeledValue> = []
  const urls: Array<LabeledValue> = []
  const handles: Array<SocialHandle> = []
  const addresses: Array<Mutable<PostalAddress>> = []
  const addressGroups: Array<string | undefined> = []
  const labelProps: Array<Property> = []
  const orgs: Array<{ company?: string; department?: string }> = []
  const titles: Array<string> = []
  const notes: Array<string> = []
  const categories: Array<string> = []
  const categorySet = new Set<string>()
  const extra: Array<SourceRecord.ExtraField> = []
  let birthday: SourceRecord.Birthday | undefined
  let photo: string | undefined
  let sawFn = false
  let sawN = false
  let sawNickname = false

  const labeled = (p: Property, value: string, noise: ReadonlySet<string>): LabeledValue => {
    const { types, primary } = labelsOf(p, noise)
    return primary ? { value, types: withGroup(p, types), primary } : { value, types: withGroup(p, types) }
  }
  const handleKeys = new Set<string>()
  const addHandle = (service: string, handle: string, id?: string) => {
    // handles carry no types: an itemN.X-ABLabel on IMPP stays in extra
    const h = handle.trim()
    if (h === "") return
    const key = `${service}\u0000${h}`
    if (handleKeys.has(key)) return
    handleKeys.add(key)
    handles.push(id ? { service, handle: h, id } : { service, handle: h })
  }
  const param = (p: Property, name: string): string | undefined =>
    p.params.find((x) => x.name === name)?.values[0]

  for (const p of props) {
    switch (p.name) {
      case "VERSION":
        break
      case "FN": {
        const v = text(p.value)
        if (v === "") break
        if (sawFn) extra.push(extraOf(p))
        else name.formatted = v
        sawFn = true
        break
      }
      case "N": {
        if (sawN) {
          extra.push(extraOf(p))
          break
        }
        sawN = true
        const comps = splitUnescaped(p.value, ";")
        const part = (i: number): string | undefined => {
          const c = comps[i]
          if (c === undefined) return undefined
          const items = listsInName ? splitUnescaped(c, ",") : [c]
          const joined = items.map(text).filter(nonEmpty).join(" ")
          return joined === "" ? undefined : joined
        }
        const fields = ["family", "given", "middle", "prefix", "suffix"] as const
        fields.forEach((f, i) => {
          const v = part(i)
          if (v !== undefined) name[f] = v
        })
        if (comps.slice(5).some((c) => text(c) !== "")) extra.push(extraOf(p))
        break
      }
      case "NICKNAME": {
        const v = splitUnescaped(p.value, ",").map(text).filter(nonEmpty).join(", ")
        if (v === "") break
        if (sawNickname) extra.push(extraOf(p))
        else name.nickname = v
        sawNickname = true
        break
      }
      case "X-ANDROID-CUSTOM": {
        // Android keeps nicknames here in 2.1 exports: `vnd.android.cursor.item/nickname;Nick;1;...`
        const comps = splitUnescaped(p.value, ";").map(text)
        if (comps[0] === "vnd.android.cursor.item/nickname" && comps[1] && !sawNickname) {
          name.nickname = comps[1]
          sawNickname = true
        } else extra.push(extraOf(p))
        break
      }
      case "EMAIL": {
        const v = cleanEmail(p.value)
        if (v !== "") emails.push(labeled(p, v, EMAIL_NOISE))
        break
      }
      case "TEL": {
        const v = cleanTel(p.value)
        if (v === "") break
        if (/^sips?:/i.test(v)) addHandle("sip", splitImUri(v).handle)
        else phones.push(labeled(p, v, TEL_NOISE))
        break
      }
      case "URL": {
        const v = text(p.value)
        if (v !== "") urls.push(labeled(p, v, NONE))
        break
      }
      case "ADR": {
        const comps = splitUnescaped(p.value, ";").map(text)
        // LABEL is one value: an unquoted comma in it is text, not a list separator
        const label = p.params.find((x) => x.name === "LABEL")?.text
        const formatted = label === undefined ? undefined : text(label)
        const { types } = labelsOf(p, NONE)
        const a: Mutable<PostalAddress> = { types: withGroup(p, types) }
        const fields = ["poBox", "extended", "street", "locality", "region", "postalCode", "country"] as const
        fields.forEach((f, i) => {
          const v = comps[i]
          if (nonEmpty(v)) a[f] = v
        })
        if (nonEmpty(formatted)) a.formatted = formatted
        if (comps.slice(7).some(nonEmpty)) extra.push(extraOf(p))
        if (Object.keys(a).length > 1) {
          addresses.push(a)
          addressGroups.push(p.group?.toLowerCase())
        }
        break
      }
      case "LABEL":
        if (text(p.value) !== "") labelProps.push(p)
        break
      case "ORG": {
        const comps = splitUnescaped(p.value, ";").map(text)
        const company = comps[0]
        const department = comps.slice(1).filter(nonEmpty).join(", ")
        // organisations carry no types: an itemN.X-ABLabel on ORG stays in extra
        if (!nonEmpty(company) && department === "") break
        // Not by spreads: an object that starts with one gets a hidden class of its own in V8.
        orgs.push(
          nonEmpty(company) ? (department !== "" ? { company, department } : { company }) : { department },
        )
        break
      }
      case "TITLE": {
        const v = text(p.value)
        if (v !== "") titles.push(v)
        break
      }
      case "BDAY": {
        const vt = param(p, "VALUE")?.toLowerCase()
        const omit = param(p, "X-APPLE-OMIT-YEAR")
        const b = birthday
          ? undefined
          : parseBirthday(text(p.value), vt === "text", omit ? Number(omit) : undefined)
        if (b) birthday = b
        else if (text(p.value) !== "") extra.push(extraOf(p))
        break
      }
      case "NOTE": {
        const v = text(p.value)
        if (v !== "") notes.push(v)
        break
      }
      case "CATEGORIES":
        for (const c of splitUnescaped(p.value, ",").map(text)) {
          if (c !== "" && !categorySet.has(c)) {
            categorySet.add(c)
            categories.push(c)
          }
        }
        break
      case "PHOTO": {
        const r = photoUri(unescapeText(p.value), p.base64, p.params)
        if (r && "empty" in r) break
        if (r && photo === undefined) photo = r.uri
        else extra.push(extraOf(p))
        break
      }
      case "IMPP": {
        const { scheme, handle } = splitImUri(text(p.value))
        const declared = param(p, "X-SERVICE-TYPE")
        const service = declared ? canonicalService(declared) : scheme ? canonicalService(scheme) : "im"
        addHandle(service, handle)
        break
      }
      case "X-SOCIALPROFILE": {
        const url = text(p.value)
        const { types } = labelsOf(p, NONE)
        const declared = param(p, "X-SERVICE-TYPE") ?? types[0]
        const service = declared ? canonicalService(declared) : serviceOfUrl(url)
        const handle = param(p, "X-USER") ?? handleOfUrl(url) ?? url
        if (service && handle) addHandle(service, handle, param(p, "X-USERID"))
        else if (url !== "") extra.push(extraOf(p))
        break
      }
      case "X-ABLABEL":
        break // resolved below: kept in extra only when nothing in its group was modelled
      default: {
        const service = imProperties[p.name] ?? kdeMessagingService(p.name)
        if (service) {
          // KDE joins several accounts with U+E000; X-SIP values may carry their scheme
          for (const h of text(p.value).split("\uE000")) {
            addHandle(service, service === "sip" ? h.replace(/^sips?:/i, "") : h)
          }
        } else extra.push(extraOf(p))
      }
    }
  }

  // LABEL (2.1/3.0): the formatted form of the ADR with the same group, else the same types, else
  // one sharing a type (LABEL;HOME;PARCEL for ADR;HOME)
  const free = freeAddresses(addresses, addressGroups)
  for (const p of labelProps) {
    const formatted = text(p.value)
    const { types } = labelsOf(p, NONE)
    const group = p.group?.toLowerCase()
    const target =
      (group ? free.byGroup(group) : undefined) ?? free.byTypes(typeKey(types)) ?? free.sharingType(types)
    if (target !== undefined) addresses[target]!.formatted = formatted
    else {
      addresses.push({ types: withGroup(p, types), formatted })
      addressGroups.push(group)
    }
    if (group) usedGroups.add(group)
  }

  for (const p of props) {
    if (p.name !== "X-ABLABEL") continue
    const key = p.group?.toLowerCase()
    if (key && usedGroups.has(key)) continue
    if (abLabel(p.value) !== undefined) extra.push(extraOf(p))
  }

  const organizations: Array<Organization> = []
  for (let i = 0; i < Math.max(orgs.length, titles.length); i++) {
    const title = titles[i]
    // Object.assign, not spreads: V8 gives `{ ...x, ...y }` a hidden class per object.
    organizations.push(Object.assign({}, orgs[i], title !== undefined ? { title } : {}))
  }

  return SourceRecord.make(provenance, {
    name,
    emails,
    phones,
    organizations,
    addresses,
    urls,
    handles,
    notes,
    categories,
    extra,
    ...(birthday ? { birthday } : {}),
    ...(photo !== undefined ? { photo } : {}),
  })
}

/** Whether a record carries anything at all (a card of only VERSION reads as nothing). */
export const isEmptyRecord = (r: SourceRecord.SourceRecord): boolean =>
  Object.keys(r.name).length === 0 &&
  r.emails.length === 0 &&
  r.phones.length === 0 &&
  r.organizations.length === 0 &&
  r.addresses.length === 0 &&
  r.urls.length === 0 &&
  r.handles.length === 0 &&
  r.notes.length === 0 &&
  r.categories.length === 0 &&
  r.extra.length === 0 &&
  r.birthday === undefined &&
  r.photo === undefined
