import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import type { BrowserContext } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { colours, launch, networkRequests, open, skipBrowser } from "./browser.ts"
import { book, idOf, ranked, rendered } from "./fixture.ts"

interface Hook {
  readonly mapDrawn: boolean
  readonly nodePosition: (id: string) => { x: number; y: number } | undefined
  readonly search: (query: string) => Array<string>
}
declare const window: { readonly __blackbookReport: Hook; readonly innerWidth: number }

describe.skipIf(skipBrowser())("the report in Chromium", { timeout: 60_000 }, () => {
  const b = book()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blackbook-report-"))
  const file = path.join(dir, "report.html")
  fs.writeFileSync(file, rendered({ book: b, ranking: ranked(b) }))
  let context: BrowserContext
  let close: () => Promise<void>

  beforeAll(async () => {
    ;({ context, close } = await launch())
  })
  afterAll(async () => {
    await close?.()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it("loads from file:// with no console error and no network request, and draws the map", async () => {
    const { page, watched } = await open(context, file)
    expect(await page.evaluate(() => window.__blackbookReport.mapDrawn)).toBe(true)
    expect(watched.errors).toEqual([])
    expect(networkRequests(watched, file)).toEqual([])
    expect(watched.requests).toContain(`file://${file}`)
    // the area of the map's canvases: dots in several community colours, lines and labels, where a
    // blank or flat canvas has one colour
    expect(await colours(page, "#map .sigma-mouse")).toBeGreaterThan(20)
    await page.close()
  })

  it("shows a contact's card when their dot is clicked", async () => {
    const { page } = await open(context, file)
    for (const given of ["Jürgen", "Robert"]) {
      const at = await page.evaluate((id) => window.__blackbookReport.nodePosition(id), idOf(b, given))
      expect(at).toBeDefined()
      await page.mouse.move(at!.x, at!.y)
      await page.mouse.click(at!.x, at!.y)
      await expect.poll(() => page.locator("#card-name").textContent()).toMatch(new RegExp(`^${given} `))
    }
    expect(await page.locator("#card").textContent()).toContain("Orchard Mill")
    await page.close()
  })

  it("finds Jürgen by typing jurgen, and Robert by typing bob", async () => {
    const { page } = await open(context, file)
    await page.locator("#search").fill("jurgen")
    await expect.poll(() => page.locator("#results button").allTextContents()).toEqual(["Jürgen Falkenrath"])
    await page.locator("#results button").first().click()
    expect(await page.locator("#card-name").textContent()).toBe("Jürgen Falkenrath")
    expect(await page.evaluate(() => window.__blackbookReport.search("bob"))).toEqual(["Robert Weatherby"])
    expect(await page.evaluate(() => window.__blackbookReport.search("zz-nobody"))).toEqual([])
    await page.close()
  })

  it("shows the lists without WebGL", async () => {
    const page = await context.newPage()
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: []) {
        return kind.startsWith("webgl") ? null : original.call(this, kind as "2d", ...rest)
      } as typeof original
    })
    await page.goto(`file://${file}`)
    expect(await page.locator("#nomap").isVisible()).toBe(true)
    expect(await page.locator("#map").isVisible()).toBe(false)
    expect(await page.locator("#drifting").textContent()).toContain("Wendeline Ashgrove")
    await page.locator("#top button[data-node]").first().click()
    expect(await page.locator("#card-name").textContent()).toBe("Ottilie Brandqvist")
    await page.close()
  })

  it("reads at phone width: nothing wider than the screen", async () => {
    const page = await context.newPage()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`file://${file}`)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.close()
  })
})
