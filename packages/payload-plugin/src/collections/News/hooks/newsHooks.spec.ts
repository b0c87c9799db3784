import type { CollectionBeforeChangeHook, FieldHook } from 'payload'

import { describe, expect, it } from 'vitest'

import { normalizeTags } from './normalizeTags'
import { setPublishedAt } from './setPublishedAt'

const publish = (data: Record<string, unknown>, originalDoc?: Record<string, unknown>) =>
  setPublishedAt({ data, originalDoc } as unknown as Parameters<CollectionBeforeChangeHook>[0])

describe('setPublishedAt', () => {
  it('should date the first publication', () => {
    const data = publish({ _status: 'published' })
    expect(Date.parse(data.publishedAt)).toBeGreaterThan(Date.now() - 5_000)
  })

  it('should keep a date the editor set', () => {
    expect(
      publish({ _status: 'published', publishedAt: '2023-05-15T00:00:00.000Z' }).publishedAt,
    ).toBe('2023-05-15T00:00:00.000Z')
  })

  it('should keep the date of an earlier publication', () => {
    const data = publish({ _status: 'published' }, { publishedAt: '2023-05-15T00:00:00.000Z' })
    expect(data.publishedAt).toBeUndefined()
  })

  it('should not date a draft', () => {
    expect(publish({ _status: 'draft' }).publishedAt).toBeUndefined()
  })
})

describe('normalizeTags', () => {
  it('should trim, lower-case and de-duplicate tags', () => {
    const value = [' Erasmus+ ', 'erasmus+', '', 'STEM']
    expect(normalizeTags({ value } as unknown as Parameters<FieldHook>[0])).toEqual([
      'erasmus+',
      'stem',
    ])
  })
})
