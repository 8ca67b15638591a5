/**
 * The command as a person meets it (clig.dev): usage errors, help, standard input, paths that
 * start with a dash, a closed pipe, empty inputs, skipped files, outputs that must not be lost.
 * Most cases run the CLI in-process and capture what it writes; help, standard input, `--` and
 * the closed pipe run the real `bin.ts` in a process of its own.
 */
import { spawn, spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { run } from "@blackbook/cli"
import { beforeAll, describe, expect, it, vi } from "vitest"

const root = path.resolve(import.meta.dirname, "..")
const bin = path.join(root, "packages", "cli", "src", "bin.ts")
const tsx = path.join(root, "node_modules", "tsx", "dist", "esm", "index.mjs")
const samples = path.join(root, "examples", "merge-exports", "sample-exports")
const nodeArgs = ["--conditions=@blackbook/source", "--import", tsx, bin]
const env = { ...process.env, BLACKBOOK_NO_RESTART: "1", NO_COLOR: "1" }
let dir = ""

const card = (name: string, email: string) =>
  `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEMAIL:${email}\r\nEND:VCARD\r\n`

interface Ran {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** In-process: paths are taken relative to the test's folder. */
const blackbook = async (args: ReadonlyArray<string>): Promise<Ran> => {
  let stdout = ""
  let stderr = ""
  const text = (chunk: string | Uint8Array) =>
    typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk)
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += text(chunk)
    return true
  })
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += text(chunk)
    return true
  })
  try {
    const local = (a: string) => /^\w/.test(a) && (/[./]/.test(a) || fs.existsSync(path.join(dir, a)))
    const absolute = args.map((a) => (local(a) ? path.join(dir, a) : a))
    const code = await run(absolute)
    return { code, stdout, stderr }
  } finally {
    out.mockRestore()
    err.mockRestore()
  }
}

/** In a process of its own, in the test's folder. */
const spawned = (args: ReadonlyArray<string>, input?: string): Ran => {
  const r = spawnSync(process.execPath, [...nodeArgs, ...args], {
    cwd: dir,
    env,
    encoding: "utf8",
    ...(input !== undefined ? { input } : {}),
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A usage error: one line and a hint on stderr, nothing on stdout, exit 2. */
const expectUsageError = (r: Ran, mentions: string) => {
  expect(r.code).toBe(2)
  expect(r.stdout).toBe("")
  const lines = r.stderr.trimEnd().split("\n")
  expect(lines).toHaveLength(2)
  expect(lines[0]).toMatch(/^blackbook: /)
  expect(lines[0]).toContain(mentions)
  expect(lines[1]).toMatch(/--help/)
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bb-conventions-"))
  fs.writeFileSync(path.join(dir, "a.vcf"), card("Wren Abara", "wren@example.org"))
  fs.writeFileSync(path.join(dir, "-dash.vcf"), card("Ossian Pell", "ossian@example.net"))
  fs.mkdirSync(path.join(dir, "empty"))
  fs.mkdirSync(path.join(dir, "junk"))
  fs.writeFileSync(path.join(dir, "junk", "readme.txt"), "nothing to see\n")
  fs.writeFileSync(path.join(dir, "junk", "photo.jpg"), "not really a photo\n")
  fs.writeFileSync(path.join(dir, "empty.vcf"), "")
  fs.writeFileSync(path.join(dir, "empty.csv"), "")
  fs.mkdirSync(path.join(dir, "mixed"))
  fs.writeFileSync(path.join(dir, "mixed", "b.vcf"), card("Juno Sfeir", "juno@example.com"))
  fs.writeFileSync(path.join(dir, "mixed", "todo.txt"), "call Juno\n")
})

describe("usage errors", () => {
  it("an unknown flag", async () =>
    expectUsageError(await blackbook(["merge", "--bogus", "a.vcf"]), "--bogus"))
  it("a path that does not exist", async () =>
    expectUsageError(await blackbook(["merge", "missing.vcf"]), "missing.vcf"))
  it("a format it does not write", async () =>
    expectUsageError(await blackbook(["merge", "a.vcf", "--format", "xml"]), "xml"))
  it("top with a count that is no number nor path", async () =>
    expectUsageError(await blackbook(["top", "abc"]), "abc"))
  it("a path that starts with - before --", async () =>
    expectUsageError(await blackbook(["merge", "-dash.vcf"]), "--"))
  it("an unknown command", async () => expectUsageError(await blackbook(["frobnicate"]), "frobnicate"))
  it("no command", async () => expectUsageError(await blackbook([]), "merge"))
  it("--out naming an input", async () =>
    expectUsageError(await blackbook(["merge", "a.vcf", "-o", "a.vcf"]), "input"))
  it("--out inside an input folder", async () =>
    expectUsageError(await blackbook(["merge", "mixed", "-o", path.join("mixed", "book.json")]), "mixed"))
})

describe("help", () => {
  it("is printed on stdout, with examples, for --help and `blackbook help`", () => {
    for (const args of [["--help"], ["help"]]) {
      const r = spawned(args)
      expect(r.code).toBe(0)
      expect(r.stdout).toContain("merge")
      expect(r.stdout).toContain("EXAMPLES")
      expect(r.stderr).toBe("")
    }
    const merge = spawned(["help", "merge"])
    expect(merge.code).toBe(0)
    expect(merge.stdout).toContain("--strict")
    expect(merge.stdout).toContain("EXAMPLES")
  })
})

describe("inputs", () => {
  it("reads standard input for -", () => {
    const r = spawned(["merge", "-", "-q"], card("Tamsin Rook", "tamsin@example.org"))
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).contacts.map((c: { displayName: string }) => c.displayName)).toEqual([
      "Tamsin Rook",
    ])
  })

  it("reads a path that starts with - after --", () => {
    const r = spawned(["merge", "-q", "--", "-dash.vcf"])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).contacts[0].displayName).toBe("Ossian Pell")
  })

  it("warns about each empty input alike: exit 3, a line naming it, nothing on stdout", async () => {
    for (const input of ["empty", "junk", "empty.vcf", "empty.csv"]) {
      const r = await blackbook(["merge", input])
      expect(r.code, input).toBe(3)
      expect(r.stdout, input).toBe("")
      expect(r.stderr, input).toContain(`${input}:`)
      expect(r.stderr, input).toContain("nothing to read")
    }
  })

  it("names skipped files in the summary", async () => {
    const r = await blackbook(["merge", "mixed"])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(path.join("mixed", "todo.txt"))
  })

  it("--strict turns an unreadable input into a failure that writes nothing", async () => {
    fs.writeFileSync(path.join(dir, "notes.txt"), "just text\n")
    const out = path.join(dir, "strict.json")
    fs.writeFileSync(out, "previous book\n")
    const lenient = await blackbook([
      "merge",
      "a.vcf",
      "notes.txt",
      "-o",
      path.join(dir, "lenient.json"),
      "-q",
    ])
    expect(lenient.code).toBe(1)
    const strict = await blackbook(["merge", "a.vcf", "notes.txt", "-o", out, "-q", "--strict"])
    expect(strict.code).toBe(3)
    expect(fs.readFileSync(out, "utf8")).toBe("previous book\n")
  })
})

describe("outputs", () => {
  it("ends quietly with exit 0 when the reader closes the pipe (| head)", async () => {
    const child = spawn(process.execPath, [...nodeArgs, "merge", samples, "-q"], { cwd: dir, env })
    let stderr = ""
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString()
    })
    // read one chunk, then close the pipe as `head` does
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()))
    child.stdout.destroy()
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve))
    expect(stderr).not.toContain("EPIPE")
    expect(code).toBe(0)
  })

  it("leaves an existing book untouched when a run reads nothing", async () => {
    const out = path.join(dir, "kept.json")
    fs.writeFileSync(out, "previous book\n")
    const r = await blackbook(["merge", "empty.vcf", "-o", out])
    expect(r.code).toBe(3)
    expect(fs.readFileSync(out, "utf8")).toBe("previous book\n")
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([])
  })

  it("draws no progress when stderr is not a terminal, and lines with --progress", async () => {
    const quiet = await blackbook(["merge", samples, "-q"])
    expect(quiet.stderr).toBe("")
    const shown = await blackbook(["merge", samples, "-q", "--progress"])
    expect(shown.code).toBe(0)
    expect(shown.stderr).toMatch(/^reading: \d+\/\d+ files, /m)
    expect(shown.stderr).toMatch(/^writing: (\d+)\/\1 contacts$/m)
  })
})
