/**
 * Jaro-Winkler similarity (0..1) with the usual prefix scale 0.1 and a prefix of at most 4.
 * Works on UTF-16 code units; callers fold names to ASCII first.
 */
export const jaro = (a: string, b: string): number => {
  if (a === b) return 1
  const la = a.length
  const lb = b.length
  if (la === 0 || lb === 0) return 0
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1)
  const matchedA = new Uint8Array(la)
  const matchedB = new Uint8Array(lb)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window)
    const to = Math.min(lb - 1, i + window)
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        matchedA[i] = 1
        matchedB[j] = 1
        matches++
        break
      }
    }
  }
  if (matches === 0) return 0
  // Half the number of matched characters that appear in a different order.
  let transpositions = 0
  let k = 0
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue
    while (matchedB[k] === 0) k++
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++
    k++
  }
  const m = matches
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3
}

/** Jaro-Winkler: Jaro boosted by the length of the common prefix (up to 4 characters). */
export const jaroWinkler = (a: string, b: string): number => {
  const j = jaro(a, b)
  let prefix = 0
  const max = Math.min(4, a.length, b.length)
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  return j + prefix * 0.1 * (1 - j)
}
