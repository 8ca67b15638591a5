/**
 * First pass over an iCalendar text, before ical.js sees it: unfolds lines (also folds that lost
 * their leading space), remembers where each content line starts, and cuts the text into VEVENT
 * and VTIMEZONE blocks, so one broken event never spoils the others. Works on several VCALENDARs
 * in one file, on VEVENT fragments without any VCALENDAR, and on missing END lines.
 */

/** One unfolded content line and the 1-based physical line it starts on. */
export interface ContentLine {
  readonly text: string
  readonly line: number
}

/** The VCALENDAR-level properties the adapter reads. */
export interface CalendarHeader {
  method?: string
  name?: string
  timezone?: string
  producer?: string
}

/** A VEVENT or VTIMEZONE, BEGIN to END (END lines added when the file lacked them). */
export interface Block {
  readonly kind: "VEVENT" | "VTIMEZONE"
  readonly lines: ReadonlyArray<ContentLine>
  /** Physical line of the BEGIN line. */
  readonly line: number
  /** Index into `Scan.calendars`, or -1 for a fragment outside any VCALENDAR. */
  readonly calendar: number
  /** False when the block had no END line of its own. */
  readonly terminated: boolean
  /** 1-based position among the file's VEVENTs (0 for VTIMEZONE). */
  readonly ordinal: number
}

/** What the first pass found. */
export interface Scan {
  readonly calendars: ReadonlyArray<CalendarHeader>
  readonly blocks: ReadonlyArray<Block>
  /** Whether a BEGIN:VCALENDAR or BEGIN:VEVENT line occurs at all. */
  readonly isCalendar: boolean
}

const propertyStart = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)?[;:]/
const beginEnd = /^(BEGIN|END)[ \t]*:[ \t]*([A-Za-z0-9-]+)[ \t]*$/i

/** Unfolds physical lines into content lines; a line that cannot start a property continues the previous one. */
export const unfold = (text: string): ReadonlyArray<ContentLine> => {
  const physical = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/)
  const out: Array<{ text: string; line: number }> = []
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i] ?? ""
    if (raw.trim() === "") continue
    const last = out[out.length - 1]
    if (raw[0] === " " || raw[0] === "\t") {
      if (last) last.text += raw.slice(1)
      continue
    }
    if (propertyStart.test(raw)) {
      out.push({ text: raw, line: i + 1 })
      continue
    }
    // A fold that lost its leading whitespace (mail clients strip it): glue it on, but never onto BEGIN/END.
    if (last && !beginEnd.test(last.text)) last.text += raw
  }
  return out
}

/** Splits `NAME;PARAMS:VALUE` at the first colon outside double quotes. */
export const splitLine = (text: string): { name: string; params: string; value: string } => {
  let quoted = false
  let nameEnd = -1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') quoted = !quoted
    else if (!quoted && c === ";" && nameEnd < 0) nameEnd = i
    else if (!quoted && c === ":") {
      const end = nameEnd < 0 ? i : nameEnd
      return { name: text.slice(0, end).toUpperCase(), params: text.slice(end, i), value: text.slice(i + 1) }
    }
  }
  return { name: text.toUpperCase(), params: "", value: "" }
}

/** Unescapes an iCalendar TEXT value (`\,` `\;` `\n` `\\`). */
export const unescapeText = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c))

interface OpenBlock {
  kind: "VEVENT" | "VTIMEZONE"
  lines: ContentLine[]
  line: number
  calendar: number
  ordinal: number
  nested: string[]
}

/** Cuts a decoded iCalendar text into calendars and VEVENT/VTIMEZONE blocks. */
export const scan = (text: string): Scan => {
  const calendars: CalendarHeader[] = []
  const blocks: Block[] = []
  let isCalendar = false
  let calendar = -1
  // Components open inside the current VCALENDAR but outside blocks (VTODO, VJOURNAL, VFREEBUSY...).
  let others: string[] = []
  let open: OpenBlock | undefined
  let events = 0

  const close = (terminated: boolean, endLine?: ContentLine) => {
    if (!open) return
    const lines = [...open.lines]
    if (endLine) lines.push(endLine)
    else {
      const at = lines[lines.length - 1]?.line ?? open.line
      for (const name of [...open.nested].reverse()) lines.push({ text: `END:${name}`, line: at })
      lines.push({ text: `END:${open.kind}`, line: at })
    }
    blocks.push({
      kind: open.kind,
      lines,
      line: open.line,
      calendar: open.calendar,
      terminated,
      ordinal: open.ordinal,
    })
    open = undefined
  }

  for (const cl of unfold(text)) {
    const m = beginEnd.exec(cl.text)
    const verb = m?.[1]?.toUpperCase()
    const name = m?.[2]?.toUpperCase() ?? ""
    if (open) {
      if (verb === "END" && name === open.kind && open.nested.length === 0) {
        close(true, { text: `END:${name}`, line: cl.line })
        continue
      }
      const startsAnother =
        verb === "BEGIN" && (name === "VEVENT" || name === "VCALENDAR" || name === "VTIMEZONE")
      const endsOuter = verb === "END" && (name === "VCALENDAR" || name === open.kind)
      if (!startsAnother && !endsOuter) {
        if (verb === "BEGIN") open.nested.push(name)
        else if (verb === "END") {
          const at = open.nested.lastIndexOf(name)
          if (at < 0) continue
          open.nested.length = at
        }
        open.lines.push(verb ? { text: `${verb}:${name}`, line: cl.line } : cl)
        continue
      }
      if (verb === "END" && name === open.kind) {
        // END of the block while a nested component was left open: close that one too.
        close(true)
        continue
      }
      close(false)
    }
    if (verb === "BEGIN") {
      if (name === "VCALENDAR") {
        isCalendar = true
        calendars.push({})
        calendar = calendars.length - 1
        others = []
      } else if (name === "VEVENT" || name === "VTIMEZONE") {
        if (name === "VEVENT") {
          isCalendar = true
          events++
        }
        open = {
          kind: name,
          lines: [{ text: `BEGIN:${name}`, line: cl.line }],
          line: cl.line,
          calendar: calendar >= 0 ? calendar : -1,
          ordinal: name === "VEVENT" ? events : 0,
          nested: [],
        }
      } else if (calendar >= 0) others.push(name)
      continue
    }
    if (verb === "END") {
      if (name === "VCALENDAR") {
        calendar = -1
        others = []
      } else {
        const at = others.lastIndexOf(name)
        if (at >= 0) others.length = at
      }
      continue
    }
    const header = calendar >= 0 && others.length === 0 ? calendars[calendar] : undefined
    if (header) {
      const { name: prop, value } = splitLine(cl.text)
      const v = unescapeText(value).trim()
      if (prop === "METHOD") header.method = v.toUpperCase()
      else if (prop === "X-WR-CALNAME") header.name = v
      else if (prop === "X-WR-TIMEZONE") header.timezone = v
      else if (prop === "PRODID") header.producer = v
    }
  }
  close(false)
  return { calendars, blocks, isCalendar }
}
