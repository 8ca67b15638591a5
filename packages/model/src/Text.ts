/**
 * Bytes to text for every adapter: BOMs, UTF-16 with and without BOM, strict UTF-8, then the
 * 8-bit or multi-byte charset the content looks like (Windows-1252, Shift_JIS, ISO-8859-2...).
 *
 * @since 0.1.0
 */
import chardet from "chardet"
import iconv from "iconv-lite"

/** @category models @since 0.1.0 */
export interface DecodedText {
  readonly text: string
  /** The charset the bytes were read as, lower-case iconv name (`utf-8`, `utf-16le`, `windows-1252`). */
  readonly encoding: string
}

const utf8 = new TextDecoder("utf-8", { fatal: true })

/** Share of NUL bytes at even and odd offsets in the first 4 KiB: UTF-16 without BOM shows one side full of NULs. */
const nulBalance = (bytes: Uint8Array): "le" | "be" | undefined => {
  const n = Math.min(bytes.length, 4096)
  if (n < 4) return undefined
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++
      else odd++
    }
  }
  const half = n / 2
  if (odd > half * 0.3 && even < half * 0.05) return "le"
  if (even > half * 0.3 && odd < half * 0.05) return "be"
  return undefined
}

/** Maps chardet's names onto the iconv charset we decode with; Latin-1 is read as its superset cp1252. */
const fromDetected = (name: string | null): string | undefined => {
  if (!name) return undefined
  const lower = name.toLowerCase()
  if (lower === "iso-8859-1" || lower === "ascii") return "windows-1252"
  if (lower.startsWith("utf-16") || lower.startsWith("utf-32")) return undefined
  return iconv.encodingExists(lower) ? lower : undefined
}

/**
 * Decodes a whole file. `fallback` names the charset to use for non-UTF-8 bytes when the caller
 * knows better than detection (an Outlook CSV from a German machine is cp1252).
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeText = (bytes: Uint8Array, fallback?: string): DecodedText => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeCharset(bytes.subarray(3), "utf-8"), encoding: "utf-8" }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le"), encoding: "utf-16le" }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be"), encoding: "utf-16be" }
  }
  const utf16 = nulBalance(bytes)
  if (utf16) {
    const encoding = `utf-16${utf16}`
    return { text: iconv.decode(Buffer.from(bytes), encoding), encoding }
  }
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8" }
  } catch {
    // not UTF-8: fall through to the caller's charset or detection
  }
  const encoding =
    (fallback && iconv.encodingExists(fallback) ? fallback.toLowerCase() : undefined) ??
    // chardet runs every charset's statistics over what it is given: a sample decides as well
    fromDetected(chardet.detect(bytes.subarray(0, 64 * 1024))) ??
    "windows-1252"
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding }
}

/**
 * Decodes bytes in a named charset (a vCard `CHARSET=` parameter); unknown names read as UTF-8
 * with replacement characters rather than failing.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeCharset = (bytes: Uint8Array, charset: string): string => {
  const name = charset.trim().toLowerCase()
  if (name === "utf-8" || name === "utf8" || !iconv.encodingExists(name)) {
    return new TextDecoder("utf-8").decode(bytes)
  }
  return iconv.decode(Buffer.from(bytes), name)
}

/**
 * Encodes text in a charset (for writing cp1252 CSV for old Outlook).
 *
 * @category encoding
 * @since 0.1.0
 */
export const encodeCharset = (text: string, charset: string): Uint8Array =>
  new Uint8Array(iconv.encode(text, charset))

/**
 * Decodes only the first bytes, for content sniffing. Safe on a cut multi-byte sequence.
 *
 * @category decoding
 * @since 0.1.0
 */
export const head = (bytes: Uint8Array, size = 8192): string => {
  const cut = bytes.subarray(0, size)
  const { text } = decodeText(cut)
  return text
}

/**
 * `text` without the run of characters at its end that `strip` matches (a one-character test,
 * like `/[;,\s]/`). The same as `text.replace(/[;,\s]+$/, "")` but linear: V8 retries such a
 * pattern from every character of a long run that is not at the end, which is quadratic.
 *
 * @category text
 * @since 0.1.0
 */
export const trimEndMatching = (text: string, strip: RegExp): string => {
  let end = text.length
  while (end > 0 && strip.test(text[end - 1]!)) end--
  return end === text.length ? text : text.slice(0, end)
}
