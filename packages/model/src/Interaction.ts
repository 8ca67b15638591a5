/**
 * Something that happened between me and a counterpart: a message, a meeting, a mention.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Provenance } from "./SourceRecord.ts"

/**
 * @category models
 * @since 0.1.0
 */
export const InteractionKind = Schema.Literals([
  "meeting",
  "message",
  "dm",
  "mention",
  "reply",
  "invitation",
  "email",
  "call",
])
export type InteractionKind = typeof InteractionKind.Type

/**
 * `outgoing`: I acted (sent, mentioned, invited); `incoming`: they did; `mutual`: both took part
 * (a meeting).
 *
 * @category models
 * @since 0.1.0
 */
export const Direction = Schema.Literals(["outgoing", "incoming", "mutual"])
export type Direction = typeof Direction.Type

/**
 * `counterpart` is the provenance of the SourceRecord (from the same import) that stands for the
 * other person: `account:<id>`, `attendee:<email>`, `profile:<url>`, `row:N`. Resolution maps it
 * to the Contact that record ends up in.
 *
 * @category models
 * @since 0.1.0
 */
export const Interaction = Schema.Struct({
  kind: InteractionKind,
  /** ISO-8601 instant. */
  at: Schema.String,
  direction: Direction,
  counterpart: Provenance,
  /** Where the interaction itself was read: file and a locator such as `row:12` or `message:<id>`. */
  provenance: Provenance,
})
export type Interaction = typeof Interaction.Type
