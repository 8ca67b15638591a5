/**
 * Turning a property value into text. A vCard file can mix encodings per property (2.1's
 * `CHARSET=` and `ENCODING=QUOTED-PRINTABLE`), so a file that is not valid UTF-8 as a whole is
 * parsed as a byte string (one char per byte, latin1) and each value is decoded on its own.
 */
import { Text } from "@blackbook/model"

/**
 * How the file's text was obtained. `text`: already decoded (valid UTF-8, BOM or UTF-16), values
 * are text. `bytes`: chars are raw bytes, each value is decoded with its CHARSET or `fallback`.
 */
export interface Decoding {
  readonly mode: "text" | "bytes"
  /** Charset for 8-bit values that declare none and are not UTF-8. */
  readonly fallback: string
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true })
const lenientUtf8 = new TextDecoder("utf-8")

const isUtf8Name = (cs: string): boolean => cs === "utf-8" || cs === "utf8"
/** Declared Latin charsets are often wrong (UTF-8 data labelled ISO-8859-1); CJK ones are trusted. */
const isSingleByteLatin = (cs: string): boolean =>
  /^(?:iso-?8859-\d+|windows-?125\d|cp-?125\d|latin-?\d|l\d)$/.test(cs)
const isAsciiName = (cs: string): boolean => cs === "us-ascii" || cs === "ascii"

/** Whether every char is 7-bit (no decoding needed). */
export const isAscii = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false
  return true
}

const tryUtf8 = (bytes: Uint8Array): string | undefined => {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

/** Decodes value bytes: declared charset (with the Latin-label sanity check), else UTF-8, else fallback. */
export const decodeBytes = (bytes: Uint8Array, charset: string | undefined, fallback: string): string => {
  const cs = charset?.trim().toLowerCase()
  if (cs && !isUtf8Name(cs) && !isAsciiName(cs)) {
    if (isSingleByteLatin(cs)) {
      const asUtf8 = tryUtf8(bytes)
      if (asUtf8 !== undefined) return asUtf8
    }
    return Text.decodeCharset(bytes, cs)
  }
  const asUtf8 = tryUtf8(bytes)
  if (asUtf8 !== undefined) return asUtf8
  // Declared UTF-8 with a stray byte: keep the rest readable rather than re-reading it as cp1252.
  if (cs && isUtf8Name(cs)) return lenientUtf8.decode(bytes)
  return Text.decodeCharset(bytes, fallback)
}

const hex = (c: number): number => {
  if (c >= 0x30 && c <= 0x39) return c - 0x30
  if (c >= 0x41 && c <= 0x46) return c - 0x37
  if (c >= 0x61 && c <= 0x66) return c - 0x57
  return -1
}

const utf8Encoder = new TextEncoder()

/**
 * Quoted-printable to bytes. Soft line breaks were already joined by the line reader; a `=` not
 * followed by two hex digits is kept literally (real files contain `FN:Bj=F8rn` next to `a=b`).
 */
export const quotedPrintableBytes = (raw: string, mode: Decoding["mode"]): Uint8Array => {
  const out: Array<number> = []
  const n = raw.length
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i)
    if (c === 0x3d) {
      if (i === n - 1) continue // dangling soft break at the very end
      const h = hex(raw.charCodeAt(i + 1))
      const l = i + 2 < n ? hex(raw.charCodeAt(i + 2)) : -1
      if (h >= 0 && l >= 0) {
        out.push(h * 16 + l)
        i += 2
        continue
      }
    }
    if (c < 0x80 || mode === "bytes") out.push(c & 0xff)
    else {
      // already-decoded text in a QP value: re-encode that char as UTF-8
      const cp = raw.codePointAt(i) ?? c
      const ch = String.fromCodePoint(cp)
      for (const b of utf8Encoder.encode(ch)) out.push(b)
      if (cp > 0xffff) i++
    }
  }
  return Uint8Array.from(out)
}

/** Decodes one value (or parameter text) according to its encoding flags and the file's mode. */
export const decodeValue = (
  raw: string,
  quotedPrintable: boolean,
  charset: string | undefined,
  decoding: Decoding,
): string => {
  if (quotedPrintable)
    return decodeBytes(quotedPrintableBytes(raw, decoding.mode), charset, decoding.fallback)
  if (decoding.mode === "text" || isAscii(raw)) return raw
  return decodeBytes(Buffer.from(raw, "latin1"), charset, decoding.fallback)
}
