/**
 * `text` without the run of characters at its end that `strip` matches (a one-character test).
 * The same as `text.replace(/[;,\s]+$/, "")` but linear: V8 retries such a pattern from every
 * character of a long run that is not at the end. (model's `Text.trimEndMatching` is the same for
 * the adapters; this package stays free of model's Node-only text decoding, as the browser report
 * uses it.)
 */
export const trimEndMatching = (text: string, strip: RegExp): string => {
  let end = text.length
  while (end > 0 && strip.test(text[end - 1]!)) end--
  return end === text.length ? text : text.slice(0, end)
}
