import type {
  CollectionAfterLoginHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { APIError } from 'payload'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import { clientAddress } from '../../../utilities/clientAddress'
import { translate } from '../../../utilities/translate'

/** Login throttling per client address, as documented on `EtwPluginOptions['users']`. */
export type LoginThrottleOptions = {
  /**
   * Failed logins plus password-reset requests one client address may make in one window; the next
   * attempt is refused with 429 until the window ends.
   * @default 10
   */
  attempts?: number
  /**
   * Length of the window in seconds.
   * @default 900 (15 minutes)
   */
  windowSeconds?: number
  /**
   * The `rate-limiter-flexible` limiter that keeps the counts. The default keeps them in this
   * process's memory; with several CMS instances give a limiter on a shared store (for example
   * `RateLimiterRedis` or `RateLimiterPostgres`), whose `points` and `duration` then apply.
   * @default a RateLimiterMemory with `attempts` points per `windowSeconds`
   */
  limiter?: RateLimiterAbstract
}

/** Defaults of {@link LoginThrottleOptions}. */
export const DEFAULT_LOGIN_THROTTLE = Object.freeze({ attempts: 10, windowSeconds: 15 * 60 })

/** The key of a request in the limiter, or `undefined` for a server-side call that is not throttled. */
const keyOf = (req: PayloadRequest): string | undefined => {
  const address = clientAddress(req.headers)
  if (address) return address
  // Seeds, scripts and hooks call the Local API without a client: they are not throttled. REST and
  // GraphQL requests that reach Payload without the server's header (another server in front of
  // Next) share one bucket rather than go unthrottled.
  return req.payloadAPI === 'local' ? undefined : 'unknown'
}

const refuse = (req: PayloadRequest, msBeforeNext: number): never => {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000))
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', String(seconds))
  req.responseHeaders = headers
  throw new APIError(
    translate(req.t, 'tooManyLoginAttempts', { minutes: Math.ceil(seconds / 60) }),
    429,
    { retryAfter: seconds },
    true,
  )
}

/**
 * Hooks that throttle the users collection's login doors per client address with
 * `rate-limiter-flexible`, on top of Payload's per-account lockout: every login and forgot-password
 * operation (REST, GraphQL, and Local API calls that carry a client address) spends one point of its
 * address before Payload checks anything, a successful login gives its point back, and a
 * forgot-password request also spends one point of the account it names. Once an address has spent its
 * points, even the correct password is refused with a 429 `APIError`, `Retry-After` set, until the
 * window ends.
 */
export const createLoginThrottle = (
  options: LoginThrottleOptions = {},
): { afterLogin: CollectionAfterLoginHook; beforeOperation: CollectionBeforeOperationHook } => {
  const limiter =
    options.limiter ??
    new RateLimiterMemory({
      keyPrefix: 'etw-login',
      points: options.attempts ?? DEFAULT_LOGIN_THROTTLE.attempts,
      duration: options.windowSeconds ?? DEFAULT_LOGIN_THROTTLE.windowSeconds,
    })

  const spend = async (req: PayloadRequest, key: string): Promise<void> => {
    try {
      await limiter.consume(key)
    } catch (error) {
      // The limiter rejects with a RateLimiterRes when the points are spent, with an Error when its
      // store fails: then the operation goes on, guarded by the per-account lockout.
      if (error instanceof RateLimiterRes) refuse(req, error.msBeforeNext)
      req.payload.logger.error({ err: error }, 'login throttle store failed')
    }
  }

  const beforeOperation: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
    if (operation !== 'login' && operation !== 'forgotPassword') return args
    const key = keyOf(req)
    if (key === undefined) return args
    await spend(req, key)
    if (operation === 'forgotPassword') {
      // Reset mails to one account are counted too, whatever the address asking, so many addresses
      // cannot flood one inbox (Payload's own interval only spaces them 15 seconds apart).
      const email = (args as { data?: { email?: unknown } }).data?.email
      if (typeof email === 'string') await spend(req, `account:${email.trim().toLowerCase()}`)
    }
    return args
  }

  const afterLogin: CollectionAfterLoginHook = async ({ req, user }) => {
    const key = keyOf(req)
    if (key !== undefined) {
      await limiter.reward(key).catch((error: unknown) => {
        req.payload.logger.error({ err: error }, 'login throttle store failed')
      })
    }
    return user
  }

  return { afterLogin, beforeOperation }
}
