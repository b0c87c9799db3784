/**
 * `pnpm bench:feed`: the feed read path over HTTP, in one run on this machine, on a fresh SQLite
 * database with the demo content plus 10,000 news, 1,000 events and 500 statistics snapshots:
 *
 * 1. one feed URL against Payload's REST and a bare node:http server sending the same bytes,
 *    headers and Content-Length;
 * 2. a realistic mix: {@link realisticUrls} (over 1,000 distinct feed URLs: locales, countries,
 *    tags, pages, events), picked with a Zipf-like popularity, while an editor publishes a news
 *    item once a second through REST (each publish clears the caches). Prints the hit ratio the
 *    server reports (`x-etw-cache`), req/s and p50/p99 against bare node:http serving a feed
 *    answer of the same kind;
 * 3. cache misses with 100,000 news, over HTTP: each request follows a publish, so the server
 *    produces its answer (checked with `x-etw-cache: miss`); among them a tag every news carries.
 *
 * Load goes to 127.0.0.1 only and each phase is bounded in time. BENCH_SECONDS (default 10) sets
 * the length of each load phase.
 */
import { fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import autocannon from 'autocannon'

import type { ProductionServer } from './production-server'
import { cmsDir, login, startProductionServer } from './production-server'
import { COUNTRIES, TAGS, createEvents, createStatistics, insertNews, random } from './volume'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = 50
const port = 3187
const barePort = 3188
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-bench-'))
const dbFile = path.join(work, 'bench.db')
const admin = { email: 'bench-admin@example.org', password: 'bench admin password 0123' }

process.env.DATABASE_URL = pathToFileURL(dbFile).href
process.env.PAYLOAD_SECRET ??= 'benchmark-secret-0123456789abcdef'
process.env.ETW_SEED = 'true'
process.env.ETW_ADMIN_EMAIL = admin.email
process.env.ETW_ADMIN_PASSWORD = admin.password

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

/** Headers a server sets per connection or per answer, which the bare server sets itself. */
const OWN_HEADERS = new Set([
  'connection',
  'content-length',
  'date',
  'keep-alive',
  'transfer-encoding',
])

/**
 * Captures the answer to `url` (identity coding) and starts a bare node:http server on `port`
 * that answers every request with its status, headers, bytes and Content-Length.
 */
const startBare = async (url: string, port: number) => {
  const captured = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
  const body = Buffer.from(await captured.arrayBuffer())
  const headers: Record<string, string> = {}
  captured.headers.forEach((value, name) => {
    if (!OWN_HEADERS.has(name)) headers[name] = value
  })
  const captureFile = path.join(work, `captured-${port}.json`)
  fs.writeFileSync(
    captureFile,
    JSON.stringify({ status: captured.status, headers, body: body.toString('base64') }),
  )
  const bare = fork(path.join(cmsDir, 'bench/bare-server.mjs'), [captureFile, String(port)])
  await new Promise((resolve) => bare.once('message', resolve))
  return { bare, bytes: body.length }
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
// Without per-client budgets: the load comes from one address and measures the server itself.
const unbudgeted = { ETW_CLIENT_RATE: '0', ETW_CLIENT_CONCURRENCY: '0' }
let server: ProductionServer = await startProductionServer(port, unbudgeted)
const { base } = server

const feedPath = '/api/etw/v1/news?limit=5'
const restPath = '/api/news?limit=5&depth=1'

// 3. One URL: the feed, Payload's REST, and a bare node:http server with the feed's answer.
const { bare, bytes } = await startBare(`${base}${feedPath}`, barePort)
children.push(bare)

interface Row {
  name: string
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

const rowOf = (name: string, result: autocannon.Result): Row => ({
  name,
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors + result.timeouts,
  non2xx: result.non2xx,
})

const load = async (name: string, url: string): Promise<Row> => {
  await autocannon({ url, connections, duration: 2 }) // warm-up
  return rowOf(name, await autocannon({ url, connections, duration: seconds }))
}

const printRows = (rows: Row[]) => {
  console.log(
    'target                                          req/s     p50 ms   p99 ms   errors  non-2xx',
  )
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(46)} ${row.rps.toFixed(0).padStart(7)} ${String(row.p50).padStart(9)} ${String(row.p99).padStart(8)} ${String(row.errors).padStart(8)} ${String(row.non2xx).padStart(8)}`,
    )
  }
}

log(`load: ${connections} connections, ${seconds} s per target, 127.0.0.1`)
const rows = [
  await load(`feed      GET ${feedPath}`, `${base}${feedPath}`),
  await load(`payload   GET ${restPath}`, `${base}${restPath}`),
  await load(`bare      node:http, same ${bytes} bytes`, `http://127.0.0.1:${barePort}/`),
]
bare.kill('SIGTERM')
const [feed, rest, bareRow] = rows as [Row, Row, Row]

console.log('\none URL: throughput and latency')
printRows(rows)
console.log('\nratios')
console.log(`feed / bare node:http   ${(feed.rps / bareRow.rps).toFixed(2)}×   (target ≥ 0.5×)`)
console.log(`feed / Payload REST     ${(feed.rps / rest.rps).toFixed(1)}×   (target ≥ 20×)`)
console.log(`feed p99                ${feed.p99} ms   (target ≤ 20 ms)`)
console.log(`feed errors             ${feed.errors + feed.non2xx}   (target 0)`)

/**
 * The realistic mix's URLs: news in every locale, unfiltered or by country or tag, pages 1–8 of 5
 * or 10 items (1,008), and upcoming and past events per locale and country (78).
 */
const realisticUrls = (): string[] => {
  const urls: string[] = []
  const filters = ['', ...COUNTRIES.map((c) => `&country=${c}`), ...TAGS.map((t) => `&tag=${t}`)]
  for (const locale of ['en', 'uk', 'az']) {
    for (const filter of filters) {
      for (const limit of [5, 10]) {
        for (let page = 1; page <= 8; page += 1) {
          urls.push(
            `/api/etw/v1/news?limit=${limit}&locale=${locale}${filter}${page > 1 ? `&page=${page}` : ''}`,
          )
        }
      }
    }
    for (const country of ['', ...COUNTRIES.map((c) => `&country=${c}`)]) {
      for (const when of ['upcoming', 'past']) {
        urls.push(`/api/etw/v1/events?when=${when}&limit=5&locale=${locale}${country}`)
      }
    }
  }
  return urls
}

// 4. The realistic mix, while an editor publishes once a second.
{
  const next = random(2026)
  const urls = realisticUrls()
  // Shuffled, then the i-th most popular drawn with weight 1/(i+1) (Zipf, s = 1).
  for (let i = urls.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1))
    ;[urls[i], urls[j]] = [urls[j] as string, urls[i] as string]
  }
  const cumulative: number[] = []
  let total = 0
  for (let i = 0; i < urls.length; i += 1) cumulative.push((total += 1 / (i + 1)))
  const pick = (): string => {
    const target = next() * total
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if ((cumulative[middle] as number) < target) low = middle + 1
      else high = middle
    }
    return urls[low] as string
  }

  const auth = await login(base, admin)
  const publishes = { ok: 0, failed: 0 }
  let publishing = true
  const editor = (async () => {
    for (let index = 0; publishing; index += 1) {
      const started = Date.now()
      try {
        const response = await fetch(`${base}/api/news`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify({
            title: `Published during the load ${index}`,
            tags: ['etwinning', 'school'],
            _status: 'published',
          }),
        })
        await response.arrayBuffer()
        if (response.status === 201) publishes.ok += 1
        else publishes.failed += 1
      } catch {
        publishes.failed += 1
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, 1_000 - (Date.now() - started))),
      )
    }
  })()

  const seen = new Set<string>()
  const status = { hit: 0, miss: 0, other: 0 }
  const mix = async (duration: number, count: boolean) =>
    autocannon({
      url: base,
      connections,
      duration,
      requests: [
        {
          setupRequest: (request) => {
            const path = pick()
            if (count) seen.add(path)
            return { ...request, path }
          },
          onResponse: (_status, _body, _context, headers) => {
            if (!count) return
            const value = (headers as Record<string, string | undefined>)['x-etw-cache']
            if (value === 'hit') status.hit += 1
            else if (value === 'miss') status.miss += 1
            else status.other += 1
          },
        },
      ],
    })
  await mix(2, false) // warm-up
  const result = await mix(seconds, true)
  publishing = false
  await editor

  // The bare server answers with a feed answer of the mix's most frequent kind: 10 news.
  const { bare: bareMix, bytes: mixBytes } = await startBare(
    `${base}/api/etw/v1/news?limit=10&locale=uk`,
    barePort + 1,
  )
  children.push(bareMix)
  const bareMixRow = await load(
    `bare      node:http, same ${mixBytes} bytes`,
    `http://127.0.0.1:${barePort + 1}/`,
  )
  bareMix.kill('SIGTERM')
  const mixRow = rowOf(`feed      ${seen.size} distinct URLs`, result)
  const answered = status.hit + status.miss
  console.log(
    `\nrealistic mix: ${urls.length} feed URLs (3 locales × none/12 countries/8 tags × limit 5/10 × pages 1–8, events per locale and country), Zipf popularity, ${connections} connections, ${seconds} s; an editor published ${publishes.ok} news meanwhile (${publishes.failed} failed), each clearing the caches`,
  )
  printRows([mixRow, bareMixRow])
  console.log(
    `hit ratio               ${((100 * status.hit) / Math.max(1, answered)).toFixed(1)} %   (${status.hit} hits, ${status.miss} misses, ${status.other} without x-etw-cache)`,
  )
  console.log(`mix / bare node:http    ${(mixRow.rps / bareMixRow.rps).toFixed(2)}×`)
}

await server.stop()

// 5. Cache misses with 100,000 news, over HTTP.
{
  const { getPayload } = await import('payload')
  const config = await (await import('../src/payload.config')).default
  const payload = await getPayload({ config, key: 'cache-miss' })
  const start = process.hrtime.bigint()
  await insertNews(payload, 90_000, 10_000)
  log(`90,000 more news inserted in ${ms(start).toFixed(0)} ms (100,000 in all)`)
  await payload.destroy()
}
server = await startProductionServer(port, unbudgeted)
{
  const auth = await login(server.base, admin)
  const queries = [
    ['/api/etw/v1/news?limit=5', 'newest'],
    ['/api/etw/v1/news?limit=5&country=UA', 'one country in 12'],
    ['/api/etw/v1/news?limit=5&country=AZ&locale=uk', 'one country, Ukrainian'],
    ['/api/etw/v1/news?limit=10&tag=etwinning', 'a tag every news carries'],
    ['/api/etw/v1/news?limit=10&tag=stem', 'a tag 1 news in 8 carries'],
    ['/api/etw/v1/news?limit=5&organization=k-pnu', 'one organization'],
  ] as const
  const runs = 20
  console.log(
    `\ncache-miss time over HTTP, 100,000 news: each GET follows a publish (${runs} runs each after 3 warm-ups; every answer checked to be x-etw-cache: miss)`,
  )
  console.log(
    'query                                           what                          p50 ms   p95 ms   max ms',
  )
  let worst = 0
  const p50s = new Map<string, number>()
  for (const [url, what] of queries) {
    const times: number[] = []
    for (let i = 0; i < runs + 3; i += 1) {
      const published = await fetch(`${server.base}/api/news`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        // Tagged like the generated news, so that the newest news are like the rest.
        body: JSON.stringify({
          title: `Cache miss ${url} ${i}`,
          tags: ['etwinning', 'school'],
          _status: 'published',
        }),
      })
      await published.arrayBuffer()
      if (published.status !== 201) throw new Error(`publishing answered ${published.status}`)
      const t = process.hrtime.bigint()
      const response = await fetch(`${server.base}${url}`)
      await response.arrayBuffer()
      const elapsed = ms(t)
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
      if (response.headers.get('x-etw-cache') !== 'miss') {
        throw new Error(`${url} after a publish was not a miss`)
      }
      if (i >= 3) times.push(elapsed)
    }
    times.sort((a, b) => a - b)
    const at = (q: number) =>
      times[Math.min(times.length - 1, Math.floor(q * times.length))] as number
    worst = Math.max(worst, at(0.5))
    p50s.set(url, at(0.5))
    console.log(
      `${url.padEnd(47)} ${what.padEnd(28)} ${at(0.5).toFixed(2).padStart(7)} ${at(0.95).toFixed(2).padStart(8)} ${times.at(-1)?.toFixed(2).padStart(8)}`,
    )
  }
  console.log(
    `tag every news carries  p50 ${p50s.get('/api/etw/v1/news?limit=10&tag=etwinning')?.toFixed(2)} ms   (target ≤ 20 ms)`,
  )
  console.log(`worst p50 cache miss    ${worst.toFixed(2)} ms   (target ≤ 20 ms)`)
}
await server.stop()

process.exit(0)
