/**
 * CSV writing as spreadsheet-style exporters do it: a field is quoted only when it must be
 * (RFC 4180), or always when the exporter quotes everything (Outlook).
 */

/** Wraps a value in double quotes, doubling the quotes inside. */
export const quoted = (value: string): string =>
  `"${value.includes('"') ? value.replaceAll('"', '""') : value}"`

/** Quotes a value only when it holds a comma, a quote or a line break. */
export const field = (value: string): string => (/[",\r\n]/.test(value) ? quoted(value) : value)

/** One CSV line (without its terminator) with minimal quoting. */
export const line = (values: ReadonlyArray<string>): string => values.map(field).join(",")

// cp1252 code points 0x80-0x9F (undefined slots stay unmapped).
const CP1252_HIGH: ReadonlyArray<number> = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
]
const CP1252_REVERSE = new Map<number, number>(
  CP1252_HIGH.flatMap((cp, i) => (cp === 0 ? [] : [[cp, 0x80 + i] as [number, number]])),
)

/**
 * Encodes text as Windows-1252, the "ANSI" code page English Outlook writes its CSV in.
 * Characters cp1252 cannot hold become `?`, exactly as Outlook's export does.
 */
export const encodeWindows1252 = (text: string): Uint8Array => {
  // Fast path: only ASCII and Latin-1 letters, which cp1252 stores as their code points.
  if (!/[\u0080-\u009f\u0100-\uffff]/.test(text)) return Buffer.from(text, "latin1")
  const out = new Uint8Array(text.length)
  let n = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out[n++] = cp
    else out[n++] = CP1252_REVERSE.get(cp) ?? 0x3f
  }
  return out.subarray(0, n)
}
