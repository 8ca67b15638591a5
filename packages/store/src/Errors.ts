/**
 * The store's errors.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/** The database could not be opened, migrated, read or written. @category errors @since 0.1.0 */
export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  operation: Schema.String,
  detail: Schema.String,
}) {}

/**
 * A decision names something that is neither a record identity nor a contact id in the book.
 *
 * @category errors
 * @since 0.1.0
 */
export class UnknownReference extends Schema.TaggedError<UnknownReference>()("UnknownReference", {
  reference: Schema.String,
}) {}

/** No decision has this number. @category errors @since 0.1.0 */
export class UnknownDecision extends Schema.TaggedError<UnknownDecision>()("UnknownDecision", {
  id: Schema.Number,
}) {}

/** `review --accept N` / `--reject N` names no listed pair. @category errors @since 0.1.0 */
export class UnknownReviewItem extends Schema.TaggedError<UnknownReviewItem>()("UnknownReviewItem", {
  n: Schema.Number,
}) {}
