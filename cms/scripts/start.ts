/**
 * `pnpm start`: builds the CMS for production when the sources changed since the last build, then
 * serves it. Without `PAYLOAD_SECRET` it uses (and creates) the local secret in `cms/data/.secret`,
 * which suits one machine; deployments set `PAYLOAD_SECRET` themselves.
 */
import { dataDir } from '../src/database'
import { ensureLocalSecret } from '../src/secret'
import { ensureProductionBuild } from './production-build'

if (!process.env.PAYLOAD_SECRET) {
  process.env.PAYLOAD_SECRET = ensureLocalSecret(dataDir)
  console.warn(
    'PAYLOAD_SECRET is not set: using the local secret in cms/data/.secret. Set PAYLOAD_SECRET in production.',
  )
}

try {
  ensureProductionBuild({ force: process.argv.includes('--build') })
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}

Object.assign(process.env, { NODE_ENV: 'production' })
await import('../src/server')
