import type { FeedResponse } from './types'

/** How long a finished answer is reused for the identical request, in milliseconds. */
export const MEMO_MS = 1_000

/** Most distinct requests remembered at once; the memo starts over when full. */
export const MEMO_MAX_ENTRIES = 2_000

/**
 * Finished answers by the request exactly as it arrived (method, origin, path and query, accepted
 * encodings, `If-None-Match`), kept for {@link MEMO_MS}. A repeated read then skips parsing,
 * validation and the cache lookup. Cleared with the feed cache, so a change shows on the next
 * request; on its own it adds at most one second of staleness.
 */
export const createResponseMemo = (now: () => number = Date.now) => {
  const entries = new Map<string, { expires: number; response: FeedResponse }>()
  return {
    get(key: string): FeedResponse | undefined {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (entry.expires > now()) return entry.response
      entries.delete(key)
      return undefined
    },
    set(key: string, response: FeedResponse): void {
      if (entries.size >= MEMO_MAX_ENTRIES) entries.clear()
      entries.set(key, { expires: now() + MEMO_MS, response })
    },
    clear(): void {
      entries.clear()
    },
    get size(): number {
      return entries.size
    },
  }
}

/** The memo key of a request; `undefined` for requests that are not memoized. */
export const memoKey = (
  method: string,
  url: string,
  origin: string,
  acceptEncoding: string | undefined,
  ifNoneMatch: string | undefined,
): string | undefined =>
  method === 'GET' || method === 'HEAD'
    ? `${method}\n${origin}\n${url}\n${acceptEncoding ?? ''}\n${ifNoneMatch ?? ''}`
    : undefined
