/**
 * Guards for reading parsed archive JSON without trusting its shape: every accessor returns
 * `undefined` (or an empty array) for a value of the wrong type instead of throwing.
 */

/** A parsed JSON object. */
export type Obj = Readonly<Record<string, unknown>>

/** The value as an object, or undefined for arrays, null and scalars. */
export const asObject = (value: unknown): Obj | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Obj) : undefined

/** The value as an array; anything else reads as empty. */
export const asArray = (value: unknown): ReadonlyArray<unknown> => (Array.isArray(value) ? value : [])

/** The objects of an array value; other elements and non-arrays are skipped. */
export const objects = (value: unknown): ReadonlyArray<Obj> =>
  asArray(value).flatMap((v): ReadonlyArray<Obj> => {
    const o = asObject(v)
    return o ? [o] : []
  })

/** A non-empty string after trimming, else undefined. */
export const asText = (value: unknown): string | undefined => {
  if (typeof value !== "string") return undefined
  const trimmed = value.trim()
  return trimmed === "" ? undefined : trimmed
}

const ID = /^[1-9][0-9]*$/

/**
 * A Twitter account, message or tweet id: a decimal string without sign or leading zero. A number is
 * accepted only while exact (a hand-edited file may drop the quotes); `-1`, `0` and larger numbers are not ids.
 */
export const asId = (value: unknown): string | undefined => {
  if (typeof value === "string") return ID.test(value.trim()) ? value.trim() : undefined
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return String(value)
  return undefined
}

/**
 * The payload of an archive entry. Entries wrap their object under the type's key
 * (`{"follower": {...}}`, `{"tweet": {...}}`); early 2019 archives wrote tweets bare.
 */
export const unwrap = (entry: unknown, key: string): Obj | undefined => {
  const outer = asObject(entry)
  if (outer === undefined) return undefined
  return asObject(outer[key]) ?? (key in outer ? undefined : outer)
}
