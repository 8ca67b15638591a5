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

/** A parsed file: its value, or why it could not be read and on which 1-based line where known. */
export type Parsed =
  | { readonly ok: true; readonly value: unknown }
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
    const message = error instanceof Error ? error.message : String(error)
    const line = json5Line(error)
    const reason = `cannot be parsed as JSON or JSON5: ${message.replace(/^JSON5: /, "")}`
    return line === undefined
      ? { ok: false, reason }
      : { ok: false, reason, line: countLines(text, start) + line }
  }
}
