import { FeedError } from '@etw/client'

/** Attempts after the first one for network errors, timeouts, 408, 429 and 5xx. */
const RETRIES = 2
/** Base of the exponential backoff, in milliseconds. */
const BACKOFF = 600
/** A `Retry-After` longer than this gives up instead of keeping the page waiting. */
const MAX_WAIT = 30_000
const STORAGE_PREFIX = 'etw:v1:'

const inflight = new Map<string, Promise<unknown>>()
const warned = new Set<string>()

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const retryable = (error: unknown): error is FeedError =>
  error instanceof FeedError &&
  (error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500)

/** Runs `request`, retrying transient failures with jittered exponential backoff or `Retry-After`. */
export const withRetry = async <T>(request: () => Promise<T>): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request()
    } catch (error) {
      if (attempt >= RETRIES || !retryable(error)) throw error
      // Full jitter spreads the retries of many pages hitting one recovering server.
      const wait =
        error.retryAfter === null
          ? BACKOFF * 2 ** attempt * (0.5 + Math.random())
          : error.retryAfter * 1000 + Math.random() * 250
      if (wait > MAX_WAIT) throw error
      await sleep(wait)
    }
  }
}

/**
 * One request per distinct URL, shared by every widget on the page that asks for it; a caller's
 * `signal` only detaches that caller.
 */
export const load = <T>(
  url: string,
  request: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> => {
  let shared = inflight.get(url) as Promise<T> | undefined
  if (!shared) {
    shared = withRetry(request).then(
      (value) => {
        inflight.delete(url)
        store(url, value)
        return value
      },
      (error: unknown) => {
        inflight.delete(url)
        throw error
      },
    )
    inflight.set(url, shared)
  }
  if (!signal) return shared
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason), { once: true })
    shared.then(resolve, reject)
  })
}

/** The last good response for `url` from `localStorage`, or `undefined`. */
export const recall = <T>(url: string): T | undefined => {
  try {
    const text = localStorage.getItem(STORAGE_PREFIX + url)
    return text ? (JSON.parse(text) as { d: T }).d : undefined
  } catch {
    // Storage can be disabled, full or blocked by the host page's sandbox: run without it.
    return undefined
  }
}

const store = (url: string, value: unknown) => {
  try {
    localStorage.setItem(STORAGE_PREFIX + url, JSON.stringify({ t: Date.now(), d: value }))
  } catch {
    // As in `recall`: the cache is an optimisation only.
  }
}

/** Drops the copy of `url` from `localStorage`: the CMS no longer has what it held. */
export const forget = (url: string) => {
  try {
    localStorage.removeItem(STORAGE_PREFIX + url)
  } catch {
    // As in `recall`.
  }
}

/** One console hint per failing URL, so a broken embed is easy to diagnose without flooding. */
export const hint = (url: string, error: unknown) => {
  if (warned.has(url)) return
  warned.add(url)
  console.warn(`[etw-widgets] ${url} failed (${error}); check api-base`)
}
