import { describe, expect, it } from 'vitest'

import {
  DEFAULT_CLIENT_BUDGETS,
  REFUSAL_PAUSE_MS,
  chargeClientBudget,
  createBudgetGate,
  readClientBudgets,
  refusalPause,
  registerBudgetGate,
} from './client-budgets'
import { createSharedLimits } from './shared-limits'

describe('readClientBudgets', () => {
  it('should use the defaults when nothing is set', () => {
    expect(readClientBudgets({})).toEqual(DEFAULT_CLIENT_BUDGETS)
  })

  it('should read the three variables, 0 turning a budget off', () => {
    expect(
      readClientBudgets({
        ETW_CLIENT_RATE: '0',
        ETW_CLIENT_RATE_WINDOW: '60',
        ETW_CLIENT_CONCURRENCY: '4',
      }),
    ).toEqual({ rate: 0, windowSeconds: 60, concurrency: 4 })
  })

  it('should refuse a value that is not a whole number', () => {
    expect(() => readClientBudgets({ ETW_CLIENT_RATE: 'lots' })).toThrow(/ETW_CLIENT_RATE/)
    expect(() => readClientBudgets({ ETW_CLIENT_RATE_WINDOW: '0' })).toThrow(/1 or more/)
  })
})

describe('createBudgetGate in memory', () => {
  it('should refuse the request over the rate with a Retry-After of the window left', async () => {
    const admit = createBudgetGate(createSharedLimits({}), {
      rate: 2,
      windowSeconds: 30,
      concurrency: 0,
    })
    await admit('192.0.2.1')
    await admit('192.0.2.1')
    const refused = await admit('192.0.2.1')
    expect(refused).toMatchObject({ allowed: false })
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(25)
  })

  it('should spend the cost of each request, and refuse the one that does not fit', async () => {
    const admit = createBudgetGate(createSharedLimits({}), {
      rate: 100,
      windowSeconds: 30,
      concurrency: 0,
    })
    expect((await admit('192.0.2.3', 60)).allowed).toBe(true)
    const refused = await admit('192.0.2.3', 60)
    expect(refused).toMatchObject({ allowed: false })
    expect(refused.allowed === false && refused.message).toMatch(/costs 60/)
    expect((await admit('192.0.2.3', 40)).allowed).toBe(true)
  })

  it('should charge a cost known after admission against the same budget', async () => {
    const admit = createBudgetGate(createSharedLimits({}), {
      rate: 10,
      windowSeconds: 30,
      concurrency: 0,
    })
    expect((await admit('192.0.2.4')).allowed).toBe(true)
    expect(await admit.charge('192.0.2.4', 9)).toBeUndefined()
    expect(await admit.charge('192.0.2.4', 1)).toMatchObject({ allowed: false })
    expect((await admit('192.0.2.4')).allowed).toBe(false)
  })

  it('should spend a penalty even when it takes the budget below nothing', async () => {
    const admit = createBudgetGate(createSharedLimits({}), {
      rate: 10,
      windowSeconds: 30,
      concurrency: 0,
    })
    expect((await admit('192.0.2.6', 5)).allowed).toBe(true)
    await admit.penalize('192.0.2.6', 100)
    expect((await admit('192.0.2.6')).allowed).toBe(false)
  })

  it('should pause a refusal for at most half a second, never past its Retry-After', () => {
    const refusal = { allowed: false as const, message: '', retryAfterSeconds: 30 }
    expect(refusalPause(refusal)).toBe(REFUSAL_PAUSE_MS)
    expect(REFUSAL_PAUSE_MS).toBeLessThanOrEqual(1000)
  })

  it('should reach the registered gate from another copy of the module', async () => {
    const admit = createBudgetGate(createSharedLimits({}), {
      rate: 1,
      windowSeconds: 30,
      concurrency: 0,
    })
    registerBudgetGate(admit)
    try {
      expect(await chargeClientBudget('192.0.2.5', 1)).toBeUndefined()
      expect(await chargeClientBudget('192.0.2.5', 1)).toMatchObject({ allowed: false })
    } finally {
      registerBudgetGate(undefined)
    }
    expect(await chargeClientBudget('192.0.2.5', 1)).toBeUndefined()
  })

  it('should free a concurrency slot when an admitted request is released', async () => {
    const admit = createBudgetGate(createSharedLimits({}), {
      rate: 0,
      windowSeconds: 10,
      concurrency: 1,
    })
    const first = await admit('192.0.2.2')
    expect((await admit('192.0.2.2')).allowed).toBe(false)
    if (first.allowed) first.release()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect((await admit('192.0.2.2')).allowed).toBe(true)
  })
})
