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
 * Payload's REST route handlers behind {@link withRequestLimits}: malformed JSON → 400 and bodies
 * over 1 MiB → 413 before Payload parses anything. `OPTIONS` (CORS preflight) has no body.
 */
export const createRestHandlers = (
  config: Promise<SanitizedConfig> | SanitizedConfig,
): RestHandlers => ({
  DELETE: withRequestLimits(REST_DELETE(config)),
  GET: withRequestLimits(REST_GET(config)),
  OPTIONS: REST_OPTIONS(config),
  PATCH: withRequestLimits(REST_PATCH(config)),
  POST: withRequestLimits(REST_POST(config)),
  PUT: withRequestLimits(REST_PUT(config)),
})
