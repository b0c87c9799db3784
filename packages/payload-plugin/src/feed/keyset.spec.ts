import type { Payload, Where } from 'payload'

import { describe, expect, it } from 'vitest'

import type { KeysetQuery } from './keyset'
import { findPage, HOLDS_WINDOWS } from './keyset'

interface Doc {
  id: number
  publishedAt: string
  tags: string[]
}

/** A collection of `docs` behind `payload.find`, reading the conditions the feed writes. */
const fakePayload = (docs: Doc[]) => {
  const calls: { limit: number; joined: boolean }[] = []
  const matches = (doc: Doc, where: Where): boolean => {
    if (Array.isArray(where.and)) return where.and.every((part) => matches(doc, part as Where))
    if (where.tags) return doc.tags.includes((where.tags as { equals: string }).equals)
    if (where.id) return ((where.id as { in: number[] }).in ?? []).includes(doc.id)
    return true
  }
  const payload = {
    find: async (args: { limit: number; where: Where }) => {
      const joined = JSON.stringify(args.where).includes('"tags"')
      calls.push({ limit: args.limit, joined })
      const found = docs
        .filter((doc) => matches(doc, args.where))
        .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id - a.id)
      return { docs: found.slice(0, args.limit), hasNextPage: found.length > args.limit }
    },
  }
  return { calls, payload: payload as unknown as Payload }
}

const query = (value: string, limit: number): KeysetQuery => ({
  collection: 'news' as KeysetQuery['collection'],
  cursor: undefined,
  direction: 'desc',
  field: 'publishedAt',
  holds: { field: 'tags', value },
  limit,
  locale: 'en',
  order: 'news',
  page: 1,
  select: {},
  where: [],
})

/** `count` news a minute apart, newest last; every `every`-th one tagged `rare`. */
const news = (count: number, every: number): Doc[] =>
  Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    publishedAt: new Date(Date.UTC(2025, 0, 1, 0, index)).toISOString(),
    tags: index % every === 0 ? ['common', 'rare'] : ['common'],
  }))

describe('findPage with a value the documents hold', () => {
  it('should find a value most documents hold among the newest, without a join', async () => {
    const { calls, payload } = fakePayload(news(500, 50))
    const page = await findPage<Doc>(payload, query('common', 5), (doc) => doc.publishedAt)
    expect(page.docs.map((doc) => doc.id)).toEqual([500, 499, 498, 497, 496])
    expect(page.hasNextPage).toBe(true)
    expect(calls.every((call) => !call.joined)).toBe(true)
    expect(calls[0]?.limit).toBe(HOLDS_WINDOWS[0] * 6)
  })

  it('should join a rare value in the database when the windows hold too few', async () => {
    const { calls, payload } = fakePayload(news(500, 100))
    const page = await findPage<Doc>(payload, query('rare', 5), (doc) => doc.publishedAt)
    expect(page.docs.map((doc) => doc.id)).toEqual([401, 301, 201, 101, 1])
    expect(page.hasNextPage).toBe(false)
    expect(calls.at(-1)?.joined).toBe(true)
  })

  it('should answer from the windows when they reach the last document', async () => {
    const { calls, payload } = fakePayload(news(20, 7))
    const page = await findPage<Doc>(payload, query('rare', 5), (doc) => doc.publishedAt)
    expect(page.docs.map((doc) => doc.id)).toEqual([15, 8, 1])
    expect(page.hasNextPage).toBe(false)
    expect(page.nextCursor).toBeNull()
    expect(calls.every((call) => !call.joined)).toBe(true)
  })

  it('should answer no document for a value none holds', async () => {
    const { payload } = fakePayload(news(20, 7))
    const page = await findPage<Doc>(payload, query('absent', 5), (doc) => doc.publishedAt)
    expect(page).toEqual({ docs: [], hasNextPage: false, nextCursor: null })
  })
})
