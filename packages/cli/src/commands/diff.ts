/**
 * `blackbook diff OLD NEW`: what changed between two exports (two LinkedIn exports, say) without a
 * store: both are imported into a throwaway in-memory book and the second import's change set is
 * printed.
 *
 * @since 0.1.0
 */
import { Store } from "@blackbook/store"
import { Effect } from "effect"
import { Argument, Command } from "effect/cli"
import { ExitCode, UsageError } from "../Exit.ts"
import { inputFlags, parseNow, print } from "./shared.ts"

/** @category commands @since 0.1.0 */
export const diffCommand = Command.make(
  "diff",
  {
    old: Argument.String("old").pipe(Argument.withDescription("the older export (file, folder or zip)")),
    new: Argument.String("new").pipe(Argument.withDescription("the newer export")),
    now: inputFlags.now,
    region: inputFlags.region,
    me: inputFlags.me,
  },
  (args) =>
    Effect.gen(function* () {
      const now = yield* parseNow(args.now)
      const changes = yield* Effect.scoped(
        Effect.gen(function* () {
          const store = yield* Store.open({ me: args.me })
          const at = now ?? new Date()
          // the older export a day earlier, so the change set reads as "since then"
          yield* store.import([args.old], { now: new Date(at.getTime() - 86_400_000) })
          return (yield* store.import([args.new], { now: at })).changes
        }),
      ).pipe(
        Effect.mapError((e) =>
          e._tag === "NoInputs"
            ? new UsageError({ detail: e.detail })
            : new ExitCode({ code: 1, detail: `${e.operation}: ${e.detail}` }),
        ),
      )
      yield* print(`${JSON.stringify(changes, null, 2)}\n`)
    }),
).pipe(
  Command.withDescription(
    "Compare two exports (e.g. two LinkedIn exports) without a store: prints the change set.",
  ),
)
