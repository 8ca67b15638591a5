/**
 * The counterpart accounts of one archive, merged by account id across follows, tweets and
 * direct messages, so each account becomes exactly one record. Names and handles come only from
 * what the archive shows (mentions and replies in my tweets); an account never shown keeps only its
 * id, as the handle `{service: "twitter", handle: "", id}`: the id is where resolution looks for
 * Twitter ids, and an empty handle claims no screen name.
 */
import { Follow, SourceRecord } from "@blackbook/model"
import { Name } from "@blackbook/normalize"

/** Adapter name, used in every provenance. */
export const SOURCE = "twitter"

/**
 * How I relate to an account. Following and follower are a `Follow` (see `categoriesOf`); each of
 * the others becomes a `twitter:<relationship>` category.
 */
export type Relationship =
  | "following"
  | "follower"
  | "mentioned"
  | "replied-to"
  | "retweeted"
  | "dm"
  | "group-dm"

/** The relationships other than a follow, in the order their categories are listed (after the follow). */
const OTHERS: ReadonlyArray<Exclude<Relationship, "following" | "follower">> = [
  "mentioned",
  "replied-to",
  "retweeted",
  "dm",
  "group-dm",
]

/** An account's categories: its follow first, then its other relationships. */
const categoriesOf = (relationships: ReadonlySet<Relationship>): Array<string> => {
  const follow = Follow.combine(
    relationships.has("following") ? "following" : undefined,
    relationships.has("follower") ? "follower" : undefined,
  )
  const categories = follow === undefined ? [] : [...Follow.toCategories(SOURCE, follow)]
  for (const r of OTHERS) if (relationships.has(r)) categories.push(`${SOURCE}:${r}`)
  return categories
}

// Joined rather than concatenated: a concatenation is a tree of parts V8 flattens, allocating, on
// its first lookup, and every other adapter's texts are flat (cut out of the file).
/** A stable profile URL that needs only the id, the form follower.js/following.js use. */
export const intentUrl = (id: string): string => ["https://twitter.com/intent/user?user_id=", id].join("")

/** The record locator of an account. */
export const accountLocator = (id: string): string => `account:${id}`

/** What one tweet showed about an account, and when. */
export interface Sighting {
  readonly handle?: string
  readonly name?: string
  readonly at: number
}

interface Account {
  readonly id: string
  /** The first file the account was seen in: its record's provenance. */
  readonly file: string
  readonly relationships: Set<Relationship>
  readonly userLinks: Array<string>
}

/** Latest time each distinct value was seen, keyed case-insensitively for handles. */
type Seen = Map<string, { value: string; at: number }>

const remember = (seen: Seen, key: string, value: string, at: number): void => {
  const prior = seen.get(key)
  if (!prior || at > prior.at) seen.set(key, { value, at })
}

/** Values newest first. */
const newestFirst = (seen: Seen | undefined): ReadonlyArray<string> =>
  seen ? [...seen.values()].sort((a, b) => b.at - a.at).map((v) => v.value) : []

/** The title and employer a display name states, if any. */
const organizationOf = (display: Name.DisplayName): SourceRecord.Organization | undefined =>
  display.title === undefined
    ? undefined
    : display.company === undefined
      ? { title: display.title }
      : { company: display.company, title: display.title }

/** Collects counterpart accounts of one archive and builds their records. */
export class AccountBook {
  private readonly accounts = new Map<string, Account>()
  private readonly handles = new Map<string, Seen>()
  private readonly names = new Map<string, Seen>()

  /** `me` is the archive owner's id, never a counterpart. */
  constructor(private readonly me: string | undefined) {}

  /** Whether `id` is the archive owner. */
  isMe(id: string): boolean {
    return id === this.me
  }

  /**
   * Notes a relationship with an account first seen in `file`; false (and nothing noted) for
   * the owner. `userLink` is the archive's own link to the account, kept when it is not the usual one.
   */
  add(id: string, file: string, relationship: Relationship, userLink?: string): boolean {
    if (this.isMe(id)) return false
    let account = this.accounts.get(id)
    if (!account) {
      account = { id, file, relationships: new Set(), userLinks: [] }
      this.accounts.set(id, account)
    }
    account.relationships.add(relationship)
    if (userLink && userLink !== intentUrl(id) && !account.userLinks.includes(userLink)) {
      account.userLinks.push(userLink)
    }
    return true
  }

  /** Records what a tweet showed about an account; used only if the account is added. */
  sight(id: string, sighting: Sighting): void {
    if (this.isMe(id)) return
    if (sighting.handle) {
      const seen = this.handles.get(id) ?? new Map()
      remember(seen, sighting.handle.toLowerCase(), sighting.handle, sighting.at)
      this.handles.set(id, seen)
    }
    if (sighting.name) {
      const seen = this.names.get(id) ?? new Map()
      remember(seen, sighting.name, sighting.name, sighting.at)
      this.names.set(id, seen)
    }
  }

  /** The provenance of an added account's record. */
  provenance(id: string): SourceRecord.Provenance | undefined {
    const account = this.accounts.get(id)
    return account && { source: SOURCE, file: account.file, record: accountLocator(id) }
  }

  /** One record per added account, in the order they were first seen. */
  records(): ReadonlyArray<SourceRecord.SourceRecord> {
    return [...this.accounts.values()].map((account) => {
      const { id } = account
      const [handle, ...formerHandles] = newestFirst(this.handles.get(id))
      const [name, ...formerNames] = newestFirst(this.names.get(id))
      // A display name is read as a person would ("Amy Scott | Recruiter", "Sofia Gupta 🚀"); the
      // text as shown is kept beside the name whenever the name is not all of it.
      const display = name ? Name.fromDisplayName(name) : undefined
      const organization = display && organizationOf(display)
      return SourceRecord.make(
        { source: SOURCE, file: account.file, record: accountLocator(id) },
        {
          name: display?.name ?? {},
          ...(organization ? { organizations: [organization] } : {}),
          handles: [{ service: "twitter", handle: handle ?? "", id }],
          urls: [{ value: intentUrl(id), types: ["twitter"] }],
          categories: categoriesOf(account.relationships),
          extra: [
            ...(name && display?.name.formatted !== name
              ? [{ name: "twitter.displayName", value: name }]
              : []),
            ...account.userLinks.map((value) => ({ name: "twitter.userLink", value })),
            ...formerHandles.map((value) => ({ name: "twitter.previousHandle", value })),
            ...formerNames.map((value) => ({ name: "twitter.previousName", value })),
          ],
        },
      )
    })
  }
}
