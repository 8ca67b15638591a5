/**
 * End to end: `blackbook report` on the bundled example writes one HTML file that Chromium opens from
 * disk with no error and no request; its screenshot is kept in test-artifacts/report.png.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { run } from "@blackbook/cli"
import { describe, expect, it } from "vitest"
import { launch, networkRequests, open, skipBrowser } from "../packages/report/test/browser.ts"

const root = path.resolve(import.meta.dirname, "..")
const example = path.join(root, "examples", "merge-exports", "sample-exports")
const artifacts = path.join(root, "test-artifacts")

const args = (out: string) => [
  "report",
  example,
  "--out",
  out,
  "--now",
  "2026-11-25T12:00:00Z",
  "--region",
  "GB",
  "--me",
  "alex.morgan@example.com",
]

describe("blackbook report", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blackbook-report-cli-"))
  const out = path.join(dir, "report.html")

  it("writes the example's report: the people, the lists and the rejected records", async () => {
    expect(await run(args(out))).toBe(0)
    const html = fs.readFileSync(out, "utf8")
    expect(html).toContain("Jürgen Groß")
    expect(html).toContain('<section id="drifting">')
    expect(html).toMatch(/Records rejected \(\d+\)/)
    // the same inputs and now give the same page
    const again = path.join(dir, "again.html")
    expect(await run(args(again))).toBe(0)
    expect(fs.readFileSync(again, "utf8") === html).toBe(true)
  })

  it("is a usage error without --out", async () => {
    expect(await run(["report", example])).toBe(2)
  })

  describe.skipIf(skipBrowser())("in Chromium", { timeout: 60_000 }, () => {
    it("opens with no error and no request, draws the map, and is kept as a screenshot", async () => {
      if (!fs.existsSync(out)) expect(await run(args(out))).toBe(0)
      const { context, close } = await launch()
      try {
        const { page, watched } = await open(context, out)
        expect(watched.errors).toEqual([])
        expect(networkRequests(watched, out)).toEqual([])
        expect(
          await page.evaluate(
            () =>
              (window as unknown as { __blackbookReport: { mapDrawn: boolean } }).__blackbookReport.mapDrawn,
          ),
        ).toBe(true)
        fs.mkdirSync(artifacts, { recursive: true })
        await page.screenshot({ path: path.join(artifacts, "report.png"), fullPage: true })
        await page.screenshot({ path: path.join(artifacts, "report-top.png") })
        await page.setViewportSize({ width: 390, height: 844 })
        await page.screenshot({ path: path.join(artifacts, "report-phone.png") })
        expect(fs.statSync(path.join(artifacts, "report.png")).size).toBeGreaterThan(10_000)
      } finally {
        await close()
      }
    })
  })
})
