/**
 * The adapter contract as plain checks: each takes what an adapter claimed or emitted and returns
 * the ways it breaks the contract (an empty list when it keeps it). `testSource` runs them as
 * vitest tests; they are plain functions so that a test can show a check failing on a bad adapter.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { Interaction } from "../Interaction.ts"
import type { InputBundle, InputFile, SourceAdapter, SourceItem } from "../Source.ts"
import * as SourceRecord from "../SourceRecord.ts"

/**
 * Which part of the contract a problem breaks.
 *
 * @category models
 * @since 0.2.0
 */
export type Check =
  | "claim"
  | "foreign"
  | "model"
  | "provenance"
  | "counterpart"
  | "issue"
  | "broken"
  | "extra"

/**
 * One way an adapter breaks the contract.
 *
 * @category models
 * @since 0.2.0
 */
export interface Problem {
  readonly check: Check
  readonly detail: string
}

const problem = (check: Check, detail: string): Problem => ({ check, detail })

/**
 * A sample of another format, invented and small, that an adapter must not claim unless it reads
 * that format.
 *
 * @category models
 * @since 0.2.0
 */
export interface ForeignSample {
  readonly format: SampleFormat
  readonly file: InputFile
}

/**
 * The formats of the suite's samples: `contacts-csv` is an address-book CSV, `csv` a table of
 * something else (a ledger).
 *
 * @category models
 * @since 0.2.0
 */
export type SampleFormat = "vcard" | "contacts-csv" | "csv" | "ics" | "json"

const sample = (format: SampleFormat, path: string, text: string): ForeignSample => ({
  format,
  file: { path, bytes: new TextEncoder().encode(text) },
})

/**
 * One invented sample per format, named as its exporter would name it.
 *
 * @category samples
 * @since 0.2.0
 */
export const foreignSamples: ReadonlyArray<ForeignSample> = [
  sample(
    "vcard",
    "samples/Ilse Varga.vcf",
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Varga;Ilse;;;\r\nFN:Ilse Varga\r\nEMAIL;TYPE=INTERNET:ilse.varga@example.org\r\nEND:VCARD\r\n",
  ),
  sample(
    "contacts-csv",
    "samples/contacts.csv",
    "First Name,Last Name,E-mail Address,Mobile Phone\r\nOtto,Brandt,otto.brandt@example.net,+44 7700 900456\r\n",
  ),
  sample(
    "csv",
    "samples/ledger.csv",
    "Date,Amount,Description\n2024-03-01,12.50,Coffee beans\n2024-03-02,3.20,Bus\n",
  ),
  sample(
    "ics",
    "samples/meeting.ics",
    [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Invented//Sample//EN",
      "BEGIN:VEVENT",
      "UID:sample-1@example.com",
      "DTSTAMP:20240301T090000Z",
      "DTSTART:20240301T100000Z",
      "DTEND:20240301T110000Z",
      "SUMMARY:Planning",
      "ORGANIZER;CN=Ada Quint:mailto:ada.quint@example.com",
      "ATTENDEE;CN=Otto Brandt:mailto:otto.brandt@example.net",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n"),
  ),
  sample(
    "json",
    "samples/people.json",
    '[{"name":"Ada Quint","email":"ada.quint@example.com","phone":"+1 555 0100"}]\n',
  ),
]

/**
 * The bundle with every file under a neutral name: a file adapter's files become `input-N`
 * (no extension), an archive adapter's export keeps its inner paths below a neutral folder.
 */
export const neutralBundle = (kind: SourceAdapter["kind"], bundle: InputBundle): InputBundle => ({
  origin: "neutral",
  files: bundle.files.map((f, i) => ({ path: neutralPath(kind, bundle.origin, f.path, i), bytes: f.bytes })),
})

const neutralPath = (kind: SourceAdapter["kind"], origin: string, path: string, index: number): string => {
  if (kind === "file") return `neutral/input-${index + 1}`
  const inner = path.startsWith(`${origin}/`) ? path.slice(origin.length + 1) : path
  return `neutral/${inner}`
}

/**
 * Claim by content: the adapter claims some of the fixture's files, the same ones when every file
 * is renamed to a neutral name, and (a file adapter) every file of the fixture.
 *
 * @category checks
 * @since 0.2.0
 */
export const claimProblems = (adapter: SourceAdapter, bundle: InputBundle): ReadonlyArray<Problem> => {
  const out: Array<Problem> = []
  const claimed = adapter.claim(bundle).map((f) => bundle.files.indexOf(f))
  const neutral = neutralBundle(adapter.kind, bundle)
  const claimedNeutral = adapter.claim(neutral).map((f) => neutral.files.indexOf(f))
  if (claimed.length === 0) out.push(problem("claim", `claims none of ${bundle.origin}`))
  const named = (indexes: ReadonlyArray<number>) =>
    indexes
      .map((i) => bundle.files[i]?.path ?? "(a file not in the bundle)")
      .sort()
      .join(", ")
  if (named(claimed) !== named(claimedNeutral)) {
    out.push(
      problem(
        "claim",
        `renamed to neutral names it claims [${named(claimedNeutral)}] instead of [${named(claimed)}]`,
      ),
    )
  }
  if (adapter.kind === "file") {
    for (const [i, f] of bundle.files.entries()) {
      if (!claimed.includes(i)) out.push(problem("claim", `does not claim its own file ${f.path}`))
    }
  }
  return out
}

/**
 * The adapter claims each sample of a format it reads (file adapters), and none of the others.
 *
 * @category checks
 * @since 0.2.0
 */
export const foreignProblems = (
  adapter: SourceAdapter,
  reads: ReadonlyArray<SampleFormat> = [],
  samples: ReadonlyArray<ForeignSample> = foreignSamples,
): ReadonlyArray<Problem> =>
  samples.flatMap(({ format, file }) => {
    const claimed = adapter.claim({ origin: "samples", files: [file] }).length > 0
    if (reads.includes(format)) {
      return claimed || adapter.kind === "archive"
        ? []
        : [problem("foreign", `does not claim the ${format} sample, a format it reads`)]
    }
    return claimed ? [problem("foreign", `claims the ${format} sample ${file.path}`)] : []
  })

/**
 * What the items of one import are checked against: the sources its provenance may name (the
 * adapter's name; contacts-csv names the flavour it read, `outlook-csv`), the paths of the files it
 * read, and whether the format has lines (so every issue names one).
 *
 * @category models
 * @since 0.2.0
 */
export interface ImportContext {
  readonly sources: ReadonlyArray<string>
  readonly files: ReadonlyArray<string>
  readonly lines: boolean
}

const isRecord = Schema.is(SourceRecord.SourceRecord)
const isInteraction = Schema.is(Interaction)

/**
 * Every record and interaction fits the model's schema.
 *
 * @category checks
 * @since 0.2.0
 */
export const modelProblems = (items: ReadonlyArray<SourceItem>): ReadonlyArray<Problem> =>
  items.flatMap((item, n) => {
    if ((item._tag === "Record" || item._tag === "Self") && !isRecord(item.record)) {
      return [problem("model", `item ${n} (${item._tag}) is not a SourceRecord`)]
    }
    if (item._tag === "Interaction" && !isInteraction(item.interaction)) {
      return [problem("model", `item ${n} is not an Interaction`)]
    }
    return []
  })

/**
 * Unique provenance: no two records (Self included) share a record key, and every record and
 * interaction names one of the adapter's sources and a file it read.
 *
 * @category checks
 * @since 0.2.0
 */
export const provenanceProblems = (
  items: ReadonlyArray<SourceItem>,
  context: Pick<ImportContext, "sources" | "files">,
): ReadonlyArray<Problem> => {
  const out: Array<Problem> = []
  const seen = new Set<string>()
  const files = new Set(context.files)
  const where = (p: SourceRecord.Provenance, what: string) => {
    if (!context.sources.includes(p.source))
      out.push(problem("provenance", `${what} names source "${p.source}"`))
    if (!files.has(p.file)) out.push(problem("provenance", `${what} names a file it did not read: ${p.file}`))
    if (p.record.trim() === "") out.push(problem("provenance", `${what} has an empty locator`))
  }
  for (const item of items) {
    if (item._tag === "Record" || item._tag === "Self") {
      const key = SourceRecord.key(item.record.provenance)
      if (seen.has(key)) out.push(problem("provenance", `two records have the key ${key}`))
      seen.add(key)
      where(item.record.provenance, `${item._tag} ${key}`)
    } else if (item._tag === "Interaction") {
      where(item.interaction.provenance, `interaction ${SourceRecord.key(item.interaction.provenance)}`)
    }
  }
  return out
}

/**
 * Counterparts resolve: every interaction's counterpart is the provenance of a record or Self item
 * of the same import.
 *
 * @category checks
 * @since 0.2.0
 */
export const counterpartProblems = (items: ReadonlyArray<SourceItem>): ReadonlyArray<Problem> => {
  const keys = new Set<string>()
  for (const item of items) {
    if (item._tag === "Record" || item._tag === "Self") keys.add(SourceRecord.key(item.record.provenance))
  }
  return items.flatMap((item) => {
    if (item._tag !== "Interaction") return []
    const key = SourceRecord.key(item.interaction.counterpart)
    return keys.has(key)
      ? []
      : [
          problem(
            "counterpart",
            `interaction ${SourceRecord.key(item.interaction.provenance)} names ${key}, no record of this import`,
          ),
        ]
  })
}

/**
 * Issue shape: every Issue names a file the adapter read, a locator, a 1-based line when the
 * format has lines, and a reason.
 *
 * @category checks
 * @since 0.2.0
 */
export const issueProblems = (
  items: ReadonlyArray<SourceItem>,
  context: Pick<ImportContext, "files" | "lines">,
): ReadonlyArray<Problem> => {
  const files = new Set(context.files)
  return items.flatMap((item) => {
    if (item._tag !== "Issue") return []
    const { file, record, line, reason } = item.issue
    const at = `issue ${file}#${record}`
    const out: Array<Problem> = []
    if (!files.has(file)) out.push(problem("issue", `${at} names a file it did not read`))
    if (record.trim() === "") out.push(problem("issue", `${at} has no locator`))
    if (line === undefined ? context.lines : !Number.isInteger(line) || line < 1) {
      out.push(problem("issue", `${at} has no 1-based line (${String(line)})`))
    }
    if (reason.trim() === "") out.push(problem("issue", `${at} gives no reason`))
    return out
  })
}

/**
 * Every check of one import's items.
 *
 * @category checks
 * @since 0.2.0
 */
export const conformance = (
  items: ReadonlyArray<SourceItem>,
  context: ImportContext,
): ReadonlyArray<Problem> => [
  ...modelProblems(items),
  ...provenanceProblems(items, context),
  ...counterpartProblems(items),
  ...issueProblems(items, context),
]

/**
 * A deliberately broken input yields at least one Issue and still yields its good records.
 *
 * @category checks
 * @since 0.2.0
 */
export const brokenProblems = (items: ReadonlyArray<SourceItem>): ReadonlyArray<Problem> => [
  ...(items.some((i) => i._tag === "Issue") ? [] : [problem("broken", "a broken input yields no Issue")]),
  ...(items.some((i) => i._tag === "Record")
    ? []
    : [problem("broken", "a broken input loses its good records")]),
]

/**
 * A field the model lacks is kept verbatim in some record's `extra`.
 *
 * @category checks
 * @since 0.2.0
 */
export const extraProblems = (
  items: ReadonlyArray<SourceItem>,
  expected: SourceRecord.ExtraField,
): ReadonlyArray<Problem> => {
  const kept = items.some(
    (i) =>
      (i._tag === "Record" || i._tag === "Self") &&
      i.record.extra.some((e) => e.name === expected.name && e.value === expected.value),
  )
  return kept
    ? []
    : [
        problem(
          "extra",
          `no record keeps ${JSON.stringify(expected.name)}: ${JSON.stringify(expected.value)}`,
        ),
      ]
}
