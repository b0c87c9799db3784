import { afterAll, beforeAll, expect, it } from 'vitest'

import { isDatabaseEmpty, seed } from '../src/seed'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

describeDb('demo content', () => {
  let ctx: IntContext

  beforeAll(async () => {
    // Boots with the first-start seed on, as `pnpm start` does on an empty database.
    ctx = await bootPayload({ seed: true })
  })

  afterAll(async () => {
    await ctx?.close()
  })

  const latest = async (scopeKey: string, key: string) => {
    const { docs } = await ctx.payload.find({
      collection: 'statistics',
      where: { scopeKey: { equals: scopeKey }, key: { equals: key } },
      sort: '-asOf',
      limit: 1,
    })
    return docs[0]
  }

  it('should load the demo content on first start into an empty database', async () => {
    expect(await isDatabaseEmpty(ctx.payload)).toBe(false)
    const news = await ctx.api.get('/news?limit=10&sort=-publishedAt')
    expect(news.body.docs.map((doc: { title: string }) => doc.title)).toEqual([
      'Discussion on eTwinning at a meeting with the Director of the Center for Professional Development of Educators of Kamianets-Podilskyi City Council',
      'eTwinning Seminar was held in Baku',
    ])
  })

  it('should create nothing on a second run', async () => {
    const report = await seed(ctx.payload)
    for (const count of Object.values(report)) expect(count.created).toBe(0)
    expect(report.statistics.existing).toBe(11)
  })

  it('should give Azerbaijan 4308 teachers, 1141 schools and 5103 projects as the latest figures', async () => {
    expect((await latest('country:AZ', 'teachers'))?.value).toBe(4308)
    expect((await latest('country:AZ', 'schools'))?.value).toBe(1141)
    expect((await latest('country:AZ', 'projects'))?.value).toBe(5103)
  })

  it('should keep the May 2023 Azerbaijan figures as history', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'statistics',
      where: { scopeKey: { equals: 'country:AZ' }, key: { equals: 'projects' } },
      sort: 'asOf',
    })
    expect(docs.map((doc) => doc.value)).toEqual([4445, 5103])
  })

  it('should mark the programme-wide project count as approximate', async () => {
    const projects = await latest('programme', 'projects')
    expect(projects?.value).toBe(160000)
    expect(projects?.approximate).toBe(true)
  })

  it('should seed the Baku seminar in Asia/Baku with its participating countries', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'events',
      where: { timeZone: { equals: 'Asia/Baku' } },
    })
    expect(docs).toHaveLength(1)
    const event = docs[0]
    expect(event?.title).toMatch(/Innovation and Education/)
    expect(event?.participatingCountries).toEqual(
      expect.arrayContaining(['AL', 'BG', 'CZ', 'FI', 'PT', 'SK', 'SI']),
    )
    expect(new Date(event?.startsAt as string).toISOString()).toBe('2023-05-15T05:00:00.000Z')
  })

  it('should give the Kamianets-Podilskyi news a Ukrainian title and its organization', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'news',
      where: { country: { equals: 'UA' } },
      locale: 'uk',
      depth: 1,
    })
    expect(docs[0]?.title).toMatch(/eTwinning/)
    expect(docs[0]?.title).toMatch(/Кам.янець-Подільськ/)
    const organization = docs[0]?.organization as { slug?: string } | undefined
    expect(organization?.slug).toBe('k-pnu')
  })

  it('should start over with --reset and keep the users', async () => {
    await ctx.payload.create({
      collection: 'users',
      data: { email: 'keep@example.org', password: 'a long enough passphrase', roles: ['admin'] },
      overrideAccess: true,
    })
    const report = await seed(ctx.payload, { reset: true })
    expect(report.news.deleted).toBe(2)
    expect(report.news.created).toBe(2)
    expect((await ctx.payload.count({ collection: 'users' })).totalDocs).toBe(1)
    expect((await ctx.payload.count({ collection: 'statistics' })).totalDocs).toBe(11)
  })
})
