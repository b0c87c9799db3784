import { afterAll, beforeAll, expect, it } from 'vitest'

import type { CmsProcess } from './helpers/cms-process'
import { describeWithBuild, startCms } from './helpers/cms-process'
import type { WriteOutcome } from './helpers/system'
import {
  adminEnv,
  listOrganizationIds,
  loginAdmin,
  sqliteIntegrity,
  tempSqlite,
  writeOrganizations,
} from './helpers/system'

describeWithBuild()('SQLite: the server killed with SIGKILL in the middle of 1,000 writes', () => {
  const db = tempSqlite('crash')
  let restarted: CmsProcess | undefined
  let outcome: WriteOutcome
  let killedAfter = 0

  beforeAll(async () => {
    const cms = await startCms({ databaseUrl: db.url, env: adminEnv() })
    const auth = await loginAdmin(cms.url)
    let killed = false
    outcome = await writeOrganizations({
      baseUrl: cms.url,
      auth,
      total: 1_000,
      concurrency: 8,
      prefix: 'Crash school',
      onAck: ({ acknowledged }) => {
        if (killed || acknowledged.size < 300) return
        killed = true
        killedAfter = acknowledged.size
        // Writes are in flight on every other connection at this moment.
        void cms.stop('SIGKILL')
      },
    })
    await cms.stop('SIGKILL')
    console.log(
      `[crash] SIGKILL after ${killedAfter} acknowledged writes; ${outcome.acknowledged.size} acknowledged in all, ` +
        `${outcome.unanswered} unanswered, ${outcome.rejected.length} rejected (${outcome.rejected.join(', ') || 'none'})`,
    )
    restarted = await startCms({ databaseUrl: db.url })
  })

  afterAll(async () => {
    await restarted?.stop()
    db.remove()
  })

  it('should have killed the server while writes were still coming', () => {
    expect(killedAfter).toBeGreaterThanOrEqual(300)
    expect(outcome.acknowledged.size).toBeLessThan(1_000)
    expect(outcome.unanswered).toBeGreaterThan(0)
  })

  it('should refuse none of the concurrent writes it answered before the kill', () => {
    expect(outcome.rejected).toEqual([])
  })

  it('should leave a database that passes PRAGMA integrity_check', async () => {
    expect(await sqliteIntegrity(db.file)).toBe('ok')
  })

  it('should keep every acknowledged write after the restart', async () => {
    const auth = await loginAdmin(restarted!.url)
    const stored = await listOrganizationIds(restarted!.url, auth)
    const missing = [...outcome.acknowledged].filter(([id, name]) => stored.get(id) !== name)
    expect(missing).toEqual([])
  })
})
