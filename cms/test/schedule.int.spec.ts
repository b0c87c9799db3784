import { afterAll, beforeAll, expect, it } from 'vitest'

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

  const schedule = async (id: number | string, user: TestUser, waitUntil: Date) =>
    ctx.payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'news', value: String(id) },
        user: { relationTo: 'users', value: user.id },
      } as never,
      waitUntil,
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

  it('should fail the job that publishes what a contributor scheduled, publishing nothing', async () => {
    const draft = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Contributor scheduled' },
      draft: true,
      overrideAccess: false,
      user: users.contributor.doc,
    })
    const job = await schedule(draft.id, users.contributor, new Date(Date.now() - 1_000))
    await ctx.payload.jobs.run()
    expect(await anonymousTitles()).not.toContain('Contributor scheduled')
    // The job ran and failed on the contributor's missing permission; it is not left pending.
    const outcome = await ctx.payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0 })
    expect(outcome.hasError).toBe(true)
    expect(outcome.completedAt ?? null).toBeNull()
    expect(outcome.log?.at(-1)).toMatchObject({
      state: 'failed',
      taskSlug: 'schedulePublish',
      error: { message: 'You are not allowed to perform this action.' },
    })
  })
})
