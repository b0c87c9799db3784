import config from '@payload-config'
import '@payloadcms/next/css'

import { createRestHandlers } from '../../../../rest-routes'

const rest = createRestHandlers(config)

export const GET = rest.GET
export const POST = rest.POST
export const DELETE = rest.DELETE
export const PATCH = rest.PATCH
export const PUT = rest.PUT
export const OPTIONS = rest.OPTIONS
