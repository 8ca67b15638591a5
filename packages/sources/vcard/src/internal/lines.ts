/**
 * Physical lines to logical (unfolded) content lines. Works on a string whose chars are either
 * text or raw bytes (see charset.ts), so a fold that splits a UTF-8 sequence is rejoined before
 * anything is decoded.
 *
 * Rules, in order, for each physical line:
 * 1. After a quoted-printable line ending in `=` (soft break), the line continues the value as is.
 * 2. A line starting with space or TAB continues the previous line (one whitespace char removed),
 *    even across blank lines (CR CR LF endings from iOS put a blank line between folds), and
 *    even when that line is not a property yet (a fold inside the parameter list).
 * 3. Blank lines are skipped.
 * 4. A line that is not a property (no `name:`) right after a property continues its value: base64
 *    without indentation (2.1), or a raw line break inside a value (`LABEL:Klippe 58` / `21255
 *    Bad Vilbel`); a 2.1 trailing backslash before the break is dropped; `#` lines are comments.
 *    A line that becomes a property once its own folds are joined is not a continuation.
 * 5. Anything else starts a new logical line.
 */

import { classify, encodingOf, type LineKind } from "./contentLine.ts"
import { endsWithLoneBackslash } from "./escape.ts"

/** An unfolded content line and the 1-based physical line it starts on. */
export interface LogicalLine {
  readonly text: string
  readonly line: number
  readonly kind: LineKind
}

const startsWithSpace = (s: string): boolean => {
  const c = s.charCodeAt(0)
  return c === 0x20 || c === 0x09
}

const isBoundary = (s: string): boolean => {
  const k = classify(s)
  return k === "begin" || k === "end"
}

/** Splits text into logical lines, lazily (a large export is never held as lines twice). */
export function* logicalLines(source: string): Generator<LogicalLine> {
  let cur: string | undefined
  let curLine = 0
  let afterBlank = false

  const physical = source.split(/\r\n|\r|\n/)
  for (let i = 0; i < physical.length; i++) {
    const phys = physical[i]!
    const lineNo = i + 1
    if (cur?.endsWith("=") && encodingOf(cur).qp && !isBoundary(phys)) {
      // RFC 2045: the next line follows verbatim, leading spaces included ("come=" / " to the aid")
      cur = cur.slice(0, -1) + phys
      afterBlank = false
      continue
    }
    if (phys.length > 0 && startsWithSpace(phys)) {
      // folds also continue a line that is not a property yet: folding can split the parameters
      if (cur !== undefined && !isBoundary(cur)) {
        cur += phys.slice(1)
        continue
      }
      const trimmed = phys.trim()
      if (trimmed !== "") {
        if (cur !== undefined) yield { text: cur, line: curLine, kind: classify(cur) }
        cur = trimmed
        curLine = lineNo
        afterBlank = false
      }
      continue
    }
    if (phys === "") {
      afterBlank = true
      continue
    }
    if (cur !== undefined && !afterBlank && classify(phys) === "other" && classify(cur) === "property") {
      // `TEL;TYPE=VOICE,M` + TAB `SG,WORK:...` is a property split by a fold, not a continuation
      let ahead = phys
      for (let j = i + 1; j < physical.length && startsWithSpace(physical[j]!); j++)
        ahead += physical[j]!.slice(1)
      if (classify(ahead) === "other") {
        if (phys.startsWith("#")) continue
        if (encodingOf(cur).base64) cur += phys
        else cur = `${endsWithLoneBackslash(cur) ? cur.slice(0, -1) : cur}\n${phys}`
        continue
      }
    }
    if (cur !== undefined) yield { text: cur, line: curLine, kind: classify(cur) }
    cur = phys
    curLine = lineNo
    afterBlank = false
  }
  if (cur !== undefined) yield { text: cur, line: curLine, kind: classify(cur) }
}
