/**
 * Pairwise quality of a resolution against the truth: precision, recall and F1 over the record
 * pairs that share a true entity, as the record-linkage literature counts them.
 */

const pairsIn = (sizes: Iterable<number>): number => {
  let n = 0
  for (const s of sizes) n += (s * (s - 1)) / 2
  return n
}

/**
 * Pairwise scores of clusters of record keys against truth (record key -> entity); records
 * without truth are left out.
 */
export const pairwise = (
  clusters: ReadonlyArray<ReadonlyArray<string>>,
  truth: ReadonlyMap<string, string>,
): { precision: number; recall: number; f1: number; found: number; actual: number } => {
  let tp = 0
  let found = 0
  for (const c of clusters) {
    const known = c.filter((k) => truth.has(k))
    found += pairsIn([known.length])
    const byEntity = new Map<string, number>()
    for (const k of known) byEntity.set(truth.get(k)!, (byEntity.get(truth.get(k)!) ?? 0) + 1)
    tp += pairsIn(byEntity.values())
  }
  const entities = new Map<string, number>()
  for (const e of truth.values()) entities.set(e, (entities.get(e) ?? 0) + 1)
  const actual = pairsIn(entities.values())
  const precision = found === 0 ? 1 : tp / found
  const recall = actual === 0 ? 1 : tp / actual
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1, found, actual }
}
