/**
 * The lists a person scans: inner circle (top 10%), drifting, connectors against collectors, the
 * possible duplicates, and what was read per source with the records rejected.
 *
 * @since 0.1.0
 */
import type { Contact } from "@blackbook/model/Contact"
import type { RecordIssue } from "@blackbook/model/Source"
import { Ranking } from "@blackbook/priority"
import type * as Network from "./Network.ts"

/** One person in a list, by position in the book's contacts. @category models @since 0.1.0 */
export interface Entry {
  readonly node: number
  readonly ranked: Ranking.Ranked
}

/**
 * Someone you are in touch with whose links reach two communities or more.
 *
 * @category models
 * @since 0.1.0
 */
export interface Connector {
  readonly node: number
  readonly ranked: Ranking.Ranked
  /** Communities among the people they are linked to (their own included). */
  readonly communities: number
  /** People they are linked to. */
  readonly links: number
}

/** @category models @since 0.1.0 */
export interface Duplicate {
  readonly a: number
  readonly b: number
  readonly score: number
  readonly reason: string
}

/** @category models @since 0.1.0 */
export interface Lists {
  readonly top: ReadonlyArray<Entry>
  readonly drifting: ReadonlyArray<Entry>
  readonly connectors: ReadonlyArray<Connector>
  readonly collectors: ReadonlyArray<Entry>
  readonly duplicates: ReadonlyArray<Duplicate>
  readonly rejected: ReadonlyArray<RecordIssue>
}

/** What the lists are made from. @category models @since 0.1.0 */
export interface ListsInput {
  readonly contacts: ReadonlyArray<Contact>
  readonly possibleDuplicates: ReadonlyArray<{
    readonly contacts: readonly [string, string]
    readonly score: number
    readonly reason: string
  }>
  readonly errors: ReadonlyArray<RecordIssue>
}

/** How many connectors are listed. @category constants @since 0.1.0 */
export const CONNECTORS = 15

/**
 * The lists, in ranking order unless said otherwise: connectors by communities reached, then links.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (
  input: ListsInput,
  ranking: ReadonlyArray<Ranking.Ranked>,
  network: Network.Network,
): Lists => {
  const position = new Map(input.contacts.map((c, i) => [c.id, i]))
  const entry = (r: Ranking.Ranked): Array<Entry> => {
    const node = position.get(r.contactId)
    return node === undefined ? [] : [{ node, ranked: r }]
  }
  const rankedAt: Array<Ranking.Ranked | undefined> = new Array(input.contacts.length)
  for (const r of ranking) {
    const node = position.get(r.contactId)
    if (node !== undefined) rankedAt[node] = r
  }

  const neighbours = input.contacts.map(() => new Set<number>())
  for (const l of network.links) {
    neighbours[l.source]!.add(l.target)
    neighbours[l.target]!.add(l.source)
  }
  const connectors: Array<Connector> = []
  neighbours.forEach((set, node) => {
    const ranked = rankedAt[node]
    if (ranked === undefined || ranked.interactions.count === 0 || set.size === 0) return
    const reached = new Set<number>()
    const own = network.nodes[node]?.community ?? -1
    if (own >= 0) reached.add(own)
    for (const n of set) {
      const c = network.nodes[n]?.community ?? -1
      if (c >= 0) reached.add(c)
    }
    // reaching only one's own community is no bridge
    if (reached.size >= 2) connectors.push({ node, ranked, communities: reached.size, links: set.size })
  })
  connectors.sort(
    (a, b) => b.communities - a.communities || b.links - a.links || a.ranked.rank - b.ranked.rank,
  )

  const duplicates = input.possibleDuplicates.flatMap((d) => {
    const a = position.get(d.contacts[0])
    const b = position.get(d.contacts[1])
    return a === undefined || b === undefined ? [] : [{ a, b, score: d.score, reason: d.reason }]
  })

  return {
    top: Ranking.top(ranking).flatMap(entry),
    drifting: Ranking.drifting(ranking).flatMap(entry),
    connectors: connectors.slice(0, CONNECTORS),
    collectors: Ranking.filterTier(ranking, "collector").flatMap(entry),
    duplicates,
    rejected: input.errors,
  }
}
