/**
 * Ranks a book's contacts by relevance: frecency score, tier with a reason, keep-in-touch cadence and
 * due date. Pure and deterministic: the same input and `now` give the same ranking, whatever the
 * input order.
 *
 * @since 0.1.0
 */
import { type Contact, Follow, type Interaction } from "@blackbook/model"
import { Result } from "effect"
import * as Cadence from "./Cadence.ts"
import type { InvalidOption } from "./InvalidOption.ts"
import { fold } from "./internal/fold.ts"
import { DAY_MS, dueOn, type Instant, iso, positive, toMillis } from "./internal/time.ts"
import * as Score from "./Score.ts"
import * as Tier from "./Tier.ts"
import * as Weights from "./Weights.ts"

/**
 * What ranking needs: the contacts and, per contact id, its interactions. A core Book has both fields
 * and can be passed as is.
 *
 * @category models
 * @since 0.1.0
 */
export interface RankInput {
  readonly contacts: ReadonlyArray<Contact.Contact>
  readonly interactions: ReadonlyMap<string, ReadonlyArray<Interaction.Interaction>>
}

/**
 * Ranking options; only `now` is required (the library never reads the clock).
 *
 * @category models
 * @since 0.1.0
 */
export interface RankOptions {
  readonly now: Instant
  /** Default 90. */
  readonly halfLifeDays?: number
  readonly weights?: Weights.WeightsOverride
  /** Default: the half-life. */
  readonly reciprocityWindowDays?: number
  /** User-set cadences in days, by contact id; they win over learned ones. */
  readonly cadence?: Cadence.Overrides
  /** Bounds for learned cadences. Defaults 7 and 365. */
  readonly minCadenceDays?: number
  readonly maxCadenceDays?: number
  /** Default 0.1. */
  readonly innerCircleFraction?: number
  /** Default 3. */
  readonly driftFactor?: number
  /** Default two half-lives. */
  readonly dormantAfterDays?: number
  /** Default 30. */
  readonly newWithinDays?: number
}

/**
 * One ranked contact. Dates are ISO instants.
 *
 * @category models
 * @since 0.1.0
 */
export interface Ranked {
  readonly contactId: string
  readonly displayName: string
  readonly score: number
  /** 1-based position by score. */
  readonly rank: number
  readonly tier: Tier.Tier
  readonly why: string
  /** Last interaction + cadence. */
  readonly due?: string
  readonly cadenceDays?: number
  /** When the score decays to 1; sorts like the score, now and later. */
  readonly decaysToOneOn: string
  readonly lastInteraction?: string
  /** Earliest of connection date and first interaction. */
  readonly firstSeen?: string
  /** Earliest upcoming meeting (not counted in the score). */
  readonly nextMeeting?: string
  /** Past interactions only. */
  readonly interactions: {
    readonly count: number
    readonly byKind: Readonly<Partial<Record<Interaction.InteractionKind, number>>>
  }
}

const connectedOnOf = (contact: Contact.Contact): string | undefined => {
  if (contact.connectedOn !== undefined) return contact.connectedOn
  let earliest: string | undefined
  for (const record of contact.records) {
    const on = record.connectedOn
    if (on !== undefined && !Number.isNaN(Date.parse(on)) && (earliest === undefined || on < earliest))
      earliest = on
  }
  return earliest
}

/** The Twitter follow of the contact or of any of its records. */
const twitterFollow = (contact: Contact.Contact): Follow.Follow | undefined => {
  let follow = Follow.fromCategories(contact.categories, "twitter")
  for (const record of contact.records)
    follow = Follow.combine(follow, Follow.fromCategories(record.categories, "twitter"))
  return follow
}

const connectionOf = (
  contact: Contact.Contact,
  activity: Score.Activity,
  connectedOn: string | undefined,
): Tier.Connection | undefined => {
  if (connectedOn !== undefined) {
    const sources = [
      ...new Set(contact.records.filter((r) => r.connectedOn !== undefined).map((r) => r.provenance.source)),
    ]
    const description = sources.length > 0 ? `${sources.sort().join("/")} connection` : "connection"
    return activity.connectedOn !== undefined ? { since: activity.connectedOn, description } : { description }
  }
  switch (twitterFollow(contact)) {
    case "mutual":
      return { description: "you follow each other on twitter" }
    case "following":
      return { description: "you follow them on twitter" }
    case "follower":
      return { description: "they follow you on twitter" }
    case undefined:
      return undefined
  }
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

interface Entry {
  readonly contact: Contact.Contact
  readonly connectedOn: string | undefined
  readonly sortName: string
  readonly activity: Score.Activity
}

/**
 * Ranks the contacts, highest score first (ties: display name, then id), with tier, reason, cadence
 * and due date. An InvalidOption when `now` or an option is wrong; nothing is ranked then.
 *
 * @category ranking
 * @since 0.1.0
 */
export const rank = (
  input: RankInput,
  options: RankOptions,
): Result.Result<ReadonlyArray<Ranked>, InvalidOption> =>
  Result.gen(function* () {
    const now = yield* toMillis(options.now, "now")
    const halfLifeDays = yield* positive(options.halfLifeDays ?? Score.DEFAULT_HALF_LIFE_DAYS, "halfLifeDays")
    const weights = yield* Weights.make(options.weights)
    const tierOptions: Tier.TierOptions = {
      halfLifeDays,
      innerCircleFraction: yield* positive(options.innerCircleFraction ?? 0.1, "innerCircleFraction"),
      driftFactor: yield* positive(options.driftFactor ?? 3, "driftFactor"),
      dormantAfterDays: yield* positive(options.dormantAfterDays ?? 2 * halfLifeDays, "dormantAfterDays"),
      newWithinDays: yield* positive(options.newWithinDays ?? 30, "newWithinDays", 0, true),
    }
    const cadenceOptions: Cadence.CadenceOptions = {
      ...(options.minCadenceDays !== undefined ? { minDays: options.minCadenceDays } : {}),
      ...(options.maxCadenceDays !== undefined ? { maxDays: options.maxCadenceDays } : {}),
    }
    const scoreSettings = yield* Score.settings({
      now,
      halfLifeDays,
      weights,
      ...(options.reciprocityWindowDays !== undefined
        ? { reciprocityWindowDays: options.reciprocityWindowDays }
        : {}),
    })
    const cadences: Array<Cadence.Cadence | undefined> = []
    const entries: Array<Entry> = input.contacts.map((contact) => {
      const connectedOn = connectedOnOf(contact)
      return {
        contact,
        connectedOn,
        sortName: fold(contact.displayName),
        activity: Score.scoreWith(input.interactions.get(contact.id) ?? [], connectedOn, scoreSettings),
      }
    })
    sortEntries(entries)
    // Cadences are checked (a user's override may be wrong) before any contact is ranked.
    for (const entry of entries) {
      cadences.push(
        yield* Cadence.cadence(entry.contact.id, entry.activity.times, options.cadence, cadenceOptions),
      )
    }
    return rankEntries(entries, cadences, now, tierOptions)
  })

const sortEntries = (entries: Array<Entry>): void => {
  entries.sort(
    (a, b) =>
      b.activity.score - a.activity.score ||
      compareText(a.sortName, b.sortName) ||
      compareText(a.contact.displayName, b.contact.displayName) ||
      compareText(a.contact.id, b.contact.id),
  )
}

const rankEntries = (
  entries: ReadonlyArray<Entry>,
  cadences: ReadonlyArray<Cadence.Cadence | undefined>,
  now: number,
  tierOptions: Tier.TierOptions,
): ReadonlyArray<Ranked> => {
  const engagedCount = entries.reduce((n, e) => n + (e.activity.count > 0 ? 1 : 0), 0)

  let engagedRank = 0
  return entries.map((entry, index): Ranked => {
    const { contact, activity } = entry
    if (activity.count > 0) engagedRank++
    const connection = connectionOf(contact, activity, entry.connectedOn)
    const cadence = cadences[index]
    const firstSeen = earliest(activity.connectedOn, activity.first)
    const firstSeenBy =
      firstSeen === undefined
        ? undefined
        : firstSeen === activity.connectedOn
          ? (connection?.description ?? "connection")
          : `first ${activity.firstKind ?? "interaction"}`
    const { tier, why } = Tier.classify(
      {
        now,
        count: activity.count,
        twoWay: activity.twoWay,
        engagedCount,
        ...(activity.count > 0 ? { engagedRank } : {}),
        ...(firstSeen !== undefined ? { firstSeen } : {}),
        ...(firstSeenBy !== undefined ? { firstSeenBy } : {}),
        ...(activity.last !== undefined ? { last: activity.last } : {}),
        ...(activity.lastKind !== undefined ? { lastKind: activity.lastKind } : {}),
        ...(activity.nextMeeting !== undefined ? { nextMeeting: activity.nextMeeting } : {}),
        ...(connection !== undefined ? { connection } : {}),
        ...(cadence !== undefined ? { cadence } : {}),
      },
      tierOptions,
    )
    return {
      contactId: contact.id,
      displayName: contact.displayName,
      score: activity.score,
      rank: index + 1,
      tier,
      why,
      ...(cadence !== undefined
        ? { due: dueOn(activity.last, cadence.days, now), cadenceDays: cadence.days }
        : {}),
      decaysToOneOn: activity.decaysToOneOn,
      ...(activity.last !== undefined ? { lastInteraction: iso(activity.last) } : {}),
      ...(firstSeen !== undefined ? { firstSeen: iso(firstSeen) } : {}),
      ...(activity.nextMeeting !== undefined ? { nextMeeting: iso(activity.nextMeeting) } : {}),
      interactions: { count: activity.count, byKind: activity.byKind },
    }
  })
}

const earliest = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b)

/**
 * The first `n` of a ranking; by default the top 10%, at least one (none from an empty ranking).
 *
 * @category selecting
 * @since 0.1.0
 */
export const top = (ranked: ReadonlyArray<Ranked>, n?: number): ReadonlyArray<Ranked> =>
  ranked.slice(0, n ?? Math.max(1, Math.ceil(ranked.length * 0.1)))

/**
 * The contacts in the given tier(s), in ranking order.
 *
 * @category selecting
 * @since 0.1.0
 */
export const filterTier = (
  ranked: ReadonlyArray<Ranked>,
  tier: Tier.Tier | ReadonlyArray<Tier.Tier>,
): ReadonlyArray<Ranked> => {
  const wanted: ReadonlyArray<Tier.Tier> = typeof tier === "string" ? [tier] : tier
  return ranked.filter((r) => wanted.includes(r.tier))
}

/**
 * The drifting contacts, in ranking order.
 *
 * @category selecting
 * @since 0.1.0
 */
export const drifting = (ranked: ReadonlyArray<Ranked>): ReadonlyArray<Ranked> =>
  filterTier(ranked, "drifting")

/**
 * The fifteen-minute list.
 *
 * @category models
 * @since 0.1.0
 */
export interface Digest {
  /** Due within the coming week (or overdue but not yet drifting or dormant), soonest first. */
  readonly due: ReadonlyArray<Ranked>
  readonly drifting: ReadonlyArray<Ranked>
  readonly new: ReadonlyArray<Ranked>
}

/** Options for `digest`. @category models @since 0.1.0 */
export interface DigestOptions {
  /** Total people across the three lists. Default 15. */
  readonly limit?: number
  /** "This week": due within this many days. Default 7. */
  readonly withinDays?: number
}

/**
 * The fifteen-minute list: who is due this week, who is drifting, who is new. Each person appears
 * once (due, then drifting, then new); the lists are filled in turn, one person each, highest ranked
 * first, until `limit` people are listed. An InvalidOption when `now` or an option is wrong.
 *
 * @category selecting
 * @since 0.1.0
 */
export const digest = (
  ranked: ReadonlyArray<Ranked>,
  now: Instant,
  options: DigestOptions = {},
): Result.Result<Digest, InvalidOption> =>
  Result.gen(function* () {
    const limit = yield* positive(options.limit ?? 15, "limit", 0, true)
    const horizon = iso(
      (yield* toMillis(now, "now")) +
        (yield* positive(options.withinDays ?? 7, "withinDays", 0, true)) * DAY_MS,
    )
    return pick(ranked, limit, horizon)
  })

const pick = (ranked: ReadonlyArray<Ranked>, limit: number, horizon: string): Digest => {
  const due = ranked
    .filter((r) => r.due !== undefined && r.due <= horizon && r.tier !== "drifting" && r.tier !== "dormant")
    .sort((a, b) => compareText(a.due!, b.due!) || a.rank - b.rank)
  const taken = new Set(due.map((r) => r.contactId))
  const drift = drifting(ranked).filter((r) => !taken.has(r.contactId))
  const fresh = filterTier(ranked, "new").filter((r) => !taken.has(r.contactId))

  const lists = [due, drift, fresh]
  const picked: Array<Array<Ranked>> = [[], [], []]
  let total = 0
  for (let i = 0; total < limit; i++) {
    let added = false
    for (let l = 0; l < lists.length && total < limit; l++) {
      const next = lists[l]![i]
      if (next !== undefined) {
        picked[l]!.push(next)
        total++
        added = true
      }
    }
    if (!added) break
  }
  return { due: picked[0]!, drifting: picked[1]!, new: picked[2]! }
}
