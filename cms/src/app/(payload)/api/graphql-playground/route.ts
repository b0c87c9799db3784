import config from '@payload-config'
import '@payloadcms/next/css'

import { createPlaygroundHandler } from '../../../../graphql'

export const GET = createPlaygroundHandler(config)
