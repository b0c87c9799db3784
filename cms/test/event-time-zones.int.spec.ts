import { afterAll, beforeAll, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

const event = {
  title: 'Baku seminar',
  // 09:00–12:00 in Baku (UTC+4).
  startsAt: '2031-03-12T05:00:00.000Z',
  endsAt: '2031-03-12T08:00:00.000Z',
  format: 'in-person',
  kind: 'seminar',
  _status: 'published',
}

describeDb('event times in the event’s time zone', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>

  beforeAll(async () => {
    ctx = await bootPayload()
    users = await createTestUsers(ctx.payload)
  })

  afterAll(async () => {
    await ctx?.close()
  })

  const create = async (body: Record<string, unknown>) => {
    const res = await ctx.api.post('/events', { auth: users.editor.auth, body })
    expect(res.status).toBe(201)
    return res.body.doc as Record<string, unknown>
  }

  it('should store the zone the admin’s start picker chose as the event’s zone', async () => {
    const doc = await create({ ...event, startsAt_tz: 'Asia/Baku', endsAt_tz: 'Asia/Baku' })
    expect(doc).toMatchObject({
      timeZone: 'Asia/Baku',
      startsAt_tz: 'Asia/Baku',
      endsAt_tz: 'Asia/Baku',
    })
  })

  it('should give an empty registration deadline the zone of the start', async () => {
    const doc = await create({
      ...event,
      startsAt_tz: 'Asia/Baku',
      endsAt_tz: 'Asia/Baku',
      registrationDeadline_tz: 'Europe/Brussels',
    })
    expect(doc.registrationDeadline_tz).toBe('Asia/Baku')
  })

  it('should put an API client’s timeZone beside every date', async () => {
    const doc = await create({ ...event, timeZone: 'Asia/Baku' })
    expect(doc).toMatchObject({
      timeZone: 'Asia/Baku',
      startsAt_tz: 'Asia/Baku',
      endsAt_tz: 'Asia/Baku',
      registrationDeadline_tz: 'Asia/Baku',
    })
  })

  it('should give a new event the default zone beside its dates', async () => {
    const doc = await create(event)
    expect(doc).toMatchObject({ timeZone: 'Europe/Brussels', startsAt_tz: 'Europe/Brussels' })
  })

  it('should refuse a zone beside a date that is not an IANA time zone', async () => {
    const res = await ctx.api.post('/events', {
      auth: users.editor.auth,
      body: { ...event, startsAt_tz: 'Mars/Olympus' },
    })
    expect(res.status).toBe(400)
  })

  it('should keep the feed and iCalendar times of an event entered in its zone', async () => {
    const doc = await create({ ...event, title: 'Baku in its zone', startsAt_tz: 'Asia/Baku' })
    const feed = await ctx.api.get('/etw/v1/events?when=all&limit=50')
    const item = feed.body.items.find((entry: { id: string }) => entry.id === String(doc.id))
    expect(item).toMatchObject({
      start: '2031-03-12T05:00:00.000Z',
      end: '2031-03-12T08:00:00.000Z',
      timeZone: 'Asia/Baku',
    })
    const ics = await ctx.api.get(`/etw/v1/events.ics?id=${doc.id}`)
    expect(String(ics.body)).toContain('DTSTART;TZID=Asia/Baku:20310312T090000')
    expect(String(ics.body)).toContain('DTEND;TZID=Asia/Baku:20310312T120000')
  })
})
