import { describe, expect, it } from 'vitest'

import { createResponseMemo, MEMO_MAX_ENTRIES, MEMO_MS, memoKey } from './memo'

const response = { status: 200, headers: {}, body: 'x' }

describe('createResponseMemo', () => {
  it('should return a remembered answer within its lifetime', () => {
    let time = 0
    const memo = createResponseMemo(() => time)
    memo.set('k', response)
    time = MEMO_MS - 1
    expect(memo.get('k')).toBe(response)
  })

  it('should forget an answer after its lifetime', () => {
    let time = 0
    const memo = createResponseMemo(() => time)
    memo.set('k', response)
    time = MEMO_MS
    expect(memo.get('k')).toBeUndefined()
  })

  it('should forget everything on clear', () => {
    const memo = createResponseMemo()
    memo.set('k', response)
    memo.clear()
    expect(memo.get('k')).toBeUndefined()
  })

  it('should stay bounded', () => {
    const memo = createResponseMemo()
    for (let i = 0; i <= MEMO_MAX_ENTRIES; i += 1) memo.set(String(i), response)
    expect(memo.size).toBeLessThanOrEqual(MEMO_MAX_ENTRIES)
  })
})

describe('memoKey', () => {
  it('should tell apart encodings and validators of the same URL', () => {
    const a = memoKey('GET', '/api/etw/v1/news', 'http://h', 'gzip', undefined)
    const b = memoKey('GET', '/api/etw/v1/news', 'http://h', 'br', undefined)
    const c = memoKey('GET', '/api/etw/v1/news', 'http://h', 'gzip', '"e"')
    expect(new Set([a, b, c]).size).toBe(3)
  })

  it('should not memoize other methods', () => {
    expect(memoKey('OPTIONS', '/api/etw/v1/news', 'http://h', undefined, undefined)).toBeUndefined()
  })
})
