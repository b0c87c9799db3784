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
  [...document.querySelectorAll('etw-stats, etw-news-feed, etw-events, etw-article')].every((el) =>
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
  ['etw-article.png', 'section:nth-of-type(4) [data-demo] >> nth=0'],
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

// `<etw-article>` dark on a light page and on a right-to-left Arabic page, for review (not in the
// docs): `SHOTS=/tmp/shots node scripts/screenshots.mjs`.
if (process.env.SHOTS) {
  mkdirSync(process.env.SHOTS, { recursive: true })
  const pages = {
    'etw-article-dark.png': ['en', '', 'theme="dark"'],
    'etw-article-ar.png': ['ar', ' dir="rtl"', ''],
  }
  for (const [file, [lang, dir, attributes]] of Object.entries(pages)) {
    const path = `/${file}.html`
    cms.pages.set(path, {
      html: `<!doctype html><html lang="${lang}"${dir}><head><meta charset="utf-8"><title>${file}</title><script src="/widgets/etw-widgets.js"></script></head><body style="background:#fff;font-family:sans-serif;max-width:44rem;margin:1rem auto"><h1>Host page</h1><etw-article slug="every-node" ${attributes}></etw-article></body></html>`,
    })
    await page.goto(cms.origin + path)
    await page.waitForFunction(() =>
      document.querySelector('etw-article')?.shadowRoot?.querySelector('[part="base"]'),
    )
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `${process.env.SHOTS}/${file}`, fullPage: true })
    console.log(`${process.env.SHOTS}/${file}`)
  }
}
await browser.close()
await cms.close()
