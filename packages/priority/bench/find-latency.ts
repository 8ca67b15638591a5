/**
 * Find latency over generated books of 10k and 100k invented contacts: index build time, ranking time
 * and the median (and p95) query latency over a mix of queries (exact names, typos, name + company,
 * e-mail fragments, folded diacritics), wall clock and CPU time (the CPU figure is the steadier one
 * on a busy machine); nickname queries (bob, bill: two passes) are reported apart.
 *
 * Run from the repo root: npx tsx --conditions=@blackbook/source packages/priority/bench/find-latency.ts
 * Add `--no-prefilter` to let Fuse scan every contact on every query (the results are the same).
 */
import type { Contact, Interaction } from "@blackbook/model"
import { Result } from "effect"
import { Find, Ranking } from "../src/index.ts"

// A small deterministic PRNG (mulberry32), so every run searches the same book.
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

// Invented names: syllables glued together, a few with diacritics so folding is exercised.
const onsets = [
  "b",
  "d",
  "f",
  "g",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "z",
  "br",
  "st",
  "kl",
  "tr",
  "sch",
]
const vowels = ["a", "e", "i", "o", "u", "ä", "ö", "ü", "é", "y", "ai", "ou"]
const codas = ["", "", "n", "r", "l", "s", "th", "ck", "ß", "m", "nd"]

const word = (rand: () => number, syllables: number): string => {
  let w = ""
  for (let i = 0; i < syllables; i++) {
    w += onsets[Math.floor(rand() * onsets.length)]! + vowels[Math.floor(rand() * vowels.length)]!
  }
  w += codas[Math.floor(rand() * codas.length)]!
  return w[0]!.toUpperCase() + w.slice(1)
}

const ascii = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").replace(/ß/g, "ss").toLowerCase()

const generate = (n: number, seed: number): Contact.Contact[] => {
  const rand = prng(seed)
  // Mostly invented given names, plus a few common formal ones so nickname queries (bob, bill) have work.
  const givens = [
    ...Array.from({ length: 600 }, () => word(rand, 1 + Math.floor(rand() * 2))),
    ...["Robert", "William", "Margaret", "Katherine", "Richard", "Elizabeth"],
  ]
  const families = Array.from({ length: 4000 }, () => word(rand, 2 + Math.floor(rand() * 2)))
  const companies = Array.from({ length: 1500 }, () => `${word(rand, 2)} ${rand() < 0.5 ? "GmbH" : "Labs"}`)
  return Array.from({ length: n }, (_, i): Contact.Contact => {
    const given = givens[Math.floor(rand() * givens.length)]!
    const family = families[Math.floor(rand() * families.length)]!
    const company = companies[Math.floor(rand() * companies.length)]!
    const key = `bench:book.csv#row:${i + 1}`
    const email = `${ascii(given)}.${ascii(family)}@${ascii(company.split(" ")[0]!)}.example`
    return {
      id: `c${i}`,
      displayName: `${given} ${family}`,
      name: { given, family },
      emails: [{ value: email, types: ["work"], from: [key] }],
      phones: [],
      organizations: [{ company, from: [key] }],
      addresses: [],
      urls: [],
      handles:
        rand() < 0.3 ? [{ service: "twitter", handle: ascii(given + family).slice(0, 15), from: [key] }] : [],
      notes: [],
      categories: [],
      records: [],
      match: [],
    }
  })
}

const NOW = "2026-03-15T12:00:00.000Z"
const DAY = 86_400_000
const kinds: ReadonlyArray<Interaction.InteractionKind> = ["meeting", "message", "email", "dm", "mention"]
const directions: ReadonlyArray<Interaction.Direction> = ["incoming", "outgoing", "mutual"]

// A fifth of the book has a history of 1..40 interactions over the last three years.
const history = (contacts: ReadonlyArray<Contact.Contact>, seed: number) => {
  const rand = prng(seed)
  const map = new Map<string, Interaction.Interaction[]>()
  for (const c of contacts) {
    if (rand() > 0.2) continue
    const count = 1 + Math.floor(rand() * 40)
    map.set(
      c.id,
      Array.from({ length: count }, (_, j) => ({
        kind: kinds[Math.floor(rand() * kinds.length)]!,
        at: new Date(Date.parse(NOW) - Math.floor(rand() * 3 * 365 * DAY)).toISOString(),
        direction: directions[Math.floor(rand() * directions.length)]!,
        counterpart: { source: "bench", file: "book.csv", record: `row:${c.id}` },
        provenance: { source: "bench", file: "mail.mbox", record: `message:${c.id}-${j}` },
      })),
    )
  }
  return map
}

const queriesFor = (contacts: ReadonlyArray<Contact.Contact>, seed: number): string[] => {
  const rand = prng(seed)
  const pick = () => contacts[Math.floor(rand() * contacts.length)]!
  const typo = (s: string) => {
    const i = 1 + Math.floor(rand() * (s.length - 2))
    return s.slice(0, i) + s.slice(i + 1)
  }
  const out: string[] = []
  for (let i = 0; i < 10; i++) {
    const c = pick()
    out.push(c.displayName) // exact, with diacritics
    out.push(ascii(c.displayName)) // folded
    out.push(typo(ascii(c.name.family ?? ""))) // one typo in the family name
    out.push(`${ascii(c.name.given ?? "")} ${ascii(c.organizations[0]!.company!.split(" ")[0]!)}`) // name + company
    out.push(c.emails[0]!.value.split("@")[0]!) // e-mail local part
  }
  // Nickname queries: each is searched literally and as the formal name (two passes).
  const formal = contacts.filter((c) => c.name.given === "Robert" || c.name.given === "William")
  for (let i = 0; i < 10 && formal.length > 0; i++) {
    const c = formal[Math.floor(rand() * formal.length)]!
    out.push(`${c.name.given === "Robert" ? "bob" : "bill"} ${ascii(c.name.family ?? "")}`)
  }
  return out
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!
}

const ms = (x: number) => `${x.toFixed(1)} ms`

for (const size of [10_000, 100_000]) {
  const contacts = generate(size, 42)
  const interactions = history(contacts, 7)
  let t = performance.now()
  const ranked = Result.getOrThrow(Ranking.rank({ contacts, interactions }, { now: NOW }))
  const rankMs = performance.now() - t
  t = performance.now()
  const index = Result.getOrThrow(
    Find.makeIndex({ contacts }, ranked, { prefilter: !process.argv.includes("--no-prefilter") }),
  )
  const buildMs = performance.now() - t
  const queries = queriesFor(contacts, 99)
  Find.find(index, queries[0]!) // warm-up
  const times: number[] = []
  const cpuTimes: number[] = []
  const nicknameTimes: number[] = []
  let found = 0
  for (const q of queries) {
    const start = performance.now()
    const cpu = process.cpuUsage()
    const hits = Result.getOrThrow(Find.find(index, q, { limit: 10 }))
    const elapsed = performance.now() - start
    const used = process.cpuUsage(cpu)
    if (/^(bob|bill) /.test(q)) nicknameTimes.push(elapsed)
    else {
      times.push(elapsed)
      cpuTimes.push((used.user + used.system) / 1000)
    }
    if (hits.length > 0) found++
  }
  console.log(
    `${size.toLocaleString("en")} contacts (${interactions.size.toLocaleString("en")} with history): ` +
      `rank ${ms(rankMs)}, index ${ms(buildMs)}, ` +
      `query median ${ms(percentile(times, 0.5))} (cpu ${ms(percentile(cpuTimes, 0.5))}), ` +
      `p95 ${ms(percentile(times, 0.95))} ` +
      `over ${times.length} queries; nickname queries median ${ms(percentile(nicknameTimes, 0.5))} ` +
      `(${nicknameTimes.length}); ${found}/${queries.length} queries with hits`,
  )
}
