import type { CacheEntry } from './cache'
import type { ContentCoding } from './compression'
import type { FeedError } from './errors'
import type { FeedResponse } from './types'

import { entityTag, ifNoneMatchMatches } from './etag'

/** Methods every feed route answers. */
export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS'

/** Seconds a browser may reuse a preflight answer. */
export const PREFLIGHT_MAX_AGE = 86_400

/** `Cache-Control` directives of successful answers. */
export interface CachePolicy {
  maxAge: number
  sMaxAge: number
  staleWhileRevalidate: number
}

/** The `Cache-Control` value of successful feed answers. */
export const cacheControl = ({ maxAge, sMaxAge, staleWhileRevalidate }: CachePolicy): string =>
  `public, max-age=${maxAge}, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`

/**
 * Headers of every feed answer: readable from any origin, without credentials (the feed is
 * anonymous), with the entity tag readable by scripts.
 */
export const baseHeaders = (): Record<string, string> => ({
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Retry-After',
  'x-content-type-options': 'nosniff',
})

const byteLength = (body: Uint8Array | string): number =>
  typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength

/** The answer to an `OPTIONS` request (CORS preflight or not). */
export const preflightResponse = (): FeedResponse => ({
  status: 204,
  headers: {
    ...baseHeaders(),
    'access-control-allow-headers': 'If-None-Match, Content-Type',
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-max-age': String(PREFLIGHT_MAX_AGE),
    allow: ALLOWED_METHODS,
    'cache-control': `public, max-age=${PREFLIGHT_MAX_AGE}`,
  },
  body: '',
})

/** A JSON answer that no cache keeps: errors and the health check. */
export const uncachedJson = (
  status: number,
  body: unknown,
  method: string,
  extraHeaders: Record<string, string> = {},
): FeedResponse => {
  const text = Buffer.from(JSON.stringify(body))
  return {
    status,
    headers: {
      ...baseHeaders(),
      'cache-control': 'no-store',
      'content-length': String(text.byteLength),
      'content-type': 'application/json; charset=utf-8',
      ...extraHeaders,
    },
    body: method === 'HEAD' ? '' : text,
  }
}

/** The JSON answer of a {@link FeedError}. */
export const errorResponse = (error: FeedError, method: string): FeedResponse =>
  uncachedJson(
    error.status,
    error.toBody(),
    method,
    error.code === 'method_not_allowed' ? { allow: ALLOWED_METHODS } : {},
  )

/**
 * Cache policy of an answer given from a stale entry because the database failed: shared caches
 * may keep it a few seconds, so that they do not send every read to a failing server, and take
 * the fresh answer soon after it recovers.
 */
export const STALE_POLICY: CachePolicy = Object.freeze({
  maxAge: 0,
  sMaxAge: 5,
  staleWhileRevalidate: 0,
})

/**
 * The answer for a cached entry: `304` when `If-None-Match` matches, otherwise the body in the
 * negotiated coding (none for `HEAD`), with validators and caching headers
 * ({@link STALE_POLICY} for a stale entry).
 */
export const entryResponse = (
  entry: CacheEntry,
  {
    encoding,
    extraHeaders = {},
    ifNoneMatch,
    method,
    policy,
  }: {
    encoding: ContentCoding
    /** Headers of the route besides the caching ones (a page's CSP and language). */
    extraHeaders?: Record<string, string>
    ifNoneMatch: string | undefined
    method: string
    policy: CachePolicy
  },
): FeedResponse => {
  const coding = encoding !== 'identity' && entry.bodies[encoding] ? encoding : 'identity'
  const body = coding === 'identity' ? entry.bodies.identity : (entry.bodies[coding] as Uint8Array)
  const headers: Record<string, string> = {
    ...baseHeaders(),
    'cache-control': cacheControl(entry.stale ? STALE_POLICY : policy),
    etag: entityTag(entry.hash, coding),
    vary: 'Accept-Encoding',
    ...extraHeaders,
  }
  if (ifNoneMatchMatches(ifNoneMatch, entry.hash)) {
    return { status: 304, headers, body: '' }
  }
  headers['content-type'] = entry.contentType
  headers['content-length'] = String(byteLength(body))
  if (coding !== 'identity') headers['content-encoding'] = coding
  return { status: 200, headers, body: method === 'HEAD' ? '' : body }
}

/**
 * The Content-Security-Policy of the public pages: no script at all (the JSON-LD block is data),
 * styles from the site's stylesheet only, images from the site and any https origin.
 */
export const PAGE_CSP =
  "default-src 'none'; img-src 'self' https: data:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

/** Headers of every public page besides the caching ones. */
export const pageHeaders = (locale: string): Record<string, string> => ({
  'content-language': locale,
  'content-security-policy': PAGE_CSP,
  'referrer-policy': 'strict-origin-when-cross-origin',
})

/** An uncached answer of the public site: an error page (HTML) or a plain-text message. */
export const pageResponse = (
  status: number,
  body: string,
  method: string,
  extraHeaders: Record<string, string> = {},
  contentType = 'text/plain; charset=utf-8',
): FeedResponse => {
  const bytes = Buffer.from(body)
  return {
    status,
    headers: {
      ...baseHeaders(),
      'cache-control': 'no-store',
      'content-length': String(bytes.byteLength),
      'content-type': contentType,
      ...extraHeaders,
    },
    body: method === 'HEAD' ? '' : bytes,
  }
}

/** A redirect of the public site: permanent ones may be kept a day, the others are not kept. */
export const redirectResponse = (
  status: 301 | 302,
  location: string,
  extraHeaders: Record<string, string> = {},
): FeedResponse => ({
  status,
  headers: {
    ...baseHeaders(),
    'cache-control': status === 301 ? 'public, max-age=86400' : 'private, no-cache',
    'content-length': '0',
    location,
    ...extraHeaders,
  },
  body: '',
})
