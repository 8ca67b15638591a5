import { Effect, Exit, Result, Stream } from "effect"
import { describe, expect, it } from "vitest"
import * as Source from "../src/Source.ts"

const issue = (file: string, record: string): Source.SourceItem =>
  Source.issueItem({ file, record, reason: "invented" })

const unreadable = (path: string) =>
  new Source.SourceError({
    source: "test",
    reason: new Source.UnreadableFile({ path, detail: "cannot read", cause: new Error("disk gone") }),
  })

describe("SourceError", () => {
  it("keeps the underlying error as the reason's cause; the message stays path and detail", () => {
    const error = unreadable("a.vcf")
    expect(error.message).toBe("test: a.vcf: cannot read")
    expect(error.reason.cause).toBeInstanceOf(Error)
    expect((error.reason.cause as Error).message).toBe("disk gone")
  })
})

describe("Source.readEach", () => {
  it("emits each unit's items in unit order", async () => {
    const stream = Source.readEach(["a", "b"], (file) =>
      Result.succeed([issue(file, "row:1"), issue(file, "row:2")]),
    )
    const items = await Effect.runPromise(Stream.runCollect(stream))
    expect(items.map((i) => (i._tag === "Issue" ? `${i.issue.file} ${i.issue.record}` : i._tag))).toEqual([
      "a row:1",
      "a row:2",
      "b row:1",
      "b row:2",
    ])
  })

  it("reads a unit only when the stream reaches it, and stops at the first unreadable one", async () => {
    const read: Array<string> = []
    const stream = Source.readEach(["a", "bad", "c"], (file) => {
      read.push(file)
      return file === "bad" ? Result.fail(unreadable(file)) : Result.succeed([issue(file, "row:1")])
    })
    expect(read).toEqual([])
    const seen: Array<string> = []
    const exit = await Effect.runPromiseExit(
      Stream.runForEach(stream, (item) =>
        Effect.sync(() => {
          if (item._tag === "Issue") seen.push(item.issue.file)
        }),
      ),
    )
    expect(Exit.isFailure(exit)).toBe(true)
    expect(read).toEqual(["a", "bad"])
    expect(seen).toEqual(["a"])
  })

  // Stream.fromIterable pulls in chunks, so "lazily" means: not all of a long unit before the first item.
  it("pulls a unit's items lazily from its iterable", async () => {
    let made = 0
    function* items(): Generator<Source.SourceItem> {
      for (let i = 1; i <= 10_000; i++) {
        made++
        yield issue("big", `row:${i}`)
      }
    }
    const first = await Effect.runPromise(
      Stream.runCollect(
        Stream.take(
          Source.readEach(["big"], () => Result.succeed(items())),
          1,
        ),
      ),
    )
    expect(first).toHaveLength(1)
    expect(made).toBeLessThan(10_000)
  })
})
