import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Feed } from '@etw/payload-plugin'

/**
 * Paths of the public site (home, `/{locale}/…`, `/news/…`, `/events/…`, sitemaps, robots.txt, the
 * stylesheet and the icon). The feed decides which of them exist; `/admin` and Next's own paths never match.
 */
const PUBLIC_PAGE =
  /^\/(?:$|\?|robots\.txt|sitemap[\w-]*\.xml|etw-site\.css|etw-icon\.svg|(?:news|events)\/|[a-z]{2,3}(?:-[a-z0-9]{2,8})?(?:$|[/?]))/i

/** Whether `url` (path and query) belongs to the public feed, the health check or the public pages. */
export const isFeedPath = (url: string): boolean =>
  url.startsWith('/api/etw/') ||
  /^\/api\/health(\?|$)/.test(url) ||
  (!/^\/api(?:$|[/?])/.test(url) && PUBLIC_PAGE.test(url))

/**
 * Answers a feed request on a plain Node server. Resolves `false` when the feed does not know the
 * path, so the caller can hand the request on (to Next). Failures become a JSON 500, never a
 * dropped connection.
 */
export const serveFeed = async (
  feed: Feed,
  req: IncomingMessage,
  res: ServerResponse,
  onError: (error: unknown) => void = () => undefined,
): Promise<boolean> => {
  try {
    const result = await feed.handle({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
    })
    if (!result) return false
    res.writeHead(result.status, result.headers)
    // The feed already leaves the body empty for HEAD.
    res.end(result.body)
  } catch (error) {
    onError(error)
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    }
    res.end(JSON.stringify({ error: { code: 'internal', message: 'Internal server error' } }))
  }
  return true
}
