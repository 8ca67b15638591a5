/**
 * Where the last whole record of a cut file ends, per format, and the file made of only the whole
 * records (closed the way the format closes). Reading that file gives the records that lay wholly
 * before the cut: the loss oracle expects each of them from the cut file too, or an issue.
 */

const encoder = new TextEncoder()

const lineEndAfter = (bytes: Uint8Array, at: number): number => {
  const nl = bytes.indexOf(10, at)
  return nl === -1 ? -1 : nl + 1
}

/** The end of the last line holding `marker` (ASCII, case-insensitive) whose newline is kept. */
const afterLastMarkerLine = (bytes: Uint8Array, marker: string): number => {
  const text = new TextDecoder("latin1").decode(bytes).toUpperCase()
  let at = text.lastIndexOf(marker)
  while (at !== -1) {
    const end = lineEndAfter(bytes, at + marker.length)
    if (end !== -1) return end
    at = text.lastIndexOf(marker, at - 1)
  }
  return 0
}

/** The end of the last row of a CSV whose newline lies outside quotes. */
const afterLastCsvRow = (bytes: Uint8Array): number => {
  let quoted = false
  let last = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b === 34) quoted = !quoted
    else if (b === 10 && !quoted) last = i + 1
  }
  return last
}

/** The end of the last whole element of the top-level JSON array (Twitter's `.js` files). */
const afterLastJsonElement = (bytes: Uint8Array): number => {
  const open = bytes.indexOf(91) // [
  if (open === -1) return -1
  let depth = 0
  let inString = false
  let last = -1
  for (let i = open; i < bytes.length; i++) {
    const b = bytes[i]
    if (inString) {
      if (b === 92) i++
      else if (b === 34) inString = false
      continue
    }
    if (b === 34) inString = true
    else if (b === 91 || b === 123) depth++
    else if (b === 93 || b === 125) {
      depth--
      if (depth === 1 && b === 125) last = i + 1
    }
  }
  return last === -1 ? open + 1 : last
}

const concat = (a: Uint8Array, b: string): Uint8Array => {
  const tail = encoder.encode(b)
  const out = new Uint8Array(a.length + tail.length)
  out.set(a)
  out.set(tail, a.length)
  return out
}

/**
 * The cut file reduced to its whole records, or undefined when the format's records cannot be
 * told apart in it (UTF-16 text, a Twitter file cut before its array).
 */
export const wholeRecords = (adapter: string, path: string, cut: Uint8Array): Uint8Array | undefined => {
  // UTF-16 text has a NUL in every ASCII character: the byte scanners do not apply
  if (cut.subarray(0, 200).includes(0)) return undefined
  switch (adapter) {
    case "vcard":
      return cut.subarray(0, afterLastMarkerLine(cut, "END:VCARD"))
    case "ics":
      return concat(cut.subarray(0, afterLastMarkerLine(cut, "END:VEVENT")), "END:VCALENDAR\r\n")
    case "contacts-csv":
    case "linkedin":
      return cut.subarray(0, afterLastCsvRow(cut))
    case "twitter": {
      if (!path.endsWith(".js")) return undefined
      const end = afterLastJsonElement(cut)
      return end === -1 ? undefined : concat(cut.subarray(0, end), "\n]")
    }
    default:
      return undefined
  }
}
