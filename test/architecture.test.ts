import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"

const root = path.resolve(import.meta.dirname, "..")

interface Pkg {
  readonly dir: string
  readonly name: string
  /** Blackbook packages in `dependencies` (what an installed copy brings along). */
  readonly deps: ReadonlyArray<string>
  /** Source file -> the specifiers it imports or re-exports. */
  readonly files: ReadonlyMap<string, ReadonlyArray<string>>
}

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(full)
    return e.name.endsWith(".ts") ? [full] : []
  })

const specifiers = (text: string): Array<string> =>
  [...text.matchAll(/(?:from|import)\s+"([^"]+)"/g)].map((m) => m[1]!)

const isBlackbook = (d: string) =>
  d === "blackbook" || d.startsWith("blackbook/") || d.startsWith("@blackbook/")
const packageOf = (d: string) => (d.startsWith("@") ? d.split("/").slice(0, 2).join("/") : d.split("/")[0]!)

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
    const files = new Map(
      sourceFiles(path.join(dir, "src")).map((f) => [f, specifiers(fs.readFileSync(f, "utf8"))] as const),
    )
    return {
      dir,
      name: manifest.name,
      deps: Object.keys(manifest.dependencies ?? {}).filter(isBlackbook),
      files,
    }
  })
}

/** The Blackbook packages a package's sources import. */
const imported = (p: Pkg): Array<string> => [
  ...new Set(
    [...p.files.values()]
      .flat()
      .filter(isBlackbook)
      .map(packageOf)
      .filter((n) => n !== p.name),
  ),
]

const sources = [
  "@blackbook/source-contacts-csv",
  "@blackbook/source-ics",
  "@blackbook/source-linkedin",
  "@blackbook/source-twitter",
  "@blackbook/source-vcard",
]

/**
 * What each package may depend on. Data flows one way: adapters -> model -> resolve -> rank ->
 * export; normalisers serve adapters and the engine alike.
 */
const allowed: Record<string, ReadonlyArray<string>> = {
  "@blackbook/model": [],
  "@blackbook/normalize": ["@blackbook/model"],
  "@blackbook/resolve": ["@blackbook/model", "@blackbook/normalize"],
  ...Object.fromEntries(sources.map((s) => [s, ["@blackbook/model", "@blackbook/normalize"]])),
  "@blackbook/priority": ["@blackbook/model", "@blackbook/normalize"],
  blackbook: [
    "@blackbook/model",
    "@blackbook/normalize",
    "@blackbook/resolve",
    "@blackbook/priority",
    ...sources,
  ],
  "@blackbook/report": [
    "@blackbook/model",
    "@blackbook/normalize",
    "@blackbook/resolve",
    "@blackbook/priority",
  ],
  "@blackbook/store": [
    "blackbook",
    "@blackbook/model",
    "@blackbook/normalize",
    "@blackbook/resolve",
    "@blackbook/priority",
  ],
  "@blackbook/cli": [
    "blackbook",
    "@blackbook/report",
    "@blackbook/store",
    "@blackbook/model",
    "@blackbook/normalize",
    "@blackbook/resolve",
    "@blackbook/priority",
    "@blackbook/source-contacts-csv",
  ],
}

/** Every cycle of module imports inside the packages' sources, as lists of files. */
const cycles = (all: ReadonlyArray<Pkg>): Array<Array<string>> => {
  const byName = new Map(all.map((p) => [p.name, p] as const))
  const graph = new Map<string, Array<string>>()
  for (const p of all) {
    for (const [file, specs] of p.files) {
      const targets: Array<string> = []
      for (const s of specs) {
        if (s.startsWith(".")) targets.push(path.resolve(path.dirname(file), s))
        else if (isBlackbook(s)) {
          const target = byName.get(packageOf(s))
          const sub = s.slice(packageOf(s).length + 1)
          if (target === undefined) continue
          const candidates =
            sub === "" ? ["src/index.ts"] : sub === "testing" ? ["src/testing/index.ts"] : [`src/${sub}.ts`]
          targets.push(path.join(target.dir, candidates[0]!))
        }
      }
      graph.set(file, targets)
    }
  }
  // Tarjan's strongly connected components: any component of two or more files is a cycle.
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: Array<string> = []
  const onStack = new Set<string>()
  const found: Array<Array<string>> = []
  let next = 0
  const visit = (v: string) => {
    index.set(v, next)
    low.set(v, next)
    next++
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const component: Array<string> = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(path.relative(root, w))
      } while (w !== v)
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found
}

describe("dependency directions", () => {
  const all = packages()

  it("finds the model, the normalisers, the engine, the five sources, priority, the pipeline and the cli", () => {
    expect(all.map((p) => p.name).sort()).toEqual(expect.arrayContaining(Object.keys(allowed).sort()))
  })

  it.each(Object.entries(allowed))("%s depends only on the packages before it", (name, permitted) => {
    const p = all.find((q) => q.name === name)!
    const outside = [...new Set([...p.deps, ...imported(p)])].filter((n) => !permitted.includes(n))
    expect({ name, outside }).toEqual({ name, outside: [] })
  })

  it("every Blackbook package a package imports is declared in its dependencies", () => {
    for (const p of all) {
      const undeclared = imported(p).filter((n) => !p.deps.includes(n))
      expect({ pkg: p.name, undeclared }).toEqual({ pkg: p.name, undeclared: [] })
    }
  })

  it("adapters do not know the engine or each other", () => {
    for (const p of all.filter((q) => sources.includes(q.name))) {
      expect(imported(p).filter((n) => n === "@blackbook/resolve" || sources.includes(n))).toEqual([])
    }
  })

  it("only the cli depends on the cli", () => {
    for (const p of all.filter((q) => q.name !== "@blackbook/cli")) {
      expect(imported(p)).not.toContain("@blackbook/cli")
    }
  })

  it("no two modules import each other, directly or round a loop", () => {
    expect(cycles(all)).toEqual([])
  })
})

describe("the cycle finder", () => {
  it("finds a loop of two modules and one of three", () => {
    const dir = fs.mkdtempSync(path.join(root, "test", ".cycles-"))
    try {
      const src = path.join(dir, "src")
      fs.mkdirSync(src)
      fs.writeFileSync(path.join(src, "A.ts"), 'import { b } from "./B.ts"\n')
      fs.writeFileSync(path.join(src, "B.ts"), 'import { a } from "./A.ts"\n')
      fs.writeFileSync(path.join(src, "C.ts"), 'export * from "./D.ts"\n')
      fs.writeFileSync(path.join(src, "D.ts"), 'import "./E.ts"\n')
      fs.writeFileSync(path.join(src, "E.ts"), 'import type { C } from "./C.ts"\n')
      fs.writeFileSync(path.join(src, "F.ts"), 'import { a } from "./A.ts"\n')
      const files = new Map(sourceFiles(src).map((f) => [f, specifiers(fs.readFileSync(f, "utf8"))] as const))
      const found = cycles([{ dir, name: "@blackbook/fake", deps: [], files }]).map((c) =>
        c.map((f) => path.basename(f)),
      )
      expect(found.sort()).toEqual([
        ["A.ts", "B.ts"],
        ["C.ts", "D.ts", "E.ts"],
      ])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
