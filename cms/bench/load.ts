/**
 * `pnpm bench:load`: the production server on a seeded SQLite database (demo content plus 5,000
 * news), 127.0.0.1 only. Normal reads at a fixed rate — the public feed (JSON) and GraphQL (POST
 * and GET) — are measured alone (phase A), then again while another process floods the server with
 * abusive requests (phase B): deep and aliased GraphQL, huge `limit`, `pagination=false`,
 * `depth=100`, malformed JSON, 40,000-character `where` strings, wrong logins. Prints errors,
 * timeouts, p50/p99 of the normal reads in both phases and their ratio, and the flood's status
 * distribution (4xx expected; 5xx counted as errors). Targets: 0 errors in normal reads, normal-read
 * p99 with the flood within 2× of without.
 *
 * BENCH_DURATION (seconds, default 60) sets the length of each phase; BENCH_FEED_RATE and
 * BENCH_GRAPHQL_RATE (requests/s, default 50 and 20) the normal reads; BENCH_FLOOD_CONNECTIONS
 * (default 2) the flood's concurrent connections per abusive kind (10 kinds).
 */
import { fork, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import autocannon from 'autocannon'

import { insertNews } from './volume'

const seconds = Number(process.env.BENCH_DURATION ?? 60)
const feedRate = Number(process.env.BENCH_FEED_RATE ?? 50)
const graphqlRate = Number(process.env.BENCH_GRAPHQL_RATE ?? 20)
const floodConnections = Number(process.env.BENCH_FLOOD_CONNECTIONS ?? 2)
const timeoutSeconds = 10
const port = 3610
const base = `http://127.0.0.1:${port}`
const admin = { email: 'bench-admin@example.org', password: 'bench admin password 0123' }

type Request = NonNullable<autocannon.Options['requests']>[number]

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
  answers: number
  statuses: Record<string, number>
  errors: number
  timeouts: number
}

// The flood runs in its own process, so that its client work does not slow the measuring one;
// one client per kind, so that every kind hits the server at the same time.
if (process.argv[2] === '--flood') {
  const rows = await Promise.all(
    floodKinds.map(async ({ name, request }): Promise<FloodRow> => {
      const result = await autocannon({
        url: process.argv[3] as string,
        connections: floodConnections,
        duration: Number(process.argv[4]),
        timeout: timeoutSeconds,
        requests: [request],
      })
      const statuses: Record<string, number> = {}
      for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) {
        statuses[status] = count ?? 0
      }
      return {
        name,
        answers: Object.values(statuses).reduce((sum, count) => sum + count, 0),
        statuses,
        errors: result.errors - result.timeouts,
        timeouts: result.timeouts,
      }
    }),
  )
  process.send?.(rows)
  process.exit(0)
}

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-load-'))
process.env.DATABASE_URL = pathToFileURL(path.join(work, 'load.db')).href
process.env.PAYLOAD_SECRET ??= 'benchmark-secret-0123456789abcdef'
process.env.ETW_SEED = 'true'

const log = (message: string) => console.log(`[bench:load] ${message}`)

const servers: ReturnType<typeof spawn>[] = []
const cleanup = () => {
  for (const server of servers.splice(0)) {
    if (!server.pid) continue
    try {
      process.kill(-server.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  fs.rmSync(work, { recursive: true, force: true })
}
process.on('exit', cleanup)
process.on('SIGINT', () => process.exit(130))

const waitFor = async (url: string, timeoutMs: number) => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

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
const server = spawn('pnpm', ['start'], {
  cwd: cmsDir,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ETW_SEED: 'false' },
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
})
servers.push(server)
await waitFor(`${base}/api/health`, 15 * 60_000)

// GraphQL over GET is part of the normal reads when this build serves it.
const getStatus = (await fetch(`${base}${graphqlGet.path}`)).status
const graphqlRequests = getStatus === 200 ? [...graphqlPost, graphqlGet] : graphqlPost
if (getStatus !== 200) log(`GraphQL over GET answers ${getStatus} here: normal reads use POST only`)

interface Row {
  phase: string
  kind: string
  sent: number
  ok: number
  non2xx: number
  errors: number
  timeouts: number
  /** Sent but not answered when the phase ended. */
  open: number
  p50: number
  p99: number
}

const measure = async (
  phase: string,
  kind: string,
  requests: Request[],
  rate: number,
  duration: number,
): Promise<Row> => {
  const result = await autocannon({
    url: base,
    connections: Math.max(1, Math.ceil(rate / 5)),
    overallRate: rate,
    duration,
    timeout: timeoutSeconds,
    requests,
  })
  return {
    phase,
    kind,
    sent: result.requests.sent,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    open: Math.max(0, result.requests.sent - result['2xx'] - result.non2xx - result.errors),
    p50: result.latency.p50,
    p99: result.latency.p99,
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
  `phase B: the same, with a flood of ${floodKinds.length} abusive kinds × ${floodConnections} connections`,
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
    `${graphqlRate * seconds} GraphQL requests scheduled per phase (a connection waits for its answer, ` +
    `so a slow server is sent fewer)`,
)
console.log(
  'phase     kind       sent     2xx  non-2xx  errors  timeouts  open at end   p50 ms   p99 ms',
)
for (const row of rows) {
  console.log(
    `${row.phase.padEnd(9)} ${row.kind.padEnd(8)} ${String(row.sent).padStart(6)} ${String(row.ok).padStart(7)} ${String(row.non2xx).padStart(8)} ${String(row.errors).padStart(7)} ${String(row.timeouts).padStart(9)} ${String(row.open).padStart(12)} ${String(row.p50).padStart(8)} ${String(row.p99).padStart(8)}`,
  )
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
console.log('kind                               answers  timeouts  errors  statuses')
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
    `${row.name.padEnd(34)} ${String(row.answers).padStart(7)} ${String(row.timeouts).padStart(9)} ${String(row.errors).padStart(7)}  ${statuses || '-'}`,
  )
}
console.log(`flood 5xx answers: ${serverErrors}   (target 0; 4xx expected)`)
console.log(`flood requests unanswered within ${timeoutSeconds} s: ${floodTimeouts}`)

process.exit(0)
