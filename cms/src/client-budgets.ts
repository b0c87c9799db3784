import { RateLimiterRes } from 'rate-limiter-flexible'

import type { SharedLimits } from './shared-limits'

/** What one client address may spend on REST and GraphQL (the cached public feed is exempt). */
export interface ClientBudgets {
  /** Requests per {@link ClientBudgets.windowSeconds}; 0 turns the rate budget off. */
  rate: number
  /** Length of the rate window in seconds. */
  windowSeconds: number
  /** Requests answered at the same time; 0 turns the concurrency budget off. */
  concurrency: number
}

/** Defaults: 300 requests per 10 s and 16 at a time per client address. */
export const DEFAULT_CLIENT_BUDGETS: Readonly<ClientBudgets> = Object.freeze({
  rate: 300,
  windowSeconds: 10,
  concurrency: 16,
})

/**
 * Seconds after which an address's in-flight count is forgotten, so that an instance killed with
 * requests in flight cannot lock its clients out for longer.
 */
export const IN_FLIGHT_TTL_SECONDS = 60

const whole = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value.trim() === '') return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0) {
    throw new Error(`${name} must be a whole number of 0 or more, not "${value}".`)
  }
  return number
}

/**
 * Reads `ETW_CLIENT_RATE`, `ETW_CLIENT_RATE_WINDOW` (seconds) and `ETW_CLIENT_CONCURRENCY`.
 * @throws Error when a value is not a whole number of 0 or more (1 or more for the window).
 */
export const readClientBudgets = (
  env: Readonly<Record<string, string | undefined>> = process.env,
): ClientBudgets => {
  const budgets = {
    rate: whole(env.ETW_CLIENT_RATE, DEFAULT_CLIENT_BUDGETS.rate, 'ETW_CLIENT_RATE'),
    windowSeconds: whole(
      env.ETW_CLIENT_RATE_WINDOW,
      DEFAULT_CLIENT_BUDGETS.windowSeconds,
      'ETW_CLIENT_RATE_WINDOW',
    ),
    concurrency: whole(
      env.ETW_CLIENT_CONCURRENCY,
      DEFAULT_CLIENT_BUDGETS.concurrency,
      'ETW_CLIENT_CONCURRENCY',
    ),
  }
  if (budgets.windowSeconds < 1) throw new Error('ETW_CLIENT_RATE_WINDOW must be 1 or more.')
  return budgets
}

/** The outcome of asking for one request's budget. */
export type BudgetDecision =
  | { allowed: true; release: () => void }
  | { allowed: false; retryAfterSeconds: number; message: string }

/**
 * Admits or refuses one request of a client address against its rate and concurrency budgets,
 * counted in `limits` (shared by every instance on Redis). An admitted request calls `release`
 * once it is answered. A store that fails admits the request: budgets protect the service, they
 * must not take it down.
 */
export const createBudgetGate = (limits: SharedLimits, budgets: ClientBudgets) => {
  const rate =
    budgets.rate > 0
      ? limits.limiter({
          keyPrefix: 'etw-client-rate',
          points: budgets.rate,
          duration: budgets.windowSeconds,
        })
      : undefined
  const inFlight =
    budgets.concurrency > 0
      ? limits.limiter({
          keyPrefix: 'etw-client-in-flight',
          points: budgets.concurrency,
          duration: IN_FLIGHT_TTL_SECONDS,
        })
      : undefined

  return async (address: string): Promise<BudgetDecision> => {
    const key = address || 'unknown'
    if (rate) {
      try {
        await rate.consume(key)
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000))
          return {
            allowed: false,
            retryAfterSeconds: seconds,
            message: `Too many requests from this address: at most ${budgets.rate} per ${budgets.windowSeconds} s. Try again in ${seconds} s.`,
          }
        }
      }
    }
    if (!inFlight) return { allowed: true, release: () => undefined }
    try {
      await inFlight.consume(key)
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        // The slot this request did not get was counted; give it back.
        await inFlight.reward(key).catch(() => undefined)
        return {
          allowed: false,
          retryAfterSeconds: 1,
          message: `Too many requests from this address at once: at most ${budgets.concurrency}. Try again in 1 s.`,
        }
      }
      return { allowed: true, release: () => undefined }
    }
    let released = false
    return {
      allowed: true,
      release: () => {
        if (released) return
        released = true
        void inFlight.reward(key).catch(() => undefined)
      },
    }
  }
}
