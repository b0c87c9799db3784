/* global document, window, requestAnimationFrame -- code run inside Chromium by page.evaluate */
// Widget benchmark: what the self-hosted files weigh on the wire (the `.br` and `.gz` files the CMS
// sends) against the budgets, and time from script start to rendered counters in Chromium. Exits 1
// when a size budget is over; asserts nothing about speed.
//   pnpm bench:widgets            (RUNS=25 for more runs, CHROMIUM=/path to pick a browser)
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { build } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')
const RUNS = Number(process.env.RUNS ?? 15)
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TAGS = ['etw-stats', 'etw-news-feed', 'etw-events', 'etw-article']
/** Tags budgeted by their own chunk, on top of the loader and the shared chunk. */
const CHART = 'etw-stats-chart'
/** Bytes on the wire, gzip and brotli alike (docs/webmasters.md, DESIGN.md). */
const BUDGETS = { loader: 2_000, oneTag: 10_000, all: 13_000, chart: 4_000 }

await build({ root, configFile: join(root, 'vite.config.ts'), mode: 'bundle', logLevel: 'silent' })

/** Sizes of a built file: as written, and its precompressed `.gz` and `.br`. */
const sizeOf = (file) => {
  const path = join(dist, file)
  const size = (suffix) => (existsSync(path + suffix) ? readFileSync(path + suffix).length : null)
  const min = readFileSync(path).length
  return { min, gzip: size('.gz') ?? min, brotli: size('.br') ?? min }
}
const manifest = JSON.parse(readFileSync(join(dist, 'etw-widgets.json'), 'utf8'))
// Every chunk once, by the name Rollup gave it (`shared`, `items`, a tag), then what each tag needs.
const chunkName = (file) => file.replace(/^chunks\//, '').replace(/-[\w-]{8}\.js$/, '')
const chunks = Object.fromEntries(
  [...new Set(Object.values(manifest.tags).flat())].map((file) => [chunkName(file), file]),
)
// The combined module and the chart's copy that imports it: what a page of several tags loads.
const combined = Object.fromEntries(
  [...new Set(Object.values(manifest.combined.modules).flat())].map((file) => [
    chunkName(file),
    file,
  ]),
)
const files = { loader: manifest.loader, ...chunks, ...combined }
const size = Object.fromEntries(Object.entries(files).map(([key, file]) => [key, sizeOf(file)]))
const sum = (keys) =>
  keys.reduce(
    (total, key) => ({
      min: total.min + size[key].min,
      gzip: total.gzip + size[key].gzip,
      brotli: total.brotli + size[key].brotli,
    }),
    { min: 0, gzip: 0, brotli: 0 },
  )

const kb = (n) => `${(n / 1000).toFixed(2)} kB`
const line = (name, s, budget) => {
  const over = budget !== undefined && (s.gzip > budget || s.brotli > budget)
  const verdict = budget === undefined ? '' : `  budget ${kb(budget)}: ${over ? 'OVER' : 'within'}`
  console.log(
    `  ${name.padEnd(44)} ${kb(s.min).padStart(9)} ${kb(s.gzip).padStart(9)} gz ${kb(s.brotli).padStart(9)} br${verdict}`,
  )
  return over
}
console.log('\nSelf-hosted files (minified; precompressed gzip -9 and brotli q11, as served)')
for (const [key, file] of Object.entries(files)) line(`${key} (${file})`, size[key])
console.log('\nWhat a page downloads')
let over = line('loader (etw-widgets.js)', size.loader, BUDGETS.loader)
for (const tag of TAGS) {
  const needs = manifest.tags[tag].map(chunkName)
  over = line(`loader + ${needs.join(' + ')}`, sum(['loader', ...needs]), BUDGETS.oneTag) || over
}
// "Every tag" is the counters, news, events and article: what the 13 kB budget was set for. A page
// with two or more of them takes the combined module.
const all = manifest.combined.modules[TAGS[0]].map(chunkName)
over =
  line(`loader + ${all.join(' + ')} (${TAGS.join(', ')})`, sum(['loader', ...all]), BUDGETS.all) ||
  over
const chartNeeds = manifest.tags[CHART].map(chunkName)
const own = chartNeeds.filter((name) => name !== 'shared')
over = line(`${own.join(' + ')} on top of loader + shared`, sum(own), BUDGETS.chart) || over
const chartAll = manifest.combined.modules[CHART].map(chunkName).filter(
  (name) => !all.includes(name),
)
over =
  line(
    `${chartAll.join(' + ')} on top of loader + ${all.join(' + ')}`,
    sum(chartAll),
    BUDGETS.chart,
  ) || over
line(`loader + ${chartNeeds.join(' + ')}`, sum(['loader', ...chartNeeds]))
// A page that starts with one tag and gets the others later keeps to the shared chunk.
const split = ['loader', ...new Set(TAGS.flatMap((tag) => manifest.tags[tag].map(chunkName)))]
line(`loader + every chunk of ${TAGS.join(', ')}, one tag first`, sum(split))

const npm = [
  'index.js',
  'define.js',
  'etw-stats/etw-stats.js',
  'etw-news-feed/etw-news-feed.js',
  'etw-events/etw-events.js',
  'etw-article/etw-article.js',
  'etw-stats-chart/etw-stats-chart.js',
]
if (npm.every((file) => existsSync(join(dist, file)))) {
  console.log('\nnpm ESM entries (unminified, Lit external; shared chunks not included)')
  for (const file of npm) {
    const bytes = readFileSync(join(dist, file))
    const gz = gzipSync(bytes, { level: 9 }).length
    console.log(
      `  dist/${file.padEnd(40)} ${kb(bytes.length).padStart(9)} ${kb(gz).padStart(9)} gz`,
    )
  }
}
// The strings of one language (`src/locales/`): fetched only by pages in that language, beside
// the tags' chunks, so they count in no budget above.
const locales = readdirSync(join(dist, 'chunks'))
  .filter((file) => /^locale-[a-z]+-[\w-]{8}\.json$/.test(file))
  .sort()
  .map((file) => [file.split('-')[1], sizeOf(`chunks/${file}`)])
if (locales.length) {
  console.log(
    `\nStrings files (${locales.length} languages, JSON; a page fetches the one of its language, none for English)`,
  )
  for (const [lang, s] of locales) line(`locale ${lang}`, s)
  const largest = locales.reduce((a, b) => (b[1].gzip > a[1].gzip ? b : a))
  line(`largest: ${largest[0]}`, largest[1])
}
if (over) {
  console.log('\nA size budget is over.')
  process.exitCode = 1
}

if (!existsSync(CHROMIUM)) {
  console.log(`\nChromium not found at ${CHROMIUM}: time to render not measured.`)
  process.exit()
}

// Time to counters: a page on one origin, the self-hosted files and a stats API on another.
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
  if (req.url.startsWith('/widgets/') && extname(req.url) === '.js') {
    const body = readFileSync(join(dist, req.url.slice('/widgets/'.length).replace(/\.\./g, '')))
    res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(body)
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
