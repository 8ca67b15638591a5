/**
 * Records one file holds more than once with the same content (a card or row repeated): one
 * person written down twice, which resolution need see once. The engine resolves one
 * representative per group and gives the group's other records its cluster. Copies in two files
 * are left to the engine: the model learns from them as from any records.
 *
 * Why: the model's statistics (term frequencies, the estimated share of duplicates) read many
 * copies of one name as that many namesakes, so past some number of identical name-only cards no
 * pair of them reached the threshold and each stayed a contact of its own; blocking pairs an
 * oversized block's records with their neighbours only; and clustering weighs every pair across
 * two clusters, so joining thousands of copies one by one cost time in the square of their number.
 *
 * Found without building a text per record: each record's content is hashed (two 32-bit hashes)
 * into an open-addressing table in typed arrays, and only records whose hashes agree are compared
 * in full.
 */

import type { SourceRecord } from "@blackbook/model/SourceRecord"
import { hashFirst, hashSecond, hashStart, hashText, hashUnit } from "@blackbook/normalize/TextHash"
import type * as Steps from "../Steps.ts"

/** The records of a group beyond its first, and the first of each. */
export interface Groups {
  /** Per record, the record standing for its group (itself when it is alone or first). */
  readonly representative: Int32Array
  /** How many records stand for another (0: every record is alone). */
  readonly doubles: number
}

/** Feeds a value into the running hash: texts, numbers, booleans, arrays and plain objects. */
const feed = (value: unknown): void => {
  if (typeof value === "string") hashText(value)
  else if (typeof value === "number") hashText(String(value))
  else if (typeof value === "boolean") hashUnit(value ? 2 : 1)
  else if (value === undefined || value === null) hashUnit(0)
  else if (Array.isArray(value)) {
    hashUnit(value.length + 3)
    for (const v of value) feed(v)
  } else if (typeof value === "object") {
    for (const k in value) {
      const v = (value as Record<string, unknown>)[k]
      if (v === undefined) continue
      hashText(k)
      feed(v)
    }
    hashUnit(4)
  }
}

/** A record's content, source and file: everything but its locator. */
const content = (r: SourceRecord): string =>
  JSON.stringify({ ...r, provenance: { source: r.provenance.source, file: r.provenance.file } })

/**
 * Groups the records whose content, source and file are the same. `eligible(i)` says whether
 * record i may join a group (a record named by a user's constraint, or one with nothing to tell
 * a person by, stays alone); groups are formed in index order, the first record of each standing
 * for it.
 */
export function* group(
  records: ReadonlyArray<SourceRecord>,
  eligible: (i: number) => boolean,
): Steps.Steps<Groups> {
  const n = records.length
  const representative = new Int32Array(n)
  let size = 1024
  while (size < 2 * n) size *= 2
  const mask = size - 1
  // Slot -> record index + 1 (0: empty); the hashes per record.
  const slots = new Int32Array(size)
  const first = new Int32Array(n)
  const second = new Int32Array(n)
  // Full contents of the records others were compared with, made only when hashes meet.
  const texts = new Map<number, string>()
  const textOf = (i: number): string => {
    let t = texts.get(i)
    if (t === undefined) {
      t = content(records[i]!)
      texts.set(i, t)
    }
    return t
  }
  let doubles = 0
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 0) yield
    representative[i] = i
    if (!eligible(i)) continue
    const r = records[i]!
    hashStart()
    hashText(r.provenance.source)
    hashText(r.provenance.file)
    for (const k in r) if (k !== "provenance") feed((r as unknown as Record<string, unknown>)[k])
    first[i] = hashFirst()
    second[i] = hashSecond()
    let slot = first[i]! & mask
    for (;;) {
      const j = slots[slot]! - 1
      if (j === -1) {
        slots[slot] = i + 1
        break
      }
      if (first[j] === first[i] && second[j] === second[i] && textOf(j) === content(r)) {
        representative[i] = j
        doubles++
        break
      }
      slot = (slot + 1) & mask
    }
  }
  return { representative, doubles }
}
