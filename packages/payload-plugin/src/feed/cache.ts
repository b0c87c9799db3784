import { LRUCache } from 'lru-cache'

import type { EncodedBodies } from './compression'

/** A cached feed answer: the body in every coding, with what the headers need. */
export interface CacheEntry {
  bodies: EncodedBodies
  contentType: string
  /** Hash of the uncompressed body, for the entity tags. */
  hash: string
  /**
   * Set on an answer given because producing a fresh one failed: an expired entry, or one from
   * before the last change. Such an answer must not be kept long by HTTP caches.
   */
  stale?: true
}

/** The generation of entries that are never answered fresh, only when producing fails. */
const FALLBACK_ONLY = -1

/**
 * What the LRU holds: an entry, the cache generation it was produced in, and, for one produced
 * while a change settled, when it stops being answered.
 */
interface Stored {
  entry: CacheEntry
  generation: number
  until?: number
}

/**
 * After a change, a database transaction may still be committing while the hooks have already
 * cleared the cache; answers computed during this many milliseconds after a change are answered
 * from the cache only until the window ends (then computed again), so a read that raced the
 * commit cannot keep old content for longer, as the response memo cannot either.
 */
export const SETTLE_MS = 1000

/**
 * The cache key of a request: the route, its parameters with defaults applied in name order, and
 * the origin absolute links are made with. Two requests that mean the same thing
 * (`?limit=5&locale=en` and `?locale=en`) get the same key.
 */
export const cacheKey = (
  route: string,
  params: Readonly<
    Record<string, boolean | number | string | readonly string[] | null | undefined>
  >,
  origin: string,
): string => {
  const parts = Object.keys(params)
    .sort()
    .flatMap((name) => {
      const value = params[name]
      if (value === undefined || value === null) return []
      const text = Array.isArray(value) ? value.join(',') : String(value)
      return [`${encodeURIComponent(name)}=${encodeURIComponent(text)}`]
    })
  return `${route}?${parts.join('&')} ${origin}`
}

const storedSize = (stored: Stored, key: string): number => entrySize(key, stored.entry)

const entrySize = (key: string, entry: CacheEntry): number =>
  key.length * 2 +
  entry.bodies.identity.byteLength +
  (entry.bodies.br?.byteLength ?? 0) +
  (entry.bodies.gzip?.byteLength ?? 0) +
  256

/** An in-process cache of feed answers, bounded in bytes, with a TTL. */
export interface FeedCache {
  /**
   * The entry for `key`, computing it with `produce` when missing or expired. Concurrent misses of
   * one key share a single computation. When `produce` fails, the last entry of `key` (expired,
   * or from before a clear) is answered with `stale` set, if there is one (stale-if-error);
   * otherwise the failure is passed on.
   */
  get(key: string, produce: () => Promise<CacheEntry>): Promise<CacheEntry>
  /**
   * Makes every entry stale: the next request of each key computes a fresh answer, and answers
   * still being computed are not stored. Stale entries stay, within the byte bound, only to answer
   * when computing fails.
   */
  clear(): void
  /** Bytes held. */
  readonly size: number
}

/** A {@link FeedCache} of at most `maxBytes`, whose entries live `ttlSeconds` (0: no caching). */
export const createFeedCache = ({
  maxBytes,
  now = () => Date.now(),
  ttlSeconds,
}: {
  maxBytes: number
  now?: () => number
  ttlSeconds: number
}): FeedCache => {
  const enabled = maxBytes > 0 && ttlSeconds > 0
  const lru = enabled
    ? new LRUCache<string, Stored>({
        maxSize: maxBytes,
        sizeCalculation: storedSize,
        ttl: ttlSeconds * 1000,
        ttlAutopurge: false,
        // Expired entries stay (within the byte bound) to answer while the database fails.
        noDeleteOnStaleGet: true,
        perf: { now },
      })
    : undefined
  const inFlight = new Map<string, Promise<CacheEntry>>()
  let generation = 0
  let changedAt = Number.NEGATIVE_INFINITY

  return {
    get(key, produce) {
      const hit = lru?.get(key)
      if (hit && hit.generation === generation && (hit.until === undefined || now() < hit.until)) {
        return Promise.resolve(hit.entry)
      }
      const pending = inFlight.get(key)
      if (pending) return pending
      const startedGeneration = generation
      const startedAt = now()
      const promise = produce()
        .then((entry) => {
          const settled = startedAt - changedAt >= SETTLE_MS
          // An entry larger than the whole cache is served but not kept. One that may predate a
          // change is kept only as a fallback for when the database fails; one computed while a
          // change settled is answered until the window ends.
          if (lru && entrySize(key, entry) <= maxBytes) {
            if (startedGeneration !== generation) {
              lru.set(key, { entry, generation: FALLBACK_ONLY })
            } else if (settled) {
              lru.set(key, { entry, generation })
            } else {
              lru.set(key, { entry, generation, until: changedAt + SETTLE_MS })
            }
          }
          return entry
        })
        .catch((error: unknown) => {
          // Stale-if-error: an older answer is better than none while the database is down.
          const stale = lru?.get(key, { allowStale: true })
          if (stale) return { ...stale.entry, stale: true as const }
          throw error
        })
        .finally(() => {
          if (inFlight.get(key) === promise) inFlight.delete(key)
        })
      inFlight.set(key, promise)
      return promise
    },
    clear() {
      generation += 1
      changedAt = now()
      inFlight.clear()
    },
    get size() {
      return lru?.calculatedSize ?? 0
    },
  }
}
