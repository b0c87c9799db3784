import { describe, expect, it } from 'vitest'

import { matchFeedRoute, splitUrl } from './routes'

describe('matchFeedRoute', () => {
  it('should find every feed route under the API route', () => {
    expect(matchFeedRoute('/api/etw/v1/news', '/api')).toBe('news')
    expect(matchFeedRoute('/api/etw/v1/news.rss', '/api')).toBe('newsRss')
    expect(matchFeedRoute('/api/etw/v1/stats/history', '/api')).toBe('statsHistory')
    expect(matchFeedRoute('/api/health', '/api')).toBe('health')
  })

  it('should find the single-item routes by their last segment', () => {
    expect(matchFeedRoute('/api/etw/v1/news/zustrich-u-kyievi', '/api')).toBe('newsItem')
    expect(matchFeedRoute('/api/etw/v1/events/baku-seminar', '/api')).toBe('eventItem')
  })

  it('should honour another API route', () => {
    expect(matchFeedRoute('/cms-api/etw/v1/events.ics', '/cms-api')).toBe('eventsIcs')
    expect(matchFeedRoute('/api/etw/v1/events.ics', '/cms-api')).toBeNull()
  })

  it('should not claim other paths', () => {
    expect(matchFeedRoute('/api/news', '/api')).toBeNull()
    expect(matchFeedRoute('/api/etw/v1/news/a/b', '/api')).toBeNull()
    expect(matchFeedRoute('/api/etw/v1/news/', '/api')).toBeNull()
    expect(matchFeedRoute('/admin', '/api')).toBeNull()
  })
})

describe('splitUrl', () => {
  it('should split path and query and drop a fragment', () => {
    expect(splitUrl('/api/etw/v1/news?limit=5#top')).toEqual({
      pathname: '/api/etw/v1/news',
      search: 'limit=5',
    })
  })

  it('should not read a scheme-relative target as a host', () => {
    expect(splitUrl('//evil.example/api/health').pathname).toBe('//evil.example/api/health')
  })
})
