import { describe, expect, it } from "vitest"
import * as Network from "../src/Network.ts"
import { book, harbour, idOf, orchard, ranked } from "./fixture.ts"

const pairKinds = (b: ReturnType<typeof book>, net: Network.Network) =>
  new Map(
    net.links.map((l) => [
      [b.contacts[l.source]!.displayName.split(" ")[0], b.contacts[l.target]!.displayName.split(" ")[0]]
        .sort()
        .join("+"),
      l,
    ]),
  )

describe("Network.links", () => {
  const b = book()
  const links = pairKinds(b, { nodes: [], links: Network.links(b), communities: [], me: { x: 0, y: 0 } })

  it("joins people who attended one meeting, with the number of meetings shared", () => {
    const jurgen = links.get("Jürgen+Ottilie")
    expect(jurgen?.kind).toBe("meeting")
    expect(jurgen?.events).toBe(6)
    expect(links.get("Ines+Robert")?.events).toBe(4)
  })

  it("joins two people mentioned in one tweet, and nobody across teams otherwise", () => {
    expect(links.get("Ines+Ottilie")?.kind).toBe("tweet")
    expect(links.has("Jürgen+Robert")).toBe(false)
  })

  it("links nobody to the person met alone, nor to the collector", () => {
    expect([...links.keys()].some((k) => k.includes("Wendeline") || k.includes("Philippa"))).toBe(false)
  })

  it("counts employers as a weak link: colleagues without a meeting are linked more weakly", () => {
    const colleagues = Network.links({
      contacts: b.contacts,
      interactions: new Map(),
    })
    expect(colleagues.every((l) => l.kind === "employer" && l.events === 0)).toBe(true)
    // four at Harbourlight and three at Orchard Mill: every pair of colleagues
    expect(colleagues).toHaveLength(6 + 3)
    const met = Network.links(b).find((l) => l.kind === "meeting")!
    expect(met.weight).toBeGreaterThan(colleagues[0]!.weight)
  })

  it("leaves out events with more people than maxEventSize", () => {
    const small = Network.links(b, { maxEventSize: 3 })
    expect(small.some((l) => l.kind === "meeting" && l.events === 6)).toBe(false)
    expect(small.some((l) => l.kind === "meeting" && l.events === 4)).toBe(true)
  })
})

describe("Network.build", () => {
  const b = book()
  const net = Network.build(b, ranked(b))

  it("finds the two teams as communities labelled by their employer, all members sharing it", () => {
    const labels = net.communities.map((c) => [c.label, c.members, c.share])
    expect(labels).toEqual([
      ["Harbourlight", harbour.length, 1],
      ["Orchard Mill", orchard.length, 1],
    ])
    const community = (given: string) => net.nodes.find((n) => n.id === idOf(b, given))!.community
    expect(community("Jürgen")).toBe(community("Benedek"))
    expect(community("Jürgen")).not.toBe(community("Robert"))
    expect(community("Philippa")).toBe(-1)
  })

  it("labels a community by its recurring meeting when its members share no employer", () => {
    const contacts = b.contacts.map((c) => ({ ...c, organizations: [] }))
    const bare = Network.build({ contacts, interactions: b.interactions }, ranked(b))
    const labels = bare.communities.map((c) => c.label)
    expect(labels).toContain("met together 6 times since 2026-10-14")
  })

  it("sizes people by priority and places every one of them", () => {
    const size = (given: string) => net.nodes.find((n) => n.id === idOf(b, given))!.size
    expect(size("Ottilie")).toBeGreaterThan(size("Philippa"))
    expect(net.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true)
    expect(new Set(net.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(net.nodes.length)
  })

  it("is deterministic", () => {
    expect(Network.build(b, ranked(b))).toEqual(net)
  })
})
