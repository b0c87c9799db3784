import { checkPasswordPolicy } from '@etw/payload-plugin'
import type { Migration, Payload } from 'payload'

import type { DatabaseTarget } from './database'

/**
 * Runs once per process when Payload starts: applies pending migrations on SQL databases (in
 * production the adapter does it itself), creates the admin from `ETW_ADMIN_EMAIL` +
 * `ETW_ADMIN_PASSWORD` when there is no user yet, keeps SQLite's planner statistics fresh, and
 * loads the demo content into an empty database unless `ETW_SEED=false`.
 */
export const onInit = async (payload: Payload, target: DatabaseTarget): Promise<void> => {
  if (target.kind !== 'mongodb' && process.env.NODE_ENV !== 'production') {
    // The adapter keeps the committed migrations as `prodMigrations`; running them here as well
    // gives development and tests the same schema as production.
    const { prodMigrations } = payload.db as { prodMigrations?: Migration[] }
    await payload.db.migrate({ migrations: prodMigrations })
  }
  await ensureAdmin(payload)
  if (target.kind === 'sqlite') {
    const { keepSqliteStatistics } = await import('./sqlite-statistics')
    await keepSqliteStatistics(payload)
  }
  if (process.env.ETW_SEED !== 'false') {
    const { isDatabaseEmpty, seed } = await import('./seed')
    if (await isDatabaseEmpty(payload)) {
      payload.logger.info('Empty database: loading the demo content')
      await seed(payload, { log: (message) => payload.logger.info(message) })
    }
  }
}

const ensureAdmin = async (payload: Payload): Promise<void> => {
  const email = process.env.ETW_ADMIN_EMAIL
  const password = process.env.ETW_ADMIN_PASSWORD
  if (!email || !password) return
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return
  const policy = checkPasswordPolicy(password)
  if (policy !== true) throw new Error(`ETW_ADMIN_PASSWORD: ${policy}`)
  await payload.create({
    collection: 'users',
    data: { email, password, name: 'Administrator', roles: ['admin'] },
    overrideAccess: true,
  })
  payload.logger.info(`Created the administrator ${email}`)
}
