import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"

const root = path.resolve(import.meta.dirname, "..")

interface Pkg {
  readonly dir: string
  readonly name: string
  readonly deps: ReadonlyArray<string>
  readonly imports: ReadonlyArray<string>
}

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(full)
    return e.name.endsWith(".ts") ? [full] : []
  })

const packages = (): Pkg[] => {
  const dirs = [
    ...fs.readdirSync(path.join(root, "packages")).map((d) => path.join(root, "packages", d)),
    ...fs
      .readdirSync(path.join(root, "packages", "sources"))
      .map((d) => path.join(root, "packages", "sources", d)),
  ].filter((d) => fs.existsSync(path.join(d, "package.json")))
  return dirs.map((dir) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
      name: string
      dependencies?: Record<string, string>
    }
    const imports = sourceFiles(path.join(dir, "src")).flatMap((f) =>
      [...fs.readFileSync(f, "utf8").matchAll(/from "([^".][^"]*)"/g)].map((m) => m[1]!),
    )
    return { dir, name: manifest.name, deps: Object.keys(manifest.dependencies ?? {}), imports }
  })
}

const blackbookNames = (p: Pkg) =>
  [...p.deps, ...p.imports]
    .filter((d) => d === "blackbook" || d.startsWith("@blackbook/"))
    .map((d) => d.split("/").slice(0, 2).join("/"))

describe("dependency directions", () => {
  const all = packages()

  it("finds the core, the five sources, the pipeline and the cli", () => {
    expect(all.map((p) => p.name).sort()).toEqual(
      expect.arrayContaining([
        "@blackbook/cli",
        "@blackbook/core",
        "@blackbook/priority",
        "@blackbook/source-contacts-csv",
        "@blackbook/source-ics",
        "@blackbook/source-linkedin",
        "@blackbook/source-twitter",
        "@blackbook/source-vcard",
        "blackbook",
      ]),
    )
  })

  it("core imports no other Blackbook package", () => {
    const core = all.find((p) => p.name === "@blackbook/core")!
    expect(blackbookNames(core).filter((n) => n !== "@blackbook/core")).toEqual([])
  })

  it("adapters import only core", () => {
    for (const p of all.filter((q) => q.name.startsWith("@blackbook/source-"))) {
      const others = blackbookNames(p).filter((n) => n !== "@blackbook/core" && n !== p.name)
      expect({ pkg: p.name, others }).toEqual({ pkg: p.name, others: [] })
    }
  })

  it("priority reads only core", () => {
    const priority = all.find((p) => p.name === "@blackbook/priority")!
    expect(
      blackbookNames(priority).filter((n) => n !== "@blackbook/core" && n !== "@blackbook/priority"),
    ).toEqual([])
  })

  it("only the cli depends on the cli, nothing depends on examples or tests", () => {
    for (const p of all.filter((q) => q.name !== "@blackbook/cli")) {
      expect(blackbookNames(p)).not.toContain("@blackbook/cli")
    }
  })
})
