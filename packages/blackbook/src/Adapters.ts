/**
 * The built-in adapters in claim order: whole exports first, then single files.
 *
 * @since 0.1.0
 */
import type { Source } from "@blackbook/core"
import { ContactsCsvSource } from "@blackbook/source-contacts-csv"
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
