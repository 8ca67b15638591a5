/**
 * `blackbook find <query> <path>...`: fuzzy search over the merged book; among similar hits the
 * person who matters more comes first.
 *
 * @since 0.1.0
 */
import { Find } from "@blackbook/priority"
import { Effect, Result } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { UsageError } from "../Exit.ts"
import { finish, load } from "../Ranked.ts"
import { table } from "../Table.ts"
import { inputFlags, pathsArgument, print, sourceOf } from "./shared.ts"

/** @category commands @since 0.1.0 */
export const findCommand = Command.make(
  "find",
  {
    ...inputFlags,
    query: Argument.String("query").pipe(Argument.withDescription('what to look for: "bob acme", "jurgen"')),
    paths: pathsArgument,
    limit: Flag.Int("limit").pipe(
      Flag.withDescription("at most this many hits (default 10)"),
      Flag.withDefault(10),
    ),
  },
  (args) =>
    Effect.gen(function* () {
      const people = yield* load(yield* sourceOf(args, args.paths, "find"))
      const hits = yield* Result.flatMap(
        Find.makeIndex({ contacts: people.contacts }, people.ranking),
        (index) => Find.find(index, args.query, { limit: args.limit }),
      ).pipe(
        Effect.fromResult,
        Effect.mapError((e) => new UsageError({ detail: e.detail, command: "find" })),
      )
      if (args.json) {
        const json = hits.map((h) => ({
          contactId: h.contactId,
          displayName: h.displayName,
          relevance: Math.round(h.relevance * 1e4) / 1e4,
          ...(h.rank !== undefined ? { rank: h.rank } : {}),
          ...(h.tier !== undefined ? { tier: h.tier } : {}),
          emails: h.contact.emails.map((e) => e.value),
          companies: h.contact.organizations.flatMap((o) => (o.company ? [o.company] : [])),
        }))
        yield* print(`${JSON.stringify(json, null, 2)}\n`)
        return yield* finish(people)
      }
      if (hits.length === 0)
        return yield* Effect.andThen(print(`no one matches "${args.query}"\n`), finish(people))
      yield* print(
        table(
          ["name", "rank", "tier", "e-mail", "company"],
          hits.map((h) => [
            h.displayName,
            h.rank !== undefined ? String(h.rank) : "",
            h.tier ?? "",
            h.contact.emails[0]?.value ?? "",
            h.contact.organizations[0]?.company ?? "",
          ]),
        ),
      )
      yield* finish(people)
    }),
).pipe(Command.withDescription("Find people in the book by name, nickname, e-mail, company or handle."))
