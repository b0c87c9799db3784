/**
 * `pnpm bench:feed`: the feed read path against Payload's REST and a bare node:http server, in one
 * run on this machine, on a fresh SQLite database with the demo content plus 10,000 news, 1,000
 * events and 500 statistics snapshots; then the cache-miss time of filtered news queries with
 * 100,000 news. Load goes to 127.0.0.1 only and each phase is bounded in time.
 *
 * BENCH_SECONDS (default 10) sets the length of each load phase.
 */
import { fork, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import autocannon from 'autocannon'

import { createEvents, createStatistics, insertNews } from './volume'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = 50
const port = 3187
const barePort = 3188
const base = `http://127.0.0.1:${port}`
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-bench-'))
const dbFile = path.join(work, 'bench.db')

process.env.DATABASE_URL = pathToFileURL(dbFile).href
process.env.PAYLOAD_SECRET ??= 'benchmark-secret-0123456789abcdef'
process.env.ETW_SEED = 'true'

const log = (message: string) => console.log(`[bench] ${message}`)
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6

const children: { kill: (signal?: NodeJS.Signals) => boolean }[] = []
const cleanup = () => {
  for (const child of children) {
    try {
      child.kill('SIGTERM')
    } catch {
      // already gone
    }
  }
  fs.rmSync(work, { recursive: true, force: true })
}
process.on('exit', cleanup)

const waitFor = async (url: string, timeoutMs: number) => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

// 1. Fresh database: demo content (first-start seed) plus generated volume.
{
  const { getPayload } = await import('payload')
  const config = await (await import('../src/payload.config')).default
  const payload = await getPayload({ config })
  let start = process.hrtime.bigint()
  await insertNews(payload, 10_000)
  log(`10,000 news inserted in ${ms(start).toFixed(0)} ms`)
  start = process.hrtime.bigint()
  await createEvents(payload, 1_000)
  await createStatistics(payload, 500)
  log(`1,000 events and 500 statistics created in ${ms(start).toFixed(0)} ms`)
  await payload.destroy()
}

// 2. The production server (built when the sources changed) on that database.
log('starting the production server (builds first when needed)')
const server = spawn('pnpm', ['start'], {
  cwd: cmsDir,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ETW_SEED: 'false' },
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
})
children.push({ kill: (signal) => process.kill(-(server.pid as number), signal) })
await waitFor(`${base}/api/health`, 15 * 60_000)

const feedPath = '/api/etw/v1/news?limit=5'
const restPath = '/api/news?limit=5&depth=1'

// 3. A bare node:http server that answers with the same bytes as the feed.
const captured = await fetch(`${base}${feedPath}`, { headers: { 'accept-encoding': 'identity' } })
const body = Buffer.from(await captured.arrayBuffer())
const headers: Record<string, string> = {}
for (const name of [
  'content-type',
  'cache-control',
  'etag',
  'vary',
  'access-control-allow-origin',
]) {
  const value = captured.headers.get(name)
  if (value) headers[name] = value
}
const captureFile = path.join(work, 'captured.json')
fs.writeFileSync(
  captureFile,
  JSON.stringify({ status: captured.status, headers, body: body.toString('base64') }),
)
const bare = fork(path.join(cmsDir, 'bench/bare-server.mjs'), [captureFile, String(barePort)])
children.push(bare)
await new Promise((resolve) => bare.once('message', resolve))

interface Row {
  name: string
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

const load = async (name: string, url: string): Promise<Row> => {
  await autocannon({ url, connections, duration: 2 }) // warm-up
  const result = await autocannon({ url, connections, duration: seconds })
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
}

log(`load: ${connections} connections, ${seconds} s per target, 127.0.0.1`)
const rows = [
  await load(`feed      GET ${feedPath}`, `${base}${feedPath}`),
  await load(`payload   GET ${restPath}`, `${base}${restPath}`),
  await load(`bare      node:http, same ${body.length} bytes`, `http://127.0.0.1:${barePort}/`),
]
const [feed, rest, bareRow] = rows as [Row, Row, Row]

console.log('\nthroughput and latency')
console.log(
  'target                                          req/s     p50 ms   p99 ms   errors  non-2xx',
)
for (const row of rows) {
  console.log(
    `${row.name.padEnd(46)} ${row.rps.toFixed(0).padStart(7)} ${String(row.p50).padStart(9)} ${String(row.p99).padStart(8)} ${String(row.errors).padStart(8)} ${String(row.non2xx).padStart(8)}`,
  )
}
console.log('\nratios')
console.log(`feed / bare node:http   ${(feed.rps / bareRow.rps).toFixed(2)}×   (target ≥ 0.5×)`)
console.log(`feed / Payload REST     ${(feed.rps / rest.rps).toFixed(1)}×   (target ≥ 20×)`)
console.log(`feed p99                ${feed.p99} ms   (target ≤ 20 ms)`)
console.log(`feed errors             ${feed.errors + feed.non2xx}   (target 0)`)

for (const child of children.splice(0)) {
  try {
    child.kill('SIGTERM')
  } catch {
    // already gone
  }
}

// 4. Cache misses with 100,000 news.
{
  const { getPayload } = await import('payload')
  const { getFeed } = await import('@etw/payload-plugin')
  const config = await (await import('../src/payload.config')).default
  const payload = await getPayload({ config, key: 'cache-miss' })
  const start = process.hrtime.bigint()
  await insertNews(payload, 90_000, 10_000)
  log(`90,000 more news inserted in ${ms(start).toFixed(0)} ms (100,000 in all)`)
  const feedCore = getFeed(payload)
  const queries = [
    '/api/etw/v1/news?limit=5',
    '/api/etw/v1/news?limit=5&country=UA',
    '/api/etw/v1/news?limit=5&country=AZ&locale=uk',
    '/api/etw/v1/news?limit=10&tag=stem',
    '/api/etw/v1/news?limit=5&organization=k-pnu',
  ]
  console.log('\ncache-miss time, 100,000 news (30 runs each after 3 warm-ups)')
  console.log('query                                              p50 ms   p95 ms   max ms')
  let worst = 0
  for (const url of queries) {
    const times: number[] = []
    for (let i = 0; i < 33; i += 1) {
      feedCore.invalidate()
      const t = process.hrtime.bigint()
      const res = await feedCore.handle({ method: 'GET', url, headers: {} })
      const elapsed = ms(t)
      if (!res || res.status !== 200) throw new Error(`${url} answered ${res?.status}`)
      if (i >= 3) times.push(elapsed)
    }
    times.sort((a, b) => a - b)
    const at = (q: number) =>
      times[Math.min(times.length - 1, Math.floor(q * times.length))] as number
    worst = Math.max(worst, at(0.5))
    console.log(
      `${url.padEnd(50)} ${at(0.5).toFixed(2).padStart(7)} ${at(0.95).toFixed(2).padStart(8)} ${times.at(-1)?.toFixed(2).padStart(8)}`,
    )
  }
  console.log(`worst p50 cache miss    ${worst.toFixed(2)} ms   (target ≤ 20 ms)`)
  await payload.destroy()
}

process.exit(0)
