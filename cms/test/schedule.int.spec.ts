import { afterAll, beforeAll, expect, it } from 'vitest'

import { findScheduleFailures } from '@etw/payload-plugin'
import { initI18n } from '@payloadcms/translations'
import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { createLocalReq } from 'payload'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describeDb('scheduled publishing', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>

  beforeAll(async () => {
    ctx = await bootPayload()
    users = await createTestUsers(ctx.payload)
  })

  afterAll(async () => {
    await ctx?.close()
  })

  const schedule = async (
    id: number | string,
    user: TestUser,
    waitUntil: Date,
    locale?: string,
    collection: 'events' | 'news' = 'news',
  ) =>
    ctx.payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: collection, value: String(id) },
        locale,
        user: { relationTo: 'users', value: user.id },
      } as never,
      waitUntil,
    })

  const ukrainianDraft = async (title: string) =>
    ctx.payload.create({
      collection: 'news',
      data: { title, summary: 'Лише українською' },
      draft: true,
      locale: 'uk',
      overrideAccess: false,
      user: users.editor.doc,
    })

  const anonymousTitles = async () => {
    const res = await ctx.api.get('/news?limit=100')
    return res.body.docs.map((doc: { title: string }) => doc.title) as string[]
  }

  it('should register the schedule-publish task', () => {
    const { jobs } = ctx.config
    expect(jobs.tasks?.map((task) => task.slug)).toContain('schedulePublish')
  })

  it('should keep a scheduled item hidden until its time, then publish it when the job runs', async () => {
    const draft = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Scheduled news' },
      draft: true,
      overrideAccess: false,
      user: users.editor.doc,
    })
    await schedule(draft.id, users.editor, new Date(Date.now() + 1_500))

    await ctx.payload.jobs.run()
    expect(await anonymousTitles()).not.toContain('Scheduled news')

    await sleep(1_800)
    await ctx.payload.jobs.run()
    expect(await anonymousTitles()).toContain('Scheduled news')
    const doc = await ctx.payload.findByID({ collection: 'news', id: draft.id })
    expect(doc._status).toBe('published')
  })

  it('should refuse a contributor’s schedule when it is queued', async () => {
    const draft = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Contributor scheduled' },
      draft: true,
      overrideAccess: false,
      user: users.contributor.doc,
    })
    await expect(
      schedule(draft.id, users.contributor, new Date(Date.now() - 1_000)),
    ).rejects.toThrow('Contributors cannot schedule publishing')
    await ctx.payload.jobs.run()
    expect(await anonymousTitles()).not.toContain('Contributor scheduled')
  })

  it('should publish a Ukrainian-only item when its job runs', async () => {
    const draft = await ukrainianDraft('Семінар у Львові')
    await schedule(draft.id, users.editor, new Date(Date.now() - 1_000))
    await ctx.payload.jobs.run()

    const res = await ctx.api.get(`/news/${draft.id}?locale=uk`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ _status: 'published', title: 'Семінар у Львові' })
    const feed = await ctx.api.get('/etw/v1/news?locale=uk')
    expect(feed.body.items.map((item: { title: string }) => item.title)).toContain(
      'Семінар у Львові',
    )
  })

  it('should publish the Ukrainian locale the editor picked', async () => {
    const draft = await ukrainianDraft('Вебінар для вчителів')
    await schedule(draft.id, users.editor, new Date(Date.now() - 1_000), 'uk')
    await ctx.payload.jobs.run()
    const res = await ctx.api.get(`/news/${draft.id}?locale=uk`)
    expect(res.body).toMatchObject({ _status: 'published', title: 'Вебінар для вчителів' })
  })

  it('should refuse a schedule for a picked locale that lacks the title, naming it', async () => {
    const draft = await ukrainianDraft('Тільки українська')
    await expect(
      schedule(draft.id, users.editor, new Date(Date.now() + 60_000), 'az'),
    ).rejects.toThrow('Scheduling refused: Title missing in Azərbaycanca (az).')
  })

  it('should refuse a schedule in the admin’s language, as the schedule dialog shows it', async () => {
    const draft = await ukrainianDraft('Лише для української')
    const jobs = () =>
      ctx.payload
        .count({ collection: 'payload-jobs', overrideAccess: true })
        .then((r) => r.totalDocs)
    const before = await jobs()
    const refusals: Record<string, string | undefined> = {}
    for (const language of ['uk', 'az', 'en'] as const) {
      const i18n = await initI18n({ config: ctx.config.i18n, context: 'api', language })
      const req = await createLocalReq(
        { req: { i18n }, user: { ...users.editor.doc, collection: 'users' } as never },
        ctx.payload,
      )
      // What the admin's schedule dialog calls (a server function), with the editor's request.
      const result = (await schedulePublishHandler({
        type: 'publish',
        date: new Date(Date.now() + 60_000),
        doc: { relationTo: 'news', value: draft.id },
        localeToPublish: 'az',
        req,
      } as never)) as { error?: string }
      refusals[language] = result.error
    }
    expect(refusals.uk).toBe(
      'Планування відхилено: не заповнено Заголовок (Azərbaycanca (az)). Заповніть або оберіть іншу мову публікації.',
    )
    expect(refusals.az).toBe(
      'Planlaşdırma rədd edildi: Azərbaycanca (az) dilində Başlıq doldurulmayıb. Doldurun və ya dərc üçün başqa dil seçin.',
    )
    expect(refusals.en).toBe(
      'Scheduling refused: Title missing in Azərbaycanca (az). Fill it in, or pick another language to publish.',
    )
    expect(await jobs()).toBe(before)
  })

  it('should refuse a schedule when no locale has a title, naming the locales', async () => {
    const draft = await ctx.payload.create({
      collection: 'events',
      data: {
        title: 'Temporary',
        startsAt: '2031-05-01T09:00:00.000Z',
        endsAt: '2031-05-01T12:00:00.000Z',
        format: 'online',
        kind: 'webinar',
      },
      draft: true,
      overrideAccess: false,
      user: users.editor.doc,
    })
    await ctx.payload.update({
      collection: 'events',
      id: draft.id,
      data: { title: '' },
      draft: true,
      overrideAccess: true,
    })
    await expect(
      schedule(draft.id, users.editor, new Date(Date.now() + 60_000), undefined, 'events'),
    ).rejects.toThrow(
      'Scheduling refused: no language has every required field (Title). Fill them in one of English (en), Українська (uk), Azərbaycanca (az).',
    )
  })

  it('should show a failed scheduled publication with its message', async () => {
    const draft = await ukrainianDraft('Згодом без заголовка')
    await schedule(draft.id, users.editor, new Date(Date.now() - 1_000), 'uk')
    await ctx.payload.update({
      collection: 'news',
      id: draft.id,
      data: { title: '' },
      draft: true,
      locale: 'uk',
      overrideAccess: true,
    })
    await ctx.payload.jobs.run()

    const failures = await findScheduleFailures(ctx.payload, users.editor.doc, {
      collection: 'news',
      id: draft.id,
    })
    expect(failures.map((failure) => failure.message)).toEqual([
      'Scheduling refused: Title missing in Українська (uk). Fill it in, or pick another language to publish.',
    ])
    expect(await findScheduleFailures(ctx.payload, users.contributor.doc)).toEqual([])
  })

  it('should no longer show a failure once the item is published', async () => {
    const draft = await ukrainianDraft('Виправлено після збою')
    await schedule(draft.id, users.editor, new Date(Date.now() - 1_000), 'uk')
    await ctx.payload.update({
      collection: 'news',
      id: draft.id,
      data: { title: '' },
      draft: true,
      locale: 'uk',
      overrideAccess: true,
    })
    await ctx.payload.jobs.run()
    const target = { collection: 'news', id: draft.id }
    expect(await findScheduleFailures(ctx.payload, users.editor.doc, target)).toHaveLength(1)

    // The runner's last write to the failed job and the publication must not share a timestamp.
    await sleep(1_100)
    await ctx.payload.update({
      collection: 'news',
      id: draft.id,
      data: { title: 'Виправлено після збою', _status: 'published' },
      locale: 'uk',
      overrideAccess: true,
    })
    expect(await findScheduleFailures(ctx.payload, users.editor.doc, target)).toEqual([])
  })
})
