/**
 * The packages as an integrator gets them: each built with its tsconfig.build.json, packed with
 * `pnpm pack`, installed with npm into an empty project beside that project's own `effect` (the
 * library packages with `--engine-strict`), a consumer file type-checked with tsc, `mergeExports`
 * run on the example exports, and `npx blackbook merge` run there. It needs the npm registry, so it
 * runs under CI (CI=true), where the registry is reachable; elsewhere: `CI=true npx vitest run package`.
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"

const root = path.resolve(import.meta.dirname, "..")
const samples = path.join(root, "examples", "merge-exports", "sample-exports")
/** Every published package but the command, as folders under packages/ (so a new one is packed too). */
const libraries = ["", "sources"].flatMap((group) =>
  fs
    .readdirSync(path.join(root, "packages", group), { withFileTypes: true })
    .filter(
      (e) => e.isDirectory() && fs.existsSync(path.join(root, "packages", group, e.name, "package.json")),
    )
    .map((e) => path.join(group, e.name))
    .filter((dir) => {
      const manifest = JSON.parse(
        fs.readFileSync(path.join(root, "packages", dir, "package.json"), "utf8"),
      ) as {
        name: string
        private?: boolean
      }
      return manifest.private !== true && manifest.name !== "@blackbook/cli"
    }),
)
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc")

const sh = (cwd: string, file: string, args: ReadonlyArray<string>) =>
  execFileSync(file, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: process.env })

const consumer = `import { mergeExports, Merge, NodeFileSystem } from "blackbook"
import { Effect } from "effect"

const book = await mergeExports([process.argv[2]!], { region: "GB", now: new Date("2026-11-25T12:00:00Z") })
const first = book.contacts[0]
// the ranking fields are in the declared type
const tier: string | undefined = first?.tier
const score: number | undefined = first?.score
const result = await Effect.runPromise(
  Merge.merge([process.argv[2]!], { now: new Date("2026-11-25T12:00:00Z") }).pipe(Effect.provide(NodeFileSystem.layer)),
)
console.log(JSON.stringify({ contacts: book.contacts.length, tier, score, ranked: result.ranking.length }))
`

describe.runIf(process.env.CI === "true" || process.env.CI === "1")("the published packages", () => {
  it("build, pack, install beside the project's own effect, type-check and run", () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "bb-pack-"))
    const tarballs = path.join(work, "tarballs")
    fs.mkdirSync(tarballs)
    const pack = (dir: string) => {
      const folder = path.join(root, "packages", dir)
      sh(folder, process.execPath, [tsc, "-p", "tsconfig.build.json"])
      sh(folder, "pnpm", ["pack", "--pack-destination", tarballs])
    }
    for (const dir of libraries) pack(dir)
    pack("cli")
    const tarball = (name: string) =>
      path.join(tarballs, fs.readdirSync(tarballs).find((f) => f.startsWith(name))!)

    const app = path.join(work, "app")
    fs.mkdirSync(app)
    fs.writeFileSync(
      path.join(app, "package.json"),
      JSON.stringify({ name: "app", private: true, type: "module" }),
    )
    const libraryTarballs = fs.readdirSync(tarballs).filter((f) => !f.startsWith("blackbook-cli-"))
    // the library packages, and the app's own effect: one copy of it, shared
    sh(app, "npm", [
      "install",
      "--engine-strict",
      "--no-audit",
      "--no-fund",
      "effect@4.1.0",
      "typescript@5.9.3",
      "@types/node@20.19.43",
      ...libraryTarballs.map((f) => path.join(tarballs, f)),
    ])
    sh(app, "npm", ["install", "--no-audit", "--no-fund", tarball("blackbook-cli-")])
    const effects = sh(app, "npm", ["ls", "effect", "--all", "--parseable"]).trim().split("\n")
    expect(new Set(effects.map((p) => fs.realpathSync(p))).size).toBe(1)

    fs.writeFileSync(path.join(app, "consumer.ts"), consumer)
    fs.writeFileSync(
      path.join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "es2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          types: ["node"],
          outDir: "out",
        },
        files: ["consumer.ts"],
      }),
    )
    sh(app, "npx", ["tsc", "-p", "tsconfig.json"])
    const ran = JSON.parse(sh(app, process.execPath, ["out/consumer.js", samples])) as {
      contacts: number
      tier?: string
      score?: number
      ranked: number
    }
    expect(ran.contacts).toBeGreaterThan(10)
    expect(ran.tier).toBeTypeOf("string")
    expect(ran.score).toBeTypeOf("number")
    expect(ran.ranked).toBe(ran.contacts)

    sh(app, "npx", [
      "blackbook",
      "merge",
      samples,
      "-q",
      "--now",
      "2026-11-25",
      "-o",
      path.join(work, "book.json"),
    ])
    const book = JSON.parse(fs.readFileSync(path.join(work, "book.json"), "utf8")) as { contacts: unknown[] }
    expect(book.contacts.length).toBe(ran.contacts)
  }, 600_000)
})
