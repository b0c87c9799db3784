/**
 * `pnpm bench:load`: the production server on a seeded SQLite database (demo content plus 5,000
 * news), on loopback only. Normal reads at a fixed rate from 127.0.0.1 — the public feed (JSON) and
 * GraphQL (POST and GET) — are measured alone (phase A), then again while another process floods
 * the server with abusive requests (phase B), each kind from its own address, 127.0.0.2 to
 * 127.0.0.11, as separate clients would: deep and aliased GraphQL, huge `limit`,
 * `pagination=false`, `depth=100`, malformed JSON, 40,000-character `where` strings, wrong logins.
 * The server's per-client budgets (`ETW_CLIENT_RATE`, `ETW_CLIENT_CONCURRENCY`) are what contain
 * the flood. Prints errors, timeouts, the requests still open when each phase ended, p50/p99 of
 * the normal reads in both phases and their ratio, and the flood's status distribution (4xx and
 * 429 expected; 5xx counted as errors). Targets: 0 errors in normal reads, normal-read p99 with
 * the flood within 2× of without.
 *
 * BENCH_DURATION (seconds, default 60) sets the length of each phase; BENCH_FEED_RATE and
 * BENCH_GRAPHQL_RATE (requests/s, default 50 and 20) the normal reads; BENCH_FLOOD_CONNECTIONS
 * (default 2) the flood's concurrent connections per abusive kind (10 kinds).
 */
import { fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import type { LoadRequest, LoadResult } from './http-load'
import { closedLoop, fixedRate, percentile } from './http-load'
import { startProductionServer } from './production-server'
import { insertNews } from './volume'

const seconds = Number(process.env.BENCH_DURATION ?? 60)
const feedRate = Number(process.env.BENCH_FEED_RATE ?? 50)
const graphqlRate = Number(process.env.BENCH_GRAPHQL_RATE ?? 20)
const floodConnections = Number(process.env.BENCH_FLOOD_CONNECTIONS ?? 2)
const timeoutSeconds = 10
const port = 3610
const base = `http://127.0.0.1:${port}`
const admin = { email: 'bench-admin@example.org', password: 'bench admin password 0123' }

type Request = LoadRequest

const json = (body: unknown): Pick<Request, 'body' | 'headers'> => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

/** The public reads a widget or another system makes. */
const feedRequests: Request[] = [
  { method: 'GET', path: '/api/etw/v1/news?limit=5' },
  { method: 'GET', path: '/api/etw/v1/news?limit=5&country=UA&locale=uk' },
  { method: 'GET', path: '/api/etw/v1/events?when=upcoming&limit=5' },
  { method: 'GET', path: '/api/etw/v1/stats?country=AZ&metrics=teachers,schools,projects' },
]
const newsQuery = '{ News(limit: 5, sort: "-publishedAt") { docs { id title slug publishedAt } } }'
const eventsQuery = '{ Events(limit: 5) { docs { id title } } }'
const graphqlPost: Request[] = [
  { method: 'POST', path: '/api/graphql', ...json({ query: newsQuery }) },
  { method: 'POST', path: '/api/graphql', ...json({ query: eventsQuery }) },
]
const graphqlGet: Request = {
  method: 'GET',
  path: `/api/graphql?query=${encodeURIComponent(newsQuery)}`,
}

const nested = (levels: number): string => {
  let selection = 'id title'
  for (let level = 0; level < levels; level += 1) {
    selection =
      level % 2 === 0
        ? `id relatedEvents { ${selection} }`
        : `id title relatedNews { ${selection} }`
  }
  return `{ News(limit: 100, pagination: false) { docs { ${selection} } } }`
}
const aliased = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: News(limit: 100) { docs { id title body } }`).join(' ')} }`
const longString = 'x'.repeat(40_000)

/** What an abusive or broken client sends, by kind. */
const floodKinds: { name: string; request: Request }[] = [
  {
    name: 'GraphQL 30 levels deep',
    request: { method: 'POST', path: '/api/graphql', ...json({ query: nested(30) }) },
  },
  {
    name: 'GraphQL 300 aliases',
    request: { method: 'POST', path: '/api/graphql', ...json({ query: aliased }) },
  },
  {
    name: 'GraphQL GET 20 levels',
    request: { method: 'GET', path: `/api/graphql?query=${encodeURIComponent(nested(20))}` },
  },
  {
    name: 'REST limit=100000',
    request: { method: 'GET', path: '/api/news?limit=100000&depth=10' },
  },
  {
    name: 'REST pagination=false depth=100',
    request: { method: 'GET', path: '/api/news?pagination=false&depth=100' },
  },
  { name: 'feed limit=100000', request: { method: 'GET', path: '/api/etw/v1/news?limit=100000' } },
  {
    name: 'REST 40,000-char where',
    request: { method: 'GET', path: `/api/news?where[title][like]=${longString}` },
  },
  {
    name: 'GraphQL malformed JSON',
    request: {
      method: 'POST',
      path: '/api/graphql',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ News { docs { title } }',
    },
  },
  {
    name: 'login, wrong password',
    request: {
      method: 'POST',
      path: '/api/users/login',
      ...json({ email: admin.email, password: 'wrong password 123' }),
    },
  },
  {
    name: 'login, malformed JSON',
    request: {
      method: 'POST',
      path: '/api/users/login',
      headers: { 'content-type': 'application/json' },
      body: '{"email": ',
    },
  },
]

interface FloodRow {
  name: string
  address: string
  answers: number
  statuses: Record<string, number>
  errors: number
  timeouts: number
}

/** The loopback address flood kind `index` is sent from: 127.0.0.2, 127.0.0.3, … */
const floodAddress = (index: number) => `127.0.0.${2 + index}`

// The flood runs in its own process, so that its client work does not slow the measuring one;
// one client per kind, each from its own address, so that every kind hits the server at once.
if (process.argv[2] === '--flood') {
  const rows = await Promise.all(
    floodKinds.map(async ({ name, request }, index): Promise<FloodRow> => {
      const result = await closedLoop({
        base: process.argv[3] as string,
        request,
        connections: floodConnections,
        seconds: Number(process.argv[4]),
        localAddress: floodAddress(index),
        timeoutMs: timeoutSeconds * 1000,
      })
      return {
        name,
        address: floodAddress(index),
        answers: Object.values(result.statuses).reduce((sum, count) => sum + count, 0),
        statuses: result.statuses,
        errors: result.errors,
        timeouts: result.timeouts,
      }
    }),
  )
  process.send?.(rows)
  process.exit(0)
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-load-'))
process.env.DATABASE_URL = pathToFileURL(path.join(work, 'load.db')).href
process.env.PAYLOAD_SECRET ??= 'benchmark-secret-0123456789abcdef'
process.env.ETW_SEED = 'true'

const log = (message: string) => console.log(`[bench:load] ${message}`)

process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }))
process.on('SIGINT', () => process.exit(130))

// 1. A fresh database: the demo content (first-start seed), the administrator, 5,000 news.
{
  process.env.ETW_ADMIN_EMAIL = admin.email
  process.env.ETW_ADMIN_PASSWORD = admin.password
  const { getPayload } = await import('payload')
  const config = await (await import('../src/payload.config')).default
  const payload = await getPayload({ config })
  await insertNews(payload, 5_000)
  await payload.destroy()
  log('database ready: demo content and 5,000 news')
}

// 2. The production server (built when the sources changed) on that database.
log('starting the production server (builds first when needed)')
await startProductionServer(port)

// GraphQL over GET is part of the normal reads when this build serves it.
const getStatus = (await fetch(`${base}${graphqlGet.path}`)).status
const graphqlRequests = getStatus === 200 ? [...graphqlPost, graphqlGet] : graphqlPost
if (getStatus !== 200) log(`GraphQL over GET answers ${getStatus} here: normal reads use POST only`)

interface Row {
  phase: string
  kind: string
  /** Requests the fixed-rate schedule started. */
  sent: number
  ok: number
  non2xx: number
  errors: number
  timeouts: number
  /** Sent and still unanswered when the phase's time was up (answered or timed out after). */
  open: number
  p50: number
  p99: number
  statuses: Record<string, number>
}

const measure = async (
  phase: string,
  kind: string,
  requests: Request[],
  rate: number,
  duration: number,
): Promise<Row> => {
  const result: LoadResult = await fixedRate({
    base,
    requests,
    rate,
    seconds: duration,
    connections: Math.max(1, Math.ceil(rate / 5)),
    localAddress: '127.0.0.1',
    timeoutMs: timeoutSeconds * 1000,
  })
  const answers = Object.entries(result.statuses)
  const ok = answers
    .filter(([status]) => status.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0)
  const all = answers.reduce((sum, [, count]) => sum + count, 0)
  return {
    phase,
    kind,
    sent: result.sent,
    ok,
    non2xx: all - ok,
    errors: result.errors,
    timeouts: result.timeouts,
    open: result.openAtEnd,
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
    statuses: result.statuses,
  }
}

const normalReads = (phase: string, duration: number) =>
  Promise.all([
    measure(phase, 'feed', feedRequests, feedRate, duration),
    measure(phase, 'graphql', graphqlRequests, graphqlRate, duration),
  ])

log(`warm-up: 5 s of normal reads`)
await normalReads('warm-up', 5)

log(`phase A: ${seconds} s of normal reads alone (feed ${feedRate}/s, GraphQL ${graphqlRate}/s)`)
const alone = await normalReads('A alone', seconds)

log(
  `phase B: the same, with a flood of ${floodKinds.length} abusive kinds × ${floodConnections} connections from ${floodAddress(0)}–${floodAddress(floodKinds.length - 1)}`,
)
const flood = fork(fileURLToPath(import.meta.url), ['--flood', base, String(seconds + 2)], {
  execArgv: process.execArgv,
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
})
const floodReport = new Promise<FloodRow[]>((resolve, reject) => {
  flood.once('message', (message) => resolve(message as FloodRow[]))
  flood.once('exit', (code) => reject(new Error(`the flood process exited with ${code}`)))
})
// The flood starts first, so that every measured read meets it.
await new Promise((resolve) => setTimeout(resolve, 1_000))
const flooded = await normalReads('B flood', seconds)
const floodResult = await floodReport

const rows = [...alone, ...flooded]
console.log(
  `\nnormal reads, fixed rate, ${seconds} s per phase, 127.0.0.1: ${feedRate * seconds} feed and ` +
    `${graphqlRate * seconds} GraphQL requests per phase, sent on schedule whatever the answers ` +
    `(latency counts from when a request was due); "open at end": sent, unanswered when the phase ended`,
)
console.log(
  'phase     kind       sent     2xx  non-2xx  errors  timeouts  open at end   p50 ms   p99 ms',
)
for (const row of rows) {
  console.log(
    `${row.phase.padEnd(9)} ${row.kind.padEnd(8)} ${String(row.sent).padStart(6)} ${String(row.ok).padStart(7)} ${String(row.non2xx).padStart(8)} ${String(row.errors).padStart(7)} ${String(row.timeouts).padStart(9)} ${String(row.open).padStart(12)} ${String(row.p50).padStart(8)} ${String(row.p99).padStart(8)}`,
  )
}
for (const row of rows.filter((candidate) => candidate.non2xx > 0)) {
  const other = Object.entries(row.statuses)
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, count]) => `${status} ×${count}`)
    .join(', ')
  console.log(`${row.phase} ${row.kind} non-2xx: ${other}`)
}
const failures = rows.reduce((sum, row) => sum + row.non2xx + row.errors + row.timeouts, 0)
console.log('\nratios (p99 with the flood / p99 alone; target ≤ 2×)')
for (const kind of ['feed', 'graphql']) {
  const a = alone.find((row) => row.kind === kind) as Row
  const b = flooded.find((row) => row.kind === kind) as Row
  console.log(
    `${kind.padEnd(8)} ${(b.p99 / Math.max(a.p99, 1)).toFixed(2)}×   (${a.p99} ms → ${b.p99} ms)`,
  )
}
console.log(`normal-read failures (non-2xx, errors, timeouts): ${failures}   (target 0)`)

console.log(
  `\nflood: ${floodKinds.length} kinds × ${floodConnections} connections, ${seconds + 2} s, timeout ${timeoutSeconds} s`,
)
console.log('kind                               from         answers  timeouts  errors  statuses')
let serverErrors = 0
let floodTimeouts = 0
for (const row of floodResult) {
  const statuses = Object.entries(row.statuses)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([status, count]) => `${status} ×${count}`)
    .join(', ')
  serverErrors += Object.entries(row.statuses)
    .filter(([status]) => status.startsWith('5'))
    .reduce((sum, [, count]) => sum + count, 0)
  floodTimeouts += row.timeouts
  console.log(
    `${row.name.padEnd(34)} ${row.address.padEnd(11)} ${String(row.answers).padStart(7)} ${String(row.timeouts).padStart(9)} ${String(row.errors).padStart(7)}  ${statuses || '-'}`,
  )
}
console.log(`flood 5xx answers: ${serverErrors}   (target 0; 4xx expected)`)
console.log(`flood requests unanswered within ${timeoutSeconds} s: ${floodTimeouts}`)

process.exit(0)
