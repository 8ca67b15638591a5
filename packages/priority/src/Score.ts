/**
 * Frecency: every past interaction adds `weight(kind, direction) * 2^(-ageDays / halfLifeDays)`, a
 * connection date adds a small weight once, and a reciprocity bonus multiplies the sum when both
 * sides wrote recently. The score is also given as the date it decays to 1, which never changes
 * while nothing new happens, so a saved ranking still sorts correctly later.
 *
 * @since 0.1.0
 */
import type { Interaction } from "@blackbook/model"
import { Result } from "effect"
import type { InvalidOption } from "./InvalidOption.ts"
import { DAY_MS, type Instant, iso, parseTime, positive, toMillis } from "./internal/time.ts"
import * as Weights from "./Weights.ts"

/**
 * Scoring options. `now` is required: the library never reads the clock.
 *
 * @category models
 * @since 0.1.0
 */
export interface ScoreOptions {
  readonly now: Instant
  /** Days after which an interaction counts half. Default 90. */
  readonly halfLifeDays?: number
  readonly weights?: Weights.Weights
  /** Incoming and outgoing within this many days earns the reciprocity bonus. Default: the half-life. */
  readonly reciprocityWindowDays?: number
}

/**
 * Scoring options once checked, with `now` in epoch milliseconds: what `scoreWith` scores by, so
 * a caller that scores many contacts checks its options once (see `settings`).
 *
 * @category models
 * @since 0.2.0
 */
export interface ScoreSettings {
  readonly now: number
  readonly halfLifeDays: number
  readonly reciprocityWindowDays: number
  readonly weights: Weights.Weights
}

/**
 * What one contact's interactions add up to. Times are epoch milliseconds.
 *
 * @category models
 * @since 0.1.0
 */
export interface Activity {
  readonly score: number
  /** ISO instant on which the score decays to 1 (in the past when it is already below 1). */
  readonly decaysToOneOn: string
  /** Past interactions (at or before `now`), oldest first. */
  readonly times: ReadonlyArray<number>
  readonly count: number
  readonly byKind: Readonly<Partial<Record<Interaction.InteractionKind, number>>>
  readonly first?: number
  readonly firstKind?: Interaction.InteractionKind
  readonly last?: number
  readonly lastKind?: Interaction.InteractionKind
  /** The earliest meeting after `now`: upcoming, so not scored. */
  readonly nextMeeting?: number
  /** The connection date, when it is not in the future. */
  readonly connectedOn?: number
  /** Both an incoming and an outgoing interaction within the reciprocity window. */
  readonly reciprocal: boolean
  /** Within the half-life: a mutual interaction (a meeting), or both an incoming and an outgoing one. */
  readonly twoWay: boolean
}

/** Default half-life in days. @category constants @since 0.1.0 */
export const DEFAULT_HALF_LIFE_DAYS = 90

/**
 * The share of an interaction's weight left after `ageDays`: exp(-ln2 * ageDays / halfLifeDays).
 *
 * @category scoring
 * @since 0.1.0
 */
export const decay = (ageDays: number, halfLifeDays: number = DEFAULT_HALF_LIFE_DAYS): number =>
  Math.exp((-Math.LN2 * ageDays) / halfLifeDays)

/**
 * The ISO instant on which `score` (measured at `now`) decays to 1: now + halfLife * log2(score).
 * Comparing these strings orders contacts exactly like their scores, at any later date, as long as no
 * new interaction happens. A score of 0 gives year 0000. An InvalidOption when `now` is not a time
 * or the half-life not a positive number.
 *
 * @category scoring
 * @since 0.1.0
 */
export const decaysToOneOn = (
  score: number,
  now: Instant,
  halfLifeDays: number = DEFAULT_HALF_LIFE_DAYS,
): Result.Result<string, InvalidOption> =>
  Result.gen(function* () {
    const at = yield* toMillis(now, "now")
    return decaysAt(score, at, yield* positive(halfLifeDays, "halfLifeDays"))
  })

const decaysAt = (score: number, now: number, halfLifeDays: number): string =>
  iso(now + halfLifeDays * Math.log2(score) * DAY_MS)

/**
 * Checks scoring options: `now` must be a time, the half-life and reciprocity window positive.
 *
 * @category scoring
 * @since 0.2.0
 */
export const settings = (options: ScoreOptions): Result.Result<ScoreSettings, InvalidOption> =>
  Result.gen(function* () {
    const now = yield* toMillis(options.now, "now")
    const halfLifeDays = yield* positive(options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS, "halfLifeDays")
    const reciprocityWindowDays = yield* positive(
      options.reciprocityWindowDays ?? halfLifeDays,
      "reciprocityWindowDays",
    )
    return { now, halfLifeDays, reciprocityWindowDays, weights: options.weights ?? Weights.defaults }
  })

interface Dated {
  readonly interaction: Interaction.Interaction
  readonly at: number
}

// Sorting first makes the floating-point sum independent of input order.
const byTime = (a: Dated, b: Dated): number =>
  a.at - b.at ||
  (a.interaction.kind < b.interaction.kind ? -1 : a.interaction.kind > b.interaction.kind ? 1 : 0) ||
  (a.interaction.direction < b.interaction.direction
    ? -1
    : a.interaction.direction > b.interaction.direction
      ? 1
      : 0)

/**
 * Scores one contact's interactions. Interactions after `now` are not scored (an upcoming meeting
 * has not happened) but the earliest upcoming meeting is reported; unreadable timestamps are skipped.
 * An InvalidOption when an option is wrong (see `settings`).
 *
 * @category scoring
 * @since 0.1.0
 */
export const score = (
  interactions: ReadonlyArray<Interaction.Interaction>,
  connectedOn: string | undefined,
  options: ScoreOptions,
): Result.Result<Activity, InvalidOption> =>
  Result.map(settings(options), (checked) => scoreWith(interactions, connectedOn, checked))

/**
 * `score` by settings already checked.
 *
 * @category scoring
 * @since 0.2.0
 */
export const scoreWith = (
  interactions: ReadonlyArray<Interaction.Interaction>,
  connectedOn: string | undefined,
  settings: ScoreSettings,
): Activity => {
  const { now, weights } = settings
  const halfLife = settings.halfLifeDays
  const window = settings.reciprocityWindowDays

  const past: Array<Dated> = []
  let nextMeeting: number | undefined
  for (const interaction of interactions) {
    const at = parseTime(interaction.at)
    if (at === undefined) continue
    if (at <= now) past.push({ interaction, at })
    else if (interaction.kind === "meeting" && (nextMeeting === undefined || at < nextMeeting))
      nextMeeting = at
  }
  past.sort(byTime)

  let sum = 0
  let incoming = false
  let outgoing = false
  let twoWayIn = false
  let twoWayOut = false
  let mutual = false
  const byKind: Partial<Record<Interaction.InteractionKind, number>> = {}
  for (const { interaction, at } of past) {
    const ageDays = (now - at) / DAY_MS
    sum += Weights.of(weights, interaction.kind, interaction.direction) * decay(ageDays, halfLife)
    byKind[interaction.kind] = (byKind[interaction.kind] ?? 0) + 1
    const inWindow = ageDays <= window
    const inHalfLife = ageDays <= halfLife
    if (interaction.direction === "incoming") {
      incoming ||= inWindow
      twoWayIn ||= inHalfLife
    } else if (interaction.direction === "outgoing") {
      outgoing ||= inWindow
      twoWayOut ||= inHalfLife
    } else {
      mutual ||= inHalfLife
    }
  }
  const connected = parseTime(connectedOn)
  const connection = connected !== undefined && connected <= now ? connected : undefined
  if (connection !== undefined) sum += weights.connection * decay((now - connection) / DAY_MS, halfLife)

  const reciprocal = incoming && outgoing
  const total = reciprocal ? sum * (1 + weights.reciprocityBonus) : sum
  const first = past[0]
  const last = past[past.length - 1]
  return {
    score: total,
    decaysToOneOn: decaysAt(total, now, halfLife),
    times: past.map((d) => d.at),
    count: past.length,
    byKind,
    ...(first !== undefined ? { first: first.at, firstKind: first.interaction.kind } : {}),
    ...(last !== undefined ? { last: last.at, lastKind: last.interaction.kind } : {}),
    ...(nextMeeting !== undefined ? { nextMeeting } : {}),
    ...(connection !== undefined ? { connectedOn: connection } : {}),
    reciprocal,
    twoWay: mutual || (twoWayIn && twoWayOut),
  }
}
