/* global document, window, requestAnimationFrame -- code run inside Chromium by page.evaluate */
// Widget benchmark: bundle sizes against the 12 KB budget, and time from script start to rendered
// counters in Chromium. Prints figures; asserts nothing about speed.
//   pnpm bench:widgets            (RUNS=25 for more runs, CHROMIUM=/path to pick a browser)
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { build } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const BUDGET = 12_000
const RUNS = Number(process.env.RUNS ?? 15)
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'

const sizes = (code) => {
  const bytes = Buffer.from(code)
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  }
}

/** Builds `entry` as one minified classic script with Lit inside, in memory. */
const bundle = async (entry) => {
  const output = await build({
    root,
    configFile: `${root}/vite.config.ts`,
    mode: 'bundle',
    logLevel: 'silent',
    build: {
      write: false,
      lib: { entry, formats: ['iife'], name: 'etwBench', fileName: () => 'bench.js' },
    },
  })
  const [result] = Array.isArray(output) ? output : [output]
  return result.output.find((chunk) => chunk.type === 'chunk').code
}

const kb = (n) => `${(n / 1000).toFixed(2)} kB`
const rows = []
for (const [name, entry] of [
  ['<etw-stats> alone (+ Lit, @lit/task, client)', 'src/etw-stats/etw-stats.ts'],
  ['<etw-news-feed> alone', 'src/etw-news-feed/etw-news-feed.ts'],
  ['<etw-events> alone', 'src/etw-events/etw-events.ts'],
  ['etw-widgets.js (all widgets, self-hosted)', 'src/bundle.ts'],
]) {
  rows.push({ name, ...sizes(await bundle(entry)) })
}
console.log('\nSelf-hosted bundles (minified; gzip -9; brotli q11)')
for (const row of rows) {
  console.log(
    `  ${row.name.padEnd(46)} ${kb(row.min).padStart(9)} ${kb(row.gzip).padStart(9)} gz ${kb(row.brotli).padStart(9)} br`,
  )
}
const all = rows.at(-1)
console.log(
  `  budget ${kb(BUDGET)} gzip for all widgets: ${all.gzip <= BUDGET ? 'within' : 'OVER'} (${kb(BUDGET - all.gzip)} left; ${(all.gzip / 1024).toFixed(2)} KiB)`,
)

const npm = [
  'index.js',
  'define.js',
  'etw-stats/etw-stats.js',
  'etw-news-feed/etw-news-feed.js',
  'etw-events/etw-events.js',
]
if (npm.every((file) => existsSync(`${root}/dist/${file}`))) {
  console.log('\nnpm ESM entries (unminified, Lit external; shared chunks not included)')
  for (const file of npm) {
    const s = sizes(readFileSync(`${root}/dist/${file}`))
    console.log(`  dist/${file.padEnd(40)} ${kb(s.min).padStart(9)} ${kb(s.gzip).padStart(9)} gz`)
  }
}

if (!existsSync(CHROMIUM)) {
  console.log(`\nChromium not found at ${CHROMIUM}: time to render not measured.`)
  process.exit(0)
}

// Time to counters: a page on one origin, the bundle and a stats API on another.
const script = await bundle('src/bundle.ts')
const stats = JSON.stringify({
  scope: { kind: 'country', country: 'AZ' },
  locale: 'en',
  metrics: [
    ['teachers', 'Teachers', 4308],
    ['schools', 'Schools', 1141],
    ['projects', 'Projects', 5103],
  ].map(([key, label, value]) => ({
    key,
    label,
    value,
    approximate: false,
    asOf: '2024-09-01',
    source: null,
  })),
})
const listen = (handler) =>
  new Promise((resolve) => {
    const server = createServer(handler).listen(0, '127.0.0.1', () => resolve(server))
  })
const cms = await listen((req, res) => {
  const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' }
  if (req.url.startsWith('/widgets/')) {
    res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(script)
  } else res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(stats)
})
const cmsOrigin = `http://127.0.0.1:${cms.address().port}`
const site = await listen((req, res) => {
  res
    .writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' })
    .end(
      `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><script src="${cmsOrigin}/widgets/etw-widgets.js"></script></head><body><etw-stats country="AZ"></etw-stats></body></html>`,
    )
})
const browser = await chromium.launch({
  executablePath: CHROMIUM,
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
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
const measure = async (reducedMotion) => {
  const times = []
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ reducedMotion })
    const page = await context.newPage()
    // Watches every frame from the first one, so the moment the final numbers appear is exact to a frame.
    await page.addInitScript(() => {
      const check = () => {
        const current = document.querySelector('etw-stats')?.shadowRoot?.querySelectorAll('.cur')
        if (current?.length === 3 && current[2].textContent === '5,103') {
          window.__rendered = performance.now()
        } else requestAnimationFrame(check)
      }
      requestAnimationFrame(check)
    })
    await page.goto(`http://127.0.0.1:${site.address().port}/`)
    await page.waitForFunction(() => window.__rendered !== undefined, null, { timeout: 10_000 })
    times.push(
      await page.evaluate(() => {
        const entry = performance
          .getEntriesByType('resource')
          .find((e) => e.name.includes('etw-widgets.js'))
        return window.__rendered - entry.responseEnd
      }),
    )
    await context.close()
  }
  return times
}
const still = await measure('reduce')
const animated = await measure('no-preference')
console.log(
  `\nTime from script loaded to final counters in Chromium (median of ${RUNS}, local API)`,
)
console.log(
  `  reduced motion:   ${median(still).toFixed(1)} ms (min ${Math.min(...still).toFixed(1)}, max ${Math.max(...still).toFixed(1)})`,
)
console.log(
  `  with count-up:    ${median(animated).toFixed(1)} ms (includes the 1200 ms animation)`,
)
await browser.close()
cms.close()
site.close()
