/**
 * messages.csv (2018 `Messages.csv`; 2024+ with conversation ids, profile URLs and draft flags)
 * and Invitations.csv as Interactions. The people on the other side become one Record per
 * distinct person and file: `profile:<url>`, or `name:<Full Name>` where the file has no URL.
 */
import { type Interaction, Source, SourceRecord } from "@blackbook/model"
import { type RecordFields, rowIssue, rowProvenance, sourceName } from "./common.ts"
import { isoInstant, parseDate } from "./dates.ts"
import { isMe, type Me, unknown, urlList } from "./me.ts"
import { fromFull, splitNameList, tidy } from "./names.ts"
import { type Row, shapeProblem, type Table, text } from "./table.ts"
import { canonicalUrl, linkedinHandle } from "./values.ts"

/** A person on the other side of a message or invitation, as far as the row names them. */
interface Party {
  readonly name?: string | undefined
  readonly url?: string | undefined
}

/** The placeholder LinkedIn writes for a member whose profile is hidden: not a person to record. */
const anonymous = (name: string | undefined): boolean =>
  name === undefined || name.trim() === "" || /^linkedin member$/i.test(name.trim())

/**
 * Counterpart records of one file, one per profile URL (or per name where the file has no
 * URLs), in first-seen order; the first non-empty name seen for a URL names it.
 */
const counterparts = (file: string) => {
  const byLocator = new Map<string, { name?: string; url?: string }>()
  return {
    ref: (party: Party): SourceRecord.Provenance | undefined => {
      const name = party.name === undefined || anonymous(party.name) ? undefined : tidy(party.name)
      const locator =
        party.url !== undefined ? `profile:${party.url}` : name !== undefined ? `name:${name}` : undefined
      if (locator === undefined) return undefined
      const known = byLocator.get(locator)
      if (known === undefined) {
        const entry: { name?: string; url?: string } = {}
        if (name !== undefined) entry.name = name
        if (party.url !== undefined) entry.url = party.url
        byLocator.set(locator, entry)
      } else if (known.name === undefined && name !== undefined) {
        known.name = name
      }
      return { source: sourceName, file, record: locator }
    },
    items: (): ReadonlyArray<Source.SourceItem> =>
      [...byLocator.entries()].map(([record, { name, url }]) => {
        const fields: RecordFields = { name: name === undefined ? {} : fromFull(name) }
        if (url !== undefined) {
          fields.urls = [{ value: url, types: ["linkedin"] }]
          const handle = linkedinHandle(url)
          if (handle) fields.handles = [handle]
        }
        return Source.recordItem(SourceRecord.make({ source: sourceName, file, record }, fields))
      }),
  }
}

/** Pairs the names of a `TO` cell with the URLs of its profile URL cell, when the counts agree. */
const recipients = (to: string | undefined, urls: ReadonlyArray<string>): ReadonlyArray<Party> => {
  const names = to === undefined ? [] : splitNameList(to, urls.length > 0 ? urls.length : undefined)
  if (urls.length === 0) return names.map((name) => ({ name }))
  if (names.length === urls.length) return urls.map((url, i) => ({ name: names[i], url }))
  return urls.map((url) => ({ url }))
}

/** The ISO instant of a date cell, or the Issue reason when there is none. */
const instantOf = (raw: string | undefined, column: string): { at: string } | { reason: string } => {
  const parts = raw === undefined ? undefined : parseDate(raw)
  const at = parts === undefined ? undefined : isoInstant(parts)
  if (at !== undefined) return { at }
  return { reason: raw === undefined ? `no ${column}` : `unreadable ${column} "${raw}"` }
}

const yes = (value: string | undefined): boolean => value !== undefined && /^(yes|true|1)$/i.test(value)

type Direction = Interaction.Direction

/** Items of one messages.csv: counterpart records first, then interactions and issues by row. */
export const readMessages = (file: string, table: Table, me: Me): ReadonlyArray<Source.SourceItem> => {
  const people = counterparts(file)
  const out: Source.SourceItem[] = []
  for (const row of table.rows) {
    const problem = shapeProblem(table, row)
    if (problem !== undefined) {
      out.push(rowIssue(file, row, problem))
      continue
    }
    if (yes(text(table, row, "is message draft")) || yes(text(table, row, "is conversation draft"))) continue
    const when = instantOf(text(table, row, "date"), "DATE")
    if ("reason" in when) {
      out.push(rowIssue(file, row, when.reason))
      continue
    }
    const { at } = when
    const from = text(table, row, "from")
    const sender = canonicalUrl(text(table, row, "sender profile url") ?? "")
    const declared = text(table, row, "direction")?.toUpperCase()
    const folder = text(table, row, "folder")?.toUpperCase()
    let direction: Direction
    if (declared === "OUTGOING" || folder === "SENT") direction = "outgoing"
    else if (declared === "INCOMING") direction = "incoming"
    else if (unknown(me)) {
      out.push(
        rowIssue(file, row, "cannot tell whether this message was sent or received: the owner is unknown"),
      )
      continue
    } else direction = isMe(me, from, sender) ? "outgoing" : "incoming"

    const others =
      direction === "outgoing"
        ? recipients(text(table, row, "to"), urlList(text(table, row, "recipient profile urls"))).filter(
            (p) => !isMe(me, p.name, p.url),
          )
        : [{ name: from, url: sender }]
    const refs = others.flatMap((p) => {
      const ref = people.ref(p)
      return ref === undefined ? [] : [ref]
    })
    if (refs.length === 0) {
      const reason =
        direction === "outgoing"
          ? "sent message names no recipient"
          : `received message from an anonymous sender ("${from ?? ""}", no profile URL)`
      out.push(rowIssue(file, row, reason))
      continue
    }
    for (const counterpart of refs) {
      out.push(
        Source.interactionItem({
          kind: "message",
          at,
          direction,
          counterpart,
          provenance: rowProvenance(file, row),
        }),
      )
    }
  }
  return [...people.items(), ...out]
}

const invitation = (
  file: string,
  table: Table,
  row: Row,
  me: Me,
  people: ReturnType<typeof counterparts>,
): Source.SourceItem => {
  const problem = shapeProblem(table, row)
  if (problem !== undefined) return rowIssue(file, row, problem)
  const when = instantOf(text(table, row, "sent at"), "Sent At")
  if ("reason" in when) return rowIssue(file, row, when.reason)
  const { at } = when
  const inviter: Party = {
    name: text(table, row, "from"),
    url: canonicalUrl(text(table, row, "inviterprofileurl") ?? ""),
  }
  const invitee: Party = {
    name: text(table, row, "to"),
    url: canonicalUrl(text(table, row, "inviteeprofileurl") ?? ""),
  }
  const declared = text(table, row, "direction")?.toUpperCase()
  let direction: Direction
  if (declared === "OUTGOING") direction = "outgoing"
  else if (declared === "INCOMING") direction = "incoming"
  else if (isMe(me, inviter.name, inviter.url)) direction = "outgoing"
  else if (isMe(me, invitee.name, invitee.url)) direction = "incoming"
  else return rowIssue(file, row, `unknown Direction "${declared ?? ""}" and neither side is the owner`)
  const counterpart = people.ref(direction === "outgoing" ? invitee : inviter)
  if (counterpart === undefined) return rowIssue(file, row, "invitation names no other person")
  return Source.interactionItem({
    kind: "invitation",
    at,
    direction,
    counterpart,
    provenance: rowProvenance(file, row),
  })
}

/** Items of one Invitations.csv: counterpart records first, then interactions and issues by row. */
export const readInvitations = (file: string, table: Table, me: Me): ReadonlyArray<Source.SourceItem> => {
  const people = counterparts(file)
  const out = table.rows.map((row) => invitation(file, table, row, me, people))
  return [...people.items(), ...out]
}
