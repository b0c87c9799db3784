import type { Endpoint, PayloadRequest } from 'payload'

import type { FeedResponse } from './types'

import { getFeed } from './feed'
import { FEED_ROUTES } from './routes'

/** Methods Payload's REST route passes to custom endpoints; the feed answers each of them. */
const METHODS = ['get', 'head', 'options', 'post', 'put', 'patch', 'delete'] as const

/** A web `Response` carrying a {@link FeedResponse} unchanged. */
export const toWebResponse = (response: FeedResponse): Response => {
  const empty = response.status === 204 || response.status === 304 || response.body.length === 0
  return new Response(empty ? null : (response.body as BodyInit), {
    headers: response.headers,
    status: response.status,
  })
}

const pathAndQuery = (url: string | undefined): string => {
  if (!url) return '/'
  const parsed = new URL(url, 'http://localhost')
  return `${parsed.pathname}${parsed.search}`
}

/** The endpoint handler: the same answer as any other server calling {@link getFeed}. */
export const feedEndpointHandler = async (req: PayloadRequest): Promise<Response> => {
  const response = await getFeed(req.payload).handle({
    headers: req.headers,
    method: req.method ?? 'GET',
    url: pathAndQuery(req.url),
  })
  return response
    ? toWebResponse(response)
    : Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 })
}

/**
 * Payload custom endpoints (root `endpoints`) for every feed route and method, so the feed also
 * answers through Payload's REST route (`next dev`, or a host without the fast server).
 */
export const feedEndpoints = (): Endpoint[] =>
  Object.values(FEED_ROUTES).flatMap((path) =>
    METHODS.map((method): Endpoint => ({ handler: feedEndpointHandler, method, path })),
  )
