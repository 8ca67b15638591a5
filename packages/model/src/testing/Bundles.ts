/**
 * Input bundles made from fixture files and folders on disk, named the way the CLI names them.
 *
 * @since 0.2.0
 */
import * as fs from "node:fs"
import * as path from "node:path"
import type { InputBundle } from "../Source.ts"

const walk = (dir: string): ReadonlyArray<string> =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort()

/**
 * One file as a bundle of one, named `name` (defaults to its base name, so the bundle does not
 * depend on where the repository is checked out).
 *
 * @category testing
 * @since 0.2.0
 */
export const fileBundle = (filePath: string, name: string = path.basename(filePath)): InputBundle => ({
  origin: name,
  files: [{ path: name, bytes: new Uint8Array(fs.readFileSync(filePath)) }],
})

/**
 * Every file below a folder, sorted, named `<origin>/<path inside the folder>` as a zip's entries
 * are (`origin` defaults to the folder's base name).
 *
 * @category testing
 * @since 0.2.0
 */
export const folderBundle = (dir: string, origin: string = path.basename(dir)): InputBundle => ({
  origin,
  files: walk(dir).map((p) => ({
    path: `${origin}/${path.relative(dir, p).split(path.sep).join("/")}`,
    bytes: new Uint8Array(fs.readFileSync(p)),
  })),
})
