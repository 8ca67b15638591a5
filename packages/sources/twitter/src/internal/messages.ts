/**
 * Direct messages: one-to-one conversations (direct-messages.js, conversation id `<lowId>-<highId>`)
 * and group conversations (direct-messages-group.js, a numeric id, membership events), plus their
 * text-less `*-headers.js` twins. Every message is one `dm` interaction per counterpart; message ids
 * already read are skipped, so a header file only adds messages its full twin lacks.
 */

import type { Context, Loaded } from "./context.ts"
import { isoMillis, toIso } from "./date.ts"
import { asArray, asId, asObject, asText, type Obj, objects, unwrap } from "./json.ts"

interface Conversation {
  readonly file: string
  readonly id: string
  readonly events: ReadonlyArray<Obj>
}

/** Walks a file's conversations, reporting entries that are not one. */
const conversations = (loaded: ReadonlyArray<Loaded>, ctx: Context): ReadonlyArray<Conversation> => {
  const out: Array<Conversation> = []
  for (const { file, entries } of loaded) {
    entries.forEach((entry, index) => {
      const conversation = unwrap(entry, "dmConversation")
      const id = asText(conversation?.conversationId)
      if (!conversation || !id) {
        ctx.issues.push({
          file,
          record: `entry:${index + 1}`,
          reason: "entry is not a dmConversation with an id",
        })
        return
      }
      out.push({ file, id, events: objects(conversation.messages) })
    })
  }
  return out
}

/**
 * Without the owner's id no message has a direction: one Issue per file says so (never a guess).
 * Returns false when the files must be skipped.
 */
const ownerKnown = (loaded: ReadonlyArray<Loaded>, ctx: Context): boolean => {
  if (ctx.me !== undefined) return true
  for (const { file, entries } of loaded) {
    if (entries.length === 0) continue
    ctx.issues.push({
      file,
      record: "file",
      reason: `the archive owner's account id is unknown (no readable account.js or manifest.js), so the direction of messages cannot be told; ${entries.length} conversation(s) not read`,
    })
  }
  return false
}

/** A message's id and instant, or an Issue and undefined. `seen` dedupes across full and header files. */
const messageStamp = (
  message: Obj,
  conversation: Conversation,
  seen: Set<string>,
  ctx: Context,
): { id: string; at: string } | undefined => {
  const id = asId(message.id)
  if (!id) {
    ctx.issues.push({
      file: conversation.file,
      record: `conversation:${conversation.id}`,
      reason: "message has no id",
    })
    return undefined
  }
  if (seen.has(id)) return undefined
  seen.add(id)
  const createdAt = asText(message.createdAt)
  const ms = createdAt === undefined ? undefined : isoMillis(createdAt)
  if (ms === undefined) {
    ctx.issues.push({
      file: conversation.file,
      record: `message:${id}`,
      reason: createdAt ? `createdAt "${createdAt}" is not an ISO-8601 instant` : "message has no createdAt",
    })
    return undefined
  }
  return { id, at: toIso(ms) }
}

/** Reads one-to-one conversations: direction by whether I sent the message, counterpart the other id. */
export const readDirectMessages = (loaded: ReadonlyArray<Loaded>, seen: Set<string>, ctx: Context): void => {
  if (!ownerKnown(loaded, ctx)) return
  const { book, me } = ctx
  for (const conversation of conversations(loaded, ctx)) {
    // `<lowId>-<highId>`: the part that is not me, for a message that omits its recipient
    const otherId = asId(conversation.id.split("-").find((part) => part !== me))
    for (const event of conversation.events) {
      const message = asObject(event.messageCreate)
      if (!message) continue
      const stamp = messageStamp(message, conversation, seen, ctx)
      if (!stamp) continue
      const sender = asId(message.senderId)
      const recipient = asId(message.recipientId) ?? (sender === me ? otherId : me)
      const record = `message:${stamp.id}`
      let counterpart: string | undefined
      let direction: "outgoing" | "incoming"
      if (sender === me) {
        counterpart = recipient
        direction = "outgoing"
      } else if (recipient === me) {
        counterpart = sender
        direction = "incoming"
      } else {
        ctx.issues.push({
          file: conversation.file,
          record,
          reason: "message is neither from nor to the archive owner",
        })
        continue
      }
      if (!counterpart) {
        ctx.issues.push({
          file: conversation.file,
          record,
          reason: `message has no ${direction === "outgoing" ? "recipientId" : "senderId"}`,
        })
        continue
      }
      // a note to myself has no counterpart
      if (book.isMe(counterpart)) continue
      book.add(counterpart, conversation.file, "dm")
      ctx.interactions.push({
        kind: "dm",
        at: stamp.at,
        direction,
        counterpart,
        file: conversation.file,
        record,
      })
    }
  }
}

type GroupEvent =
  | { readonly type: "join-me"; readonly ms: number; readonly ids: ReadonlyArray<string> }
  | { readonly type: "join"; readonly ms: number; readonly ids: ReadonlyArray<string>; readonly by?: string }
  | { readonly type: "leave"; readonly ms: number; readonly ids: ReadonlyArray<string> }
  | { readonly type: "rename"; readonly ms: number; readonly by?: string }
  | { readonly type: "message"; readonly ms: number; readonly message: Obj }

const ids = (value: unknown): ReadonlyArray<string> => asArray(value).flatMap((v) => asId(v) ?? [])

/** A group conversation's events, oldest first (the file lists them newest first). */
const groupEvents = (conversation: Conversation, ctx: Context): ReadonlyArray<GroupEvent> => {
  const out: Array<GroupEvent> = []
  let last = Number.NEGATIVE_INFINITY
  for (const event of [...conversation.events].reverse()) {
    const [type, body] = Object.entries(event)[0] ?? []
    const o = asObject(body)
    if (!type || !o) continue
    const createdAt = asText(o.createdAt)
    const ms = createdAt === undefined ? undefined : isoMillis(createdAt)
    const by = asId(o.initiatingUserId)
    if (type === "messageCreate") {
      // a message without a readable date keeps its place; the message reader reports it
      out.push({ type: "message", ms: ms ?? last, message: o })
      if (ms !== undefined) last = ms
      continue
    }
    if (
      !["joinConversation", "participantsJoin", "participantsLeave", "conversationNameUpdate"].includes(type)
    ) {
      continue
    }
    if (ms === undefined) {
      ctx.issues.push({
        file: conversation.file,
        record: `conversation:${conversation.id}`,
        reason: `${type} event has no valid createdAt; membership may be incomplete`,
      })
      continue
    }
    last = ms
    if (type === "joinConversation") {
      out.push({ type: "join-me", ms, ids: [...ids(o.participantsSnapshot), ...(by ? [by] : [])] })
    } else if (type === "participantsJoin") {
      out.push({ type: "join", ms, ids: ids(o.userIds), ...(by ? { by } : {}) })
    } else if (type === "participantsLeave") {
      out.push({ type: "leave", ms, ids: ids(o.userIds) })
    } else {
      out.push({ type: "rename", ms, ...(by ? { by } : {}) })
    }
  }
  // a stable sort: events with equal times keep the file's (reversed) order
  return out.sort((a, b) => (a.ms === b.ms ? 0 : a.ms < b.ms ? -1 : 1))
}

/**
 * Members at the start of a conversation I was in from the beginning (no `joinConversation`):
 * Twitter records joins only while I am present, so anyone who acts in it before (or without)
 * a recorded `participantsJoin` adding them was there from the start.
 */
const founders = (events: ReadonlyArray<GroupEvent>): Set<string> => {
  const seen = new Set<string>()
  const out = new Set<string>()
  const meet = (id: string, joining: boolean) => {
    if (seen.has(id)) return
    seen.add(id)
    if (!joining) out.add(id)
  }
  for (const e of events) {
    if (e.type === "join") {
      if (e.by) meet(e.by, false)
      for (const id of e.ids) meet(id, true)
    } else if (e.type === "leave") {
      for (const id of e.ids) meet(id, false)
    } else if (e.type === "rename") {
      if (e.by) meet(e.by, false)
    } else if (e.type === "message") {
      const sender = asId(e.message.senderId)
      if (sender) meet(sender, false)
    }
  }
  return out
}

/**
 * Reads group conversations. Replaying membership events oldest first: my message is one outgoing
 * `dm` per other participant known at that moment; another's message is one incoming `dm` from its sender.
 */
export const readGroupMessages = (loaded: ReadonlyArray<Loaded>, seen: Set<string>, ctx: Context): void => {
  if (!ownerKnown(loaded, ctx)) return
  const { book, me } = ctx
  for (const conversation of conversations(loaded, ctx)) {
    const events = groupEvents(conversation, ctx)
    const members = events.some((e) => e.type === "join-me") ? new Set<string>() : founders(events)
    for (const e of events) {
      if (e.type === "join-me") {
        members.clear()
        for (const id of e.ids) members.add(id)
      } else if (e.type === "join") {
        for (const id of e.ids) members.add(id)
        if (e.by) members.add(e.by)
      } else if (e.type === "leave") {
        for (const id of e.ids) members.delete(id)
      } else if (e.type === "rename") {
        if (e.by) members.add(e.by)
      } else {
        const stamp = messageStamp(e.message, conversation, seen, ctx)
        if (!stamp) continue
        const record = `message:${stamp.id}`
        const sender = asId(e.message.senderId)
        if (!sender) {
          ctx.issues.push({ file: conversation.file, record, reason: "message has no senderId" })
          continue
        }
        members.add(sender)
        if (sender !== me) {
          book.add(sender, conversation.file, "group-dm")
          ctx.interactions.push({
            kind: "dm",
            at: stamp.at,
            direction: "incoming",
            counterpart: sender,
            file: conversation.file,
            record,
          })
          continue
        }
        const others = [...members].filter((id) => id !== me)
        if (others.length === 0) {
          ctx.issues.push({
            file: conversation.file,
            record,
            reason: `no other participant of group conversation ${conversation.id} is known at this message; not counted`,
          })
        }
        for (const counterpart of others) {
          book.add(counterpart, conversation.file, "group-dm")
          ctx.interactions.push({
            kind: "dm",
            at: stamp.at,
            direction: "outgoing",
            counterpart,
            file: conversation.file,
            record,
          })
        }
      }
    }
  }
}
