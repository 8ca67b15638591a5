/**
 * Tiers: a coarse label per contact with a one-line reason. The first rule that applies wins:
 *
 * 1. `new`: first seen (earliest of connection date and first interaction) within `newWithinDays`
 *    (30), or no history yet but a meeting coming up. New people get a grace period before they can
 *    be called collectors or drifting.
 * 2. `collector`: a connection or a follow (either way) with no interaction ever.
 * 3. `dormant`: no interaction within `dormantAfterDays` (default two half-lives, 180 days), or no
 *    interaction on record at all. Not for contacts with a user-set cadence: those are drifting.
 * 4. `drifting`: silent longer than the user-set cadence, or longer than `driftFactor` (3) times the
 *    contact's own learned cadence (their median gap, clamped).
 * 5. `inner-circle`: in the top `innerCircleFraction` (10%) by score of the contacts with any
 *    interaction, with a two-way interaction (a meeting, or both of you writing) within the half-life.
 * 6. `active`: everyone else with recent history.
 *
 * @since 0.1.0
 */
import type { Interaction } from "@blackbook/model"
import type * as Cadence from "./Cadence.ts"
import { DAY_MS, day, span } from "./internal/time.ts"

/**
 * The tier names, in precedence order (the first that applies wins).
 *
 * @category constants
 * @since 0.1.0
 */
export const precedence = ["new", "collector", "dormant", "drifting", "inner-circle", "active"] as const

/** A tier name: new, collector, dormant, drifting, inner-circle or active. @category models @since 0.1.0 */
export type Tier = (typeof precedence)[number]

/**
 * Thresholds for the tiers.
 *
 * @category models
 * @since 0.1.0
 */
export interface TierOptions {
  readonly halfLifeDays: number
  /** Default 0.1 (top 10%). */
  readonly innerCircleFraction: number
  /** Default 3. */
  readonly driftFactor: number
  /** Default two half-lives. */
  readonly dormantAfterDays: number
  /** Default 30. */
  readonly newWithinDays: number
}

/**
 * How a contact is connected without interacting: a connection date, a follow either way.
 *
 * @category models
 * @since 0.1.0
 */
export interface Connection {
  /** Epoch ms of the connection date, when known. */
  readonly since?: number
  /** "linkedin connection", "you follow them on twitter", ... */
  readonly description: string
}

/**
 * Everything the tier rules look at. Times are epoch milliseconds.
 *
 * @category models
 * @since 0.1.0
 */
export interface Facts {
  readonly now: number
  readonly count: number
  readonly firstSeen?: number
  readonly firstSeenBy?: string
  readonly last?: number
  readonly lastKind?: Interaction.InteractionKind
  readonly nextMeeting?: number
  readonly connection?: Connection
  readonly cadence?: Cadence.Cadence
  readonly twoWay: boolean
  /** 1-based position by score among contacts with any interaction (undefined without one). */
  readonly engagedRank?: number
  readonly engagedCount: number
}

/** A tier and the one-line reason for it. @category models @since 0.1.0 */
export interface Classification {
  readonly tier: Tier
  readonly why: string
}

/**
 * The number of top contacts that can be inner circle: `fraction` of the engaged, at least 1.
 *
 * @category rules
 * @since 0.1.0
 */
export const innerCircleSize = (engagedCount: number, fraction: number): number =>
  engagedCount === 0 ? 0 : Math.max(1, Math.ceil(engagedCount * fraction))

const times = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`

/**
 * Applies the tier rules in precedence order (see the module comment).
 *
 * @category rules
 * @since 0.1.0
 */
export const classify = (facts: Facts, options: TierOptions): Classification => {
  const { now } = facts
  const daysSince = (t: number): number => (now - t) / DAY_MS

  if (facts.firstSeen !== undefined && daysSince(facts.firstSeen) <= options.newWithinDays) {
    const by = facts.firstSeenBy !== undefined ? ` (${facts.firstSeenBy})` : ""
    return {
      tier: "new",
      why: `first seen ${day(facts.firstSeen)}${by}, ${span(daysSince(facts.firstSeen))} ago`,
    }
  }
  if (facts.count === 0 && facts.nextMeeting !== undefined) {
    return { tier: "new", why: `no history yet; first meeting on ${day(facts.nextMeeting)}` }
  }
  if (facts.count === 0 && facts.connection !== undefined) {
    const since = facts.connection.since !== undefined ? ` since ${day(facts.connection.since)}` : ""
    return { tier: "collector", why: `${facts.connection.description}${since}, never interacted` }
  }

  const override = facts.cadence?.source === "override" ? facts.cadence.days : undefined
  if (facts.last === undefined) {
    return override !== undefined
      ? { tier: "drifting", why: `never in touch, though you asked for every ${override} days` }
      : { tier: "dormant", why: "no interactions on record" }
  }
  const silence = daysSince(facts.last)
  const lastSeen = `last ${facts.lastKind ?? "interaction"} ${day(facts.last)}`
  if (override !== undefined && silence > override) {
    return {
      tier: "drifting",
      why: `silent ${span(silence)}, past your ${override}-day cadence (${lastSeen})`,
    }
  }
  if (override === undefined && silence > options.dormantAfterDays) {
    return { tier: "dormant", why: `silent ${span(silence)} (${lastSeen})` }
  }
  const learned = facts.cadence?.source === "learned" ? facts.cadence.days : undefined
  if (learned !== undefined && silence > options.driftFactor * learned) {
    return {
      tier: "drifting",
      why: `silent ${span(silence)}, over ${options.driftFactor}x the usual ${learned}-day gap (${lastSeen})`,
    }
  }
  const circle = innerCircleSize(facts.engagedCount, options.innerCircleFraction)
  if (facts.engagedRank !== undefined && facts.engagedRank <= circle && facts.twoWay) {
    return {
      tier: "inner-circle",
      why: `#${facts.engagedRank} of ${facts.engagedCount} with history (top ${Math.round(options.innerCircleFraction * 100)}%), two-way within ${options.halfLifeDays} days; ${times(facts.count, "interaction")}`,
    }
  }
  return { tier: "active", why: `${lastSeen}, ${span(silence)} ago; ${times(facts.count, "interaction")}` }
}
