/**
 * The short report `merge` prints on stderr: records per source, contacts formed, the possible
 * duplicates (who, from where, why), rejects, and any input that could not be read.
 *
 * @since 0.1.0
 */
import * as path from "node:path"
import type { Book } from "@blackbook/resolve"
import type { Merge } from "blackbook"

/** The review lines shown; the rest are in the JSON book and the `--review` file. */
const reviewShown = 10

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

/** @category formatting @since 0.1.0 */
export const summary = (result: Merge.MergeResult): string => {
  const { book } = result
  const lines: string[] = []
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
    for (const d of review.slice(0, reviewShown)) lines.push(reviewLine(d))
    if (review.length > reviewShown)
      lines.push(`  ... and ${review.length - reviewShown} more (see "possibleDuplicates" in the JSON book)`)
  }
  lines.push(`records rejected: ${book.stats.rejected}`)
  for (const issue of book.errors.slice(0, 10)) {
    lines.push(`  ${issue.file}${issue.line ? `:${issue.line}` : ""} ${issue.record}: ${issue.reason}`)
  }
  if (book.errors.length > 10)
    lines.push(`  ... and ${book.errors.length - 10} more (see "errors" in the JSON book)`)
  for (const input of result.inputs) {
    if (input.skipped.length > 0)
      lines.push(`skipped ${input.skipped.length} unrecognised file(s) in ${input.input}`)
  }
  for (const failure of result.failures) {
    lines.push(`cannot read ${failure.error.reason.path}: ${failure.error.reason.detail}`)
  }
  return `${lines.join("\n")}\n`
}
