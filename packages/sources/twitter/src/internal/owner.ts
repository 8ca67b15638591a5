/**
 * The archive owner ("me") from account.js, the manifest's userInfo, profile.js and
 * screen-name-change.js.
 */
import { SourceRecord } from "@blackbook/model"
import { accountLocator, intentUrl, SOURCE } from "./accounts.ts"
import { asObject, asText, type Obj } from "./json.ts"

/** What the archive says about its owner, each part with the file it came from. */
export interface OwnerParts {
  readonly id: string
  /** The file the owner's id was read from: account.js, else manifest.js, else screen-name-change.js. */
  readonly file: string
  readonly account?: { readonly file: string; readonly value: Obj }
  readonly manifest?: { readonly userName?: string; readonly displayName?: string }
  readonly profile?: Obj
  /** screen-name-change.js entries' inner `screenNameChange` objects, as written. */
  readonly screenNameChanges: ReadonlyArray<Obj>
}

const extraOf = (name: string, value: string | undefined): ReadonlyArray<SourceRecord.ExtraField> =>
  value === undefined ? [] : [{ name, value }]

/**
 * Builds the Self record. Its current handle comes first; handles from the rename history follow,
 * newest first, all with the same account id (they were this account's, by Twitter's own record).
 */
export const ownerRecord = (parts: OwnerParts): SourceRecord.SourceRecord => {
  const { id, account, manifest, profile } = parts
  const a = account?.value ?? {}
  const current = asText(a.username) ?? manifest?.userName
  const displayName = asText(a.accountDisplayName) ?? manifest?.displayName
  const email = asText(a.email)
  const description = asObject(profile?.description) ?? {}
  const bio = asText(description.bio)
  const website = asText(description.website)
  const avatar = asText(profile?.avatarMediaUrl)

  const renames = parts.screenNameChanges
    .map((c) => ({ at: asText(c.changedAt) ?? "", from: asText(c.changedFrom), to: asText(c.changedTo) }))
    .sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0))
  const handles: Array<string> = current ? [current] : []
  for (const r of renames) {
    for (const h of [r.to, r.from]) {
      if (h && !handles.some((k) => k.toLowerCase() === h.toLowerCase())) handles.push(h)
    }
  }

  return SourceRecord.make(
    { source: SOURCE, file: parts.file, record: accountLocator(id) },
    {
      name: displayName ? { formatted: displayName } : {},
      emails: email && email.toLowerCase() !== "redacted" ? [{ value: email, types: [] }] : [],
      handles: (handles.length > 0 ? handles : [""]).map((handle) => ({ service: "twitter", handle, id })),
      urls: [
        ...(website ? [{ value: website, types: ["website"] }] : []),
        { value: intentUrl(id), types: ["twitter"] },
      ],
      notes: bio ? [bio] : [],
      ...(avatar ? { photo: avatar } : {}),
      extra: [
        ...extraOf("account.createdAt", asText(a.createdAt)),
        ...extraOf("account.createdVia", asText(a.createdVia)),
        ...extraOf("profile.location", asText(description.location)),
        ...extraOf("profile.headerMediaUrl", asText(profile?.headerMediaUrl)),
        ...parts.screenNameChanges.map((c) => ({ name: "screenNameChange", value: JSON.stringify(c) })),
      ],
    },
  )
}
