/**
 * Stable contact ids across re-resolutions: a contact keeps its id while most of its records stay
 * together; when two stored contacts become one the older id wins and the other is recorded as
 * merged into it; when one splits, the larger part keeps the id and the others are new ids
 * recorded as split from it. Pure: the same clusters and the same history give the same ids.
 *
 * @since 0.1.0
 */

/** @category models @since 0.1.0 */
export interface History {
  /** Record identity -> the contact id it belonged to. */
  readonly membership: ReadonlyMap<string, string>
  /** Contact id -> creation order (smaller is older). */
  readonly age: ReadonlyMap<string, number>
  /** Every id ever given in the book (a new id never reuses one). */
  readonly taken: ReadonlySet<string>
}

/** @category models @since 0.1.0 */
export interface Assignment {
  /** One id per cluster, in cluster order. */
  readonly ids: ReadonlyArray<string>
  readonly created: ReadonlyArray<string>
  readonly merged: ReadonlyArray<{ readonly into: string; readonly from: ReadonlyArray<string> }>
  readonly split: ReadonlyArray<{ readonly from: string; readonly into: ReadonlyArray<string> }>
  /** Stored ids none of whose records is in any cluster any more. */
  readonly vanished: ReadonlyArray<string>
}

const byAge =
  (age: ReadonlyMap<string, number>) =>
  (a: string, b: string): number =>
    (age.get(a) ?? Number.MAX_SAFE_INTEGER) - (age.get(b) ?? Number.MAX_SAFE_INTEGER) ||
    (a < b ? -1 : a > b ? 1 : 0)

/**
 * Gives each cluster (a list of record identities, sorted) an id. `fresh` proposes an id for a
 * cluster with no history; a proposal already taken gets a numeric suffix.
 *
 * @category assigning
 * @since 0.1.0
 */
export const assign = (
  clusters: ReadonlyArray<ReadonlyArray<string>>,
  history: History,
  fresh: (cluster: ReadonlyArray<string>) => string,
): Assignment => {
  const older = byAge(history.age)
  // Old id -> cluster index -> how many of its records are there.
  const spread = new Map<string, Map<number, number>>()
  clusters.forEach((cluster, c) => {
    for (const identity of cluster) {
      const old = history.membership.get(identity)
      if (old === undefined) continue
      const parts = spread.get(old) ?? new Map<number, number>()
      spread.set(old, parts)
      parts.set(c, (parts.get(c) ?? 0) + 1)
    }
  })
  // Each old id claims the cluster holding most of its records (ties: the earlier cluster).
  const claimants = new Map<number, Array<string>>()
  for (const [old, parts] of spread) {
    let best = -1
    let most = 0
    for (const [c, n] of parts) if (n > most || (n === most && c < best)) [best, most] = [c, n]
    const list = claimants.get(best)
    if (list) list.push(old)
    else claimants.set(best, [old])
  }
  const taken = new Set(history.taken)
  const ids: Array<string> = []
  const created: Array<string> = []
  const merged: Array<{ into: string; from: Array<string> }> = []
  const splitInto = new Map<string, Array<string>>()
  clusters.forEach((cluster, c) => {
    const claims = claimants.get(c)
    if (claims !== undefined) {
      claims.sort(older)
      const [keep, ...rest] = claims
      ids.push(keep!)
      if (rest.length > 0) merged.push({ into: keep!, from: rest })
      return
    }
    const proposal = fresh(cluster)
    let id = proposal
    for (let n = 2; taken.has(id); n++) id = `${proposal}-${n}`
    taken.add(id)
    ids.push(id)
    // A cluster of stored records no id claimed is a part split off: from the id most of it had.
    const origins = new Map<string, number>()
    for (const identity of cluster) {
      const old = history.membership.get(identity)
      if (old !== undefined) origins.set(old, (origins.get(old) ?? 0) + 1)
    }
    if (origins.size === 0) {
      created.push(id)
      return
    }
    const from = [...origins].sort((a, b) => b[1] - a[1] || older(a[0], b[0]))[0]![0]
    const list = splitInto.get(from)
    if (list) list.push(id)
    else splitInto.set(from, [id])
  })
  const kept = new Set(ids)
  const mergedAway = new Set(merged.flatMap((m) => m.from))
  const vanished = [...new Set(history.membership.values())]
    .filter((id) => !kept.has(id) && !mergedAway.has(id))
    .sort()
  return {
    ids,
    created,
    merged,
    split: [...splitInto].map(([from, into]) => ({ from, into })),
    vanished,
  }
}
