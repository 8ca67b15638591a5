import { describe, expect, it } from "vitest"
import * as KeyIndex from "../src/internal/keyIndex.ts"
import { migrate } from "../src/internal/ops.ts"
import * as Sql from "../src/internal/sql.ts"

const book = "key-index"
const ids = Array.from({ length: 400 }, (_, i) => `vcard|person-${i}`)
// Fifty people share each name key; every mailbox is one person's.
const keysOf = (i: number) => [`name:${i % 50}`, `mail:${i}`]
const holding = (name: number, except: ReadonlyArray<number>) =>
  ids.filter((_, i) => i % 50 === name && !except.includes(i)).sort()

describe("the key index", () => {
  it("finds a key's holders by hash range across segments, the last segment naming a record deciding, and compacts to the same", async () => {
    const db = await Sql.open({})
    try {
      await migrate(db)
      await db.transaction(async (tx) => {
        await tx.query(
          "insert into records (book, identity, kind, source, export_name, content_hash, record, first_import, last_import) select $1, x, 'record', 'vcard', 'cards.vcf', 'h', '{}', 1, 1 from unnest($2::text[]) as x",
          [book, ids],
        )
        const first = new Map(ids.map((id, i) => [id, keysOf(i)]))
        await KeyIndex.write(tx, book, KeyIndex.segmentOf(first, []), true)
        // Person 0 changed (a new name), person 1 gone.
        await KeyIndex.write(
          tx,
          book,
          KeyIndex.segmentOf(new Map([[ids[0]!, ["name:renamed"]]]), [ids[0]!, ids[1]!]),
          false,
        )
        const asked = ["name:0", "name:1", "name:renamed", "mail:2", "mail:0", "mail:unknown"]
        const index = await KeyIndex.load(tx, book, asked)
        expect(index.segmentCount).toBe(2)
        expect(index.holders("name:0").sort()).toEqual(holding(0, [0]))
        expect(index.holders("name:1").sort()).toEqual(holding(1, [1]))
        expect(index.holders("name:renamed")).toEqual([ids[0]])
        expect(index.holders("mail:2")).toEqual([ids[2]])
        expect(index.holders("mail:0")).toEqual([])
        expect(index.holders("mail:unknown")).toEqual([])

        await KeyIndex.write(tx, book, (await KeyIndex.loadAll(tx, book)).compacted(), true)
        const compacted = await KeyIndex.load(tx, book, asked)
        expect(compacted.segmentCount).toBe(1)
        for (const key of asked) expect(compacted.holders(key).sort()).toEqual(index.holders(key).sort())
      })
    } finally {
      await db.close()
    }
  })
})
