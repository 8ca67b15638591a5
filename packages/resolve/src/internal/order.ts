/** Code-unit string order (not locale-aware), so sorting is the same on every machine. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The indexes 0..n-1 ordered by `first[i]`, then `second[i]`, then i, each text in code-unit order
 * (`compareStrings`). Each index becomes one key text (first, NUL, second, NUL, the index padded)
 * sorted by the built-in sort, which compares texts without calling back into JavaScript (much
 * quicker than a comparator). NUL sorts below every other code unit,
 * so the keys' order is the pairs' order unless a text holds a NUL itself: then the comparator
 * sorts.
 */
export const orderByTwo = (first: ReadonlyArray<string>, second: ReadonlyArray<string>): Array<number> => {
  const n = first.length
  const byComparator = () =>
    Array.from({ length: n }, (_, i) => i).sort(
      (i, j) => compareStrings(first[i]!, first[j]!) || compareStrings(second[i]!, second[j]!) || i - j,
    )
  for (let i = 0; i < n; i++)
    if (first[i]!.includes("\u0000") || second[i]!.includes("\u0000")) return byComparator()
  const width = String(n).length
  // Joined rather than concatenated: a concatenation is a tree V8 flattens on the first compare.
  const keys = Array.from({ length: n }, (_, i) =>
    [first[i]!, "\u0000", second[i]!, "\u0000", String(i).padStart(width, "0")].join(""),
  )
  keys.sort()
  return keys.map((k) => Number(k.slice(k.length - width)))
}
