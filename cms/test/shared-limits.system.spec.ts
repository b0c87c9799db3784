import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createBudgetGate } from '../src/client-budgets'
import type { SharedLimits } from '../src/shared-limits'
import { createSharedLimits } from '../src/shared-limits'
import type { TestRedis } from './helpers/redis'
import { redisAvailable, startRedis } from './helpers/redis'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const describeWithRedis = redisAvailable('shared limits on Redis')
  ? describe
  : (describe.skip as typeof describe)

/** Points an address has left after spending one, or `'refused'`. */
const spend = async (limits: SharedLimits, key: string): Promise<number | 'refused'> => {
  try {
    const res = await limits
      .limiter({ keyPrefix: 'etw-test', points: 4, duration: 60 })
      .consume(key)
    return res.remainingPoints
  } catch {
    return 'refused'
  }
}

describeWithRedis('limits shared by several instances in Redis', () => {
  let redis: TestRedis
  const warnings: string[] = []
  let a: SharedLimits
  let b: SharedLimits

  beforeAll(async () => {
    redis = await startRedis()
    a = createSharedLimits({ REDIS_URL: redis.url }, (message) => warnings.push(message))
    b = createSharedLimits({ REDIS_URL: redis.url }, (message) => warnings.push(message))
    await sleep(300)
  })

  afterAll(async () => {
    await a?.close()
    await b?.close()
    await redis?.stop()
  })

  it('should count one address once across two instances', async () => {
    const outcomes = [
      await spend(a, '203.0.113.7'),
      await spend(b, '203.0.113.7'),
      await spend(a, '203.0.113.7'),
      await spend(b, '203.0.113.7'),
      await spend(a, '203.0.113.7'),
    ]
    expect(outcomes).toEqual([3, 2, 1, 0, 'refused'])
  })

  it('should refuse with Retry-After once an address spends its shared rate', async () => {
    const gateA = createBudgetGate(a, { rate: 3, windowSeconds: 30, concurrency: 0 })
    const gateB = createBudgetGate(b, { rate: 3, windowSeconds: 30, concurrency: 0 })
    const decisions = [
      await gateA('198.51.100.1'),
      await gateB('198.51.100.1'),
      await gateA('198.51.100.1'),
      await gateB('198.51.100.1'),
    ]
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false])
    const refused = decisions[3]!
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1)
    expect((await gateA('198.51.100.2')).allowed).toBe(true)
  })

  it('should admit at most the concurrency budget at once across instances, and more once released', async () => {
    const gateA = createBudgetGate(a, { rate: 0, windowSeconds: 10, concurrency: 2 })
    const gateB = createBudgetGate(b, { rate: 0, windowSeconds: 10, concurrency: 2 })
    const first = await gateA('198.51.100.9')
    const second = await gateB('198.51.100.9')
    const third = await gateA('198.51.100.9')
    expect([first.allowed, second.allowed, third.allowed]).toEqual([true, true, false])
    if (first.allowed) first.release()
    await sleep(100)
    expect((await gateB('198.51.100.9')).allowed).toBe(true)
  })

  it('should fall back to memory with one warning while Redis is down, and share again after', async () => {
    warnings.length = 0
    await redis.stop()
    await sleep(500)
    // While Redis is down each instance counts in its own memory: nothing is refused for lack of a store.
    expect(await spend(a, '192.0.2.50')).toBe(3)
    expect(await spend(b, '192.0.2.50')).toBe(3)
    expect(warnings.filter((message) => message.includes('is unreachable'))).toHaveLength(2)
    await redis.start()
    await sleep(3_000)
    expect(warnings.filter((message) => message.includes('answers again:'))).toHaveLength(2)
    expect([await spend(a, '192.0.2.51'), await spend(b, '192.0.2.51')]).toEqual([3, 2])
  })
})
