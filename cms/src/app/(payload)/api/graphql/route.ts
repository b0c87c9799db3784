import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'

import { createGraphQLHandlers } from '../../../../graphql'

// GET: read-only operations a CDN can cache; POST: Payload's handler behind the body size limit.
const graphQL = createGraphQLHandlers(config)

export const GET = graphQL.GET
export const POST = graphQL.POST
export const OPTIONS = REST_OPTIONS(config)
