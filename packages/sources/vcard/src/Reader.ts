/**
 * Reading vCard 2.1, 3.0 and 4.0 files: the `VCardSource` adapter, a pure `decode` per file and
 * `parseCards` for callers who want the properties themselves.
 *
 * One line-level parser serves all three versions (ical.js rejects 2.1's bare parameters, leaves
 * quoted-printable undecoded and throws on the malformed parameters real exports contain): bytes
 * are unfolded before they are decoded, each value is decoded with its own CHARSET and encoding,
 * and the card's properties are then mapped by one design table (internal/record.ts).
 *
 * @since 0.1.0
 */
import { Source, type SourceRecord, Text } from "@blackbook/model"
import { Result } from "effect"
import { type RawCard, splitCards } from "./internal/cards.ts"
import type { Decoding } from "./internal/charset.ts"
import { classify, type Parameter, type Property } from "./internal/contentLine.ts"
import { isEmptyRecord, toRecord } from "./internal/record.ts"

/** The adapter name, used as `provenance.source`. @category constants @since 0.1.0 */
export const sourceName = "vcard"

/**
 * A property as read: `value` is decoded (quoted-printable, CHARSET) but keeps its backslash
 * escapes; `name` is upper-case, `rawName` as written with its group.
 *
 * @category models
 * @since 0.1.0
 */
export type VCardProperty = Property

/** A property parameter; `name` is `undefined` for 2.1's bare form (`TEL;WORK;VOICE`). @category models @since 0.1.0 */
export type VCardParameter = Parameter

/**
 * One card of a file: its 1-based position, the physical line of its BEGIN:VCARD, its properties
 * in file order, and whether END:VCARD was reached.
 *
 * @category models
 * @since 0.1.0
 */
export interface ParsedCard {
  readonly index: number
  readonly line: number
  readonly version: string | undefined
  readonly properties: ReadonlyArray<VCardProperty>
  readonly terminated: boolean
}

const BEGIN = /BEGIN\s*:\s*VCARD/i
const utf8 = new TextDecoder("utf-8", { fatal: true })

/** UTF-16 without BOM shows up as NULs in every other byte of ASCII text. */
const looksUtf16 = (bytes: Uint8Array): boolean => {
  const n = Math.min(bytes.length, 4096)
  let nul = 0
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++
  return n >= 4 && nul > n * 0.2
}

/** Bytes to the parser's input: decoded text when the file decodes as a whole, else a byte string. */
const prepare = (bytes: Uint8Array): { readonly source: string; readonly decoding: Decoding } => {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksUtf16(bytes)
  if (bom || utf16)
    return { source: Text.decodeText(bytes).text, decoding: { mode: "text", fallback: "windows-1252" } }
  try {
    return { source: utf8.decode(bytes), decoding: { mode: "text", fallback: "windows-1252" } }
  } catch {
    // Not UTF-8 as a whole: a legacy charset, per-property CHARSETs, or a fold that split a
    // UTF-8 sequence. Work on bytes; values without CHARSET fall back to the file's charset.
    // (a 1 MiB sample is plenty for charset detection on a large export)
    const detected = Text.decodeText(bytes.subarray(0, 1 << 20)).encoding
    const fallback = detected === "utf-8" || detected.startsWith("utf-16") ? "windows-1252" : detected
    return { source: Buffer.from(bytes).toString("latin1"), decoding: { mode: "bytes", fallback } }
  }
}

const toParsed = (cards: Iterable<RawCard>): ReadonlyArray<ParsedCard> =>
  Array.from(cards, (c) => ({
    index: c.index,
    line: c.line,
    version: c.properties.find((p) => p.name === "VERSION")?.value.trim(),
    properties: c.properties,
    terminated: c.terminated,
  })).sort((a, b) => a.index - b.index)

/**
 * Parses vCard text or bytes into cards and their properties, without mapping them to records.
 * Never throws; text without any card gives an empty array.
 *
 * @category parsing
 * @since 0.1.0
 */
export const parseCards = (input: string | Uint8Array): ReadonlyArray<ParsedCard> => {
  if (typeof input === "string") {
    const source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
    return toParsed(splitCards(source, { mode: "text", fallback: "windows-1252" }))
  }
  const { source, decoding } = prepare(input)
  return toParsed(splitCards(source, decoding))
}

const unreadable = (path: string, detail: string) =>
  new Source.SourceError({ source: sourceName, reason: new Source.UnreadableFile({ path, detail }) })

/**
 * Reads one file: a Record item per card (`card:N`), an Issue item for a card that cannot be read
 * (unterminated, empty); an empty file gives no items. Fails only when the file is not vCard text
 * at all (binary, or no BEGIN:VCARD).
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (
  file: Source.InputFile,
): Result.Result<ReadonlyArray<Source.SourceItem>, Source.SourceError> =>
  Result.map(read(file), (items) => Array.from(items))

/** `decode` as the adapter reads it: the failure first, then the items one card at a time. */
const read = (
  file: Source.InputFile,
  options?: Pick<Source.ReadOptions, "maxRecordBytes">,
): Source.UnitRead => {
  if (file.bytes.length === 0) return Result.succeed([])
  const { source, decoding } = prepare(file.bytes)
  if (!/\S/.test(source)) return Result.succeed([])
  if (!BEGIN.test(source)) {
    const detail = source.includes("\u0000") ? "binary content, not vCard text" : "no BEGIN:VCARD found"
    return Result.fail(unreadable(file.path, detail))
  }
  return Result.succeed(inFileOrder(cardItems(file.path, source, decoding, Source.recordLimit(options))))
}

/** One item per card: its record, or an Issue when it cannot be read; numbered by card. */
function* cardItems(
  path: string,
  source: string,
  decoding: Decoding,
  limit: ReturnType<typeof Source.recordLimit>,
): Generator<{ readonly index: number; readonly item: Source.SourceItem }> {
  const strays: Array<{ readonly line: number; readonly reason: string }> = []
  const stray = (line: number, reason: string) => strays.push({ line, reason })
  for (const card of splitCards(source, decoding, stray, limit.max)) {
    const record = `card:${card.index}`
    const issue = (reason: string) => ({
      index: card.index,
      item: Source.issueItem({ file: path, record, line: card.line, reason }),
    })
    if (!card.terminated) {
      yield issue("card is not closed by END:VCARD (truncated file?)")
      continue
    }
    if (card.oversize) {
      yield issue(limit.reason(card.size, "card"))
      continue
    }
    let r: SourceRecord.SourceRecord
    try {
      r = toRecord(card, { source: sourceName, file: path, record })
    } catch (e) {
      yield issue(`card could not be read: ${e instanceof Error ? e.message : String(e)}`)
      continue
    }
    yield isEmptyRecord(r)
      ? issue("empty card: no values besides VERSION")
      : { index: card.index, item: Source.recordItem(r) }
  }
  // after every card (they are numbered past the last one, so they come out last, in line order)
  let after = Number.MAX_SAFE_INTEGER - strays.length
  for (const stray of strays)
    yield {
      index: after++,
      item: Source.issueItem({
        file: path,
        record: `line:${stray.line}`,
        line: stray.line,
        reason: stray.reason,
      }),
    }
}

/**
 * Items in card order. A nested card ends before its parent, so it comes out early: it waits until
 * the cards before it are out; every other card passes straight through.
 */
function* inFileOrder(
  numbered: Iterable<{ readonly index: number; readonly item: Source.SourceItem }>,
): Generator<Source.SourceItem> {
  const waiting = new Map<number, Source.SourceItem>()
  let next = 1 // cards are numbered from 1 as they begin
  for (const { index, item } of numbered) {
    if (index !== next) {
      waiting.set(index, item)
      continue
    }
    yield item
    next++
    for (let held = waiting.get(next); held !== undefined; held = waiting.get(next)) {
      waiting.delete(next)
      yield held
      next++
    }
  }
  yield* [...waiting].sort((a, b) => a[0] - b[0]).map(([, item]) => item)
}

const EXTENSION = /\.(vcf|vcard)$/i

/**
 * Whether a file is laid out as vCard: a BEGIN:VCARD line, with nothing before it but blank
 * lines, comments, content lines (`ENCODING:UTF-8`, a card whose BEGIN is damaged) and junk words.
 * A CSV whose note holds a vCard starts with its header row, a line of delimited columns, so it is
 * no vCard.
 */
const startsCards = (bytes: Uint8Array): boolean => {
  for (const line of Text.head(bytes).split(/\r\n|\r|\n/)) {
    if (line.trim() === "" || line.startsWith("#")) continue
    const kind = classify(line)
    if (kind === "begin") return true
    if (kind !== "property" && kind !== "end" && /[,;\t]/.test(line)) return false
  }
  return false
}

/**
 * The vCard adapter: claims files whose content starts a vCard (junk before BEGIN:VCARD allowed,
 * any extension), plus empty `.vcf` files, and reads each as a stream of items.
 *
 * @category adapters
 * @since 0.1.0
 */
export const VCardSource: Source.SourceAdapter = {
  name: sourceName,
  kind: "file",
  claim: (bundle) =>
    bundle.files.filter((f) => (f.bytes.length === 0 ? EXTENSION.test(f.path) : startsCards(f.bytes))),
  read: (files, options) => Source.readEach(files, (file) => read(file, options)),
}

/**
 * Maps a card from `parseCards` to a SourceRecord (`card:N` of `file`), as `decode` does.
 *
 * @category mapping
 * @since 0.1.0
 */
export const cardToRecord = (card: ParsedCard, file: string): SourceRecord.SourceRecord =>
  toRecord(card, { source: sourceName, file, record: `card:${card.index}` })
