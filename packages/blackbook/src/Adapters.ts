/**
 * The built-in adapters in claim order: whole exports first, then single files.
 *
 * @since 0.1.0
 */
import type { Source } from "@blackbook/model"
import { ContactsCsvSource, GenericCsvSource } from "@blackbook/source-contacts-csv"
import { IcsSource } from "@blackbook/source-ics"
import { LinkedInSource } from "@blackbook/source-linkedin"
import { TwitterSource } from "@blackbook/source-twitter"
import { VCardSource } from "@blackbook/source-vcard"

/** @category adapters @since 0.1.0 */
export const defaultAdapters: ReadonlyArray<Source.SourceAdapter> = [
  LinkedInSource,
  TwitterSource,
  IcsSource,
  VCardSource,
  ContactsCsvSource,
]

/**
 * The adapters for a run: with a column mapping, the contacts-CSV adapter also takes CSVs in any
 * layout that has the mapped headers (known layouts without them are still read as themselves).
 *
 * @category adapters
 * @since 0.1.0
 */
export const forOptions = (
  options: Pick<Source.ReadOptions, "mapping">,
): ReadonlyArray<Source.SourceAdapter> =>
  options.mapping
    ? defaultAdapters.map((a) => (a === ContactsCsvSource ? GenericCsvSource(options.mapping ?? {}) : a))
    : defaultAdapters
