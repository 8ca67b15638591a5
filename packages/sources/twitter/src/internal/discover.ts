/**
 * Finding an archive's data files: which file holds which data type and part. The file's own
 * `window.YTD.<global>.partN` prefix decides; where the prefix is unreadable, the manifest's
 * `dataTypes.<type>.files[{fileName, globalName}]` listing; failing that, the file name
 * (`direct-messages-part1.js` -> `direct_messages`, part 1).
 */
import { type Source, Text } from "@blackbook/model"
import { asArray, asObject, asText, type Obj } from "./json.ts"
import { parse, type Sniffed, sniff } from "./ytd.ts"

/** Bytes to sniff: enough for the longest prefix even after a BOM and leading whitespace. */
const SNIFF_BYTES = 256

/** The folder part of a path (zip entries use `/`, Windows folders `\`). */
export const dirOf = (path: string): string => {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"))
  return cut < 0 ? "" : path.slice(0, cut)
}

/** The file-name part of a path. */
export const baseOf = (path: string): string => {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"))
  return path.slice(cut + 1)
}

/** Whether a path names a JavaScript file, the only kind an archive's data folder holds. */
export const isJs = (path: string): boolean => /\.js$/i.test(path)

/** Sniffs a file's first bytes. */
export const sniffFile = (file: Source.InputFile): Sniffed | undefined =>
  sniff(Text.head(file.bytes, SNIFF_BYTES))

/** Global names the archive uses for the same data type in different vintages. */
const canonical = (global: string): string => (global === "tweet" ? "tweets" : global)

/** `direct-messages-part2.js` -> `{global: "direct_messages", part: 2}`. */
const fromFileName = (name: string): { global: string; part: number } | undefined => {
  const m = /^([A-Za-z0-9_-]+?)(?:-part(\d+))?\.js$/i.exec(name)
  return m ? { global: m[1]!.replace(/-/g, "_"), part: m[2] ? Number(m[2]) : 0 } : undefined
}

/** `YTD.tweets.part1` (with or without `window.`) -> `{global: "tweets", part: 1}`. */
const fromGlobalName = (name: string): { global: string; part: number } | undefined => {
  const m = /^(?:window\.)?YTD\.([A-Za-z0-9_$]+)\.part(\d+)$/.exec(name)
  return m ? { global: m[1]!, part: Number(m[2]) } : undefined
}

/** One data file with the type it holds. */
export interface DataFile {
  readonly file: Source.InputFile
  /** Canonical global name (`tweets`, `direct_messages`...). */
  readonly global: string
  readonly part: number
}

/** The manifest's `userInfo`, the owner as Twitter describes them. */
export interface ManifestOwner {
  readonly file: string
  readonly accountId?: string
  readonly userName?: string
  readonly displayName?: string
}

/** One archive folder's data files by canonical global name, parts in order. */
export interface Discovery {
  readonly files: ReadonlyMap<string, ReadonlyArray<DataFile>>
  readonly owner: ManifestOwner | undefined
  readonly issues: ReadonlyArray<Source.RecordIssue>
}

interface ManifestEntry {
  readonly type: string
  readonly fileName: string
  readonly globalName: string
  readonly global: string
  readonly part: number
}

const manifestEntries = (config: Obj): ReadonlyArray<ManifestEntry> => {
  const out: Array<ManifestEntry> = []
  for (const [type, spec] of Object.entries(asObject(config.dataTypes) ?? {})) {
    for (const f of asArray(asObject(spec)?.files)) {
      const fileName = asText(asObject(f)?.fileName)
      const globalName = asText(asObject(f)?.globalName) ?? ""
      const named = fromGlobalName(globalName)
      if (fileName && named) {
        out.push({ type, fileName, globalName, global: canonical(named.global), part: named.part })
      }
    }
  }
  return out
}

const manifestOwner = (file: string, config: Obj): ManifestOwner => {
  const info = asObject(config.userInfo) ?? {}
  const accountId = asText(info.accountId)
  const userName = asText(info.userName)
  const displayName = asText(info.displayName)
  return {
    file,
    ...(accountId ? { accountId } : {}),
    ...(userName ? { userName } : {}),
    ...(displayName ? { displayName } : {}),
  }
}

/**
 * Assigns the files of one archive folder to data types. `wanted` limits the result (and the
 * manifest's missing-file check) to the types the caller reads; other files are never decoded.
 */
export const discover = (files: ReadonlyArray<Source.InputFile>, wanted: ReadonlySet<string>): Discovery => {
  const issues: Array<Source.RecordIssue> = []
  const sniffed = files.map((file) => ({ file, sniffed: sniffFile(file) }))

  const manifestFile =
    sniffed.find((s) => s.sniffed?.kind === "manifest")?.file ??
    files.find((f) => baseOf(f.path).toLowerCase() === "manifest.js")
  let entries: ReadonlyArray<ManifestEntry> = []
  let owner: ManifestOwner | undefined
  if (manifestFile) {
    const parsed = parse(Text.decodeText(manifestFile.bytes).text)
    const config = parsed.ok ? asObject(parsed.value) : undefined
    if (config) {
      entries = manifestEntries(config)
      owner = manifestOwner(manifestFile.path, config)
    } else {
      issues.push({
        file: manifestFile.path,
        record: "file",
        reason: parsed.ok ? "manifest.js does not hold an object" : `manifest.js ${parsed.reason}`,
        ...(!parsed.ok && parsed.line !== undefined ? { line: parsed.line } : {}),
      })
    }
  }
  const listed = new Map(entries.map((e) => [baseOf(e.fileName), e]))

  const byType = new Map<string, Array<DataFile>>()
  for (const { file, sniffed: s } of sniffed) {
    if (file === manifestFile) continue
    const name = baseOf(file.path)
    const typed =
      s?.kind === "ytd"
        ? { global: canonical(s.global), part: s.part }
        : (listed.get(name) ?? fromFileName(name))
    if (!typed) continue
    const global = canonical(typed.global)
    if (!wanted.has(global)) continue
    const list = byType.get(global) ?? []
    list.push({ file, global, part: typed.part })
    byType.set(global, list)
  }
  for (const list of byType.values())
    list.sort((a, b) => a.part - b.part || a.file.path.localeCompare(b.file.path))

  const present = new Set(files.map((f) => baseOf(f.path)))
  for (const e of entries) {
    if (!wanted.has(e.global) || present.has(baseOf(e.fileName))) continue
    issues.push({
      file: manifestFile!.path,
      record: `dataType:${e.type}`,
      reason: `manifest.js lists ${e.fileName} (${e.globalName}) but the archive has no such file`,
    })
  }
  return { files: byType, owner, issues }
}
