/**
 * Who follows whom on a social service, between the owner of an export and a person: I follow
 * them, they follow me, or both. A record carries it as categories (`twitter:following`,
 * `twitter:follower`), the form book.json and vCard exports have always shown; this module is the
 * one place that writes and reads that form, so an adapter and a reader (priority) share a type
 * rather than a string.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"

/**
 * `following`: I follow them; `follower`: they follow me; `mutual`: both.
 *
 * @category models
 * @since 0.3.0
 */
export const Follow = Schema.Literals(["following", "follower", "mutual"])
export type Follow = typeof Follow.Type

const following = (service: string): string => `${service}:following`
const follower = (service: string): string => `${service}:follower`

/**
 * The categories that carry `follow` on `service`, in the order records list them (following first).
 *
 * @category constructors
 * @since 0.3.0
 */
export const toCategories = (service: string, follow: Follow): ReadonlyArray<string> =>
  follow === "mutual"
    ? [following(service), follower(service)]
    : follow === "following"
      ? [following(service)]
      : [follower(service)]

/**
 * Both directions together: `following` and `follower` make `mutual`; `undefined` is no follow.
 *
 * @category combinators
 * @since 0.3.0
 */
export const combine = (a: Follow | undefined, b: Follow | undefined): Follow | undefined =>
  a === undefined ? b : b === undefined || a === b ? a : "mutual"

/**
 * The follow on `service` that categories carry, or `undefined` when they carry none.
 *
 * @category accessors
 * @since 0.3.0
 */
export const fromCategories = (categories: ReadonlyArray<string>, service: string): Follow | undefined =>
  combine(
    categories.includes(following(service)) ? "following" : undefined,
    categories.includes(follower(service)) ? "follower" : undefined,
  )
