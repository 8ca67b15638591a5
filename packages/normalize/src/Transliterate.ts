/**
 * Names in other scripts, for comparison: Cyrillic and Greek are transliterated to Latin (one
 * common romanisation, good enough for fuzzy comparison: Васильев ~ Vasiliev), any other script
 * (Han, Arabic, Khmer, Hangul...) is reported so the comparison treats the name as unknown rather
 * than as a different name.
 */

// Russian, Ukrainian and Belarusian letters, lower-case (folding lower-cases first).
const cyrillic: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ґ: "g",
  д: "d",
  е: "e",
  ё: "e",
  є: "ye",
  ж: "zh",
  з: "z",
  и: "i",
  і: "i",
  ї: "yi",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ў: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
}

const greek: Readonly<Record<string, string>> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
}

const table: Readonly<Record<string, string>> = { ...cyrillic, ...greek }
const translatable = /[\u0370-\u03ff\u0400-\u04ff]/u
const pattern = /[\u0370-\u03ff\u0400-\u04ff]/gu
// Letters of a script we neither compare as Latin nor transliterate.
const otherScript =
  /[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]/u

/** Latin spelling of a folded (lower-case) token; tokens without Greek or Cyrillic letters are returned as is. */
export const toLatin = (token: string): string =>
  translatable.test(token) ? token.replace(pattern, (c) => table[c] ?? c) : token

/**
 * The script family of a folded name: "latin" (including transliterated Greek and Cyrillic) or
 * "other" (names in it are only compared with names in the same script).
 */
export const scriptOf = (text: string): "latin" | "other" => (otherScript.test(text) ? "other" : "latin")
