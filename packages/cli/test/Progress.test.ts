import { describe, expect, it } from "vitest"
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
