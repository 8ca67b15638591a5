/**
 * Who moved jobs and who is a new connection: read from a store's change feed. The report does not
 * depend on the store; a change set here is the part of `@blackbook/store`'s `ChangeSet` it reads,
 * so the store's `changes()` fits as is.
 *
 * @since 0.2.0
 */

/** A job before or after a change. @category models @since 0.2.0 */
export interface Job {
  readonly company: string | null
  readonly title: string | null
}

/** One event about a person, as the store records it. @category models @since 0.2.0 */
export interface ChangeEvent {
  readonly kind: string
  /** The contact's id when the event was recorded (the caller maps merged ids to current ones). */
  readonly contact: string
  /** ISO date or instant: when it happened, as far as the sources tell. */
  readonly at: string
  readonly from: Job | string | null
  readonly to: Job | string | null
}

/** What one import changed: its time and its events. @category models @since 0.2.0 */
export interface ChangeSet {
  /** ISO instant of the import. */
  readonly at: string
  readonly events: ReadonlyArray<ChangeEvent>
}

/** One line of a change list, by position in the book's contacts. @category models @since 0.2.0 */
export interface Change {
  readonly node: number
  readonly event: ChangeEvent
}

/** @category models @since 0.2.0 */
export interface Recent {
  /** The first day of the window (ISO date). */
  readonly since: string
  readonly moved: ReadonlyArray<Change>
  readonly connections: ReadonlyArray<Change>
}

/** How far back the lists look by default. @category constants @since 0.2.0 */
export const DAYS = 90

const DAY_MS = 86_400_000

/**
 * The `moved` and `new-connection` events of the imports made in the `days` before `now` (the
 * import's time decides: an export read today may name a connection made earlier), newest import
 * first. Events about a contact the book does not hold are left out.
 *
 * @category constructors
 * @since 0.2.0
 */
export const recent = (
  sets: ReadonlyArray<ChangeSet>,
  contactIds: ReadonlyArray<string>,
  now: Date,
  days: number = DAYS,
): Recent => {
  const position = new Map(contactIds.map((id, i) => [id, i]))
  const start = now.getTime() - days * DAY_MS
  const inWindow = sets
    .filter((s) => {
      const t = Date.parse(s.at)
      return t > start && t <= now.getTime()
    })
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  const of = (kind: string): Array<Change> =>
    inWindow.flatMap((s) =>
      s.events.flatMap((event) => {
        const node = event.kind === kind ? position.get(event.contact) : undefined
        return node === undefined ? [] : [{ node, event }]
      }),
    )
  return {
    since: new Date(start).toISOString().slice(0, 10),
    moved: of("moved"),
    connections: of("new-connection"),
  }
}

/** A job as a phrase: "Lead at Acme", "Acme", or "" when nothing is known. */
export const jobText = (value: Job | string | null): string => {
  if (value === null) return ""
  if (typeof value === "string") return value
  return [value.title, value.company].filter((x) => x !== null && x !== "").join(" at ")
}
