/** Invented exports for the store's tests, and the databases the one suite runs against. */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { zipSync } from "fflate"

export const examples = path.resolve(import.meta.dirname, "../../../examples/merge-exports/sample-exports")

export const tempDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix))

/** Copies a folder (recursively). */
export const copyDir = (from: string, to: string): void => {
  fs.cpSync(from, to, { recursive: true })
}

/** Zips a folder into `zip`, every entry under `top/`. */
export const zipDir = (dir: string, zip: string, top: string): void => {
  const files: Record<string, Uint8Array> = {}
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name)
      if (e.isDirectory()) walk(full)
      else files[`${top}/${path.relative(dir, full).split(path.sep).join("/")}`] = fs.readFileSync(full)
    }
  }
  walk(dir)
  fs.writeFileSync(zip, zipSync(files))
}

export interface Connection {
  readonly first: string
  readonly last: string
  readonly slug: string
  readonly company: string
  readonly title: string
  readonly connectedOn: string
}

const firsts = [
  "Avery",
  "Blake",
  "Corin",
  "Dara",
  "Emrys",
  "Fenna",
  "Gale",
  "Halden",
  "Ines",
  "Joryn",
  "Kael",
  "Liora",
]
const lasts = [
  "Quillfeather",
  "Brackwater",
  "Thistlemoor",
  "Ravensmere",
  "Oakhollow",
  "Dunmarrow",
  "Fallowmere",
  "Hearthwick",
]

/** `n` invented connections with distinct names, profiles and employers. */
export const connections = (n: number, offset = 0): Array<Connection> =>
  Array.from({ length: n }, (_, j) => {
    const i = j + offset
    const first = firsts[i % firsts.length]!
    const last = `${lasts[Math.floor(i / firsts.length) % lasts.length]!}${i >= firsts.length * lasts.length ? i : ""}`
    return {
      first,
      last,
      slug: `${first}-${last}-${i}`.toLowerCase(),
      company: `Company ${String.fromCharCode(65 + (i % 26))}${i} Ltd`,
      title: "Engineer",
      connectedOn: `${String(1 + (i % 28)).padStart(2, "0")} Mar 2025`,
    }
  })

/** Writes a LinkedIn export folder holding Connections.csv. */
export const linkedinExport = (dir: string, people: ReadonlyArray<Connection>): string => {
  fs.mkdirSync(dir, { recursive: true })
  const rows = people.map((p) =>
    [p.first, p.last, `https://www.linkedin.com/in/${p.slug}`, "", p.company, p.title, p.connectedOn]
      .map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
      .join(","),
  )
  fs.writeFileSync(
    path.join(dir, "Connections.csv"),
    [
      "Notes:",
      '"Invented connections for a test."',
      "",
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
      ...rows,
      "",
    ].join("\n"),
  )
  return dir
}

/** The PostgreSQL server for the suite's server half: named by this variable. */
export const pgUrlVariable = "BLACKBOOK_TEST_PG_URL"
export const pgUrl = process.env[pgUrlVariable]
export const onCi = process.env.CI === "true"

export const uniqueBook = (label: string) =>
  `${label}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`
