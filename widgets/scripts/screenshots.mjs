/* global document -- code run inside Chromium by page.waitForFunction */
// Takes the PNGs of docs/webmasters.md with the machine's Chromium, from the demo page on fixture
// data: `node scripts/screenshots.mjs` (after `pnpm --filter @etw/widgets build`).
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { runnerImport } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = fileURLToPath(new URL('../../docs/images/', import.meta.url))
mkdirSync(out, { recursive: true })

const { module } = await runnerImport(`${root}test/support/server.ts`)
const cms = await module.startServer()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
})
const context = await browser.newContext({
  viewport: { width: 960, height: 900 },
  deviceScaleFactor: 1,
  reducedMotion: 'reduce',
  locale: 'en-GB',
  timezoneId: 'Europe/Kyiv',
})
const page = await context.newPage()
await page.goto(`${cms.origin}/widgets/demo/`)
await page.waitForFunction(() =>
  [...document.querySelectorAll('etw-stats, etw-news-feed, etw-events')].every((el) =>
    el.shadowRoot?.querySelector('[part="base"]'),
  ),
)
await page.waitForLoadState('networkidle')

const shots = [
  ['demo.png', null],
  ['etw-stats.png', 'section:nth-of-type(1) [data-demo]:nth-of-type(1)'],
  ['etw-stats-dark.png', '[data-demo].dark'],
  ['etw-news-feed-cards.png', 'section:nth-of-type(2) [data-demo] >> nth=1'],
  ['etw-events.png', 'section:nth-of-type(3) [data-demo] >> nth=0'],
]
for (const [file, selector] of shots) {
  if (selector)
    await page
      .locator(selector)
      .first()
      .screenshot({ path: out + file })
  else await page.screenshot({ path: out + file })
  console.log(`docs/images/${file}`)
}
await browser.close()
await cms.close()
