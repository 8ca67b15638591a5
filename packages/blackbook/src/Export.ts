/**
 * Writes a book in the three export formats: the JSON contract (with each contact's priority),
 * vCard 4.0 and Outlook CSV, optionally limited to some priority tiers.
 *
 * @since 0.1.0
 */
import type { Contact } from "@blackbook/model"
import type { Ranking, Tier } from "@blackbook/priority"
import { type Book, BookJson } from "@blackbook/resolve"
import { toOutlookCsv } from "@blackbook/source-contacts-csv"
import { toVCard4Card } from "@blackbook/source-vcard"
import type { InputFailure } from "./Merge.ts"

/** @category models @since 0.1.0 */
export type ExportFormat = "json" | "vcf" | "csv"

/** @category constants @since 0.1.0 */
export const formats: ReadonlyArray<ExportFormat> = ["json", "vcf", "csv"]

/** @category models @since 0.1.0 */
export interface RenderOptions {
  /** Inputs that could not be read: listed among the JSON errors with record `*`. */
  readonly failures?: ReadonlyArray<InputFailure>
  /** The ranking: adds score, rank, tier, due and why to each JSON contact. */
  readonly ranking?: ReadonlyArray<Ranking.Ranked>
  /** Keep only contacts in these tiers (needs `ranking`). */
  readonly tiers?: ReadonlyArray<Tier.Tier>
  /** Called as `renderChunks` hands out pieces: contacts written so far, of how many. */
  readonly onWritten?: (done: number, total: number) => void
}

/** The priority fields the JSON export adds to each contact (see docs/book-json.md). */
export interface PriorityJson {
  readonly score: number
  readonly rank: number
  readonly tier: Tier.Tier
  readonly why: string
  readonly decaysToOneOn: string
  readonly due?: string
  readonly cadenceDays?: number
  readonly nextMeeting?: string
}

/**
 * A contact of the JSON document: the book's contact, with its priority fields when the document
 * was made with a ranking (`merge`, `mergeExports` and the CLI always give one).
 *
 * @category models
 * @since 0.2.0
 */
export type ContactDocument = BookJson.ContactJson & Partial<PriorityJson>

/**
 * The JSON document `toJsonDocument` makes: the book's JSON (docs/book-json.md) with each
 * contact's priority fields.
 *
 * @category models
 * @since 0.2.0
 */
export interface JsonDocument extends Omit<BookJson.BookJson, "contacts"> {
  readonly contacts: ReadonlyArray<ContactDocument>
}

const priorityOf = (r: Ranking.Ranked): PriorityJson => ({
  score: Math.round(r.score * 1e4) / 1e4,
  rank: r.rank,
  tier: r.tier,
  why: r.why,
  decaysToOneOn: r.decaysToOneOn,
  ...(r.due !== undefined ? { due: r.due } : {}),
  ...(r.cadenceDays !== undefined ? { cadenceDays: r.cadenceDays } : {}),
  ...(r.nextMeeting !== undefined ? { nextMeeting: r.nextMeeting } : {}),
})

const keep = (options: RenderOptions): ((id: string) => boolean) => {
  if (!options.tiers || options.tiers.length === 0 || !options.ranking) return () => true
  const wanted = new Set<string>(options.tiers)
  const ids = new Set(options.ranking.filter((r) => wanted.has(r.tier)).map((r) => r.contactId))
  return (id) => ids.has(id)
}

/**
 * The JSON document: core's contract, each contact with its priority fields when a ranking is
 * given, and inputs that could not be read at all listed among the errors (record `*`).
 *
 * @category exporting
 * @since 0.1.0
 */
export const toJsonDocument = (book: Book.Book, options: RenderOptions = {}): JsonDocument => {
  const json = BookJson.toJson(book)
  const kept = keep(options)
  const byId = new Map((options.ranking ?? []).map((r) => [r.contactId, r]))
  const contacts = json.contacts.filter((c) => kept(c.id))
  const withPriority =
    byId.size === 0
      ? contacts
      : contacts.map((c): ContactDocument => {
          const ranked = byId.get(c.id)
          // Added to the contact `toJson` has just made for this document, not to a copy of it (a
          // second object per contact); Object.assign, as spreads give each one a hidden class.
          return ranked ? Object.assign(c, priorityOf(ranked)) : c
        })
  const inputErrors = (options.failures ?? []).map((f) => ({
    file: f.error.reason.path,
    record: "*",
    reason: f.error.reason.detail,
  }))
  return { ...json, contacts: withPriority, errors: [...inputErrors, ...json.errors] }
}

const contactsFor = (book: Book.Book, options: RenderOptions): ReadonlyArray<Contact.Contact> => {
  const kept = keep(options)
  return book.contacts.filter((c) => kept(c.id))
}

/**
 * How many items of an array at the last level `jsonChunks` writes in one piece: one
 * `JSON.stringify` per item, re-indented, was much slower than one per few hundred items placed
 * at their depth (docs/cli.md).
 *
 * @category exporting
 * @since 0.2.0
 */
export const jsonChunkItems = 256

/**
 * A value as `JSON.stringify(value, null, 2)` writes it, in pieces: down to `depth` levels, arrays
 * and objects are written entry by entry (depth 1: the top level's items or members; depth 2: theirs
 * too), and an array at the last level in pieces of up to `jsonChunkItems` items. A big book is
 * longer as one text than the longest string V8 can hold (docs/cli.md), where each piece stays small.
 *
 * @category exporting
 * @since 0.2.0
 */
export function* jsonChunks(value: unknown, depth = 1, indent = ""): Generator<string> {
  if (depth === 1 && Array.isArray(value) && value.length > 0 && levelIndent.test(indent)) {
    yield* itemsInPieces(value, indent)
    return
  }
  const entries = depth > 0 ? entriesOf(value) : undefined
  if (entries === undefined) {
    // JSON texts hold no raw line breaks: each of them starts a line, indented to this level.
    yield (JSON.stringify(value, null, 2) ?? "null").replaceAll("\n", `\n${indent}`)
    return
  }
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"]
  if (entries.length === 0) {
    yield `${open}${close}`
    return
  }
  yield open
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i]!
    yield `${i === 0 ? "" : ","}\n${indent}  ${key === undefined ? "" : `${JSON.stringify(key)}: `}`
    yield* jsonChunks(v, depth - 1, `${indent}  `)
  }
  yield `\n${indent}${close}`
}

/** An indent `JSON.stringify(_, null, 2)` writes: two spaces a level. */
const levelIndent = /^(?: {2})*$/

/**
 * A non-empty array written at `indent`, `jsonChunkItems` items a piece. Each piece is stringified
 * inside as many arrays as put its items at their depth, which are then cut off: the items come out
 * indented as in the whole document, with no second pass over the text.
 */
function* itemsInPieces(
  items: ReadonlyArray<unknown>,
  indent: string,
  onItems?: (done: number) => void,
): Generator<string> {
  // Items at `indent` plus one level are that many arrays deep.
  const levels = indent.length / 2 + 1
  let head = ""
  let tail = ""
  for (let j = 0; j < levels; j++) {
    head += `[\n${"  ".repeat(j + 1)}`
    tail = `\n${"  ".repeat(j)}]${tail}`
  }
  yield "["
  for (let i = 0; i < items.length; i += jsonChunkItems) {
    let wrapped: unknown = items.slice(i, i + jsonChunkItems)
    for (let j = 1; j < levels; j++) wrapped = [wrapped]
    const text = JSON.stringify(wrapped, null, 2)
    yield `${i === 0 ? "" : ","}\n${indent}  ${text.slice(head.length, text.length - tail.length)}`
    onItems?.(Math.min(i + jsonChunkItems, items.length))
  }
  yield `\n${indent}]`
}

/**
 * An array's items or a plain object's members as JSON.stringify writes them (it leaves out
 * members that are undefined, functions or symbols); undefined for anything it writes whole.
 */
const entriesOf = (value: unknown): ReadonlyArray<readonly [string | undefined, unknown]> | undefined => {
  if (Array.isArray(value)) return value.map((v) => [undefined, v] as const)
  if (typeof value !== "object" || value === null || "toJSON" in value) return undefined
  return Object.entries(value).filter(
    ([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol",
  )
}

/**
 * The book in a format, in pieces to write one after another (see `jsonChunks`): JSON by contact
 * (and by possible duplicate and error), vCard by card; Outlook CSV is one piece. Joined, they
 * are `render`'s text.
 *
 * @category exporting
 * @since 0.2.0
 */
export function* renderChunks(
  book: Book.Book,
  format: ExportFormat,
  options: RenderOptions = {},
): Generator<string> {
  switch (format) {
    case "json":
      yield* documentChunks(toJsonDocument(book, options), options.onWritten)
      yield "\n"
      return
    case "vcf": {
      const contacts = contactsFor(book, options)
      for (let i = 0; i < contacts.length; i++) {
        yield toVCard4Card(contacts[i]!)
        options.onWritten?.(i + 1, contacts.length)
      }
      return
    }
    case "csv": {
      const contacts = contactsFor(book, options)
      yield toOutlookCsv(contacts)
      options.onWritten?.(contacts.length, contacts.length)
      return
    }
  }
}

/**
 * The JSON document as `jsonChunks(document, 2)` writes it, telling `onWritten` how many contacts
 * have been handed out.
 */
function* documentChunks(
  document: JsonDocument,
  onWritten: ((done: number, total: number) => void) | undefined,
): Generator<string> {
  const total = document.contacts.length
  const entries = entriesOf(document) ?? []
  yield "{"
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!
    yield `${i === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `
    if (key === "contacts" && total > 0)
      yield* itemsInPieces(document.contacts, "  ", (done) => onWritten?.(done, total))
    else yield* jsonChunks(value, 1, "  ")
  }
  yield "\n}"
  if (total === 0) onWritten?.(0, 0)
}

/**
 * Renders the book in a format; text for every format (CSV is UTF-8 with a BOM for Excel/Outlook).
 * A book too big for one string (see `jsonChunks`) is written with `renderChunks`.
 *
 * @category exporting
 * @since 0.1.0
 */
export const render = (book: Book.Book, format: ExportFormat, options: RenderOptions = {}): string =>
  [...renderChunks(book, format, options)].join("")
