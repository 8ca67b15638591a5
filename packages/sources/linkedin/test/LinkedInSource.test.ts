import * as fs from "node:fs"
import * as path from "node:path"
import type { Source, SourceRecord } from "@blackbook/model"
import { shareHiddenClass } from "@blackbook/model/test-support/hiddenClass"
import { fileInput, readAll, sharedRoot, textInput } from "@blackbook/model/testing"
import { Effect, Exit, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { LinkedInSource } from "../src/index.ts"

const fixtures = path.join(import.meta.dirname, "golden")

/** Every file of a fixture folder, named as if it sat under `prefix` (a zip or a folder). */
const bundle = (folder: string, prefix: string, only?: ReadonlyArray<string>): Source.InputBundle => {
  const dir = path.join(fixtures, folder)
  const names = fs.readdirSync(dir).filter((f) => only === undefined || only.includes(f))
  return { origin: prefix, files: names.sort().map((f) => fileInput(path.join(dir, f), `${prefix}/${f}`)) }
}

/** Claims then reads a fixture folder, as the pipeline does. */
const readFolder = async (folder: string, prefix = `/home/x/${folder}`, only?: ReadonlyArray<string>) => {
  const claimed = LinkedInSource.claim(bundle(folder, prefix, only))
  return { claimed, ...(await readAll(LinkedInSource, claimed)) }
}

const byRow = (records: ReadonlyArray<SourceRecord.SourceRecord>, file: string, n: number) => {
  const r = records.find((x) => x.provenance.file.endsWith(file) && x.provenance.record === `row:${n}`)
  if (r === undefined) throw new Error(`no record ${file} row:${n}`)
  return r
}

const extraValue = (r: SourceRecord.SourceRecord, name: string) => r.extra.find((e) => e.name === name)?.value

const failure = async (files: ReadonlyArray<Source.InputFile>) => {
  const exit = await Effect.runPromiseExit(Stream.runCollect(LinkedInSource.read(files, { now: new Date() })))
  if (Exit.isSuccess(exit)) throw new Error("expected the stream to fail")
  return JSON.stringify(exit.cause)
}

describe("LinkedInSource.claim", () => {
  it("is an archive adapter named linkedin", () => {
    expect(LinkedInSource.name).toBe("linkedin")
    expect(LinkedInSource.kind).toBe("archive")
  })

  it("claims the LinkedIn files of a whole 2024 export inside a zip subfolder, and nothing else", () => {
    const prefix = "Basic_LinkedInDataExport_12-16-2024.zip/Basic_LinkedInDataExport_12-16-2024"
    const claimed = LinkedInSource.claim(bundle("export-2024", prefix)).map((f) => path.basename(f.path))
    expect(claimed.sort()).toEqual([
      "Connections.csv",
      "Email Addresses.csv",
      "ImportedContacts.csv",
      "Invitations.csv",
      "PhoneNumbers.csv",
      "Positions.csv",
      "Profile.csv",
      "Whatsapp Phone Numbers.csv",
      "messages.csv",
    ])
  })

  it("claims the 2018 file names (Messages.csv, Phone Numbers.csv, Imported Contacts.csv)", () => {
    const claimed = LinkedInSource.claim(bundle("2018", "linkedin-2018.zip")).map((f) =>
      path.basename(f.path),
    )
    expect(claimed.sort()).toEqual([
      "Connections.csv",
      "Email Addresses.csv",
      "Imported Contacts.csv",
      "Invitations.csv",
      "Messages.csv",
      "Phone Numbers.csv",
      "Profile.csv",
    ])
  })

  it.each(["2016-17", "2018", "2021", "export-2024", "2026"])(
    "claims a lone %s Connections.csv",
    (folder) => {
      const file = fileInput(
        path.join(fixtures, folder, "Connections.csv"),
        "/home/x/linkedin/Connections.csv",
      )
      expect(LinkedInSource.claim({ origin: file.path, files: [file] })).toEqual([file])
    },
  )

  it("matches the file name case-insensitively and accepts Windows paths", () => {
    const file = fileInput(
      path.join(fixtures, "2026", "Connections.csv"),
      "C:\\Users\\x\\Export\\CONNECTIONS.CSV",
    )
    const messages = fileInput(
      path.join(fixtures, "2026", "messages.csv"),
      "C:\\Users\\x\\Export\\messages.csv",
    )
    expect(LinkedInSource.claim({ origin: "C:\\Users\\x\\Export", files: [file, messages] })).toHaveLength(2)
  })

  it("refuses a Connections.csv that is not LinkedIn's, and LinkedIn files without a Connections.csv", () => {
    const google = textInput(
      "x/Connections.csv",
      "Name,Given Name,Family Name,E-mail 1 - Value\nA B,A,B,a@b.c\n",
    )
    expect(LinkedInSource.claim({ origin: "x", files: [google] })).toEqual([])
    const loose = bundle("export-2024", "y", ["messages.csv", "Profile.csv", "Invitations.csv"])
    expect(LinkedInSource.claim(loose)).toEqual([])
  })

  it("does not claim a file of the right name whose header is another file's", () => {
    const connections = fileInput(path.join(fixtures, "2026", "Connections.csv"), "e/Connections.csv")
    const fake = textInput("e/Invitations.csv", "Name,Value\nx,y\n")
    expect(LinkedInSource.claim({ origin: "e", files: [connections, fake] })).toEqual([connections])
  })

  it("claims two exports side by side, each with its own files", () => {
    const a = bundle("export-2024", "all/a")
    const b = bundle("2018", "all/b")
    const claimed = LinkedInSource.claim({ origin: "all", files: [...a.files, ...b.files] })
    expect(claimed.filter((f) => f.path.startsWith("all/a/"))).toHaveLength(9)
    expect(claimed.filter((f) => f.path.startsWith("all/b/"))).toHaveLength(7)
  })
})

describe("a renamed Connections.csv", () => {
  const header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
  const row = "Oona,Brightwater,https://www.linkedin.com/in/oona-bw,,Tidewell,Engineer,16 Dec 2024\n"

  it("is claimed and read by its header when the name changed", async () => {
    const file = textInput("Downloads/Connections (1).csv", header + row)
    expect(LinkedInSource.claim({ origin: "Downloads", files: [file] })).toEqual([file])
    const { records } = await readAll(LinkedInSource, [file])
    expect(records.map((r) => [r.name.given, r.connectedOn, r.provenance.record])).toEqual([
      ["Oona", "2024-12-16", "row:1"],
    ])
  })

  it("reads an export too big to spread onto the stack (200,000 rows) whole", async () => {
    const rows = 200_000
    const lines = Array.from(
      { length: rows },
      (_, i) => `Oona,Brightwater${i},,,Tidewell,Engineer,16 Dec 2024\n`,
    )
    const file = textInput("Connections.csv", header + lines.join(""))
    const { records, issues } = await readAll(LinkedInSource, [file])
    expect(issues).toEqual([])
    expect(records).toHaveLength(rows)
    expect(records[rows - 1]?.provenance.record).toBe(`row:${rows}`)
    // a test of size, not of speed (benchmarks measure speed): a loaded machine must not fail it
  }, 60_000)

  it("is not guessed from a name-only CSV without Connected On", () => {
    const file = textInput(
      "people.csv",
      "First Name,Last Name,Email Address\nOona,Brightwater,o@example.org\n",
    )
    expect(LinkedInSource.claim({ origin: "people.csv", files: [file] })).toEqual([])
  })
})

describe("Connections.csv by vintage", () => {
  it("2016-17: CRLF, Address / Websites / Instant Messengers, a broken row as an Issue", async () => {
    const { records, issues } = await readFolder("2016-17")
    expect(records).toHaveLength(4)
    const harriet = byRow(records, "Connections.csv", 1)
    expect(harriet.provenance).toEqual({
      source: "linkedin",
      file: "/home/x/2016-17/Connections.csv",
      record: "row:1",
    })
    expect(harriet.name).toEqual({ given: "Harriet", family: "Quill", formatted: "Harriet Quill" })
    expect(harriet.emails).toEqual([{ value: "harriet.quill@example.org", types: [] }])
    expect(harriet.addresses).toEqual([{ types: [], formatted: "12 Lantern Row, Dunmore, DM4 7QP" }])
    expect(harriet.urls).toEqual([
      { value: "http://quillvane.example.com", types: ["company"] },
      { value: "https://github.com/hquill", types: ["other"] },
    ])
    expect(harriet.handles).toEqual([{ service: "skype", handle: "harriet.quill" }])
    expect(harriet.organizations).toEqual([{ company: "Quill & Vane", title: "Partner" }])
    expect(harriet.connectedOn).toBe("2016-12-22")
    expect(extraValue(harriet, "Connected On")).toBe("12/22/16, 9:55 AM")
    expect(byRow(records, "Connections.csv", 4).urls).toEqual([
      { value: "https://caiusobi.example.net", types: ["personal"] },
    ])
    expect(byRow(records, "Connections.csv", 3).name).toMatchObject({ family: "Lindqvist", suffix: "MBA" })
    expect(issues).toEqual([
      {
        file: "/home/x/2016-17/Connections.csv",
        record: "row:5",
        line: 6,
        reason: "row has 11 cells but the header has 9 columns",
      },
    ])
  })

  it("2018: six columns, every row an e-mail, a member URN kept out of emails", async () => {
    const { records } = await readFolder("2018", "/home/x/2018", ["Connections.csv"])
    expect(records).toHaveLength(6)
    expect(records.filter((r) => r.emails.length === 1)).toHaveLength(5)
    const kwame = byRow(records, "Connections.csv", 4)
    expect(kwame.emails).toEqual([])
    expect(extraValue(kwame, "LinkedIn Member URN")).toBe("urn:li:member:48213377")
    expect(byRow(records, "Connections.csv", 1).connectedOn).toBe("2018-01-08")
    expect(byRow(records, "Connections.csv", 2).connectedOn).toBe("2018-10-30")
    expect(byRow(records, "Connections.csv", 5).name).toEqual({
      given: "Lucía",
      family: "Ortega",
      suffix: "Ph.D.",
      formatted: "Lucía Ortega, Ph.D.",
    })
    expect(records.every((r) => r.urls.length === 0)).toBe(true)
    // an impossible date is not invented into connectedOn but kept as written
    const pavel = byRow(records, "Connections.csv", 6)
    expect(pavel.connectedOn).toBeUndefined()
    expect(extraValue(pavel, "Connected On")).toBe("13/45/18, 1:00 PM")
  })

  it("2021: header-less, spreadsheet-requoted rows read in the 2018 order with a note", async () => {
    const { records, issues } = await readFolder("2021")
    expect(records).toHaveLength(6)
    for (const r of records) expect(extraValue(r, "note")).toMatch(/no header row/)
    const amara = byRow(records, "Connections.csv", 1)
    expect(amara.name).toEqual({ given: "Amara", family: "Okafor", formatted: "Amara Okafor" })
    expect(amara.emails).toEqual([{ value: "amara.okafor@example.com", types: [] }])
    expect(amara.organizations).toEqual([{ company: "Brightwater Labs", title: "Data Engineer" }])
    expect(amara.connectedOn).toBe("2021-03-14")
    expect(byRow(records, "Connections.csv", 2).name).toEqual({
      given: "Tomasz",
      family: "Wiśniewski",
      formatted: "Tomasz Wiśniewski",
    })
    expect(byRow(records, "Connections.csv", 3).name).toMatchObject({ family: "Novak", suffix: "Ph.D." })
    expect(byRow(records, "Connections.csv", 4).connectedOn).toBe("2020-12-28")
    expect(byRow(records, "Connections.csv", 5).organizations).toEqual([
      { company: "Berg Consulting", title: "Owner" },
    ])
    expect(byRow(records, "Connections.csv", 7).connectedOn).toBe("2020-09-21")
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ record: "row:6", line: 6 })
    expect(issues[0]?.reason).toMatch(/never closed/)
  })

  it("2024: Notes preamble, LF without a final newline, decorated names, hidden profiles", async () => {
    const { records, issues } = await readFolder("export-2024", "/home/x/e", ["Connections.csv"])
    const connections = records.filter((r) => r.provenance.file.endsWith("Connections.csv"))
    expect(connections).toHaveLength(7)
    const zofia = byRow(records, "Connections.csv", 1)
    expect(zofia.name).toEqual({ given: "Zofia", family: "Nowak-Lis", formatted: "Zofia Nowak-Lis" })
    expect(zofia.urls).toEqual([
      { value: "https://www.linkedin.com/in/zofia-nowak-lis", types: ["linkedin"] },
    ])
    expect(zofia.handles).toEqual([{ service: "linkedin", handle: "zofia-nowak-lis" }])
    expect(zofia.emails).toEqual([])
    expect(zofia.connectedOn).toBe("2024-12-16")
    expect(zofia.extra).toEqual([])
    const margot = byRow(records, "Connections.csv", 2)
    expect(margot.name).toEqual({ given: "Margot", family: "Ellery", formatted: "𝓜𝓪𝓻𝓰𝓸𝓽 Ellery 🌿" })
    expect(margot.connectedOn).toBe("2024-12-09")
    const anton = byRow(records, "Connections.csv", 3)
    expect(anton.name).toEqual({
      given: "Anton",
      family: "Novak",
      suffix: "Ph.D.",
      formatted: "Anton Novak, Ph.D.",
    })
    expect(anton.organizations[0]?.company).toBe("Sk\ufffd\ufffdvde Data Lab")
    expect(anton.emails).toEqual([{ value: "anton.novak@example.com", types: [] }])
    expect(byRow(records, "Connections.csv", 4).name).toEqual({
      given: "Chidi",
      family: "Eze",
      formatted: "Chidi Eze",
    })
    const zoe = byRow(records, "Connections.csv", 5)
    expect(zoe.urls[0]?.value).toBe("https://www.linkedin.com/in/zo%C3%AB-brandt")
    expect(zoe.handles).toEqual([{ service: "linkedin", handle: "zoë-brandt" }])
    expect(byRow(records, "Connections.csv", 7).name).toMatchObject({ family: "Duarte", suffix: "CFA, MBA" })
    expect(byRow(records, "Connections.csv", 7).organizations[0]?.title).toBe("VP, Investments")
    const kenji = byRow(records, "Connections.csv", 9)
    expect(kenji.name).toEqual({ given: "Kenji", family: "Watanabe", formatted: "Kenji Watanabe 🚀" })
    expect(kenji.connectedOn).toBe("2024-06-30")
    // row numbers count data rows only: the preamble and header take lines 1-4
    expect(issues.map((i) => [i.record, i.line])).toEqual([
      ["row:6", 10],
      ["row:8", 12],
    ])
    expect(issues[0]?.reason).toMatch(/hidden or closed profile \(connected on 07 Jun 2024\)/)
    expect(issues[1]?.reason).toBe("row has 9 cells but the header has 7 columns")
  })

  it("2026: seven columns without preamble, 6-Feb-26 dates", async () => {
    const { records } = await readFolder("2026", "/home/x/2026", ["Connections.csv"])
    expect(records).toHaveLength(5)
    expect(records.map((r) => r.connectedOn)).toEqual([
      "2026-02-06",
      "2026-01-28",
      "2025-12-03",
      "2025-11-15",
      undefined,
    ])
    expect(byRow(records, "Connections.csv", 3).name).toEqual({
      given: "Theo",
      family: "Vance",
      formatted: "𝕿𝖍𝖊𝖔 Vance",
    })
    expect(byRow(records, "Connections.csv", 4).name).toMatchObject({ family: "El-Amin", suffix: "MD" })
    expect(extraValue(byRow(records, "Connections.csv", 5), "Connected On")).toBe("31-Feb-26")
  })

  it("a UTF-8 BOM, CRLF and trailing blank lines do not shift rows", async () => {
    const text =
      "\ufeffFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAda,Byron,,,,,01 Jan 2025\r\n\r\n"
    const { records, issues } = await readAll(LinkedInSource, [textInput("Connections.csv", text)])
    expect(issues).toEqual([])
    expect(records.map((r) => [r.provenance.record, r.name.given, r.connectedOn])).toEqual([
      ["row:1", "Ada", "2025-01-01"],
    ])
  })

  it("a preamble with no rows after it is an empty export, not an error", async () => {
    const text =
      'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n'
    const { items } = await readAll(LinkedInSource, [textInput("Connections.csv", text)])
    expect(items).toEqual([])
  })
})

describe("messages.csv", () => {
  it("2018 Messages.csv: Direction decides, names without URLs become name: records", async () => {
    const { records, interactions, issues } = await readFolder("2018", "l.zip")
    const fromMessages = records.filter((r) => r.provenance.file === "l.zip/Messages.csv")
    expect(fromMessages.map((r) => r.provenance.record)).toEqual([
      "name:Maren Holt",
      "name:Tobias Reinholt",
      "name:Kwame Asante",
      "name:Lucía Ortega, Ph.D.",
    ])
    expect(fromMessages[3]?.name).toMatchObject({ given: "Lucía", family: "Ortega", suffix: "Ph.D." })
    const messages = interactions.filter((i) => i.kind === "message")
    expect(messages.map((i) => [i.provenance.record, i.direction, i.at, i.counterpart.record])).toEqual([
      ["row:1", "outgoing", "2018-10-16T08:36:00.000Z", "name:Maren Holt"],
      ["row:2", "incoming", "2018-10-16T09:02:00.000Z", "name:Maren Holt"],
      ["row:3", "incoming", "2018-09-03T14:15:00.000Z", "name:Tobias Reinholt"],
      ["row:4", "outgoing", "2018-08-21T17:47:00.000Z", "name:Kwame Asante"],
      ["row:4", "outgoing", "2018-08-21T17:47:00.000Z", "name:Lucía Ortega, Ph.D."],
      ["row:6", "outgoing", "2018-09-04T22:00:00.000Z", "name:Tobias Reinholt"],
    ])
    for (const i of messages) expect(i.counterpart.file).toBe("l.zip/Messages.csv")
    expect(issues.filter((i) => i.file === "l.zip/Messages.csv")).toEqual([
      {
        file: "l.zip/Messages.csv",
        record: "row:5",
        line: 6,
        reason: 'unreadable DATE "sometime in October"',
      },
    ])
  })

  it("2024 messages.csv: drafts excluded, multi-line HTML, group messages, InMail without a sender URL", async () => {
    const { records, interactions, issues } = await readFolder("export-2024", "e.zip")
    const file = "e.zip/messages.csv"
    const people = records.filter((r) => r.provenance.file === file)
    expect(people.map((r) => r.provenance.record)).toEqual([
      "profile:https://www.linkedin.com/in/zofia-nowak-lis",
      "profile:https://www.linkedin.com/in/margot-ellery-4b2a19",
      "profile:https://www.linkedin.com/in/anton-novak-phd",
      "name:Helix Recruiting",
    ])
    expect(people[0]?.handles).toEqual([{ service: "linkedin", handle: "zofia-nowak-lis" }])
    expect(people[0]?.urls).toEqual([
      { value: "https://www.linkedin.com/in/zofia-nowak-lis", types: ["linkedin"] },
    ])
    expect(people[2]?.name).toEqual({
      given: "Anton",
      family: "Novak",
      suffix: "Ph.D.",
      formatted: "Anton Novak, Ph.D.",
    })
    expect(people[3]?.urls).toEqual([])
    const messages = interactions.filter((i) => i.provenance.file === file)
    expect(
      messages.map((i) => [
        i.provenance.record,
        i.direction,
        i.at,
        i.counterpart.record.split("/in/")[1] ?? i.counterpart.record,
      ]),
    ).toEqual([
      ["row:1", "incoming", "2024-12-16T18:24:37.000Z", "zofia-nowak-lis"],
      ["row:2", "outgoing", "2024-12-16T19:02:11.000Z", "zofia-nowak-lis"],
      ["row:4", "incoming", "2024-12-10T09:15:00.000Z", "margot-ellery-4b2a19"],
      ["row:5", "outgoing", "2024-12-10T10:01:00.000Z", "margot-ellery-4b2a19"],
      ["row:5", "outgoing", "2024-12-10T10:01:00.000Z", "anton-novak-phd"],
      ["row:6", "incoming", "2024-11-02T14:00:00.000Z", "name:Helix Recruiting"],
    ])
    for (const i of messages) expect(i.kind).toBe("message")
    // rows 3 (message draft) and 8 (conversation draft) leave no trace
    expect(messages.some((i) => i.provenance.record === "row:3" || i.provenance.record === "row:8")).toBe(
      false,
    )
    // line numbers stay right after the multi-line quoted content
    expect(issues.filter((i) => i.file === file).map((i) => [i.record, i.line, i.reason])).toEqual([
      ["row:7", 12, 'received message from an anonymous sender ("LinkedIn Member", no profile URL)'],
      ["row:9", 14, 'unreadable DATE "yesterday"'],
    ])
  })

  it("2026 messages.csv: every field quoted, ATTACHMENTS, CRLF inside content, owner guessed", async () => {
    const { self, records, interactions, issues } = await readFolder("2026", "/data/li")
    expect(issues).toEqual([])
    const messages = interactions.filter((i) => i.kind === "message")
    expect(messages.map((i) => [i.provenance.record, i.direction, i.at])).toEqual([
      ["row:1", "incoming", "2026-02-06T09:12:00.000Z"],
      ["row:2", "outgoing", "2026-02-06T10:40:05.000Z"],
      ["row:3", "outgoing", "2026-01-29T21:03:44.000Z"],
      ["row:4", "incoming", "2025-12-04T08:00:00.000Z"],
      ["row:5", "incoming", "2025-12-20T16:45:00.000Z"],
    ])
    expect(messages[4]?.counterpart.record).toBe("name:Northwind Talent")
    // the draft to Nadia creates neither an interaction nor a record
    expect(records.some((r) => r.provenance.record.includes("nadia"))).toBe(false)
    expect(self).toHaveLength(1)
    expect(self[0]?.name).toMatchObject({ given: "Jordan", family: "Castellanos" })
    expect(self[0]?.urls).toEqual([
      { value: "https://www.linkedin.com/in/jordan-castellanos", types: ["linkedin"] },
    ])
    expect(extraValue(self[0]!, "note")).toMatch(/guessed/)
  })

  it("finds me by the Profile.csv name when sent messages sit in INBOX and there are no invitations", async () => {
    const { interactions } = await readFolder("export-2024", "p", [
      "Connections.csv",
      "Profile.csv",
      "messages.csv",
    ])
    expect(interactions.map((i) => `${i.provenance.record}:${i.direction}`)).toEqual([
      "row:1:incoming",
      "row:2:outgoing",
      "row:4:incoming",
      "row:5:outgoing",
      "row:5:outgoing",
      "row:6:incoming",
    ])
  })

  it("finds me from OUTGOING rows when a 2018 export has no Profile.csv", async () => {
    const { self, interactions } = await readFolder("2018", "q", ["Connections.csv", "Messages.csv"])
    expect(self).toHaveLength(1)
    expect(self[0]?.provenance).toEqual({ source: "linkedin", file: "q/Messages.csv", record: "self" })
    expect(self[0]?.name).toMatchObject({ given: "Rosalind", family: "Achterberg" })
    expect(interactions).toHaveLength(6)
  })

  it("reports each message as an Issue when nothing tells who the owner is", async () => {
    const text = [
      "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER",
      "c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Bo Li,https://www.linkedin.com/in/bo-li,2025-01-01 10:00:00 UTC,,hi,INBOX",
      "c1,,Bo Li,https://www.linkedin.com/in/bo-li,Ann Lee,https://www.linkedin.com/in/ann-lee,2025-01-01 10:05:00 UTC,,hello,INBOX",
    ].join("\n")
    const { interactions, issues, self } = await readAll(LinkedInSource, [textInput("messages.csv", text)])
    expect(interactions).toEqual([])
    expect(self).toEqual([])
    expect(issues.map((i) => i.record)).toEqual(["row:1", "row:2"])
    expect(issues[0]?.reason).toMatch(/owner is unknown/)
  })

  it("splits a group's TO by the number of profile URLs, keeping credentials and all-caps names apart", async () => {
    const text = [
      "From,To,Date,Subject,Content,Direction,Folder",
      'Me Myself,"Jane Doe, CAMS, Bo Li, MBA","1/2/19, 3:04 PM",Hi,Hello all,OUTGOING,SENT',
    ].join("\n")
    const { interactions } = await readAll(LinkedInSource, [textInput("Messages.csv", text)])
    expect(interactions.map((i) => i.counterpart.record)).toEqual(["name:Jane Doe, CAMS", "name:Bo Li, MBA"])
    const urls = [
      "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT,FOLDER",
      'c1,Me Myself,https://www.linkedin.com/in/me,"ANNA KOWALSKI, MBA","https://www.linkedin.com/in/anna,https://www.linkedin.com/in/mba-corp",2025-01-01 10:00:00 UTC,hi,SENT',
    ].join("\n")
    const r = await readAll(LinkedInSource, [textInput("messages.csv", urls)])
    expect(r.records.map((x) => [x.provenance.record, x.name.formatted])).toEqual([
      ["profile:https://www.linkedin.com/in/anna", "ANNA KOWALSKI"],
      ["profile:https://www.linkedin.com/in/mba-corp", "MBA"],
    ])
  })
})

describe("Invitations.csv", () => {
  it("2018: Direction decides, counterparts by name", async () => {
    const { interactions } = await readFolder("2018", "r")
    const invitations = interactions.filter((i) => i.kind === "invitation")
    expect(invitations.map((i) => [i.direction, i.at, i.counterpart.record])).toEqual([
      ["outgoing", "2018-01-07T22:12:00.000Z", "name:Maren Holt"],
      ["incoming", "2018-06-02T08:00:00.000Z", "name:Sven Aaland, CFA"],
      ["outgoing", "2018-07-03T18:45:00.000Z", "name:Ines Carvalho"],
    ])
    for (const i of invitations) expect(i.provenance.file).toBe("r/Invitations.csv")
  })

  it("2024: profile URLs (one without a scheme), a narrow no-break space before PM, a bad date", async () => {
    const { interactions, records, issues } = await readFolder("export-2024", "s")
    const invitations = interactions.filter((i) => i.kind === "invitation")
    expect(invitations.map((i) => [i.provenance.record, i.direction, i.at, i.counterpart.record])).toEqual([
      [
        "row:1",
        "outgoing",
        "2024-12-15T07:47:00.000Z",
        "profile:https://www.linkedin.com/in/zofia-nowak-lis",
      ],
      [
        "row:2",
        "incoming",
        "2024-12-01T18:03:00.000Z",
        "profile:https://www.linkedin.com/in/priya-raman-cams",
      ],
      ["row:3", "outgoing", "2024-06-29T23:20:00.000Z", "profile:https://www.linkedin.com/in/kenji-watanabe"],
    ])
    const priya = records.find(
      (r) => r.provenance.record === "profile:https://www.linkedin.com/in/priya-raman-cams",
    )
    expect(priya?.name).toEqual({
      given: "Priya",
      family: "Raman",
      suffix: "CAMS",
      formatted: "Priya Raman, CAMS",
    })
    expect(issues.filter((i) => i.file === "s/Invitations.csv")).toEqual([
      { file: "s/Invitations.csv", record: "row:4", line: 5, reason: 'unreadable Sent At "not sent"' },
    ])
  })
})

describe("Self and imported contacts", () => {
  it("2024: one Self from Profile, Email Addresses, PhoneNumbers, Whatsapp and Positions", async () => {
    const { self } = await readFolder("export-2024", "t")
    expect(self).toHaveLength(1)
    const me = self[0]!
    expect(me.provenance).toEqual({ source: "linkedin", file: "t/Profile.csv", record: "self" })
    expect(me.name).toEqual({ given: "Saskia", family: "Verhoeven", formatted: "Saskia Verhoeven" })
    expect(me.birthday).toEqual({ month: 3, day: 31 })
    expect(me.emails).toEqual([
      { value: "saskia@lumengrid.example", types: [], primary: true },
      { value: "s.verhoeven@example.org", types: [] },
    ])
    expect(me.phones).toEqual([{ value: "+31 10 555 0142", types: ["cell", "whatsapp"] }])
    expect(me.organizations).toEqual([{ company: "Lumen Grid", title: "Head of Partnerships" }])
    expect(me.urls).toEqual([
      { value: "https://saskia.example.com", types: ["portfolio"] },
      { value: "https://www.linkedin.com/in/saskia-verhoeven", types: ["linkedin"] },
    ])
    expect(me.handles).toEqual([
      { service: "twitter", handle: "saskiav" },
      { service: "linkedin", handle: "saskia-verhoeven" },
    ])
    expect(me.notes).toEqual(["Building bridges between\nresearch and industry."])
    expect(extraValue(me, "Headline")).toBe("Partnerships at Lumen Grid")
    expect(extraValue(me, "Position")).toBe("Business Developer, Delta Energy Lab (Jun 2018 - May 2022)")
  })

  it("2018: birthday with a year, Twitter handle, typed websites, an unconfirmed e-mail, an empty phone row", async () => {
    const { self } = await readFolder("2018", "u")
    const me = self[0]!
    expect(me.birthday).toEqual({ year: 1998, month: 2, day: 17 })
    expect(me.handles).toEqual([
      { service: "twitter", handle: "rosachterberg" },
      { service: "skype", handle: "ros.achterberg" },
    ])
    expect(me.urls.map((u) => u.types[0])).toEqual(["company", "other"])
    expect(me.emails).toEqual([
      { value: "rosalind@achterberg.example", types: [], primary: true },
      { value: "ros.old@example.com", types: ["unconfirmed"] },
    ])
    expect(me.phones).toEqual([{ value: "+31 6 1234 5678", types: ["cell"] }])
    expect(me.addresses).toEqual([
      {
        types: ["home"],
        formatted: "Keizersgracht 1, Amsterdam",
        postalCode: "1015 CJ",
        country: "Netherlands",
      },
    ])
    expect(extraValue(me, "Maiden Name")).toBe("Visser")
  })

  it("imported contacts: several e-mails and phones per cell, an empty row as an Issue", async () => {
    const old = await readFolder("2018", "v")
    const gert = byRow(old.records, "Imported Contacts.csv", 1)
    expect(gert.emails.map((e) => e.value)).toEqual(["gert@mulderbouw.example", "g.mulder@example.nl"])
    expect(gert.phones.map((p) => p.value)).toEqual(["+31 20 555 0101", "+31 6 5550 0102"])
    expect(gert.birthday).toEqual({ year: 1970, month: 4, day: 22 })
    expect(gert.addresses).toEqual([{ types: [], formatted: "Dorpstraat 4, Utrecht" }])
    expect(byRow(old.records, "Imported Contacts.csv", 2).emails).toEqual([
      { value: "anna.b@example.de", types: [] },
    ])
    expect(old.issues.filter((i) => i.file === "v/Imported Contacts.csv")).toEqual([
      {
        file: "v/Imported Contacts.csv",
        record: "row:3",
        line: 4,
        reason: "no name, e-mail or phone number",
      },
    ])
    const recent = await readFolder("export-2024", "w")
    const marta = byRow(recent.records, "ImportedContacts.csv", 1)
    expect(marta.name).toEqual({ given: "Marta", family: "Kowalska", formatted: "Marta Kowalska" })
    expect(marta.emails).toHaveLength(2)
    const tariq = byRow(recent.records, "ImportedContacts.csv", 2)
    expect(tariq.phones.map((p) => p.value)).toEqual(["+44 20 7946 0011", "+44 7700 900123"])
    expect(tariq.birthday).toEqual({ month: 9, day: 9 })
  })
})

describe("the whole export", () => {
  it("export-2024 in figures", async () => {
    const { records, self, interactions, issues } = await readFolder("export-2024")
    expect(self).toHaveLength(1)
    expect(records).toHaveLength(7 + 2 + 4 + 3)
    expect(interactions.filter((i) => i.kind === "message")).toHaveLength(6)
    expect(interactions.filter((i) => i.kind === "invitation")).toHaveLength(3)
    expect(issues).toHaveLength(2 + 2 + 1)
  })

  it("fails with UnknownFormat for a Connections.csv or messages.csv that is not LinkedIn's", async () => {
    const garbage = await failure([textInput("x/Connections.csv", "just,some\nother,file\n")])
    expect(garbage).toMatch(/UnknownFormat/)
    expect(garbage).toMatch(/x\/Connections\.csv/)
    const messages = await failure([textInput("x/messages.csv", "a,b,c\n1,2,3\n")])
    expect(messages).toMatch(/not a LinkedIn messages\.csv/)
  })

  it("ignores files it does not read and empty files", async () => {
    const { items } = await readAll(LinkedInSource, [
      textInput("x/Skills.csv", "Name\nNegotiation\n"),
      textInput("x/messages.csv", ""),
      textInput("x/Invitations.csv", "From,To,Sent At,Message,Direction\n"),
    ])
    expect(items).toEqual([])
  })

  it("reads 20k connections with credentials in the last name", async () => {
    const header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    const rows: string[] = []
    for (let i = 0; i < 20_000; i++) {
      rows.push(
        `Given${i},"Family${i}, MBA",https://www.linkedin.com/in/p-${i},,Company ${i % 97},Engineer,0${(i % 9) + 1} Dec 2024`,
      )
    }
    const { records, issues } = await readAll(LinkedInSource, [
      textInput("Connections.csv", header + rows.join("\n")),
    ])
    expect(records).toHaveLength(20_000)
    expect(issues).toEqual([])
    expect(records[19_999]?.name).toMatchObject({ given: "Given19999", family: "Family19999", suffix: "MBA" })
  })
})

// sharedRoot() warns and returns undefined when ../shared is missing (and throws under CI)
const shared = sharedRoot()

describe.runIf(shared !== undefined)("shared corpus", () => {
  it("reads the 2016-17 Connections.csv of the corpus in place", async () => {
    const corpus = path.join(shared!, "corpus", "linkedin", "gsnaveen__Connections.csv")
    const file = fileInput(corpus, "data/Connections.csv")
    expect(LinkedInSource.claim({ origin: "data", files: [file] })).toEqual([file])
    const { records, issues } = await readAll(LinkedInSource, [file])
    expect(issues).toEqual([])
    expect(records).toHaveLength(3)
    expect(records.map((r) => r.connectedOn)).toEqual(["2016-12-22", "2016-11-21", "2016-11-22"])
    for (const r of records) expect(r.emails).toHaveLength(1)
  })
})

describe("connections of one shape", () => {
  it("share one hidden class for their organisations, row after row", async () => {
    // V8 shares a class among the first few objects a site makes either way: dozens tell.
    const rows = Array.from(
      { length: 40 },
      (_, i) => `Invented,Person${i},,Firm ${i},Engineer,"1/8/18, 6:14 PM"`,
    )
    const csv = ["First Name,Last Name,Email Address,Company,Position,Connected On", ...rows].join("\n")
    const { records } = await readAll(LinkedInSource, [textInput("/home/x/linkedin/Connections.csv", csv)])
    const orgs = records.map((r) => r.organizations[0]!)
    expect(orgs).toHaveLength(40)
    expect(orgs[0]).toEqual({ company: "Firm 0", title: "Engineer" })
    for (const o of orgs) expect(shareHiddenClass(o, orgs[39]!), o.company).toBe(true)
  })
})

describe("the record limit", () => {
  it("reports a Connections row over maxRecordBytes with its line and reads the others", async () => {
    const text = [
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
      "Ada,Berg,,ada@example.org,Nordlys AS,Engineer,01 Jan 2024",
      `Kai,Lund,,kai@example.no,Nordlys AS,${"x".repeat(2_000)},02 Jan 2024`,
      "Ola,Nord,,ola@example.no,Nordlys AS,Pilot,03 Jan 2024",
      "",
    ].join("\r\n")
    const files = [textInput("/home/x/linkedin/Connections.csv", text)]
    const { records, issues } = await readAll(
      LinkedInSource,
      LinkedInSource.claim({ origin: "/home/x/linkedin", files }),
      {
        maxRecordBytes: 1_000,
      },
    )
    expect(records.map((r) => r.name.given)).toEqual(["Ada", "Ola"])
    expect(issues.map((i) => [i.line, i.reason.slice(0, 40)])).toEqual([
      [3, "row of 2048 characters is over the recor"],
    ])
  })
})
