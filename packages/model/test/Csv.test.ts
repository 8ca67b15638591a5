import { describe, expect, it } from "vitest"
import { parseRows } from "../src/Csv.ts"

describe("Csv.parseRows", () => {
  it("reads quoted fields, doubled quotes and empty quoted fields", () => {
    const text = 'Name,Notes,Empty\r\n"Ilse Brandt","She said ""hi"", then ""bye""",""\r\n'
    expect(parseRows(text, ",")).toEqual([
      { fields: ["Name", "Notes", "Empty"], line: 1 },
      { fields: ["Ilse Brandt", 'She said "hi", then "bye"', ""], line: 2 },
    ])
  })

  it("keeps a quote pair at either end of a quoted field and one made only of quotes", () => {
    expect(parseRows('"""Bo"" Lund","""""",x', ",")).toEqual([{ fields: ['"Bo" Lund', '""', "x"], line: 1 }])
  })

  it("keeps newlines inside quoted fields and counts them as lines (CRLF, LF, CR)", () => {
    const text = 'a,"one\r\ntwo\nthree\rfour",b\nnext,row,here\n'
    expect(parseRows(text, ",")).toEqual([
      { fields: ["a", "one\r\ntwo\nthree\rfour", "b"], line: 1 },
      { fields: ["next", "row", "here"], line: 5 },
    ])
  })

  it("reads a long quoted field whole, in any script", () => {
    const long = "Ünïcödé 名前 ".repeat(200)
    const [row] = parseRows(`"${long}",end`, ",")
    expect(row?.fields).toEqual([long, "end"])
  })

  it("reads a never-closed quoted field as the text of its line and goes on", () => {
    const text = 'ok,"fine"\r\nbad,"open,rest\r\nnext,row\r\n'
    expect(parseRows(text, ",")).toEqual([
      { fields: ["ok", "fine"], line: 1 },
      {
        fields: ["bad", "open", "rest"],
        line: 2,
        malformed: "a quoted field opened on line 2 is never closed",
      },
      { fields: ["next", "row"], line: 3 },
    ])
  })

  it("keeps text after a closing quote and marks the row", () => {
    expect(parseRows('"Lund" Jr,x\n', ",")).toEqual([
      { fields: ["Lund Jr", "x"], line: 1, malformed: "text after a closing quote on line 1" },
    ])
  })
})
