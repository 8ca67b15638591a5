/** HTML escaping for text and attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
  )

/**
 * JSON safe inside a `<script>` element: `<` is written as its escapeHtml, so no `</script>` or `<!--`
 * in the data can end the element; U+2028/9 are escaped for older parsers.
 */
export const json = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")

/** Script text safe inside `<script>`: `</script` and `<!--` cannot occur. */
export const scriptText = (code: string): string =>
  code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--")
