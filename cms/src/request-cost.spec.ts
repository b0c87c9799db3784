import { parse } from 'graphql'
import { describe, expect, it } from 'vitest'

import type { CostBounds } from './request-cost'
import { graphQLCost, restCost } from './request-cost'

const bounds: CostBounds = { maxLimit: 100, defaultLimit: 10, maxDepth: 3, defaultDepth: 2 }

describe('restCost', () => {
  it('should cost a clamped 100-document list at depth 3 800 points, whatever it asked', () => {
    expect(restCost('GET', '/api/news?limit=100&depth=3', bounds)).toBe(800)
    expect(restCost('GET', '/api/news?limit=100000&depth=10', bounds)).toBe(800)
    expect(restCost('GET', '/api/news?pagination=false&depth=100', bounds)).toBe(800)
    expect(restCost('GET', '/api/news?limit=0&depth=3', bounds)).toBe(800)
  })

  it('should cost small reads 1 or 2 points', () => {
    expect(restCost('GET', '/api/organizations?limit=1&depth=0', bounds)).toBe(1)
    expect(restCost('GET', '/api/news?limit=10&depth=0', bounds)).toBe(2)
    expect(restCost('GET', '/api/news/12?depth=1', bounds)).toBe(1)
    expect(restCost('GET', '/api/news/12?depth=3', bounds)).toBe(8)
  })

  it('should use the default page size and depth when the request gives none', () => {
    // 10 documents at depth 2.
    expect(restCost('GET', '/api/news', bounds)).toBe(20)
  })

  it('should cost writes 1 point, and a route of one document like one document', () => {
    expect(restCost('POST', '/api/news', bounds)).toBe(1)
    expect(restCost('PATCH', '/api/news/3', bounds)).toBe(1)
    // One document at the default depth 2.
    expect(restCost('GET', '/api/users/me', bounds)).toBe(2)
    expect(restCost('GET', '/api', bounds)).toBe(1)
  })
})

describe('graphQLCost', () => {
  const cost = (query: string) => graphQLCost(parse(query), bounds)

  it('should cost a widget-sized list a few points', () => {
    expect(cost('{ News(limit: 5) { docs { id title } } }')).toBe(2)
    expect(
      cost('{ News(limit: 5, sort: "-publishedAt") { docs { id title slug publishedAt } } }'),
    ).toBe(4)
  })

  it('should cost a 100-document list with relationships by every field it reads', () => {
    const deep = cost(
      '{ News(limit: 100) { docs { id title relatedEvents { id title relatedNews { id } } } } }',
    )
    expect(deep).toBeGreaterThan(100)
  })

  it('should take a variable or 0 as the largest page, and no limit as the default page', () => {
    expect(cost('query($n: Int) { News(limit: $n) { docs { id } } }')).toBe(
      cost('{ News(limit: 100) { docs { id } } }'),
    )
    expect(cost('{ News { docs { id } } }')).toBe(cost('{ News(limit: 10) { docs { id } } }'))
  })

  it('should count aliases and fragments where they are used', () => {
    const one = cost('{ News(limit: 100) { docs { id title } } }')
    const aliased = cost(
      `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: News(limit: 100) { docs { id title } }`).join(' ')} }`,
    )
    expect(aliased).toBeGreaterThanOrEqual(one * 10 - 10)
    expect(cost('fragment F on News { id title } { News(limit: 100) { docs { ...F } } }')).toBe(one)
  })
})
