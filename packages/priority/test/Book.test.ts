// A core Book goes into rank and makeIndex as is: the structural RankInput contract, end to end.
import { type Interaction, Source, SourceRecord } from "@blackbook/model"
import { Book } from "@blackbook/resolve"
import { describe, expect, it } from "vitest"
import { daysAgo, Find, NOW, Ranking } from "./fixture.ts"

const linkedin = (row: number, given: string, family: string, email: string, company: string, on: string) =>
  SourceRecord.make(
    { source: "linkedin", file: "Connections.csv", record: `row:${row}` },
    {
      name: { given, family },
      emails: [{ value: email, types: [] }],
      organizations: [{ company }],
      connectedOn: on,
    },
  )

const met = (counterpart: SourceRecord.SourceRecord, at: string, n: number): Interaction.Interaction => ({
  kind: "meeting",
  at,
  direction: "mutual",
  counterpart: counterpart.provenance,
  provenance: { source: "ics", file: "calendar.ics", record: `event:${n}` },
})

describe("a core Book as RankInput", () => {
  const robert = linkedin(1, "Robert", "Smith", "rsmith@acme.example", "Acme Corporation", "2021-02-03")
  const quiet = linkedin(2, "Roberta", "Acheson", "roberta@initech.example", "Initech", "2020-07-08")
  const items = [
    Source.recordItem(robert),
    Source.recordItem(quiet),
    ...[40, 30, 20, 10, 2].map((d, n) => Source.interactionItem(met(robert, daysAgo(d), n))),
    Source.interactionItem(met(robert, daysAgo(-5), 99)),
  ]
  const book = Book.build(items, { now: new Date(NOW) })
  const ranked = Ranking.rank(book, { now: book.now })

  it("ranks the book's contacts with their attached interactions", () => {
    expect(ranked).toHaveLength(2)
    const [first, second] = ranked
    expect(first!.displayName).toContain("Robert")
    expect(first!.interactions.count).toBe(5)
    expect(first!.nextMeeting).toBe(daysAgo(-5))
    expect(first!.cadenceDays).toBe(10)
    expect(second!.tier).toBe("collector")
    expect(second!.why).toBe("linkedin connection since 2020-07-08, never interacted")
  })

  it("finds in the book with the ranking", () => {
    const index = Find.makeIndex(book, ranked)
    const hits = Find.find(index, "bob acme")
    expect(hits[0]!.contactId).toBe(ranked[0]!.contactId)
    expect(hits[0]!.rank).toBe(1)
  })
})
