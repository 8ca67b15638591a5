/**
 * Twitter/X "Download your data" archive files, 2023 layout: `window.YTD.<type>.part0 = [...]`
 * pretty-printed with `" : "` after keys, two-space indent, `[ ]` for empty arrays and no
 * trailing newline; `data/manifest.js` assigns `window.__THAR_CONFIG`.
 */

/** A JSON value as the archive holds it (numbers appear as strings in most places). */
export type Json = string | number | boolean | null | ReadonlyArray<Json> | { readonly [key: string]: Json }

/**
 * Serialises like Twitter's archive writer (2023+). Built on JSON.stringify (fast for large
 * archives) and then respaced: a line's leading key gets `" : "`, and an empty array or
 * object that ends a line becomes `[ ]` / `{ }`. String values always end their line with `"`,
 * so neither rewrite can touch text inside a value.
 */
export const pretty = (value: Json): string =>
  JSON.stringify(value, null, 2)
    .replace(/^(\s*"(?:[^"\\]|\\.)*"): /gm, "$1 : ")
    .replace(/\[\](,?)$/gm, "[ ]$1")
    .replace(/\{\}(,?)$/gm, "{ }$1")

/** A data file: `window.YTD.<global>.part<N> = [...]` (global uses underscores). */
export const ytd = (global: string, items: ReadonlyArray<Json>, part = 0): string =>
  `window.YTD.${global}.part${part} = ${pretty(items)}`

/** One entry of the manifest's `dataTypes`. */
export interface DataType {
  readonly key: string
  readonly fileName: string
  readonly global: string
  readonly count: number
  readonly mediaDirectory?: string
}

/** `data/manifest.js`. */
export const manifest = (options: {
  readonly accountId: string
  readonly userName: string
  readonly displayName: string
  readonly generationDate: string
  readonly sizeBytes: number
  readonly dataTypes: ReadonlyArray<DataType>
}): string => {
  const dataTypes: Record<string, Json> = {}
  for (const t of options.dataTypes) {
    const files: Json = [
      { fileName: t.fileName, globalName: `YTD.${t.global}.part0`, count: String(t.count) },
    ]
    dataTypes[t.key] =
      t.mediaDirectory === undefined ? { files } : { mediaDirectory: t.mediaDirectory, files }
  }
  return `window.__THAR_CONFIG = ${pretty({
    userInfo: { accountId: options.accountId, userName: options.userName, displayName: options.displayName },
    archiveInfo: {
      sizeBytes: String(options.sizeBytes),
      generationDate: options.generationDate,
      isPartialArchive: false,
      maxPartSizeBytes: "53687091200",
    },
    readmeInfo: { fileName: "data/README.txt", directory: "data/", name: "README.txt" },
    dataTypes,
  })}`
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const
const pad = (n: number): string => String(n).padStart(2, "0")

/** tweets.js `created_at`: `Tue Jan 31 18:06:26 +0000 2023`. */
export const tweetDate = (d: Date): string =>
  `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`

const TWITTER_EPOCH = 1288834974657n

/** A snowflake id (tweets, DM events) for an instant; `sequence` keeps ids in one millisecond apart. */
export const snowflake = (d: Date, sequence: number): string =>
  (((BigInt(d.getTime()) - TWITTER_EPOCH) << 22n) | BigInt(sequence & 0x3fffff)).toString()

/** follower.js / following.js entry. */
export const followEntry = (kind: "follower" | "following", accountId: string): Json => ({
  [kind]: { accountId, userLink: `https://twitter.com/intent/user?user_id=${accountId}` },
})

/** A user mention inside a tweet's `entities`. */
export interface Mention {
  readonly name: string
  readonly screenName: string
  readonly id: string
}

/** A tweet of the archive owner that mentions or replies to other accounts. */
export interface Tweet {
  readonly id: string
  readonly at: Date
  readonly text: string
  readonly mentions: ReadonlyArray<Mention>
  readonly replyTo?: { readonly screenName: string; readonly userId: string; readonly statusId: string }
}

/** tweets.js entry (2023 key set; replies carry the in_reply_to_* fields). */
export const tweetEntry = (t: Tweet): Json => {
  const mentions: Array<Json> = []
  for (const m of t.mentions) {
    // Twitter counts indices in code points, not UTF-16 units.
    const start = [...t.text.slice(0, Math.max(0, t.text.indexOf(`@${m.screenName}`)))].length
    mentions.push({
      name: m.name,
      screen_name: m.screenName,
      indices: [String(start), String(start + m.screenName.length + 1)],
      id_str: m.id,
      id: m.id,
    })
  }
  const length = [...t.text].length
  const editableUntil = new Date(t.at.getTime() + 3_600_000).toISOString()
  const tweet: Record<string, Json> = {
    edit_info: {
      initial: {
        editTweetIds: [t.id],
        editableUntil,
        editsRemaining: "5",
        isEditEligible: t.replyTo === undefined,
      },
    },
    retweeted: false,
    source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
    entities: { hashtags: [], symbols: [], user_mentions: mentions, urls: [] },
    display_text_range: ["0", String(length)],
    favorite_count: "0",
    id_str: t.id,
    truncated: false,
    retweet_count: "0",
    id: t.id,
    created_at: tweetDate(t.at),
    favorited: false,
    full_text: t.text,
    lang: "en",
  }
  if (t.replyTo !== undefined) {
    tweet.in_reply_to_status_id_str = t.replyTo.statusId
    tweet.in_reply_to_user_id = t.replyTo.userId
    tweet.in_reply_to_status_id = t.replyTo.statusId
    tweet.in_reply_to_screen_name = t.replyTo.screenName
    tweet.in_reply_to_user_id_str = t.replyTo.userId
  }
  return { tweet }
}

/** One direct message. */
export interface DirectMessage {
  readonly id: string
  readonly senderId: string
  /** Absent in group conversations. */
  readonly recipientId?: string
  readonly text: string
  readonly at: Date
}

const messageCreate = (m: DirectMessage): Json => {
  const body: Record<string, Json> = {}
  if (m.recipientId !== undefined) body.recipientId = m.recipientId
  body.reactions = []
  body.urls = []
  body.text = m.text
  body.mediaUrls = []
  body.senderId = m.senderId
  body.id = m.id
  body.createdAt = m.at.toISOString()
  return { messageCreate: body }
}

const newestFirst = (messages: ReadonlyArray<DirectMessage>): Array<DirectMessage> =>
  [...messages].sort((a, b) => b.at.getTime() - a.at.getTime())

/** `<lowId>-<highId>` conversation id of a one-to-one DM thread. */
export const pairConversationId = (a: string, b: string): string =>
  BigInt(a) < BigInt(b) ? `${a}-${b}` : `${b}-${a}`

/** direct-messages.js entry; messages are written newest first as in real archives. */
export const dmConversation = (conversationId: string, messages: ReadonlyArray<DirectMessage>): Json => ({
  dmConversation: { conversationId, messages: newestFirst(messages).map(messageCreate) },
})

/** direct-messages-group.js entry; the oldest event is the owner joining the conversation. */
export const groupConversation = (
  conversationId: string,
  join: {
    readonly initiatingUserId: string
    readonly participants: ReadonlyArray<string>
    readonly at: Date
  },
  messages: ReadonlyArray<DirectMessage>,
): Json => ({
  dmConversation: {
    conversationId,
    messages: [
      ...newestFirst(messages).map(messageCreate),
      {
        joinConversation: {
          initiatingUserId: join.initiatingUserId,
          participantsSnapshot: [...join.participants],
          createdAt: join.at.toISOString(),
        },
      },
    ],
  },
})

/**
 * Which file first names each account, scanning files in the given order: an archive mentions
 * one account in many files, but it is one record, credited to its first file.
 */
export const firstFiles = (
  filesInOrder: ReadonlyArray<readonly [file: string, accountIds: Iterable<string>]>,
): Map<string, string> => {
  const out = new Map<string, string>()
  for (const [file, ids] of filesInOrder) for (const id of ids) if (!out.has(id)) out.set(id, file)
  return out
}
