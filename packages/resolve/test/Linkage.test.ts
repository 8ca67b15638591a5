import * as fs from "node:fs"
import * as path from "node:path"
import { parseRows } from "@blackbook/model/Csv"
import { make, type SourceRecord } from "@blackbook/model/SourceRecord"
import { sharedRoot } from "@blackbook/model/testing"
import { describe, expect, it } from "vitest"
import * as Resolve from "../src/Resolve.ts"

/** Pairwise precision, recall and F1 of clusters against truth labels (record index -> entity). */
const score = (clusters: ReadonlyArray<ReadonlyArray<number>>, truth: ReadonlyArray<string>) => {
  const pairCount = (groups: Iterable<ReadonlyArray<number>>) => {
    let n = 0
    for (const g of groups) n += (g.length * (g.length - 1)) / 2
    return n
  }
  let tp = 0
  for (const c of clusters) {
    const byEntity = new Map<string, number>()
    for (const i of c) byEntity.set(truth[i]!, (byEntity.get(truth[i]!) ?? 0) + 1)
    for (const k of byEntity.values()) tp += (k * (k - 1)) / 2
  }
  const entities = new Map<string, Array<number>>()
  truth.forEach((t, i) => {
    entities.set(t, [...(entities.get(t) ?? []), i])
  })
  const found = pairCount(clusters)
  const actual = pairCount(entities.values())
  const precision = found === 0 ? 1 : tp / found
  const recall = tp / actual
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall), found, actual }
}

const root = sharedRoot()

describe("resolution on public linkage benchmarks (read in place from ../shared)", () => {
  it.runIf(root !== undefined)("splink fake_1000: names, birth dates, e-mails", () => {
    const text = fs.readFileSync(path.join(root!, "linkage", "splink_fake_1000", "fake_1000.csv"), "utf8")
    const [header, ...rows] = parseRows(text, ",")
    const col = (name: string) => header!.fields.indexOf(name)
    const [first, last, dob, email, cluster] = ["first_name", "surname", "dob", "email", "cluster"].map(col)
    const records: Array<SourceRecord> = []
    const truth: Array<string> = []
    rows.forEach((row, i) => {
      const f = (c: number | undefined) => (c === undefined ? "" : (row.fields[c] ?? "").trim())
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(f(dob))
      records.push(
        make(
          { source: "fake_1000", file: "fake_1000.csv", record: `row:${i + 1}` },
          {
            name: { ...(f(first) ? { given: f(first) } : {}), ...(f(last) ? { family: f(last) } : {}) },
            emails: f(email) ? [{ value: f(email), types: [] }] : [],
            ...(m ? { birthday: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } } : {}),
          },
        ),
      )
      truth.push(f(cluster))
    })
    const started = performance.now()
    const result = Resolve.resolve(records)
    const ms = performance.now() - started
    const s = score(
      result.clusters.map((c) => c.records),
      truth,
    )
    console.log(
      `fake_1000: ${records.length} records, ${result.stats.compared} pairs compared, ${result.clusters.length} clusters; ` +
        `pairwise precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} ` +
        `(${s.found} pairs found, ${s.actual} true); ${ms.toFixed(0)} ms`,
    )
    expect(records.length).toBe(1000)
    // The set is built for probabilistic linkage: typos in names, shifted birth dates, rewritten
    // e-mails. Resolution favours precision (a wrong merge in a black book is worse than a missed
    // one); the floors guard against regressions in both. (Read here without the city column;
    // test/resolution-quality.test.ts reads it through the CSV import, as users do.)
    expect(s.precision).toBeGreaterThanOrEqual(0.98)
    expect(s.recall).toBeGreaterThanOrEqual(0.8)
  })
})
