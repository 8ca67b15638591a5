/**
 * The short report `merge` prints on stderr: inputs set aside, records per source, contacts
 * formed, the possible duplicates (who, from where, why), rejects, skipped files by name, and any
 * input that could not be read.
 *
 * @since 0.1.0
 */
import * as path from "node:path"
import type { Book } from "@blackbook/resolve"
import type { Merge } from "blackbook"

/** One side of a possible duplicate: its name and where it was read ("vcard contacts.vcf"). */
const personLine = (p: Book.ReviewPerson): string =>
  `${p.displayName || p.id} (${p.sources.map((s) => `${s.source} ${path.basename(s.file)}`).join(", ")})`

/**
 * A possible duplicate on one line: score, both people with their sources, and the evidence.
 *
 * @category formatting
 * @since 0.3.0
 */
export const reviewLine = (d: Book.PossibleDuplicate): string =>
  `  ${d.score.toFixed(3)}  ${personLine(d.people[0])} ~ ${personLine(d.people[1])}: ${d.reason}`

/** How many names or rejects the summary lists without `--verbose`. */
const shortList = 10

/** @category models @since 0.2.0 */
export interface SummaryOptions {
  /** List every skipped file and rejected record, not the first few. */
  readonly verbose?: boolean
  /** Inputs set aside before reading (an empty file), one line each. */
  readonly warnings?: ReadonlyArray<string>
}

/**
 * One line for each input that gave nothing to read: a folder or zip with no files, or with none
 * any adapter recognises.
 *
 * @category formatting
 * @since 0.2.0
 */
export const emptyInputs = (result: Merge.ReadResult): ReadonlyArray<string> =>
  result.inputs
    .filter((input) => Object.keys(input.claimed).length === 0)
    .map((input) =>
      input.skipped.length === 0
        ? `${input.input}: no files in it, nothing to read`
        : `${input.input}: no contact export among its ${input.skipped.length} file(s), nothing to read`,
    )

const limited = <A>(list: ReadonlyArray<A>, verbose: boolean | undefined) =>
  verbose ? list : list.slice(0, shortList)

/** @category formatting @since 0.1.0 */
export const summary = (result: Merge.MergeResult, options: SummaryOptions = {}): string => {
  const { book } = result
  const lines: string[] = []
  for (const warning of [...(options.warnings ?? []), ...emptyInputs(result)])
    lines.push(`warning: ${warning}`)
  const bySource = Object.entries(book.stats.recordsBySource).sort(([a], [b]) => a.localeCompare(b))
  const recordTotal = bySource.reduce((n, [, count]) => n + count, 0)
  lines.push(`read ${recordTotal} records: ${bySource.map(([s, n]) => `${s} ${n}`).join(", ") || "none"}`)
  if (book.stats.interactions > 0) {
    lines.push(
      `interactions: ${book.stats.interactions} (${book.stats.interactions - book.stats.unattachedInteractions} attached to contacts)`,
    )
  }
  lines.push(
    `contacts formed: ${book.contacts.length}${book.self.length > 0 ? ` (plus ${book.self.length} records of me)` : ""}`,
  )
  const review = book.possibleDuplicates
  if (review.length > 0) {
    lines.push(`possible duplicates: ${review.length} (to decide: --review FILE, then --constraints FILE)`)
    for (const d of limited(review, options.verbose)) lines.push(reviewLine(d))
    if (!options.verbose && review.length > shortList)
      lines.push(`  ... and ${review.length - shortList} more (see "possibleDuplicates" in the JSON book)`)
  }
  lines.push(`records rejected: ${book.stats.rejected}`)
  for (const issue of limited(book.errors, options.verbose)) {
    lines.push(`  ${issue.file}${issue.line ? `:${issue.line}` : ""} ${issue.record}: ${issue.reason}`)
  }
  if (!options.verbose && book.errors.length > shortList)
    lines.push(
      `  ... and ${book.errors.length - shortList} more (--verbose lists them; "errors" in the JSON book)`,
    )
  for (const input of result.inputs) {
    if (input.skipped.length === 0) continue
    lines.push(`skipped ${input.skipped.length} file(s) no adapter recognises in ${input.input}:`)
    for (const file of limited(input.skipped, options.verbose)) lines.push(`  ${file}`)
    if (!options.verbose && input.skipped.length > shortList)
      lines.push(`  ... and ${input.skipped.length - shortList} more (--verbose lists them)`)
  }
  for (const failure of result.failures) {
    lines.push(`cannot read ${failure.error.reason.path}: ${failure.error.reason.detail}`)
  }
  return `${lines.join("\n")}\n`
}

/**
 * The error line of a run that read nothing: each input named with why (set aside, empty,
 * unrecognised, unreadable), and that nothing was written.
 *
 * @category formatting
 * @since 0.2.0
 */
export const nothingRead = (
  warnings: ReadonlyArray<string>,
  result: Merge.ReadResult | undefined,
): string => {
  const reasons = [
    ...warnings,
    ...(result ? emptyInputs(result) : []),
    ...(result?.failures ?? []).map((f) => `${f.error.reason.path}: ${f.error.reason.detail}`),
  ]
  const named = reasons.length > 0 ? `\n${reasons.map((r) => `  ${r}`).join("\n")}` : ""
  return `nothing to read, no book written${named}`
}
