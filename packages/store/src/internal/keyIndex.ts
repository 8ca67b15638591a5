/**
 * The book's blocking keys: which active records hold each key. Kept as segments, one written
 * per import (the keys of its new and changed records, and the records whose keys no longer
 * count), each a sorted array of key hashes with their records; a full resolution writes the
 * whole index as one segment again. A table of one row per record and key was tried first: on
 * PGlite its inserts were far too slow for a first import (docs/store.md), and an array column
 * with a GIN index was slower still to query.
 */
import type { Sql } from "./sql.ts"

/** A key as a 53-bit number (two 32-bit FNV-1a hashes): a collision only adds a candidate. */
export const hashKey = (key: string): number => {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15)
  }
  return (a >>> 11) * 0x100000000 + (b >>> 0)
}

export interface Segment {
  /** The records it holds keys of (`owners` index them). */
  readonly identities: ReadonlyArray<string>
  /** Records whose earlier keys no longer count (changed, gone). */
  readonly removed: ReadonlyArray<string>
  /** Key hashes, ascending, and the record holding each. */
  readonly keys: Float64Array
  readonly owners: Int32Array
}

/** A segment of the given records' keys. */
export const segmentOf = (
  added: ReadonlyMap<string, ReadonlyArray<string>>,
  removed: ReadonlyArray<string>,
): Segment => {
  const identities = [...added.keys()]
  let n = 0
  for (const ks of added.values()) n += ks.length
  const pairs = new Float64Array(n)
  const owner = new Int32Array(n)
  let at = 0
  identities.forEach((identity, i) => {
    for (const k of added.get(identity)!) {
      pairs[at] = hashKey(k)
      owner[at++] = i
    }
  })
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => pairs[x]! - pairs[y]! || owner[x]! - owner[y]!,
  )
  const keys = new Float64Array(n)
  const owners = new Int32Array(n)
  order.forEach((from, to) => {
    keys[to] = pairs[from]!
    owners[to] = owner[from]!
  })
  return { identities, removed, keys, owners }
}

const lowerBound = (keys: Float64Array, key: number): number => {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (keys[mid]! < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The segments read together: a record's keys are those of the last segment that added it. */
export class KeyIndex {
  private readonly live = new Map<string, number>()
  constructor(readonly segments: ReadonlyArray<Segment>) {
    segments.forEach((s, i) => {
      for (const identity of s.removed) this.live.delete(identity)
      for (const identity of s.identities) this.live.set(identity, i)
    })
  }
  /** The live entries as one segment. */
  compacted(): Segment {
    const identities = [...this.live.keys()]
    const number = new Map(identities.map((identity, i) => [identity, i]))
    const hashes: Array<number> = []
    const owner: Array<number> = []
    this.segments.forEach((s, i) => {
      for (let x = 0; x < s.keys.length; x++) {
        const identity = s.identities[s.owners[x]!]!
        if (this.live.get(identity) !== i) continue
        hashes.push(s.keys[x]!)
        owner.push(number.get(identity)!)
      }
    })
    const order = hashes.map((_, i) => i).sort((x, y) => hashes[x]! - hashes[y]! || owner[x]! - owner[y]!)
    return {
      identities,
      removed: [],
      keys: Float64Array.from(order, (i) => hashes[i]!),
      owners: Int32Array.from(order, (i) => owner[i]!),
    }
  }
  /** The records holding a key. */
  holders(key: string): Array<string> {
    const h = hashKey(key)
    const out: Array<string> = []
    this.segments.forEach((s, i) => {
      for (let x = lowerBound(s.keys, h); x < s.keys.length && s.keys[x] === h; x++) {
        const identity = s.identities[s.owners[x]!]!
        if (this.live.get(identity) === i) out.push(identity)
      }
    })
    return out
  }
}

const bytes = (a: Float64Array | Int32Array): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength)

/** Copied out of whatever buffer the driver gave (typed arrays need aligned offsets). */
const float64 = (b: Uint8Array): Float64Array => new Float64Array(new Uint8Array(b).buffer)
const int32 = (b: Uint8Array): Int32Array => new Int32Array(new Uint8Array(b).buffer)

export const load = async (tx: Sql, book: string): Promise<KeyIndex> =>
  new KeyIndex(
    (
      await tx.query<{ identities: string; removed: string; keys: Uint8Array; owners: Uint8Array }>(
        "select identities, removed, keys, owners from blocking_keys where book = $1 order by segment",
        [book],
      )
    ).map((r) => ({
      identities: JSON.parse(r.identities) as Array<string>,
      removed: JSON.parse(r.removed) as Array<string>,
      keys: float64(r.keys),
      owners: int32(r.owners),
    })),
  )

/** Adds a segment after the stored ones, or (`replace`) stores it as the whole index. */
export const write = async (tx: Sql, book: string, segment: Segment, replace: boolean): Promise<void> => {
  if (replace) await tx.query("delete from blocking_keys where book = $1", [book])
  else if (segment.identities.length === 0 && segment.removed.length === 0) return
  await tx.query(
    "insert into blocking_keys (book, segment, identities, removed, keys, owners) select $1, coalesce(max(segment), 0) + 1, $2, $3, $4, $5 from blocking_keys where book = $1",
    [
      book,
      JSON.stringify(segment.identities),
      JSON.stringify(segment.removed),
      bytes(segment.keys),
      bytes(segment.owners),
    ],
  )
}

/** Segments past this many are merged into one at the next import. */
export const maxSegments = 64
