/**
 * Loading the fixture archives as input bundles, the way the CLI would hand over a zip's entries.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import type { Source } from "@blackbook/model"
import { fileInput, textInput } from "@blackbook/model/testing"

const here = path.dirname(new URL(import.meta.url).pathname)

const walk = (dir: string): ReadonlyArray<string> =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort()

/** Every file of a fixture archive, named `<name>.zip/<path inside>`. */
export const bundle = (name: "twitter-2020" | "twitter-2023"): Source.InputBundle => {
  const root = path.join(here, "golden", name)
  return {
    origin: `${name}.zip`,
    files: walk(root).map((p) =>
      fileInput(p, `${name}.zip/${path.relative(root, p).split(path.sep).join("/")}`),
    ),
  }
}

/** The bundle's files with those whose path ends in `suffix` removed. */
export const without = (
  files: ReadonlyArray<Source.InputFile>,
  ...suffixes: ReadonlyArray<string>
): ReadonlyArray<Source.InputFile> => files.filter((f) => !suffixes.some((s) => f.path.endsWith(s)))

/** The bundle's files with the one ending in `suffix` given new text. */
export const replaced = (
  files: ReadonlyArray<Source.InputFile>,
  suffix: string,
  text: string,
): ReadonlyArray<Source.InputFile> => {
  const hits = files.filter((f) => f.path.endsWith(suffix))
  if (hits.length !== 1) throw new Error(`expected one file ending in ${suffix}, found ${hits.length}`)
  return files.map((f) => (f.path.endsWith(suffix) ? textInput(f.path, text) : f))
}
