/**
 * The book's blocking keys: which active records hold each key. Kept as segments, one written
 * per import (the keys of its new and changed records, and the records whose keys no longer
 * count), each a sorted array of key hashes with their records; a full resolution writes the
 * whole index as one segment again. A segment is stored in chunks of a few dozen keys, each
 * with its lowest and highest hash in indexed columns, so an import reads only the chunks that
 * can hold its own keys. A table of one row per record and key was tried first: on PGlite its
 * inserts were far too slow for a first import (docs/store.md), and an array column with a GIN
 * index was slower still to query. Keys are 32-bit hashes: two keys that collide only make a
 * block bigger.
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

/** A stored chunk: consecutive keys of one segment, with the record holding each. */
interface Chunk {
  readonly segment: number
  readonly keys: Uint32Array
  /** The holding record of each key, as the database's `hashtext` of its identity. */
  readonly owners: Int32Array
}

/**
 * The stored keys an import asks about, read together: a record's keys are those of the last
 * segment that added it. `later` holds, for every segment but the first, the records it added or
 * removed, which is all liveness needs (the first segment's records are live unless a later one
 * names them). An owner is a hash of a record's identity: two records whose identities collide
 * both hold the key, which, as with two keys colliding, only makes a block bigger.
 */
export class KeyIndex {
  /** Record -> the last segment that added or removed it. */
  private readonly touched = new Map<string, number>()
  private readonly byHash = new Map<number, Array<{ segment: number; identity: string }>>()
  constructor(
    chunks: ReadonlyArray<Chunk>,
    /** Only these key hashes are kept (all when undefined). */
    wanted: ReadonlySet<number> | undefined,
    identitiesOf: ReadonlyMap<number, ReadonlyArray<string>>,
    later: ReadonlyArray<{ readonly segment: number; readonly names: ReadonlyArray<string> }>,
    /** How many segments the book holds. */
    readonly segmentCount: number,
  ) {
    for (const { segment, names } of later)
      for (const identity of names)
        if ((this.touched.get(identity) ?? -1) < segment) this.touched.set(identity, segment)
    const ordered = [...chunks].sort((a, b) => a.segment - b.segment)
    for (const c of ordered)
      c.keys.forEach((h, x) => {
        if (wanted !== undefined && !wanted.has(h)) return
        const list = this.byHash.get(h) ?? []
        this.byHash.set(h, list)
        for (const identity of identitiesOf.get(c.owners[x]!) ?? [])
          list.push({ segment: c.segment, identity })
      })
  }
  private live(segment: number, identity: string): boolean {
    const last = this.touched.get(identity)
    return last === undefined || last <= segment
  }
  /** The live entries as one segment (needs every chunk loaded: `loadAll`). */
  compacted(): Segment {
    const added = new Map<string, Array<number>>()
    for (const [h, entries] of this.byHash)
      for (const { segment, identity } of entries)
        if (this.live(segment, identity)) {
          const list = added.get(identity)
          if (list) list.push(h)
          else added.set(identity, [h])
        }
    const identities = [...added.keys()]
    const packed: Array<number> = []
    identities.forEach((identity, i) => {
      for (const h of added.get(identity)!) packed.push(h * ownerBits + i)
    })
    return { identities, removed: [], ...unpack(Float64Array.from(packed).sort()) }
  }
  /** The records holding a key (one of the keys the index was loaded for). */
  holders(key: string): Array<string> {
    return (this.byHash.get(hashKey(key)) ?? [])
      .filter((e) => this.live(e.segment, e.identity))
      .map((e) => e.identity)
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

const chunkOf = (r: { segment: number; owners: string; keys: string }): Chunk => ({
  segment: r.segment,
  keys: new Uint32Array(words(r.keys)),
  owners: new Int32Array(words(r.owners)),
})

const laterSegments = async (tx: Sql, book: string) => {
  const rows = await tx.query<{ segment: number; identities: string; removed: string }>(
    "select segment, identities, removed from key_segments where book = $1 and segment > (select min(segment) from key_segments where book = $1)",
    [book],
  )
  return rows.map((r) => ({
    segment: r.segment,
    names: [...(JSON.parse(r.identities) as Array<string>), ...(JSON.parse(r.removed) as Array<string>)],
  }))
}

const segmentCount = async (tx: Sql, book: string): Promise<number> =>
  (await tx.query<{ n: number }>("select count(*)::int as n from key_segments where book = $1", [book]))[0]
    ?.n ?? 0

/** The active contact records by identity hash: of those hashes, or (undefined) all. */
const identitiesOf = async (
  tx: Sql,
  book: string,
  owners: ReadonlyArray<number> | undefined,
): Promise<Map<number, Array<string>>> => {
  // One lookup per hash (the lateral limit keeps the planner on the hash index).
  const rows = await tx.query<{ identity: string; h: number }>(
    owners === undefined
      ? "select identity, hashtext(identity) as h from records where book = $1 and not gone and kind = 'record'"
      : `select r.identity, u.h from unnest($2::int[]) as u(h) cross join lateral (
          select identity from records
          where book = $1 and hashtext(identity) = u.h and not gone and kind = 'record' limit 1000
        ) r`,
    owners === undefined ? [book] : [book, owners],
  )
  const out = new Map<number, Array<string>>()
  for (const r of rows) {
    const list = out.get(r.h)
    if (list) list.push(r.identity)
    else out.set(r.h, [r.identity])
  }
  return out
}

/** The stored holders of these keys: the chunks whose hash range can hold one, from every segment. */
export const load = async (tx: Sql, book: string, keys: Iterable<string>): Promise<KeyIndex> => {
  const wanted = new Set([...keys].map(hashKey))
  // Per hash and segment, the one chunk whose range ends at or after it (ranges do not overlap).
  const rows = await tx.query<{ segment: number; owners: string; keys: string }>(
    `with hit as (
      select distinct s.segment, c.hi
      from key_segments s
      cross join unnest($2::bigint[]) as h(hash)
      cross join lateral (
        select k.lo, k.hi from key_chunks k
        where k.book = $1 and k.segment = s.segment and k.hi >= h.hash
        order by k.hi limit 1
      ) c
      where s.book = $1 and c.lo <= h.hash
    )
    select k.segment, k.owners, k.keys from key_chunks k join hit using (segment, hi) where k.book = $1`,
    [book, [...wanted]],
  )
  const chunks = rows.map(chunkOf)
  const owners = new Set<number>()
  for (const c of chunks)
    c.keys.forEach((h, x) => {
      if (wanted.has(h)) owners.add(c.owners[x]!)
    })
  return new KeyIndex(
    chunks,
    wanted,
    await identitiesOf(tx, book, [...owners]),
    await laterSegments(tx, book),
    await segmentCount(tx, book),
  )
}

/** Every chunk (for compacting). */
export const loadAll = async (tx: Sql, book: string): Promise<KeyIndex> => {
  const rows = await tx.query<{ segment: number; owners: string; keys: string }>(
    "select segment, owners, keys from key_chunks where book = $1",
    [book],
  )
  return new KeyIndex(
    rows.map(chunkOf),
    undefined,
    await identitiesOf(tx, book, undefined),
    await laterSegments(tx, book),
    await segmentCount(tx, book),
  )
}

/** Keys per stored chunk, about: a run of one hash is never cut. */
const chunkKeys = 64
/** Chunks per insert statement. */
const insertBatch = 4000

/** Adds a segment after the stored ones, or (`replace`) stores it as the whole index. */
export const write = async (tx: Sql, book: string, segment: Segment, replace: boolean): Promise<void> => {
  if (replace) {
    await tx.query("delete from key_chunks where book = $1", [book])
    await tx.query("delete from key_segments where book = $1", [book])
  } else if (segment.identities.length === 0 && segment.removed.length === 0) return
  const number =
    ((
      await tx.query<{ n: number | null }>("select max(segment) as n from key_segments where book = $1", [
        book,
      ])
    )[0]?.n ?? 0) + 1
  await tx.query("insert into key_segments (book, segment, identities, removed) values ($1, $2, $3, $4)", [
    book,
    number,
    JSON.stringify(segment.identities),
    JSON.stringify(segment.removed),
  ])
  // The database's own hash of each identity, as the records' index on it holds them.
  const ownerHash = Int32Array.from(
    (
      await tx.query<{ h: number }>(
        "select hashtext(x) as h from unnest($1::text[]) with ordinality as u(x, i) order by i",
        [segment.identities],
      )
    ).map((r) => r.h),
  )
  const { keys, owners } = segment
  let rows: { lo: Array<number>; hi: Array<number>; owners: Array<string>; keys: Array<string> } = {
    lo: [],
    hi: [],
    owners: [],
    keys: [],
  }
  const flush = async () => {
    if (rows.lo.length === 0) return
    await tx.query(
      "insert into key_chunks (book, segment, lo, hi, owners, keys) select $1, $2, * from unnest($3::bigint[], $4::bigint[], $5::text[], $6::text[])",
      [book, number, rows.lo, rows.hi, rows.owners, rows.keys],
    )
    rows = { lo: [], hi: [], owners: [], keys: [] }
  }
  for (let from = 0; from < keys.length; ) {
    let to = Math.min(from + chunkKeys, keys.length)
    while (to < keys.length && keys[to] === keys[to - 1]) to++
    const part = keys.subarray(from, to)
    rows.lo.push(part[0]!)
    rows.hi.push(part[part.length - 1]!)
    rows.owners.push(text(Int32Array.from(owners.subarray(from, to), (o) => ownerHash[o]!)))
    rows.keys.push(text(part))
    if (rows.lo.length >= insertBatch) await flush()
    from = to
  }
  await flush()
}

/** Segments past this many are merged into one at the next import. */
export const maxSegments = 64

/**
 * Stores the index a store kept before chunks (one row of base64 arrays per segment) as chunks,
 * then drops it.
 */
export const convertLegacy = async (tx: Sql): Promise<void> => {
  const rows = await tx.query<{
    book: string
    identities: string
    removed: string
    keys: string
    owners: string
  }>("select book, identities, removed, keys, owners from blocking_keys order by book, segment")
  for (const r of rows)
    await write(
      tx,
      r.book,
      {
        identities: JSON.parse(r.identities) as Array<string>,
        removed: JSON.parse(r.removed) as Array<string>,
        keys: new Uint32Array(words(r.keys)),
        owners: new Int32Array(words(r.owners)),
      },
      false,
    )
  await tx.query("drop table blocking_keys")
}
