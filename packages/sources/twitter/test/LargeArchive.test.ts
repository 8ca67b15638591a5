import type { Source } from "@blackbook/model"
import { readAll, textInput } from "@blackbook/model/testing"
import { describe, expect, it } from "vitest"
import { TwitterSource } from "../src/index.ts"

const ME = "900000000000000001"
const TWEETS = 20_000
const FOLLOWERS = 10_000
const CONVERSATIONS = 1_000
const PER_CONVERSATION = 10
const POOL = 5_000

const accountId = (n: number) => String(1_000_000_000 + (n % POOL))
const ytd = (global: string, value: unknown) =>
  `window.YTD.${global}.part0 = ${JSON.stringify(value, null, 2)}`

/** A synthetic archive of invented accounts, as large as a heavy real one. */
const archive = (): ReadonlyArray<Source.InputFile> => {
  const tweets = Array.from({ length: TWEETS }, (_, i) => ({
    tweet: {
      id_str: String(1_500_000_000_000_000_000n + BigInt(i)),
      created_at: `Tue Jan 31 18:${String(i % 60).padStart(2, "0")}:26 +0000 2023`,
      full_text: `note ${i} for @user${i % POOL}`,
      entities: {
        user_mentions: [{ name: `Person ${i % POOL}`, screen_name: `user${i % POOL}`, id_str: accountId(i) }],
      },
    },
  }))
  const followers = Array.from({ length: FOLLOWERS }, (_, i) => ({
    follower: {
      accountId: accountId(i * 7),
      userLink: `https://twitter.com/intent/user?user_id=${accountId(i * 7)}`,
    },
  }))
  const dms = Array.from({ length: CONVERSATIONS }, (_, c) => {
    const other = accountId(c * 13)
    return {
      dmConversation: {
        conversationId: `${other}-${ME}`,
        messages: Array.from({ length: PER_CONVERSATION }, (_, m) => ({
          messageCreate: {
            id: String(1_600_000_000_000_000_000n + BigInt(c * PER_CONVERSATION + m)),
            senderId: m % 2 ? ME : other,
            recipientId: m % 2 ? other : ME,
            createdAt: "2023-03-30T19:58:02.001Z",
            text: "hello",
            reactions: [],
          },
        })),
      },
    }
  })
  return [
    textInput("big/data/account.js", ytd("account", [{ account: { accountId: ME, username: "bigme" } }])),
    textInput("big/data/tweets.js", ytd("tweets", tweets)),
    textInput("big/data/follower.js", ytd("follower", followers)),
    textInput("big/data/direct-messages.js", ytd("direct_messages", dms)),
  ]
}

describe("a large archive", () => {
  it("reads 20k tweets, 10k followers and 10k DMs into one record per account", async () => {
    const files = archive()
    const bytes = files.reduce((n, f) => n + f.bytes.length, 0)
    const { records, interactions, issues } = await readAll(TwitterSource, files)
    console.info(
      `[twitter] ${(bytes / 1e6).toFixed(1)} MB: ${records.length} records, ${interactions.length} interactions`,
    )
    expect(issues).toEqual([])
    expect(records).toHaveLength(POOL)
    expect(interactions).toHaveLength(TWEETS + CONVERSATIONS * PER_CONVERSATION)
  }, 120_000)
})
