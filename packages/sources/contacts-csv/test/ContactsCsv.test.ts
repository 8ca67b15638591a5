import { Source } from "@blackbook/model"
import { shareHiddenClass } from "@blackbook/model/test-support/hiddenClass"
import { readAll, textInput } from "@blackbook/model/testing"
import { Cause, Effect, Exit, Result, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { ContactsCsv, ContactsCsvSource } from "../src/index.ts"
import {
  cp1252,
  csvText,
  input,
  outlookDefaults,
  outlookEnglish,
  quoteAll,
  quoteSome,
  utf8,
  utf16le,
} from "./fixtures.ts"

const now = new Date("2026-01-15T00:00:00Z")
const read = (file: Source.InputFile, options: Partial<Source.ReadOptions> = {}) =>
  readAll(ContactsCsvSource, [file], { now, ...options })

/** The stream's failure, for files that cannot be read at all. */
const failure = async (file: Source.InputFile, options: Partial<Source.ReadOptions> = {}) => {
  const exit = await Effect.runPromiseExit(
    Stream.runCollect(ContactsCsvSource.read([file], { now, ...options })),
  )
  if (!Exit.isFailure(exit)) throw new Error("expected the read to fail")
  const error = Cause.findError(exit.cause)
  if (Result.isFailure(error)) throw new Error("expected a typed failure")
  return error.success
}

describe("Outlook desktop, English", () => {
  const text = csvText(outlookEnglish, [
    {
      ...outlookDefaults,
      Title: "Dr.",
      "First Name": "Ada",
      "Middle Name": "B.",
      "Last Name": "Quill",
      Suffix: "PhD",
      Company: "Quill & Vane Ltd",
      Department: "Research",
      "Job Title": "Lead Chemist",
      "Business Street": "4 Inkwell Row",
      "Business Street 2": "Floor 3",
      "Business City": "Leeds",
      "Business Postal Code": "LS1 4AB",
      "Business Country/Region": "United Kingdom",
      "Business Phone": "+44 113 496 0000",
      "Business Fax": "+44 113 496 0001",
      "Mobile Phone": "+44 7700 900123",
      "Home Phone": "+44 113 496 0999",
      Birthday: "4/22/1975",
      Categories: "Chemistry; Conference 2019",
      "E-mail Address": "ada@quill.example",
      "E-mail Type": "SMTP",
      "E-mail Display Name": "Ada Quill (ada@quill.example)",
      "E-mail 2 Address": "ada.quill@home.example",
      Notes: "Met at the ink fair.\r\nLikes fountain pens.",
      "Web Page": "https://quill.example",
      Spouse: "Ben Quill",
    },
    {
      ...outlookDefaults,
      "First Name": "Bruno",
      "Last Name": "Falk",
      "E-mail Address": "/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=bfalk",
      "E-mail Type": "EX",
      "E-mail Display Name": "Bruno Falk (bruno.falk@corp.example)",
    },
  ])

  it("reads names, organization, typed phones and e-mails, addresses, birthday, notes and categories", async () => {
    const { records, issues } = await read(textInput("contacts.csv", text))
    expect(issues).toEqual([])
    expect(records).toHaveLength(2)
    const ada = records[0]!
    expect(ada.provenance).toEqual({ source: "outlook-csv", file: "contacts.csv", record: "row:1" })
    expect(ada.name).toEqual({ prefix: "Dr.", given: "Ada", middle: "B.", family: "Quill", suffix: "PhD" })
    expect(ada.organizations).toEqual([
      { company: "Quill & Vane Ltd", department: "Research", title: "Lead Chemist" },
    ])
    expect(ada.emails).toEqual([
      { value: "ada@quill.example", types: [] },
      { value: "ada.quill@home.example", types: [] },
    ])
    expect(ada.phones).toEqual([
      { value: "+44 113 496 0001", types: ["work", "fax"] },
      { value: "+44 113 496 0000", types: ["work"] },
      { value: "+44 113 496 0999", types: ["home"] },
      { value: "+44 7700 900123", types: ["cell"] },
    ])
    expect(ada.addresses).toEqual([
      {
        types: ["work"],
        street: "4 Inkwell Row\nFloor 3",
        locality: "Leeds",
        postalCode: "LS1 4AB",
        country: "United Kingdom",
      },
    ])
    expect(ada.birthday).toEqual({ year: 1975, month: 4, day: 22 })
    expect(ada.categories).toEqual(["Chemistry", "Conference 2019"])
    expect(ada.notes).toEqual(["Met at the ink fair.\nLikes fountain pens."])
    expect(ada.urls).toEqual([{ value: "https://quill.example", types: [] }])
  })

  it("keeps unmodelled columns verbatim in extra and drops only Outlook's empty defaults", async () => {
    const { records } = await read(textInput("contacts.csv", text))
    expect(records[0]!.extra).toEqual([
      { name: "E-mail Type", value: "SMTP" },
      { name: "E-mail Display Name", value: "Ada Quill (ada@quill.example)" },
      { name: "Spouse", value: "Ben Quill" },
    ])
    // 0/0/00 birthday and anniversary, Normal, False, Unspecified: nothing left
    expect(records[1]!.birthday).toBeUndefined()
    expect(records[1]!.extra.map((e) => e.name)).not.toContain("Anniversary")
  })

  it("takes an Exchange (EX) entry's SMTP address from its display name and keeps the X.500 DN", async () => {
    const { records } = await read(textInput("contacts.csv", text))
    const bruno = records[1]!
    expect(bruno.emails).toEqual([{ value: "bruno.falk@corp.example", types: [] }])
    expect(bruno.extra).toContainEqual({
      name: "E-mail Address",
      value: "/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=bfalk",
    })
  })

  it("settles ambiguous dates by the file's unambiguous ones (an English-UK export)", async () => {
    const header = ["First Name", "Last Name", "E-mail Address", "Birthday"]
    const uk = csvText(header, [
      {
        "First Name": "Cara",
        "Last Name": "Wren",
        "E-mail Address": "cara@wren.example",
        Birthday: "22/4/1975",
      },
      {
        "First Name": "Dov",
        "Last Name": "Reed",
        "E-mail Address": "dov@reed.example",
        Birthday: "3/4/1980",
      },
    ])
    const { records } = await read(textInput("uk.csv", uk))
    expect(records.map((r) => r.birthday)).toEqual([
      { year: 1975, month: 4, day: 22 },
      { year: 1980, month: 4, day: 3 },
    ])
  })
})

describe("records of one shape", () => {
  it("share one hidden class for their birthdays, row after row", async () => {
    // V8 shares a class among the first few objects a site makes either way: dozens tell.
    // Thunderbird's split columns (a "Birthday" text is read by core's CalendarDate instead).
    const header = ["First Name", "Last Name", "Birth Year", "Birth Month", "Birth Day"]
    const rows = Array.from({ length: 40 }, (_, i) => ({
      "First Name": `Invented${i}`,
      "Last Name": "Person",
      "Birth Year": `${1950 + i}`,
      "Birth Month": `${1 + (i % 12)}`,
      "Birth Day": `${1 + (i % 28)}`,
    }))
    const { records } = await read(textInput("people.csv", csvText(header, rows)))
    const birthdays = records.map((r) => r.birthday!)
    expect(birthdays).toHaveLength(40)
    for (const b of birthdays) expect(shareHiddenClass(b, birthdays[39]!), JSON.stringify(b)).toBe(true)
  })
})

describe("Outlook, localised", () => {
  it("reads a German export in Windows-1252 with day-first dates and German defaults", async () => {
    const header = [
      "Anrede",
      "Vorname",
      "Weitere Vornamen",
      "Nachname",
      "Firma",
      "Abteilung",
      "Position",
      "Straße geschäftlich",
      "Ort geschäftlich",
      "Region geschäftlich",
      "Postleitzahl geschäftlich",
      "Land/Region geschäftlich",
      "Telefon geschäftlich",
      "Mobiltelefon",
      "E-Mail-Adresse",
      "E-Mail-Typ",
      "Geburtstag",
      "Geschlecht",
      "Jahrestag",
      "Kategorien",
      "Notizen",
      "Privat",
      "Vertraulichkeit",
    ]
    const text = csvText(header, [
      {
        Anrede: "Frau",
        Vorname: "Jördis",
        Nachname: "Müßig",
        Firma: "Süßwaren Köhler GmbH",
        Position: "Einkäuferin",
        "Straße geschäftlich": "Lindenstraße 12",
        "Ort geschäftlich": "Köln",
        "Region geschäftlich": "NRW",
        "Postleitzahl geschäftlich": "50667",
        "Land/Region geschäftlich": "Deutschland",
        "Telefon geschäftlich": "+49 221 5550100",
        Mobiltelefon: "+49 151 5550199",
        "E-Mail-Adresse": "joerdis@koehler.example",
        "E-Mail-Typ": "SMTP",
        Geburtstag: "3.4.1971",
        Geschlecht: "Keine Angabe",
        Jahrestag: "0.0.00",
        Kategorien: "Lieferanten;Köln",
        Privat: "Aus",
        Vertraulichkeit: "Normal",
      },
    ])
    const { records, issues } = await read(input("kontakte.csv", cp1252(text)))
    expect(issues).toEqual([])
    const r = records[0]!
    expect(r.provenance.source).toBe("outlook-csv")
    expect(r.name).toEqual({ prefix: "Frau", given: "Jördis", family: "Müßig" })
    expect(r.organizations).toEqual([{ company: "Süßwaren Köhler GmbH", title: "Einkäuferin" }])
    expect(r.addresses).toEqual([
      {
        types: ["work"],
        street: "Lindenstraße 12",
        locality: "Köln",
        region: "NRW",
        postalCode: "50667",
        country: "Deutschland",
      },
    ])
    expect(r.phones).toEqual([
      { value: "+49 221 5550100", types: ["work"] },
      { value: "+49 151 5550199", types: ["cell"] },
    ])
    expect(r.birthday).toEqual({ year: 1971, month: 4, day: 3 })
    expect(r.categories).toEqual(["Lieferanten", "Köln"])
    expect(r.extra).toEqual([{ name: "E-Mail-Typ", value: "SMTP" }])
  })

  it("matches German headers whose umlauts were destroyed into U+FFFD", async () => {
    const header = [
      "Vorname",
      "Nachname",
      "Stra\ufffde gesch\ufffdftlich",
      "Telefon gesch\ufffdftlich",
      "B\ufffdro",
    ]
    const text = csvText(header, [
      {
        Vorname: "Jonas",
        Nachname: "Brandt",
        "Stra\ufffde gesch\ufffdftlich": "Hafenweg 3",
        "Telefon gesch\ufffdftlich": "+49 40 5550123",
        "B\ufffdro": "2.17",
      },
    ])
    const { records } = await read(textInput("damaged.csv", text))
    const r = records[0]!
    expect(r.provenance.source).toBe("outlook-csv")
    expect(r.addresses).toEqual([{ types: ["work"], street: "Hafenweg 3" }])
    expect(r.phones).toEqual([{ value: "+49 40 5550123", types: ["work"] }])
    // a known-but-unmodelled column keeps its damaged name verbatim
    expect(r.extra).toEqual([{ name: "B\ufffdro", value: "2.17" }])
  })

  it("reads French with semicolons, day-first dates and the repeated Titre (courtesy, then job)", async () => {
    const header = [
      "Titre",
      "Prénom",
      "Nom",
      "Société",
      "Titre",
      "Adresse de messagerie",
      "Tél. mobile",
      "Téléphone (bureau)",
      "Ville (bureau)",
      "Anniversaire",
      "Catégories",
    ]
    const lines = [
      quoteAll(header, ";"),
      quoteAll(
        [
          "M.",
          "Élie",
          "Garnier",
          "Verrerie Garnier",
          "Directeur",
          "elie@garnier.example",
          "+33 6 55 50 12 34",
          "+33 1 55 50 00 00",
          "Lyon",
          "3/4/1968",
          "Clients",
        ],
        ";",
      ),
    ]
    const { records } = await read(textInput("contacts-fr.csv", `${lines.join("\r\n")}\r\n`))
    const r = records[0]!
    expect(r.provenance.source).toBe("outlook-csv")
    expect(r.name).toEqual({ prefix: "M.", given: "Élie", family: "Garnier" })
    expect(r.organizations).toEqual([{ company: "Verrerie Garnier", title: "Directeur" }])
    expect(r.emails).toEqual([{ value: "elie@garnier.example", types: [] }])
    expect(r.phones).toEqual([
      { value: "+33 6 55 50 12 34", types: ["cell"] },
      { value: "+33 1 55 50 00 00", types: ["work"] },
    ])
    expect(r.addresses).toEqual([{ types: ["work"], locality: "Lyon" }])
    expect(r.birthday).toEqual({ year: 1968, month: 4, day: 3 })
  })

  it("reads Spanish and Italian headers", async () => {
    const es = csvText(
      [
        "Nombre",
        "Apellidos",
        "Organización",
        "Puesto",
        "Dirección de correo electrónico",
        "Teléfono móvil",
        "Cumpleaños",
      ],
      [
        {
          Nombre: "Lucía",
          Apellidos: "Ferrer Soto",
          Organización: "Olivares del Sur",
          Puesto: "Gerente",
          "Dirección de correo electrónico": "lucia@olivares.example",
          "Teléfono móvil": "+34 655 501 234",
          Cumpleaños: "9/10/1982",
        },
      ],
    )
    const it_ = csvText(
      ["Nome", "Cognome", "Società", "Indirizzo posta elettronica", "Cellulare", "Abitazione", "Compleanno"],
      [
        {
          Nome: "Matteo",
          Cognome: "Bellini",
          Società: "Cartiera Bellini",
          "Indirizzo posta elettronica": "matteo@bellini.example",
          Cellulare: "+39 333 555 0101",
          Abitazione: "+39 06 5550 0101",
          Compleanno: "9/10/1979",
        },
      ],
    )
    const [spanish] = (await read(textInput("es.csv", es))).records
    const [italian] = (await read(textInput("it.csv", it_))).records
    expect(spanish!.provenance.source).toBe("outlook-csv")
    expect(spanish!.name).toEqual({ given: "Lucía", family: "Ferrer Soto" })
    expect(spanish!.organizations).toEqual([{ company: "Olivares del Sur", title: "Gerente" }])
    expect(spanish!.emails[0]?.value).toBe("lucia@olivares.example")
    expect(spanish!.phones).toEqual([{ value: "+34 655 501 234", types: ["cell"] }])
    expect(spanish!.birthday).toEqual({ year: 1982, month: 10, day: 9 })
    expect(italian!.provenance.source).toBe("outlook-csv")
    expect(italian!.name).toEqual({ given: "Matteo", family: "Bellini" })
    expect(italian!.organizations).toEqual([{ company: "Cartiera Bellini" }])
    expect(italian!.phones).toEqual([
      { value: "+39 333 555 0101", types: ["cell"] },
      { value: "+39 06 5550 0101", types: ["home"] },
    ])
    expect(italian!.birthday).toEqual({ year: 1979, month: 10, day: 9 })
  })

  it("reads the Outlook.com web export (English names, smaller set)", async () => {
    const header = [
      "First Name",
      "Middle Name",
      "Last Name",
      "Title",
      "Suffix",
      "Nickname",
      "Given Yomi",
      "Surname Yomi",
      "E-mail Address",
      "E-mail 2 Address",
      "E-mail 3 Address",
      "Home Phone",
      "Business Phone",
      "Mobile Phone",
      "Job Title",
      "Department",
      "Company",
      "Home Street",
      "Home City",
      "Home Postal Code",
      "Home Country/Region",
      "Personal Web Page",
      "Birthday",
      "Notes",
    ]
    const text = csvText(
      header,
      [
        {
          "First Name": "Noor",
          "Last Name": "Haddad",
          Nickname: "Nono",
          "E-mail Address": "noor@haddad.example",
          "Mobile Phone": "+1 206 555 0143",
          "Home City": "Seattle",
          "Personal Web Page": "https://noor.example",
          Birthday: "11/2/1990",
        },
      ],
      { quote: "some" },
    )
    const [r] = (await read(textInput("outlook-com.csv", text))).records
    expect(r!.provenance.source).toBe("outlook-csv")
    expect(r!.name).toEqual({ given: "Noor", family: "Haddad", nickname: "Nono" })
    expect(r!.urls).toEqual([{ value: "https://noor.example", types: ["home"] }])
    expect(r!.addresses).toEqual([{ types: ["home"], locality: "Seattle" }])
    expect(r!.birthday).toEqual({ year: 1990, month: 11, day: 2 })
  })

  it("reads Google's Outlook-CSV flavour (formatted address columns, Categories with ;)", async () => {
    const header = [
      "First Name",
      "Middle Name",
      "Last Name",
      "Title",
      "Suffix",
      "Initials",
      "Web Page",
      "Gender",
      "Birthday",
      "E-mail Address",
      "E-mail 2 Address",
      "Mobile Phone",
      "Home Address",
      "Home Street",
      "Home City",
      "Home Country",
      "Company",
      "Job Title",
      "Business Country",
      "Categories",
    ]
    const text = csvText(
      header,
      [
        {
          "First Name": "Ines",
          "Last Name": "Correia",
          "E-mail Address": "ines@correia.example",
          "Home Address": "Rua das Flores 8\nPorto\nPortugal",
          "Home City": "Porto",
          "Home Country": "Portugal",
          "Business Country": "Spain",
          Categories: "Rowing club officers;myContacts",
        },
      ],
      { quote: "some" },
    )
    const [r] = (await read(textInput("google-outlook.csv", text))).records
    expect(r!.provenance.source).toBe("outlook-csv")
    expect(r!.categories).toEqual(["Rowing club officers", "myContacts"])
    expect(r!.addresses).toEqual([
      {
        types: ["home"],
        formatted: "Rua das Flores 8\nPorto\nPortugal",
        locality: "Porto",
        country: "Portugal",
      },
      { types: ["work"], country: "Spain" },
    ])
  })
})

describe("Google", () => {
  it("reads Name columns that hold an e-mail address as no name, adding the address once", async () => {
    const header = ["Name", "Given Name", "Family Name", "E-mail 1 - Type", "E-mail 1 - Value"]
    const text = csvText(
      header,
      [
        { Name: "", "Given Name": "ivo.brandt@gmail", "Family Name": "com" },
        {
          Name: "Mila.Ferro@Harbour.example",
          "Given Name": "Mila.Ferro@Harbour",
          "Family Name": "example",
          "E-mail 1 - Type": "* Work",
          "E-mail 1 - Value": "mila.ferro@harbour.example",
        },
        { Name: "", "Given Name": "nobody@", "Family Name": "nowhere" },
      ],
      { quote: "some", eol: "\n" },
    )
    const { records } = await read(input("google.csv", utf8(text)))
    expect(records.map((r) => r.name)).toEqual([{}, {}, {}])
    expect(records[0]!.emails.map((e) => e.value)).toEqual(["ivo.brandt@gmail.com"])
    expect(records[0]!.extra).toContainEqual({ name: "nameAsWritten", value: "ivo.brandt@gmail com" })
    expect(records[1]!.emails.map((e) => e.value)).toEqual(["mila.ferro@harbour.example"])
    expect(records[1]!.extra).toContainEqual({ name: "nameAsWritten", value: "Mila.Ferro@Harbour.example" })
    expect(records[2]!.emails).toEqual([])
    expect(records[2]!.extra).toContainEqual({ name: "nameAsWritten", value: "nobody@ nowhere" })
  })

  it("reads the legacy export: ::: multi-values, * primary, custom labels, IM, year-less birthday", async () => {
    const header = [
      "Name",
      "Given Name",
      "Additional Name",
      "Family Name",
      "Yomi Name",
      "Name Prefix",
      "Name Suffix",
      "Nickname",
      "Birthday",
      "Notes",
      "Group Membership",
      "E-mail 1 - Type",
      "E-mail 1 - Value",
      "E-mail 2 - Type",
      "E-mail 2 - Value",
      "IM 1 - Type",
      "IM 1 - Service",
      "IM 1 - Value",
      "Phone 1 - Type",
      "Phone 1 - Value",
      "Phone 2 - Type",
      "Phone 2 - Value",
      "Address 1 - Type",
      "Address 1 - Formatted",
      "Address 1 - Street",
      "Address 1 - City",
      "Address 1 - PO Box",
      "Address 1 - Region",
      "Address 1 - Postal Code",
      "Address 1 - Country",
      "Address 1 - Extended Address",
      "Organization 1 - Type",
      "Organization 1 - Name",
      "Organization 1 - Title",
      "Relation 1 - Type",
      "Relation 1 - Value",
      "Website 1 - Type",
      "Website 1 - Value",
    ]
    const text = csvText(
      header,
      [
        {
          Name: "Rosa Lindqvist",
          "Given Name": "Rosa",
          "Family Name": "Lindqvist",
          Birthday: " --04-22",
          Notes: "Knows everyone\nat the harbour",
          "Group Membership": "* myContacts ::: Sailing ::: * starred",
          "E-mail 1 - Type": "* Home",
          "E-mail 1 - Value": "rosa@lindqvist.example ::: rosa.l@mail.example",
          "E-mail 2 - Type": "Work",
          "E-mail 2 - Value": "r.lindqvist@harbour.example",
          "IM 1 - Type": "Other",
          "IM 1 - Service": "Skype",
          "IM 1 - Value": "rosa.sails",
          "Phone 1 - Type": "Mobile",
          "Phone 1 - Value": "+46 70 555 01 01 ::: +46 70 555 01 02",
          "Phone 2 - Type": "Telma",
          "Phone 2 - Value": "+261 32 555 0101",
          "Address 1 - Type": "Home",
          "Address 1 - Formatted": "Kajgatan 2\nGöteborg",
          "Address 1 - Street": "Kajgatan 2",
          "Address 1 - City": "Göteborg",
          "Address 1 - Country": "SE",
          "Organization 1 - Type": "Other",
          "Organization 1 - Name": "Harbour Pilots",
          "Organization 1 - Title": "Pilot",
          "Relation 1 - Type": "Spouse",
          "Relation 1 - Value": "Erik",
          "Website 1 - Type": "Blog",
          "Website 1 - Value": "https://rosa.example",
        },
      ],
      { quote: "some", eol: "\n" },
    )
    const { records, issues } = await read(textInput("google.csv", text))
    expect(issues).toEqual([])
    const r = records[0]!
    expect(r.provenance.source).toBe("google-csv")
    expect(r.name).toEqual({ formatted: "Rosa Lindqvist", given: "Rosa", family: "Lindqvist" })
    expect(r.birthday).toEqual({ month: 4, day: 22 })
    expect(r.categories).toEqual(["myContacts", "Sailing", "starred"])
    expect(r.emails).toEqual([
      { value: "rosa@lindqvist.example", types: ["home"], primary: true },
      { value: "rosa.l@mail.example", types: ["home"] },
      { value: "r.lindqvist@harbour.example", types: ["work"] },
    ])
    expect(r.phones).toEqual([
      { value: "+46 70 555 01 01", types: ["cell"] },
      { value: "+46 70 555 01 02", types: ["cell"] },
      { value: "+261 32 555 0101", types: ["Telma"] },
    ])
    expect(r.handles).toEqual([{ service: "skype", handle: "rosa.sails" }])
    expect(r.addresses).toEqual([
      {
        types: ["home"],
        formatted: "Kajgatan 2\nGöteborg",
        street: "Kajgatan 2",
        locality: "Göteborg",
        country: "SE",
      },
    ])
    expect(r.organizations).toEqual([{ company: "Harbour Pilots", title: "Pilot" }])
    expect(r.urls).toEqual([{ value: "https://rosa.example", types: ["blog"] }])
    expect(r.notes).toEqual(["Knows everyone\nat the harbour"])
    expect(r.extra).toEqual([
      { name: "Organization 1 - Type", value: "Other" },
      { name: "Relation 1 - Type", value: "Spouse" },
      { name: "Relation 1 - Value", value: "Erik" },
    ])
  })

  it("reads the 2020+ export with a BOM: Labels, `- Label` columns, `* ` alone as primary", async () => {
    const header = [
      "First Name",
      "Middle Name",
      "Last Name",
      "Phonetic First Name",
      "Name Prefix",
      "Name Suffix",
      "Nickname",
      "File As",
      "Organization Name",
      "Organization Title",
      "Organization Department",
      "Birthday",
      "Notes",
      "Photo",
      "Labels",
      "E-mail 1 - Label",
      "E-mail 1 - Value",
      "E-mail 2 - Label",
      "E-mail 2 - Value",
      "Phone 1 - Label",
      "Phone 1 - Value",
    ]
    const text = csvText(
      header,
      [
        {
          "First Name": "Tomás",
          "Last Name": "Ybarra",
          "File As": "Ybarra, Tomás",
          "Organization Name": "Ybarra Tiles",
          "Organization Title": "Owner",
          Birthday: "1984-07-30",
          Photo: "https://photos.example/tomas.jpg",
          Labels: "* coworkers ::: * myContacts",
          "E-mail 1 - Label": "* ",
          "E-mail 1 - Value": "tomas@ybarra.example",
          "E-mail 2 - Label": "ältere",
          "E-mail 2 - Value": "tomas.old@mail.example",
          "Phone 1 - Label": "Mobile",
          "Phone 1 - Value": "+34 600 555 010 ::: +34 600 555 011",
        },
      ],
      { quote: "some" },
    )
    const { records } = await read(input("contacts.csv", utf8(text, true)))
    const r = records[0]!
    expect(r.provenance.source).toBe("google-csv")
    expect(r.name).toEqual({ given: "Tomás", family: "Ybarra" })
    expect(r.organizations).toEqual([{ company: "Ybarra Tiles", title: "Owner" }])
    expect(r.categories).toEqual(["coworkers", "myContacts"])
    expect(r.emails).toEqual([
      { value: "tomas@ybarra.example", types: [], primary: true },
      { value: "tomas.old@mail.example", types: ["ältere"] },
    ])
    expect(r.phones.map((p) => p.value)).toEqual(["+34 600 555 010", "+34 600 555 011"])
    expect(r.birthday).toEqual({ year: 1984, month: 7, day: 30 })
    expect(r.photo).toBe("https://photos.example/tomas.jpg")
    expect(r.extra).toEqual([{ name: "File As", value: "Ybarra, Tomás" }])
  })
})

describe("Thunderbird", () => {
  it("claims a header-less file only when its fifth field is an e-mail on every sampled row", async () => {
    const positional = textInput(
      "tb.csv",
      "Ada,Quince,Ada Quince,aq,ada@example.org,,\nBo\tFenn\tBo Fenn\t\tbo@example.org\n",
    )
    const numbers = textInput("numbers.csv", "1,2,3,4,5\n6,7,8,9,10\n")
    expect(ContactsCsvSource.claim({ origin: "x", files: [positional, numbers] })).toEqual([positional])
    const { records } = await readAll(ContactsCsvSource, [positional])
    expect(records.map((r) => [r.name.given, r.name.family, r.name.nickname, r.emails[0]?.value])).toEqual([
      ["Ada", "Quince", "aq", "ada@example.org"],
      ["Bo", "Fenn", undefined, "bo@example.org"],
    ])
  })

  const header = [
    "First Name",
    "Last Name",
    "Display Name",
    "Nickname",
    "Primary Email",
    "Secondary Email",
    "Screen Name",
    "Work Phone",
    "Home Phone",
    "Fax Number",
    "Pager Number",
    "Mobile Number",
    "Home Address",
    "Home Address 2",
    "Home City",
    "Home State",
    "Home ZipCode",
    "Home Country",
    "Work Address",
    "Work Address 2",
    "Work City",
    "Work State",
    "Work ZipCode",
    "Work Country",
    "Job Title",
    "Department",
    "Organization",
    "Web Page 1",
    "Web Page 2",
    "Birth Year",
    "Birth Month",
    "Birth Day",
    "Custom 1",
    "Custom 2",
    "Custom 3",
    "Custom 4",
    "Notes",
  ]

  it("reads its columns, the birthday parts and the AIM screen name; trailing comma ignored", async () => {
    const line = quoteSome([
      "Mira",
      "Sato",
      "Mira Sato",
      "mimi",
      "mira@sato.example",
      "m.sato@old.example",
      "mirasato",
      "+81 3 5550 0101",
      "",
      "",
      "",
      "+81 90 5550 0101",
      "2-1 Kanda",
      "Apt 5",
      "Tokyo",
      "",
      "101-0041",
      "Japan",
      "",
      "",
      "",
      "",
      "",
      "",
      "Editor",
      "Books",
      "Sato Press",
      "https://satopress.example",
      "https://mira.example",
      "1988",
      "2",
      "29",
      "likes tea",
      "",
      "",
      "",
      "",
    ])
    const text = `${header.join(",")},\r\n${line},\r\n`
    const { records, issues } = await read(textInput("thunderbird.csv", text))
    expect(issues).toEqual([])
    const r = records[0]!
    expect(r.provenance.source).toBe("thunderbird-csv")
    expect(r.name).toEqual({ given: "Mira", family: "Sato", formatted: "Mira Sato", nickname: "mimi" })
    expect(r.emails).toEqual([
      { value: "mira@sato.example", types: [], primary: true },
      { value: "m.sato@old.example", types: [] },
    ])
    expect(r.handles).toEqual([{ service: "aim", handle: "mirasato" }])
    expect(r.phones).toEqual([
      { value: "+81 3 5550 0101", types: ["work"] },
      { value: "+81 90 5550 0101", types: ["cell"] },
    ])
    expect(r.addresses).toEqual([
      {
        types: ["home"],
        street: "2-1 Kanda\nApt 5",
        locality: "Tokyo",
        postalCode: "101-0041",
        country: "Japan",
      },
    ])
    expect(r.organizations).toEqual([{ title: "Editor", department: "Books", company: "Sato Press" }])
    expect(r.urls).toEqual([
      { value: "https://satopress.example", types: ["work"] },
      { value: "https://mira.example", types: ["home"] },
    ])
    expect(r.birthday).toEqual({ year: 1988, month: 2, day: 29 })
    expect(r.extra).toEqual([{ name: "Custom 1", value: "likes tea" }])
  })

  it("reads UTF-16LE with a BOM (Thunderbird's Unicode export)", async () => {
    const text = `${header.join(",")}\r\n${quoteSome(["Zoë", "Ångström", "Zoë Ångström", "", "zoe@angstrom.example"])}\r\n`
    const { records } = await read(input("utf16.csv", utf16le(text)))
    expect(records[0]!.name).toEqual({ given: "Zoë", family: "Ångström", formatted: "Zoë Ångström" })
    expect(records[0]!.emails[0]!.value).toBe("zoe@angstrom.example")
  })
})

describe("generic CSV (no mapping)", () => {
  it("reads named columns by synonyms and labels the records `csv`", async () => {
    const text = [
      "Full Name\tWork Email\tMobile\tCompany\tLinkedIn URL\tSegment",
      "Olu Adeyemi\tolu@adeyemi.example\t+234 803 555 0101\tAdeyemi Foods\thttps://www.linkedin.com/in/olu-adeyemi\tB2B",
    ].join("\n")
    const { records } = await read(textInput("crm.tsv", text))
    const r = records[0]!
    expect(r.provenance).toEqual({ source: "csv", file: "crm.tsv", record: "row:1" })
    expect(r.name).toEqual({ formatted: "Olu Adeyemi" })
    expect(r.emails).toEqual([{ value: "olu@adeyemi.example", types: ["work"] }])
    expect(r.phones).toEqual([{ value: "+234 803 555 0101", types: ["cell"] }])
    expect(r.organizations).toEqual([{ company: "Adeyemi Foods" }])
    expect(r.handles).toEqual([{ service: "linkedin", handle: "https://www.linkedin.com/in/olu-adeyemi" }])
    expect(r.extra).toEqual([{ name: "Segment", value: "B2B" }])
  })

  it("finds a header that is not on the first line and numbers rows from it", async () => {
    const text = [
      "Address book export",
      "Generated 2025-03-01",
      "",
      "First Name;Last Name;E-mail Address;Mobile Phone",
      "Pia;Kern;pia@kern.example;+43 660 5550101",
      "Udo;Lenz;udo@lenz.example;",
    ].join("\n")
    const { records, issues } = await read(textInput("preamble.csv", text))
    expect(issues).toEqual([])
    expect(records.map((r) => [r.provenance.record, r.name.given])).toEqual([
      ["row:1", "Pia"],
      ["row:2", "Udo"],
    ])
    expect(ContactsCsv.detect(utf8(text))).toEqual({
      layout: "outlook",
      source: "outlook-csv",
      delimiter: ";",
      headerLine: 4,
    })
  })
})

describe("bad rows become issues, the import goes on", () => {
  const header = "First Name,Last Name,E-mail Address,Notes,Company"

  it("reports too many fields, broken quoting, other delimiters and empty contacts with file, row and line", async () => {
    const text = [
      header,
      'Kai,Berg,kai@berg.example,"two\nlines",Berg AB', // row 1, lines 2-3
      "Lea,Moss,lea@moss.example,,Moss Ltd,surplus", // row 2: a shifted row
      "Ned,Shaw,ned@shaw.example,,Shaw Co,,,", // row 3: trailing empty cells are fine
      ",,,,", // row 4: blank, skipped silently
      ',,,"only a note",', // row 5: data but nobody
      "Ola\tVik\tola@vik.example", // row 6: written with tabs
      "Per,Dahl", // row 7: short rows are fine (trailing cells dropped)
      'Rut,Ek,rut@ek.example,"never closed,Ek AB', // row 8: broken quote
    ].join("\n")
    const { records, issues } = await read(textInput("bad.csv", text))
    expect(records.map((r) => [r.provenance.record, r.name.given])).toEqual([
      ["row:1", "Kai"],
      ["row:3", "Ned"],
      ["row:7", "Per"],
    ])
    expect(records[0]!.notes).toEqual(["two\nlines"])
    expect(issues).toEqual([
      { file: "bad.csv", record: "row:2", line: 4, reason: "row has 6 fields but the header has 5" },
      {
        file: "bad.csv",
        record: "row:5",
        line: 7,
        reason: "empty contact row: no name, e-mail, phone or company",
      },
      { file: "bad.csv", record: "row:6", line: 8, reason: 'row is separated by TAB, the header by ","' },
      {
        file: "bad.csv",
        record: "row:8",
        line: 10,
        reason: "malformed quoting: a quoted field opened on line 10 is never closed",
      },
    ])
  })

  it("fails the file with UnknownFormat when no row is a contacts header", async () => {
    const error = await failure(textInput("ledger.csv", "date,amount,category\n2025-01-02,12.50,food\n"))
    expect(error).toBeInstanceOf(Source.SourceError)
    expect(error.reason._tag).toBe("UnknownFormat")
    expect(error.reason.path).toBe("ledger.csv")
  })
})

describe("claim", () => {
  const bundle = (files: ReadonlyArray<Source.InputFile>): Source.InputBundle => ({ origin: "in", files })
  const claimed = (file: Source.InputFile) => ContactsCsvSource.claim(bundle([file])).length === 1

  it("claims Outlook, Google, Thunderbird and generic contact CSVs by content, whatever the name", () => {
    expect(claimed(textInput("a.txt", `${quoteAll(outlookEnglish)}\r\n`))).toBe(true)
    expect(claimed(textInput("b", "Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value\n"))).toBe(
      true,
    )
    expect(claimed(textInput("c.csv", "First Name,Last Name,Display Name,Nickname,Primary Email\n"))).toBe(
      true,
    )
    expect(claimed(textInput("d.csv", "Name;Email;Phone\nAmy Roe;amy@roe.example;\n"))).toBe(true)
  })

  it("leaves LinkedIn exports, other CSVs and non-CSV files alone", () => {
    const preamble =
      'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n'
    const connections = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    expect(claimed(textInput("Connections.csv", preamble + connections))).toBe(false)
    expect(claimed(textInput("Connections.csv", connections))).toBe(false)
    expect(
      claimed(textInput("c.csv", "First Name,Last Name,Email Address,Company,Position,Connected On\n")),
    ).toBe(false)
    expect(
      claimed(
        textInput(
          "Imported Contacts.csv",
          "First Name,Last Name,Companies,Title,Email Address,Phone Numbers,Created At,Instant Message Handles,Addresses,Sites,Full Name,Birthday,Location,Bookmarked At,Profiles\n",
        ),
      ),
    ).toBe(false)
    expect(
      claimed(textInput("Profile.csv", "First Name,Last Name,Maiden Name,Address,Birth Date,Headline\n")),
    ).toBe(false)
    expect(claimed(textInput("ledger.csv", "date,amount,category\n"))).toBe(false)
    expect(claimed(textInput("names.csv", "First Name,Last Name\nAmy,Roe\n"))).toBe(false)
    expect(claimed(textInput("card.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Amy Roe\nEND:VCARD\n"))).toBe(false)
    expect(claimed(textInput("tweets.js", "window.YTD.tweets.part0 = [ {\n"))).toBe(false)
  })
})

describe("hostile rows stay linear", () => {
  it("reads a row whose name cell starts with 300,000 semicolons beside an address", async () => {
    const text = `First Name,Middle Name,Last Name\r\nKai,,Lund\r\n${";".repeat(300_000)}Conor,conor.walsh@example.ie,Walsh\r\n`
    const { records } = await read(textInput("people.csv", text))
    expect(records).toHaveLength(2)
    expect(records[1]!.emails.map((e) => e.value)).toEqual(["conor.walsh@example.ie"])
  })
})

describe("the record limit", () => {
  it("reports a row over maxRecordBytes with its line and reads the others", async () => {
    const text = `First Name,Last Name,Notes\r\nAda,Berg,\r\nKai,Lund,"${"x".repeat(2_000)}"\r\nOla,Nord,\r\n`
    const { records, issues } = await read(textInput("people.csv", text), { maxRecordBytes: 1_000 })
    expect(records.map((r) => r.name.given)).toEqual(["Ada", "Ola"])
    expect(issues.map((i) => [i.record, i.line, i.reason.slice(0, 60)])).toEqual([
      ["row:2", 3, "row of 2009 characters is over the record limit of 1000 (max"],
    ])
  })
})
