import { describe, expect, it } from "vitest"
import * as Memory from "../src/internal/memory.ts"

const external = (): number => process.memoryUsage().external

describe("Memory", () => {
  it("gives zeroed arrays of the asked length", () => {
    const a = Memory.int32(1000)
    const f = Memory.float64(1000)
    const u = Memory.uint8(1000)
    expect([a.length, f.length, u.length]).toEqual([1000, 1000, 1000])
    expect(a.every((x) => x === 0) && f.every((x) => x === 0) && u.every((x) => x === 0)).toBe(true)
    expect(Memory.buffer(24).byteLength).toBe(24)
  })

  it("lays them over shared buffers", () => {
    for (const view of [Memory.int32(8), Memory.float64(8), Memory.uint8(8)])
      expect(view.buffer).toBeInstanceOf(SharedArrayBuffer)
  })

  it("adds nothing to V8's external memory, which a plain buffer of the same size does", () => {
    const bytes = 64 * 1024 * 1024
    const before = external()
    const shared = Memory.buffer(bytes)
    const afterShared = external()
    const plain = new ArrayBuffer(bytes)
    const afterPlain = external()
    // The control shows the count moves on this runtime; the engine's buffer must not move it.
    expect(afterPlain - afterShared).toBeGreaterThanOrEqual(bytes)
    expect(afterShared - before).toBeLessThan(1024 * 1024)
    expect(shared.byteLength + plain.byteLength).toBe(2 * bytes)
  })
})
