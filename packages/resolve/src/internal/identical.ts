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
 * Found without building a text per record: a few of each record's texts are hashed (two 32-bit
 * hashes) into an open-addressing table in typed arrays, and only records whose hashes agree are
 * compared in full.
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

/**
 * Hashes what tells records apart first (source, file, name, the first e-mail, phone, link and
 * handle, how many values of each kind): two records with the same content have the same hash,
 * and records with the same hash are compared in full. A fixed handful of texts per record, read
 * without walking the record.
 */
const hashOf = (r: SourceRecord): void => {
  hashStart()
  hashText(r.provenance.source)
  hashText(r.provenance.file)
  const n = r.name
  hashText(n.formatted ?? "")
  hashText(n.given ?? "")
  hashText(n.family ?? "")
  hashText(n.middle ?? "")
  hashUnit(r.emails.length)
  if (r.emails.length > 0) hashText(r.emails[0]!.value)
  hashUnit(r.phones.length)
  if (r.phones.length > 0) hashText(r.phones[0]!.value)
  hashUnit(r.urls.length)
  if (r.urls.length > 0) hashText(r.urls[0]!.value)
  hashUnit(r.handles.length)
  if (r.handles.length > 0) hashText(r.handles[0]!.handle)
  hashUnit(r.organizations.length)
  hashUnit(r.addresses.length)
  hashUnit(r.notes.length)
  hashUnit(r.extra.length)
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
  // Slot -> record index + 1 (0: empty): the first record of each hash; the hashes per record.
  const slots = new Int32Array(size)
  const first = new Int32Array(n)
  const second = new Int32Array(n)
  // Records whose hash an earlier record has, by full content (the earliest of each content
  // first): one text and one lookup per such record, however many share a hash (rows that
  // differ only in a field the hash leaves out).
  const byContent = new Map<string, number>()
  const inByContent = new Uint8Array(n)
  let doubles = 0
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 0) yield
    representative[i] = i
    if (!eligible(i)) continue
    const r = records[i]!
    hashOf(r)
    first[i] = hashFirst()
    second[i] = hashSecond()
    let slot = first[i]! & mask
    for (;;) {
      const j = slots[slot]! - 1
      if (j === -1) {
        slots[slot] = i + 1
        break
      }
      if (first[j] === first[i] && second[j] === second[i]) {
        if (inByContent[j] === 0) {
          byContent.set(content(records[j]!), j)
          inByContent[j] = 1
        }
        const text = content(r)
        const same = byContent.get(text)
        if (same === undefined) byContent.set(text, i)
        else {
          representative[i] = same
          doubles++
        }
        break
      }
      slot = (slot + 1) & mask
    }
  }
  return { representative, doubles }
}
