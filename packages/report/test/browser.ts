/**
 * Debian's Chromium driven by playwright-core, for the browser tests (never a browser download).
 * Without /usr/bin/chromium the tests are skipped with a message, except under CI=true, where they
 * must run: there they fail.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { type BrowserContext, chromium, type Page } from "playwright-core"

export const CHROMIUM = "/usr/bin/chromium"

/** Whether to skip: no Chromium here and not in CI. */
export const skipBrowser = (): boolean => {
  if (fs.existsSync(CHROMIUM)) return false
  if (process.env.CI === "true") return false
  console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`)
  return true
}

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

/** A browser with a fresh profile directory; `close` removes both. */
export const launch = async (
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; close: () => Promise<void> }> => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "blackbook-chromium-"))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport,
  })
  return {
    context,
    close: async () => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** What a page did while it loaded: console errors, uncaught errors, and every request's URL. */
export interface Watched {
  readonly errors: Array<string>
  readonly requests: Array<string>
}

/** Opens a file in a new page, recording errors and requests from the start. */
export const open = async (
  context: BrowserContext,
  file: string,
): Promise<{ page: Page; watched: Watched }> => {
  const page = await context.newPage()
  const watched: Watched = { errors: [], requests: [] }
  page.on("console", (m) => {
    if (m.type() === "error") watched.errors.push(m.text())
  })
  page.on("pageerror", (e) => watched.errors.push(e.message))
  page.on("request", (r) => watched.requests.push(r.url()))
  await page.goto(`file://${file}`, { waitUntil: "load" })
  return { page, watched }
}

/** Requests other than the file itself and data:/blob: URLs. */
export const networkRequests = (watched: Watched, file: string): ReadonlyArray<string> =>
  watched.requests.filter((u) => u !== `file://${file}` && !u.startsWith("data:") && !u.startsWith("blob:"))

/**
 * How many distinct colours an element's screenshot holds (the browser decodes the PNG itself, from
 * a data: URL, so no image library is needed).
 */
export const colours = async (page: Page, selector: string): Promise<number> => {
  const png = (await page.locator(selector).screenshot()).toString("base64")
  return page.evaluate(async (b64) => {
    const image = new Image()
    image.src = `data:image/png;base64,${b64}`
    await image.decode()
    const canvas = document.createElement("canvas")
    canvas.width = image.width
    canvas.height = image.height
    const ctx = canvas.getContext("2d")!
    ctx.drawImage(image, 0, 0)
    const pixels = ctx.getImageData(0, 0, image.width, image.height).data
    const seen = new Set<number>()
    for (let i = 0; i < pixels.length; i += 4)
      seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!)
    return seen.size
  }, png)
}
