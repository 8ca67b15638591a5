/**
 * The one failure of the priority functions: an option or an instant they cannot work with (a
 * negative half-life, a `now` that is not a time). Checked before any work is done.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"

/**
 * `option` names what was wrong (`now`, `halfLifeDays`, `weight dm.outgoing`); `detail` says why,
 * in a sentence that names it too.
 *
 * @category errors
 * @since 0.2.0
 */
export class InvalidOption extends Schema.TaggedError<InvalidOption>()("InvalidOption", {
  option: Schema.String,
  detail: Schema.String,
}) {
  override get message(): string {
    return this.detail
  }
}
