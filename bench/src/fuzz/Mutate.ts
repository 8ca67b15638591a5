/**
 * A seeded byte mutator. Each input is one seed file changed by one to three operations drawn from
 * the shapes damaged or hostile exports take: flipped bytes, a cut at any point, a line or block
 * repeated many times, deleted lines, NULs, invalid UTF-8, very long lines, tokens of the format in
 * the wrong place, and blocks taken from another file. A pure cut is kept apart (`cut` is set) so
 * the loss oracle can check what was before it.
 */
import type { Random } from "../Random.ts"

export interface Mutation {
  readonly bytes: Uint8Array
  /** What was done, in order: `flip 3`, `cut 1204`, `repeat-line 17 x1000`. */
  readonly ops: ReadonlyArray<string>
  /** Set when the input is a cut at this byte offset (of the seed file, or of it grown by a repeat). */
  readonly cut?: number
}

/** By default no mutated input grows past this, so a run measures the reader, not the copying. */
export const defaultMaxInputBytes = 8 * 1024 * 1024

/**
 * Which repeat counts and long-line lengths a run draws: `mixed` (one repeat or long line in twenty
 * is large: 10,000 or 100,000 repeats, 1 or 4 million characters), `small` (never large: the same
 * inputs as `mixed` except that those draw a small size), or `large` (every input starts with a
 * large repeat or long line; no pure cuts). Large inputs take most of a mixed run's time, so a
 * long run is a small pass and a large pass of fewer inputs.
 */
export type Sizes = "mixed" | "small" | "large"

export const sizeModes: ReadonlyArray<Sizes> = ["mixed", "small", "large"]

/**
 * How a file may be grown before a cut so that the records before the cut stay records: by any
 * block of lines (vCard, calendars), by a block outside quotes (CSV, where a block that starts or
 * ends inside a quoted field would change what every later row is), or not at all (JSON, where a
 * repeated line breaks the array).
 */
export type Growth = "lines" | "quoted-rows" | "none"

const quotes = (bytes: Uint8Array): number => {
  let n = 0
  for (const b of bytes) if (b === 34) n++
  return n
}

interface Context {
  readonly donor: Uint8Array
  readonly dict: ReadonlyArray<string>
  readonly maxBytes: number
  readonly sizes: Sizes
}

/** Whether this draw is large: the chance is drawn in every mode, so `small` keeps `mixed`'s inputs. */
const large = (rng: Random, sizes: Sizes): boolean => {
  const drawn = rng.chance(0.05)
  return sizes === "large" || (sizes === "mixed" && drawn)
}

const encoder = new TextEncoder()

const concat = (parts: ReadonlyArray<Uint8Array>): Uint8Array => {
  const total = parts.reduce((n, p) => n + p.length, 0)
  const out = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** Offsets where lines start, and the end of the file as the last entry. */
const lineStarts = (bytes: Uint8Array): number[] => {
  const starts = [0]
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10 && i + 1 < bytes.length) starts.push(i + 1)
  starts.push(bytes.length)
  return starts
}

/** A random run of whole lines: [start, end) byte offsets. */
const lineRange = (rng: Random, bytes: Uint8Array, maxLines: number): [number, number] => {
  const starts = lineStarts(bytes)
  const lines = starts.length - 1
  if (lines <= 0) return [0, bytes.length]
  const first = rng.int(0, lines)
  const count = Math.min(lines - first, 1 + rng.int(0, maxLines))
  return [starts[first]!, starts[first + count]!]
}

const repeat = (block: Uint8Array, times: number): Uint8Array => {
  const out = new Uint8Array(block.length * times)
  for (let i = 0; i < times; i++) out.set(block, i * block.length)
  return out
}

/** How often to repeat a block: mostly a few times, sometimes enough to test the cost. */
const times = (rng: Random, blockBytes: number, room: number, sizes: Sizes): number => {
  // large repeats are slow to read by design: one input in twenty, so a run still covers much
  const wanted = large(rng, sizes) ? rng.pick([10_000, 100_000]) : rng.pick([2, 3, 10, 100, 1000])
  return Math.max(1, Math.min(wanted, Math.floor(room / Math.max(blockBytes, 1))))
}

const invalidUtf8: ReadonlyArray<ReadonlyArray<number>> = [
  [0xff],
  [0xc3, 0x28],
  [0x80],
  [0xed, 0xa0, 0x80],
  [0xf0, 0x28, 0x8c, 0x28],
  [0xe2, 0x82],
  [0xfe, 0xff],
  [0xef, 0xbb, 0xbf],
]

type Op = (rng: Random, bytes: Uint8Array, context: Context) => [Uint8Array, string]

const insertAt = (bytes: Uint8Array, at: number, piece: Uint8Array) =>
  concat([bytes.subarray(0, at), piece, bytes.subarray(at)])

const ops: Record<string, Op> = {
  flip: (rng, bytes) => {
    const out = bytes.slice()
    const n = 1 + rng.int(0, 8)
    for (let i = 0; i < n && out.length > 0; i++) out[rng.int(0, out.length)] = rng.int(0, 256)
    return [out, `flip ${n}`]
  },
  cut: (rng, bytes) => {
    const at = rng.int(0, bytes.length + 1)
    return [bytes.slice(0, at), `cut ${at}`]
  },
  "repeat-line": (rng, bytes, context) => {
    const [a, b] = lineRange(rng, bytes, 1)
    const n = times(rng, b - a, context.maxBytes - bytes.length, context.sizes)
    return [
      concat([bytes.subarray(0, b), repeat(bytes.subarray(a, b), n), bytes.subarray(b)]),
      `repeat-line ${a} x${n}`,
    ]
  },
  "repeat-block": (rng, bytes, context) => {
    const [a, b] = lineRange(rng, bytes, 40)
    const n = times(rng, b - a, context.maxBytes - bytes.length, context.sizes)
    return [
      concat([bytes.subarray(0, b), repeat(bytes.subarray(a, b), n), bytes.subarray(b)]),
      `repeat-block ${a}-${b} x${n}`,
    ]
  },
  "delete-lines": (rng, bytes) => {
    const [a, b] = lineRange(rng, bytes, 10)
    return [concat([bytes.subarray(0, a), bytes.subarray(b)]), `delete-lines ${a}-${b}`]
  },
  nul: (rng, bytes) => {
    const at = rng.int(0, bytes.length + 1)
    const n = rng.pick([1, 1, 2, 16, 4096])
    return [insertAt(bytes, at, new Uint8Array(n)), `nul ${at} x${n}`]
  },
  "invalid-utf8": (rng, bytes) => {
    const at = rng.int(0, bytes.length + 1)
    return [insertAt(bytes, at, Uint8Array.from(rng.pick(invalidUtf8))), `invalid-utf8 ${at}`]
  },
  "long-line": (rng, bytes, context) => {
    const [a] = lineRange(rng, bytes, 1)
    const wanted = large(rng, context.sizes)
      ? rng.pick([1_000_000, 4_000_000])
      : rng.pick([100, 1000, 100_000])
    const n = Math.max(1, Math.min(wanted, context.maxBytes - bytes.length))
    const unit = rng.pick(["x", "a,", '"', "=20", " ", ";", "\\n", "é"])
    const body = repeat(encoder.encode(unit), Math.ceil(n / unit.length))
    // either a new line of its own or the tail of an existing line
    const piece = rng.chance(0.5) ? concat([body, encoder.encode("\r\n")]) : body
    const at = rng.chance(0.5) ? a : Math.max(a, lineRange(rng, bytes, 1)[1] - 1)
    return [
      insertAt(bytes, Math.min(at, bytes.length), piece),
      `long-line ${at} ${JSON.stringify(unit)} x${n}`,
    ]
  },
  token: (rng, bytes, { dict }) => {
    const at = rng.int(0, bytes.length + 1)
    const token = dict.length > 0 ? rng.pick(dict) : "\u0000"
    return [insertAt(bytes, at, encoder.encode(token)), `token ${at} ${JSON.stringify(token)}`]
  },
  splice: (rng, bytes, { donor }) => {
    const [a, b] = lineRange(rng, donor, 60)
    const [c, d] = lineRange(rng, bytes, 20)
    // the donor's block replaces or joins a block of this file
    const tail = rng.chance(0.5) ? d : c
    return [
      concat([bytes.subarray(0, c), donor.subarray(a, b), bytes.subarray(tail)]),
      `splice ${a}-${b} at ${c}-${tail}`,
    ]
  },
}

const opNames = Object.keys(ops)
const growing = ["repeat-line", "repeat-block", "long-line"]

/**
 * One mutation of `bytes`. `donor` is another seed's file (blocks are swapped in from it); `dict`
 * holds tokens of the format (`BEGIN:VCARD`, `RRULE:FREQ=SECONDLY`, a quote).
 */
export const mutate = (
  rng: Random,
  bytes: Uint8Array,
  donor: Uint8Array,
  dict: ReadonlyArray<string>,
  maxBytes: number = defaultMaxInputBytes,
  sizes: Sizes = "mixed",
  growth: Growth = "lines",
): Mutation => {
  const context: Context = { donor, dict, maxBytes, sizes }
  if (sizes !== "large" && rng.chance(0.3)) {
    // half the cuts (where the format allows) are of the file grown first by a block repeated a few
    // times: most seed files hold one record, and a cut of one record leaves no whole record for
    // the loss oracle
    const done: string[] = []
    let grown = bytes
    const [a, b] = lineRange(rng, bytes, 40)
    const balanced =
      growth === "lines" || (quotes(bytes.subarray(0, a)) % 2 === 0 && quotes(bytes.subarray(a, b)) % 2 === 0)
    if (rng.chance(0.5) && growth !== "none" && balanced) {
      const n = Math.max(
        1,
        Math.min(rng.pick([2, 3, 10, 100]), Math.floor((maxBytes - bytes.length) / Math.max(b - a, 1))),
      )
      grown = concat([bytes.subarray(0, b), repeat(bytes.subarray(a, b), n), bytes.subarray(b)])
      done.push(`repeat-block ${a}-${b} x${n}`)
    }
    const [out, op] = ops.cut!(rng, grown, context)
    return { bytes: out, ops: [...done, op], cut: out.length }
  }
  let out = bytes
  const done: string[] = []
  const n = 1 + rng.int(0, 3)
  for (let i = 0; i < n; i++) {
    // a large pass starts every input with a large repeat or long line
    const name = sizes === "large" && i === 0 ? rng.pick(growing) : rng.pick(opNames)
    const [next, op] = ops[name]!(rng, out, context)
    out = next.length > maxBytes ? next.subarray(0, maxBytes) : next
    done.push(op)
  }
  return { bytes: out, ops: done }
}

/** Tokens of each format that mean something to its reader. */
export const dictionaries: Record<string, ReadonlyArray<string>> = {
  vcard: [
    "BEGIN:VCARD\r\n",
    "END:VCARD\r\n",
    "END:VCARDBEGIN:VCARD",
    "\r\n ",
    "=\r\n",
    ";ENCODING=QUOTED-PRINTABLE:",
    ";ENCODING=b:",
    "VERSION:2.1\r\n",
    "EMAIL:x@example.org\r\n",
    "N:;;;;\r\n",
    "item1.",
    ":",
    ";",
    "\\",
    "BEGIN:VCARX",
  ],
  "contacts-csv": [
    '"',
    '""',
    ",",
    ";",
    "\t",
    "\r\n",
    "\n",
    '"\r\n"',
    "=cmd|' /C calc'!A0",
    "\uFEFF",
    "BEGIN:VCARD",
  ],
  ics: [
    "BEGIN:VEVENT\r\n",
    "END:VEVENT\r\n",
    "END:VCALENDAR\r\n",
    "RRULE:FREQ=SECONDLY\r\n",
    "RRULE:FREQ=DAILY;INTERVAL=99999999999\r\n",
    "RRULE:FREQ=WEEKLY;UNTIL=00000101\r\n",
    "RRULE:FREQ=DAILY\r\n",
    "DTSTART:00010101T000000Z\r\n",
    "ATTENDEE;CN=Ada:mailto:ada@example.org\r\n",
    "BEGIN:VTIMEZONE\r\n",
    "\r\n ",
    ";",
    ":",
  ],
  linkedin: [
    '"',
    ",",
    "\r\n",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n",
    "Notes:\r\n",
    "01 Jan 1970",
    "\uFEFF",
  ],
  twitter: [
    "window.YTD.following.part0 = ",
    "[",
    "]",
    "{",
    "}",
    ",",
    '"',
    "\\u0000",
    "null",
    '"accountId" : "1"',
    "1e999",
  ],
}
