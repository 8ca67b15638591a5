/**
 * The archive's file syntax: a JavaScript assignment `window.YTD.<global>.part<N> = <JSON>` (or
 * `window.__THAR_CONFIG = <JSON>` for manifest.js), written by Twitter as strict JSON but sometimes
 * re-saved by a formatter as JSON5-ish JavaScript (unquoted keys, trailing commas, a final `;`).
 */
import JSON5 from "json5"

/** What a file's first bytes say it is. */
export type Sniffed =
  | { readonly kind: "ytd"; readonly global: string; readonly part: number }
  | { readonly kind: "manifest" }

const YTD_PREFIX = /^\s*window\.YTD\.([A-Za-z0-9_$]+)\.part(\d+)\s*=/
const MANIFEST_PREFIX = /^\s*window\.__THAR_CONFIG\s*=/

/** Recognises a data file or the manifest by its assignment prefix; `undefined` for anything else. */
export const sniff = (text: string): Sniffed | undefined => {
  const ytd = YTD_PREFIX.exec(text)
  if (ytd) return { kind: "ytd", global: ytd[1]!, part: Number(ytd[2]) }
  return MANIFEST_PREFIX.test(text) ? { kind: "manifest" } : undefined
}

/**
 * A parsed file: its value, or why it could not be read and on which 1-based line where known.
 * `cut` says the file ended inside its array (a cut download): `value` holds the elements before
 * the cut.
 */
export type Parsed =
  | { readonly ok: true; readonly value: unknown; readonly cut?: string }
  | { readonly ok: false; readonly reason: string; readonly line?: number }

const countLines = (text: string, end: number): number => {
  let lines = 0
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) lines++
  return lines
}

const json5Line = (error: unknown): number | undefined => {
  if (typeof error !== "object" || error === null || !("lineNumber" in error)) return undefined
  const line = error.lineNumber
  return typeof line === "number" && Number.isInteger(line) && line > 0 ? line : undefined
}

/**
 * Parses a whole file: strips the assignment prefix and a trailing `;`, reads the rest with the
 * fast `JSON.parse`, and only when that fails with JSON5 (which accepts what formatters write).
 * A file without a prefix is read as bare JSON, so a hand-converted `.json` still works.
 */
export const parse = (text: string): Parsed => {
  const prefix = YTD_PREFIX.exec(text) ?? MANIFEST_PREFIX.exec(text)
  const start = prefix ? prefix[0].length : 0
  let body = text.slice(start).trimEnd()
  if (body.endsWith(";")) body = body.slice(0, -1)
  if (body.trim() === "") return { ok: false, reason: "the file holds no value after its prefix" }
  try {
    return { ok: true, value: JSON.parse(body) }
  } catch {
    // not strict JSON: a formatter may have re-saved it
  }
  try {
    return { ok: true, value: JSON5.parse<unknown>(body) }
  } catch (error) {
    const salvaged = completeElements(body)
    if (salvaged) return salvaged
    const message = error instanceof Error ? error.message : String(error)
    const line = json5Line(error)
    const reason = `cannot be parsed as JSON or JSON5: ${message.replace(/^JSON5: /, "")}`
    return line === undefined
      ? { ok: false, reason }
      : { ok: false, reason, line: countLines(text, start) + line }
  }
}

/**
 * The elements of a top-level array that are complete before the text ends or breaks: the body
 * up to the end of the last complete element, closed with `]` and parsed. Undefined when the
 * body is no array, or nothing before the break parses.
 */
const completeElements = (body: string): Parsed | undefined => {
  const open = body.search(/\S/)
  if (open < 0 || body[open] !== "[") return undefined
  let depth = 0
  let inString = false
  let lastEnd = -1
  let count = 0
  for (let i = open; i < body.length; i++) {
    const c = body.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) depth++
    else if (c === 0x5d || c === 0x7d) {
      depth--
      if (depth === 1) {
        lastEnd = i + 1
        count++
      }
      if (depth <= 0) return undefined // the array closed: the break is elsewhere, not a cut
    }
  }
  if (lastEnd < 0) return undefined
  let value: unknown
  try {
    value = JSON.parse(`${body.slice(open, lastEnd)}]`)
  } catch {
    try {
      value = JSON5.parse<unknown>(`${body.slice(open, lastEnd)}]`)
    } catch {
      return undefined
    }
  }
  return {
    ok: true,
    value,
    cut: `the file ends inside its array (a cut download?): the ${count} entries before the cut are read`,
  }
}

/** An element of a file's top-level array: its position, the line it starts on, its characters. */
export interface Element {
  readonly index: number
  readonly line: number
  readonly size: number
}

/**
 * The elements of the file's top-level array longer than `max` characters, found by one scan of
 * the text (strings and nesting followed, as in `completeElements`). Only a file longer than `max`
 * can hold one, so other files are not scanned.
 */
export const elementsOver = (text: string, max: number): ReadonlyArray<Element> => {
  if (text.length <= max) return []
  const open = text.indexOf("[", (YTD_PREFIX.exec(text) ?? MANIFEST_PREFIX.exec(text))?.[0].length ?? 0)
  if (open < 0) return []
  const over: Element[] = []
  let depth = 1
  let inString = false
  let line = 1 + countLines(text, open)
  let index = 0
  let start = -1
  let startLine = line
  for (let i = open + 1; i < text.length && depth > 0; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) line++
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
      continue
    }
    if (depth === 1 && start < 0 && c !== 0x2c && c !== 0x5d && c > 0x20) {
      start = i
      startLine = line
    }
    if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) depth++
    else if (c === 0x7d || c === 0x5d || (c === 0x2c && depth === 1)) {
      if (c !== 0x2c) depth--
      if (depth === 1 && c === 0x2c) {
        if (start >= 0 && i - start > max) over.push({ index, line: startLine, size: i - start })
        if (start >= 0) index++
        start = -1
      }
      if (depth === 0 && start >= 0 && i - start > max) over.push({ index, line: startLine, size: i - start })
    }
  }
  return over
}
