/**
 * Nicknames and spelling variants of given names (Robert, Bob, Rob, Bobby; Johann, Hans;
 * Francisco, Paco), from a table Blackbook ships (src/internal/nicknames.ts).
 *
 * @since 0.1.0
 */
import { groups } from "./internal/nicknames.ts"
import { tokens } from "./Name.ts"

const index: ReadonlyMap<string, ReadonlyArray<string>> = (() => {
  const m = new Map<string, Array<string>>()
  for (const group of groups) {
    const key = group[0]!
    for (const name of group) {
      const keys = m.get(name)
      if (!keys) m.set(name, [key])
      else if (!keys.includes(key)) keys.push(key)
    }
  }
  for (const keys of m.values()) keys.sort()
  return m
})()

/** The folded name to look up: the whole name when the table has it, else its first word. */
const lookupName = (given: string): string | undefined => {
  const ts = tokens(given)
  const whole = ts.join("")
  if (index.has(whole)) return whole
  return ts[0]
}

/**
 * The nickname groups a given name belongs to, as group keys (the formal name of each group),
 * sorted: `canonical("Bob")` is `["robert"]`, `canonical("Bert")` lists albert, bertram, robert
 * and more. A name the table does not know is its own group (folded: `["zoltan"]`); an empty
 * name gives `[]`.
 *
 * @category normalizers
 * @since 0.1.0
 */
export const canonical = (given: string): ReadonlyArray<string> => {
  const name = lookupName(given)
  if (name === undefined) return []
  return index.get(name) ?? [name]
}

/**
 * Whether the table knows this given name (as a formal name or a nickname).
 *
 * @category guards
 * @since 0.1.0
 */
export const isKnown = (given: string): boolean => {
  const name = lookupName(given)
  return name !== undefined && index.has(name)
}

/**
 * Whether two given names are the same name or nicknames/variants of one another (they share
 * a group): Robert and Bob, Katherine and Cathy, Jürgen and Juergen.
 *
 * @category comparisons
 * @since 0.1.0
 */
export const areNicknames = (a: string, b: string): boolean => {
  const na = lookupName(a)
  const nb = lookupName(b)
  if (na === undefined || nb === undefined) return false
  if (na === nb) return true
  const ka = index.get(na)
  const kb = index.get(nb)
  return ka !== undefined && kb !== undefined && ka.some((k) => kb.includes(k))
}

/**
 * How many groups the table holds.
 *
 * @category getters
 * @since 0.1.0
 */
export const size: number = groups.length
