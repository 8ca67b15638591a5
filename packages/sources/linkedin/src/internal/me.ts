/**
 * Who owns the export. Messages and invitations name both sides, so every row must be told
 * "from me" or "from them". Evidence, strongest first: the Profile.csv name; the `Direction`
 * column (2018 messages, invitations) and a `SENT` folder; invitation profile URLs (the inviter of
 * an outgoing invitation is me); the sender URLs of messages sent under my name; and, with no
 * other evidence, the one participant present in more conversations than anyone else.
 */
import { nameKey, tidy } from "./names.ts"
import { cell, type Table, text } from "./table.ts"
import { canonicalUrl, splitValues } from "./values.ts"

/** The export owner as far as the files tell: name keys and canonical profile URLs. */
export interface Me {
  readonly names: ReadonlySet<string>
  readonly urls: ReadonlySet<string>
  /** A name to show for me when Profile.csv is missing: the first one seen on a sent row. */
  readonly displayName?: string
  /** True when the owner could only be guessed from participation counts. */
  readonly guessed: boolean
}

/** The profile URLs in a `RECIPIENT PROFILE URLS` style cell. */
export const urlList = (value: string | undefined): ReadonlyArray<string> =>
  value === undefined
    ? []
    : splitValues(value).flatMap((u) => {
        const c = canonicalUrl(u)
        return c === undefined ? [] : [c]
      })

/** True when a participant (name and/or URL) is me. A URL decides when both sides have one. */
export const isMe = (me: Me, name: string | undefined, url: string | undefined): boolean => {
  if (url !== undefined && me.urls.size > 0) return me.urls.has(url)
  return name !== undefined && name.trim() !== "" && me.names.has(nameKey(name))
}

/** True when no evidence names the owner at all. */
export const unknown = (me: Me): boolean => me.names.size === 0 && me.urls.size === 0

const upper = (table: Table, row: Table["rows"][number], column: string): string | undefined =>
  text(table, row, column)?.toUpperCase()

/** The owner of one export, from whichever of its files are present. */
export const detectMe = (input: {
  readonly profile?: Table | undefined
  readonly messages?: Table | undefined
  readonly invitations?: Table | undefined
}): Me => {
  const names = new Set<string>()
  const urls = new Set<string>()
  let displayName: string | undefined
  const addName = (n: string | undefined) => {
    if (n === undefined || n.trim() === "") return
    const key = nameKey(n)
    if (key === "") return
    names.add(key)
    displayName ??= tidy(n)
  }
  const addUrl = (u: string | undefined) => {
    const c = u === undefined ? undefined : canonicalUrl(u)
    if (c !== undefined) urls.add(c)
  }

  const { profile, messages, invitations } = input
  const first = profile?.rows[0]
  if (profile && first) {
    addName(`${cell(profile, first, "first name") ?? ""} ${cell(profile, first, "last name") ?? ""}`)
  }

  if (invitations) {
    for (const row of invitations.rows) {
      const direction = upper(invitations, row, "direction")
      if (direction === "OUTGOING") {
        addUrl(text(invitations, row, "inviterprofileurl"))
        if (!profile) addName(text(invitations, row, "from"))
      } else if (direction === "INCOMING") {
        addUrl(text(invitations, row, "inviteeprofileurl"))
        if (!profile) addName(text(invitations, row, "to"))
      }
    }
  }

  if (messages) {
    for (const row of messages.rows) {
      const sent =
        upper(messages, row, "direction") === "OUTGOING" || upper(messages, row, "folder") === "SENT"
      if (!sent) continue
      addUrl(text(messages, row, "sender profile url"))
      if (!profile) addName(text(messages, row, "from"))
    }
    // messages I sent under my name give my URL(s), including an older vanity URL
    if (names.size > 0) {
      for (const row of messages.rows) {
        const from = text(messages, row, "from")
        if (from !== undefined && names.has(nameKey(from))) addUrl(text(messages, row, "sender profile url"))
      }
    }
  }

  if (names.size > 0 || urls.size > 0 || !messages) {
    return displayName === undefined
      ? { names, urls, guessed: false }
      : { names, urls, displayName, guessed: false }
  }
  return guessFromParticipation(messages)
}

/**
 * The participant present in the most conversations, if strictly more than anyone else: the owner
 * takes part in every conversation of the export.
 */
const guessFromParticipation = (messages: Table): Me => {
  const seen = new Map<string, Set<string>>()
  const names = new Map<string, string>()
  for (const row of messages.rows) {
    const conversation = text(messages, row, "conversation id") ?? `row:${row.n}`
    const participants: string[] = []
    const sender = canonicalUrl(text(messages, row, "sender profile url") ?? "")
    if (sender !== undefined) {
      participants.push(sender)
      const from = text(messages, row, "from")
      if (from !== undefined && !names.has(sender)) names.set(sender, from)
    }
    participants.push(...urlList(text(messages, row, "recipient profile urls")))
    for (const p of participants) {
      const set = seen.get(p) ?? new Set<string>()
      set.add(conversation)
      seen.set(p, set)
    }
  }
  const ranked = [...seen.entries()].sort((a, b) => b[1].size - a[1].size)
  const [top, second] = ranked
  if (top === undefined || (second !== undefined && second[1].size >= top[1].size)) {
    return { names: new Set(), urls: new Set(), guessed: true }
  }
  const name = names.get(top[0])
  return name === undefined
    ? { names: new Set(), urls: new Set([top[0]]), guessed: true }
    : { names: new Set([nameKey(name)]), urls: new Set([top[0]]), displayName: tidy(name), guessed: true }
}
