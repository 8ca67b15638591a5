/**
 * The black book as one HTML page: the network map (sigma.js over WebGL, laid out here beforehand),
 * contact cards, a search box, and the lists a person scans. Everything is inlined (script, styles,
 * data): the page makes no network request and opens from disk. The lists are plain HTML, so they
 * show and print without WebGL or script.
 *
 * @since 0.1.0
 */
import type { Contact } from "@blackbook/model/Contact"
import type { SourceError } from "@blackbook/model/Source"
import { Find, Ranking } from "@blackbook/priority"
import type { InvalidOption } from "@blackbook/priority/InvalidOption"
import type { Book } from "@blackbook/resolve/Book"
import { Result } from "effect"
import * as Changes from "./Changes.ts"
import { escapeHtml, json, scriptText } from "./internal/html.ts"
import { script } from "./internal/script.ts"
import { styles } from "./internal/styles.ts"
import * as Lists from "./Lists.ts"
import * as Network from "./Network.ts"
import type { PageCard, PageData } from "./PageData.ts"

/** One input and what read it, as `Merge.merge` reports it. @category models @since 0.1.0 */
export interface InputRead {
  readonly input: string
  readonly claimed: Readonly<Record<string, number>>
  readonly skipped: ReadonlyArray<string>
}

/**
 * What a report is made from: a Book and its ranking, and what `Merge.merge` says about the inputs.
 * The result of `Merge.merge` fits as is.
 *
 * @category models
 * @since 0.1.0
 */
export interface ReportInput {
  readonly book: Book
  /** Default: the book ranked at its own `now`. */
  readonly ranking?: ReadonlyArray<Ranking.Ranked>
  readonly inputs?: ReadonlyArray<InputRead>
  readonly failures?: ReadonlyArray<{ readonly input: string; readonly error: SourceError }>
  /**
   * A store's change feed (`changes()` of `@blackbook/store` fits): with it the page lists who moved
   * jobs and the new connections of the recent imports. Without it those lists are left out.
   */
  readonly changes?: ReadonlyArray<Changes.ChangeSet>
}

/** @category models @since 0.1.0 */
export interface RenderOptions {
  /** Default "Your black book". */
  readonly title?: string
  /** How "me" is labelled on the map. Default "me". */
  readonly me?: string
  /** Passed to the network (see `Network.NetworkOptions`). */
  readonly network?: Network.NetworkOptions
  /** At most this many rejected records are listed (all are counted). Default 500. */
  readonly maxRejected?: number
  /** Moves and new connections from the imports of this many days before the book's now. Default 90. */
  readonly changesDays?: number
}

const isBook = (input: Book | ReportInput): input is Book => "contacts" in input

const card = (
  contact: Contact,
  ranked: Ranking.Ranked | undefined,
  total: number,
  community: string | undefined,
): PageCard => {
  const org = contact.organizations[0]
  const sources = [
    ...new Set(contact.records.map((r) => `${r.provenance.source}: ${baseName(r.provenance.file)}`)),
  ]
  const lastKind = ranked?.lastInteraction === undefined ? undefined : lastKindOf(ranked)
  return {
    name: contact.displayName,
    of: total,
    interactions: ranked?.interactions.count ?? 0,
    emails: contact.emails.map((e) => e.value),
    sources: sources.sort(),
    ...(ranked !== undefined
      ? { rank: ranked.rank, tier: ranked.tier, score: Math.round(ranked.score * 100) / 100, why: ranked.why }
      : {}),
    ...(ranked?.lastInteraction !== undefined ? { last: ranked.lastInteraction.slice(0, 10) } : {}),
    ...(lastKind !== undefined ? { lastKind } : {}),
    ...(ranked?.due !== undefined ? { due: ranked.due.slice(0, 10) } : {}),
    ...(org?.company !== undefined ? { employer: org.company } : {}),
    ...(org?.title !== undefined ? { title: org.title } : {}),
    ...(community !== undefined ? { community } : {}),
  }
}

/** The kinds of interaction a contact had, most frequent first, as a short phrase. */
const lastKindOf = (ranked: Ranking.Ranked): string | undefined => {
  const kinds = Object.entries(ranked.interactions.byKind).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
  return kinds.length === 0 ? undefined : kinds.map(([k, n]) => `${n} ${k}`).join(", ")
}

const baseName = (file: string): string =>
  file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1)

/**
 * The page data: map nodes and links, cards and the search index, by position in the book.
 *
 * @category constructors
 * @since 0.1.0
 */
export const pageData = (
  book: Book,
  ranking: ReadonlyArray<Ranking.Ranked>,
  network: Network.Network,
  me: string,
): Result.Result<PageData, InvalidOption> =>
  Result.map(Find.makeIndex(book, ranking), (index) => pageDataWith(book, ranking, network, me, index))

const pageDataWith = (
  book: Book,
  ranking: ReadonlyArray<Ranking.Ranked>,
  network: Network.Network,
  me: string,
  index: Find.Index,
): PageData => {
  const byId = new Map(ranking.map((r) => [r.contactId, r]))
  const texts = new Map(index.contacts.map((c, i) => [c.id, index.texts[i]!]))
  const kinds: Array<Network.LinkKind> = ["meeting", "conversation", "tweet", "employer"]
  return {
    nodes: network.nodes.map((n) => [n.id, n.label, n.x, n.y, n.size, n.community] as const),
    links: network.links.map(
      (l) => [l.source, l.target, kinds.indexOf(l.kind), Math.round(l.weight * 100) / 100] as const,
    ),
    kinds,
    communities: network.communities.map((c) => ({ label: c.label, color: c.color, members: c.members })),
    alone: Network.ALONE,
    me: { ...network.me, label: me },
    cards: book.contacts.map((c, i) => {
      const community = network.nodes[i]?.community ?? -1
      return card(c, byId.get(c.id), ranking.length, network.communities[community]?.label)
    }),
    search: book.contacts.map((c) => texts.get(c.id) ?? ""),
  }
}

const person = (node: number, name: string): string =>
  `<button type="button" class="person" data-node="${node}">${escapeHtml(name)}</button>`

const table = (
  head: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  empty: string,
): string =>
  rows.length === 0
    ? `<p class="empty">${escapeHtml(empty)}</p>`
    : `<div class="scroll"><table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((cell) => `<td>${cell}</td>`).join("")}</tr>`)
        .join("\n")}</tbody></table></div>`

const day = (iso: string | undefined): string => (iso === undefined ? "" : escapeHtml(iso.slice(0, 10)))

const section = (id: string, title: string, intro: string, body: string): string =>
  `<section id="${id}"><h2>${escapeHtml(title)}</h2><p class="intro">${intro}</p>${body}</section>`

const listsHtml = (
  book: Book,
  lists: Lists.Lists,
  input: ReportInput,
  maxRejected: number,
  changes: string,
): string => {
  const name = (node: number) => book.contacts[node]?.displayName ?? ""
  const top = section(
    "top",
    "Inner circle and your top 10%",
    "Highest priority first: recent, frequent, two-way contact counts most.",
    table(
      ["#", "name", "tier", "why"],
      lists.top.map((e) => [
        String(e.ranked.rank),
        person(e.node, name(e.node)),
        escapeHtml(e.ranked.tier),
        escapeHtml(e.ranked.why),
      ]),
      "Nobody ranked yet.",
    ),
  )
  const drifting = section(
    "drifting",
    "Drifting",
    "Silent for much longer than your usual rhythm with them; due is when you would normally have been in touch.",
    table(
      ["name", "last", "due", "why"],
      lists.drifting.map((e) => [
        person(e.node, name(e.node)),
        day(e.ranked.lastInteraction),
        day(e.ranked.due),
        escapeHtml(e.ranked.why),
      ]),
      "Nobody is drifting.",
    ),
  )
  const connectors = table(
    ["name", "communities", "linked to"],
    lists.connectors.map((c) => [person(c.node, name(c.node)), String(c.communities), String(c.links)]),
    "Nobody links you to others in these exports.",
  )
  const collectorsShown = lists.collectors.slice(0, 200)
  const collectors =
    lists.collectors.length === 0
      ? `<p class="empty">No collected-only connections.</p>`
      : `<p>${lists.collectors.length} people: ${collectorsShown.map((e) => person(e.node, name(e.node))).join(", ")}${lists.collectors.length > collectorsShown.length ? ", …" : ""}</p>`
  const connect = section(
    "connectors",
    "Connectors and collectors",
    "Connectors are people you are in touch with whose links reach two communities or more, most first. Collectors are people you are connected to or follow but never talked with.",
    `<div class="pair"><div><h3>Connectors</h3>${connectors}</div><div><h3>Collectors</h3>${collectors}</div></div>`,
  )
  const duplicates = section(
    "duplicates",
    "Possible duplicates",
    "Two entries that may be one person: not merged, for you to decide.",
    table(
      ["one", "the other", "score", "evidence"],
      lists.duplicates.map((d) => [
        person(d.a, name(d.a)),
        person(d.b, name(d.b)),
        d.score.toFixed(2),
        escapeHtml(d.reason),
      ]),
      "No possible duplicates.",
    ),
  )
  const stats = book.stats
  const perSource = table(
    ["source", "records"],
    Object.entries(stats.recordsBySource)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([s, n]) => [escapeHtml(s), String(n)]),
    "Nothing was read.",
  )
  const inputs =
    input.inputs === undefined || input.inputs.length === 0
      ? ""
      : `<h3>Inputs</h3>${table(
          ["input", "read by", "skipped"],
          input.inputs.map((i) => [
            escapeHtml(i.input),
            escapeHtml(
              Object.entries(i.claimed)
                .map(([a, n]) => `${a} (${n} file${n === 1 ? "" : "s"})`)
                .join(", "),
            ),
            escapeHtml(i.skipped.join(", ")),
          ]),
          "",
        )}`
  const failures =
    input.failures === undefined || input.failures.length === 0
      ? ""
      : `<h3>Could not be read</h3>${table(
          ["input", "why"],
          input.failures.map((f) => [escapeHtml(f.input), escapeHtml(f.error.reason.detail)]),
          "",
        )}`
  const rejectedShown = lists.rejected.slice(0, maxRejected)
  const rejected = `<h3>Records rejected (${lists.rejected.length})</h3>${table(
    ["file", "line", "record", "reason"],
    rejectedShown.map((r) => [
      escapeHtml(r.file),
      r.line === undefined ? "" : String(r.line),
      escapeHtml(r.record),
      escapeHtml(r.reason),
    ]),
    "No record was rejected.",
  )}${lists.rejected.length > rejectedShown.length ? `<p class="empty">and ${lists.rejected.length - rejectedShown.length} more.</p>` : ""}`
  const read = section(
    "read",
    "What was read",
    `${Object.values(stats.recordsBySource).reduce((a, b) => a + b, 0)} records and ${stats.interactions} interactions (${stats.unattachedInteractions} with nobody in the book).`,
    `${perSource}${inputs}${failures}${rejected}`,
  )
  return [top, drifting, changes, connect, duplicates, read].filter((x) => x !== "").join("\n")
}

const changesHtml = (book: Book, recent: Changes.Recent): string => {
  const name = (node: number) => book.contacts[node]?.displayName ?? ""
  const moved = section(
    "moved",
    "Who moved jobs",
    `Employer changed in an export imported since ${escapeHtml(recent.since)} (a new legal form is no move).`,
    table(
      ["name", "from", "to", "when"],
      recent.moved.map((c) => [
        person(c.node, name(c.node)),
        escapeHtml(Changes.jobText(c.event.from)),
        escapeHtml(Changes.jobText(c.event.to)),
        day(c.event.at),
      ]),
      "Nobody moved jobs.",
    ),
  )
  const connections = section(
    "new-connections",
    "New connections",
    `People an export imported since ${escapeHtml(recent.since)} names as newly connected.`,
    table(
      ["name", "job", "connected"],
      recent.connections.map((c) => [
        person(c.node, name(c.node)),
        escapeHtml(Changes.jobText(c.event.to)),
        day(c.event.at),
      ]),
      "No new connections.",
    ),
  )
  return `${moved}\n${connections}`
}

const legend = (network: Network.Network): string =>
  network.communities.length === 0
    ? `<p class="empty">No communities: the exports link nobody to anybody else.</p>`
    : `<ol class="legend">${network.communities
        .slice(0, 24)
        .map(
          (c) =>
            `<li><span class="swatch" style="background:${c.color}"></span>${escapeHtml(c.label)} <span class="count">${c.members} people${c.labelKind === "none" ? "" : `, ${Math.round(c.share * 100)}% share it`}</span></li>`,
        )
        .join("")}</ol>`

/**
 * Renders the report: one self-contained HTML document.
 *
 * @category rendering
 * @since 0.1.0
 */
export const render = (
  input: Book | ReportInput,
  options: RenderOptions = {},
): Result.Result<string, InvalidOption> => {
  const source: ReportInput = isBook(input) ? { book: input } : input
  const book = source.book
  const ranked =
    source.ranking !== undefined ? Result.succeed(source.ranking) : Ranking.rank(book, { now: book.now })
  return Result.flatMap(ranked, (ranking) => {
    const network = Network.build(book, ranking, options.network)
    return Result.map(pageData(book, ranking, network, options.me ?? "me"), (data) =>
      page(book, source, ranking, network, data, options),
    )
  })
}

const page = (
  book: Book,
  source: ReportInput,
  ranking: ReadonlyArray<Ranking.Ranked>,
  network: Network.Network,
  data: PageData,
  options: RenderOptions,
): string => {
  const lists = Lists.make(book, ranking, network)
  const title = options.title ?? "Your black book"
  const people = book.contacts.length
  const recent =
    source.changes === undefined
      ? undefined
      : Changes.recent(
          source.changes,
          book.contacts.map((c) => c.id),
          new Date(book.now),
          options.changesDays,
        )
  const changesNav =
    recent === undefined ? "" : ` <a href="#moved">Moved</a> <a href="#new-connections">New</a>`
  const later =
    recent === undefined
      ? `<section id="later"><h2>Not in this report</h2><p class="intro">Who moved jobs and new connections need an earlier book to compare with: render from a store (<code>blackbook report --db</code>).</p></section>`
      : ""
  const body = `<header><h1>${escapeHtml(title)}</h1><p>${people} people as of ${day(book.now)}; ${network.links.length} links between them, ${network.communities.length} communities.</p>
<nav><a href="#map-section">Map</a> <a href="#top">Top 10%</a> <a href="#drifting">Drifting</a>${changesNav} <a href="#connectors">Connectors</a> <a href="#duplicates">Duplicates</a> <a href="#read">What was read</a></nav></header>
<main>
<section id="map-section"><h2>Your network</h2>
<p class="intro">Each dot is a person, sized by priority and coloured by community; lines join people who met together, wrote in one conversation, were mentioned in one tweet, or work at one employer. Hover for a name, click for the card.</p>
<div class="search"><label for="search">Find someone</label> <input id="search" type="search" autocomplete="off" placeholder="name, e-mail, employer"><ol id="results"></ol></div>
<div class="mapwrap"><div id="map" role="img" aria-label="network map"></div><aside id="card" aria-live="polite"><p class="empty">Click a person on the map or in a list.</p></aside></div>
<p id="nomap" class="notice" hidden>The map needs WebGL, which this browser does not offer; the lists below are all here.</p>
<h3>Communities</h3>${legend(network)}
</section>
${listsHtml(book, lists, source, options.maxRejected ?? 500, recent === undefined ? "" : changesHtml(book, recent))}
${later}
</main>`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; worker-src blob:">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
${body}
<script type="application/json" id="blackbook-data">${json(data)}</script>
<script>${scriptText(script)}</script>
</body>
</html>
`
}
