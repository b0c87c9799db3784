/**
 * `pnpm --filter @etw/cms search:reindex`: rebuilds the search index of news and events from the
 * documents in the database that `DATABASE_URL` names, one transaction per collection (searches
 * answer from the old index until the new one is complete). For after a restore, an import that
 * bypassed Payload, or a change of the folding rules.
 */
import type { Payload } from 'payload'
import { getPayload } from 'payload'

process.env.ETW_SEED = 'false'

let payload: Payload | undefined
let exitCode = 0
try {
  const { default: configPromise } = await import('../src/payload.config')
  payload = await getPayload({ config: await configPromise })
  const { reindexSearch } = await import('@etw/payload-plugin')
  const { documents, milliseconds } = await reindexSearch(payload)
  console.log(`Search index rebuilt: ${documents} documents in ${Math.round(milliseconds)} ms`)
} catch (error) {
  exitCode = 1
  console.error(`Reindex failed: ${error instanceof Error ? error.message : String(error)}`)
} finally {
  await payload?.destroy?.().catch(() => undefined)
}
process.exit(exitCode)
