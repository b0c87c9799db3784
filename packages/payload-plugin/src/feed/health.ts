import type { HealthResponse } from '@etw/client'
import type { Payload } from 'payload'

import { ORGANIZATIONS_SLUG } from '../slugs'

/** Milliseconds the database has to answer the health check. */
export const HEALTH_TIMEOUT_MS = 3000

/**
 * Liveness and database reachability for load balancers: one primary-key read of at most one row.
 * 200 `{ status: 'ok', database: 'ok' }`, or 503 `{ status: 'degraded', database: 'unreachable' }`
 * when the query fails or takes longer than `timeoutMs`.
 */
export const checkHealth = async (
  payload: Payload,
  timeoutMs = HEALTH_TIMEOUT_MS,
): Promise<{ status: 200 | 503; body: HealthResponse }> => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('database timeout')), timeoutMs)
    timer.unref()
  })
  let reachable = true
  try {
    await Promise.race([
      payload.find({
        collection: ORGANIZATIONS_SLUG,
        depth: 0,
        limit: 1,
        overrideAccess: true,
        pagination: false,
        select: { slug: true },
      }),
      timeout,
    ])
  } catch (error) {
    reachable = false
    payload.logger.error({ err: error }, 'health check: the database did not answer')
  } finally {
    clearTimeout(timer)
  }
  const uptime = Math.floor(process.uptime())
  return reachable
    ? { status: 200, body: { database: 'ok', status: 'ok', uptime } }
    : { status: 503, body: { database: 'unreachable', status: 'degraded', uptime } }
}
