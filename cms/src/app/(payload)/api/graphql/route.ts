import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'

import { createGraphQLHandlers } from '../../../../graphql'

export const { GET, POST } = createGraphQLHandlers(config)
export const OPTIONS = REST_OPTIONS(config)
