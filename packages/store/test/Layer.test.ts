import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { Store } from "../src/index.ts"
import { examples } from "./fixtures.ts"

describe("Store.layer", () => {
  it("provides the store as a service to an Effect program, in memory", async () => {
    const program = Effect.gen(function* () {
      const store = yield* Store.Store
      const first = yield* store.import([examples], { now: new Date("2026-11-01T09:00:00Z") })
      const contacts = yield* store.contacts()
      const missing = yield* Effect.flip(store.link("no-such-record", "nor-this"))
      return {
        created: first.changes.contacts.created.length,
        contacts: contacts.length,
        missing: missing._tag,
      }
    })
    const result = await Effect.runPromise(
      program.pipe(Effect.provide(Store.layer({ book: "layer" })), Effect.provide(NodeFileSystem.layer)),
    )
    expect(result.created).toBe(result.contacts)
    expect(result.contacts).toBeGreaterThan(10)
    expect(result.missing).toBe("UnknownReference")
  })
})
