import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

import type { RouteHandler } from './request-limits'
import { withRequestLimits } from './request-limits'

/** Payload's REST route handlers, by HTTP method, as `/api/[...slug]` serves them. */
export type RestHandlers = Record<
  'DELETE' | 'GET' | 'OPTIONS' | 'PATCH' | 'POST' | 'PUT',
  RouteHandler
>

/**
 * Payload answers 501 "Cannot GET …" where a collection serves no REST route for the request
 * (`payload-migrations` serves none). For the caller that route does not exist: a 404, not a
 * server error.
 */
const withRoutesNotFound =
  (handler: RouteHandler): RouteHandler =>
  async (request, context) => {
    const response = await handler(request, context)
    if (response.status !== 501) return response
    const { pathname } = new URL(request.url)
    // Payload's headers (CORS among them) stay as they were.
    const headers = new Headers(response.headers)
    headers.set('Content-Type', 'application/json')
    headers.delete('Content-Length')
    const body = JSON.stringify({ errors: [{ message: `Route not found "${pathname}"` }] })
    return new Response(body, { status: 404, headers })
  }

/**
 * Payload's REST route handlers behind {@link withRequestLimits}: malformed JSON → 400 and bodies
 * over 1 MiB → 413 before Payload parses anything; a route no collection serves → 404.
 * `OPTIONS` (CORS preflight) has no body.
 */
export const createRestHandlers = (
  config: Promise<SanitizedConfig> | SanitizedConfig,
): RestHandlers => ({
  DELETE: withRequestLimits(withRoutesNotFound(REST_DELETE(config))),
  GET: withRequestLimits(withRoutesNotFound(REST_GET(config))),
  OPTIONS: REST_OPTIONS(config),
  PATCH: withRequestLimits(withRoutesNotFound(REST_PATCH(config))),
  POST: withRequestLimits(withRoutesNotFound(REST_POST(config))),
  PUT: withRequestLimits(withRoutesNotFound(REST_PUT(config))),
})
