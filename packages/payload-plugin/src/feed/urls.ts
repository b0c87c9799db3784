import type { FeedRequest } from './types'

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/

/** The value of one request header (the first, when a Node header repeats). */
export const readHeader = (headers: FeedRequest['headers'], name: string): string | undefined => {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/**
 * The origin (`https://cms.example.org`) absolute links are made with: Payload's `serverURL` when
 * set, else the request's `Host` (with `X-Forwarded-Proto` when a proxy sets it), else `''` and links
 * stay relative. A malformed `Host` is ignored.
 */
export const requestOrigin = (
  serverURL: string | undefined,
  headers: FeedRequest['headers'],
): string => {
  if (serverURL) return serverURL.replace(/\/+$/, '')
  const host = readHeader(headers, 'host')?.trim()
  if (!host || !HOST.test(host)) return ''
  const forwarded = readHeader(headers, 'x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  const protocol = forwarded === 'https' || forwarded === 'http' ? forwarded : 'http'
  return `${protocol}://${host}`
}

/** `path` made absolute with `origin`; URLs that already have a scheme, and any path without an origin, are kept. */
export const absoluteUrl = (origin: string, path: string): string =>
  origin && path.startsWith('/') && !path.startsWith('//') ? `${origin}${path}` : path

/** The host name UIDs are qualified with: the origin's, else `'etwinning-hub'`. */
export const uidHost = (origin: string): string => {
  if (!origin) return 'etwinning-hub'
  try {
    return new URL(origin).hostname || 'etwinning-hub'
  } catch {
    return 'etwinning-hub'
  }
}
