/**
 * How much each kind of interaction counts, as plain data a caller can inspect and override.
 *
 * Order (default weights): a meeting (10) > a call (8) > a message or e-mail I sent or answered (6)
 * > a DM I sent (4) > a message they sent that I did not answer (3, 2.5 for e-mail) > a reply or
 * mention (2 / 1.5) > an invitation (1). A bare connection date counts once, a little (0.5).
 *
 * @since 0.1.0
 */
import type { Interaction } from "@blackbook/model"
import { Result } from "effect"
import { InvalidOption } from "./InvalidOption.ts"

/** Weight of one interaction kind by direction: `outgoing` I acted, `incoming` they did, `mutual` both. */
export interface DirectionWeights {
  readonly outgoing: number
  readonly incoming: number
  readonly mutual: number
}

/**
 * The scoring weights.
 *
 * @category models
 * @since 0.1.0
 */
export interface Weights {
  /** Per interaction kind and direction: the score one interaction adds on the day it happens. */
  readonly kinds: { readonly [K in Interaction.InteractionKind]: DirectionWeights }
  /** What a connection date (LinkedIn "Connected On") adds, once, decaying like an interaction. */
  readonly connection: number
  /**
   * Extra share of the score when both sides wrote (an incoming and an outgoing interaction within the
   * reciprocity window): 0.5 multiplies the score by 1.5.
   */
  readonly reciprocityBonus: number
}

/**
 * Partial weights: only the kinds, directions and fields to change.
 *
 * @category models
 * @since 0.1.0
 */
export interface WeightsOverride {
  readonly kinds?: { readonly [K in Interaction.InteractionKind]?: Partial<DirectionWeights> }
  readonly connection?: number
  readonly reciprocityBonus?: number
}

const same = (w: number): DirectionWeights => ({ outgoing: w, incoming: w, mutual: w })

/**
 * The default weights (see the module comment for the order they encode).
 *
 * @category constants
 * @since 0.1.0
 */
export const defaults: Weights = {
  kinds: {
    meeting: same(10),
    call: { outgoing: 8, incoming: 6, mutual: 8 },
    message: { outgoing: 6, incoming: 3, mutual: 6 },
    email: { outgoing: 6, incoming: 2.5, mutual: 6 },
    dm: { outgoing: 4, incoming: 2, mutual: 4 },
    reply: { outgoing: 2, incoming: 1.5, mutual: 2 },
    mention: { outgoing: 1.5, incoming: 1, mutual: 1.5 },
    invitation: same(1),
  },
  connection: 0.5,
  reciprocityBonus: 0.5,
}

const check = (value: number, what: string): Result.Result<number, InvalidOption> =>
  !Number.isFinite(value) || value < 0
    ? Result.fail(
        new InvalidOption({
          option: `weight ${what}`,
          detail: `weight ${what} must be a number >= 0, got ${value}`,
        }),
      )
    : Result.succeed(value)

/**
 * The defaults with `override` applied; an InvalidOption on a negative or non-finite weight.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (override: WeightsOverride = {}): Result.Result<Weights, InvalidOption> =>
  Result.gen(function* () {
    const kinds = { ...defaults.kinds }
    for (const kind of Object.keys(kinds) as Array<Interaction.InteractionKind>) {
      const merged = { ...defaults.kinds[kind], ...override.kinds?.[kind] }
      kinds[kind] = {
        outgoing: yield* check(merged.outgoing, `${kind}.outgoing`),
        incoming: yield* check(merged.incoming, `${kind}.incoming`),
        mutual: yield* check(merged.mutual, `${kind}.mutual`),
      }
    }
    return {
      kinds,
      connection: yield* check(override.connection ?? defaults.connection, "connection"),
      reciprocityBonus: yield* check(
        override.reciprocityBonus ?? defaults.reciprocityBonus,
        "reciprocityBonus",
      ),
    }
  })

/**
 * The weight of one interaction.
 *
 * @category accessors
 * @since 0.1.0
 */
export const of = (
  weights: Weights,
  kind: Interaction.InteractionKind,
  direction: Interaction.Direction,
): number => weights.kinds[kind][direction]
