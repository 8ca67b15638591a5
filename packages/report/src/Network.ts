/**
 * The network behind the report's map: who is linked to whom by what the exports show, where each
 * person sits (ForceAtlas2, computed here so the page shows the map at once), and the communities
 * (Louvain), each labelled by what most of its members share.
 *
 * Links come from interactions that name several contacts at once. The model carries no shared-event
 * id, so one event is the interaction's own provenance (file and record): a calendar occurrence
 * (`event:<uid>@<instant>`) is one meeting, a LinkedIn messages.csv row or a Twitter group message
 * sent to several people is one conversation, a tweet (`tweet:<id>`) mentioning several accounts is
 * one tweet. Working at one employer is a weak link of its own.
 *
 * @since 0.1.0
 */
import type { Contact } from "@blackbook/model/Contact"
import type { Interaction } from "@blackbook/model/Interaction"
import * as Email from "@blackbook/normalize/Email"
import * as Name from "@blackbook/normalize/Name"
import type { Ranking } from "@blackbook/priority"
import { forceAtlas2, Graph, louvain } from "./internal/graphology.ts"
import { random } from "./internal/random.ts"

/** What a link was seen in. @category models @since 0.1.0 */
export type LinkKind = "meeting" | "conversation" | "tweet" | "employer"

/** @category models @since 0.1.0 */
export interface Link {
  /** Positions in `Network.nodes`. */
  readonly source: number
  readonly target: number
  readonly weight: number
  /** The strongest kind seen between the two (meeting, conversation, tweet, employer). */
  readonly kind: LinkKind
  /** How many shared events (employer: 0). */
  readonly events: number
}

/** @category models @since 0.1.0 */
export interface Node {
  readonly id: string
  readonly label: string
  readonly x: number
  readonly y: number
  /** Drawn size, from the priority score. */
  readonly size: number
  /** Position in `Network.communities`; -1 for a person linked to nobody. */
  readonly community: number
}

/** What a community's label names. @category models @since 0.1.0 */
export type LabelKind = "employer" | "meeting" | "domain" | "none"

/** @category models @since 0.1.0 */
export interface Community {
  readonly label: string
  readonly labelKind: LabelKind
  readonly members: number
  /** Share of the members that have the label (employer, meeting or e-mail domain), 0..1. */
  readonly share: number
  readonly color: string
}

/** @category models @since 0.1.0 */
export interface Network {
  /** One per contact, in the book's order. */
  readonly nodes: ReadonlyArray<Node>
  readonly links: ReadonlyArray<Link>
  /** Largest first; only communities of two or more people. */
  readonly communities: ReadonlyArray<Community>
  /** Where "me" is drawn: the middle of the map, outside the layout. */
  readonly me: { readonly x: number; readonly y: number }
}

/** What the network is built from: a Book from @blackbook/resolve fits. @category models @since 0.1.0 */
export interface NetworkInput {
  readonly contacts: ReadonlyArray<Contact>
  readonly interactions: ReadonlyMap<string, ReadonlyArray<Interaction>>
}

/** @category models @since 0.1.0 */
export interface NetworkOptions {
  /** Events with more contacts than this link nobody (an all-hands says little). Default 40. */
  readonly maxEventSize?: number
  /**
   * Louvain's resolution: above 1, smaller communities. Default: 1, or the square root of the links'
   * total weight over 7 when that is more. Modularity merges groups that are small beside the whole
   * network even when only a guest or two joins them (its resolution limit); on generated exports
   * of thousands of people the default finds the employers that made them (see docs/report.md).
   */
  readonly resolution?: number
  /** ForceAtlas2 iterations; default by size. */
  readonly iterations?: number
}

const kindOf = (i: Interaction): LinkKind =>
  i.kind === "meeting" ? "meeting" : i.kind === "mention" || i.kind === "reply" ? "tweet" : "conversation"

const strength: Record<LinkKind, number> = { meeting: 3, conversation: 2, tweet: 1, employer: 0 }

const EMPLOYER_WEIGHT = 0.2
/** Employers with more people than this are linked as a ring of neighbours, not every pair. */
const FULL_EMPLOYER = 8
const RING_NEIGHBOURS = 2

/** The folded employer names of a contact. */
export const employers = (contact: Contact): ReadonlyArray<string> => [
  ...new Set(contact.organizations.flatMap((o) => (o.company === undefined ? [] : [Name.fold(o.company)]))),
]

/** The e-mail domains that say something about a contact (not free-mail providers). */
export const domains = (contact: Contact): ReadonlyArray<string> => [
  ...new Set(
    contact.emails.flatMap((e) => {
      const d = Email.domain(e.value)
      return d === "" || Email.isFreemailDomain(d) ? [] : [d]
    }),
  ),
]

/** A calendar occurrence's series: the file and the event's uid, without the instant. */
const meetingSeries = (i: Interaction): string | undefined => {
  if (i.kind !== "meeting") return undefined
  const at = i.provenance.record.lastIndexOf("@")
  return `${i.provenance.file}#${at > 0 ? i.provenance.record.slice(0, at) : i.provenance.record}`
}

interface PairAccumulator {
  weight: number
  kind: LinkKind
  events: number
}

/** The links between contacts, from shared events and employers. */
export const links = (input: NetworkInput, options: NetworkOptions = {}): ReadonlyArray<Link> => {
  const maxEventSize = options.maxEventSize ?? 40
  const position = new Map(input.contacts.map((c, i) => [c.id, i]))
  // event key -> the contacts in it, and its kind
  const events = new Map<string, { kind: LinkKind; members: Set<number> }>()
  for (const [id, list] of input.interactions) {
    const at = position.get(id)
    if (at === undefined) continue
    for (const i of list) {
      const key = `${i.provenance.source}:${i.provenance.file}#${i.provenance.record}`
      const event = events.get(key)
      if (event) event.members.add(at)
      else events.set(key, { kind: kindOf(i), members: new Set([at]) })
    }
  }
  const pairs = new Map<number, PairAccumulator>()
  const n = input.contacts.length
  const add = (a: number, b: number, weight: number, kind: LinkKind, counted: number) => {
    const key = a < b ? a * n + b : b * n + a
    const pair = pairs.get(key)
    if (pair === undefined) pairs.set(key, { weight, kind, events: counted })
    else {
      pair.weight += weight
      pair.events += counted
      if (strength[kind] > strength[pair.kind]) pair.kind = kind
    }
  }
  for (const { kind, members } of events.values()) {
    if (members.size < 2 || members.size > maxEventSize) continue
    const list = [...members].sort((a, b) => a - b)
    const weight = 1 / (list.length - 1)
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) add(list[x]!, list[y]!, weight, kind, 1)
  }
  const byEmployer = new Map<string, Array<number>>()
  input.contacts.forEach((c, i) => {
    for (const e of employers(c)) {
      const list = byEmployer.get(e)
      if (list) list.push(i)
      else byEmployer.set(e, [i])
    }
  })
  for (const members of byEmployer.values()) {
    if (members.length < 2) continue
    if (members.length <= FULL_EMPLOYER) {
      for (let x = 0; x < members.length; x++)
        for (let y = x + 1; y < members.length; y++)
          add(members[x]!, members[y]!, EMPLOYER_WEIGHT, "employer", 0)
    } else {
      for (let x = 0; x < members.length; x++)
        for (let k = 1; k <= RING_NEIGHBOURS; k++)
          add(members[x]!, members[(x + k) % members.length]!, EMPLOYER_WEIGHT, "employer", 0)
    }
  }
  return [...pairs.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([key, p]) => ({
      source: Math.floor(key / n),
      target: key % n,
      weight: p.weight,
      kind: p.kind,
      events: p.events,
    }))
}

/** Colours for the largest communities; the rest are grey. Distinct in print and for most eyes. */
const palette = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#ff7f0e",
  "#17becf",
  "#8c564b",
  "#e377c2",
  "#bcbd22",
  "#393b79",
  "#637939",
  "#ad494a",
]
const OTHER = "#9a9a9a"

/** The colour of people linked to nobody. @category constants @since 0.1.0 */
export const ALONE = "#c8c8c8"

/** The most common value among the members, and how many have it. */
const commonest = (lists: ReadonlyArray<ReadonlyArray<string>>): [string, number] | undefined => {
  const counts = new Map<string, number>()
  for (const list of lists) for (const v of list) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: [string, number] | undefined
  for (const [v, c] of counts)
    if (best === undefined || c > best[1] || (c === best[1] && v < best[0])) best = [v, c]
  return best
}

/** Display spelling of a folded employer: the first way a member wrote it. */
const spelled = (members: ReadonlyArray<Contact>, folded: string): string => {
  for (const c of members)
    for (const o of c.organizations)
      if (o.company !== undefined && Name.fold(o.company) === folded) return o.company
  return folded
}

/** A meeting series said without its uid (the model keeps no title): when and how often. */
const meetingLabel = (times: ReadonlyArray<string>): string => {
  const sorted = [...times].sort()
  const first = sorted[0]?.slice(0, 10) ?? ""
  return sorted.length <= 1
    ? `met together on ${first}`
    : `met together ${sorted.length} times since ${first}`
}

const labelOf = (
  members: ReadonlyArray<Contact>,
  series: ReadonlyArray<ReadonlyArray<string>>,
  seriesTimes: ReadonlyMap<string, ReadonlyArray<string>>,
): Omit<Community, "color" | "members"> => {
  const candidates: Array<{ label: string; labelKind: LabelKind; count: number; order: number }> = []
  const employer = commonest(members.map(employers))
  if (employer)
    candidates.push({
      label: spelled(members, employer[0]),
      labelKind: "employer",
      count: employer[1],
      order: 0,
    })
  const meeting = commonest(series)
  if (meeting)
    candidates.push({
      label: meetingLabel(seriesTimes.get(meeting[0]) ?? []),
      labelKind: "meeting",
      count: meeting[1],
      order: 1,
    })
  const domain = commonest(members.map(domains))
  if (domain) candidates.push({ label: domain[0], labelKind: "domain", count: domain[1], order: 2 })
  const best = candidates.sort((a, b) => b.count - a.count || a.order - b.order)[0]
  if (best === undefined || best.count < 2) {
    // nothing shared: name the group by its first members
    const names = members.slice(0, 2).map((c) => c.displayName)
    const more = members.length - names.length
    return {
      label: `${names.join(", ")}${more > 0 ? ` and ${more} more` : ""}`,
      labelKind: "none",
      share: 0,
    }
  }
  return { label: best.label, labelKind: best.labelKind, share: best.count / members.length }
}

/**
 * Builds the network: links, a ForceAtlas2 layout (people linked to nobody on a ring around it) and
 * Louvain communities with their labels. Deterministic: the same book and ranking give the same map.
 *
 * @category constructors
 * @since 0.1.0
 */
export const build = (
  input: NetworkInput,
  ranking: ReadonlyArray<Ranking.Ranked>,
  options: NetworkOptions = {},
): Network => {
  const contacts = input.contacts
  const all = links(input, options)
  const scores = new Map(ranking.map((r) => [r.contactId, r.score]))
  const top = Math.max(0, ...ranking.map((r) => r.score))
  const sizeOf = (id: string) => {
    const s = scores.get(id) ?? 0
    return 3 + (top > 0 ? (10 * Math.log1p(s)) / Math.log1p(top) : 0)
  }

  const graph = new Graph({ type: "undirected", multi: false })
  const linked = new Uint8Array(contacts.length)
  for (const l of all) {
    linked[l.source] = 1
    linked[l.target] = 1
  }
  const rng = random(contacts.length * 7919 + all.length)
  contacts.forEach((c, i) => {
    if (linked[i]) graph.addNode(String(i), { x: rng() * 100, y: rng() * 100, size: sizeOf(c.id) })
  })
  for (const l of all) graph.addEdge(String(l.source), String(l.target), { weight: l.weight })

  const order = graph.order
  if (order > 0) {
    const iterations = options.iterations ?? (order <= 1000 ? 200 : order <= 3000 ? 100 : 60)
    forceAtlas2.assign(graph, {
      iterations,
      getEdgeWeight: "weight",
      settings: {
        ...forceAtlas2.inferSettings(graph),
        barnesHutOptimize: order > 500,
        adjustSizes: false,
      },
    })
  }
  const totalWeight = all.reduce((sum, l) => sum + l.weight, 0)
  const resolution = options.resolution ?? Math.max(1, Math.sqrt(totalWeight) / 7)
  const assignment: Record<string, number> =
    order > 0 ? louvain(graph, { getEdgeWeight: "weight", rng: random(order), resolution }) : {}

  // Communities: renumbered largest first, singletons dropped.
  const groups = new Map<number, Array<number>>()
  for (const [node, community] of Object.entries(assignment)) {
    const list = groups.get(community)
    if (list) list.push(Number(node))
    else groups.set(community, [Number(node)])
  }
  const ordered = [...groups.values()]
    .filter((m) => m.length >= 2)
    .map((m) => m.sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
  const communityOf = new Int32Array(contacts.length).fill(-1)
  ordered.forEach((members, c) => {
    for (const m of members) communityOf[m] = c
  })

  // Meeting series per contact and how often each series met, for the labels.
  const seriesOf = contacts.map((c) => [
    ...new Set((input.interactions.get(c.id) ?? []).flatMap((i) => meetingSeries(i) ?? [])),
  ])
  const occurrences = new Map<string, Set<string>>()
  for (const list of input.interactions.values())
    for (const i of list) {
      const s = meetingSeries(i)
      if (s === undefined) continue
      const set = occurrences.get(s)
      if (set) set.add(i.at)
      else occurrences.set(s, new Set([i.at]))
    }
  const seriesTimes = new Map([...occurrences].map(([s, set]) => [s, [...set]] as const))

  const communities: Array<Community> = ordered.map((members, c) => ({
    ...labelOf(
      members.map((m) => contacts[m]!),
      members.map((m) => seriesOf[m]!),
      seriesTimes,
    ),
    members: members.length,
    color: palette[c] ?? OTHER,
  }))

  // Bounds of the layout, to centre "me" and ring the people linked to nobody around it.
  let minX = Number.POSITIVE_INFINITY
  let maxX = Number.NEGATIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  graph.forEachNode((_, a) => {
    minX = Math.min(minX, a.x as number)
    maxX = Math.max(maxX, a.x as number)
    minY = Math.min(minY, a.y as number)
    maxY = Math.max(maxY, a.y as number)
  })
  if (order === 0) {
    minX = minY = -1
    maxX = maxY = 1
  }
  const cx = (minX + maxX) / 2
  const cy = (minY + maxY) / 2
  const radius = Math.max(maxX - minX, maxY - minY, 2) * 0.62
  const alone = contacts.flatMap((_, i) => (linked[i] ? [] : [i]))
  const ringPosition = new Map<number, { x: number; y: number }>()
  alone.forEach((i, k) => {
    const angle = (2 * Math.PI * k) / Math.max(alone.length, 1)
    ringPosition.set(i, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) })
  })

  const nodes: Array<Node> = contacts.map((c, i) => {
    const at = linked[i] ? graph.getNodeAttributes(String(i)) : ringPosition.get(i)!
    return {
      id: c.id,
      label: c.displayName,
      x: round(at.x as number),
      y: round(at.y as number),
      size: round(sizeOf(c.id)),
      community: communityOf[i]!,
    }
  })
  return { nodes, links: all, communities, me: { x: round(cx), y: round(cy) } }
}

const round = (v: number): number => Math.round(v * 100) / 100

/** The colour a node is drawn in. @category utils @since 0.1.0 */
export const colorOf = (network: Network, node: Node): string =>
  node.community < 0 ? ALONE : (network.communities[node.community]?.color ?? OTHER)
