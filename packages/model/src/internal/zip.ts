/**
 * A zip read from its central directory, entry by entry: every entry is kept (two entries with one
 * name, an entry named `__proto__`), each is inflated with a cap at the size it declares, and its
 * CRC-32 is checked. Never throws: a broken archive or entry is a reason string.
 */
import { Inflate } from "fflate"

/** One entry as the central directory describes it. */
export interface ZipEntry {
  readonly name: string
  readonly method: number
  readonly encrypted: boolean
  readonly crc: number
  readonly compressedSize: number
  readonly size: number
  readonly localOffset: number
}

export type Listing =
  | { readonly _tag: "Entries"; readonly entries: ReadonlyArray<ZipEntry> }
  | { readonly _tag: "Broken"; readonly reason: string }

export type Extracted =
  | { readonly _tag: "Bytes"; readonly bytes: Uint8Array }
  | { readonly _tag: "Broken"; readonly reason: string }

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const MAX32 = 0xffffffff

const crcTable = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** The CRC-32 of zip and PNG. */
export const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const broken = (reason: string): Listing => ({ _tag: "Broken", reason })

/** Where the end-of-central-directory record starts, searching back over a trailing comment. */
const findEnd = (view: DataView): number => {
  const last = view.byteLength - 22
  for (let i = last; i >= 0 && i >= last - 0xffff; i--) if (view.getUint32(i, true) === EOCD) return i
  return -1
}

const u64 = (view: DataView, at: number): number => Number(view.getBigUint64(at, true))

/** Lists every entry of the central directory, in the order written. */
export const listEntries = (bytes: Uint8Array): Listing => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = findEnd(view)
  if (end < 0) return broken("no end of central directory: truncated or not a zip")
  let count = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)
  if (
    (count === 0xffff || offset === MAX32) &&
    end >= 20 &&
    view.getUint32(end - 20, true) === ZIP64_LOCATOR
  ) {
    const at = u64(view, end - 12)
    if (at + 56 > bytes.length || view.getUint32(at, true) !== ZIP64_EOCD)
      return broken("bad zip64 directory")
    count = u64(view, at + 32)
    offset = u64(view, at + 48)
  }
  const entries: ZipEntry[] = []
  const decoder = new TextDecoder()
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      return broken(`central directory entry ${i + 1} of ${count} is missing`)
    const flags = view.getUint16(at + 8, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    if (at + 46 + nameLength + extraLength > bytes.length)
      return broken(`central directory entry ${i + 1} is cut`)
    let compressedSize = view.getUint32(at + 20, true)
    let size = view.getUint32(at + 24, true)
    let localOffset = view.getUint32(at + 42, true)
    // zip64: the sizes and offset that overflow 32 bits are in the 0x0001 extra field, in this order
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(e, true)
      const length = view.getUint16(e + 2, true)
      if (id === 1) {
        let field = e + 4
        if (size === MAX32 && field + 8 <= e + 4 + length) {
          size = u64(view, field)
          field += 8
        }
        if (compressedSize === MAX32 && field + 8 <= e + 4 + length) {
          compressedSize = u64(view, field)
          field += 8
        }
        if (localOffset === MAX32 && field + 8 <= e + 4 + length) localOffset = u64(view, field)
      }
      e += 4 + length
    }
    entries.push({
      // bit 11 says UTF-8; older tools wrote their code page, which UTF-8 decoding keeps readable enough
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      encrypted: (flags & 1) !== 0,
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size,
      localOffset,
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return { _tag: "Entries", entries }
}

/** Compressed data is fed in small pieces, so one piece can only overshoot the cap by little. */
const PIECE = 4096

/**
 * Inflates one entry, refusing it when it inflates to more or fewer bytes than it declares, when
 * its CRC differs, or when its data is cut.
 */
export const extractEntry = (bytes: Uint8Array, entry: ZipEntry): Extracted => {
  const fail = (reason: string): Extracted => ({ _tag: "Broken", reason: `entry "${entry.name}": ${reason}` })
  if (entry.encrypted) return fail("encrypted")
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const local = entry.localOffset
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) return fail("local header missing")
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
  const stop = start + entry.compressedSize
  if (stop > bytes.length) return fail("data cut short (truncated zip)")
  const data = bytes.subarray(start, stop)
  let out: Uint8Array
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size)
      return fail(`stored with ${entry.compressedSize} bytes but declares ${entry.size}`)
    out = data.slice()
  } else if (entry.method === 8) {
    out = new Uint8Array(entry.size)
    let filled = 0
    let over = false
    const inflater = new Inflate((chunk) => {
      if (over || filled + chunk.length > out.length) {
        over = true
        return
      }
      out.set(chunk, filled)
      filled += chunk.length
    })
    try {
      for (let i = 0; i < data.length && !over; i += PIECE)
        inflater.push(data.subarray(i, i + PIECE), i + PIECE >= data.length)
      if (data.length === 0) inflater.push(data, true)
    } catch (cause) {
      return fail(`corrupt data (${cause instanceof Error ? cause.message : String(cause)})`)
    }
    if (over) return fail(`inflates past the ${entry.size} bytes it declares`)
    if (filled !== entry.size) return fail(`inflates to ${filled} bytes, not the ${entry.size} it declares`)
  } else {
    return fail(`unsupported compression method ${entry.method}`)
  }
  if (crc32(out) !== entry.crc) return fail("CRC mismatch (damaged data)")
  return { _tag: "Bytes", bytes: out }
}
