import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  bestContentLocale,
  LOCALE_TAG,
  MAX_LOCALE_LENGTH,
} from '../../../packages/payload-plugin/src/contract/locale-tags'
import { article, events, news, stats, statsCompare, statsHistory } from './fixtures'

const widgetsDir = fileURLToPath(new URL('../..', import.meta.url))

/** How the fake feed API answers. */
export type ApiMode =
  /** Fixture JSON. */
  | 'ok'
  /** Every connection is dropped (a network error, as when the CMS is down). */
  | 'down'
  /** 503 with `Retry-After: 1` once per URL, then fixture JSON. */
  | 'retry-after'
  /** Fixture JSON and images after 400 ms, so that the page is painted with the fallbacks first. */
  | 'slow'

export interface Page {
  html: string
  /** Content-Security-Policy header of the page. */
  csp?: string
}

export interface TestServer {
  origin: string
  mode: ApiMode
  /** Feed API requests received (path and query). */
  requests: { url: string; at: number }[]
  /** Content locales of the fake CMS, the default first: any other `locale` is answered in the best of them, as by the feed. */
  locales: string[]
  pages: Map<string, Page>
  close: () => Promise<void>
}

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360"><rect width="640" height="360" fill="#0b57a4"/><circle cx="320" cy="180" r="90" fill="#ffd43b"/></svg>`

/**
 * A tiny CMS stand-in on `node:http`: the built loader at `/widgets/etw-widgets.js` and its chunks
 * under `/widgets/chunks/`, the demo page at
 * `/widgets/demo/`, fixture JSON at `/api/etw/v1/*`, and test pages registered in `pages`.
 */
export const startServer = async (host = '127.0.0.1'): Promise<TestServer> => {
  const failedOnce = new Set<string>()
  const state: TestServer = {
    origin: '',
    mode: 'ok',
    requests: [],
    locales: ['en', 'uk', 'az'],
    pages: new Map(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', state.origin)
    if (state.mode === 'slow' && /^\/(api|media)\//.test(url.pathname)) {
      setTimeout(() => answer(req, res, url), 400)
    } else answer(req, res, url)
  })
  const answer = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const send = (status: number, type: string, body: string, headers = {}) => {
      // No connection is reused: Chromium silently repeats a request once when a reused
      // connection closes, which would make one dropped request (mode "down") count twice.
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        connection: 'close',
        ...headers,
      })
      res.end(body)
    }
    const page = state.pages.get(url.pathname)
    if (page) {
      return send(
        200,
        types['.html']!,
        page.html,
        page.csp ? { 'content-security-policy': page.csp } : {},
      )
    }
    if (url.pathname.startsWith('/widgets/')) {
      // The loader and its chunks come from the build; the demo page from its folder.
      const rel =
        url.pathname === '/widgets/etw-widgets.js' || url.pathname.startsWith('/widgets/chunks/')
          ? `dist/${url.pathname.slice(9)}`
          : url.pathname.slice(9)
      const path = join(widgetsDir, rel.endsWith('/') ? `${rel}index.html` : rel)
      if (!path.startsWith(widgetsDir)) return send(403, 'text/plain', 'forbidden')
      try {
        const type = types[extname(path)] ?? 'application/octet-stream'
        // The demo page is served as the CMS should: under a strict CSP of its own origin.
        // Module chunks are fetched in CORS mode by pages of other origins, as from the CMS.
        const headers = type.startsWith('text/html')
          ? { 'content-security-policy': strictCsp("'self'") }
          : { 'access-control-allow-origin': '*' }
        return send(200, type, readFileSync(path, 'utf8'), headers)
      } catch {
        return send(404, 'text/plain', 'not found')
      }
    }
    if (url.pathname.startsWith('/media/')) return send(200, 'image/svg+xml', svg)
    if (url.pathname.startsWith('/api/etw/v1/')) {
      // Cross-origin pages can read Retry-After only when it is exposed.
      const cors: Record<string, string> = {
        'access-control-allow-origin': '*',
        'access-control-expose-headers': 'ETag, Retry-After',
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...cors,
          'access-control-allow-headers': 'If-None-Match, Content-Type',
        })
        return res.end()
      }
      state.requests.push({ url: url.pathname + url.search, at: Date.now() })
      if (state.mode === 'down') return req.socket.destroy()
      if (state.mode === 'retry-after' && !failedOnce.has(url.href)) {
        failedOnce.add(url.href)
        const body = { error: { code: 'unavailable', message: 'Try again shortly.' } }
        return send(503, 'application/json', JSON.stringify(body), { ...cors, 'retry-after': '1' })
      }
      const endpoint = url.pathname.slice('/api/etw/v1/'.length)
      // As the feed: any language tag is taken and answered in the best content locale there is
      // (exact, then its language, then the default), which the answer names; a malformed one is a 400.
      const locale = url.searchParams.get('locale')
      if (locale !== null) {
        if (!LOCALE_TAG.test(locale) || locale.length > MAX_LOCALE_LENGTH) {
          const body = {
            error: {
              code: 'invalid_parameter',
              message: '"locale" must be a BCP 47 language tag such as en or pt-BR.',
              parameter: 'locale',
            },
          }
          return send(400, 'application/json', JSON.stringify(body), cors)
        }
        const served = bestContentLocale(locale, state.locales, state.locales[0]!)
        url.searchParams.set('locale', served)
        cors['content-language'] = served
      }
      const json =
        endpoint === 'stats'
          ? stats(url.searchParams)
          : endpoint === 'stats/history'
            ? statsHistory(url.searchParams)
            : endpoint === 'stats/compare'
              ? statsCompare(url.searchParams)
              : endpoint === 'news'
                ? news(url.searchParams, state.origin)
                : endpoint === 'events'
                  ? events(url.searchParams, state.origin)
                  : endpoint.startsWith('news/')
                    ? article(decodeURIComponent(endpoint.slice(5)), url.searchParams, state.origin)
                    : undefined
      if (endpoint === 'events.ics') {
        return send(200, 'text/calendar', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', cors)
      }
      if (!json) {
        const body = { error: { code: 'not_found', message: 'Unknown feed.' } }
        return send(404, 'application/json', JSON.stringify(body), cors)
      }
      return send(200, 'application/json', JSON.stringify(json), cors)
    }
    send(404, 'text/plain', 'not found')
  }
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  state.origin = `http://${host}:${(server.address() as AddressInfo).port}`
  return state
}

/** A strict CSP for a page embedding widgets from `cms`. */
export const strictCsp = (cms: string) =>
  [
    "default-src 'none'",
    `script-src ${cms}`,
    `style-src ${cms}`,
    `img-src ${cms} data:`,
    `connect-src ${cms}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ')

/** A minimal accessible page around `body`. */
export const html = (body: string, { lang = 'en', head = '' } = {}) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Widgets test</title><link rel="icon" href="data:,">${head}</head><body><main><h1>Widgets test</h1>${body}</main></body></html>`
