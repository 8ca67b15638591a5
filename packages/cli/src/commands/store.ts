/**
 * The lasting book's commands: `import`, `export`, `changes`, `review`, and the decisions `link`,
 * `unlink`, `never`, `undo`. Each opens the store named by `--db` (a directory for PGlite or a
 * `postgres://` URL), default `$BLACKBOOK_DB`, else `$XDG_DATA_HOME/blackbook/book`.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs/promises"
import { Ranking } from "@blackbook/priority"
import { Store } from "@blackbook/store"
import type { ChangeSet } from "@blackbook/store/Changes"
import { Export, type Merge } from "blackbook"
import { Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as Db from "../Db.ts"
import { ExitCode, UsageError } from "../Exit.ts"
import { table } from "../Table.ts"
import { diffCommand } from "./diff.ts"
import { inputFlags, parseNow, print } from "./shared.ts"

const dbFlag = Flag.String("db").pipe(
  Flag.withDescription(
    "the store: a directory (PGlite) or a postgres:// URL (default $BLACKBOOK_DB, else the XDG data dir)",
  ),
  Flag.optional,
)

/** Where the store is: the flag, else $BLACKBOOK_DB, else the XDG data directory. */
export const location = (db: Option.Option<string>): Db.Location => {
  const given = Option.getOrUndefined(db) ?? process.env.BLACKBOOK_DB
  return given !== undefined && given !== "" ? Db.named(given) : { path: Db.defaultDirectory() }
}

const storeFlags = { db: dbFlag, region: inputFlags.region, me: inputFlags.me }

interface StoreArgs {
  readonly db: Option.Option<string>
  readonly region: Option.Option<string>
  readonly me: ReadonlyArray<string>
}

type StoreFailure = Store.DecisionError | Merge.NoInputs

/** A store error as the CLI ends with it: 1 for the database, 2 for a name the book lacks. */
const toExit = (e: StoreFailure): ExitCode | UsageError => {
  switch (e._tag) {
    case "StoreError":
      return new ExitCode({ code: 1, detail: `store: ${e.operation}: ${e.detail}` })
    case "UnknownReference":
      return new UsageError({ detail: `"${e.reference}" is neither a record nor a contact in the book` })
    case "UnknownDecision":
      return new UsageError({ detail: `no decision ${e.id} to undo` })
    case "UnknownReviewItem":
      return new UsageError({ detail: `no review item ${e.n}` })
    case "NoInputs":
      return new UsageError({ detail: e.detail })
  }
}

/** Runs `use` on the store the flags name; store errors become exit codes. */
const withStore = <A, R = never>(
  args: StoreArgs,
  use: (store: Store.StoreShape) => Effect.Effect<A, StoreFailure, R>,
): Effect.Effect<A, ExitCode | UsageError, R> =>
  Effect.scoped(
    Effect.gen(function* () {
      const where = location(args.db)
      if ("path" in where) yield* Effect.promise(() => fs.mkdir(where.path, { recursive: true }))
      const store = yield* Store.open({
        ...where,
        me: args.me,
        ...Option.match(args.region, { onNone: () => ({}), onSome: (r) => ({ region: r.toUpperCase() }) }),
      })
      return yield* use(store)
    }),
  ).pipe(Effect.mapError(toExit))

const summary = (c: ChangeSet): string => {
  const events = new Map<string, number>()
  for (const e of c.events) events.set(e.kind, (events.get(e.kind) ?? 0) + 1)
  const lines = [
    `import ${c.import} at ${c.at}: ${c.counts.records} records (${c.counts.new} new, ${c.counts.changed} changed, ${c.counts.unchanged} unchanged, ${c.counts.gone} gone)`,
    `contacts: ${c.contacts.created.length} created, ${c.contacts.merged.length} merged, ${c.contacts.split.length} split, ${c.contacts.updated.length} updated`,
    ...[...events].map(([kind, n]) => `${kind}: ${n}`),
  ]
  return `${lines.join("\n")}\n`
}

const jsonFlag = inputFlags.json

/** @category commands @since 0.1.0 */
export const importCommand = Command.make(
  "import",
  {
    ...storeFlags,
    now: inputFlags.now,
    json: jsonFlag,
    paths: Argument.String("path").pipe(
      Argument.withDescription("export files, folders or zips"),
      Argument.variadic({ min: 1 }),
    ),
  },
  (args) =>
    Effect.gen(function* () {
      const now = yield* parseNow(args.now)
      const result = yield* withStore(args, (store) =>
        store.import(args.paths, now !== undefined ? { now } : {}),
      )
      yield* print(args.json ? `${JSON.stringify(result.changes, null, 2)}\n` : summary(result.changes))
      if (result.failures.length > 0) {
        const detail = result.failures.map((f) => `${f.input}: ${f.error.reason.detail}`).join("; ")
        return yield* new ExitCode({ code: 1, detail: `could not read: ${detail}` })
      }
    }),
).pipe(
  Command.withDescription("Add exports to the lasting book; prints what changed (--json: the change set)."),
)

/** @category commands @since 0.1.0 */
export const exportCommand = Command.make(
  "export",
  {
    ...storeFlags,
    now: inputFlags.now,
    format: Flag.Literals("format", Export.formats).pipe(
      Flag.withDescription("json (default), vcf (vCard 4.0) or csv (Outlook)"),
      Flag.withDefault("json" as const),
    ),
    out: Flag.String("out").pipe(
      Flag.withDescription("write to this file (default: standard output)"),
      Flag.optional,
    ),
  },
  (args) =>
    Effect.gen(function* () {
      const now = yield* parseNow(args.now)
      const book = yield* withStore(args, (store) => store.export(now))
      const ranking = yield* Ranking.rank(book, { now: new Date(book.now) }).pipe(
        Effect.fromResult,
        Effect.mapError((e) => new UsageError({ detail: e.detail })),
      )
      let text: string
      if (args.format === "json") {
        const doc = Export.toJsonDocument(book, { ranking })
        // The store keeps every interaction: each contact lists them, newest first.
        const contacts = doc.contacts.map((c) => ({
          ...c,
          interactions: { ...c.interactions, list: book.interactions.get(c.id) ?? [] },
        }))
        text = `${JSON.stringify({ ...doc, contacts }, null, 2)}\n`
      } else text = Export.render(book, args.format, { ranking })
      if (Option.isSome(args.out)) {
        const file = args.out.value
        yield* Effect.tryPromise({
          try: () => fs.writeFile(file, text),
          catch: (e) => new ExitCode({ code: 1, detail: `cannot write ${file}: ${String(e)}` }),
        })
      } else yield* print(text)
    }),
).pipe(Command.withDescription("Write the lasting book: stable ids, every interaction per contact."))

const reasonFlag = Flag.String("reason").pipe(
  Flag.withDescription("why (kept with the decision)"),
  Flag.optional,
)

const decisionOutput = (json: boolean, r: Store.DecisionResult) =>
  print(json ? `${JSON.stringify(r, null, 2)}\n` : `decision ${r.decision}\n${summary(r.changes)}`)

const twoRefs = {
  a: Argument.String("a").pipe(Argument.withDescription("a contact id or a record identity")),
  b: Argument.String("b").pipe(Argument.withDescription("a contact id or a record identity")),
}

/** @category commands @since 0.1.0 */
export const linkCommand = Command.make(
  "link",
  { ...storeFlags, ...twoRefs, reason: reasonFlag, json: jsonFlag },
  (args) =>
    Effect.flatMap(
      withStore(args, (s) => s.link(args.a, args.b, Option.getOrUndefined(args.reason))),
      (r) => decisionOutput(args.json, r),
    ),
).pipe(Command.withDescription("Decide that A and B are one person (kept through later imports)."))

/** @category commands @since 0.1.0 */
export const neverCommand = Command.make(
  "never",
  { ...storeFlags, ...twoRefs, reason: reasonFlag, json: jsonFlag },
  (args) =>
    Effect.flatMap(
      withStore(args, (s) => s.never(args.a, args.b, Option.getOrUndefined(args.reason))),
      (r) => decisionOutput(args.json, r),
    ),
).pipe(Command.withDescription("Decide that A and B are never one person."))

/** @category commands @since 0.1.0 */
export const unlinkCommand = Command.make(
  "unlink",
  {
    ...storeFlags,
    record: Argument.String("record").pipe(
      Argument.withDescription("a record identity (or a contact id: its first record)"),
    ),
    reason: reasonFlag,
    json: jsonFlag,
  },
  (args) =>
    Effect.flatMap(
      withStore(args, (s) => s.unlink(args.record, Option.getOrUndefined(args.reason))),
      (r) => decisionOutput(args.json, r),
    ),
).pipe(Command.withDescription("Take a record out of the contact it is in."))

/** @category commands @since 0.1.0 */
export const undoCommand = Command.make(
  "undo",
  { ...storeFlags, decision: Argument.Int("decision"), json: jsonFlag },
  (args) =>
    Effect.flatMap(
      withStore(args, (s) => s.undo(args.decision)),
      (r) => decisionOutput(args.json, r),
    ),
).pipe(Command.withDescription("Take a decision back (link, never or unlink, by its number)."))

/** @category commands @since 0.1.0 */
export const changesCommand = Command.make(
  "changes",
  {
    ...storeFlags,
    since: Flag.String("since").pipe(
      Flag.withDescription("only imports at or after this ISO date"),
      Flag.optional,
    ),
    json: jsonFlag,
  },
  (args) =>
    Effect.gen(function* () {
      const since = yield* parseNow(args.since)
      const sets = yield* withStore(args, (s) => s.changes(since))
      if (args.json) return yield* print(`${JSON.stringify(sets, null, 2)}\n`)
      const rows = sets.flatMap((c) =>
        c.events.map((e) => [
          e.at.slice(0, 10),
          e.kind,
          e.contact,
          e.from === null
            ? ""
            : typeof e.from === "string"
              ? e.from
              : [e.from.title, e.from.company].filter(Boolean).join(" at "),
          e.to === null
            ? ""
            : typeof e.to === "string"
              ? e.to
              : [e.to.title, e.to.company].filter(Boolean).join(" at "),
        ]),
      )
      yield* print(sets.map(summary).join(""))
      if (rows.length > 0) yield* print(table(["date", "event", "contact", "from", "to"], rows))
    }),
).pipe(Command.withDescription("What changed: the change sets of the imports since a date."))

/** @category commands @since 0.1.0 */
export const reviewCommand = Command.make(
  "review",
  {
    ...storeFlags,
    accept: Flag.Int("accept").pipe(Flag.withDescription("link the pair numbered N"), Flag.optional),
    reject: Flag.Int("reject").pipe(Flag.withDescription("keep the pair numbered N apart"), Flag.optional),
    json: jsonFlag,
  },
  (args) =>
    Effect.gen(function* () {
      if (Option.isSome(args.accept) && Option.isSome(args.reject))
        return yield* new UsageError({ detail: "give --accept or --reject, not both" })
      if (Option.isSome(args.accept) || Option.isSome(args.reject)) {
        const r = yield* withStore(args, (s) =>
          Option.isSome(args.accept)
            ? s.accept(args.accept.value)
            : s.reject(Option.getOrElse(args.reject, () => 0)),
        )
        return yield* decisionOutput(args.json, r)
      }
      const list = yield* withStore(args, (s) => s.review())
      if (args.json) return yield* print(`${JSON.stringify(list, null, 2)}\n`)
      if (list.length === 0) return yield* print("nothing to review\n")
      yield* print(
        table(
          ["n", "score", "one", "other", "sources", "why"],
          list.map((r) => [
            String(r.n),
            r.score.toFixed(3),
            r.names[0],
            r.names[1],
            `${r.sources[0].join("+")} / ${r.sources[1].join("+")}`,
            r.reason,
          ]),
        ),
      )
    }),
).pipe(
  Command.withDescription(
    "List pairs that may be one person; --accept N links them, --reject N keeps them apart.",
  ),
)

/** Every store command, for the command tree. */
export const storeCommands = [
  importCommand,
  exportCommand,
  linkCommand,
  unlinkCommand,
  neverCommand,
  undoCommand,
  changesCommand,
  reviewCommand,
  diffCommand,
] as const
