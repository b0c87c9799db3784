/**
 * `pnpm bench:import`: a spreadsheet of 10,000 statistics snapshots imported through
 * `POST /api/statistics/import` (the route handler the admin calls, multipart as the admin sends
 * it), on a fresh SQLite database and on a fresh PostgreSQL database (`ETW_TEST_POSTGRES_URL`,
 * default the local server; skipped with a message when it is unreachable). Prints, per database,
 * the time of the check (`dryRun`) and of the import from the request to the job's `succeeded`,
 * against the 30 s budget. Each database runs in its own process: Payload's config is read once
 * per process.
 */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import type { DatabaseProbe } from '../test/helpers/databases'

/** What the import route answers, as far as the benchmark reads it. */
interface Answer {
  valid?: number
  import?: ImportState
  id?: number | string
  status?: string
  message?: string | null
}

/** What the teardown touches of `pg`'s pool (`_clients` is internal to pg-pool). */
interface PgPool {
  _clients?: { on: (event: 'error', fn: () => void) => void }[]
  on: (event: 'error', fn: () => void) => void
}

interface ImportState {
  id: number | string
  status: string
  message?: string | null
}

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000)
const BUDGET_MS = 30_000
const log = (message: string) => console.log(`[bench:import] ${message}`)

/** The file an editor would upload: `ROWS` monthly and country figures, every row different. */
const spreadsheet = (): string => {
  const countries = ['UA', 'AZ', 'PL', 'FI', 'PT', 'SK', 'SI', 'BG', 'CZ', 'AL', 'GE', 'MD']
  const metrics = ['teachers', 'schools', 'projects', 'students']
  const lines = [
    'metric,value,approximate,asOf,scope,country,region,organization,source title,source URL',
  ]
  const start = Date.UTC(2000, 0, 1)
  for (let i = 0; i < ROWS; i += 1) {
    const metric = metrics[i % metrics.length]
    const country = countries[Math.floor(i / metrics.length) % countries.length]
    const day = Math.floor(i / (metrics.length * countries.length))
    const asOf = new Date(start + day * 86_400_000).toISOString().slice(0, 10)
    lines.push(
      `${metric},${1000 + i},no,${asOf},country,${country},,,National support service,https://example.org/${country}`,
    )
  }
  return lines.join('\n')
}

/** One database: boot, log in as an editor, check the file, import it, wait for the job. */
const runOne = async (kind: string) => {
  const { createThrowAwayDatabase, probeTestDatabase } = await import('../test/helpers/databases')
  const probe: DatabaseProbe = await probeTestDatabase(kind)
  if (!probe.available) return { kind, skipped: probe.reason }
  const database = await createThrowAwayDatabase(probe)
  process.env.DATABASE_URL = database.url
  process.env.PAYLOAD_SECRET ??= 'benchmark-secret-0123456789abcdef'
  process.env.ETW_SEED = 'false'
  try {
    const { getPayload } = await import('payload')
    const config = await (await import('../src/payload.config')).default
    const payload = await getPayload({ config })
    const { createRestHandlers } = await import('../src/rest-routes')
    const rest = createRestHandlers(config)
    const email = 'bench-editor@example.org'
    const password = 'bench editor password 0123'
    await payload.create({
      collection: 'users',
      data: { email, password, roles: ['admin'] } as never,
      overrideAccess: true,
    })
    const { token } = await payload.login({ collection: 'users', data: { email, password } })
    const file = new Blob([spreadsheet()], { type: 'text/csv' })

    const call = async (method: 'GET' | 'POST', route: string, body?: FormData) => {
      const url = new URL(`http://localhost:3000/api${route}`)
      const request = new Request(url, {
        method,
        headers: { Authorization: `JWT ${token}` },
        body,
      })
      const slug = url.pathname.replace(/^\/api\//, '').split('/')
      const response = await rest[method](request, { params: Promise.resolve({ slug }) })
      return { status: response.status, body: (await response.json()) as Answer }
    }
    const form = () => {
      const data = new FormData()
      data.set('file', file, 'bench.csv')
      return data
    }

    const checkStart = performance.now()
    const checked = await call('POST', '/statistics/import?dryRun=true', form())
    const checkMs = performance.now() - checkStart
    if (checked.body.valid !== ROWS) throw new Error(`check: ${JSON.stringify(checked.body)}`)

    const importStart = performance.now()
    const queued = await call('POST', '/statistics/import?duplicates=refuse', form())
    if (queued.status !== 202) throw new Error(`import: ${JSON.stringify(queued.body)}`)
    let state = queued.body.import as ImportState
    while (state.status !== 'succeeded' && state.status !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 50))
      state = (await call('GET', `/statistics/import/${state.id}`)).body as ImportState
    }
    const importMs = performance.now() - importStart
    if (state.status !== 'succeeded') throw new Error(`import failed: ${state.message}`)
    const stored = (await payload.count({ collection: 'statistics' })).totalDocs
    await payload.destroy()
    // Dropping the database ends the PostgreSQL pool's clients, which Payload's destroy leaves
    // open; their errors are expected then.
    const pool = (payload.db as { pool?: PgPool }).pool
    pool?.on('error', () => undefined)
    for (const client of pool?._clients ?? []) client.on('error', () => undefined)
    return { kind, checkMs, importMs, stored }
  } finally {
    await database.drop().catch(() => undefined)
  }
}

if (process.env.ETW_BENCH_IMPORT_DB) {
  const result = await runOne(process.env.ETW_BENCH_IMPORT_DB)
  process.send?.(result)
  process.exit(0)
}

const results: Awaited<ReturnType<typeof runOne>>[] = []
for (const kind of ['sqlite', 'postgres']) {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, ETW_BENCH_IMPORT_DB: kind },
    execArgv: process.execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const result = await new Promise<Awaited<ReturnType<typeof runOne>>>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Awaited<ReturnType<typeof runOne>>))
    child.once('exit', (code) => reject(new Error(`the ${kind} run exited with ${code}`)))
  })
  results.push(result)
}

log(`${ROWS.toLocaleString('en')} rows, budget ${BUDGET_MS / 1000} s per import`)
for (const result of results) {
  if ('skipped' in result) {
    log(`${result.kind.padEnd(8)} skipped: ${result.skipped}`)
    continue
  }
  const within = result.importMs <= BUDGET_MS ? 'within' : 'OVER'
  log(
    `${result.kind.padEnd(8)} check ${(result.checkMs / 1000).toFixed(2)} s · import ${(result.importMs / 1000).toFixed(2)} s (${within} budget) · ${result.stored} snapshots stored`,
  )
}
