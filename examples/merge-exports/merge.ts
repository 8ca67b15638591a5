/**
 * `pnpm example`: merges the invented sample exports in ./sample-exports (a vCard file, an Outlook
 * CSV, a Google CSV, a LinkedIn export, a Twitter/X archive and a calendar), prints the merged people
 * as a table, and writes out/book.json and out/book.vcf.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { Export, Merge } from "blackbook"
import { Effect } from "effect"

const here = import.meta.dirname
const inputs = [path.join(here, "sample-exports")]
const out = path.join(here, "out")

const cell = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width)

const program = Effect.gen(function* () {
  const result = yield* Merge.merge(inputs, {
    now: new Date("2026-11-25T12:00:00Z"),
    region: "GB",
    me: ["alex.morgan@example.com"],
  })
  const { book } = result
  const rows = book.contacts.map((c) => {
    const interactions = book.interactions.get(c.id) ?? []
    return [
      c.displayName,
      String(c.records.length),
      [...new Set(c.records.map((r) => r.provenance.source))].sort().join(","),
      c.emails[0]?.value ?? "",
      c.phones[0]?.value ?? "",
      c.organizations[0]?.company ?? "",
      String(interactions.length),
    ]
  })
  const widths = [28, 4, 34, 32, 16, 24, 5]
  const header = ["name", "recs", "sources", "e-mail", "phone", "company", "acts"]
  console.log(header.map((h, i) => cell(h, widths[i]!)).join(" "))
  console.log(widths.map((w) => "-".repeat(w)).join(" "))
  for (const row of rows) console.log(row.map((v, i) => cell(v, widths[i]!)).join(" "))
  console.log("")
  const merged = book.contacts.filter((c) => c.records.length > 1)
  console.log(
    `${book.contacts.length} people from ${Object.values(book.stats.recordsBySource).reduce((a, b) => a + b, 0)} records; ${merged.length} of them merged from several records, e.g.:`,
  )
  for (const c of merged.slice(0, 5)) console.log(`  ${c.displayName}: ${c.match[0]?.reason ?? ""}`)
  if (book.errors.length > 0)
    console.log(`${book.errors.length} records rejected (see "errors" in book.json)`)
  fs.mkdirSync(out, { recursive: true })
  fs.writeFileSync(
    path.join(out, "book.json"),
    Export.render(book, "json", { failures: result.failures, ranking: result.ranking }),
  )
  fs.writeFileSync(path.join(out, "book.vcf"), Export.render(book, "vcf"))
  console.log(`wrote ${path.relative(process.cwd(), path.join(out, "book.json"))} and book.vcf`)
})

// Merge reads the sample folder through effect's FileSystem: on Node, the Node one.
Effect.runPromise(program.pipe(Effect.provide(NodeFileSystem.layer))).catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
