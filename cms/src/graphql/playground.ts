import { GRAPHQL_PLAYGROUND_GET } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

import { playgroundAllowed } from './limits'

/**
 * Payload's GraphQL playground, answered only where {@link playgroundAllowed} (outside production,
 * or with `ETW_GRAPHQL_PLAYGROUND=true`); 404 otherwise.
 */
export const createPlaygroundHandler = (
  config: Promise<SanitizedConfig>,
): ((request: Request) => Promise<Response>) => {
  const playground = GRAPHQL_PLAYGROUND_GET(config)
  return async (request) =>
    playgroundAllowed()
      ? playground(request)
      : new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } })
}
