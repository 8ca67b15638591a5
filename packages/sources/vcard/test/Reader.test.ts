import { type Source, type SourceRecord, Text } from "@blackbook/model"
import { shareHiddenClass } from "@blackbook/model/test-support/hiddenClass"
import { readAll, textInput } from "@blackbook/model/testing"
import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { cardToRecord, decode, parseCards, VCardSource } from "../src/index.ts"

// All people below are invented.

const crlf = (...lines: ReadonlyArray<string>): string => `${lines.join("\r\n")}\r\n`
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "latin1"))
const concat = (...parts: ReadonlyArray<string | Uint8Array>): Uint8Array => {
  const chunks = parts.map((p) => (typeof p === "string" ? utf8(p) : p))
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
const file = (content: string | Uint8Array, path = "contacts.vcf"): Source.InputFile =>
  typeof content === "string" ? textInput(path, content) : { path, bytes: content }
const read = (content: string | Uint8Array, path?: string) => readAll(VCardSource, [file(content, path)])
const one = async (content: string | Uint8Array): Promise<SourceRecord.SourceRecord> => {
  const { records, issues } = await read(content)
  expect(issues).toEqual([])
  expect(records).toHaveLength(1)
  return records[0]!
}
const failure = (content: string | Uint8Array) =>
  Effect.runPromise(
    Effect.flip(Stream.runCollect(VCardSource.read([file(content, "bad.vcf")], { now: new Date() }))),
  )

describe("vCard 2.1 quoted-printable and charsets", () => {
  it("joins soft line breaks, also inside a UTF-8 sequence, and keeps the continuation verbatim", async () => {
    const r = await one(
      crlf(
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Sch=C3=",
        "=B6nfeld;J=C3=BCrgen;;;",
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen =",
        "Sch=C3=B6nfeld",
        "NOTE;ENCODING=QUOTED-PRINTABLE:First line=0D=0ASecond =",
        " line",
        "END:VCARD",
      ),
    )
    expect(r.name).toMatchObject({ family: "Schönfeld", given: "Jürgen", formatted: "Jürgen Schönfeld" })
    expect(r.notes).toEqual(["First line\nSecond  line"])
  })

  it("reads QP without CHARSET as UTF-8 when it is, else as cp1252, with the bare QUOTED-PRINTABLE form", async () => {
    const r = await one(
      crlf(
        "BEGIN:VCARD",
        "VERSION:2.1",
        "FN;QUOTED-PRINTABLE:Ren=C3=A9e Fauchard",
        "NOTE;ENCODING=QUOTED-PRINTABLE:Caf=E9 owner=92s note",
        "END:VCARD",
      ),
    )
    expect(r.name.formatted).toBe("Renée Fauchard")
    expect(r.notes).toEqual(["Café owner’s note"])
  })

  it("decodes raw 8-bit values with their own CHARSET when a file mixes charsets", async () => {
    const bytes = concat(
      "BEGIN:VCARD\r\nVERSION:2.1\r\n",
      "N;CHARSET=ISO-8859-1:",
      latin1("Håkansson;Öjvind"),
      "\r\nNOTE;CHARSET=UTF-8:Grüße aus Köln\r\n",
      "ORG;CHARSET=SHIFT_JIS:",
      Text.encodeCharset("架空商事", "shift_jis"),
      "\r\nTITLE;CHARSET=windows-1252:",
      latin1("Gesch\u00e4ftsf\u00fchrer"),
      "\r\nEND:VCARD\r\n",
    )
    const r = await one(bytes)
    expect(r.name).toMatchObject({ family: "Håkansson", given: "Öjvind" })
    expect(r.notes).toEqual(["Grüße aus Köln"])
    expect(r.organizations).toEqual([{ company: "架空商事", title: "Geschäftsführer" }])
  })

  it("reads undeclared 8-bit text as the file's legacy charset", async () => {
    const r = await one(
      concat(
        latin1(
          "BEGIN:VCARD\nVERSION:3.0\nN:M\u00fcnzberg;Fr\u00e4nzi;;;\nFN:Fr\u00e4nzi M\u00fcnzberg\nEND:VCARD\n",
        ),
      ),
    )
    expect(r.name).toMatchObject({ family: "Münzberg", given: "Fränzi", formatted: "Fränzi Münzberg" })
  })

  it("reads UTF-16BE without a BOM", async () => {
    const text = crlf("BEGIN:VCARD", "VERSION:3.0", "FN:Åsa Lindqvör", "EMAIL:asa@example.org", "END:VCARD")
    const bytes = Text.encodeCharset(text, "utf-16be")
    expect([bytes[0], bytes[1]]).toEqual([0, 0x42])
    const r = await one(bytes)
    expect(r.name.formatted).toBe("Åsa Lindqvör")
    expect(r.emails).toEqual([{ value: "asa@example.org", types: [] }])
  })
})

describe("unfolding", () => {
  it("rejoins a UTF-8 character split by a fold before decoding", async () => {
    const ue = utf8("ü")
    const bytes = concat(
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gr",
      ue.subarray(0, 1),
      "\r\n ",
      ue.subarray(1),
      "nwald Pietsch\r\nNOTE:Stra",
      utf8("ß").subarray(0, 1),
      "\r\n\t",
      utf8("ß").subarray(1),
      "e\r\nEND:VCARD\r\n",
    )
    const r = await one(bytes)
    expect(r.name.formatted).toBe("Grünwald Pietsch")
    expect(r.notes).toEqual(["Straße"])
  })

  it("unfolds CRLF, LF and bare CR line ends with space or TAB, also inside parameter lists", async () => {
    const r = await one(
      "BEGIN:VCARD\rVERSION:3.0\r\nFN:Cosima\n  Vandersteen\rTEL;TYPE=VOICE,CE\n\tLL:+44 20 7946 0321\r\nEMAIL;TYPE=INTERNET\r\n ,PREF:cosima@example.net\nEND:VCARD\r",
    )
    expect(r.name.formatted).toBe("Cosima Vandersteen")
    expect(r.phones).toEqual([{ value: "+44 20 7946 0321", types: ["cell"] }])
    expect(r.emails).toEqual([{ value: "cosima@example.net", types: [], primary: true }])
  })

  it("keeps raw line breaks inside a value, 2.1 backslash continuations and skips comment lines", async () => {
    const r = await one(
      [
        "BEGIN:VCARD",
        "VERSION:2.1",
        "FN:Ingrid Olbers",
        "LABEL;HOME:Lindenweg 4",
        "12345 Waldhausen",
        "ADR;WORK:;;Hafenstr. 2\\",
        "Postfach 7;Nordstadt;;54321;",
        "# exported by a phone",
        "END:VCARD",
        "",
      ].join("\n"),
    )
    expect(r.addresses).toEqual([
      { types: ["work"], street: "Hafenstr. 2\nPostfach 7", locality: "Nordstadt", postalCode: "54321" },
      { types: ["home"], formatted: "Lindenweg 4\n12345 Waldhausen" },
    ])
  })
})

describe("properties and parameters", () => {
  it("reads 2.1 bare types, PREF, lowercase names and names with spaces or slashes", async () => {
    const r = await one(
      crlf(
        "begin:vcard",
        "version:2.1",
        "fn:Tobiah Wrenfield",
        "TEL;WORK;VOICE:+1 555 0100",
        "TEL;CELL;PREF:+1 555 0101",
        "email;internet;home:tobiah@example.com",
        "X-GOOGLE TALK;TYPE=WORK:tobiah.w",
        "X-messaging/xmpp-All:tobiah@chat.example\uE000tw@chat.example",
        "end:vcard",
      ),
    )
    expect(r.phones).toEqual([
      { value: "+1 555 0100", types: ["work"] },
      { value: "+1 555 0101", types: ["cell"], primary: true },
    ])
    expect(r.emails).toEqual([{ value: "tobiah@example.com", types: ["home"] }])
    expect(r.handles).toEqual([
      { service: "gtalk", handle: "tobiah.w" },
      { service: "xmpp", handle: "tobiah@chat.example" },
      { service: "xmpp", handle: "tw@chat.example" },
    ])
  })

  it("turns Apple itemN.X-ABLabel groups into types and keeps custom labels verbatim", async () => {
    const r = await one(
      crlf(
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Philippa Oyelaran",
        "item1.URL;type=pref:https://philippa.example",
        "item1.X-ABLabel:_$!<HomePage>!$_",
        "ITEM2.TEL:+234 1 555 0199",
        "ITEM2.X-ABLABEL:Studio Line",
        "item3.EMAIL;type=INTERNET:po@example.org",
        "item3.X-ABLabel:",
        "item4.X-ABRELATEDNAMES:Kayode",
        "item4.X-ABLabel:_$!<Spouse>!$_",
        "item5.IMPP;X-SERVICE-TYPE=aim:aim:Philippa%20Other",
        "item5.X-ABLabel:_$!<Other>!$_",
        "END:VCARD",
      ),
    )
    expect(r.urls).toEqual([{ value: "https://philippa.example", types: ["homepage"], primary: true }])
    expect(r.phones).toEqual([{ value: "+234 1 555 0199", types: ["Studio Line"] }])
    expect(r.emails).toEqual([{ value: "po@example.org", types: [] }])
    // handles carry no types, so the label of item5 is kept in extra like item4's
    expect(r.handles).toEqual([{ service: "aim", handle: "Philippa Other" }])
    expect(r.extra).toEqual([
      { name: "item4.X-ABRELATEDNAMES", value: "Kayode" },
      { name: "item4.X-ABLabel", value: "_$!<Spouse>!$_" },
      { name: "item5.X-ABLabel", value: "_$!<Other>!$_" },
    ])
  })

  it("maps the modelled properties and keeps everything else in extra, verbatim with its parameters", async () => {
    const r = await one(
      crlf(
        "BEGIN:VCARD",
        "VERSION:3.0",
        "UID:urn:uuid:1f6c2a4e-0000-4000-8000-00000000abcd",
        "N:Marchetti;Lucia;Anna,Maria;Dr.;PhD",
        "FN:Dr. Lucia Marchetti",
        "NICKNAME:Lu,Lulu",
        "ORG:Fictional Optics S.r.l.;Research\\; Lenses;Prototypes",
        "TITLE:Head of Lenses",
        "ROLE:Reviewer",
        "ADR;TYPE=WORK:PO 12;Floor 3;Via Inventata 9;Torino;TO;10100;Italy",
        "URL;TYPE=WORK:https://optics.example/lucia",
        "NOTE:Met at the\\, fair\\nBring samples",
        "CATEGORIES:Suppliers,Italy",
        "X-SOCIALPROFILE;type=twitter:https://twitter.com/lucia_optics",
        "IMPP;X-SERVICE-TYPE=Skype:skype:lucia.marchetti",
        "X-AIM:lucia_aim",
        "GEO:45.07;7.68",
        "X-CUSTOM;X-PARAM=a:kept\\, verbatim",
        "END:VCARD",
      ),
    )
    expect(r.name).toEqual({
      family: "Marchetti",
      given: "Lucia",
      middle: "Anna Maria",
      prefix: "Dr.",
      suffix: "PhD",
      formatted: "Dr. Lucia Marchetti",
      nickname: "Lu, Lulu",
    })
    expect(r.organizations).toEqual([
      {
        company: "Fictional Optics S.r.l.",
        department: "Research; Lenses, Prototypes",
        title: "Head of Lenses",
      },
    ])
    expect(r.addresses).toEqual([
      {
        types: ["work"],
        poBox: "PO 12",
        extended: "Floor 3",
        street: "Via Inventata 9",
        locality: "Torino",
        region: "TO",
        postalCode: "10100",
        country: "Italy",
      },
    ])
    expect(r.urls).toEqual([{ value: "https://optics.example/lucia", types: ["work"] }])
    expect(r.notes).toEqual(["Met at the, fair\nBring samples"])
    expect(r.categories).toEqual(["Suppliers", "Italy"])
    expect(r.handles).toEqual([
      { service: "twitter", handle: "lucia_optics" },
      { service: "skype", handle: "lucia.marchetti" },
      { service: "aim", handle: "lucia_aim" },
    ])
    expect(r.extra).toEqual([
      { name: "UID", value: "urn:uuid:1f6c2a4e-0000-4000-8000-00000000abcd" },
      { name: "ROLE", value: "Reviewer" },
      { name: "GEO", value: "45.07;7.68" },
      { name: "X-CUSTOM;X-PARAM=a", value: "kept\\, verbatim" },
    ])
  })

  it("drops transport parameters from extra names because the value is decoded", async () => {
    const r = await one(
      crlf(
        "BEGIN:VCARD",
        "VERSION:2.1",
        "FN:Ove Brandt",
        "X-MS-MANAGER;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:S=C3=B8ren",
        "END:VCARD",
      ),
    )
    expect(r.extra).toEqual([{ name: "X-MS-MANAGER", value: "Søren" }])
  })

  it("matches LABEL to the ADR with the same types and reads the 4.0 LABEL parameter", async () => {
    const r = await one(
      crlf(
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Henrike Solberg",
        'ADR;TYPE=home;LABEL="Fjordveien 3\\nBergen":;;Fjordveien 3;Bergen;;5003;Norway',
        "ADR;TYPE=work:;;Kaigaten 1;Bergen;;5015;Norway",
        "LABEL;TYPE=work:Kaigaten 1\\nBergen",
        "END:VCARD",
      ),
    )
    expect(r.addresses.map((a) => [a.types, a.street, a.formatted])).toEqual([
      [["home"], "Fjordveien 3", "Fjordveien 3\nBergen"],
      [["work"], "Kaigaten 1", "Kaigaten 1\nBergen"],
    ])
  })

  it("reads the Android nickname row and keeps other X-ANDROID-CUSTOM rows in extra", async () => {
    const r = await one(
      crlf(
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N:Quillfeather;Marlowe;;;",
        "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Marl;1;;;;;;;;;;;;;",
        "X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Ada;1;;;;;;;;;;;;;",
        "END:VCARD",
      ),
    )
    expect(r.name.nickname).toBe("Marl")
    expect(r.extra).toEqual([
      { name: "X-ANDROID-CUSTOM", value: "vnd.android.cursor.item/relation;Ada;1;;;;;;;;;;;;;" },
    ])
  })
})

describe("birthdays", () => {
  const bday = async (line: string) =>
    (await one(crlf("BEGIN:VCARD", "FN:Edda Voss", line, "END:VCARD"))).birthday

  it.each([
    ["BDAY:1984-04-22", { year: 1984, month: 4, day: 22 }],
    ["BDAY:19840422", { year: 1984, month: 4, day: 22 }],
    ["BDAY:1984-04-22T00:00:00Z", { year: 1984, month: 4, day: 22 }],
    ["BDAY:--04-22", { month: 4, day: 22 }],
    ["BDAY:--0422", { month: 4, day: 22 }],
    ["BDAY:16040422", { month: 4, day: 22 }],
    ["BDAY;X-APPLE-OMIT-YEAR=1900:1900-04-22", { month: 4, day: 22 }],
    ["BDAY;VALUE=text:spring 1984", { text: "spring 1984" }],
    ["BDAY:1984-02-30", { text: "1984-02-30" }],
    ["BDAY:22.04.1984", { text: "22.04.1984" }],
  ])("%s", async (line, expected) => {
    expect(await bday(line)).toEqual(expected)
  })
})

describe("photos", () => {
  const photo = async (...lines: ReadonlyArray<string>) =>
    one(crlf("BEGIN:VCARD", "VERSION:3.0", "FN:Rasmus Kjeldgaard", ...lines, "END:VCARD"))

  it("reads 2.1 base64 with continuation lines ended by a blank line", async () => {
    const r = await one(
      crlf(
        "BEGIN:VCARD",
        "VERSION:2.1",
        "FN:Rasmus Kjeldgaard",
        "PHOTO;ENCODING=BASE64;JPEG:",
        "  /9j/4AAQSkZJRgAB",
        "  AQAAAQABAAD/2wBD",
        "",
        "TEL:+45 55 50 01 23",
        "END:VCARD",
      ),
    )
    expect(r.photo).toBe("data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBD")
    expect(r.phones).toEqual([{ value: "+45 55 50 01 23", types: [] }])
  })

  it("reads 3.0 ENCODING=b, data: URIs (also under ENCODING=b), URLs, and keeps invalid data in extra", async () => {
    expect((await photo("PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgoAAAANSUhEUg==")).photo).toBe(
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==",
    )
    expect((await photo("PHOTO;ENCODING=b;TYPE=png:data:image/png;base64,iVBORw0KGgo=")).photo).toBe(
      "data:image/png;base64,iVBORw0KGgo=",
    )
    expect((await photo("PHOTO;VALUE=uri:https://img.example/rk.jpg")).photo).toBe(
      "https://img.example/rk.jpg",
    )
    const bad = await photo("PHOTO;ENCODING=b;TYPE=JPEG:not:base64!")
    expect(bad.photo).toBeUndefined()
    expect(bad.extra).toEqual([{ name: "PHOTO;ENCODING=b;TYPE=JPEG", value: "not:base64!" }])
  })
})

describe("cards, junk and issues", () => {
  it("numbers cards by position, skips junk and blank lines, and reports broken cards as issues", async () => {
    const { records, issues } = await read(
      [
        "Exported by a fictional tool",
        "",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "",
        "FN:Alvar Pennington",
        "END:VCARD",
        "some junk between cards",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "END:VCARD",
        "",
        "BEGIN:VCARD",
        "EMAIL:no.name@example.com",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Truncated Tamsin",
      ].join("\n"),
    )
    expect(records.map((r) => [r.provenance.record, r.name.formatted, r.emails[0]?.value])).toEqual([
      ["card:1", "Alvar Pennington", undefined],
      ["card:3", undefined, "no.name@example.com"],
    ])
    expect(issues).toEqual([
      {
        file: "contacts.vcf",
        record: "card:2",
        line: 9,
        reason: "empty card: no values besides VERSION",
      },
      {
        file: "contacts.vcf",
        record: "card:4",
        line: 16,
        reason: "card is not closed by END:VCARD (truncated file?)",
      },
    ])
    expect(records[0]!.provenance).toEqual({ source: "vcard", file: "contacts.vcf", record: "card:1" })
  })

  it("accepts a BOM before BEGIN (concatenated files) and Ctrl-Z after END", async () => {
    const { records, issues } = await read(
      concat(
        "\uFEFFBEGIN:VCARD\r\nFN:Wilhelmina Tarrant\r\nEND:VCARD\r\n",
        "\uFEFFBEGIN:VCARD\r\nFN:Octavian Merriweather\r\nEND:VCARD\u001a",
      ),
    )
    expect(issues).toEqual([])
    expect(records.map((r) => r.name.formatted)).toEqual(["Wilhelmina Tarrant", "Octavian Merriweather"])
  })

  it("keeps nested cards separate and AGENT-embedded cards inside the outer card", async () => {
    const { records } = await read(
      crlf(
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N:Outerby;Cassia",
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N:Innes;Dorian",
        "END:VCARD",
        "TEL:+31 20 555 0142",
        "AGENT:BEGIN:VCARD",
        " VERSION:3.0",
        " FN:Agent Abernethy",
        " END:VCARD",
        "EMAIL:cassia@example.nl",
        "END:VCARD",
      ),
    )
    expect(
      records.map((r) => [r.provenance.record, r.name.family, r.phones.length, r.emails.length]),
    ).toEqual([
      ["card:1", "Outerby", 1, 1],
      ["card:2", "Innes", 0, 0],
    ])
    expect(records[0]!.extra).toEqual([
      { name: "AGENT", value: "BEGIN:VCARDVERSION:3.0FN:Agent AbernethyEND:VCARD" },
    ])
  })

  it("yields nothing for an empty file and fails only for input that is not vCard text", async () => {
    expect((await read(new Uint8Array(0))).items).toEqual([])
    expect((await read("\r\n  \n")).items).toEqual([])
    const binary = await failure(
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
    )
    expect(binary.reason).toMatchObject({
      _tag: "UnreadableFile",
      path: "bad.vcf",
      detail: "binary content, not vCard text",
    })
    const noCard = await failure("FN:Only a line\n")
    expect(noCard.reason).toMatchObject({ _tag: "UnreadableFile", detail: "no BEGIN:VCARD found" })
  })
})

describe("VCardSource.claim", () => {
  it("claims by content, with junk before BEGIN:VCARD and any extension; empty .vcf files too", () => {
    const files = [
      textInput("a.txt", "X-JUNK\r\nbegin:vCard\r\nFN:Ida Claimwell\r\nEND:VCARD\r\n"),
      { path: "b.bin", bytes: Text.encodeCharset("BEGIN:VCARD\r\nFN:Ida\r\nEND:VCARD\r\n", "utf-16le") },
      textInput("c.vcf", "First Name,Last Name\nIda,Claimwell\n"),
      { path: "d.vcf", bytes: new Uint8Array(0) },
      { path: "e.csv", bytes: new Uint8Array(0) },
    ]
    expect(VCardSource.claim({ origin: "in", files }).map((f) => f.path)).toEqual(["a.txt", "b.bin", "d.vcf"])
    expect(VCardSource.name).toBe("vcard")
    expect(VCardSource.kind).toBe("file")
  })
})

describe("library functions", () => {
  it("parseCards returns raw properties and cardToRecord maps them like decode", () => {
    const text = crlf(
      "BEGIN:VCARD",
      "VERSION:2.1",
      "item1.TEL;WORK;VOICE:+61 2 5550 1234",
      "NOTE;ENCODING=QUOTED-PRINTABLE:a=3Db",
      "END:VCARD",
    )
    const [card] = parseCards(text)
    expect(card).toMatchObject({ index: 1, line: 1, version: "2.1", terminated: true })
    expect(card!.properties.map((p) => [p.group, p.name, p.value, p.params.map((x) => x.values)])).toEqual([
      [undefined, "VERSION", "2.1", []],
      ["item1", "TEL", "+61 2 5550 1234", [["WORK"], ["VOICE"]]],
      [undefined, "NOTE", "a=b", [["QUOTED-PRINTABLE"]]],
    ])
    const viaDecode = decode({ path: "x.vcf", bytes: utf8(text) })
    expect(viaDecode._tag).toBe("Success")
    const items = viaDecode._tag === "Success" ? viaDecode.success : []
    expect(items).toEqual([{ _tag: "Record", record: cardToRecord(card!, "x.vcf") }])
  })
})

describe("volume", () => {
  it("reads 20k mixed 2.1/3.0 cards, every one a record", { timeout: 120_000 }, () => {
    const card = (i: number) =>
      i % 2 === 0
        ? `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nN:${i};Person;;;\r\nEMAIL;TYPE=INTERNET;TYPE=HOME:p${i}@example.com\r\nTEL;TYPE=CELL:+49 170 ${i}\r\nitem1.URL:https://example.com/${i}\r\nitem1.X-ABLabel:_$!<HomePage>!$_\r\nADR;TYPE=HOME:;;Street ${i};Town;;12345;Germany\r\nNOTE:A note long enough to be folded over two lines by a careful exporter th\r\n at folds\r\nEND:VCARD\r\n`
        : `BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=B6rg ${i}\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=B6rg=\r\n M=C3=BCller ${i}\r\nTEL;CELL;VOICE:0170 ${i}\r\nEMAIL;PREF;INTERNET:jm${i}@example.com\r\nEND:VCARD\r\n`
    const bytes = utf8(Array.from({ length: 20_000 }, (_, i) => card(i)).join(""))
    const result = decode({ path: "big.vcf", bytes })
    expect(result._tag).toBe("Success")
    const items = result._tag === "Success" ? result.success : []
    expect(items.filter((i) => i._tag === "Record")).toHaveLength(20_000)
    expect(items[1]).toMatchObject({ _tag: "Record", record: { name: { formatted: "Jörg Müller 1" } } })
  })
})

describe("cards of one shape", () => {
  it("share one hidden class for their organisations, card after card", async () => {
    // V8 shares a class among the first few objects a site makes either way: dozens tell.
    const cards = Array.from({ length: 40 }, (_, i) =>
      crlf("BEGIN:VCARD", "VERSION:3.0", `FN:Invented Person ${i}`, `ORG:Firm ${i};Research`, "END:VCARD"),
    ).join("")
    const { records } = await read(cards)
    const orgs = records.map((r) => r.organizations[0]!)
    expect(orgs).toHaveLength(40)
    expect(orgs[0]).toEqual({ company: "Firm 0", department: "Research" })
    for (const o of orgs) expect(shareHiddenClass(o, orgs[39]!), o.company).toBe(true)
  })
})
