import { describe, expect, it } from 'vitest'

import { boundedListQueryCost, listQueryCost, UNBOUNDED_PAGE_SIZE } from './cost'

describe('listQueryCost', () => {
  it('should count the selection once for the default page of ten', () => {
    expect(listQueryCost({ args: {}, childComplexity: 5 })).toBe(6)
  })

  it('should count the selection once per started page of ten', () => {
    expect(listQueryCost({ args: { limit: 50 }, childComplexity: 5 })).toBe(26)
    expect(listQueryCost({ args: { limit: 51 }, childComplexity: 5 })).toBe(31)
  })

  it('should price limit 0 and pagination false as every document', () => {
    const unbounded = 1 + 5 * (UNBOUNDED_PAGE_SIZE / 10)
    expect(listQueryCost({ args: { limit: 0 }, childComplexity: 5 })).toBe(unbounded)
    expect(listQueryCost({ args: { limit: -1 }, childComplexity: 5 })).toBe(unbounded)
    expect(listQueryCost({ args: { pagination: false }, childComplexity: 5 })).toBe(unbounded)
  })

  it('should price every document of a clamped collection as its 100-document clamp', () => {
    const clamped = 1 + 5 * (100 / 10)
    expect(boundedListQueryCost({ args: { limit: 0 }, childComplexity: 5 })).toBe(clamped)
    expect(boundedListQueryCost({ args: { pagination: false }, childComplexity: 5 })).toBe(clamped)
    expect(boundedListQueryCost({ args: { limit: 100_000 }, childComplexity: 5 })).toBe(clamped)
    expect(boundedListQueryCost({ args: { limit: 20 }, childComplexity: 5 })).toBe(11)
  })
})
