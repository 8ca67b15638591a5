/**
 * bench/src/ContactsDev.ts ports ../shared/linkage/contacts-dev/score.py: both score one book here
 * and must agree on every figure they share. Runs python3 when it is there (CI has it); without
 * python3 the comparison is skipped with a message.
 */
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { sharedRoot } from "@blackbook/model/testing"
import { describe, expect, it } from "vitest"
import * as ContactsDev from "../bench/src/ContactsDev.ts"

const root = sharedRoot()
const python = spawnSync("python3", ["--version"], { encoding: "utf8" }).status === 0
if (!python) console.warn("[blackbook] python3 not found: the score.py comparison is skipped")

/** score.py rounds to 4 places: the port's unrounded figure must round to the same. */
const agrees = (port: number, py: number) => expect(Math.abs(port - py)).toBeLessThanOrEqual(0.00005 + 1e-9)

describe("the contacts-dev score port", () => {
  if (root === undefined) {
    it("is skipped: ../shared is not present", () => {
      expect(root).toBeUndefined()
    })
    return
  }
  const dir = ContactsDev.folder(root, "hard-1k")

  it.skipIf(!python)("agrees with score.py on the hard-1k book", async () => {
    const book = await ContactsDev.mergeSet(dir)
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bb-score-"))
    const file = path.join(tmp, "book.json")
    fs.writeFileSync(file, JSON.stringify(book))
    const out = spawnSync("python3", [path.join(dir, "..", "score.py"), path.join(dir, "truth.json"), file], {
      encoding: "utf8",
    })
    fs.rmSync(tmp, { recursive: true, force: true })
    expect(out.status).toBe(0)
    const py = JSON.parse(out.stdout) as Record<string, number>
    const port = ContactsDev.score(ContactsDev.readTruth(dir), book.contacts)
    expect(port.records).toBe(py.records)
    expect(port.lost).toBe(py.lost)
    expect(port.unknownRefs).toBe(py.unknown_refs)
    expect(port.contacts).toBe(py.contacts)
    agrees(port.precision, py.precision!)
    agrees(port.recall, py.recall!)
    agrees(port.f1, py.f1!)
    agrees(port.peopleExact, py.people_exact!)
    agrees(port.lastInteractionOk, py.last_interaction_ok!)
    agrees(port.interactionCountOk, py.interaction_count_ok!)
    // Not a trivial agreement: the book has misses of every kind.
    expect(port.recall).toBeLessThan(1)
    expect(port.lastInteractionOk).toBeLessThan(1)
  })

  it("scores a hand-made book as score.py would", () => {
    const truth: ContactsDev.Truth = {
      records: {
        "vcard|contacts.vcf|card:1": 1,
        "outlook|outlook.csv|row:1": 1,
        "twitter|twitter|account:9": 1,
        "vcard|contacts.vcf|card:2": 2,
      },
      unidentifiable: ["twitter|twitter|account:9"],
      people: {
        "1": {
          interactions: 3,
          last: "2026-10-01T10:00:00Z",
          attributable: 2,
          attributable_last: "2026-09-01T10:00:00Z",
        },
        "2": { interactions: 1, last: "2026-08-01T10:00:00" },
      },
    }
    const contacts: Array<ContactsDev.ScoredContact> = [
      {
        sources: [
          { source: "vcard", file: "/x/contacts.vcf", record: "card:1" },
          { source: "vcard", file: "/x/contacts.vcf", record: "card:2" },
        ],
        interactions: { count: 2, last: "2026-09-01T10:30:00Z" },
      },
      {
        sources: [{ source: "outlook-csv", file: "C:\\x\\outlook.csv", record: "row:1" }],
        interactions: { count: 1, last: null },
      },
      { sources: [{ source: "twitter", file: "/x/twitter.zip/follower.js", record: "account:9" }] },
    ]
    const s = ContactsDev.score(truth, contacts)
    // Pairs found: card:1-card:2 (wrong); true identifiable pairs: card:1-row:1 (missed).
    expect(s.precision).toBe(0)
    expect(s.recall).toBe(0)
    expect(s.f1).toBe(0)
    expect(s.lost).toBe(0)
    expect(s.unknownRefs).toBe(0)
    // Person 1's records: card:1 (contact 0) and row:1 (contact 1); the tie goes to the first seen.
    expect(s.lastInteractionOk).toBe(0.5)
    expect(s.interactionCountOk).toBe(0.5)
    expect(s.peopleExact).toBe(0)
  })
})
