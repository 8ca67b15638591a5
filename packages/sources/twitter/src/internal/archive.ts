/**
 * Reading one archive folder end to end: discover its data files, parse the ones Blackbook uses,
 * and emit the owner, one record per counterpart account, uploaded contacts, then interactions
 * (after the records they reference) and Issues.
 */
import { Source, Text } from "@blackbook/model"
import { AccountBook, SOURCE } from "./accounts.ts"
import { readContacts } from "./contacts.ts"
import type { Context, Loaded } from "./context.ts"
import { type DataFile, type Discovery, discover } from "./discover.ts"
import { asId, asText, type Obj, unwrap } from "./json.ts"
import { readDirectMessages, readGroupMessages } from "./messages.ts"
import { ownerRecord } from "./owner.ts"
import { readTweets } from "./tweets.ts"
import { elementsOver, parse } from "./ytd.ts"

/** The data types (canonical global names) this adapter reads; other files are claimed but never parsed. */
export const READ_TYPES: ReadonlySet<string> = new Set([
  "account",
  "profile",
  "screen_name_change",
  "following",
  "follower",
  "tweets",
  "direct_messages",
  "direct_message_headers",
  "direct_messages_group",
  "direct_message_group_headers",
  "contact",
])

/** Parses a type's files in part order; a file that cannot be read becomes an Issue and is skipped. */
const load = (
  found: Discovery,
  global: string,
  issues: Array<Source.RecordIssue>,
  limit: ReturnType<typeof Source.recordLimit>,
): ReadonlyArray<Loaded> =>
  (found.files.get(global) ?? []).flatMap((data: DataFile) => {
    const file = data.file.path
    const text = Text.decodeText(data.file.bytes).text
    const parsed = parse(text)
    if (!parsed.ok) {
      issues.push({
        file,
        record: "file",
        reason: parsed.reason,
        ...(parsed.line ? { line: parsed.line } : {}),
      })
      return []
    }
    if (!Array.isArray(parsed.value)) {
      issues.push({ file, record: "file", reason: `YTD.${global} does not hold an array` })
      return []
    }
    if (parsed.cut) issues.push({ file, record: "file", reason: parsed.cut })
    // items over the record limit are set aside, each with an issue
    const over = elementsOver(text, limit.max)
    if (over.length === 0) return [{ file, entries: parsed.value }]
    const skipped = new Set(over.map((e) => e.index))
    for (const e of over)
      issues.push({ file, record: `item:${e.index + 1}`, line: e.line, reason: limit.reason(e.size, "item") })
    return [{ file, entries: parsed.value.filter((_, i) => !skipped.has(i)) }]
  })

const firstOf = (loaded: ReadonlyArray<Loaded>, key: string): { file: string; value: Obj } | undefined => {
  for (const { file, entries } of loaded) {
    for (const entry of entries) {
      const value = unwrap(entry, key)
      if (value) return { file, value }
    }
  }
  return undefined
}

const ownerId = (file: string, value: unknown): { id: string; file: string } | undefined => {
  const id = asId(value)
  return id ? { id, file } : undefined
}

/** Reads the files of one archive folder into items, in emission order. */
export const readArchive = (
  files: ReadonlyArray<Source.InputFile>,
  options?: Pick<Source.ReadOptions, "maxRecordBytes">,
): ReadonlyArray<Source.SourceItem> => {
  const limit = Source.recordLimit(options)
  const found = discover(files, READ_TYPES)
  const issues: Array<Source.RecordIssue> = [...found.issues]

  const account = firstOf(load(found, "account", issues, limit), "account")
  const profile = firstOf(load(found, "profile", issues, limit), "profile")
  const renames = load(found, "screen_name_change", issues, limit).flatMap(({ file, entries }) =>
    entries.flatMap((e) => {
      const value = unwrap(e, "screenNameChange")
      return value ? [{ file, value }] : []
    }),
  )
  const owner =
    (account && ownerId(account.file, account.value.accountId)) ??
    (found.owner && ownerId(found.owner.file, found.owner.accountId)) ??
    renames.map((r) => ownerId(r.file, r.value.accountId)).find((o) => o !== undefined)
  const me = owner?.id

  const book = new AccountBook(me)
  const ctx: Context = { me, book, interactions: [], issues }

  for (const relationship of ["following", "follower"] as const) {
    for (const { file, entries } of load(found, relationship, issues, limit)) {
      entries.forEach((entry, index) => {
        const follow = unwrap(entry, relationship)
        const id = asId(follow?.accountId)
        if (!id) {
          issues.push({
            file,
            record: `entry:${index + 1}`,
            reason: `${relationship} entry has no accountId`,
          })
          return
        }
        book.add(id, file, relationship, asText(follow?.userLink))
      })
    }
  }
  readTweets(load(found, "tweets", issues, limit), ctx)
  const seen = new Set<string>()
  readDirectMessages(load(found, "direct_messages", issues, limit), seen, ctx)
  readDirectMessages(load(found, "direct_message_headers", issues, limit), seen, ctx)
  readGroupMessages(load(found, "direct_messages_group", issues, limit), seen, ctx)
  readGroupMessages(load(found, "direct_message_group_headers", issues, limit), seen, ctx)
  const contacts = readContacts(load(found, "contact", issues, limit), ctx)

  const items: Array<Source.SourceItem> = []
  if (owner) {
    const self = ownerRecord({
      ...owner,
      ...(account ? { account } : {}),
      ...(found.owner ? { manifest: found.owner } : {}),
      ...(profile ? { profile: profile.value } : {}),
      screenNameChanges: renames.flatMap(({ value }): ReadonlyArray<Obj> => {
        const change = unwrap(value, "screenNameChange")
        return change ? [change] : []
      }),
    })
    items.push(Source.selfItem(self))
  }
  for (const record of book.records()) items.push(Source.recordItem(record))
  for (const record of contacts) items.push(Source.recordItem(record))
  for (const p of ctx.interactions) {
    const counterpart = book.provenance(p.counterpart)
    if (!counterpart) continue
    items.push(
      Source.interactionItem({
        kind: p.kind,
        at: p.at,
        direction: p.direction,
        counterpart,
        provenance: { source: SOURCE, file: p.file, record: p.record },
      }),
    )
  }
  for (const issue of issues) items.push(Source.issueItem(issue))
  return items
}
