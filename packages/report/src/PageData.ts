/**
 * What the report's page script reads from the page: the map, the contact cards and the search index,
 * inlined as JSON. Compact arrays keep a book of thousands of people small.
 *
 * @since 0.1.0
 */

/** [contact id, name, x, y, size, community (-1: linked to nobody)]. @category models @since 0.1.0 */
export type PageNode = readonly [string, string, number, number, number, number]

/** [source node, target node, kind (index in `kinds`), weight]. @category models @since 0.1.0 */
export type PageLink = readonly [number, number, number, number]

/** @category models @since 0.1.0 */
export interface PageCommunity {
  readonly label: string
  readonly color: string
  readonly members: number
}

/** What the card shows for one contact. @category models @since 0.1.0 */
export interface PageCard {
  readonly name: string
  readonly rank?: number
  readonly of: number
  readonly tier?: string
  readonly score?: number
  readonly why?: string
  readonly last?: string
  readonly lastKind?: string
  readonly due?: string
  readonly interactions: number
  readonly emails: ReadonlyArray<string>
  readonly employer?: string
  readonly title?: string
  /** "linkedin: Connections.csv", one per source file. */
  readonly sources: ReadonlyArray<string>
  readonly community?: string
}

/** @category models @since 0.1.0 */
export interface PageData {
  readonly nodes: ReadonlyArray<PageNode>
  readonly links: ReadonlyArray<PageLink>
  readonly kinds: ReadonlyArray<string>
  readonly communities: ReadonlyArray<PageCommunity>
  /** Colour of people linked to nobody, and of small communities past the palette. */
  readonly alone: string
  readonly me: { readonly x: number; readonly y: number; readonly label: string }
  /** By node. */
  readonly cards: ReadonlyArray<PageCard>
  /** By node: the folded words `find` searches (names and their formal forms, e-mails, employers, handles). */
  readonly search: ReadonlyArray<string>
}
