import { Book } from "@blackbook/resolve"
import { describe, expect, it } from "vitest"
import { Report } from "../src/index.ts"
import type { PageData } from "../src/PageData.ts"
import { book, idOf, items, NOW, ok, ranked, rendered } from "./fixture.ts"

const dataOf = (html: string): PageData => {
  const m = /<script type="application\/json" id="blackbook-data">([\s\S]*?)<\/script>/.exec(html)
  if (m === null) throw new Error("no data in the page")
  return JSON.parse(m[1]!) as PageData
}

describe("Report.render", () => {
  const b = book()
  const html = rendered({ book: b, ranking: ranked(b) })

  it("is one document whose scripts and styles are inline: no src, no link, no remote address", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true)
    expect(html).not.toMatch(/<script[^>]+src=/i)
    expect(html).not.toMatch(/<link\b/i)
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i)
    expect(html).toContain("default-src 'none'")
  })

  it("lists the top 10%, the drifting with their due date, and the collectors", () => {
    const section = (id: string) =>
      html.slice(
        html.indexOf(`<section id="${id}">`),
        html.indexOf("</section>", html.indexOf(`<section id="${id}">`)),
      )
    expect(section("top")).toContain("Ottilie Brandqvist")
    expect(section("top")).toContain("two-way within 90 days")
    const drifting = section("drifting")
    expect(drifting).toContain("Wendeline Ashgrove")
    expect(drifting).toContain("2026-09-19")
    expect(drifting).toContain("over 3x the usual 7-day gap")
    expect(section("connectors")).toContain("Philippa Nettleship")
  })

  it("names the connector whose links reach both teams first", () => {
    const connectors = html.slice(html.indexOf("<h3>Connectors</h3>"), html.indexOf("<h3>Collectors</h3>"))
    const first = /data-node="\d+">([^<]+)</.exec(connectors)?.[1]
    expect(["Ottilie Brandqvist", "Ines Carvalheira"]).toContain(first)
  })

  it("lists the rejected records with file, line and reason", () => {
    const read = html.slice(html.indexOf('<section id="read">'))
    expect(read).toContain("Records rejected (1)")
    expect(read).toMatch(
      /<td>contacts\.vcf<\/td><td>42<\/td><td>card:9<\/td><td>card has no name, e-mail or phone<\/td>/,
    )
  })

  it("carries a card per person and a search index that holds Jürgen as jurgen and juergen", () => {
    const data = dataOf(html)
    const at = data.nodes.findIndex((n) => n[0] === idOf(b, "Jürgen"))
    expect(data.cards[at]?.name).toBe("Jürgen Falkenrath")
    expect(data.cards[at]?.employer).toBe("Harbourlight")
    expect(data.cards[at]?.sources).toEqual(["ics: calendar.ics", "vcard: contacts.vcf"])
    expect(data.search[at]?.split(" ")).toEqual(expect.arrayContaining(["jurgen", "juergen", "falkenrath"]))
    const robert = data.nodes.findIndex((n) => n[0] === idOf(b, "Robert"))
    expect(data.search[robert]?.split(" ")).toContain("robert")
  })

  it("keeps a name that looks like markup inert, in the lists and in the data", () => {
    const odd = Book.build(
      items().map((item) =>
        item._tag === "Record" && item.record.provenance.record === "card:c1"
          ? {
              ...item,
              record: { ...item.record, name: { formatted: "Eve </script><script>alert(1)</script>" } },
            }
          : item,
      ),
      { now: NOW, region: "GB" },
    )
    const page = rendered(odd)
    expect(page).not.toContain("<script>alert(1)")
    expect(page).toContain("Eve &lt;/script&gt;")
    expect(dataOf(page).cards.some((c) => c.name.startsWith("Eve </script>"))).toBe(true)
  })

  it("ranks the book at its own now when no ranking is given", () => {
    expect(rendered(b)).toBe(html)
  })

  it("says what is missing without a change feed, and lists no moves", () => {
    expect(html).toContain('<section id="later">')
    expect(html).not.toContain('<section id="moved">')
    expect(html).not.toContain('<section id="new-connections">')
  })
})

describe("Report.render with a change feed", () => {
  const b = book()
  const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString()
  const job = (company: string, title: string | null = null) => ({ company, title })
  const changes = [
    {
      at: at(10),
      events: [
        {
          kind: "moved",
          contact: idOf(b, "Jürgen"),
          at: at(10),
          from: job("Harbourlight", "Engineer"),
          to: job("Orchard Mill", "Lead"),
        },
        {
          kind: "new-connection",
          contact: idOf(b, "Philippa"),
          at: "2026-11-01",
          from: null,
          to: job("Fernbrook"),
        },
        {
          kind: "title-changed",
          contact: idOf(b, "Ines"),
          at: at(10),
          from: job("Orchard Mill", "A"),
          to: job("Orchard Mill", "B"),
        },
        { kind: "moved", contact: "c-not-in-the-book", at: at(10), from: job("X"), to: job("Y") },
      ],
    },
    // older than the window: left out
    {
      at: at(200),
      events: [{ kind: "moved", contact: idOf(b, "Tobiah"), at: at(200), from: job("A"), to: job("B") }],
    },
  ]
  const html = rendered({ book: b, ranking: ranked(b), changes })
  const section = (id: string) => {
    const start = html.indexOf(`<section id="${id}">`)
    return start < 0 ? "" : html.slice(start, html.indexOf("</section>", start))
  }
  const names = (text: string) => [...text.matchAll(/data-node="\d+">([^<]+)</g)].map((m) => m[1])

  it("lists who moved jobs in the window, with both jobs, and nobody else", () => {
    expect(names(section("moved"))).toEqual(["Jürgen Falkenrath"])
    expect(section("moved")).toContain("<td>Engineer at Harbourlight</td><td>Lead at Orchard Mill</td>")
    expect(section("moved")).toContain(at(90).slice(0, 10))
  })

  it("lists the new connections, and leaves out the section that says they are missing", () => {
    expect(names(section("new-connections"))).toEqual(["Philippa Nettleship"])
    expect(section("new-connections")).toContain("2026-11-01")
    expect(html).not.toContain('<section id="later">')
  })

  it("looks back as far as changesDays says", () => {
    const longer = ok(Report.render({ book: b, ranking: ranked(b), changes }, { changesDays: 365 }))
    const moved = longer.slice(
      longer.indexOf('<section id="moved">'),
      longer.indexOf('<section id="new-connections">'),
    )
    expect(names(moved).sort()).toEqual(["Jürgen Falkenrath", "Tobiah Lindqvist"])
  })

  it("says so when nobody moved", () => {
    const none = rendered({ book: b, ranking: ranked(b), changes: [] })
    expect(none).toContain("Nobody moved jobs.")
    expect(none).toContain("No new connections.")
  })
})
