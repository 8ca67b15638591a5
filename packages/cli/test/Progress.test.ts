import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { describe, expect, it, vi } from "vitest"
import { run } from "../src/index.ts"
import * as Progress from "../src/Progress.ts"

const sink = (isTTY: boolean) => {
  const writes: string[] = []
  return { isTTY, columns: 200, writes, write: (text: string) => writes.push(text) }
}

const reading = (done: number, total = 10) =>
  ({
    stage: "reading",
    done,
    total,
    unit: "files",
    bytes: done * 1024,
    bytesTotal: total * 1024,
    items: done,
  }) as const

describe("the progress line", () => {
  it("is silent when stderr is not a terminal and --progress is not given", () => {
    const s = sink(false)
    const line = Progress.make(s, false)
    line.update(reading(1))
    line.writing(5, 5)
    line.done()
    expect(s.writes).toEqual([])
  })

  it("prints one line per update with --progress off a terminal", () => {
    const s = sink(false)
    let now = 0
    const line = Progress.make(s, true, () => now)
    line.update(reading(1))
    now += 500
    line.update(reading(2))
    expect(s.writes).toEqual([
      "reading: 1/10 files, 1.0 KiB of 10.0 KiB, 1 items\n",
      "reading: 2/10 files, 2.0 KiB of 10.0 KiB, 2 items\n",
    ])
  })

  it("redraws in place on a terminal, several times a second but no faster, and always a stage's end", () => {
    const s = sink(true)
    let now = 0
    const line = Progress.make(s, false, () => now)
    for (let i = 0; i < 10; i++) {
      line.update(reading(i))
      now += 25
    }
    line.update(reading(10))
    line.writing(3, 3)
    line.done()
    // 250 ms of updates every 25 ms: redrawn every 100 ms (0, 100, 200), then the end of reading,
    // the writing line, and the clearing of the line
    expect(s.writes.length).toBe(6)
    expect(s.writes.every((w) => w.startsWith("\r\u001b[2K"))).toBe(true)
    expect(s.writes[4]).toContain("writing: 3/3 contacts")
  })
})

describe("the resolution stages", () => {
  it("show the pairs scored while comparing, and each stage's own count", () => {
    const step = (stage: string, done: number, total: number, unit = "pairs") =>
      Progress.describe({ stage, done, total, unit } as Parameters<typeof Progress.describe>[0])
    expect(step("comparing", 5120, 17080)).toBe("resolving: 5120/17080 pairs scored")
    expect(step("profiles", 1200, 7000, "records")).toBe("resolving: 1200/7000 records read")
    expect(step("blocking", 40, 100, "visits")).toBe("resolving: finding candidate pairs, 40%")
    expect(step("training", 0, 0)).toBe("resolving: training the model, 100%")
    expect(step("contacts", 64, 3127, "contacts")).toBe("resolving: 64/3127 contacts merged")
    expect(step("resolving", 7000, 7000, "records")).toBe("resolved 7000 records")
  })

  it("are redrawn as they come on a terminal, a new stage at once", () => {
    const s = sink(true)
    let now = 0
    const line = Progress.make(s, false, () => now)
    line.update({ stage: "comparing", done: 0, total: 100, unit: "pairs" })
    now += 10
    line.update({ stage: "comparing", done: 50, total: 100, unit: "pairs" })
    now += 100
    line.update({ stage: "comparing", done: 80, total: 100, unit: "pairs" })
    line.update({ stage: "training", done: 0, total: 10, unit: "pairs" })
    expect(s.writes.map((w) => w.replace("\r\u001b[2K", ""))).toEqual([
      "resolving: 0/100 pairs scored",
      "resolving: 80/100 pairs scored",
      "resolving: training the model, 0%",
    ])
  })
})

describe("blackbook merge --progress", () => {
  it("prints resolution's stages, the pairs scored among them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bb-progress-"))
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "bb-progress-out-"))
    // 40 invented people, each on a phone and in a mail client: pairs to score
    const card = (i: number, email: string) => [
      "BEGIN:VCARD",
      "VERSION:3.0",
      `FN:Person${i} Example`,
      `N:Example;Person${i};;;`,
      `EMAIL:${email}`,
      "END:VCARD",
    ]
    const people = Array.from({ length: 40 }, (_, i) => i)
    fs.writeFileSync(
      path.join(dir, "phone.vcf"),
      people.flatMap((i) => card(i, `person${i}@example.org`)).join("\r\n"),
    )
    fs.writeFileSync(
      path.join(dir, "mail.vcf"),
      people.flatMap((i) => card(i, `person${i}@example.org`)).join("\r\n"),
    )
    const lines: string[] = []
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk))
      return true
    })
    try {
      const code = await run(["merge", dir, "--out", path.join(outDir, "book.json"), "--progress", "-q"])
      expect(code).toBe(0)
    } finally {
      spy.mockRestore()
    }
    const text = lines.join("")
    expect(text).toMatch(/resolving: \d+\/80 records read/)
    expect(text).toMatch(/resolving: \d+\/\d+ pairs scored/)
    expect(text).toMatch(/resolving: \d+\/40 contacts merged/)
    expect(text).toContain("resolved 80 records")
  })
})
