/**
 * PHOTO in its many shapes: 2.1 `ENCODING=BASE64;JPEG`, 3.0 `ENCODING=b;TYPE=JPEG`, a `data:`
 * URI (also under a contradictory `ENCODING=b`), a URL, or bare base64 without any parameter.
 * The result is always a URI (`data:` or remote); never fetched.
 */
import type { Parameter } from "./contentLine.ts"

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:/
const WEB = /^(?:https?|ftp|data|file|cid):/i

const mediaTypes: Readonly<Record<string, string>> = {
  JPEG: "image/jpeg",
  JPG: "image/jpeg",
  PNG: "image/png",
  GIF: "image/gif",
  BMP: "image/bmp",
  TIFF: "image/tiff",
  WEBP: "image/webp",
  HEIC: "image/heic",
}

// The first bytes of common image formats, in base64.
const magic: ReadonlyArray<readonly [string, string]> = [
  ["/9j/", "image/jpeg"],
  ["iVBORw0KGgo", "image/png"],
  ["R0lGOD", "image/gif"],
  ["Qk", "image/bmp"],
  ["UklGR", "image/webp"],
]

const sniff = (b64: string): string | undefined => magic.find(([prefix]) => b64.startsWith(prefix))?.[1]

// Length is not checked: exporters truncate (BlackBerry); a short image is still the user's data.
const isBase64 = (s: string): boolean => s.length >= 4 && BASE64.test(s)

/** The media type named by TYPE/MEDIATYPE or a bare 2.1 parameter (`JPEG`). */
const declaredType = (params: ReadonlyArray<Parameter>): string | undefined => {
  for (const p of params) {
    if (p.name !== undefined && p.name !== "TYPE" && p.name !== "MEDIATYPE") continue
    for (const v of p.values) {
      if (v.includes("/")) return v.toLowerCase()
      const t = mediaTypes[v.toUpperCase()]
      if (t) return t
    }
  }
  return undefined
}

const valueType = (params: ReadonlyArray<Parameter>): string | undefined =>
  params.find((p) => p.name === "VALUE")?.values[0]?.toLowerCase()

/**
 * A PHOTO (or LOGO) value as a URI; `undefined` when empty or unusable (the caller keeps an
 * unusable one in `extra`). `value` is already unescaped.
 */
export const photoUri = (
  value: string,
  base64: boolean,
  params: ReadonlyArray<Parameter>,
): { readonly uri: string } | { readonly empty: true } | undefined => {
  const compact = value.replace(/\s+/g, "")
  if (compact === "") return { empty: true }
  if (/^data:/i.test(compact)) return { uri: compact }
  const vt = valueType(params)
  if (!base64 && (vt === "uri" || vt === "url") && URI.test(value.trim())) return { uri: value.trim() }
  if (!base64 && WEB.test(value.trim())) return { uri: value.trim() }
  // 3.0 files sometimes carry base64 without ENCODING=b; accept it only when it looks like an image
  const sniffed = isBase64(compact) ? sniff(compact) : undefined
  if (base64 || (vt !== "text" && sniffed)) {
    if (!isBase64(compact)) return undefined
    // the bytes win over the label: Apple writes TYPE=JPEG on PNG data
    const type = sniffed ?? declaredType(params) ?? "application/octet-stream"
    return { uri: `data:${type};base64,${compact}` }
  }
  return undefined
}
