/**
 * Plain-text tables for the terminal: columns padded to their widest cell, long cells cut.
 *
 * @since 0.1.0
 */

/** @category formatting @since 0.1.0 */
export const table = (
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  max = 48,
): string => {
  const cut = (s: string) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)
  const cells = [header, ...rows].map((r) => r.map(cut))
  // A fold, not Math.max(...): a spread passes each row as an argument, too many for the stack.
  const widths = header.map((_, i) => cells.reduce((w, r) => Math.max(w, (r[i] ?? "").length), 0))
  const line = (r: ReadonlyArray<string>) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd()
  return `${[line(cells[0]!), ...cells.slice(1).map(line)].join("\n")}\n`
}

/** An ISO instant as its date, or "" when absent. */
export const day = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : "")
