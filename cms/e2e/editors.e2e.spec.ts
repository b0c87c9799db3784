import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, BrowserContext, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CmsProcess } from '../test/helpers/cms-process'

import { chromiumMissing, launch } from '../../widgets/test/support/browser'
import { cmsDir } from '../scripts/production-build'
import { describeWithBuild, startCms } from '../test/helpers/cms-process'
import { chooseOption, fillDate } from './support/admin'
import { startUniversity } from './support/university'
import type { University } from './support/university'

/**
 * Issue #20 end to end, on the production CMS with a fresh SQLite database: the first user's form,
 * event times typed in the event's own zone from a browser in another zone, and the live preview of
 * a Ukrainian draft (its public page and its news card) while the public feed, the public page and
 * a university page keep the published version.
 * Screenshots go to `cms/test-results/e2e/editors-<step>.png`.
 */
const SHOTS = path.join(cmsDir, 'test-results', 'e2e')
const ADMIN = { email: 'first@e2e.example.org', password: 'correct horse battery first' }
const EDITOR = { email: 'mariia@e2e.example.org', password: 'correct horse battery editor' }
const PUBLISHED = 'Літня школа eTwinning у Львові'
const DRAFT = 'Літня школа eTwinning у Львові: нова програма'

const describeE2e = chromiumMissing ? describe.skip : describeWithBuild()

/** Titles in the shadow DOM of every `tag` in `frame`. */
const widgetTitles = (frame: Frame | Page, tag: string) =>
  frame.evaluate(
    (tagName) =>
      [...document.querySelectorAll(tagName)].flatMap((el) =>
        [...(el.shadowRoot?.querySelectorAll('[part="title"]') ?? [])].map((node) =>
          (node.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      ),
    tag,
  )

describeE2e('editors: first user, event time zones, live preview', () => {
  let tmp: string
  let cms: CmsProcess
  let browser: Browser
  let context: BrowserContext
  let admin: Page
  let university: University
  let editorAuth: string

  const shot = (step: string) =>
    admin.screenshot({ path: path.join(SHOTS, `editors-${step}.png`), fullPage: true })

  const rest = async <T>(route: string, init: RequestInit = {}, auth?: string): Promise<T> => {
    const response = await fetch(`${cms.url}/api${route}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(auth ? { authorization: auth } : {}),
        ...init.headers,
      },
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${route}: ${response.status} ${text}`)
    return (text.startsWith('{') ? JSON.parse(text) : text) as T
  }

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-e2e-editors-'))
    cms = await startCms({ databaseUrl: `file:${path.join(tmp, 'etw.db')}` })
    browser = await launch()
    // The editor works from Kyiv; the events in this test happen in Baku.
    context = await browser.newContext({
      locale: 'uk-UA',
      timezoneId: 'Europe/Kyiv',
      viewport: { width: 1440, height: 900 },
    })
    admin = await context.newPage()
  })

  afterAll(async () => {
    await context?.close().catch(() => undefined)
    await browser?.close()
    await university?.close()
    await cms?.stop()
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('should create the first user without a roles select, as an administrator', async () => {
    await admin.goto(`${cms.url}/admin`)
    await admin.waitForURL(/\/admin\/create-first-user/)
    await admin.locator('#field-email').waitFor()
    expect(await admin.locator('#field-roles').count()).toBe(0)
    await shot('1-first-user')
    await admin.locator('#field-email').fill(ADMIN.email)
    await admin.locator('#field-password').fill(ADMIN.password)
    await admin.locator('#field-confirm-password').fill(ADMIN.password)
    await admin.locator('button[type="submit"]').click()
    await admin.waitForURL(`${cms.url}/admin`)

    const { token } = await rest<{ token: string }>('/users/login', {
      method: 'POST',
      body: JSON.stringify(ADMIN),
    })
    const me = await rest<{ user: { roles: string[] } }>('/users/me', {}, `JWT ${token}`)
    expect(me.user.roles).toEqual(['admin'])

    await rest(
      '/users',
      { method: 'POST', body: JSON.stringify({ ...EDITOR, roles: ['editor'] }) },
      `JWT ${token}`,
    )
    const login = await rest<{ token: string }>('/users/login', {
      method: 'POST',
      body: JSON.stringify(EDITOR),
    })
    editorAuth = `JWT ${login.token}`
    await context.clearCookies()
    await admin.goto(`${cms.url}/admin/login`)
    await admin.locator('#field-email').fill(EDITOR.email)
    await admin.locator('#field-password').fill(EDITOR.password)
    await admin.locator('button[type="submit"]').click()
    await admin.waitForURL(`${cms.url}/admin`)
  })

  it('should take 09:00 typed for a Baku event in a Kyiv browser as 09:00 in Baku', async () => {
    await admin.goto(`${cms.url}/admin/collections/events/create`)
    await admin.locator('#field-title').fill('eTwinning seminar in Baku')
    await admin.waitForURL(/\/admin\/collections\/events\/\d+/)
    await admin.locator('#field-title').waitFor()
    const eventId = /events\/(\d+)/.exec(admin.url())![1]
    await chooseOption(admin, '#field-startsAt .timezone-picker', 'Baku', 'Asia/Baku')
    await fillDate(admin, 'startsAt', '2031-03-12T09:00')
    await chooseOption(admin, '#field-endsAt .timezone-picker', 'Baku', 'Asia/Baku')
    await fillDate(admin, 'endsAt', '2031-03-12T12:00')
    await chooseOption(admin, '#field-format', 'Очно', 'Очно')
    await chooseOption(admin, '#field-kind', 'Семінар', 'Семінар')
    // The picker shows the time as typed, in the event's zone, not the browser's.
    expect(await admin.locator('#field-startsAt input').first().inputValue()).toMatch(/\b0?9:00\b/)
    await shot('2-baku-event')
    await admin.locator('#action-save').click()
    await expect
      .poll(
        async () =>
          (await rest<{ _status?: string }>(`/events/${eventId}?depth=0`, {}, editorAuth))._status,
        { timeout: 20_000 },
      )
      .toBe('published')

    const stored = await rest<Record<string, unknown>>(`/events/${eventId}?depth=0`, {}, editorAuth)
    expect(stored).toMatchObject({
      startsAt: '2031-03-12T05:00:00.000Z',
      startsAt_tz: 'Asia/Baku',
      timeZone: 'Asia/Baku',
    })
    const ics = await rest<string>(`/etw/v1/events.ics?id=${eventId}`)
    expect(ics).toContain('DTSTART;TZID=Asia/Baku:20310312T090000')
    expect(ics).toContain('DTEND;TZID=Asia/Baku:20310312T120000')
  })

  it('should preview a Ukrainian draft while readers still see the published version', async () => {
    const created = await rest<{ doc: { id: number; slug: string } }>(
      '/news?locale=uk',
      {
        method: 'POST',
        body: JSON.stringify({
          title: PUBLISHED,
          summary: 'Програма літньої школи.',
          _status: 'published',
        }),
      },
      editorAuth,
    )
    const { id, slug } = created.doc
    university = await startUniversity(cms.url)

    await admin.goto(`${cms.url}/admin/collections/news/${id}?locale=uk`)
    await admin.locator('#field-title').waitFor()
    const autosaved = admin.waitForResponse(
      (response) =>
        response.url().includes(`/api/news/${id}`) &&
        response.request().method() === 'PATCH' &&
        response.ok(),
    )
    await admin.locator('#field-title').fill(DRAFT)
    await autosaved
    await admin.locator('#live-preview-toggler').click()
    const iframe = admin.locator('#live-preview-iframe')
    await iframe.waitFor()
    const frame = (await iframe.elementHandle())!.contentFrame()
    const preview = (await frame)!
    // The draft's public page, as readers will see it once published…
    await expect
      .poll(() => preview.locator('main h1').textContent(), { timeout: 30_000 })
      .toBe(DRAFT)
    // …then the news card the widgets will show.
    await expect
      .poll(() => widgetTitles(preview, 'etw-news-feed'), { timeout: 30_000 })
      .toContain(DRAFT)
    await shot('3-live-preview')
    await iframe.screenshot({ path: path.join(SHOTS, 'editors-3-live-preview-frame.png') })

    // The preview follows the editor's typing: the next autosave shows in the frame.
    const retitled = `${DRAFT}!`
    await admin.locator('#field-title').fill(retitled)
    await expect
      .poll(() => preview.locator('main h1').textContent(), { timeout: 30_000 })
      .toBe(retitled)

    const feed = await rest<{ items: { title: string }[] }>('/etw/v1/news?locale=uk')
    expect(feed.items.map((item) => item.title)).toEqual([PUBLISHED])

    const visitor = await context.browser()!.newContext({ locale: 'uk-UA' })
    const site = await visitor.newPage()
    await site.goto(university.url('uk'))
    await expect
      .poll(() => widgetTitles(site, 'etw-news-feed'), { timeout: 30_000 })
      .toEqual([PUBLISHED])
    await site.screenshot({ path: path.join(SHOTS, 'editors-3-university.png'), fullPage: true })
    // The public page keeps the published version too: the draft shows only through the preview.
    const page = await site.goto(`${cms.url}/uk/news/${slug}`)
    expect(page?.status()).toBe(200)
    expect(await site.locator('main h1').textContent()).toBe(PUBLISHED)
    expect(await site.content()).not.toContain(DRAFT)
    await site.screenshot({ path: path.join(SHOTS, 'editors-3-public-page.png'), fullPage: true })
    await visitor.close()

    // A schedule that could not publish is refused in the dialog, with what is missing.
    await admin.keyboard.press('Escape')
    await admin.locator('#action-save + .popup-button, .form-submit .popup-button').first().click()
    await admin.locator('#schedule-publish').click()
    await admin.locator('.schedule-publish__type label[for$="-type-publish"]').click()
    const time = admin.locator(
      '.schedule-publish__scheduler .react-datepicker__input-container input',
    )
    const at = new Date(Date.now() + 3_600_000)
    await time.fill(at.toISOString().slice(0, 16))
    await time.press('Enter')
    await admin.locator('.schedule-publish__scheduler .rs__control').last().click()
    await admin.locator('.rs__option', { hasText: 'Azərbaycanca' }).first().click()
    await admin.locator('#scheduled-publish-save').click()
    await admin
      .locator('[data-sonner-toast]', {
        // In the admin's language (the editor's browser asks for Ukrainian).
        hasText: 'Планування відхилено: не заповнено Заголовок (Azərbaycanca (az))',
      })
      .waitFor()
    await shot('4-schedule-refused')
    await admin.keyboard.press('Escape')

    // The preview's address is bound to its token: without one, nobody sees the draft.
    const src = (await iframe.getAttribute('src'))!
    const anonymous = await fetch(src.replace(/[^/]+$/, 'not-a-token'))
    expect(anonymous.status).toBe(404)
    expect(await anonymous.text()).not.toContain(DRAFT)
  })
})
