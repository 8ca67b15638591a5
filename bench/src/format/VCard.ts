/**
 * vCard writers: 3.0 as Apple Contacts / iCloud export it, and 2.1 as an old Android phone
 * exports it (QUOTED-PRINTABLE UTF-8 values with `=` soft line breaks).
 */
import { lines } from "./ContentLine.ts"

/** One vCard property; `value` is already escaped for the card's version. */
export interface Property {
  readonly group?: string
  readonly name: string
  readonly params?: ReadonlyArray<string>
  readonly value: string
}

/** Escapes a 3.0 TEXT value (backslash, newline, comma, semicolon). */
export const text = (value: string): string =>
  value.replace(/\\/g, "\\\\").replace(/\r?\n/g, "\\n").replace(/,/g, "\\,").replace(/;/g, "\\;")

/** A 3.0 structured value (N, ADR, ORG): components escaped and joined by `;`. */
export const compound = (parts: ReadonlyArray<string>): string => parts.map(text).join(";")

/** A 2.1 structured value: only `;` inside a component is escaped. */
export const compound21 = (parts: ReadonlyArray<string>): string =>
  parts.map((p) => p.replace(/;/g, "\\;")).join(";")

const head = (p: Property, extra: ReadonlyArray<string> = []): string => {
  const params = [...(p.params ?? []), ...extra]
  return `${p.group === undefined ? "" : `${p.group}.`}${p.name}${params.map((x) => `;${x}`).join("")}`
}

/** A vCard 3.0 card, CRLF line ends, folded at 75 octets. */
export const card30 = (props: ReadonlyArray<Property>): string =>
  lines(["BEGIN:VCARD", "VERSION:3.0", ...props.map((p) => `${head(p)}:${p.value}`), "END:VCARD"])

const encoder = new TextEncoder()
const HEX = "0123456789ABCDEF"

/** QUOTED-PRINTABLE as Android writes it: every byte outside `!`..`~` (and `=`) as =XX, spaces too. */
export const quotedPrintable = (value: string): string => {
  let out = ""
  for (const b of encoder.encode(value)) {
    if (b >= 0x21 && b <= 0x7e && b !== 0x3d) out += String.fromCharCode(b)
    else out += `=${HEX[b >> 4]}${HEX[b & 15]}`
  }
  return out
}

// Splits an encoded value into physical lines of at most 76 characters including the trailing
// soft-break `=`, never cutting an =XX escape.
const softWrap = (prefix: string, encoded: string): string => {
  const out: Array<string> = []
  let current = prefix
  let i = 0
  while (i < encoded.length) {
    const token = encoded[i] === "=" ? encoded.slice(i, i + 3) : encoded[i]!
    if (current.length + token.length > 75) {
      out.push(`${current}=`)
      current = ""
    }
    current += token
    i += token.length
  }
  out.push(current)
  return out.join("\r\n")
}

/**
 * A vCard 2.1 card as an old Android phone writes it: values with non-ASCII characters or line
 * breaks get `CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE`, everything else is written raw.
 */
export const card21 = (props: ReadonlyArray<Property>): string => {
  const out = ["BEGIN:VCARD", "VERSION:2.1"]
  for (const p of props) {
    if (/[^\x20-\x7e]/.test(p.value)) {
      out.push(
        softWrap(`${head(p, ["CHARSET=UTF-8", "ENCODING=QUOTED-PRINTABLE"])}:`, quotedPrintable(p.value)),
      )
    } else {
      out.push(`${head(p)}:${p.value}`)
    }
  }
  out.push("END:VCARD")
  return `${out.join("\r\n")}\r\n`
}
