import { Source, SourceRecord } from "@blackbook/model"
import { Book } from "@blackbook/resolve"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import { it as effectIt } from "@effect/vitest"
import { Effect, Exit, FileSystem, Stream } from "effect"
import { zipSync } from "fflate"
import { describe, expect, it } from "vitest"
import { Merge, mergeAndRender, mergeExports } from "../src/index.ts"

const bytes = (text: string) => new TextEncoder().encode(text)

const vcf = bytes(
  [
    "BEGIN:VCARD",
    "VERSION:3.0",
    "FN:Ilse Brandt",
    "N:Brandt;Ilse;;;",
    "EMAIL:ilse.brandt@example.de",
    "END:VCARD",
    "",
  ].join("\r\n"),
)
const outlook = bytes(
  "First Name,Last Name,E-mail Address,Company\r\nIlse,Brandt,ILSE.BRANDT@example.de,Fernweh GmbH\r\nKai,Lund,kai@example.no,\r\n",
)
const connections = bytes(
  [
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    "",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    "Kai,Lund,https://www.linkedin.com/in/kai-lund-demo,kai@example.no,Nordlys AS,Skipper,03 Mar 2025",
  ].join("\n"),
)

describe("Merge.read", () => {
  it("lets each adapter claim its files by content, whatever their names", async () => {
    const result = await Effect.runPromise(
      Merge.read([
        { name: "phone-backup.txt", bytes: vcf },
        { name: "export.dat", bytes: outlook },
      ]).pipe(Effect.provide(NodeFileSystem.layer)),
    )
    expect(result.inputs.map((i) => [i.input, i.claimed])).toEqual([
      ["phone-backup.txt", { vcard: 1 }],
      ["export.dat", { "contacts-csv": 1 }],
    ])
    expect(result.items.filter((i) => i._tag === "Record")).toHaveLength(3)
    expect(result.failures).toEqual([])
  })

  it("gives a LinkedIn export in a zip to the LinkedIn adapter, not the CSV one", async () => {
    const zip = zipSync({
      "Basic_LinkedInDataExport/Connections.csv": connections,
      "notes/readme.md": bytes("# hi"),
    })
    const result = await Effect.runPromise(
      Merge.read([{ name: "linkedin.zip", bytes: zip }]).pipe(Effect.provide(NodeFileSystem.layer)),
    )
    expect(result.inputs[0]?.claimed).toEqual({ linkedin: 1 })
    expect(result.inputs[0]?.skipped).toEqual(["linkedin.zip/notes/readme.md"])
    const record = result.items.find((i) => i._tag === "Record")
    expect(record?._tag === "Record" && record.record.provenance).toEqual({
      source: "linkedin",
      file: "linkedin.zip/Basic_LinkedInDataExport/Connections.csv",
      record: "row:1",
    })
  })

  it("reports an unsafe zip as a failure of that input and reads the rest", async () => {
    const evil = zipSync({ "../../etc/cron.d/x.vcf": vcf })
    const result = await Effect.runPromise(
      Merge.read([
        { name: "evil.zip", bytes: evil },
        { name: "ok.vcf", bytes: vcf },
      ]).pipe(Effect.provide(NodeFileSystem.layer)),
    )
    expect(result.failures.map((f) => [f.input, f.error.reason._tag])).toEqual([
      ["evil.zip", "UnsafeArchive"],
    ])
    expect(result.items.filter((i) => i._tag === "Record")).toHaveLength(1)
  })

  effectIt.effect(
    "takes now from the Clock when none is given, the same for the book and every adapter",
    () =>
      Effect.gen(function* () {
        // @effect/vitest's TestClock starts at the epoch
        const ics = bytes(
          [
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "UID:u1",
            "DTSTART:19691231T100000Z",
            "ORGANIZER:mailto:me@example.org",
            "ATTENDEE:mailto:kai@example.no",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:u2",
            "DTSTART:19700102T100000Z",
            "ORGANIZER:mailto:me@example.org",
            "ATTENDEE:mailto:kai@example.no",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
          ].join("\r\n"),
        )
        const result = yield* Merge.merge([{ name: "cal.ics", bytes: ics }], { me: ["me@example.org"] }).pipe(
          Effect.provide(NodeFileSystem.layer),
        )
        expect(result.book.now).toBe("1970-01-01T00:00:00.000Z")
        // the meeting after the Clock's now is not an interaction
        expect([...result.book.interactions.values()].flat().map((i) => i.at)).toEqual([
          "1969-12-31T10:00:00.000Z",
        ])
      }),
  )

  it("fails with NoInputs when nothing is given", async () => {
    const exit = await Effect.runPromiseExit(Merge.read([]).pipe(Effect.provide(NodeFileSystem.layer)))
    expect(Exit.isFailure(exit)).toBe(true)
  })
})

describe("Merge.merge", () => {
  it("hands the caller's garbage collection to Book.build, from the number of records given", async () => {
    let calls = 0
    const collectGarbage = () => {
      calls++
    }
    const inputs = [
      { name: "a.vcf", bytes: vcf },
      { name: "outlook.csv", bytes: outlook },
    ]
    const now = new Date("2026-11-25T00:00:00Z")
    // Three records: one card and two rows.
    await Effect.runPromise(
      Merge.merge(inputs, { now, collectGarbage, collectGarbageFrom: 3 }).pipe(
        Effect.provide(NodeFileSystem.layer),
      ),
    )
    // Before resolution and after it.
    expect(calls).toBe(2)
    await Effect.runPromise(
      Merge.merge(inputs, { now, collectGarbage, collectGarbageFrom: 4 }).pipe(
        Effect.provide(NodeFileSystem.layer),
      ),
    )
    await Effect.runPromise(
      Merge.merge(inputs, { now, collectGarbage }).pipe(Effect.provide(NodeFileSystem.layer)),
    )
    expect(calls).toBe(2)
  })
})

describe("the Promise API", () => {
  it("mergeExports resolves people across sources and keeps each source's copy", async () => {
    const book = await mergeExports(
      [
        { name: "a.vcf", bytes: vcf },
        { name: "outlook.csv", bytes: outlook },
        { name: "linkedin.zip", bytes: zipSync({ "Connections.csv": connections }) },
      ],
      { now: new Date("2026-11-25T00:00:00Z") },
    )
    expect(book.now).toBe("2026-11-25T00:00:00.000Z")
    const ilse = book.contacts.find((c) => c.displayName === "Ilse Brandt")
    expect(ilse?.sources.map((s) => s.source).sort()).toEqual(["outlook-csv", "vcard"])
    expect(ilse?.emails.map((e) => e.value)).toEqual(["ilse.brandt@example.de"])
    const kai = book.contacts.find((c) => c.displayName.startsWith("Kai"))
    expect(kai?.sources.map((s) => s.source).sort()).toEqual(["linkedin", "outlook-csv"])
    expect(kai?.connectedOn).toBe("2025-03-03")
    expect(book.contacts).toHaveLength(2)
  })

  it("mergeAndRender writes vCard 4.0", async () => {
    const text = await mergeAndRender([{ name: "a.vcf", bytes: vcf }], "vcf")
    expect(text).toContain("VERSION:4.0")
    expect(text).toContain("FN:Ilse Brandt")
  })

  it("lists inputs that cannot be read among the errors", async () => {
    const book = await mergeExports(["/nonexistent/blackbook/contacts.vcf"])
    expect(book.errors).toEqual([
      expect.objectContaining({ file: "/nonexistent/blackbook/contacts.vcf", record: "*" }),
    ])
  })
})

describe("onProgress", () => {
  it("reports the stages, and while reading at least every progressInterval of work", async () => {
    // an adapter that takes 30 ms an item: 20 items are 600 ms of reading in one file
    const slow = {
      name: "slow",
      kind: "file" as const,
      claim: (bundle: { files: ReadonlyArray<{ path: string }> }) => bundle.files,
      read: () =>
        Stream.fromIterable(Array.from({ length: 20 }, (_, i) => i)).pipe(
          Stream.mapEffect((i) =>
            Effect.as(
              Effect.sleep(30),
              Source.recordItem(
                SourceRecord.make(
                  { source: "slow", file: "slow.txt", record: `r:${i}` },
                  { name: { given: `Person${i}` } },
                ),
              ),
            ),
          ),
        ),
    } as unknown as Source.SourceAdapter
    const seen: Array<{ stage: string; at: number }> = []
    const start = performance.now()
    await Effect.runPromise(
      Merge.read([{ name: "slow.txt", bytes: new TextEncoder().encode("x") }], {
        now: new Date("2026-01-01T00:00:00Z"),
        adapters: [slow],
        onProgress: (p) => seen.push({ stage: p.stage, at: performance.now() - start }),
      }).pipe(Effect.provide(FileSystem.layerNoop({}))),
    )
    const reading = seen.filter((s) => s.stage === "reading").map((s) => s.at)
    expect(reading.length).toBeGreaterThanOrEqual(4)
    const gaps = reading.slice(1).map((t, i) => t - reading[i]!)
    expect(Math.max(...gaps)).toBeLessThan(250)
  })
})

describe("resolution in steps", () => {
  const given = [
    "Ada",
    "Bruno",
    "Chiara",
    "Dmitri",
    "Elin",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Kira",
    "Luca",
  ]
  const family = [
    "Abbott",
    "Brandt",
    "Castell",
    "Dunmore",
    "Eriksen",
    "Falk",
    "Grieve",
    "Holm",
    "Ivers",
    "Jessop",
  ]
  /** `people` invented people, each on a phone (name, number) and in a mail client (name, e-mail). */
  const generated = (people: number): Array<SourceRecord.SourceRecord> =>
    Array.from({ length: people }, (_, i) => {
      const g = given[i % given.length]!
      const f = `${family[Math.floor(i / given.length) % family.length]}${Math.floor(i / 120)}`
      const phone = `+44 7700 ${String(100000 + i).slice(-6)}`
      const email = `${g}.${f}@example.org`.toLowerCase()
      return [
        SourceRecord.make(
          { source: "generated", file: "phone.vcf", record: `card:${i}` },
          { name: { given: g, family: f }, phones: [{ value: phone, types: [] }] },
        ),
        SourceRecord.make(
          { source: "generated", file: "mail.csv", record: `row:${i}` },
          {
            name: { given: i % 3 === 0 ? g.toLowerCase() : g, family: f },
            emails: [{ value: email, types: [] }],
            ...(i % 2 === 0 ? { phones: [{ value: phone.replace(/ /g, ""), types: [] }] } : {}),
          },
        ),
      ]
    }).flat()
  const adapterOf = (records: ReadonlyArray<SourceRecord.SourceRecord>) =>
    ({
      name: "generated",
      kind: "file" as const,
      claim: (bundle: { files: ReadonlyArray<unknown> }) => bundle.files,
      read: () => Stream.fromIterable(records.map(Source.recordItem)),
    }) as unknown as Source.SourceAdapter

  it("lets the event loop run while it resolves, and reports each stage as it goes", async () => {
    const records = generated(3000)
    const events: Array<Merge.Progress> = []
    // The longest wait between two ticks of a timer while reading and resolving run.
    let last = performance.now()
    let longest = 0
    let longestAfter = "the start"
    // When resolution ended: a wait that began before then counts (it may end after).
    let resolved = Number.POSITIVE_INFINITY
    const timer = setInterval(() => {
      const now = performance.now()
      if (last < resolved && now - last > longest) {
        longest = now - last
        const p = events.at(-1)
        longestAfter = p ? `${p.stage} ${p.done}/${p.total}` : "the start"
      }
      last = now
    }, 5)
    try {
      const result = await Effect.runPromise(
        Merge.merge([{ name: "generated.txt", bytes: bytes("x") }], {
          now: new Date("2026-01-01T00:00:00Z"),
          adapters: [adapterOf(records)],
          onProgress: (p) => {
            events.push(p)
            // Ranking is not cut into steps yet: the wait is measured up to resolution's end.
            if (p.stage === "resolving" && p.done === p.total) resolved = performance.now()
          },
        }).pipe(Effect.provide(FileSystem.layerNoop({}))),
      )
      expect(result.book.contacts.length).toBeLessThan(records.length)
      // A tick after the end, for a wait that lasted until then
      await new Promise((resolve) => setTimeout(resolve, 30))
    } finally {
      clearInterval(timer)
    }
    // Work yields at least every 100 ms; the bound is loose for a machine shared with other work
    // (before resolution was cut into steps, the event loop waited seconds).
    expect(
      longest,
      `the event loop waited ${Math.round(longest)} ms (after ${longestAfter}): resolution must yield to it at least every 100 ms`,
    ).toBeLessThan(300)
    const stages = ["profiles", "blocking", "comparing", "training", "scoring", "clustering", "contacts"]
    const seen = events.map((p) => p.stage).filter((s) => stages.includes(s))
    // Every stage, in order
    expect([...new Set(seen)]).toEqual(stages)
    for (const stage of stages) {
      const done = events.filter((p) => p.stage === stage).map((p) => p.done)
      const total = events.find((p) => p.stage === stage)!.total
      expect(done, `${stage}: done only grows`).toEqual([...done].sort((x, y) => x - y))
      expect(done.at(-1), `${stage} reports its end`).toBe(total)
    }
    // The costly stage reports between its start and end too, in pairs
    const comparing = events.filter((p) => p.stage === "comparing")
    expect(comparing[0]!.unit).toBe("pairs")
    expect(comparing[0]!.total).toBeGreaterThan(records.length / 2)
  }, 120_000)

  it("builds the book Book.build builds", async () => {
    const records = generated(300)
    const result = await Effect.runPromise(
      Merge.merge([{ name: "generated.txt", bytes: bytes("x") }], {
        now: new Date("2026-01-01T00:00:00Z"),
        adapters: [adapterOf(records)],
      }).pipe(Effect.provide(FileSystem.layerNoop({}))),
    )
    const book = Book.build(records.map(Source.recordItem), { now: new Date("2026-01-01T00:00:00Z") })
    expect(result.book).toEqual(book)
    expect(book.contacts.length).toBeLessThan(records.length)
  })
})
