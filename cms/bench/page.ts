/**
 * `pnpm bench:page`: a static host page on another origin with the three widgets, against the
 * production CMS on a fresh SQLite database with the demo content and one news item with a cover
 * image. Prints Lighthouse 12's scores (Performance, Accessibility, Best Practices, SEO), CLS,
 * total and script bytes on the wire; then image requests per second through the fast path,
 * through Next (Payload's own file route) and from a bare node:http server with the same bytes.
 * Load goes to 127.0.0.1 only; each phase is bounded in time. Asserts nothing.
 *
 * Each image figure is given as requests per second and as CPU time of the serving process per
 * request, which the machine's other work sways much less. Next's answer is checked to be the same
 * bytes first.
 *
 * BENCH_SECONDS (default 10) sets the length of each interleaved load round per target,
 * BENCH_ROUNDS (default 5) their number; CHROME_PATH the browser (default /usr/bin/chromium).
 * `--images` measures the images only, without the host page and Lighthouse.
 */
import { execFile, execFileSync, fork, spawn } from 'node:child_process'
import fs from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

import sharp from 'sharp'

import { closedLoop } from './http-load'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = 50
const port = 3197
const barePort = 3198
const base = `http://127.0.0.1:${port}`
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const imagesOnly = process.argv.includes('--images')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-bench-page-'))

process.env.DATABASE_URL = pathToFileURL(path.join(work, 'bench.db')).href
process.env.PAYLOAD_SECRET ??= 'benchmark-secret-0123456789abcdef'
process.env.ETW_SEED = 'true'

const log = (message: string) => console.log(`[bench] ${message}`)
const children: { kill: (signal?: NodeJS.Signals) => boolean }[] = []
process.on('exit', () => {
  for (const child of children) {
    try {
      child.kill('SIGTERM')
    } catch {
      // already gone
    }
  }
  fs.rmSync(work, { recursive: true, force: true })
})

// 1. Demo content and a news item with a cover photo (noise, so that it compresses like one).
let coverFile = ''
{
  const { getPayload } = await import('payload')
  const config = await (await import('../src/payload.config')).default
  const payload = await getPayload({ config })
  const width = 1600
  const height = 900
  const noise = Buffer.alloc(width * height * 3)
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24
  const photo = await sharp(noise, { raw: { width, height, channels: 3 } })
    .blur(3)
    .jpeg({ quality: 80 })
    .toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: 'Teachers at the eTwinning seminar in Baku' },
    file: { data: photo, mimetype: 'image/jpeg', name: 'bench-cover.jpg', size: photo.length },
    overrideAccess: true,
  })
  coverFile = String(media.filename)
  await payload.create({
    collection: 'news',
    data: {
      _status: 'published',
      cover: media.id,
      publishedAt: new Date().toISOString(),
      summary: 'Teachers from eight countries met in Baku to plan new school projects.',
      title: 'eTwinning seminar in Baku',
    },
    overrideAccess: true,
  })
  await payload.destroy()
}

// 2. The production server (built first when the sources changed) on that database. The build
// runs to its end whatever it takes on a busy machine; the bound below is the server's start only.
log('building the CMS for production when its sources changed')
execFileSync('pnpm', ['run', 'build:if-stale'], { cwd: cmsDir, stdio: 'inherit' })
log('starting the production server')
const server = spawn('pnpm', ['start'], {
  cwd: cmsDir,
  // Every request of the load comes from one address: without this the per-client budget of REST
  // would answer most of Next's share with 429, and the figure would be the budget's.
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ETW_SEED: 'false',
    ETW_CLIENT_RATE: '0',
    ETW_CLIENT_CONCURRENCY: '0',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
})
children.push({ kill: (signal) => process.kill(-(server.pid as number), signal) })
for (let until = Date.now() + 15 * 60_000; ;) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break
  } catch {
    // not up yet
  }
  if (Date.now() > until) throw new Error('the CMS did not start within 15 minutes')
  await new Promise((resolve) => setTimeout(resolve, 500))
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`
let pageReport = ''
if (!imagesOnly) {
  // 3. A host page on another origin (localhost, not 127.0.0.1), as a webmaster writes it.
  const hostPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Our school in eTwinning</title>
<meta name="description" content="Figures, news and events of eTwinning in Azerbaijan.">
<link rel="icon" href="data:,">
<script src="${base}/widgets/etw-widgets.js"></script>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:1rem}</style>
</head>
<body>
<main>
<h1>Our school in eTwinning</h1>
<p>eTwinning connects schools across Europe. Here is what is happening in Azerbaijan.</p>
<h2>Figures</h2>
<etw-stats country="AZ" metrics="teachers,schools,projects">
  <p>Azerbaijan in eTwinning: 4308 teachers, 1141 schools, 5103 projects.</p>
</etw-stats>
<h2>News</h2>
<etw-news-feed limit="3"><p><a href="${base}/en/news">Latest eTwinning news</a></p></etw-news-feed>
<h2>Events</h2>
<etw-events when="past" limit="2"><p><a href="${base}/en/events">eTwinning events</a></p></etw-events>
<p>Questions? Write to the school's eTwinning coordinator.</p>
</main>
</body>
</html>
`
  // The page, and a 404 for anything else (a real site's missing robots.txt is a 404, not this page).
  const host = createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n')
      return
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' })
    res.end(hostPage)
  })
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
  const hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`

  // 4. Lighthouse 12 on the host page, with the machine's Chromium.
  log(`Lighthouse on ${hostUrl}`)
  const report = path.join(work, 'lighthouse.json')
  // Asynchronously: this process serves the host page meanwhile.
  await promisify(execFile)(
    'npx',
    [
      '--yes',
      'lighthouse@12.2.3',
      hostUrl,
      '--quiet',
      '--output=json',
      `--output-path=${report}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-sync',
    ],
    { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 1024 * 1024 },
  )
  interface Lhr {
    categories: Record<
      string,
      { score: number | null; auditRefs: { id: string; weight: number }[] }
    >
    audits: Record<
      string,
      {
        title: string
        score: number | null
        numericValue?: number
        details?: {
          items?: {
            url?: string
            resourceType?: string
            transferSize?: number
            resourceSize?: number
          }[]
        }
      }
    >
  }
  const lhr = JSON.parse(fs.readFileSync(report, 'utf8')) as Lhr
  const score = (id: string) => (lhr.categories[id]?.score ?? 0).toFixed(2)
  const requests = lhr.audits['network-requests']?.details?.items ?? []
  const scripts = requests.filter((item) => item.resourceType === 'Script')
  const scriptBytes = scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0)
  // What the script figure counts: each request's transfer size is its compressed body plus its
  // response headers.
  const scriptLines = scripts.map((item) => {
    const name = (item.url ?? '').replace(base, '')
    return `    ${name.padEnd(48)} ${kb(item.transferSize ?? 0).padStart(9)} on the wire, ${kb(item.resourceSize ?? 0)} decoded`
  })
  // Audits that cost a category points, so that a score below 1 says why.
  const lost = Object.entries(lhr.categories).flatMap(([category, { auditRefs }]) =>
    auditRefs
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map(
        (ref) =>
          `    ${category}: ${ref.id} (${lhr.audits[ref.id]?.score}) ${lhr.audits[ref.id]?.title}`,
      ),
  )

  pageReport = `
Host page with the three widgets (${hostUrl}, CMS on ${base}; cover ${coverFile})
  Lighthouse 12.2.3   Performance ${score('performance')}  Accessibility ${score('accessibility')}  Best Practices ${score('best-practices')}  SEO ${score('seo')}   (targets 1.00)
  CLS                 ${(lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)}   (target 0)
  bytes on the wire   total ${kb(lhr.audits['total-byte-weight']?.numericValue ?? 0)}, script ${kb(scriptBytes)}   (script target ≤ 13 kB)
  script requests (${scripts.length})
${scriptLines.join('\n')}
  audits below 1${lost.length ? `\n${lost.join('\n')}` : ': none'}
`
  host.close()
}

// 5. One image, three ways: the fast path, Payload's file route through Next, bare node:http.
const news = (await (await fetch(`${base}/api/etw/v1/news?limit=1`)).json()) as {
  items: { image: { url: string } | null }[]
}
const fastUrl = new URL(news.items[0]?.image?.url ?? '', base)
const fastPath = `${base}${fastUrl.pathname}`
const nextPath = `${base}/api/media/file/${path.basename(decodeURIComponent(fastUrl.pathname))}`
const captured = await fetch(fastPath)
const body = Buffer.from(await captured.arrayBuffer())
// The three send one file: Next's answer must be the same bytes, or the comparison means nothing.
const viaNextBody = Buffer.from(await (await fetch(nextPath)).arrayBuffer())
if (!viaNextBody.equals(body)) {
  throw new Error(`${nextPath} does not send the bytes of ${fastPath}`)
}
const captureFile = path.join(work, 'captured.json')
// The bare server sends the same bytes with the same headers (Date and Connection are its own).
const sameHeaders = Object.fromEntries(
  [...captured.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)),
)
fs.writeFileSync(
  captureFile,
  JSON.stringify({ status: 200, headers: sameHeaders, body: body.toString('base64') }),
)
const bare = fork(path.join(cmsDir, 'bench/bare-server.mjs'), [captureFile, String(barePort)])
children.push(bare)
await new Promise((resolve) => bare.once('message', resolve))

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const targets = { fast: fastPath, next: nextPath, bare: `http://127.0.0.1:${barePort}/` }
type Target = keyof typeof targets
// CPU seconds the serving process spent (all its threads, from /proc): requests per second depend
// on the share of two cores the machine's other work leaves, the CPU time per request much less.
const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
const cpuOf = (match: (pid: number, group: number) => boolean) => () => {
  let ticks = 0
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // After the command's closing parenthesis: state, ppid, pgrp, …, utime (14th), stime (15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (match(Number(entry), Number(fields[2]))) ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // gone meanwhile
    }
  }
  return ticks / clockTicks
}
// The CMS is its own process group (pnpm, tsx, node: only node works); the bare server one process.
const serverCpu: Record<Target, () => number> = {
  fast: cpuOf((_pid, group) => group === server.pid),
  next: cpuOf((_pid, group) => group === server.pid),
  bare: cpuOf((pid) => pid === bare.pid),
}
const runs: Record<Target, number[]> = { fast: [], next: [], bare: [] }
const cpuPerRequest: Record<Target, number[]> = { fast: [], next: [], bare: [] }
const failed: Record<Target, number> = { fast: 0, next: 0, bare: 0 }
const loadBefore = os.loadavg()[0]!
log(
  `image load: ${connections} connections, ${ROUNDS} rounds of ${seconds} s per target, interleaved, 127.0.0.1, ${kb(body.length)}, load average ${loadBefore.toFixed(1)}`,
)
// Closed loops on undici, as the other benchmarks: autocannon (used here before) spent so much per
// byte of a body that does not compress, such as a JPEG, that it served 3,700 req/s of a 24 kB
// random body where a bare server can send 14,500 (21,500 of 24 kB of one repeated byte): the
// fast path and bare node:http measured the client, and their ratio to Next was capped by it.
const load = async (url: string, duration: number) => {
  const { origin, pathname } = new URL(url)
  const result = await closedLoop({
    base: origin,
    request: { method: 'GET', path: pathname },
    seconds: duration,
    connections,
    localAddress: '127.0.0.1',
    timeoutMs: 10_000,
  })
  const ok = result.statuses['200'] ?? 0
  return { ok, rps: ok / duration, failed: result.sent - ok }
}
for (const url of Object.values(targets)) await load(url, 2) // warm-up
// Rounds alternate the targets, so that the machine's other work weighs on each alike.
for (let round = 0; round < ROUNDS; round++) {
  for (const [target, url] of Object.entries(targets) as [Target, string][]) {
    const cpuBefore = serverCpu[target]()
    const result = await load(url, seconds)
    runs[target].push(result.rps)
    cpuPerRequest[target].push((serverCpu[target]() - cpuBefore) / Math.max(1, result.ok))
    failed[target] += result.failed
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!
const ratios = (of: Record<Target, number[]>, over: Target, target: Target = 'fast') =>
  of[target].map((value, round) => value / of[over][round]!).sort((a, b) => a - b)
const perRound = (ratio: number[]) => ratio.map((value) => value.toFixed(2)).join(', ')
const rounds = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ')
const line = (target: Target, label: string) =>
  `  ${label.padEnd(52)} ${median(runs[target]).toFixed(0).padStart(7)} req/s  ${(median(cpuPerRequest[target]) * 1e6).toFixed(0).padStart(6)} µs CPU/request  (${failed[target]} failed; rounds ${rounds(runs[target])})`
// Fast path over X, in requests per second (higher is better) and in CPU per request (lower is).
const speedup = (over: Target, target: Target = 'fast') => median(ratios(runs, over, target))
const cpuShare = (over: Target) => median(ratios(cpuPerRequest, over))

console.log(`${pageReport}
Image requests per second (${kb(body.length)} file; load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after)
${line('fast', `fast path   GET ${fastUrl.pathname.slice(0, 36)}…`)}
${line('next', `Next        GET ${nextPath.slice(base.length)}`)}
${line('bare', 'bare        node:http, same bytes and headers')}
  (medians of ${ROUNDS} interleaved rounds of ${seconds} s, ${connections} connections; CPU: the serving process's, all threads)
  fast / Next ${speedup('next').toFixed(1)}× req/s  (target ≥ 20×; rounds ${perRound(ratios(runs, 'next'))});  Next spends ${(1 / cpuShare('next')).toFixed(1)}× the fast path's CPU per request
  fast / bare ${speedup('bare').toFixed(2)}× req/s  (target ≥ 0.5×; rounds ${perRound(ratios(runs, 'bare'))});  the fast path spends ${cpuShare('bare').toFixed(2)}× bare's CPU per request
  bare / Next ${speedup('next', 'bare').toFixed(1)}× req/s  (the most any server in front of Next could show here; rounds ${perRound(ratios(runs, 'next', 'bare'))})
`)
process.exit(0)
