/**
 * Backslash escapes of vCard values: splitting structured values on unescaped separators and
 * turning `\n`, `\,`, `\;`, `\:` and `\\` back into text. Unknown escapes (`\C`) stay as written,
 * because 2.1 writers rarely escaped anything and a Windows path should survive.
 */

/** Splits on `sep` where it is not escaped by an odd run of backslashes. */
export const splitUnescaped = (value: string, sep: string): Array<string> => {
  if (!value.includes(sep)) return [value]
  const out: Array<string> = []
  let start = 0
  let backslashes = 0
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (c === "\\") {
      backslashes++
      continue
    }
    if (c === sep && backslashes % 2 === 0) {
      out.push(value.slice(start, i))
      start = i + 1
    }
    backslashes = 0
  }
  out.push(value.slice(start))
  return out
}

/** Resolves text escapes and normalises line breaks to `\n`. */
export const unescapeText = (value: string): string => {
  const v = value.includes("\r") ? value.replace(/\r\n?/g, "\n") : value
  if (!v.includes("\\")) return v
  let out = ""
  for (let i = 0; i < v.length; i++) {
    const c = v[i]
    if (c !== "\\" || i === v.length - 1) {
      out += c
      continue
    }
    const next = v[i + 1]
    switch (next) {
      case "n":
      case "N":
        out += "\n"
        i++
        break
      case ",":
      case ";":
      case ":":
      case '"': // Google writes \" in notes
      case "\\":
        out += next
        i++
        break
      default:
        out += c
    }
  }
  return out
}

/** True when the value ends in a single (unescaped) backslash: an old-style line continuation. */
export const endsWithLoneBackslash = (value: string): boolean => {
  let n = 0
  for (let i = value.length - 1; i >= 0 && value[i] === "\\"; i--) n++
  return n % 2 === 1
}
