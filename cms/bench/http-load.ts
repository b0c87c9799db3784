import net from 'node:net'
import { performance } from 'node:perf_hooks'

import type { buildConnector } from 'undici'
import { Pool } from 'undici'

/** One request of a load: method, path and query, headers, body. */
export interface LoadRequest {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
}

/** What a load run saw. */
export interface LoadResult {
  /** Requests the schedule started (fixed rate) or that the loops sent (closed loop). */
  sent: number
  /** Answers by status code. */
  statuses: Record<string, number>
  /** Connection errors and resets (no answer), timeouts apart. */
  errors: number
  /** Requests without an answer within the timeout. */
  timeouts: number
  /** Requests sent and not yet answered at the moment the run's time was up. */
  openAtEnd: number
  /** Milliseconds from when each answered request was due (fixed rate) or sent, to its answer. */
  latencies: number[]
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])

const sleepUntil = (time: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, time - performance.now())))

/**
 * A connector whose sockets leave from `localAddress` (undici's own connector does not pass that
 * option on to the socket, so every connection would leave from 127.0.0.1).
 */
const connectFrom =
  (localAddress: string): buildConnector.connector =>
  (options, callback) => {
    const socket = net.connect({
      host: options.hostname,
      port: Number(options.port) || 80,
      localAddress,
    })
    socket.setNoDelay(true)
    const fail = (error: Error) => callback(error, null)
    socket.once('error', fail)
    socket.once('connect', () => {
      socket.off('error', fail)
      callback(null, socket)
    })
  }

const poolOf = (base: string, connections: number, localAddress: string, timeoutMs: number) =>
  new Pool(base, {
    connections,
    pipelining: 1,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: connectFrom(localAddress),
  })

const emptyResult = (): LoadResult => ({
  sent: 0,
  statuses: {},
  errors: 0,
  timeouts: 0,
  openAtEnd: 0,
  latencies: [],
})

const send = async (
  pool: Pool,
  request: LoadRequest,
  since: number,
  result: LoadResult,
): Promise<void> => {
  try {
    const response = await pool.request({
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: request.body,
    })
    await response.body.arrayBuffer()
    const status = String(response.statusCode)
    result.statuses[status] = (result.statuses[status] ?? 0) + 1
    result.latencies.push(performance.now() - since)
  } catch (error) {
    if (TIMEOUT_CODES.has((error as { code?: string }).code ?? '')) result.timeouts += 1
    else result.errors += 1
  }
}

/**
 * Sends `requests` in turn at a fixed `rate` per second for `seconds`, from `localAddress`, over
 * at most `connections` kept-alive connections. The schedule does not wait for answers (an open
 * loop): a request due while every connection is busy waits in the pool, and its latency counts
 * from when it was due, so a slow server cannot hide its delay by being sent less.
 */
export const fixedRate = async (options: {
  base: string
  requests: LoadRequest[]
  rate: number
  seconds: number
  connections: number
  localAddress: string
  timeoutMs: number
}): Promise<LoadResult> => {
  const pool = poolOf(options.base, options.connections, options.localAddress, options.timeoutMs)
  const result = emptyResult()
  const interval = 1000 / options.rate
  const start = performance.now()
  const pending = new Set<Promise<void>>()
  for (let index = 0; index * interval < options.seconds * 1000; index += 1) {
    const due = start + index * interval
    await sleepUntil(due)
    const request = options.requests[index % options.requests.length]!
    result.sent += 1
    const sent = send(pool, request, due, result).finally(() => pending.delete(sent))
    pending.add(sent)
  }
  await sleepUntil(start + options.seconds * 1000)
  result.openAtEnd = pending.size
  await Promise.all(pending)
  await pool.close()
  return result
}

/**
 * `connections` loops, each sending `request` again as soon as the previous answer arrived, for
 * `seconds`, from `localAddress`.
 */
export const closedLoop = async (options: {
  base: string
  request: LoadRequest
  seconds: number
  connections: number
  localAddress: string
  timeoutMs: number
}): Promise<LoadResult> => {
  const pool = poolOf(options.base, options.connections, options.localAddress, options.timeoutMs)
  const result = emptyResult()
  const end = performance.now() + options.seconds * 1000
  let open = 0
  const loop = async () => {
    while (performance.now() < end) {
      result.sent += 1
      open += 1
      await send(pool, options.request, performance.now(), result)
      open -= 1
    }
  }
  const loops = Promise.all(Array.from({ length: options.connections }, loop))
  await sleepUntil(end)
  result.openAtEnd = open
  await loops
  await pool.destroy()
  return result
}

/** The `p`th percentile (0–100) of `values`, rounded to whole milliseconds. */
export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!)
}
