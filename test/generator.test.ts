import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Csv } from "@blackbook/model"
import { describe, expect, it } from "vitest"
import { COLUMNS as OUTLOOK_COLUMNS } from "../bench/src/format/OutlookCsv.ts"
import {
  buildCorpus,
  type Corpus,
  canonicalEmail,
  type TruthEntry,
  truthJson,
} from "../bench/src/generate.ts"
import { build as buildSample } from "../examples/merge-exports/people.ts"

const now = new Date("2026-11-25T00:00:00Z")
const corpus = buildCorpus({ n: 2000, seed: 11, now })

const text = (c: Corpus, path: string): string => {
  const content = c.files.get(path)
  if (content === undefined) throw new Error(`missing ${path}`)
  return typeof content === "string" ? content : new TextDecoder("windows-1252").decode(content)
}
const truthOf = (file: string): ReadonlyArray<TruthEntry> => corpus.truth.filter((t) => t.file === file)
const octets = (line: string): number => new TextEncoder().encode(line).length

/** Data rows of a CSV whose header is the first row with this first field. */
const table = (source: string, firstHeader: string) => {
  const rows = Csv.parseRows(source.replace(/^\uFEFF/, ""))
  const start = rows.findIndex((r) => r.fields[0] === firstHeader)
  expect(start).toBeGreaterThanOrEqual(0)
  return { header: rows[start]!.fields, rows: rows.slice(start + 1) }
}

describe("generator determinism", () => {
  it("gives identical files and truth for the same options", () => {
    const again = buildCorpus({ n: 2000, seed: 11, now })
    expect([...again.files.keys()]).toEqual([...corpus.files.keys()])
    for (const [path, content] of corpus.files) expect(again.files.get(path), path).toEqual(content)
    expect(again.truth).toEqual(corpus.truth)
    expect(truthJson(again)).toBe(truthJson(corpus))
  })

  it("gives different people for a different seed", () => {
    const other = buildCorpus({ n: 2000, seed: 12, now })
    expect(text(other, "contacts.vcf")).not.toBe(text(corpus, "contacts.vcf"))
  })
})

describe("generated formats are well-formed", () => {
  it("outlook.csv: Windows-1252, CRLF, the 92 quoted header fields, 92 fields on every row", () => {
    const raw = corpus.files.get("outlook.csv")
    expect(raw).toBeInstanceOf(Uint8Array)
    const source = text(corpus, "outlook.csv")
    expect(source.split("\n").every((l, i, all) => i === all.length - 1 || l.endsWith("\r"))).toBe(true)
    expect(source.slice(0, source.indexOf("\r\n"))).toBe(OUTLOOK_COLUMNS.map((c) => `"${c}"`).join(","))
    const { header, rows } = table(source, "Title")
    expect(header).toHaveLength(92)
    expect(rows.length).toBe(truthOf("outlook.csv").length)
    for (const row of rows) {
      expect(row.malformed).toBeUndefined()
      expect(row.fields).toHaveLength(92)
    }
    const birthday = header.indexOf("Birthday")
    expect(rows.some((r) => r.fields[birthday] === "0/0/00")).toBe(true)
  })

  it("google.csv: BOM, the 2020+ header, as many fields per row as header columns", () => {
    const source = text(corpus, "google.csv")
    expect(source.startsWith("\uFEFFFirst Name,Middle Name,Last Name,Phonetic First Name")).toBe(true)
    const { header, rows } = table(source, "First Name")
    expect(header).toContain("Labels")
    expect(header).toContain("E-mail 1 - Value")
    expect(rows.length).toBe(truthOf("google.csv").length)
    for (const row of rows) expect(row.fields).toHaveLength(header.length)
    const labels = header.indexOf("Labels")
    expect(rows.every((r) => r.fields[labels]!.includes("* myContacts"))).toBe(true)
  })

  it("linkedin: Notes preamble, 7-column Connections, 12-column messages, partners present", () => {
    const connections = text(corpus, "linkedin/Connections.csv")
    expect(connections.startsWith('Notes:\n"When exporting your connection data')).toBe(true)
    const { header, rows } = table(connections, "First Name")
    expect(header).toEqual([
      "First Name",
      "Last Name",
      "URL",
      "Email Address",
      "Company",
      "Position",
      "Connected On",
    ])
    expect(rows.length).toBe(truthOf("linkedin/Connections.csv").length)
    for (const row of rows) {
      expect(row.fields).toHaveLength(7)
      expect(row.fields[6]).toMatch(/^\d{2} [A-Z][a-z]{2} \d{4}$/)
      expect(row.fields[2]).toMatch(/^https:\/\/www\.linkedin\.com\/in\/\S+$/)
    }
    const messages = table(text(corpus, "linkedin/messages.csv"), "CONVERSATION ID")
    expect(messages.header).toHaveLength(12)
    for (const row of messages.rows) expect(row.fields).toHaveLength(12)
    const urls = new Set(messages.rows.flatMap((r) => [r.fields[3]!, r.fields[5]!]))
    const partners = truthOf("linkedin/messages.csv")
    expect(partners.length).toBeGreaterThan(0)
    for (const p of partners) expect(urls.has(p.record.replace(/^profile:/, ""))).toBe(true)
  })

  it("contacts.vcf: balanced cards, CRLF, folded lines, one truth entry per card", () => {
    const source = text(corpus, "contacts.vcf")
    const lines = source.split("\r\n")
    expect(lines.at(-1)).toBe("")
    let depth = 0
    let cards = 0
    for (const line of lines) {
      expect(line.includes("\n") || line.includes("\r")).toBe(false)
      // 3.0 lines fold at 75 octets; 2.1 quoted-printable lines soft-break at 76 characters.
      expect(octets(line)).toBeLessThanOrEqual(76)
      if (line === "BEGIN:VCARD") {
        expect(depth).toBe(0)
        depth++
        cards++
      } else if (line === "END:VCARD") {
        expect(depth).toBe(1)
        depth--
      }
    }
    expect(depth).toBe(0)
    expect(cards).toBe(truthOf("contacts.vcf").length)
    expect(truthOf("contacts.vcf").map((t) => t.record)).toEqual(
      Array.from({ length: cards }, (_, i) => `card:${i + 1}`),
    )
    expect(source).toContain("VERSION:2.1")
    expect(source).toContain("VERSION:3.0")
  })

  it("calendar.ics: balanced components, lines of at most 75 octets, every attendee record written", () => {
    const source = text(corpus, "calendar.ics")
    const lines = source.split("\r\n")
    const stack: Array<string> = []
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75)
      if (line.startsWith("BEGIN:")) stack.push(line.slice(6))
      else if (line.startsWith("END:")) expect(stack.pop()).toBe(line.slice(4))
    }
    expect(stack).toEqual([])
    const unfolded = source.replace(/\r\n /g, "")
    const events = unfolded.split("BEGIN:VEVENT").length - 1
    expect(events).toBeGreaterThan(0)
    for (const t of truthOf("calendar.ics")) {
      expect(unfolded).toContain(`mailto:${t.record.replace(/^(attendee|owner):/, "")}\r\n`)
    }
  })

  it("twitter: every data file is `window.YTD.<type>.part0 = <JSON>` with no trailing newline", () => {
    const manifestText = text(corpus, "twitter/data/manifest.js")
    const manifest = JSON.parse(manifestText.replace(/^window\.__THAR_CONFIG = /, "")) as {
      dataTypes: Record<string, { files: Array<{ fileName: string; globalName: string; count: string }> }>
    }
    const parsed = new Map<string, ReadonlyArray<unknown>>()
    for (const { files } of Object.values(manifest.dataTypes)) {
      for (const f of files) {
        const source = text(corpus, `twitter/${f.fileName}`)
        const prefix = `window.${f.globalName} = `
        expect(source.startsWith(prefix)).toBe(true)
        expect(source.endsWith("\n")).toBe(false)
        expect(source).not.toMatch(/"\w+": /)
        const items = JSON.parse(source.slice(prefix.length)) as ReadonlyArray<unknown>
        expect(items.length).toBe(Number(f.count))
        parsed.set(`twitter/${f.fileName}`, items)
      }
    }
    for (const t of corpus.truth.filter((x) => x.file.startsWith("twitter/"))) {
      expect(JSON.stringify(parsed.get(t.file))).toContain(`"${t.record.replace(/^account:/, "")}"`)
    }
  })
})

describe("generated truth", () => {
  const people = new Map(corpus.people.map((p) => [p.id, p]))

  it("names every record once and only real people (or me)", () => {
    const keys = corpus.truth.map((t) => `${t.file} ${t.record}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const t of corpus.truth) expect(t.person === "me" || people.has(t.person)).toBe(true)
    const covered = new Set(corpus.truth.map((t) => t.person))
    expect(corpus.people.every((p) => covered.has(p.id))).toBe(true)
  })

  it("flags as skippable only calendar addresses that never attended", () => {
    const skippable = corpus.truth.filter((t) => t.skippable !== undefined)
    expect(skippable.length).toBeGreaterThan(0)
    for (const t of skippable) {
      expect(t.file).toBe("calendar.ics")
      expect(["only declined", "only in cancelled events"]).toContain(t.skippable)
    }
    expect(corpus.truth.filter((t) => t.person === "me").map((t) => t.record)).toEqual([
      "self",
      "account:887412563",
      "owner:alex.morgan@example.com",
    ])
  })

  it("builds the overlaps resolution must handle", () => {
    const sourcesPer = new Map<string, Set<string>>()
    for (const t of corpus.truth) {
      const source = t.file.split("/")[0]!
      sourcesPer.set(t.person, (sourcesPer.get(t.person) ?? new Set()).add(source))
    }
    const multi = corpus.people.filter((p) => (sourcesPer.get(p.id)?.size ?? 0) >= 2).length
    expect(multi / corpus.people.length).toBeGreaterThan(0.3)

    const names = new Map<string, number>()
    for (const p of corpus.people)
      names.set(`${p.given} ${p.family}`, (names.get(`${p.given} ${p.family}`) ?? 0) + 1)
    expect([...names.values()].some((c) => c > 1)).toBe(true)

    const homes = new Map<string, Set<string>>()
    for (const p of corpus.people) {
      for (const x of p.phones)
        if (x.kind === "home") homes.set(x.phone.e164, (homes.get(x.phone.e164) ?? new Set()).add(p.id))
    }
    expect([...homes.values()].some((s) => s.size === 2)).toBe(true)

    const written = [...text(corpus, "google.csv").matchAll(/[\w.+-]+@gmail\.com/g)].map((m) => m[0])
    const truthAddresses = new Set(corpus.people.flatMap((p) => p.emails.map((e) => e.address)))
    expect(written.some((a) => !truthAddresses.has(a) && canonicalEmail(a) !== a)).toBe(true)

    const all = [...corpus.files.values()].map((c) => (typeof c === "string" ? c : "")).join("\n")
    expect(
      corpus.people.some((p) => p.nickname !== undefined && all.includes(`${p.nickname} ${p.family}`)),
    ).toBe(true)
  })
})

describe("sample exports", () => {
  const root = join(import.meta.dirname, "..", "examples", "merge-exports", "sample-exports")
  const sample = buildSample()

  it("the committed files are exactly what people.ts writes", () => {
    for (const [path, content] of sample.files) {
      const committed = readFileSync(join(root, path))
      const expected = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content)
      expect(committed.equals(expected), path).toBe(true)
    }
  })

  it("truth.json lists 40 people and the owner, each record once and inside its file", () => {
    const truth = JSON.parse(readFileSync(join(root, "truth.json"), "utf8")) as {
      people: Array<{
        id: string
        name: string
        self?: boolean
        records: Array<{ file: string; record: string }>
      }>
    }
    expect(truth.people).toHaveLength(41)
    expect(truth.people.filter((p) => p.self === true).map((p) => p.name)).toEqual(["Alex Morgan"])
    const keys = truth.people.flatMap((p) => p.records.map((r) => `${r.file} ${r.record}`))
    expect(new Set(keys).size).toBe(keys.length)
    for (const p of truth.people) {
      expect(p.records.length, p.name).toBeGreaterThan(0)
      for (const r of p.records) {
        const source = readFileSync(join(root, r.file))
        const row = /^row:(\d+)$/.exec(r.record)
        const card = /^card:(\d+)$/.exec(r.record)
        if (r.record === "self") {
          expect(r.file).toBe("linkedin/Profile.csv")
          expect(table(source.toString(), "First Name").rows).toHaveLength(1)
        } else if (card !== null) {
          expect(source.toString("utf8").split("BEGIN:VCARD").length - 1).toBeGreaterThanOrEqual(
            Number(card[1]),
          )
        } else if (row !== null) {
          const decoded =
            r.file === "outlook.csv" ? new TextDecoder("windows-1252").decode(source) : source.toString()
          expect(
            table(decoded, r.file === "outlook.csv" ? "Title" : "First Name").rows.length,
          ).toBeGreaterThanOrEqual(Number(row[1]))
        } else {
          expect(source.toString("utf8")).toContain(
            r.record.replace(/^(attendee|owner|profile|account):/, ""),
          )
        }
      }
    }
  })

  it("puts the namesakes, the shared landline and the shared info@ address on two different people", () => {
    const owners = (needle: string) =>
      new Set(
        [...sample.truth].flatMap(([person, records]) =>
          records.some((r) => {
            const content = sample.files.get(r.file)
            if (typeof content !== "string") return false
            if (r.record.startsWith("card:")) {
              return content.split("BEGIN:VCARD")[Number(r.record.slice(5))]?.includes(needle) ?? false
            }
            if (r.record.startsWith("row:")) {
              const rows = Csv.parseRows(content.replace(/^\uFEFF/, ""))
              const start = rows.findIndex((x) => x.fields[0] === "First Name")
              return rows[start + Number(r.record.slice(4))]?.fields.join(",").includes(needle) ?? false
            }
            return false
          })
            ? [person]
            : [],
        ),
      )
    expect(owners("info@larkspur.example")).toEqual(new Set(["p13", "p14"]))
    expect(owners("+44 117 496 0732")).toEqual(new Set(["p11", "p12"]))
    expect(owners("David,Miller")).toEqual(new Set(["p09", "p10"]))
  })
})
