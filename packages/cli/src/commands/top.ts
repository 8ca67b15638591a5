/**
 * `blackbook top [N]`, `blackbook drifting` and `blackbook digest`: the ranked book, the people
 * drifting away, and this week's fifteen-minute list.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs"
import { type Ranking as R, Ranking } from "@blackbook/priority"
import { Effect } from "effect"
import { Command } from "effect/cli"
import { UsageError } from "../Exit.ts"
import { finish, load } from "../Ranked.ts"
import { day, table } from "../Table.ts"
import { inputFlags, pathsArgument, print, sourceOf } from "./shared.ts"

const rows = (ranked: ReadonlyArray<R.Ranked>) =>
  table(
    ["#", "name", "score", "tier", "last", "due", "why"],
    ranked.map((r) => [
      String(r.rank),
      r.displayName,
      r.score.toFixed(2),
      r.tier,
      day(r.lastInteraction),
      day(r.due),
      r.why,
    ]),
    60,
  )

const asJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/**
 * `top [N]`: N is the first argument when it is a whole number that is not also a path; the rest
 * are inputs. Without N, the top 10%.
 */
const splitCount = (
  args: ReadonlyArray<string>,
): Effect.Effect<[number | undefined, ReadonlyArray<string>], UsageError> => {
  const [first, ...rest] = args
  if (first !== undefined && /^\d+$/.test(first) && !fs.existsSync(first)) {
    const n = Number(first)
    if (n < 1) return Effect.fail(new UsageError({ detail: "top N: N must be at least 1", command: "top" }))
    return Effect.succeed([n, rest])
  }
  return Effect.succeed([undefined, args])
}

/** @category commands @since 0.1.0 */
export const topCommand = Command.make("top", { ...inputFlags, args: pathsArgument }, (args) =>
  Effect.gen(function* () {
    const [n, paths] = yield* splitCount(args.args)
    const people = yield* load(yield* sourceOf(args, paths, "top"))
    const best = Ranking.top(people.ranking, n)
    yield* print(args.json ? asJson(best) : rows(best))
    yield* finish(people)
  }),
).pipe(
  Command.withDescription(
    "The ranked book: `blackbook top [N] <path>...` (default: your top 10%), highest priority first, with why.",
  ),
)

/** @category commands @since 0.1.0 */
export const driftingCommand = Command.make("drifting", { ...inputFlags, paths: pathsArgument }, (args) =>
  Effect.gen(function* () {
    const people = yield* load(yield* sourceOf(args, args.paths, "drifting"))
    const list = Ranking.drifting(people.ranking)
    yield* print(args.json ? asJson(list) : rows(list))
    yield* finish(people)
  }),
).pipe(
  Command.withDescription("People drifting away: silent for much longer than your usual rhythm with them."),
)

/** @category commands @since 0.1.0 */
export const digestCommand = Command.make("digest", { ...inputFlags, paths: pathsArgument }, (args) =>
  Effect.gen(function* () {
    const people = yield* load(yield* sourceOf(args, args.paths, "digest"))
    const d = yield* Effect.fromResult(Ranking.digest(people.ranking, people.now)).pipe(
      Effect.mapError((e) => new UsageError({ detail: e.detail, command: "digest" })),
    )
    if (args.json) return yield* Effect.andThen(print(asJson(d)), finish(people))
    const section = (title: string, list: ReadonlyArray<R.Ranked>) =>
      list.length === 0 ? `${title}: nobody\n` : `${title}:\n${rows(list)}`
    yield* print(
      [
        `Your fifteen minutes for the week of ${day(people.now.toISOString())}`,
        "",
        section("Due this week", d.due),
        section("Drifting", d.drifting),
        section("New", d.new),
      ].join("\n"),
    )
    yield* finish(people)
  }),
).pipe(Command.withDescription("This week's fifteen-minute list: who is due, who is drifting, who is new."))
