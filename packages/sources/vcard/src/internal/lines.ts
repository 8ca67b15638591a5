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

/**
 * A BEGIN or END line padded past this many characters is not looked at while it is still being
 * joined (it is still classified once joined): the check reads the whole line, and doing so at
 * every fold would cost the square of the line's length.
 */
const boundaryScanLimit = 4096

/**
 * A logical line being joined from physical lines. Its pieces are kept apart until it is done and
 * what the joining rules ask of it (the head's encoding and kind, the last character) is kept up
 * to date piece by piece, so a line folded many times costs its length, not the square of it.
 */
class PendingLine {
  private parts: Array<string>
  private length: number
  /** The head ends at the first `:` outside double quotes, else at the first `:` (see headEnd). */
  private inQuote = false
  private firstColon = -1
  private outsideColon = -1
  private head: { readonly kind: LineKind; readonly qp: boolean; readonly base64: boolean } | undefined

  constructor(
    text: string,
    readonly line: number,
  ) {
    this.parts = [text]
    this.length = 0
    this.scan(text)
  }

  private scan(part: string): void {
    if (this.outsideColon < 0) {
      for (let i = 0; i < part.length; i++) {
        const c = part.charCodeAt(i)
        if (c === 0x22) this.inQuote = !this.inQuote
        else if (c === 0x3a) {
          if (this.firstColon < 0) this.firstColon = this.length + i
          if (!this.inQuote) {
            this.outsideColon = this.length + i
            this.head = undefined
            break
          }
        }
      }
    }
    this.length += part.length
  }

  append(part: string): void {
    if (part === "") return
    this.parts.push(part)
    this.scan(part)
  }

  text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join("")]
    return this.parts[0]!
  }

  /** What the head says; once the head is complete it is read once and kept. */
  private headInfo(): { readonly kind: LineKind; readonly qp: boolean; readonly base64: boolean } {
    if (this.head) return this.head
    if (this.firstColon < 0) return { kind: "other", qp: false, base64: false }
    const text = this.text()
    const kind = classify(text.slice(0, this.outsideColon < 0 ? this.firstColon : this.outsideColon + 1))
    const { qp, base64 } = encodingOf(text)
    const info = { kind: kind === "begin" || kind === "end" ? "property" : kind, qp, base64 } as const
    // with only a quoted colon so far, a later piece can still end the head elsewhere
    if (this.outsideColon >= 0) this.head = info
    return info
  }

  isBoundary(): boolean {
    return this.length <= boundaryScanLimit && isBoundary(this.text())
  }

  kind(): LineKind {
    if (this.length <= boundaryScanLimit) return classify(this.text())
    return this.headInfo().kind
  }

  encoding(): { readonly qp: boolean; readonly base64: boolean } {
    return this.headInfo()
  }

  endsWith(char: string): boolean {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const part = this.parts[i]!
      if (part.length > 0) return part.endsWith(char)
    }
    return false
  }

  /** Drops the last character (a soft break's `=`, a 2.1 line-end backslash). */
  dropLast(): void {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const part = this.parts[i]!
      if (part.length === 0) continue
      this.parts[i] = part.slice(0, -1)
      this.length--
      return
    }
  }

  endsWithLoneBackslash(): boolean {
    let n = 0
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const part = this.parts[i]!
      let j = part.length - 1
      while (j >= 0 && part.charCodeAt(j) === 0x5c) j--
      n += part.length - 1 - j
      if (j >= 0) break
    }
    return n % 2 === 1
  }

  done(): LogicalLine {
    const text = this.text()
    return { text, line: this.line, kind: classify(text) }
  }
}

/** Splits text into logical lines, lazily (a large export is never held as lines twice). */
export function* logicalLines(source: string): Generator<LogicalLine> {
  let cur: PendingLine | undefined
  let afterBlank = false

  const physical = source.split(/\r\n|\r|\n/)
  for (let i = 0; i < physical.length; i++) {
    const phys = physical[i]!
    const lineNo = i + 1
    if (cur?.endsWith("=") && cur.encoding().qp && !isBoundary(phys)) {
      // RFC 2045: the next line follows verbatim, leading spaces included ("come=" / " to the aid")
      cur.dropLast()
      cur.append(phys)
      afterBlank = false
      continue
    }
    if (phys.length > 0 && startsWithSpace(phys)) {
      // folds also continue a line that is not a property yet: folding can split the parameters
      if (cur !== undefined && !cur.isBoundary()) {
        cur.append(phys.slice(1))
        continue
      }
      const trimmed = phys.trim()
      if (trimmed !== "") {
        if (cur !== undefined) yield cur.done()
        cur = new PendingLine(trimmed, lineNo)
        afterBlank = false
      }
      continue
    }
    if (phys === "") {
      afterBlank = true
      continue
    }
    if (cur !== undefined && !afterBlank && classify(phys) === "other" && cur.kind() === "property") {
      // `TEL;TYPE=VOICE,M` + TAB `SG,WORK:...` is a property split by a fold, not a continuation
      const ahead = [phys]
      for (let j = i + 1; j < physical.length && startsWithSpace(physical[j]!); j++)
        ahead.push(physical[j]!.slice(1))
      if (classify(ahead.length === 1 ? phys : ahead.join("")) === "other") {
        if (phys.startsWith("#")) continue
        if (cur.encoding().base64) cur.append(phys)
        else {
          if (cur.endsWithLoneBackslash()) cur.dropLast()
          cur.append("\n")
          cur.append(phys)
        }
        continue
      }
    }
    if (cur !== undefined) yield cur.done()
    cur = new PendingLine(phys, lineNo)
    afterBlank = false
  }
  if (cur !== undefined) yield cur.done()
}
