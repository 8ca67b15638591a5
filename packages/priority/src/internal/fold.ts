import { Name } from "@blackbook/normalize"

/**
 * Folds text for searching with core's name folding: compatibility forms, diacritics, ß -> ss and
 * similar, lower-case. "Jürgen Weiß" -> "jurgen weiss".
 */
export const fold: (text: string) => string = Name.fold

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
