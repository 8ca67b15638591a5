/**
 * Level tables, one per comparison of the library, in the manner of Splink's comparison tests:
 * two invented records' values in, the level the pair falls in out.
 */
import { make } from "@blackbook/model/SourceRecord"
import { describe, expect, it } from "vitest"
import * as Comparison from "../src/Comparison.ts"
import * as ComparisonLibrary from "../src/ComparisonLibrary.ts"
import * as Profile from "../src/Profile.ts"

type Fields = Parameters<typeof make>[1]

let n = 0
/** A record of Jane Doe with the fields given (which may replace her name). */
const profile = (fields: Fields): Profile.Profile =>
  Profile.make(
    make(
      { source: "csv", file: "people.csv", record: `row:${n++}` },
      { name: { given: "Jane", family: "Doe" }, ...fields },
    ),
    "GB",
  )

/** The label of the level a pair of records falls in. */
const levelOf = (
  comparison: Comparison.Comparison,
  a: Fields,
  b: Fields,
  ctx: Comparison.Context = Comparison.emptyContext,
): string =>
  comparison.levels[Comparison.level(comparison, Comparison.pair(profile(a), profile(b)), ctx)]!.label

/** Every level of the comparison is met by some row of its table. */
const coversEveryLevel = (
  comparison: Comparison.Comparison,
  table: ReadonlyArray<readonly [Fields, Fields, string]>,
) => expect(new Set(table.map((row) => row[2]))).toEqual(new Set(comparison.levels.map((l) => l.label)))

const given = (name: string): Fields => ({ name: { given: name, family: "Doe" } })
const family = (name: string): Fields => ({ name: { given: "Jane", family: name } })
const birthday = (year: number | undefined, month: number, day: number): Fields => ({
  birthday: { ...(year !== undefined ? { year } : {}), month, day },
})
const emails = (...values: ReadonlyArray<string>): Fields => ({
  emails: values.map((value) => ({ value, types: [] })),
})
const phones = (...values: ReadonlyArray<string>): Fields => ({
  phones: values.map((value) => ({ value, types: [] })),
})
const handle = (service: string, name: string, id?: string): Fields => ({
  handles: [{ service, handle: name, ...(id !== undefined ? { id } : {}) }],
})
const company = (name: string): Fields => ({ organizations: [{ company: name }] })
const organisation = (name: string): Fields => ({ name: {}, organizations: [{ company: name }] })
const address = (street: string, locality: string, postalCode?: string): Fields => ({
  addresses: [{ types: [], street, locality, ...(postalCode !== undefined ? { postalCode } : {}) }],
})
const suffix = (s: string): Fields => ({ name: { given: "Jane", family: "Doe", suffix: s } })
const none: Fields = {}

describe.each<
  readonly [string, () => Comparison.Comparison, ReadonlyArray<readonly [Fields, Fields, string]>]
>([
  [
    "given name",
    ComparisonLibrary.givenName,
    [
      [{ name: { family: "Doe" } }, given("Jane"), "null"],
      [given("Jane"), given("Jane"), "exact"],
      [given("Robert"), given("Bob"), "nickname"],
      // A short form made of the long name's end.
      [given("Oluwaseun"), given("Seun"), "nickname"],
      [given("Zara"), given("Sarah"), "phonetic"],
      [given("Darla"), given("Darlene"), "distinct"],
      [given("Beatrix"), given("Beatriz"), "jaro-winkler 0.92"],
      [given("Marta"), given("Marya"), "jaro-winkler 0.8"],
      [given("J"), given("Jane"), "initial"],
      [given("Mhd"), given("Mohamed"), "initial"],
      [given("Jane"), given("Priya"), "different"],
    ],
  ],
  [
    "family name",
    ComparisonLibrary.familyName,
    [
      [{ name: { given: "Jane" } }, family("Doe"), "null"],
      [family("Okafor"), family("Okafor"), "exact"],
      [family("Thompson"), family("Tompson"), "phonetic"],
      [family("Lindqvist"), family("Lindquist"), "jaro-winkler 0.92"],
      [family("Medina Sentosa"), family("Sentosa"), "overlap"],
      [family("Harrington"), family("Harringford"), "jaro-winkler 0.8"],
      [family("Doe"), family("Nakamura"), "different"],
    ],
  ],
  [
    "birthday",
    ComparisonLibrary.birthday,
    [
      [none, birthday(1980, 3, 7), "null"],
      [birthday(1980, 3, 7), birthday(1980, 3, 7), "exact"],
      [birthday(undefined, 3, 7), birthday(1980, 3, 7), "partial"],
      [birthday(1980, 7, 3), birthday(1980, 3, 7), "swapped"],
      [birthday(1981, 3, 7), birthday(1980, 3, 7), "one part"],
      [birthday(1950, 11, 21), birthday(1980, 3, 7), "generation apart"],
      [birthday(1983, 11, 21), birthday(1980, 3, 7), "different"],
    ],
  ],
  [
    "e-mail",
    ComparisonLibrary.email,
    [
      [none, emails("sokafor@bravo.example"), "null"],
      // A role address is nobody's own: no evidence either way.
      [emails("info@acme.example"), emails("sokafor@bravo.example"), "null"],
      [emails("jane.doe@example.org"), emails("jane.doe@example.org"), "exact"],
      // After Gmail's dot and tag rules.
      [emails("j.a.n.e.doe+news@gmail.com"), emails("janedoe@gmail.com"), "exact"],
      [emails("family@doe.example"), emails("family@doe.example"), "shared"],
      [emails("zephyr77@example.org"), emails("zephyr77@example.net"), "user name"],
      [emails("cwright@acme.example"), emails("cwrigth@acme.example"), "similar user name"],
      [emails("cwright@acme.example"), emails("cwrigth@acme.exampel"), "similar"],
      [emails("mpatel@acme.example"), emails("sokafor@acme.example"), "same domain"],
      [emails("mpatel@acme.example"), emails("sokafor@bravo.example"), "different"],
    ],
  ],
  [
    "phone",
    ComparisonLibrary.phone,
    [
      [none, phones("+44 7700 900123"), "null"],
      [phones("+44 20 7946 0958"), phones("020 7946 0958"), "exact"],
      [phones("+44 117 496 0123"), phones("0117 496 0123"), "shared"],
      [phones("+44 20 7946 0958"), phones("7946 0958"), "tail"],
      [phones("+44 20 7946 0958"), phones("+44 7700 900123"), "different"],
    ],
  ],
  [
    "handle",
    ComparisonLibrary.handle,
    [
      // Accounts on two services say nothing about each other.
      [handle("github", "janedoe"), handle("mastodon", "jdoe"), "null"],
      [handle("github", "janedoe"), handle("github", "janedoe"), "exact"],
      [handle("github", "janedoe"), handle("github", "jdoe"), "different"],
    ],
  ],
  [
    "Twitter account",
    ComparisonLibrary.twitterId,
    [
      [handle("twitter", "janedoe"), handle("twitter", "janedoe", "1234567"), "null"],
      [handle("twitter", "janedoe", "1234567"), handle("twitter", "jd", "1234567"), "exact"],
      [handle("twitter", "janedoe", "1234567"), handle("twitter", "janedoe", "7654321"), "different"],
    ],
  ],
  [
    "LinkedIn profile",
    ComparisonLibrary.linkedin,
    [
      [none, handle("linkedin", "jane-doe-4a1"), "null"],
      [
        { urls: [{ value: "https://www.linkedin.com/in/jane-doe-4a1", types: [] }] },
        handle("linkedin", "jane-doe-4a1"),
        "exact",
      ],
      [handle("linkedin", "jane-doe-4a1"), handle("linkedin", "jane-doe-77"), "different"],
    ],
  ],
  [
    "document",
    ComparisonLibrary.document,
    [
      // Documents of two types say nothing about each other.
      [handle("passport", "X1234567"), handle("ssn", "123-45-6789"), "null"],
      [handle("passport", "X1234567"), handle("passport", "X1234567"), "exact"],
      [handle("passport", "X1234567"), handle("passport", "Y7654321"), "different"],
    ],
  ],
  [
    "generation",
    ComparisonLibrary.generation,
    [
      [suffix("Jr."), none, "null"],
      [suffix("Jr."), suffix("Jr"), "exact"],
      [suffix("Jr."), suffix("Sr"), "different"],
    ],
  ],
  [
    "company",
    ComparisonLibrary.company,
    [
      [none, company("Brightwater"), "null"],
      // Two organisations: the organisation comparison weighs their names.
      [organisation("Tamarind Catering"), organisation("Tamarind Catering"), "null"],
      [company("Brightwater Ltd"), company("Brightwater"), "exact"],
      [company("Brightwater Analytics"), company("Brightwater"), "overlap"],
      [company("Brightwater"), company("Brightwatre"), "similar"],
      // A work address at the other's employer, whether or not its own record names one.
      [emails("heriksson+work@brightwater.com"), company("Brightwater"), "domain"],
      [emails("m.ode@tamarind-catering.co.uk"), company("Tamarind Catering"), "domain"],
      [{ ...company("Kessler"), ...emails("j.doe@harbour.io") }, company("Harbour Lights"), "domain"],
      // A mailbox provider names no employer; nor does an address beside a record with no company.
      [emails("jane.doe@gmail.com"), company("Gmail"), "null"],
      [emails("jane.doe@brightwater.com"), emails("jd@kessler.de"), "null"],
      [company("Brightwater"), company("Kessler"), "different"],
    ],
  ],
  [
    "name in e-mail",
    ComparisonLibrary.userName,
    [
      [{ name: {}, emails: [{ value: "jane.doe@brightwater.example", types: [] }] }, none, "exact"],
      [{ name: {}, emails: [{ value: "jdoe@brightwater.example", types: [] }] }, none, "exact"],
      // A lone given name is anyone's so named; a name on both sides is for the name comparisons.
      [{ name: {}, emails: [{ value: "jane@brightwater.example", types: [] }] }, none, "else"],
      [emails("jane.doe@brightwater.example"), none, "null"],
      [{ name: {} }, none, "null"],
    ],
  ],
  [
    "job title",
    ComparisonLibrary.title,
    [
      [none, { organizations: [{ title: "Finance Director" }] }, "null"],
      [
        { organizations: [{ company: "Kessler", title: "Finance Director" }] },
        { organizations: [{ company: "Brightwater", title: "finance  director" }] },
        "exact",
      ],
      [
        { organizations: [{ title: "Director" }] },
        { organizations: [{ title: "Finance Director" }] },
        "overlap",
      ],
      [{ organizations: [{ title: "Recruiter" }] }, { organizations: [{ title: "Recruter" }] }, "similar"],
      [
        { organizations: [{ title: "Recruiter" }] },
        { organizations: [{ title: "Head of Sales" }] },
        "different",
      ],
    ],
  ],
  [
    "address",
    ComparisonLibrary.address,
    [
      [none, address("12 Harbour Lane", "Bristol"), "null"],
      [
        address("12 Harbour Lane", "Bristol", "BS1 4DJ"),
        address("12 Harbour Lane", "Bristol", "BS1 4DJ"),
        "exact",
      ],
      [address("3 Mill Row", "Bristol"), address("3 Mill Row", "Bristol"), "shared"],
      [address("12 Harbour Lane", "Bristol", "BS1 4DJ"), address("12 Harbor Ln", "Bristol"), "street"],
      [address("12 Harbour Lane", "Bristol", "BS1 4DJ"), address("40 Quay Street", "Bristol"), "area"],
      [address("12 Harbour Lane", "Bristol", "BS1 4DJ"), address("40 Quay Street", "Leeds"), "different"],
    ],
  ],
  [
    "organisation",
    ComparisonLibrary.org,
    [
      // A person at the company is no organisation record.
      [organisation("Tamarind Catering"), company("Tamarind Catering"), "null"],
      [organisation("Kessler Logistik"), organisation("Kessler Logistik GmbH"), "exact"],
      [organisation("Worldwide Exports"), organisation("Universal Exports Worldwide"), "overlap"],
      [organisation("Tamarind Catering"), organisation("Tamarind Katering"), "similar"],
      [organisation("Tamarind Catering"), organisation("Harbour Lights"), "different"],
    ],
  ],
])("the %s levels", (_, make, table) => {
  const comparison = make()
  // The family mailbox, landline and house of the table: held by several people.
  const shared = new Set(["family@doe.example", "+441174960123"])
  const ctx: Comparison.Context = {
    isShared: (field, value) => shared.has(value) || (field === "address" && value.startsWith("3 ")),
  }

  it.each(table.map(([a, b, level]) => [level, JSON.stringify(a), JSON.stringify(b), a, b] as const))(
    "%s: %s and %s",
    (level, _a, _b, a, b) => {
      expect(levelOf(comparison, a, b, ctx)).toBe(level)
      // Symmetric: the other way round, the same level.
      expect(levelOf(comparison, b, a, ctx)).toBe(level)
    },
  )

  it("has a row for every level", () => coversEveryLevel(comparison, table))
})
