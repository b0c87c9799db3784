import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible'

/** What a limiter counts: `points` per `duration` seconds under `keyPrefix`. */
export interface LimiterSpec {
  keyPrefix: string
  points: number
  duration: number
}

/** Where the limits of this process are counted. */
export interface SharedLimits {
  /** `'redis'` when `REDIS_URL` is set (counts shared by every instance), else `'memory'`. */
  store: 'memory' | 'redis'
  /**
   * A limiter for `spec`: on Redis with this process's memory as insurance (used while Redis does
   * not answer), or in memory only.
   */
  limiter: (spec: LimiterSpec) => RateLimiterAbstract
  /** Closes the Redis connection, if any. */
  close: () => Promise<void>
}

type Warn = (message: string) => void

const defaultWarn: Warn = (message) => console.warn(`[etw] ${message}`)

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@')

/**
 * The limits' store from `REDIS_URL` (e.g. `redis://127.0.0.1:6379/0`). With Redis, every
 * instance counts in the same keys; when Redis is unreachable the limiters fall back to this
 * process's memory (rate-limiter-flexible's insurance limiter) and `warn` says so once per outage,
 * and again once Redis answers. Commands never wait for a connection: a request is never held up
 * by a Redis that is down.
 */
export const createSharedLimits = (
  env: Readonly<Record<string, string | undefined>> = process.env,
  warn: Warn = defaultWarn,
): SharedLimits => {
  const url = env.REDIS_URL?.trim()
  if (!url) {
    return {
      store: 'memory',
      limiter: (spec) => new RateLimiterMemory(spec),
      close: async () => undefined,
    }
  }
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 500,
    // Reconnects for ever, at most every 2 s.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    lazyConnect: false,
  })
  let down = false
  const markDown = (reason: string) => {
    if (down) return
    down = true
    warn(
      `Redis at ${redact(url)} is unreachable (${reason}): login throttling and request limits ` +
        `count in this process's memory until it answers again.`,
    )
  }
  client.on('error', (error: Error) => markDown(error.message))
  client.on('close', () => markDown('connection closed'))
  client.on('ready', () => {
    if (!down) return
    down = false
    warn(`Redis at ${redact(url)} answers again: limits are shared by every instance.`)
  })
  return {
    store: 'redis',
    limiter: (spec) =>
      new RateLimiterRedis({
        ...spec,
        storeClient: client,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(spec),
      }),
    close: async () => {
      client.disconnect()
    },
  }
}

let processLimits: SharedLimits | undefined

/** This process's {@link SharedLimits} from `REDIS_URL`, created on first use. */
export const sharedLimits = (): SharedLimits => (processLimits ??= createSharedLimits())
