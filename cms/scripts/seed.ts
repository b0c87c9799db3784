/**
 * `pnpm seed [--reset]`: loads the demo content into the database that `DATABASE_URL` names
 * (default `cms/data/etwinning.db`). Safe to run again: it creates only what is missing. `--reset`
 * first deletes all news, events, statistics, organizations and media (never users).
 */
import type { Payload } from 'payload'
import { getPayload } from 'payload'

import type { SeedCollection, SeedReport } from '../src/seed'

const reset = process.argv.includes('--reset')

// The first-start seed in `onInit` would otherwise run before this one and leave it nothing to report.
process.env.ETW_SEED = 'false'

const summary = (report: SeedReport): string =>
  (Object.entries(report) as [SeedCollection, SeedReport[SeedCollection]][])
    .map(([collection, { deleted, created, existing }]) => {
      const parts = [`${created} created`, `${existing} already present`]
      if (reset) parts.unshift(`${deleted} deleted`)
      return `  ${collection.padEnd(14)} ${parts.join(', ')}`
    })
    .join('\n')

let payload: Payload | undefined
let exitCode = 0
try {
  const { default: configPromise } = await import('../src/payload.config')
  payload = await getPayload({ config: await configPromise })
  const { seed } = await import('../src/seed')
  const report = await seed(payload, { reset, log: (message) => console.log(message) })
  console.log(`Demo content ${reset ? 'reset and ' : ''}seeded:\n${summary(report)}`)
} catch (error) {
  exitCode = 1
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`)
  if (error instanceof Error && error.stack) console.error(error.stack)
} finally {
  try {
    await payload?.destroy?.()
  } catch {
    // The database connection dies with the process anyway.
  }
}
process.exit(exitCode)
