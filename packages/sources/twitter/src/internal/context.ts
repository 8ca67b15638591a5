/**
 * What the readers of one archive's data types share while they run.
 */
import type { Interaction, Source } from "@blackbook/model"
import type { AccountBook } from "./accounts.ts"

/** An interaction whose counterpart is still an account id; its record's provenance is known only at the end. */
export interface Pending {
  readonly kind: Interaction.InteractionKind
  readonly at: string
  readonly direction: Interaction.Direction
  readonly counterpart: string
  readonly file: string
  readonly record: string
}

/** One parsed data file: its path and top-level array. */
export interface Loaded {
  readonly file: string
  readonly entries: ReadonlyArray<unknown>
}

/** Shared state of one archive's read. `me` is the owner's account id where the archive tells it. */
export interface Context {
  readonly me: string | undefined
  readonly book: AccountBook
  readonly interactions: Array<Pending>
  readonly issues: Array<Source.RecordIssue>
}
