/**
 * One content line (`group.NAME;PARAM=a,b;BARE:value`): telling properties from junk, reading
 * the head (group, name, parameters) and decoding the value.
 */
import { type Decoding, decodeValue, isAscii } from "./charset.ts"

/** A parameter as written: `name` is upper-case, `undefined` for 2.1's bare `TEL;WORK;VOICE` form. */
export interface Parameter {
  readonly name: string | undefined
  readonly values: ReadonlyArray<string>
  /** The whole value, not split on commas (LABEL="..." written without quotes holds commas). */
  readonly text: string
  /** The parameter text as written (for `extra` names). */
  readonly raw: string
}

/** A decoded property. `value` is decoded (QP, charset) but keeps its backslash escapes. */
export interface Property {
  readonly group: string | undefined
  /** Upper-case property name. */
  readonly name: string
  /** The name as written, with its group (`item1.X-ABLabel`). */
  readonly rawName: string
  readonly params: ReadonlyArray<Parameter>
  readonly value: string
  /** Whether the value is base64 (`ENCODING=b`, `ENCODING=BASE64`, bare `BASE64`). */
  readonly base64: boolean
  /** 1-based physical line where the property starts. */
  readonly line: number
}

/** What a logical line is, as far as the line reader and the card splitter care. */
export type LineKind = "begin" | "end" | "property" | "other"

// Tolerates a BOM before BEGIN (concatenated UTF-8 files; `ï»¿` in byte mode) and a DOS EOF
// (Ctrl-Z) or other control characters after END.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const BOUNDARY = /^[\s\uFEFF\u00EF\u00BB\u00BF]*(BEGIN|END)\s*:\s*VCARD[\s\u0000-\u001f]*$/i
// A name: letters first, then letters, digits, `-_./` and spaces (`X-GOOGLE TALK`, `X-messaging/xmpp-All`).
const NAME = /^[A-Za-z][A-Za-z0-9_\-. /]*$/

/** Index of the `:` that ends the head, skipping quoted parameter values; -1 when there is none. */
export const headEnd = (text: string): number => {
  const first = text.indexOf(":")
  if (first < 0) return -1
  const quote = text.indexOf('"')
  if (quote < 0 || quote > first) return first
  let inQuote = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') inQuote = !inQuote
    else if (c === ":" && !inQuote) return i
  }
  // unbalanced quotes: the first colon is the best guess
  return first
}

const nameToken = (head: string): string => {
  const semi = head.indexOf(";")
  const token = semi < 0 ? head : head.slice(0, semi)
  const comma = token.indexOf(",")
  return (comma < 0 ? token : token.slice(0, comma)).trim()
}

/** Classifies a logical line. */
export const classify = (text: string): LineKind => {
  const end = headEnd(text)
  if (end < 0) return "other"
  const m = BOUNDARY.exec(text)
  if (m) return m[1]!.toUpperCase() === "BEGIN" ? "begin" : "end"
  return NAME.test(nameToken(text.slice(0, end))) ? "property" : "other"
}

/** Encoding flags read from a head without decoding it (the line reader needs them per line). */
export const encodingOf = (text: string): { readonly qp: boolean; readonly base64: boolean } => {
  const end = headEnd(text)
  if (end < 0) return { qp: false, base64: false }
  const head = text.slice(0, end).toUpperCase()
  if (!head.includes(";")) return { qp: false, base64: false }
  let qp = false
  let base64 = false
  for (const part of head.split(";").slice(1)) {
    const p = part.trim()
    const v = p.startsWith("ENCODING=") ? p.slice(9).trim() : p
    if (v === "QUOTED-PRINTABLE") qp = true
    else if (v === "BASE64" || (v === "B" && p !== "B")) base64 = true
  }
  return { qp, base64 }
}

/** Splits on `sep` outside double quotes. */
const splitOutsideQuotes = (s: string, sep: string): Array<string> => {
  if (!s.includes('"')) return s.split(sep)
  const out: Array<string> = []
  let inQuote = false
  let start = 0
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === '"') inQuote = !inQuote
    else if (c === sep && !inQuote) {
      out.push(s.slice(start, i))
      start = i + 1
    }
  }
  out.push(s.slice(start))
  return out
}

/**
 * RFC 6868 parameter escapes: `^n` newline, `^'` double quote, `^^` caret. vcard4 4.0.5 writes the
 * quote as `^’` (U+2019), so that is read as a quote too.
 */
const caretDecode = (s: string): string =>
  s.includes("^")
    ? s.replace(/\^(n|N|'|\u2019|\^)/g, (_, c: string) =>
        c === "^" ? "^" : c === "n" || c === "N" ? "\n" : '"',
      )
    : s

const unquote = (s: string): string => {
  const t = s.trim()
  // `LABEL=\"...\"`: quotes escaped with backslashes (seen in the wild)
  if (t.length >= 4 && t.startsWith('\\"') && t.endsWith('\\"')) return t.slice(2, -2)
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1)
  return t.startsWith('"') ? t.slice(1) : t.endsWith('"') ? t.slice(0, -1) : t
}

const parseParameter = (raw: string): Parameter | undefined => {
  const text = raw.trim()
  if (text === "") return undefined
  const eq = text.indexOf("=")
  if (eq < 0) {
    const v = caretDecode(unquote(text))
    return { name: undefined, values: [v], text: v, raw: text }
  }
  const name = text.slice(0, eq).trim().toUpperCase()
  const values = splitOutsideQuotes(text.slice(eq + 1), ",")
    .map((v) => caretDecode(unquote(v)))
    .filter((v) => v !== "")
  return { name, values, text: caretDecode(unquote(text.slice(eq + 1))), raw: text }
}

/** The CHARSET parameter, if any. */
const charsetOf = (params: ReadonlyArray<Parameter>): string | undefined =>
  params.find((p) => p.name === "CHARSET")?.values[0]

/** Reads a property line; `undefined` when the line is not a property. */
export const parseProperty = (text: string, line: number, decoding: Decoding): Property | undefined => {
  const end = headEnd(text)
  if (end < 0) return undefined
  const rawHead = text.slice(0, end)
  // Parameters may carry non-ASCII (`TYPE="蹴"`); decode the head like a value without CHARSET.
  const head =
    decoding.mode === "bytes" && !isAscii(rawHead)
      ? decodeValue(rawHead, false, undefined, decoding)
      : rawHead
  const parts = splitOutsideQuotes(head, ";")
  const first = parts[0] ?? ""
  // `LABEL,TYPE=HOME` (seen in Tine 2.0 test data): a comma where a semicolon belongs
  const comma = first.indexOf(",")
  const fullName = (comma < 0 ? first : first.slice(0, comma)).trim()
  const paramTexts = comma < 0 ? parts.slice(1) : [first.slice(comma + 1), ...parts.slice(1)]
  if (!NAME.test(fullName)) return undefined
  const dot = fullName.lastIndexOf(".")
  const group = dot > 0 ? fullName.slice(0, dot) : undefined
  const name = (dot > 0 ? fullName.slice(dot + 1) : fullName).toUpperCase()
  const params: Array<Parameter> = []
  for (const p of paramTexts) {
    const parsed = parseParameter(p)
    if (parsed) params.push(parsed)
  }
  let qp = false
  let base64 = false
  for (const p of params) {
    if (p.name !== undefined && p.name !== "ENCODING") continue
    const v = p.text.toUpperCase()
    if (v === "QUOTED-PRINTABLE") qp = true
    else if (v === "BASE64" || (v === "B" && p.name === "ENCODING")) base64 = true
  }
  const rawValue = text.slice(end + 1)
  const value = base64 ? rawValue : decodeValue(rawValue, qp, charsetOf(params), decoding)
  return { group, name, rawName: fullName, params, value, base64, line }
}
