import type { NameParts } from "@blackbook/model/SourceRecord"
import { describe, expect, it } from "vitest"
import * as Name from "../src/Name.ts"
import {
  charMask,
  JaroWinklerMemo,
  jaroWinkler,
  jaroWinklerAtLeast,
  jaroWinklerMayReach,
  nameMask,
  namesMayReach,
  textHash,
} from "../src/Similarity.ts"

describe("Name.fold", () => {
  it.each([
    ["", ""],
    ["   ", ""],
    ["Jürgen", "jurgen"],
    ["François", "francois"],
    ["Zoë", "zoe"],
    ["Ñuñez", "nunez"],
    ["Straße", "strasse"],
    ["Søren", "soren"],
    ["Łukasz", "lukasz"],
    ["Đorđe", "dorde"],
    ["Ærø", "aero"],
    ["Œuvre", "oeuvre"],
    ["𝓩𝓪𝓫", "zab"],
    ["𝐁𝐨𝐥𝐝 𝐍𝐚𝐦𝐞", "bold name"],
    ["Ｊａｎｅ", "jane"],
    ["ᴊᴀɴᴇ ᴅᴏᴇ", "jane doe"],
    ["Jane 🚀 Doe", "jane doe"],
    ["👩‍💻 Jane", "jane"],
    ["🇩🇪 Jürgen 👍🏽", "jurgen"],
    ["  Jane\t\n Doe ", "jane doe"],
    ["O'Brien-Smith", "o'brien-smith"],
  ])("%j gives %j", (input, expected) => {
    expect(Name.fold(input)).toBe(expected)
  })

  it("keeps combining marks that are part of non-Latin letters", () => {
    expect(Name.fold("नमस्ते")).toBe("नमस्ते".normalize("NFC"))
    expect(Name.fold("Ёлка")).toBe("елка")
  })
})

describe("Name.tokens", () => {
  it.each<[string, ReadonlyArray<string>]>([
    ["", []],
    ["Jean-Luc O'Brien", ["jean", "luc", "obrien"]],
    ["J.R.R. Tolkien", ["jrr", "tolkien"]],
    ["  Anna   Meyer 🌻", ["anna", "meyer"]],
  ])("%j gives %j", (input, expected) => {
    expect(Name.tokens(input)).toEqual(expected)
  })
})

describe("Name.initials", () => {
  it.each<[string | NameParts, string]>([
    ["", ""],
    ["Jean-Luc Picard", "jlp"],
    [{ given: "Jane", middle: "Quinn", family: "Public", prefix: "Dr." }, "jqp"],
    [{ family: "Ålund" }, "a"],
  ])("%j gives %j", (input, expected) => {
    expect(Name.initials(input)).toBe(expected)
  })
})

describe("Name.parse (formatted)", () => {
  it.each<[string, NameParts]>([
    ["", {}],
    ["   ", {}],
    ["Madonna", { given: "Madonna", formatted: "Madonna" }],
    ["Jane Doe", { given: "Jane", family: "Doe", formatted: "Jane Doe" }],
    ["Doe, Jane", { given: "Jane", family: "Doe", formatted: "Doe, Jane" }],
    ["Doe, Jane Mary", { given: "Jane", middle: "Mary", family: "Doe", formatted: "Doe, Jane Mary" }],
    [
      "Dr. Jane Q. Public III",
      {
        prefix: "Dr.",
        given: "Jane",
        middle: "Q.",
        family: "Public",
        suffix: "III",
        formatted: "Dr. Jane Q. Public III",
      },
    ],
    [
      "Prof. Dr. Hans Müller",
      { prefix: "Prof. Dr.", given: "Hans", family: "Müller", formatted: "Prof. Dr. Hans Müller" },
    ],
    [
      "Herr Jürgen Schmidt",
      { prefix: "Herr", given: "Jürgen", family: "Schmidt", formatted: "Herr Jürgen Schmidt" },
    ],
    ["Mr Smith", { prefix: "Mr", family: "Smith", formatted: "Mr Smith" }],
    ["Jane Doe, PhD", { given: "Jane", family: "Doe", suffix: "PhD", formatted: "Jane Doe, PhD" }],
    [
      "Jane Doe, Ph.D., MBA",
      { given: "Jane", family: "Doe", suffix: "Ph.D., MBA", formatted: "Jane Doe, Ph.D., MBA" },
    ],
    ["John Smith Jr.", { given: "John", family: "Smith", suffix: "Jr.", formatted: "John Smith Jr." }],
    ["Smith Jr., John", { given: "John", family: "Smith", suffix: "Jr.", formatted: "Smith Jr., John" }],
    ["Jane Doe, M.A.", { given: "Jane", family: "Doe", suffix: "M.A.", formatted: "Jane Doe, M.A." }],
    // Ma and Do are family names unless a comma or dots say otherwise.
    ["Jack Ma", { given: "Jack", family: "Ma", formatted: "Jack Ma" }],
    ["Anh Do", { given: "Anh", family: "Do", formatted: "Anh Do" }],
    ["Ludwig van Beethoven", { given: "Ludwig", family: "van Beethoven", formatted: "Ludwig van Beethoven" }],
    ["Ana de la Cruz", { given: "Ana", family: "de la Cruz", formatted: "Ana de la Cruz" }],
    [
      'Robert "Bob" Smith',
      { given: "Robert", family: "Smith", nickname: "Bob", formatted: 'Robert "Bob" Smith' },
    ],
    ["Jane Doe 🚀", { given: "Jane", family: "Doe", formatted: "Jane Doe 🚀" }],
    ["Jane Doe, Acme Corp", { given: "Jane", family: "Doe", formatted: "Jane Doe, Acme Corp" }],
  ])("%j gives %j", (input, expected) => {
    expect(Name.parse(input)).toEqual(expected)
  })

  it("reads one-word given and family names as the word-by-word reading does", () => {
    // Words that are honorifics, credentials, generations or particles when among others; a lone
    // word stays a name. Padding with spaces takes the word-by-word reading, which trims.
    const words = [
      "Jane",
      "Dr",
      "Sir",
      "Jr",
      "III",
      "PhD",
      "Ma",
      "Van",
      "De",
      "Zoë",
      "Łukasz",
      "李",
      "Ангела",
    ]
    const pad = (s: string): string => ` ${s} `
    let checked = 0
    for (const given of [...words, undefined])
      for (const family of [...words, undefined])
        for (const extra of [{}, { prefix: " Prof ", suffix: "OBE", middle: "Ann", nickname: "JJ" }]) {
          const name: NameParts = Object.assign(
            {},
            extra,
            given !== undefined ? { given } : {},
            family !== undefined ? { family } : {},
          )
          const padded: NameParts = Object.assign(
            {},
            extra,
            given !== undefined ? { given: pad(given) } : {},
            family !== undefined ? { family: pad(family) } : {},
          )
          expect(Name.parse(name), JSON.stringify(name)).toEqual(Name.parse(padded))
          checked++
        }
    expect(checked).toBe(2 * 14 * 14)
  })
})

describe("Name.parse (parts)", () => {
  it.each<[NameParts, NameParts]>([
    [{}, {}],
    [{ given: "  ", family: "" }, {}],
    [
      { given: "Jane", family: "Doe" },
      { given: "Jane", family: "Doe" },
    ],
    [
      { given: "Dr. Jane", family: "Novak, Ph.D." },
      { prefix: "Dr.", given: "Jane", family: "Novak", suffix: "Ph.D." },
    ],
    [
      { given: "John", family: "Smith Jr" },
      { given: "John", family: "Smith", suffix: "Jr" },
    ],
    [
      { given: "John", family: "Smith", suffix: "Sr." },
      { given: "John", family: "Smith", suffix: "Sr." },
    ],
    [{ formatted: "Doe, Jane" }, { given: "Jane", family: "Doe", formatted: "Doe, Jane" }],
    [
      { formatted: "Jane Doe", nickname: "JD" },
      { given: "Jane", family: "Doe", nickname: "JD", formatted: "Jane Doe" },
    ],
    [{ family: "Ma" }, { family: "Ma" }],
  ])("%j gives %j", (input, expected) => {
    expect(Name.parse(input)).toEqual(expected)
  })
})

describe("Name.displayName", () => {
  it.each<[NameParts, string | undefined]>([
    [{}, undefined],
    [{ formatted: "  Jane Doe " }, "Jane Doe"],
    [{ given: "Jane", family: "Doe", middle: "Q" }, "Jane Doe"],
    [{ family: "Doe" }, "Doe"],
    [{ nickname: "JD" }, "JD"],
  ])("%j gives %j", (input, expected) => {
    expect(Name.displayName(input)).toBe(expected)
  })
})

describe("Name.generation", () => {
  it.each<[NameParts, Name.Generation | undefined]>([
    [{}, undefined],
    [{ suffix: "Jr." }, "jr"],
    [{ suffix: "Junior" }, "jr"],
    [{ suffix: "Sr" }, "sr"],
    [{ suffix: "III" }, "iii"],
    [{ suffix: "PhD" }, undefined],
    [{ suffix: "Jr., MD" }, "jr"],
  ])("%j gives %j", (input, expected) => {
    expect(Name.generation(input)).toBe(expected)
  })
})

describe("jaroWinkler", () => {
  it.each<[string, string, number]>([
    ["", "", 1],
    ["abc", "", 0],
    ["abc", "abc", 1],
    ["abc", "xyz", 0],
    ["martha", "marhta", 0.961],
    ["dwayne", "duane", 0.84],
    ["dixon", "dicksonx", 0.813],
    ["jellyfish", "smellyfish", 0.896],
    // 32 characters and more take the path without bit masks
    ["abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456798", 0.994],
  ])("%j ~ %j is %d", (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3)
    expect(jaroWinkler(b, a)).toBeCloseTo(expected, 3)
  })

  it("jaroWinklerAtLeast answers as the full measure does, whatever its early bound turns away", () => {
    // Strings over a small alphabet (many near-misses) plus accented and long ones.
    const alphabet = "aeinrst.@éü0"
    let seed = 7
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const word = () =>
      Array.from(
        { length: 1 + Math.floor(next() * 40) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join("")
    let below = 0
    let turnedAway = 0
    for (let k = 0; k < 5000; k++) {
      const a = word()
      const b = next() < 0.3 ? a.slice(0, -1) + word().slice(0, 2) : word()
      for (const t of [0.7, 0.8, 0.85, 0.88, 0.92]) {
        const full = jaroWinkler(a, b) >= t
        expect(jaroWinklerAtLeast(a, b, t), `${a} ~ ${b} at ${t}`).toBe(full)
        expect(
          new JaroWinklerMemo<object>(2).atLeast({}, {}, a, b, textHash(a), textHash(b), t),
          `${a} ~ ${b} at ${t}`,
        ).toBe(full)
        // The constant-time bound never turns away a pair that reaches the threshold.
        if (full) {
          expect(jaroWinklerMayReach(a, b, charMask(a), charMask(b), t), `${a} ~ ${b}`).toBe(true)
          expect(namesMayReach(a, b, nameMask(a), nameMask(b), t), `${a} ~ ${b}`).toBe(true)
        } else if (!jaroWinklerMayReach(a, b, charMask(a), charMask(b), t)) turnedAway++
        if (!full) below++
      }
    }
    // The memo gives the same answers, with four slots for thousands of pairs asked twice over.
    const memo = new JaroWinklerMemo<{ readonly s: string }>(2)
    const values = Array.from({ length: 60 }, () => ({ s: word() }))
    let asked = 0
    for (let round = 0; round < 2; round++)
      for (const x of values)
        for (const y of values)
          for (const t of [0.8, 0.88]) {
            const full = jaroWinkler(x.s, y.s) >= t
            const m = memo.atLeast(x, y, x.s, y.s, textHash(x.s), textHash(y.s), t)
            expect(m, `${x.s} ~ ${y.s} at ${t}`).toBe(full)
            asked++
          }
    expect(asked).toBe(2 * 60 * 60 * 2)
    expect(below).toBeGreaterThan(0)
    expect(turnedAway).toBeGreaterThan(0)
    expect(jaroWinklerAtLeast("martha", "marhta", 0.96)).toBe(true)
    expect(jaroWinklerAtLeast("martha", "marhta", 0.97)).toBe(false)
  })

  it("Name.similarity folds first", () => {
    expect(Name.similarity("JÜRGEN", "jurgen")).toBe(1)
    expect(Name.similarity("Jon", "John")).toBeGreaterThan(0.9)
  })
})

describe("Name.fromDisplayName", () => {
  it("moves a job title after a bar, a middle dot, or a dash or comma before a job title to `title`", () => {
    expect(Name.fromDisplayName("Charles Reid | HR Director")).toEqual({
      name: { given: "Charles", family: "Reid", formatted: "Charles Reid" },
      title: "HR Director",
    })
    expect(Name.fromDisplayName("Amy Scott · Recruiter").title).toBe("Recruiter")
    expect(Name.fromDisplayName("Amy Scott - Head of Sales").title).toBe("Head of Sales")
    expect(Name.fromDisplayName("Jane Doe, CEO @ Acme")).toEqual({
      name: { given: "Jane", family: "Doe", formatted: "Jane Doe" },
      title: "CEO",
      company: "Acme",
    })
  })

  it("keeps a dash or comma that is part of the name, and credentials after a comma", () => {
    expect(Name.fromDisplayName("Jean - Luc").title).toBeUndefined()
    expect(Name.fromDisplayName("Jane Doe, PhD").name).toMatchObject({
      given: "Jane",
      family: "Doe",
      suffix: "PhD",
    })
    expect(Name.fromDisplayName("Jane | building things")).toEqual({
      name: { given: "Jane", formatted: "Jane" },
    })
  })

  it("drops emoji and ornaments, and parses honorifics and credentials", () => {
    expect(Name.fromDisplayName("Zoë Müller 🚀").name).toEqual({
      given: "Zoë",
      family: "Müller",
      formatted: "Zoë Müller",
    })
    expect(Name.fromDisplayName("★ Sofia Gupta ★").name.formatted).toBe("Sofia Gupta")
    expect(Name.fromDisplayName("Dr. Mohamed Robinson").name).toEqual({
      prefix: "Dr.",
      given: "Mohamed",
      family: "Robinson",
      formatted: "Dr. Mohamed Robinson",
    })
    expect(Name.fromDisplayName("Andrés Moore MBA").name).toMatchObject({ family: "Moore", suffix: "MBA" })
  })

  it("gives no name for a text that is not a person's name", () => {
    expect(Name.fromDisplayName("✨ coffee & code ✨").name).toEqual({})
    expect(Name.fromDisplayName("The Data Guy").name).toEqual({})
    expect(Name.fromDisplayName("dev4life").name).toEqual({})
    expect(Name.fromDisplayName("🚀🚀").name).toEqual({})
  })
})

describe("Name.splitTrailingCredentials", () => {
  it("splits credentials written without a comma off the end", () => {
    expect(Name.splitTrailingCredentials("Jansen MBA")).toEqual({ base: "Jansen", suffix: "MBA" })
    expect(Name.splitTrailingCredentials("Yuki Jansen MBA PhD", 2)).toEqual({
      base: "Yuki Jansen",
      suffix: "MBA PhD",
    })
  })

  it("keeps a credential-like family name and the words it must keep", () => {
    expect(Name.splitTrailingCredentials("Ma")).toEqual({ base: "Ma" })
    expect(Name.splitTrailingCredentials("Yuki Ma", 1)).toEqual({ base: "Yuki Ma" })
    expect(Name.splitTrailingCredentials("MBA")).toEqual({ base: "MBA" })
  })
})

describe("Name.parse (Irish particles)", () => {
  it("keeps Ó and Ní with the family name", () => {
    expect(Name.parse("Zoe Ó Súilleabháin")).toMatchObject({ given: "Zoe", family: "Ó Súilleabháin" })
    expect(Name.parse("Aoife Ní Bhriain")).toMatchObject({ given: "Aoife", family: "Ní Bhriain" })
  })
})

describe("Name.addressAsName", () => {
  it("finds the address name fields spell, split at its dots or whole", () => {
    expect(Name.addressAsName({ given: "x@gmail", family: "com" })).toEqual({
      text: "x@gmail com",
      address: "x@gmail.com",
    })
    expect(Name.addressAsName({ given: "jane@acme.com", family: "Smith" })).toEqual({
      text: "jane@acme.com Smith",
      address: "jane@acme.com",
    })
    expect(Name.addressAsName({ formatted: "Jo.Li@Mail.example" })).toEqual({
      text: "Jo.Li@Mail.example",
      address: "jo.li@mail.example",
    })
  })

  it("keeps the text of a broken address, and leaves real names alone", () => {
    expect(Name.addressAsName({ given: "jo@", family: "nowhere" })).toEqual({ text: "jo@ nowhere" })
    expect(Name.addressAsName({ given: "Jane", family: "Doe", formatted: "Jane Doe" })).toBeUndefined()
  })
})

describe("Name.fromDisplayName (East Asian names)", () => {
  it("reads a two-word Chinese, Japanese or Korean name family first", () => {
    expect(Name.fromDisplayName("田中 由紀").name).toEqual({
      given: "由紀",
      family: "田中",
      formatted: "田中 由紀",
    })
    expect(Name.fromDisplayName("김 민준").name).toMatchObject({ given: "민준", family: "김" })
    expect(Name.fromDisplayName("田中由紀").name).toEqual({ given: "田中由紀", formatted: "田中由紀" })
    expect(Name.fromDisplayName("田中 由紀 (Yuki Tanaka)").name).toEqual({
      given: "由紀",
      family: "田中",
      formatted: "田中 由紀 (Yuki Tanaka)",
    })
  })
})
