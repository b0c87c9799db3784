import { afterAll, beforeAll, expect, it } from 'vitest'

import type { CmsProcess } from './helpers/cms-process'
import { describeWithBuild, startCms } from './helpers/cms-process'
import type { ThrowAwayDatabase } from './helpers/databases'
import { createThrowAwayDatabase, probeTestDatabase } from './helpers/databases'
import { adminEnv, loginAdmin, postJson } from './helpers/system'

/** The feed cache's lifetime on each instance (`feed.cacheTtl`, default 60 s). */
const FEED_CACHE_TTL_MS = 60_000
/** The feed's one-second response memo plus the polling interval. */
const POLL_SLACK_MS = 5_000

const postgres = await probeTestDatabase('postgres')
if (!postgres.available) {
  if (postgres.required) throw new Error(postgres.reason)
  console.warn(`[system] two instances on PostgreSQL skipped: ${postgres.reason}`)
}
const describeWithPostgres = postgres.available
  ? describeWithBuild()
  : (describeWithBuild().skip as ReturnType<typeof describeWithBuild>)

const feedTitles = async (baseUrl: string): Promise<string[]> => {
  const response = await fetch(`${baseUrl}/api/etw/v1/news?limit=20`)
  if (response.status !== 200) throw new Error(`${baseUrl} feed answered ${response.status}`)
  const { items } = (await response.json()) as { items: { title: string }[] }
  return items.map((item) => item.title)
}

describeWithPostgres('two CMS processes on one PostgreSQL database', () => {
  const title = `Published on instance A ${Date.now()}`
  let database: ThrowAwayDatabase | undefined
  let a: CmsProcess | undefined
  let b: CmsProcess | undefined
  let titlesOnBBefore: string[] = []
  let publishStatus = 0
  let titlesOnAAfter: string[] = []
  let delayOnB = Number.POSITIVE_INFINITY

  beforeAll(async () => {
    database = await createThrowAwayDatabase(postgres)
    // One after the other: the first applies the migrations, the second finds them applied.
    a = await startCms({ databaseUrl: database.url, env: adminEnv() })
    b = await startCms({ databaseUrl: database.url })
    // B has the feed in its cache before the publish.
    titlesOnBBefore = await feedTitles(b.url)
    const auth = await loginAdmin(a.url)
    const published = Date.now()
    publishStatus = (await postJson(`${a.url}/api/news`, auth, { _status: 'published', title }))
      .status
    titlesOnAAfter = await feedTitles(a.url)
    while (Date.now() - published < FEED_CACHE_TTL_MS + POLL_SLACK_MS) {
      if ((await feedTitles(b.url)).includes(title)) {
        delayOnB = Date.now() - published
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000))
    }
    console.log(
      `[instances] the publish on A appeared in B's feed after ${(delayOnB / 1000).toFixed(1)} s ` +
        `(feed cache TTL ${FEED_CACHE_TTL_MS / 1000} s)`,
    )
  })

  afterAll(async () => {
    await b?.stop()
    await a?.stop()
    await database?.drop()
  })

  it('should start the second process on the database the first one migrated', () => {
    expect(titlesOnBBefore).toEqual([])
  })

  it('should show the publish in the feed of the instance that made it at once', () => {
    expect(publishStatus).toBe(201)
    expect(titlesOnAAfter).toContain(title)
  })

  it("should show the publish in the other instance's feed within the feed cache TTL", () => {
    expect(delayOnB).toBeLessThanOrEqual(FEED_CACHE_TTL_MS + POLL_SLACK_MS)
  })
})
