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

// Formal names (the first of each group): a diminutive's other spelling is never looked up as one.
const formal: ReadonlySet<string> = new Set(groups.map((g) => g[0]!))

/**
 * A pet form the table lacks in this spelling, written with the other diminutive ending: -ie and
 * -y are one sound and people write both (Peggie, Peggy; Debby, Debbie; Frankie, Franky). Only
 * after a consonant and to a short form the table knows, never to a formal name (Valery is not
 * Valerie).
 */
const otherSpelling = (name: string): string | undefined => {
  const m = /^(\p{L}{2,}[^aeiouy\P{L}])(ie|y)$/u.exec(name)
  if (m === null) return undefined
  const other = m[1]! + (m[2] === "ie" ? "y" : "ie")
  return index.has(other) && !formal.has(other) ? other : undefined
}

/**
 * The folded name to look up: the whole name when the table has it, else its first word, in the
 * table's spelling of a diminutive when only that differs.
 */
const lookupName = (given: string): string | undefined => {
  const ts = tokens(given)
  const whole = ts.join("")
  if (index.has(whole)) return whole
  const first = ts[0]
  if (first === undefined || index.has(first)) return first
  return otherSpelling(first) ?? first
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
