import { Book } from "@blackbook/resolve"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { Merge } from "blackbook"
import { Effect } from "effect"
import { Heap } from "@blackbook/cli"
const NOW = new Date("2026-11-25T00:00:00Z")
const mb = (n: number) => Math.round(n / 1048576)
const snap = (label: string) => {
  const m = process.memoryUsage()
  console.log(label, "rss", mb(m.rss), "heap", mb(m.heapUsed), "ext", mb(m.external), "ab", mb(m.arrayBuffers), "maxRSS", Math.round(process.resourceUsage().maxRSS / 1024))
}
snap("start")
const read = await Effect.runPromise(Merge.read([process.argv[2]!], { now: NOW }).pipe(Effect.provide(NodeFileSystem.layer)))
snap("after read")
;(globalThis as any).gc?.()
snap("after read+gc")
const collectGarbage = Heap.collectGarbage()
const book = Book.build(read.items, { now: NOW, ...(collectGarbage ? { collectGarbage } : {}) })
snap("after build")
;(globalThis as any).gc?.()
snap("after build+gc")
console.log(book.contacts.length)
