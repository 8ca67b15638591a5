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
}

/** A card being read: ended in place, so that it is yielded without a copy. */
interface OpenCard extends RawCard {
  readonly properties: Array<Property>
  terminated: boolean
}

/**
 * Splits decoded-or-byte text into cards, yielded as each one ends (a nested card before its
 * parent); cards left open at the end of the text follow, unterminated.
 */
export function* splitCards(
  source: string,
  decoding: Decoding,
  onStray: (line: number, reason: string) => void = () => {},
): Generator<RawCard> {
  const open: Array<OpenCard> = []
  let count = 0
  for (const l of logicalLines(source)) {
    if (l.kind === "begin") {
      open.push({ index: ++count, line: l.line, properties: [], terminated: false })
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
        open.push({ index: ++count, line: l.line, properties: [], terminated: false })
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
      const p = parseProperty(l.text, l.line, decoding)
      if (p) top.properties.push(p)
    }
  }
  yield* open
}

const glued = /^\s*END\s*:\s*VCARD\s*BEGIN\s*:\s*VCARD\s*$/i
