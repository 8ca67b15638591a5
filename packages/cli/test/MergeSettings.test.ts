import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { ModelJson, Settings } from "@blackbook/resolve"
import { Result, Schema } from "effect"
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest"
import { run } from "../src/index.ts"

let dir = ""
/** Outputs go beside the inputs, never inside an input folder (that is a usage error). */
let out = ""

const vcf = [
  "BEGIN:VCARD",
  "VERSION:3.0",
  "FN:Tess Varga",
  "N:Varga;Tess;;;",
  "ORG:Lumen Labs",
  "END:VCARD",
  "",
].join("\r\n")

const csv = ["First Name,Last Name,E-mail Address,Company", "Tess,Varga,,Northwind", ""].join("\r\n")

/** The parts of the settings JSON these tests edit. */
interface SettingsJson {
  reviewThreshold: number
  comparisons: Array<{ levels: Array<{ when: unknown }> }>
}

const settingsFile = (name: string, edit: (json: SettingsJson) => void): string => {
  const json: SettingsJson = JSON.parse(JSON.stringify(Settings.toJson(Settings.defaults)))
  edit(json)
  const file = path.join(dir, name)
  fs.writeFileSync(file, JSON.stringify(json))
  return file
}

/** Runs the CLI with standard error captured. */
const runCapturing = async (args: ReadonlyArray<string>) => {
  let stderr = ""
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk)
    return true
  })
  try {
    const code = await run([...args])
    return { code, stderr }
  } finally {
    spy.mockRestore()
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bb-settings-"))
  out = fs.mkdtempSync(path.join(os.tmpdir(), "bb-settings-out-"))
  fs.writeFileSync(path.join(dir, "phone.vcf"), vcf)
  fs.writeFileSync(path.join(dir, "outlook.csv"), csv)
})

afterEach(() => vi.restoreAllMocks())

const reviewOf = async (extra: ReadonlyArray<string>) => {
  const review = path.join(out, `review-${extra.length}.json`)
  const code = await run([
    "merge",
    dir,
    "--out",
    path.join(out, "b.json"),
    "--review",
    review,
    "-q",
    ...extra,
  ])
  expect(code).toBe(0)
  return JSON.parse(fs.readFileSync(review, "utf8")) as Array<unknown>
}

describe("blackbook merge --settings / --save-model", () => {
  it("resolves with the settings of the file", async () => {
    // The two Tess Vargas at two companies are a question by default, not with a review band of 0.999.
    expect(await reviewOf(["--now", "2026-01-01"])).toHaveLength(1)
    const strict = settingsFile("strict.json", (json) => {
      json.reviewThreshold = 0.999
    })
    expect(await reviewOf(["--now", "2026-01-01", "--settings", strict])).toHaveLength(0)
  })

  it("rejects a level kind its field does not take, naming the path (usage error)", async () => {
    const given = Settings.defaults.comparisons.findIndex((c) => c.field === "given")
    const bad = settingsFile("bad.json", (json) => {
      json.comparisons[given]!.levels[2]!.when = { kind: "tail" }
    })
    const r = await runCapturing(["merge", dir, "--settings", bad, "-q"])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`--settings ${bad}`)
    expect(r.stderr).toContain(`["comparisons"][${given}]["levels"][2]["when"]`)
  })

  it("rejects a settings file that is not JSON (usage error)", async () => {
    const bad = path.join(dir, "not.json")
    fs.writeFileSync(bad, "{ threshold: ")
    const r = await runCapturing(["merge", dir, "--settings", bad, "-q"])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("is not JSON")
  })

  it("saves the trained model beside the book", async () => {
    const file = path.join(out, "model.json")
    const code = await run(["merge", dir, "--out", path.join(out, "m.json"), "--save-model", file, "-q"])
    expect(code).toBe(0)
    const decoded = Schema.decodeUnknownResult(ModelJson.ModelJson)(JSON.parse(fs.readFileSync(file, "utf8")))
    expect(Result.isSuccess(decoded)).toBe(true)
    if (!Result.isSuccess(decoded)) return
    const model = decoded.success
    expect(model.comparisons.map((c) => c.name)).toEqual(Settings.defaults.comparisons.map((c) => c.name))
    expect(model.prior).toBeGreaterThan(0)
    expect(model.prior).toBeLessThan(0.5)
    expect(model.priorBits).toBeCloseTo(Math.log2(model.prior / (1 - model.prior)), 9)
    // A level weighs log2(m/u), or more where an exact identifier is floored (Settings.identifiers).
    const levels = model.comparisons.flatMap((c) => c.levels.filter((l) => l.kind !== "null"))
    for (const l of levels) expect(l.bits).toBeGreaterThanOrEqual(Math.log2(l.m / l.u) - 1e-9)
    expect(levels.filter((l) => Math.abs(l.bits - Math.log2(l.m / l.u)) < 1e-9).length).toBeGreaterThan(0)
  })
})
