/**
 * `pnpm bench:pages`: the public pages. A cached article page served by the CMS's fast path
 * (`bench/pages-server.ts`: `serveFeed` on node:http, as `src/server.ts` does) against a bare node:http
 * server answering the same bytes, in one run; then the uncached render time of article, event,
 * list and home pages with 100,000 news. Fresh SQLite database; load to 127.0.0.1 only, each phase
 * bounded in time. BENCH_SECONDS (default 10) sets the length of each load phase.
 */
import { fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import autocannon from 'autocannon'

import { analyzeSqlite } from '../src/sqlite-statistics'
import { insertNews } from './volume'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = 50
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-bench-pages-'))

process.env.DATABASE_URL = pathToFileURL(path.join(work, 'bench.db')).href
process.env.PAYLOAD_SECRET ??= 'benchmark-secret-0123456789abcdef'
process.env.ETW_SEED = 'true'

const log = (message: string) => console.log(`[bench:pages] ${message}`)
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const ARTICLE = '/en/news/etwinning-seminar-baku-2023'

const { getPayload } = await import('payload')
const { getFeed } = await import('@etw/payload-plugin')
const config = await (await import('../src/payload.config')).default
const payload = await getPayload({ config })
const feed = getFeed(payload)

// 1. Cached article page on the fast path (its own process) against bare node:http with the same
// bytes.
const pagePort = 3191
const pageServer = fork(path.join(cmsDir, 'bench/pages-server.ts'), [String(pagePort)], {
  env: { ...process.env, ETW_SEED: 'false' },
  execArgv: ['--import', 'tsx'],
})
await new Promise((resolve) => pageServer.once('message', resolve))
const base = `http://127.0.0.1:${pagePort}`
const captured = await fetch(`${base}${ARTICLE}`, { headers: { 'accept-encoding': 'identity' } })
const body = Buffer.from(await captured.arrayBuffer())
if (captured.status !== 200) throw new Error(`${ARTICLE} answered ${captured.status}`)
// Every header the page sends, so the bare server writes the same response; node:http adds its
// own connection headers to both.
const headers: Record<string, string> = {}
for (const [name, value] of captured.headers) {
  if (!['connection', 'date', 'keep-alive', 'transfer-encoding'].includes(name))
    headers[name] = value
}
const captureFile = path.join(work, 'captured.json')
fs.writeFileSync(
  captureFile,
  JSON.stringify({ status: 200, headers, body: body.toString('base64') }),
)
const barePort = 3190
const bare = fork(path.join(cmsDir, 'bench/bare-server.mjs'), [captureFile, String(barePort)])
await new Promise((resolve) => bare.once('message', resolve))

const load = async (url: string) => {
  await autocannon({ url, connections, duration: 2 })
  const result = await autocannon({ url, connections, duration: seconds })
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    bad: result.errors + result.timeouts + result.non2xx,
  }
}
log(`load: ${connections} connections, ${seconds} s per target, 127.0.0.1`)
const page = await load(`${base}${ARTICLE}`)
const bareRow = await load(`http://127.0.0.1:${barePort}/`)
// The feed on the same server, for comparison with `pnpm bench:feed` on a loaded machine.
const feedRow = await load(`${base}/api/etw/v1/news?limit=5`)
bare.kill('SIGTERM')
pageServer.kill('SIGTERM')
console.log('\ncached article page')
console.log('target                                           req/s     p50 ms   p99 ms   errors')
for (const [name, row] of [
  [`page  GET ${ARTICLE}`, page],
  [`bare  node:http, same ${body.length} bytes`, bareRow],
  ['feed  GET /api/etw/v1/news?limit=5 (same server)', feedRow],
] as const) {
  console.log(
    `${name.padEnd(46)} ${row.rps.toFixed(0).padStart(7)} ${String(row.p50).padStart(9)} ${String(row.p99).padStart(8)} ${String(row.bad).padStart(8)}`,
  )
}
console.log(`page / bare node:http   ${(page.rps / bareRow.rps).toFixed(2)}×   (target ≥ 0.5×)`)

// 2. Uncached renders with 100,000 news.
let start = process.hrtime.bigint()
await insertNews(payload, 100_000)
log(`100,000 news inserted in ${ms(start).toFixed(0)} ms`)
// What the running CMS does hourly (src/sqlite-statistics.ts): the planner's statistics follow the
// data.
start = process.hrtime.bigint()
await analyzeSqlite(payload)
log(`planner statistics refreshed in ${ms(start).toFixed(0)} ms`)
const pages = [
  ARTICLE,
  '/uk/events/innovation-and-education-baku-2023',
  '/uk/news',
  '/en/news?country=UA&page=3',
  '/az/news?tag=stem',
  '/uk',
]
console.log('\nuncached page render, 100,000 news (30 runs each after 3 warm-ups)')
console.log('page                                               p50 ms   p95 ms   max ms')
let worst = 0
for (const url of pages) {
  const times: number[] = []
  for (let i = 0; i < 33; i += 1) {
    feed.invalidate()
    start = process.hrtime.bigint()
    const res = await feed.handle({ method: 'GET', url, headers: { host: '127.0.0.1' } })
    const elapsed = ms(start)
    if (!res || res.status !== 200) throw new Error(`${url} answered ${res?.status}`)
    if (i >= 3) times.push(elapsed)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) =>
    times[Math.min(times.length - 1, Math.floor(q * times.length))] as number
  worst = Math.max(worst, at(0.95))
  console.log(
    `${url.padEnd(50)} ${at(0.5).toFixed(2).padStart(7)} ${at(0.95).toFixed(2).padStart(8)} ${times.at(-1)?.toFixed(2).padStart(8)}`,
  )
}
console.log(`worst p95 uncached page ${worst.toFixed(2)} ms   (target ≤ 20 ms)`)
await payload.destroy()
fs.rmSync(work, { recursive: true, force: true })
process.exit(0)
