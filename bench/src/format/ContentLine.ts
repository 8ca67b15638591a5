/**
 * Content-line folding shared by vCard 3.0 and iCalendar writers (RFC 6350 / RFC 5545 §3.1):
 * lines longer than 75 octets continue on the next line after CRLF and one space.
 */

const encoder = new TextEncoder()

const NON_ASCII = /[\u0080-\uffff]/

/** Folds one content line at 75 UTF-8 octets without splitting a character. */
export const fold = (line: string): string => {
  if (line.length <= 25) return line
  if (!NON_ASCII.test(line)) {
    if (line.length <= 75) return line
    let out = line.slice(0, 75)
    for (let i = 75; i < line.length; i += 74) out += `\r\n ${line.slice(i, i + 74)}`
    return out
  }
  if (encoder.encode(line).length <= 75) return line
  const parts: Array<string> = []
  let current = ""
  let octets = 0
  // The first line holds 75 octets; continuation lines hold 74 plus the leading space.
  let limit = 75
  for (const ch of line) {
    const size = ch.codePointAt(0)! < 0x80 ? 1 : encoder.encode(ch).length
    if (octets + size > limit) {
      parts.push(current)
      current = ""
      octets = 0
      limit = 74
    }
    current += ch
    octets += size
  }
  parts.push(current)
  return parts.join("\r\n ")
}

/** Joins content lines with CRLF, folding each, and ends with CRLF. */
export const lines = (contentLines: ReadonlyArray<string>): string =>
  `${contentLines.map(fold).join("\r\n")}\r\n`
