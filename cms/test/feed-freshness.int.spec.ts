import { afterAll, beforeAll, expect, it } from 'vitest'

import { afterSettle, callFeed } from './helpers/feed'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

const V1 = '/api/etw/v1'

describeDb('public feed: published content only, fresh after changes', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>
  const newsTitles = async (query = 'limit=50') =>
    ((await callFeed(ctx.payload, `${V1}/news?${query}`)).json.items as { title: string }[]).map(
      (item) => item.title,
    )

  beforeAll(async () => {
    ctx = await bootPayload({ seed: true })
    users = await createTestUsers(ctx.payload)
  })

  afterAll(async () => {
    await ctx?.close()
  })

  it('should never show a draft', async () => {
    await ctx.payload.create({
      collection: 'news',
      data: { title: 'Draft only' },
      draft: true,
      overrideAccess: true,
    })
    expect(await newsTitles()).not.toContain('Draft only')
    const rss = await callFeed(ctx.payload, `${V1}/news.rss`)
    expect(rss.text).not.toContain('Draft only')
  })

  it('should show the published version, not a newer draft of it', async () => {
    const doc = await ctx.payload.create({
      collection: 'news',
      data: { _status: 'published', title: 'Published version' },
      overrideAccess: true,
    })
    await ctx.payload.update({
      collection: 'news',
      id: doc.id,
      data: { title: 'Unpublished edit' },
      draft: true,
      overrideAccess: true,
    })
    const titles = await newsTitles()
    expect(titles).toContain('Published version')
    expect(titles).not.toContain('Unpublished edit')
  })

  it('should not show a scheduled item before its job has run', async () => {
    const draft = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Scheduled for later' },
      draft: true,
      overrideAccess: false,
      user: users.editor.doc,
    })
    await ctx.payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'news', value: String(draft.id) },
        user: { relationTo: 'users', value: users.editor.id },
      } as never,
      waitUntil: new Date(Date.now() + 3_600_000),
    })
    await ctx.payload.jobs.run()
    expect(await newsTitles()).not.toContain('Scheduled for later')
  })

  it('should show a scheduled item as soon as its job publishes it', async () => {
    const draft = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Scheduled for now' },
      draft: true,
      overrideAccess: false,
      user: users.editor.doc,
    })
    await afterSettle()
    expect(await newsTitles()).not.toContain('Scheduled for now')
    await ctx.payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'news', value: String(draft.id) },
        user: { relationTo: 'users', value: users.editor.id },
      } as never,
      waitUntil: new Date(Date.now() - 1_000),
    })
    await ctx.payload.jobs.run()
    expect(await newsTitles()).toContain('Scheduled for now')
  })

  it('should show an item on the next request after it is published', async () => {
    const draft = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Fresh news' },
      draft: true,
      overrideAccess: true,
    })
    await afterSettle()
    const before = await callFeed(ctx.payload, `${V1}/news?limit=50`)
    expect(before.json.items.map((item: any) => item.title)).not.toContain('Fresh news')
    await ctx.payload.update({
      collection: 'news',
      id: draft.id,
      data: { _status: 'published' },
      overrideAccess: false,
      user: users.editor.doc,
    })
    const after = await callFeed(ctx.payload, `${V1}/news?limit=50`)
    expect(after.json.items.map((item: any) => item.title)).toContain('Fresh news')
    expect(after.headers.etag).not.toBe(before.headers.etag)
  })

  it('should drop an item on the next request after it is unpublished', async () => {
    const doc = await ctx.payload.create({
      collection: 'news',
      data: { _status: 'published', title: 'Soon withdrawn' },
      overrideAccess: true,
    })
    await afterSettle()
    expect(await newsTitles()).toContain('Soon withdrawn')
    await ctx.payload.update({
      collection: 'news',
      id: doc.id,
      data: { _status: 'draft' },
      overrideAccess: true,
    })
    expect(await newsTitles()).not.toContain('Soon withdrawn')
  })

  it('should drop an item on the next request after it is deleted', async () => {
    const doc = await ctx.payload.create({
      collection: 'news',
      data: { _status: 'published', title: 'Soon deleted' },
      overrideAccess: true,
    })
    await afterSettle()
    expect(await newsTitles()).toContain('Soon deleted')
    await ctx.payload.delete({ collection: 'news', id: doc.id, overrideAccess: true })
    expect(await newsTitles()).not.toContain('Soon deleted')
  })

  it('should show an edited organization name in the news that cite it', async () => {
    await afterSettle()
    const read = async () =>
      (await callFeed(ctx.payload, `${V1}/news?organization=k-pnu`)).json.items[0].organization.name
    expect(await read()).toMatch(/^Kamianets-Podilskyi/)
    const { docs } = await ctx.payload.find({
      collection: 'organizations',
      where: { slug: { equals: 'k-pnu' } },
      overrideAccess: true,
    })
    await ctx.payload.update({
      collection: 'organizations',
      id: docs[0]!.id,
      data: { name: 'K-PNU, renamed' },
      overrideAccess: true,
    })
    expect(await read()).toBe('K-PNU, renamed')
  })

  it('should show a new statistics snapshot on the next request', async () => {
    await afterSettle()
    const teachers = async () =>
      (await callFeed(ctx.payload, `${V1}/stats?country=AZ&metrics=teachers`)).json.metrics[0]
    expect(await teachers()).toMatchObject({ value: 4308 })
    await ctx.payload.create({
      collection: 'statistics',
      data: {
        metric: 'teachers',
        value: 4500,
        asOf: '2025-09-01',
        scope: 'country',
        country: 'AZ',
      },
      overrideAccess: true,
    })
    expect(await teachers()).toMatchObject({ value: 4500, asOf: '2025-09-01' })
  })

  it('should show a published event and drop it when unpublished', async () => {
    const start = Date.now() + 86_400_000
    await afterSettle()
    const titles = async () =>
      ((await callFeed(ctx.payload, `${V1}/events`)).json.items as { title: string }[]).map(
        (item) => item.title,
      )
    expect(await titles()).toEqual([])
    const event = await ctx.payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        title: 'Tomorrow’s webinar',
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 3_600_000).toISOString(),
        timeZone: 'Europe/Kyiv',
        format: 'online',
        kind: 'webinar',
      },
      overrideAccess: true,
    })
    expect(await titles()).toEqual(['Tomorrow’s webinar'])
    await ctx.payload.update({
      collection: 'events',
      id: event.id,
      data: { _status: 'draft' },
      overrideAccess: true,
    })
    expect(await titles()).toEqual([])
  })
})
