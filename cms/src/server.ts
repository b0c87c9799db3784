import type { IncomingMessage, ServerResponse } from 'node:http'

import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { checkHealth, CLIENT_ADDRESS_HEADER, getFeed, MAX_QUERY_LIMIT } from '@etw/payload-plugin'
import next from 'next'
import { getPayload } from 'payload'

import {
  createBudgetGate,
  readClientBudgets,
  refusalPause,
  registerBudgetGate,
} from './client-budgets'
import { parseProxyTrust, resolveClientAddress } from './client-address'
import { resolveDatabaseTarget } from './database'
import { isFeedPath, serveFeed } from './feed-server'
import { readBanUrls, startInstanceSync } from './instance-sync'
import { mediaServerFor } from './media-server'
import type { CostBounds } from './request-cost'
import { CLIENT_ERROR_COST, isClientError, restCost } from './request-cost'
import configPromise from './payload.config'
import { sharedLimits } from './shared-limits'
import { createWidgetAssets } from './widget-assets'
import { DATABASE_UNREACHABLE, createWriteGuard } from './write-guard'

/**
 * The CMS's HTTP server: one Node server in front of Next's request handler. Payload starts here,
 * with its job runner (scheduled publishing every minute); the public feed (`/api/etw/v1/…`) and
 * `/api/health` are answered here from the feed's in-process cache, without Next's per-request
 * work, and so are the widget files and demo page under `/widgets/` and images on their
 * content-addressed URLs under `/media/`. Everything else (admin, REST, GraphQL) goes to Next, which reuses the same Payload.
 */
const dev = process.env.NODE_ENV !== 'production'
const port = Number(process.env.PORT ?? 3000)
const hostname = process.env.HOST ?? '0.0.0.0'
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// Behind a reverse proxy or CDN, the proxies whose X-Forwarded-For is believed (see docs/operators.md).
const proxyTrust = parseProxyTrust(process.env.ETW_TRUST_PROXY)

const payload = await getPayload({ config: configPromise, cron: true })
const feed = getFeed(payload)
// pg's pool emits `error` when the server ends an idle connection (PostgreSQL stopped or
// restarted); unheard, that event would end the process. The pool reconnects on the next query.
;(
  payload.db as { pool?: { on: (event: 'error', listener: (error: Error) => void) => void } }
).pool?.on('error', (error) => payload.logger.warn(`database connection lost: ${error.message}`))
// Checks its files again on every media change, this instance's at once, others' when heard.
const serveMedia = mediaServerFor(payload)
// On PostgreSQL, every instance hears every other's changes and clears its caches at once.
const sync = await startInstanceSync({
  payload,
  feed,
  target: resolveDatabaseTarget(process.env.DATABASE_URL),
  banUrls: readBanUrls(process.env),
  onHeard: serveMedia.changed,
})
if (sync) {
  // Several instances on one database: only the elected one runs the job queue each minute.
  const jobs = payload.config.jobs
  const hostRule = jobs.shouldAutoRun
  jobs.shouldAutoRun = async (instance) =>
    (await sync.runsJobs()) && (hostRule ? await hostRule(instance) : true)
}

const app = next({ dev, dir, hostname, port })
const handleWithNext = app.getRequestHandler()
await app.prepare()

const serveWidgetAsset = createWidgetAssets()

// Per-client budgets of REST and GraphQL (shared by every instance when REDIS_URL is set). A REST
// request spends its cost from its URL; a GraphQL request spends 1 here and its document's cost
// once the GraphQL route has read it (through the registered gate).
const admitRequest = createBudgetGate(sharedLimits(), readClientBudgets(process.env))
registerBudgetGate(admitRequest)
const costBounds: CostBounds = {
  maxLimit: MAX_QUERY_LIMIT,
  // Payload's REST default page size.
  defaultLimit: 10,
  maxDepth: payload.config.maxDepth,
  defaultDepth: payload.config.defaultDepth,
}
const isGraphQL = (url: string) => /^\/api\/graphql(?:$|[/?])/.test(url)

// Writes are refused with a clear 503 while the database does not answer, instead of failing in Payload.
const refuseWrite = createWriteGuard(async () => (await checkHealth(payload)).status === 200)

/** Whether `url` is REST or GraphQL (under `/api/`, not the public feed or the health check). */
const isBudgeted = (url: string) => url.startsWith('/api/') && !isFeedPath(url)

/**
 * Hands `req` to Next once its client address is within its budgets and, for a write, the
 * database answers; otherwise answers 429 (budget) or 503 (database) with `Retry-After`, in
 * Payload's error shape.
 */
const handleWithBudget = async (req: IncomingMessage, res: ServerResponse, address: string) => {
  const url = req.url ?? '/'
  const method = req.method ?? 'GET'
  const decision = await admitRequest(
    address,
    isGraphQL(url) ? 1 : restCost(method, url, costBounds),
  )
  if (!decision.allowed) {
    // A client that asks again at once, whatever Retry-After says, waits here first.
    await new Promise((resolve) => setTimeout(resolve, refusalPause(decision)))
    res.writeHead(429, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'retry-after': String(decision.retryAfterSeconds),
    })
    res.end(JSON.stringify({ errors: [{ message: decision.message }] }))
    return
  }
  res.once('close', decision.release)
  res.once('finish', () => {
    if (isClientError(res.statusCode)) void admitRequest.penalize(address, CLIENT_ERROR_COST)
  })
  if (await refuseWrite(req.method ?? 'GET')) {
    res.writeHead(DATABASE_UNREACHABLE.status, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'retry-after': String(DATABASE_UNREACHABLE.retryAfterSeconds),
    })
    res.end(JSON.stringify(DATABASE_UNREACHABLE.body))
    return
  }
  await handleWithNext(req, res)
}

let stopping = false

const mediaFailed = (res: ServerResponse) => (error: unknown) => {
  payload.logger.error({ err: error }, 'media request failed')
  if (!res.headersSent) res.writeHead(500)
  res.end()
}

const server = createServer((req, res) => {
  // A request that arrives on a kept-alive connection during shutdown is served, and its
  // connection closed after the answer, so that the server can finish.
  if (stopping) res.setHeader('Connection', 'close')
  // Media and widget files first: public, the same for every client, answered from memory.
  if (req.url?.startsWith('/media/')) {
    try {
      const served = serveMedia(req, res)
      if (served instanceof Promise) served.catch(mediaFailed(res))
    } catch (error) {
      mediaFailed(res)(error)
    }
    return
  }
  if (serveWidgetAsset(req, res)) return
  // The connecting address, for login throttling and the audit trail; a client cannot set it.
  const address = resolveClientAddress(req, proxyTrust)
  req.headers[CLIENT_ADDRESS_HEADER] = address
  if (isBudgeted(req.url ?? '')) {
    void handleWithBudget(req, res, address)
    return
  }
  if (!isFeedPath(req.url ?? '')) {
    void handleWithNext(req, res)
    return
  }
  void serveFeed(feed, req, res, (error) =>
    payload.logger.error({ err: error }, 'feed request failed'),
  ).then((handled) => {
    if (!handled) void handleWithNext(req, res)
  })
})

server.listen(port, hostname, () => {
  const base = `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`
  console.log(
    [
      `eTwinning Hub is ready (${dev ? 'development' : 'production'}):`,
      `  admin    ${base}/admin`,
      `  REST     ${base}/api   GraphQL ${base}/api/graphql`,
      `  feed     ${base}/api/etw/v1/news   health ${base}/api/health`,
      `  widgets  ${base}/widgets/demo   bundle ${base}/widgets/etw-widgets.js`,
    ].join('\n'),
  )
})

// When the parent (pnpm, tsx) goes first, writing to its closed pipe must not stop the shutdown.
process.stdout.on('error', () => undefined)
process.stderr.on('error', () => undefined)

/** Resolves once no scheduled-publishing run is in progress, or after `timeoutMs`. */
const jobRunsFinished = async (timeoutMs: number) => {
  const until = Date.now() + timeoutMs
  while (payload.crons.some((cron) => cron.isBusy()) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Graceful shutdown on SIGTERM/SIGINT: stop accepting connections and scheduling job runs, let
 * every request in flight (and a job run in progress) finish, close the database, exit 0. After
 * 15 s whatever is still running is cut and the exit code is 1.
 */
const shutdown = (signal: string) => {
  if (stopping) return
  stopping = true
  console.log(`${signal}: finishing in-flight requests, then stopping`)
  const force = setTimeout(() => {
    console.error(`${signal}: requests still running after 15 s; stopping anyway`)
    process.exit(1)
  }, 15_000)
  force.unref()
  for (const cron of payload.crons) cron.stop()
  // Kept-alive connections become idle when their last answer is sent; close them then, so that
  // `close` does not wait for their keep-alive timeout.
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100)
  idleSweep.unref()
  server.close(() => {
    clearInterval(idleSweep)
    void jobRunsFinished(12_000)
      .then(() => sync?.stop())
      .then(() => payload.destroy())
      .then(() => sharedLimits().close())
      .catch(() => undefined)
      .finally(() => process.exit(0))
  })
  server.closeIdleConnections()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
