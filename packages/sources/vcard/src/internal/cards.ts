/**
 * Logical lines to cards. Junk outside cards is skipped; a BEGIN:VCARD inside an open card opens
 * a nested card (Android's malformed nesting), which becomes its own card and leaves the outer
 * card intact. Cards are numbered by the position of their BEGIN line.
 */
import type { Decoding } from "./charset.ts"
import { type Property, parseProperty } from "./contentLine.ts"
import { logicalLines } from "./lines.ts"

/** A card as read: its properties in file order. */
export interface RawCard {
  /** 1-based position of the card's BEGIN:VCARD in its file. */
  readonly index: number
  /** 1-based physical line of BEGIN:VCARD. */
  readonly line: number
  readonly properties: ReadonlyArray<Property>
  /** False when the file ended before END:VCARD. */
  readonly terminated: boolean
  /** Characters of its property lines; past the record limit its properties are not kept. */
  readonly size: number
  readonly oversize: boolean
}

/** A card being read: ended in place, so that it is yielded without a copy. */
interface OpenCard extends RawCard {
  properties: Array<Property>
  terminated: boolean
  size: number
  oversize: boolean
}

const opened = (index: number, line: number): OpenCard => ({
  index,
  line,
  properties: [],
  terminated: false,
  size: 0,
  oversize: false,
})

/**
 * Splits decoded-or-byte text into cards, yielded as each one ends (a nested card before its
 * parent); cards left open at the end of the text follow, unterminated. A card whose property
 * lines pass `maxSize` characters comes without them, marked `oversize`.
 */
export function* splitCards(
  source: string,
  decoding: Decoding,
  onStray: (line: number, reason: string) => void = () => {},
  maxSize: number = Number.POSITIVE_INFINITY,
): Generator<RawCard> {
  const open: Array<OpenCard> = []
  let count = 0
  for (const l of logicalLines(source)) {
    if (l.kind === "begin") {
      open.push(opened(++count, l.line))
    } else if (l.kind === "end") {
      const card = open.pop()
      if (card) {
        card.terminated = true
        yield card
      } else
        onStray(
          l.line,
          "END:VCARD without a BEGIN:VCARD before it: the lines before it are not read as a card",
        )
    } else if (l.kind === "property") {
      if (glued.test(l.text)) {
        // `END:VCARDBEGIN:VCARD`: one card ends and the next begins, so no value passes between them
        onStray(
          l.line,
          "END:VCARD and BEGIN:VCARD on one line: read as the end of one card and the start of the next",
        )
        const card = open.pop()
        if (card) {
          card.terminated = true
          yield card
        }
        open.push(opened(++count, l.line))
        continue
      }
      const top = open[open.length - 1]
      if (!top) {
        if (/^\s*(BEGIN|END)\s*:/i.test(l.text))
          onStray(
            l.line,
            `"${l.text.slice(0, 40)}" is not BEGIN:VCARD or END:VCARD: the card it opens is not read`,
          )
        continue
      }
      top.size += l.text.length + 2
      if (top.oversize) continue
      if (top.size > maxSize) {
        // a card past the limit is reported, not built: its values are let go as it goes on
        top.oversize = true
        top.properties = []
        continue
      }
      const p = parseProperty(l.text, l.line, decoding)
      if (p) top.properties.push(p)
    }
  }
  yield* open
}

const glued = /^\s*END\s*:\s*VCARD\s*BEGIN\s*:\s*VCARD\s*$/i
