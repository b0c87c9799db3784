import { randomUUID } from 'node:crypto'

import type { Feed, FeedChange } from '@etw/payload-plugin'
import type { Payload } from 'payload'

import pg from 'pg'

import type { DatabaseTarget } from './database'

/** The PostgreSQL channel on which instances announce changes. */
export const CHANGES_CHANNEL = 'etw_feed_changes'

/** Milliseconds after a change when its bans are sent a second time. */
export const BAN_REPEAT_MS = 1_000

/** What an instance announces: who made the change, and what changed. */
export interface ChangeMessage {
  instance: string
  collection: string
}

/**
 * The public pages an HTTP cache keeps (a regular expression, PCRE as Varnish reads it, on the path
 * and query): home (`/`, `/{locale}`), the lists and items under `/{locale}/news` and `/{locale}/events`, and the
 * sitemaps; not the API, and not `robots.txt`, the stylesheet or the icon, which no content
 * changes.
 */
export const PUBLIC_PAGES_URL =
  '^/(?!api(?:$|[/?]))(?:$|\\?|sitemap[^/]*\\.xml|[a-z]{2,3}(?:-[a-z0-9]{2,8})?(?:$|[/?]))'

/**
 * The URL patterns (PCRE regular expressions on the path and query) of the HTTP cache's objects
 * that a change of `collection` may alter. A change of something the feed joins in (an
 * organization's name, an image's alt text, the settings) reaches every feed route. Every change
 * reaches every public page: home shows the latest news, events and counters, items link to
 * related items, and the sitemaps list them all.
 */
export const affectedUrls = (collection: string): string[] => {
  switch (collection) {
    case 'news':
      return ['^/api/etw/v1/news', PUBLIC_PAGES_URL]
    case 'events':
      return ['^/api/etw/v1/events', PUBLIC_PAGES_URL]
    case 'statistics':
      return ['^/api/etw/v1/stats', PUBLIC_PAGES_URL]
    default:
      return ['^/api/etw/', PUBLIC_PAGES_URL]
  }
}

/** Reads `ETW_HTTP_CACHE_BAN_URLS`: the HTTP caches (Varnish) to send bans to, comma-separated. */
export const readBanUrls = (
  env: Readonly<Record<string, string | undefined>> = process.env,
): string[] =>
  (env.ETW_HTTP_CACHE_BAN_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)

/**
 * Sends one `BAN` request per pattern to every cache in `urls`, with the pattern in `X-Ban-Url`
 * (the shipped `varnish.vcl` bans the objects whose URL matches). Failures are logged: the
 * objects then expire with their `s-maxage`.
 */
export const banInHttpCaches = async (
  urls: string[],
  patterns: string[],
  onError: (error: unknown, url: string) => void,
): Promise<void> => {
  await Promise.all(
    urls.flatMap((url) =>
      patterns.map(async (pattern) => {
        try {
          const response = await fetch(url, {
            method: 'BAN',
            headers: { 'x-ban-url': pattern },
            signal: AbortSignal.timeout(2_000),
          })
          await response.arrayBuffer()
          if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
        } catch (error) {
          onError(error, url)
        }
      }),
    ),
  )
}

/** What the drizzle adapter keeps per open transaction (`payload.db.sessions`). */
interface DrizzleAdapter {
  drizzle: { execute: (query: unknown) => Promise<unknown> }
  sessions?: Record<string, { db: { execute: (query: unknown) => Promise<unknown> } }>
}

/** Key of the PostgreSQL advisory lock whose holder runs the scheduled jobs. */
export const JOBS_LOCK_KEY = 724_017_001

export interface InstanceSync {
  /** This instance's id in the messages. */
  instance: string
  /**
   * Whether this instance runs the scheduled jobs: it holds (or now takes) the session-level
   * advisory lock {@link JOBS_LOCK_KEY} on its listening connection. One instance holds it at a
   * time; when that instance stops or dies, its connection closes, the lock is free, and the next
   * instance to ask takes it. Payload's own claiming of jobs is not atomic across processes, so
   * without this several instances may run one job.
   */
  runsJobs: () => Promise<boolean>
  stop: () => Promise<void>
}

/**
 * Keeps the caches of several instances on one PostgreSQL database in step:
 *
 * - a change on this instance sends `NOTIFY etw_feed_changes` inside the change's transaction, so
 *   the other instances hear of it when it commits (never before: they would cache the old
 *   content again);
 * - every instance, this one included, clears its feed cache when it hears a change, and the
 *   instance that made it bans the affected objects in the HTTP caches (`ETW_HTTP_CACHE_BAN_URLS`),
 *   at once and again {@link BAN_REPEAT_MS} later;
 * - a lost listening connection is reconnected (every second at first, then every 5 s) and the
 *   cache cleared once it is back, since changes may have been missed meanwhile; the feed's cache
 *   TTL bounds staleness while it is down.
 *
 * - the same connection elects the one instance that runs scheduled jobs ({@link InstanceSync.runsJobs}).
 *
 * On SQLite and MongoDB nothing is started: one instance clears its own cache on change.
 */
export const startInstanceSync = async (options: {
  payload: Payload
  feed: Feed
  target: DatabaseTarget
  banUrls: string[]
  /**
   * Called with the collection of each change heard (this instance's too, once committed), and
   * with `undefined` when changes may have been missed: for caches other than the feed's.
   */
  onHeard?: (collection: string | undefined) => void
}): Promise<InstanceSync | undefined> => {
  const { payload, feed, target, banUrls, onHeard } = options
  if (target.kind !== 'postgres') return undefined
  const { sql } = await import('@payloadcms/db-postgres/drizzle')
  const instance = randomUUID()
  const adapter = payload.db as unknown as DrizzleAdapter
  const logError = (error: unknown, url: string) =>
    payload.logger.error({ err: error }, `HTTP cache ban at ${url} failed`)

  const announce = async ({ collection, req }: FeedChange) => {
    const message = JSON.stringify({ instance, collection } satisfies ChangeMessage)
    const session = req.transactionID ? adapter.sessions?.[await req.transactionID] : undefined
    await (session?.db ?? adapter.drizzle).execute(
      sql`select pg_notify(${CHANGES_CHANNEL}, ${message})`,
    )
  }
  const removeListener = feed.onChange(announce)

  const hear = (payloadText: string | undefined) => {
    feed.invalidate()
    let message: Partial<ChangeMessage> = {}
    try {
      message = JSON.parse(payloadText ?? '{}') as Partial<ChangeMessage>
    } catch {
      // An unreadable message still clears the cache.
    }
    onHeard?.(message.collection)
    if (message.instance === instance && banUrls.length > 0) {
      const patterns = affectedUrls(message.collection ?? '')
      void banInHttpCaches(banUrls, patterns, logError)
      // A fetch the cache had in flight at the ban may store an answer computed before the
      // commit; a second ban, once such fetches are over, drops it.
      setTimeout(() => void banInHttpCaches(banUrls, patterns, logError), BAN_REPEAT_MS).unref()
    }
  }

  let stopped = false
  let client: pg.Client | undefined
  let holdsJobsLock = false
  let retry: NodeJS.Timeout | undefined
  let failures = 0

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 3_000 })
    next.on('notification', (notification) => hear(notification.payload))
    next.on('error', () => lost(next, 'connection error'))
    next.on('end', () => lost(next, 'connection ended'))
    try {
      await next.connect()
      await next.query(`LISTEN ${CHANGES_CHANNEL}`)
    } catch (error) {
      next.removeAllListeners('end')
      await next.end().catch(() => undefined)
      throw error
    }
    client = next
    holdsJobsLock = false
    if (failures > 0) {
      // Changes made while this instance was not listening were not heard.
      feed.invalidate()
      onHeard?.(undefined)
      payload.logger.info('instance sync: listening again; feed cache cleared')
    }
    failures = 0
  }

  const schedule = () => {
    if (stopped || retry) return
    retry = setTimeout(
      () => {
        retry = undefined
        connect().catch(() => {
          failures += 1
          schedule()
        })
      },
      failures < 5 ? 1_000 : 5_000,
    )
    retry.unref()
  }

  const lost = (which: pg.Client, reason: string) => {
    if (stopped || client !== which) return
    client = undefined
    holdsJobsLock = false
    failures += 1
    payload.logger.warn(
      `instance sync: ${reason}; other instances' changes reach this one after the feed cache TTL until it reconnects`,
    )
    which.removeAllListeners('end')
    void which.end().catch(() => undefined)
    schedule()
  }

  await connect()
  return {
    instance,
    runsJobs: async () => {
      const current = client
      if (!current) return false
      if (holdsJobsLock) return true
      try {
        const result = await current.query<{ locked: boolean }>(
          'select pg_try_advisory_lock($1) as locked',
          [JOBS_LOCK_KEY],
        )
        holdsJobsLock = client === current && result.rows[0]?.locked === true
      } catch {
        holdsJobsLock = false
      }
      return holdsJobsLock
    },
    stop: async () => {
      stopped = true
      removeListener()
      if (retry) clearTimeout(retry)
      const current = client
      client = undefined
      await current?.end().catch(() => undefined)
    },
  }
}
