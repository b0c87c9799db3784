import { describe, expect, it } from 'vitest'

import type { CacheEntry } from './cache'

import { cacheKey, createFeedCache, SETTLE_MS } from './cache'

const entry = (text: string): CacheEntry => ({
  bodies: { identity: Buffer.from(text) },
  contentType: 'application/json',
  hash: text,
})

describe('cacheKey', () => {
  it('should not depend on the order of the parameters', () => {
    expect(cacheKey('news', { limit: 5, locale: 'en' }, '')).toBe(
      cacheKey('news', { locale: 'en', limit: 5 }, ''),
    )
  })

  it('should leave out absent parameters', () => {
    expect(cacheKey('news', { country: undefined, limit: 5 }, '')).toBe(
      cacheKey('news', { limit: 5 }, ''),
    )
  })

  it('should differ by route, value and origin', () => {
    const key = cacheKey('news', { limit: 5 }, '')
    expect(cacheKey('events', { limit: 5 }, '')).not.toBe(key)
    expect(cacheKey('news', { limit: 6 }, '')).not.toBe(key)
    expect(cacheKey('news', { limit: 5 }, 'https://cms.example.org')).not.toBe(key)
  })

  it('should keep list values apart from neighbouring parameters', () => {
    expect(cacheKey('stats', { metrics: ['a', 'b'] }, '')).not.toBe(
      cacheKey('stats', { metrics: 'a&b' }, ''),
    )
  })
})

describe('createFeedCache', () => {
  const clock = () => {
    let now = 1_000_000
    return { advance: (ms: number) => (now += ms), now: () => now }
  }

  it('should compute an entry once and then serve it', async () => {
    const time = clock()
    const cache = createFeedCache({ maxBytes: 10_000, now: time.now, ttlSeconds: 60 })
    let calls = 0
    const produce = async () => entry(`v${++calls}`)
    await cache.get('k', produce)
    expect((await cache.get('k', produce)).hash).toBe('v1')
    expect(calls).toBe(1)
  })

  it('should share one computation between concurrent misses', async () => {
    const cache = createFeedCache({ maxBytes: 10_000, ttlSeconds: 60 })
    let calls = 0
    const produce = async () => entry(`v${++calls}`)
    await Promise.all([cache.get('k', produce), cache.get('k', produce)])
    expect(calls).toBe(1)
  })

  it('should recompute after the TTL', async () => {
    const time = clock()
    const cache = createFeedCache({ maxBytes: 10_000, now: time.now, ttlSeconds: 60 })
    let calls = 0
    const produce = async () => entry(`v${++calls}`)
    await cache.get('k', produce)
    time.advance(61_000)
    expect((await cache.get('k', produce)).hash).toBe('v2')
  })

  it('should answer the expired entry when recomputing it fails', async () => {
    const time = clock()
    const cache = createFeedCache({ maxBytes: 10_000, now: time.now, ttlSeconds: 60 })
    await cache.get('k', async () => entry('v1'))
    time.advance(61_000)
    const failing = async (): Promise<CacheEntry> => {
      throw new Error('database unreachable')
    }
    expect(await cache.get('k', failing)).toMatchObject({ hash: 'v1', stale: true })
    expect((await cache.get('k', async () => entry('v2'))).hash).toBe('v2')
  })

  it('should answer the entry from before a clear when recomputing it fails', async () => {
    const time = clock()
    const cache = createFeedCache({ maxBytes: 10_000, now: time.now, ttlSeconds: 60 })
    await cache.get('k', async () => entry('v1'))
    cache.clear()
    const answer = await cache.get('k', async () => {
      throw new Error('database unreachable')
    })
    expect(answer).toMatchObject({ hash: 'v1', stale: true })
  })

  it('should pass the failure on when there is no entry to fall back on', async () => {
    const cache = createFeedCache({ maxBytes: 10_000, ttlSeconds: 60 })
    cache.clear()
    await expect(
      cache.get('k', async () => {
        throw new Error('database unreachable')
      }),
    ).rejects.toThrow('database unreachable')
  })

  it('should fall back on an answer computed while a change settled when recomputing fails', async () => {
    const time = clock()
    const cache = createFeedCache({ maxBytes: 10_000, now: time.now, ttlSeconds: 60 })
    cache.clear()
    await cache.get('k', async () => entry('during'))
    time.advance(SETTLE_MS)
    const answer = await cache.get('k', async () => {
      throw new Error('database unreachable')
    })
    expect(answer).toMatchObject({ hash: 'during', stale: true })
  })

  it('should recompute after clear', async () => {
    const time = clock()
    const cache = createFeedCache({ maxBytes: 10_000, now: time.now, ttlSeconds: 60 })
    let calls = 0
    const produce = async () => entry(`v${++calls}`)
    await cache.get('k', produce)
    cache.clear()
    expect((await cache.get('k', produce)).hash).toBe('v2')
  })

  it('should answer what was computed while a change settles only until the window ends', async () => {
    const time = clock()
    const cache = createFeedCache({ maxBytes: 10_000, now: time.now, ttlSeconds: 60 })
    let calls = 0
    const produce = async () => entry(`v${++calls}`)
    cache.clear()
    await cache.get('k', produce)
    time.advance(SETTLE_MS - 1)
    expect((await cache.get('k', produce)).hash).toBe('v1')
    time.advance(1)
    expect((await cache.get('k', produce)).hash).toBe('v2')
    expect((await cache.get('k', produce)).hash).toBe('v2')
  })

  it('should not store an answer that started before a clear', async () => {
    const time = clock()
    const cache = createFeedCache({ maxBytes: 10_000, now: time.now, ttlSeconds: 60 })
    let release: () => void = () => undefined
    const slow = cache.get(
      'k',
      () => new Promise<CacheEntry>((resolve) => (release = () => resolve(entry('old')))),
    )
    cache.clear()
    time.advance(SETTLE_MS)
    release()
    await slow
    expect((await cache.get('k', async () => entry('new'))).hash).toBe('new')
  })

  it('should stay within its byte bound, dropping the least recently used', async () => {
    const cache = createFeedCache({ maxBytes: 2_000, ttlSeconds: 60 })
    for (let i = 0; i < 10; i++) await cache.get(`k${i}`, async () => entry('x'.repeat(500)))
    expect(cache.size).toBeLessThanOrEqual(2_000)
    let recomputed = false
    await cache.get('k0', async () => {
      recomputed = true
      return entry('x')
    })
    expect(recomputed).toBe(true)
  })

  it('should cache nothing with a TTL of 0', async () => {
    const cache = createFeedCache({ maxBytes: 10_000, ttlSeconds: 0 })
    let calls = 0
    const produce = async () => entry(`v${++calls}`)
    await cache.get('k', produce)
    await cache.get('k', produce)
    expect(calls).toBe(2)
  })
})
