import * as fs from "node:fs"
import * as path from "node:path"
import { sharedRoot } from "@blackbook/model/testing"
import { describe, expect, it } from "vitest"
import * as Nickname from "../src/Nickname.ts"

describe("Nickname.canonical", () => {
  it.each<[string, ReadonlyArray<string>]>([
    ["", []],
    ["Bob", ["robert"]],
    ["Robert", ["robert"]],
    ["  ROBBIE ", ["robert", "roberta"]],
    ["Juergen", ["jurgen"]],
    ["Jürgen", ["jurgen"]],
    ["Paco", ["francisco"]],
    ["Peppe", ["giuseppe"]],
    ["Hans", ["johann"]],
    // An unknown name is its own group.
    ["Zoltán", ["zoltan"]],
    // The first word decides for double given names the table does not know.
    ["Mary Ann", ["mary"]],
    ["Peg", ["margaret"]],
    // A pet form in the other diminutive spelling (-ie for -y) is the table's short form.
    ["Peggie", ["margaret"]],
    // ...but never turned into a formal name: Valery is a name of its own, not Valerie.
    ["Valery", ["valery"]],
  ])("%j gives %j", (input, expected) => {
    expect(Nickname.canonical(input)).toEqual(expected)
  })

  it("returns every group of a short form shared by several names", () => {
    const groups = Nickname.canonical("Bert")
    for (const g of ["albert", "bertram", "gilbert", "herbert", "robert"]) expect(groups).toContain(g)
    expect(Nickname.canonical("Al")).toEqual(expect.arrayContaining(["alan", "albert", "alfred"]))
  })
})

describe("Nickname.areNicknames", () => {
  it.each<[string, string, boolean]>([
    ["", "", false],
    ["Bob", "", false],
    ["Robert", "Bob", true],
    ["Bob", "Robbie", true],
    ["William", "Bill", true],
    ["William", "Liam", true],
    ["Elizabeth", "Betty", true],
    ["Elizabeth", "Libby", true],
    ["Margaret", "Peggy", true],
    ["Margaret", "Peggie", true],
    ["Katherine", "Cathy", true],
    ["Catherine", "Kate", true],
    ["Jürgen", "Juergen", true],
    ["Johann", "Hans", true],
    ["Francisco", "Paco", true],
    ["Giuseppe", "Peppe", true],
    ["Alexander", "Sascha", true],
    ["Anna", "Anna", true],
    ["Zoltan", "Zoltán", true],
    ["Robert", "William", false],
    ["Anna", "Tom", false],
    ["Albert", "Robert", false],
    ["Bert", "Robert", true],
  ])("%j ~ %j is %s", (a, b, expected) => {
    expect(Nickname.areNicknames(a, b)).toBe(expected)
    expect(Nickname.areNicknames(b, a)).toBe(expected)
  })
})

describe("Nickname table", () => {
  it("holds several hundred groups", () => {
    expect(Nickname.size).toBeGreaterThanOrEqual(350)
  })

  const root = sharedRoot()
  it.runIf(root !== undefined)("recognises most pairs of a public nickname list (read in place)", () => {
    const file = path.join(root!, "linkage", "nicknames", "names.csv")
    const rows = fs
      .readFileSync(file, "utf8")
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(","))
      .filter((f) => f.length === 3 && f[1] === "has_nickname")
    expect(rows.length).toBeGreaterThan(1000)
    let known = 0
    let knownHit = 0
    let hit = 0
    for (const [a, , b] of rows) {
      const same = Nickname.areNicknames(a!, b!)
      if (same) hit++
      // The fair subset: pairs whose two names both appear in our table.
      if (Nickname.isKnown(a!) && Nickname.isKnown(b!)) {
        known++
        if (same) knownHit++
      }
    }
    const share = knownHit / known
    console.log(
      `nickname coverage: ${knownHit}/${known} pairs with both names known (${(share * 100).toFixed(1)}%), ` +
        `${hit}/${rows.length} of all pairs (${((hit / rows.length) * 100).toFixed(1)}%)`,
    )
    expect(known).toBeGreaterThan(500)
    expect(share).toBeGreaterThanOrEqual(0.75)
  })
})
