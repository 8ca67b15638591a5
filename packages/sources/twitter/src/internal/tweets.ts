/**
 * My tweets (tweets.js, 2020's tweet.js, and their `-partN` splits): mentions, replies and retweets
 * become outgoing interactions, and every mention or reply shows an account's handle and name.
 */

import type { Relationship } from "./accounts.ts"
import type { Context, Loaded } from "./context.ts"
import { toIso, tweetMillis } from "./date.ts"
import { asArray, asId, asObject, asText, unwrap } from "./json.ts"

interface Mention {
  readonly id: string | undefined
  readonly handle: string | undefined
  readonly name: string | undefined
}

const RETWEET = /^RT @([A-Za-z0-9_]+):/

/**
 * Reads tweet files. Per tweet, each counterpart gets at most one interaction: `reply` for the
 * account replied to (not for replies to myself), `mention` for every other mentioned account. A
 * retweet is a `mention` of the retweeted author only: accounts mentioned inside someone else's
 * tweet were not mentioned by me, though what the tweet shows about them is still used.
 */
export const readTweets = (loaded: ReadonlyArray<Loaded>, ctx: Context): void => {
  const { book } = ctx
  for (const { file, entries } of loaded) {
    entries.forEach((entry, index) => {
      const tweet = unwrap(entry, "tweet")
      if (!tweet) {
        ctx.issues.push({ file, record: `entry:${index + 1}`, reason: "entry is not a tweet object" })
        return
      }
      const tweetId = asId(tweet.id_str) ?? asId(tweet.id)
      const record = tweetId ? `tweet:${tweetId}` : `entry:${index + 1}`
      const createdAt = asText(tweet.created_at)
      const ms = createdAt === undefined ? undefined : tweetMillis(createdAt)
      if (ms === undefined) {
        const reason = createdAt ? `created_at "${createdAt}" is not a date` : "tweet has no created_at"
        ctx.issues.push({ file, record, reason })
        return
      }

      const mentions: ReadonlyArray<Mention> = asArray(asObject(tweet.entities)?.user_mentions).map((m) => {
        const o = asObject(m) ?? {}
        return { id: asId(o.id_str) ?? asId(o.id), handle: asText(o.screen_name), name: asText(o.name) }
      })
      for (const m of mentions) {
        if (m.id)
          book.sight(m.id, {
            at: ms,
            ...(m.handle ? { handle: m.handle } : {}),
            ...(m.name ? { name: m.name } : {}),
          })
      }
      const replyTo = asId(tweet.in_reply_to_user_id_str) ?? asId(tweet.in_reply_to_user_id)
      const replyHandle = asText(tweet.in_reply_to_screen_name)
      if (replyTo && replyHandle) book.sight(replyTo, { handle: replyHandle, at: ms })

      const targets = new Map<string, { kind: "mention" | "reply"; relationship: Relationship }>()
      const retweeted = RETWEET.exec(asText(tweet.full_text) ?? asText(tweet.text) ?? "")?.[1]?.toLowerCase()
      if (retweeted !== undefined) {
        const author = mentions.find((m) => m.id && m.handle?.toLowerCase() === retweeted)
        if (author?.id) targets.set(author.id, { kind: "mention", relationship: "retweeted" })
      } else {
        if (replyTo && !book.isMe(replyTo))
          targets.set(replyTo, { kind: "reply", relationship: "replied-to" })
        for (const m of mentions) {
          if (m.id === undefined) {
            const who = m.handle ? `@${m.handle}` : "an account"
            ctx.issues.push({ file, record, reason: `mention of ${who} carries no account id; not linked` })
          } else if (!book.isMe(m.id) && !targets.has(m.id)) {
            targets.set(m.id, { kind: "mention", relationship: "mentioned" })
          }
        }
      }
      const at = toIso(ms)
      for (const [counterpart, { kind, relationship }] of targets) {
        if (book.add(counterpart, file, relationship)) {
          ctx.interactions.push({ kind, at, direction: "outgoing", counterpart, file, record })
        }
      }
    })
  }
}
