/**
 * The report's page script, bundled with sigma and graphology by scripts/bundle.ts into
 * src/internal/script.ts. It reads the inlined data, draws the map (when WebGL is there), shows a
 * contact's card on a click, and searches with `find`'s folding and nickname table.
 */
import * as Name from "@blackbook/normalize/Name"
import * as Nickname from "@blackbook/normalize/Nickname"
import Graph from "graphology"
import Sigma from "sigma"
import type { PageCard, PageData } from "../src/PageData.ts"

const data = JSON.parse(document.getElementById("blackbook-data")?.textContent ?? "{}") as PageData
const cardEl = document.getElementById("card")!
const mapEl = document.getElementById("map")!
const searchEl = document.getElementById("search") as HTMLInputElement
const resultsEl = document.getElementById("results")!

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const row = (term: string, value: string | undefined): string =>
  value === undefined || value === "" ? "" : `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`

const cardHtml = (card: PageCard): string =>
  `<h3 id="card-name">${escapeHtml(card.name)}</h3><dl>${[
    row("rank", card.rank === undefined ? undefined : `#${card.rank} of ${card.of}`),
    row("tier", card.tier),
    row("why", card.why),
    row("score", card.score === undefined ? undefined : String(card.score)),
    row("last", card.last === undefined ? undefined : card.last),
    row("due", card.due),
    row("history", card.lastKind),
    row("employer", [card.title, card.employer].filter((v) => v !== undefined).join(", ")),
    row("e-mails", card.emails.join(", ")),
    row("sources", card.sources.join("; ")),
    row("community", card.community),
  ].join("")}</dl>`

let selected = -1
const showCard = (node: number): void => {
  const card = data.cards[node]
  if (card === undefined) return
  selected = node
  cardEl.innerHTML = cardHtml(card)
  cardEl.dataset.node = String(node)
  renderer?.refresh()
}

// Search: every query word, folded as `find` folds it and also as its formal names (bob -> robert),
// must begin a word of the person's index, or be one letter off a word of four letters or more.
const words = (text: string): Array<string> =>
  Name.fold(text)
    .replace(/['’ʼ`´]/gu, "")
    .split(/[^\p{L}\p{M}\p{N}_]+/u)
    .filter((w) => w.length > 0)

const indexWords = data.search.map((text) => text.split(" "))

const oneOff = (a: string, b: string): boolean => {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  const restA = a.slice(i + (a.length >= b.length ? 1 : 0))
  const restB = b.slice(i + (b.length >= a.length ? 1 : 0))
  return restA === restB
}

/** 2: a word begins with it; 1: one letter off; 0: no match. */
const wordMatch = (query: string, word: string): number =>
  word.startsWith(query) ? 2 : query.length >= 4 && oneOff(query, word.slice(0, query.length + 1)) ? 1 : 0

const alternatives = (word: string): Array<string> =>
  Nickname.isKnown(word) ? [word, ...Nickname.canonical(word).filter((k) => k !== word)] : [word]

const search = (query: string, limit = 10): Array<number> => {
  const terms = words(query).map(alternatives)
  if (terms.length === 0) return []
  const hits: Array<[number, number]> = []
  indexWords.forEach((list, node) => {
    let total = 0
    for (const alts of terms) {
      let best = 0
      for (const [n, alt] of alts.entries())
        for (const w of list) best = Math.max(best, wordMatch(alt, w) - (n > 0 ? 0.5 : 0))
      if (best <= 0) return
      total += best
    }
    hits.push([node, total])
  })
  const rank = (node: number) => data.cards[node]?.rank ?? Number.POSITIVE_INFINITY
  return hits
    .sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))
    .slice(0, limit)
    .map(([node]) => node)
}

const showResults = (): void => {
  const found = search(searchEl.value)
  resultsEl.innerHTML = found
    .map(
      (node) =>
        `<li><button type="button" class="person" data-node="${node}">${escapeHtml(data.cards[node]?.name ?? "")}</button></li>`,
    )
    .join("")
}
searchEl.addEventListener("input", showResults)
searchEl.addEventListener("keydown", (event) => {
  if (event.key !== "Enter") return
  const first = search(searchEl.value, 1)[0]
  if (first !== undefined) focusNode(first)
})

document.addEventListener("click", (event) => {
  const target = (event.target as Element | null)?.closest("button[data-node]")
  if (!(target instanceof HTMLElement)) return
  const node = Number(target.dataset.node)
  if (target.closest("#results")) resultsEl.innerHTML = ""
  focusNode(node)
})

// The map.
const webgl = (): boolean => {
  try {
    const canvas = document.createElement("canvas")
    return (canvas.getContext("webgl2") ?? canvas.getContext("webgl")) !== null
  } catch {
    return false
  }
}

const ME = "__me__"
let renderer: Sigma | undefined
let graph: Graph | undefined
const linkColors = ["#7d8ca3", "#8fa88f", "#b3a07a", "#d4d4d4"]

if (data.nodes.length > 0 && webgl()) {
  graph = new Graph({ type: "undirected" })
  for (const [index, [, label, x, y, size, community]] of data.nodes.entries()) {
    const color = community < 0 ? data.alone : (data.communities[community]?.color ?? data.alone)
    graph.addNode(String(index), { label, x, y, size, color })
  }
  graph.addNode(ME, {
    label: data.me.label,
    x: data.me.x,
    y: data.me.y,
    size: 9,
    color: "#111111",
    forceLabel: true,
  })
  for (const [source, target, kind, weight] of data.links) {
    graph.addEdge(String(source), String(target), {
      size: Math.min(3, 0.4 + weight),
      color: linkColors[kind] ?? "#d4d4d4",
    })
  }
  const g = graph
  renderer = new Sigma(g, mapEl, {
    labelRenderedSizeThreshold: data.nodes.length <= 150 ? 1 : 9,
    labelDensity: 0.6,
    zIndex: true,
    nodeReducer: (node, attributes) =>
      node === String(selected)
        ? { ...attributes, highlighted: true, forceLabel: true, zIndex: 2 }
        : attributes,
  })
  performance.mark("blackbook:map-drawn")
  // a second click soon after the first comes as a double click
  const clicked = ({ node }: { node: string }) => {
    if (node !== ME) showCard(Number(node))
  }
  renderer.on("clickNode", clicked)
  renderer.on("doubleClickNode", clicked)
} else {
  document.getElementById("nomap")?.removeAttribute("hidden")
  mapEl.hidden = true
}

const focusNode = (node: number): void => {
  showCard(node)
  if (renderer === undefined || graph === undefined || !graph.hasNode(String(node))) return
  const display = renderer.getNodeDisplayData(String(node))
  if (display !== undefined)
    renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 }, { duration: 400 })
}

/** A small hook for tests and for the benchmark. */
const hook = {
  mapDrawn: renderer !== undefined,
  nodeCount: data.nodes.length,
  /** Where a contact's dot is, in page (client) coordinates, or undefined off the map. */
  nodePosition: (id: string): { x: number; y: number } | undefined => {
    const index = data.nodes.findIndex((n) => n[0] === id)
    if (renderer === undefined || graph === undefined || index < 0) return undefined
    const attributes = graph.getNodeAttributes(String(index))
    const at = renderer.graphToViewport({ x: attributes.x as number, y: attributes.y as number })
    const box = mapEl.getBoundingClientRect()
    return { x: box.left + at.x, y: box.top + at.y }
  },
  search: (query: string): Array<string> => search(query).map((node) => data.cards[node]?.name ?? ""),
  showCard,
}
;(window as unknown as { __blackbookReport: typeof hook }).__blackbookReport = hook
