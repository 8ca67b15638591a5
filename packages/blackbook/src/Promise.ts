/**
 * The Promise API for code that does not use Effect (a CRM's import job, a script). It reads paths
 * from the Node file system (this package's read-only `NodeFileSystem`).
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { type ExportFormat, type JsonDocument, render, toJsonDocument } from "./Export.ts"
import { type MergeInput, type MergeOptions, merge } from "./Merge.ts"
import * as NodeFileSystem from "./NodeFileSystem.ts"

/**
 * Merges exports (paths to files, folders or zips, or `{ name, bytes }`) into one book and returns
 * its JSON document (see docs/book-json.md). Records that could not be read are in `errors`; the
 * promise rejects only when no input was given or a ranking option is wrong (`InvalidOption`).
 *
 * @example
 * const book = await mergeExports(["contacts.vcf", "linkedin.zip"], { region: "GB" })
 * for (const c of book.contacts) console.log(c.displayName, c.sources.length)
 *
 * @category promise
 * @since 0.1.0
 */
export const mergeExports = (
  inputs: ReadonlyArray<MergeInput>,
  options: MergeOptions = {},
): Promise<JsonDocument> =>
  Effect.runPromise(
    Effect.map(merge(inputs, options), (r) =>
      toJsonDocument(r.book, { failures: r.failures, ranking: r.ranking }),
    ).pipe(Effect.provide(NodeFileSystem.layer)),
  )

/**
 * Merges and renders in one step: `json`, `vcf` (vCard 4.0) or `csv` (Outlook). The text is one
 * string; a book too big for one (longer than the longest string V8 can hold) is written with
 * `Export.renderChunks` from `merge`'s book.
 *
 * @category promise
 * @since 0.1.0
 */
export const mergeAndRender = (
  inputs: ReadonlyArray<MergeInput>,
  format: ExportFormat,
  options: MergeOptions = {},
): Promise<string> =>
  Effect.runPromise(
    Effect.map(merge(inputs, options), (r) =>
      render(r.book, format, { failures: r.failures, ranking: r.ranking }),
    ).pipe(Effect.provide(NodeFileSystem.layer)),
  )
