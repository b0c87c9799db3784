import { describe, expect, it } from 'vitest'

import { decodeCursor, encodeCursor } from './cursor'
import { FeedError } from './errors'

const cursor = { id: 17, order: 'news', page: 2, value: '2025-02-07T12:00:00.000Z' }

describe('cursor', () => {
  it('should decode what it encoded', () => {
    expect(decodeCursor(encodeCursor(cursor), 'news', 'number')).toEqual(cursor)
  })

  it('should be URL-safe text', () => {
    expect(encodeCursor(cursor)).toMatch(/^[A-Za-z0-9_-]+$/)
  })

  it('should refuse a cursor of another ordering', () => {
    expect(() => decodeCursor(encodeCursor(cursor), 'events:asc', 'number')).toThrow(FeedError)
  })

  it('should refuse a tampered cursor, naming the parameter', () => {
    const tampered = Buffer.from(JSON.stringify([1, 'news', 'yesterday', 17, 2])).toString(
      'base64url',
    )
    try {
      decodeCursor(tampered, 'news', 'number')
      expect.unreachable()
    } catch (error) {
      expect((error as FeedError).parameter).toBe('cursor')
    }
  })

  it('should refuse text that is not base64url JSON', () => {
    expect(() => decodeCursor('not a cursor!', 'news', 'number')).toThrow(FeedError)
    expect(() => decodeCursor('e30', 'news', 'number')).toThrow(FeedError)
  })

  it('should refuse an id of the wrong type', () => {
    const text = encodeCursor({ ...cursor, id: 'abc' })
    expect(() => decodeCursor(text, 'news', 'number')).toThrow(FeedError)
  })
})
