import { RateLimiterRes } from 'rate-limiter-flexible'

import type { SharedLimits } from './shared-limits'

/** What one client address may spend on REST and GraphQL (the cached public feed is exempt). */
export interface ClientBudgets {
  /**
   * Points per {@link ClientBudgets.windowSeconds}, each request spending its cost
   * (`request-cost.ts`: 1 for a small read, 800 for a 100-document list at depth 3); 0 turns the
   * rate budget off.
   */
  rate: number
  /** Length of the rate window in seconds. */
  windowSeconds: number
  /** Requests answered at the same time; 0 turns the concurrency budget off. */
  concurrency: number
}

/**
 * Defaults: 1,000 points per 10 s (a 100-document list at depth 3 every 8 s, 100 small reads a
 * second, or 5 answers of 400–499) and 8 at a time per client address.
 */
export const DEFAULT_CLIENT_BUDGETS: Readonly<ClientBudgets> = Object.freeze({
  rate: 1_000,
  windowSeconds: 10,
  concurrency: 8,
})

/**
 * Longest pause, in milliseconds, before a refusal is sent (never longer than its `Retry-After`):
 * a client that ignores `Retry-After` and asks again at once gets at most a few refusals a second
 * per connection, so that refusing it costs the server next to nothing.
 */
export const REFUSAL_PAUSE_MS = 500

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

/** A refusal: when to ask again, and why. */
export interface BudgetRefusal {
  allowed: false
  retryAfterSeconds: number
  message: string
}

/** The outcome of asking for one request's budget. */
export type BudgetDecision = { allowed: true; release: () => void } | BudgetRefusal

/** The milliseconds to wait before sending `refusal` ({@link REFUSAL_PAUSE_MS} at most). */
export const refusalPause = (refusal: BudgetRefusal): number =>
  Math.min(REFUSAL_PAUSE_MS, refusal.retryAfterSeconds * 1000)

/** Admits one request of `address` costing `cost` points (1 by default). */
export interface BudgetGate {
  (address: string, cost?: number): Promise<BudgetDecision>
  /**
   * Spends `cost` more points of `address` for a request already admitted, once its cost is known
   * (a GraphQL document, read after admission); a refusal when they are not left, which spends
   * what was left of the window (the request has been read and parsed already).
   */
  charge: (address: string, cost: number) => Promise<BudgetRefusal | undefined>
  /** Spends `cost` more points of `address` whether they are left or not (an answer's penalty). */
  penalize: (address: string, cost: number) => Promise<void>
}

/**
 * Admits or refuses requests of a client address against its rate budget (in points: each request
 * spends its cost, a cost above the whole budget spends all of it) and its concurrency budget,
 * counted in `limits` (shared by every instance on Redis). An admitted request calls `release`
 * once it is answered. A store that fails admits the request: budgets protect the service, they
 * must not take it down.
 */
export const createBudgetGate = (limits: SharedLimits, budgets: ClientBudgets): BudgetGate => {
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

  const spend = async (key: string, cost: number): Promise<BudgetRefusal | undefined> => {
    if (!rate || cost <= 0) return undefined
    const points = Math.min(Math.ceil(cost), budgets.rate)
    try {
      await rate.consume(key, points)
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        // A refused request does no work: what it would have cost is given back.
        await rate.reward(key, points).catch(() => undefined)
        const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000))
        return {
          allowed: false,
          retryAfterSeconds: seconds,
          message: `Too much asked from this address: requests may cost at most ${budgets.rate} points per ${budgets.windowSeconds} s, and this one costs ${Math.ceil(cost)} (a 100-document list at depth 3 costs 800, a small read 1). Try again in ${seconds} s, or ask for fewer documents or less depth.`,
        }
      }
    }
    return undefined
  }

  const admit = async (address: string, cost = 1): Promise<BudgetDecision> => {
    const key = address || 'unknown'
    const refusal = await spend(key, cost)
    if (refusal) return refusal
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
  return Object.assign(admit, {
    charge: async (address: string, cost: number) => {
      const key = address || 'unknown'
      const refusal = await spend(key, cost)
      // The request has already been read and parsed: its window is spent.
      if (refusal) await rate?.penalty(key, budgets.rate).catch(() => undefined)
      return refusal
    },
    penalize: async (address: string, cost: number) => {
      await rate?.penalty(address || 'unknown', Math.ceil(cost)).catch(() => undefined)
    },
  })
}

const GATE = Symbol.for('etw.clientBudgetGate')

/**
 * Makes `gate` the one {@link chargeClientBudget} uses. The server registers its gate at start;
 * the routes Next serves, bundled with their own copy of this module, reach the same gate through
 * it (the GraphQL route spends a document's cost once it has read it).
 */
export const registerBudgetGate = (gate: BudgetGate | undefined): void => {
  ;(globalThis as { [GATE]?: BudgetGate })[GATE] = gate
}

/**
 * Spends `cost` more points of `address` on the registered gate (none registered, as in the
 * integration tests' Local API: nothing is spent); a refusal when they are not left.
 */
export const chargeClientBudget = async (
  address: string,
  cost: number,
): Promise<BudgetRefusal | undefined> =>
  (globalThis as { [GATE]?: BudgetGate })[GATE]?.charge(address, cost)
