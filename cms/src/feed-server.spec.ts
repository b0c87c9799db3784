import { describe, expect, it } from 'vitest'

import { isFeedPath } from './feed-server'

describe('isFeedPath', () => {
  it('should take the feed, the health check and the public pages', () => {
    for (const url of [
      '/api/etw/v1/news?limit=1',
      '/api/health',
      '/',
      '/?utm=1',
      '/uk',
      '/uk/news/a',
      '/news/a',
      '/sitemap.xml',
      '/sitemap-news-1.xml',
      '/robots.txt',
      '/etw-site.css',
      '/etw-icon.svg',
    ]) {
      expect(isFeedPath(url), url).toBe(true)
    }
  })

  it('should leave the admin, REST, GraphQL and Next’s assets to Next', () => {
    for (const url of [
      '/admin',
      '/api/news',
      '/api/graphql',
      '/api',
      '/_next/static/a.js',
      '/favicon.ico',
      '/widgets/demo',
    ]) {
      expect(isFeedPath(url), url).toBe(false)
    }
  })
})
