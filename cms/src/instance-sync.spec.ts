import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'

import { describe, expect, it } from 'vitest'

import { PUBLIC_PAGES_URL, affectedUrls, banInHttpCaches, readBanUrls } from './instance-sync'

describe('affectedUrls', () => {
  it('should ban the news routes and the public pages for a news change', () => {
    expect(affectedUrls('news')).toEqual(['^/api/etw/v1/news', PUBLIC_PAGES_URL])
  })

  it('should ban every feed route and the public pages for a change the feed joins in', () => {
    expect(affectedUrls('organizations')).toEqual(['^/api/etw/', PUBLIC_PAGES_URL])
    expect(affectedUrls('media')).toEqual(['^/api/etw/', PUBLIC_PAGES_URL])
  })

  it('should match the public pages and not the API, the admin or static files', () => {
    const pages = new RegExp(PUBLIC_PAGES_URL)
    for (const url of ['/', '/?utm=x', '/uk', '/en/', '/uk/news?page=2', '/az/events/x']) {
      expect(pages.test(url), url).toBe(true)
    }
    for (const url of ['/sitemap.xml', '/sitemap-news-1.xml'])
      expect(pages.test(url), url).toBe(true)
    for (const url of ['/api', '/api/etw/v1/news', '/api/news', '/admin', '/robots.txt']) {
      expect(pages.test(url), url).toBe(false)
    }
    for (const url of [
      '/etw-site.css',
      '/etw-icon.svg',
      '/widgets/etw-widgets.js',
      '/_next/x',
      '/media/a.png',
    ]) {
      expect(pages.test(url), url).toBe(false)
    }
  })
})

describe('readBanUrls', () => {
  it('should read a comma-separated list and ignore blanks', () => {
    expect(readBanUrls({ ETW_HTTP_CACHE_BAN_URLS: ' http://a:6081, ,http://b:6081' })).toEqual([
      'http://a:6081',
      'http://b:6081',
    ])
    expect(readBanUrls({})).toEqual([])
  })
})

describe('banInHttpCaches', () => {
  it('should send one BAN per pattern with the pattern in X-Ban-Url', async () => {
    const seen: string[] = []
    // A raw socket: Node's HTTP parser refuses methods it does not know, Varnish takes BAN.
    const server = createServer((socket) => {
      socket.once('data', (chunk: Buffer) => {
        const text = chunk.toString()
        const pattern = /^x-ban-url: (.*)$/im.exec(text)?.[1]?.trim()
        seen.push(`${text.split(' ', 1)[0]} ${pattern}`)
        socket.end('HTTP/1.1 200 OK\r\ncontent-length: 6\r\nconnection: close\r\n\r\nBanned')
      })
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const { port } = server.address() as AddressInfo
    const failures: unknown[] = []
    await banInHttpCaches(
      [`http://127.0.0.1:${port}`],
      ['^/api/etw/v1/news', '^/api/etw/'],
      (error) => failures.push(error),
    )
    server.close()
    expect(seen.sort()).toEqual(['BAN ^/api/etw/', 'BAN ^/api/etw/v1/news'])
    expect(failures).toEqual([])
  })

  it('should report a cache that does not answer, without throwing', async () => {
    const failures: string[] = []
    await banInHttpCaches(['http://127.0.0.1:1'], ['^/api/etw/'], (_error, url) =>
      failures.push(url),
    )
    expect(failures).toEqual(['http://127.0.0.1:1'])
  })
})
