/** The feed's routes, relative to Payload's API route (`/api`). */
export const FEED_ROUTES = {
  eventItem: '/etw/v1/events/:slug',
  events: '/etw/v1/events',
  eventsIcs: '/etw/v1/events.ics',
  health: '/health',
  news: '/etw/v1/news',
  newsItem: '/etw/v1/news/:slug',
  newsRss: '/etw/v1/news.rss',
  stats: '/etw/v1/stats',
  statsCompare: '/etw/v1/stats/compare',
  statsHistory: '/etw/v1/stats/history',
} as const

/** One of the feed's routes. */
export type FeedRoute = keyof typeof FEED_ROUTES

const entries = Object.entries(FEED_ROUTES) as [FeedRoute, string][]

const byPath = new Map<string, FeedRoute>(
  entries.filter(([, path]) => !path.includes('/:')).map(([route, path]) => [path, route]),
)

/** Routes with a `:parameter` segment, which matches one non-empty path segment. */
const patterns = entries
  .filter(([, path]) => path.includes('/:'))
  .map(([route, path]): [FeedRoute, RegExp] => [
    route,
    new RegExp(`^${path.replace(/\/:[a-z]+/gi, '/[^/]+').replace(/\./g, '\\.')}$`),
  ])

/** Splits a request target (`/api/etw/v1/news?limit=5#x`) into its path and query string. */
export const splitUrl = (url: string): { pathname: string; search: string } => {
  const withoutFragment = url.split('#', 1)[0] ?? ''
  const queryStart = withoutFragment.indexOf('?')
  if (queryStart === -1) return { pathname: withoutFragment, search: '' }
  return {
    pathname: withoutFragment.slice(0, queryStart),
    search: withoutFragment.slice(queryStart + 1),
  }
}

/**
 * The feed route of `pathname` under the API route `apiRoute` (`/api`), or `null` when the path is
 * not one of the feed's.
 */
export const matchFeedRoute = (pathname: string, apiRoute: string): FeedRoute | null => {
  const base = apiRoute.replace(/\/+$/, '')
  if (!pathname.startsWith(`${base}/`)) return null
  const path = pathname.slice(base.length)
  return byPath.get(path) ?? patterns.find(([, pattern]) => pattern.test(path))?.[0] ?? null
}
