/**
 * The book's blocking keys: which active records hold each key. Kept as segments, one written
 * per import (the keys of its new and changed records, and the records whose keys no longer
 * count), each a sorted array of key hashes with their records; a full resolution writes the
 * whole index as one segment again. A table of one row per record and key was tried first: on
 * PGlite its inserts were far too slow for a first import (docs/store.md), and an array column
 * with a GIN index was slower still to query. Keys are 32-bit hashes: two keys that collide
 * only make a block bigger.
 */
import type { Sql } from "./sql.ts"

/** A key as a 32-bit FNV-1a hash: a collision only adds candidates. */
export const hashKey = (key: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Records per segment at most: a key hash and a record number share one double when sorting. */
const ownerBits = 2 ** 21

export interface Segment {
  /** The records it holds keys of (`owners` index them). */
  readonly identities: ReadonlyArray<string>
  /** Records whose earlier keys no longer count (changed, gone). */
  readonly removed: ReadonlyArray<string>
  /** Key hashes, ascending, and the record holding each. */
  readonly keys: Uint32Array
  readonly owners: Int32Array
}

/** A segment of the given records' keys. */
export const segmentOf = (
  added: ReadonlyMap<string, ReadonlyArray<string>>,
  removed: ReadonlyArray<string>,
): Segment => {
  const identities = [...added.keys()]
  if (identities.length >= ownerBits) throw new Error("too many records for one segment of keys")
  let n = 0
  for (const ks of added.values()) n += ks.length
  // Hash and record packed into one exact double: a native numeric sort orders both.
  const packed = new Float64Array(n)
  let at = 0
  identities.forEach((identity, i) => {
    for (const k of added.get(identity)!) packed[at++] = hashKey(k) * ownerBits + i
  })
  packed.sort()
  return { identities, removed, ...unpack(packed) }
}

const unpack = (packed: Float64Array): { keys: Uint32Array; owners: Int32Array } => {
  const keys = new Uint32Array(packed.length)
  const owners = new Int32Array(packed.length)
  for (let x = 0; x < packed.length; x++) {
    const h = Math.floor(packed[x]! / ownerBits)
    keys[x] = h
    owners[x] = packed[x]! - h * ownerBits
  }
  return { keys, owners }
}

const lowerBound = (keys: Uint32Array, key: number): number => {
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
    const packed: Array<number> = []
    this.segments.forEach((s, i) => {
      for (let x = 0; x < s.keys.length; x++) {
        const identity = s.identities[s.owners[x]!]!
        if (this.live.get(identity) === i) packed.push(s.keys[x]! * ownerBits + number.get(identity)!)
      }
    })
    return { identities, removed: [], ...unpack(Float64Array.from(packed).sort()) }
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

// Base64 text, not bytea: PGlite passes a big bytea parameter slowly.
const text = (a: Uint32Array | Int32Array): string =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64")

/** Copied out of the decoded bytes into an aligned buffer of its own. */
const words = (t: string): ArrayBuffer => {
  const b = Buffer.from(t, "base64")
  const out = new ArrayBuffer(b.byteLength)
  new Uint8Array(out).set(b)
  return out
}

export const load = async (tx: Sql, book: string): Promise<KeyIndex> =>
  new KeyIndex(
    (
      await tx.query<{ identities: string; removed: string; keys: string; owners: string }>(
        "select identities, removed, keys, owners from blocking_keys where book = $1 order by segment",
        [book],
      )
    ).map((r) => ({
      identities: JSON.parse(r.identities) as Array<string>,
      removed: JSON.parse(r.removed) as Array<string>,
      keys: new Uint32Array(words(r.keys)),
      owners: new Int32Array(words(r.owners)),
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
      text(segment.keys),
      text(segment.owners),
    ],
  )
}

/** Segments past this many are merged into one at the next import. */
export const maxSegments = 64
