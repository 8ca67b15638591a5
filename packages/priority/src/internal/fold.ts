// Letters Unicode does not decompose into base letter + mark, so NFKD alone leaves them alone.
const special: Readonly<Record<string, string>> = {
  ß: "ss",
  ẞ: "ss",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  æ: "ae",
  œ: "oe",
  ı: "i",
  ħ: "h",
}
const specialPattern = new RegExp(`[${Object.keys(special).join("")}]`, "gu")

// A mark after a Latin, Greek or Cyrillic letter is a diacritic; in Devanagari and others it is part of the letter.
const diacritics = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu

/**
 * Folds text for searching: NFKD (compatibility forms such as fullwidth or ligatures become plain
 * letters), lower-case, diacritics removed, ß -> ss and similar, then NFC so Hangul recomposes.
 * "Jürgen Weiß" -> "jurgen weiss".
 */
export const fold = (text: string): string =>
  text
    .normalize("NFKD")
    .toLowerCase()
    .replace(diacritics, "$1")
    .replace(specialPattern, (c) => special[c] ?? c)
    .normalize("NFC")
    .replace(/\s+/gu, " ")
    .trim()

const transliterations: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue" }

/**
 * The German transliteration of a name (Jürgen -> juergen, Schröder -> schroeder), folded; undefined
 * when the name has no umlaut, so people who type "juergen" find Jürgen too.
 */
export const transliterate = (text: string): string | undefined => {
  const lower = text.normalize("NFC").toLowerCase()
  if (!/[äöü]/u.test(lower)) return undefined
  return fold(lower.replace(/[äöü]/gu, (c) => transliterations[c] ?? c))
}
