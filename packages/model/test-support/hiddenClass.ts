/**
 * A test-only helper, not published: it turns on V8's natives syntax in the process that calls it,
 * which no library should do to the application embedding it. Tests import it as
 * `@blackbook/model/test-support/hiddenClass` (the workspace's source condition only).
 *
 * @since 0.2.0
 */
import * as v8 from "node:v8"

/**
 * Whether two objects share one V8 hidden class (map). Objects of one shape that each carry a
 * hidden class of their own (V8 makes one per object for `{ ...x, field }`) cost memory and make
 * every read of them megamorphic: tests of code that builds one object per record or per contact
 * ask this of two of them.
 *
 * @category testing
 * @since 0.2.0
 */
export const shareHiddenClass = (a: object, b: object): boolean => {
  sameMap ??= compileSameMap()
  return sameMap(a, b)
}

// Compiled once, on first use: tests ask it of dozens of objects.
let sameMap: ((a: object, b: object) => boolean) | undefined

const compileSameMap = (): ((a: object, b: object) => boolean) => {
  // Natives syntax holds for functions compiled after the flag is set: this one, made here.
  v8.setFlagsFromString("--allow-natives-syntax")
  return new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean
}
