/**
 * The Twitter/X "Download your data" archive (2019 to today): the owner, every account they follow,
 * are followed by, mention, reply to or message (one record per account id), their uploaded address
 * book, and mentions, replies and direct messages as interactions.
 *
 * @since 0.1.0
 */
import { Source } from "@blackbook/model"
import { Result, Stream } from "effect"
import { SOURCE } from "./internal/accounts.ts"
import { readArchive } from "./internal/archive.ts"
import { dirOf, isJs, sniffFile } from "./internal/discover.ts"

/** The archive folders of a bundle: every folder holding a `window.YTD.` data file or the manifest. */
const archiveFolders = (files: ReadonlyArray<Source.InputFile>): ReadonlySet<string> => {
  const folders = new Set<string>()
  for (const file of files) {
    if (isJs(file.path) && !folders.has(dirOf(file.path)) && sniffFile(file)) folders.add(dirOf(file.path))
  }
  return folders
}

/** The `.js` files of each archive folder, in the bundle's order. */
const byFolder = (files: ReadonlyArray<Source.InputFile>): ReadonlyArray<ReadonlyArray<Source.InputFile>> => {
  const archives = archiveFolders(files)
  const folders = new Map<string, Array<Source.InputFile>>()
  for (const file of files) {
    const dir = dirOf(file.path)
    if (!isJs(file.path) || !archives.has(dir)) continue
    const list = folders.get(dir) ?? []
    list.push(file)
    folders.set(dir, list)
  }
  return [...folders.values()]
}

/**
 * Reads a Twitter/X archive, extracted or as zip entries, at any depth of the bundle.
 *
 * - `claim`: every `.js` file in a folder that holds a `window.YTD.*` data file or
 *   `window.__THAR_CONFIG` manifest (so files this adapter does not parse, like `like.js`, are not
 *   offered to other adapters; a broken data file is still claimed and reported).
 * - `read`: one Self per archive, one Record per counterpart account (`account:<id>`) and per uploaded
 *   contact (`contact:<n>`), then Interactions (`mention`, `reply`, `dm`), then Issues.
 *   Fails with `UnknownFormat` only when no file is an archive file at all.
 *
 * @category adapters
 * @since 0.1.0
 */
export const TwitterSource: Source.SourceAdapter = {
  name: SOURCE,
  kind: "archive",
  claim: (bundle) => {
    const folders = archiveFolders(bundle.files)
    return bundle.files.filter((file) => isJs(file.path) && folders.has(dirOf(file.path)))
  },
  read: (files, options) =>
    Stream.suspend(() => {
      const groups = byFolder(files)
      if (files.length > 0 && groups.length === 0) {
        return Stream.fail(
          new Source.SourceError({
            source: SOURCE,
            reason: new Source.UnknownFormat({
              path: files[0]!.path,
              detail: "no window.YTD data file or window.__THAR_CONFIG manifest: not a Twitter/X archive",
            }),
          }),
        )
      }
      return Source.readEach(groups, (group) => Result.succeed(readArchive(group, options)))
    }),
}
