/**
 * The live progress line on standard error: one line per stage (files and bytes read, each stage
 * of resolution with the pairs scored, contacts ranked, contacts written), redrawn in place
 * several times a second. Drawn on a terminal, or anywhere with `--progress` (then each update is
 * a line of its own).
 *
 * @since 0.2.0
 */
import type { Merge } from "blackbook"

/** Fewest milliseconds between two redraws. */
const redrawEvery = 100

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : bytes < 1024 ** 3
        ? `${(bytes / 1024 ** 2).toFixed(1)} MiB`
        : `${(bytes / 1024 ** 3).toFixed(2)} GiB`

const percent = (p: Merge.Progress) => `${p.total === 0 ? 100 : Math.floor((100 * p.done) / p.total)}%`

/**
 * The text of one progress update.
 *
 * @category formatting
 * @since 0.2.0
 */
export const describe = (p: Merge.Progress): string => {
  switch (p.stage) {
    case "reading":
      return `reading: ${p.done}/${p.total} files, ${size(p.bytes ?? 0)} of ${size(p.bytesTotal ?? 0)}, ${p.items ?? 0} items${p.current ? ` (${p.current})` : ""}`
    case "resolving":
      return p.done < p.total ? `resolving ${p.total} records` : `resolved ${p.total} records`
    case "profiles":
      return `resolving: ${p.done}/${p.total} records read`
    case "blocking":
      return `resolving: finding candidate pairs, ${percent(p)}`
    case "comparing":
      return `resolving: ${p.done}/${p.total} pairs scored`
    case "training":
      return `resolving: training the model, ${percent(p)}`
    case "scoring":
      return `resolving: ${p.done}/${p.total} pairs weighed`
    case "clustering":
      return `resolving: ${p.done}/${p.total} matching pairs clustered`
    case "contacts":
      return `resolving: ${p.done}/${p.total} contacts merged`
    case "ranking":
      return p.done < p.total ? `ranking ${p.total} contacts` : `ranked ${p.total} contacts`
  }
}

/** Where progress goes: a terminal's line redrawn in place, or plain lines. */
export interface ProgressLine {
  readonly update: (p: Merge.Progress) => void
  /** Progress of writing the book: contacts written so far. */
  readonly writing: (done: number, total: number) => void
  /** Clears the line (on a terminal) before the summary. */
  readonly done: () => void
}

const silent: ProgressLine = { update: () => {}, writing: () => {}, done: () => {} }

/**
 * A progress line for `stream`: drawn in place when it is a terminal, as lines when `forced`
 * (`--progress`), not at all otherwise.
 *
 * @category progress
 * @since 0.2.0
 */
export const make = (
  stream: { readonly isTTY?: boolean; readonly columns?: number; write(text: string): unknown },
  forced: boolean,
  clock: () => number = () => performance.now(),
): ProgressLine => {
  const terminal = stream.isTTY === true
  if (!terminal && !forced) return silent
  let last = -Infinity
  let drawn = false
  let stage = ""
  const draw = (text: string, key: string, final: boolean) => {
    const now = clock()
    // a new stage and a stage's end are always drawn
    if (!final && key === stage && now - last < redrawEvery) return
    last = now
    stage = key
    if (terminal) {
      const width = Math.max(20, (stream.columns ?? 80) - 1)
      stream.write(`\r\u001b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`)
      drawn = true
    } else stream.write(`${text}\n`)
  }
  return {
    update: (p) => draw(describe(p), p.stage, p.done === p.total),
    writing: (done, total) => draw(`writing: ${done}/${total} contacts`, "writing", done === total),
    done: () => {
      if (drawn) stream.write("\r\u001b[2K")
      drawn = false
    },
  }
}
