import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Problems } from '../../widgets/test/support/browser'
import type { CmsProcess } from '../test/helpers/cms-process'

import {
  chromiumMissing,
  launch,
  shadowText as widgetText,
  watch,
} from '../../widgets/test/support/browser'
import { cmsDir } from '../scripts/production-build'
import { describeWithBuild, startCms } from '../test/helpers/cms-process'
import {
  chooseOption,
  fillDate,
  logIn,
  pickerText,
  trackFormState,
  whenFormSettled,
} from './support/admin'
import { startUniversity } from './support/university'
import type { University } from './support/university'

/**
 * Issue #7 end to end: an editor works in the admin of the production CMS (fresh SQLite database)
 * and a university's static website on another origin, under a strict Content-Security-Policy,
 * shows the result through the self-hosted widget bundle. Screenshots of every step are written to
 * `cms/test-results/e2e/<step>-<admin|university>.png`.
 */
const SHOTS = path.join(cmsDir, 'test-results', 'e2e')
const TIME_ZONE = 'Europe/Kyiv'
/** Zone of a new event, the plugin's default: its dates are typed and shown in it. */
const EVENT_TIME_ZONE = 'Europe/Brussels'
/** `max-age` of feed answers: how long a browser may reuse one without asking the CMS. */
const FEED_MAX_AGE_MS = 60_000
/**
 * Scheduled jobs run on the minute: a publication planned 90 s ahead has run within 150 s, and the
 * page shows it within the feed's cache lifetime after that.
 */
const JOB_WAIT_MS = 150_000 + FEED_MAX_AGE_MS + 10_000

const ADMIN = { email: 'admin@e2e.example.org', password: 'correct horse battery admin' }
const EDITOR = { email: 'olena@e2e.example.org', password: 'correct horse battery editor' }

const NEWS_TITLE = 'Семінар eTwinning в Івано-Франківську'
const NEWS_SUMMARY = 'Вчителі Прикарпаття обмінялися досвідом проєктної роботи.'
const COVER_ALT = 'Учасники семінару в аудиторії університету'
const DRAFT_TITLE = 'Семінар eTwinning в Івано-Франківську: фотозвіт'
const EVENT_TITLE = 'Вебінар eTwinning для вчителів Азербайджану'
const EVENT_TITLE_EN = 'eTwinning webinar for teachers in Azerbaijan'
/**
 * Azerbaijan's earlier teachers figures, the demo content's (the CMS starts here without it): the
 * snapshot form shows the latest of them beside the new figure, the list's trend chart all three.
 */
const EARLIER_TEACHERS = [
  { value: 4180, asOf: '2023-05-15' },
  { value: 4308, asOf: '2025-02-07' },
]

const describeE2e = chromiumMissing ? describe.skip : describeWithBuild()

/**
 * Resolves when every widget on the page has settled: fired `etw-load` (fresh data shown), or
 * `etw-error` when `event` is `'etw-error'` (the data could not be loaded after retries).
 */
const settle = async (page: Page, event: 'etw-error' | 'etw-load' = 'etw-load') => {
  await page.waitForFunction(
    (name) => {
      const seen = (window as unknown as { __etwSeen?: Record<string, number> }).__etwSeen ?? {}
      const widgets = document.querySelectorAll('etw-stats, etw-news-feed, etw-events').length
      return widgets > 0 && (seen[name] ?? 0) >= widgets
    },
    event,
    { timeout: 30_000 },
  )
}

/** Counts widget events from the first script on, so none is missed. */
const countWidgetEvents = (page: Page) =>
  page.addInitScript(() => {
    const seen: Record<string, number> = {}
    ;(window as unknown as { __etwSeen: Record<string, number> }).__etwSeen = seen
    for (const name of ['etw-load', 'etw-error']) {
      document.addEventListener(name, () => (seen[name] = (seen[name] ?? 0) + 1))
    }
  })

/** Empties the browser's HTTP cache (not `localStorage`, where the widgets keep their copy). */
const clearHttpCache = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.clearBrowserCache')
  await cdp.detach()
}

/** Opens `url` again until `check` passes or `timeout` ms have gone by; returns the last answer. */
const reloadUntil = async <T>(
  page: Page,
  url: string,
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeout: number,
): Promise<T> => {
  const deadline = Date.now() + timeout
  for (;;) {
    await page.goto(url)
    await settle(page)
    const value = await read()
    if (check(value) || Date.now() > deadline) return value
    await page.waitForTimeout(2_000)
  }
}

describeE2e('an editor in the admin, a university website with the widgets', () => {
  let tmp: string
  let cms: CmsProcess
  let university: University
  let browser: Browser
  let editorContext: BrowserContext
  let visitorContext: BrowserContext
  let admin: Page
  let site: Page
  let siteProblems: Problems
  let editorAuth: string
  const uploaded: string[] = []

  const shoot = async (step: string) => {
    await admin.screenshot({ path: path.join(SHOTS, `${step}-admin.png`), fullPage: true })
    await site.screenshot({ path: path.join(SHOTS, `${step}-university.png`), fullPage: true })
  }

  const rest = async <T>(route: string, init: RequestInit = {}, auth?: string): Promise<T> => {
    const response = await fetch(`${cms.url}/api${route}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(auth ? { authorization: auth } : {}),
        ...init.headers,
      },
    })
    const body = (await response.json()) as T
    if (!response.ok) throw new Error(`${route}: ${response.status} ${JSON.stringify(body)}`)
    return body
  }

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-e2e-'))
    cms = await startCms({
      databaseUrl: `file:${path.join(tmp, 'etw.db')}`,
      env: { ETW_ADMIN_EMAIL: ADMIN.email, ETW_ADMIN_PASSWORD: ADMIN.password },
    })
    const { token } = await rest<{ token: string }>('/users/login', {
      method: 'POST',
      body: JSON.stringify(ADMIN),
    })
    await rest(
      '/users',
      {
        method: 'POST',
        body: JSON.stringify({ ...EDITOR, name: 'Олена Editor', roles: ['editor'] }),
      },
      `JWT ${token}`,
    )
    for (const figure of EARLIER_TEACHERS) {
      await rest(
        '/statistics',
        {
          method: 'POST',
          body: JSON.stringify({ ...figure, metric: 'teachers', scope: 'country', country: 'AZ' }),
        },
        `JWT ${token}`,
      )
    }
    const login = await rest<{ token: string }>('/users/login', {
      method: 'POST',
      body: JSON.stringify(EDITOR),
    })
    editorAuth = `JWT ${login.token}`
    university = await startUniversity(cms.url)
    browser = await launch()
    const common = { viewport: { width: 1280, height: 900 }, timezoneId: TIME_ZONE }
    editorContext = await browser.newContext({
      ...common,
      locale: 'uk-UA',
      reducedMotion: 'reduce',
    })
    visitorContext = await browser.newContext({
      ...common,
      locale: 'uk-UA',
      reducedMotion: 'reduce',
    })
    admin = await editorContext.newPage()
    trackFormState(admin)
    site = await visitorContext.newPage()
    siteProblems = await watch(site)
    await countWidgetEvents(site)
  })

  afterAll(async () => {
    await editorContext?.close().catch(() => undefined)
    await visitorContext?.close().catch(() => undefined)
    await browser?.close()
    await university?.close()
    await cms?.stop()
    // Uploads go to the CMS's media directory; leave it as it was.
    for (const file of uploaded)
      fs.rmSync(path.join(cmsDir, 'data', 'media', file), { force: true })
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('should show a news item written and published in Ukrainian, with its date and cover, within the cache TTL', async () => {
    await logIn(admin, cms.url, EDITOR.email, EDITOR.password)
    await admin.goto(`${cms.url}/admin/account`)
    await chooseOption(admin, '.payload-settings__language', 'Укр', 'Українська')
    await admin.waitForSelector('html[lang="uk"]')
    await admin.screenshot({ path: path.join(SHOTS, '0-language-admin.png'), fullPage: true })

    const cover = path.join(tmp, 'seminar.jpg')
    await sharp({
      create: { width: 1200, height: 675, channels: 3, background: '#0b57a4' },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><circle cx="600" cy="337" r="200" fill="#ffd43b"/></svg>',
          ),
        },
      ])
      .jpeg()
      .toFile(cover)

    await admin.goto(`${cms.url}/admin/collections/news/create?locale=uk`)
    await admin.locator('#field-title').fill(NEWS_TITLE)
    await admin.locator('#field-summary').fill(NEWS_SUMMARY)
    await chooseOption(admin, '#field-country', 'Україн', 'Україна')
    await admin.locator('#field-cover .upload__createNewToggler').click()
    const drawer = admin.locator('.drawer--is-open').last()
    await drawer.locator('input[type="file"]').setInputFiles(cover)
    await drawer.locator('#field-alt').fill(COVER_ALT)
    await drawer.locator('#action-save').click()
    await admin
      .locator('#field-cover .upload-relationship-details, #field-cover img')
      .first()
      .waitFor()
    await admin.locator('#action-save').click()
    await admin.waitForURL(/\/admin\/collections\/news\/\d+/)
    await admin.locator('.doc-controls__status, .status').first().waitFor()

    const published = await rest<{
      docs: {
        id: number
        publishedAt: string
        cover: { filename: string; sizes: Record<string, { filename?: string | null }> }
      }[]
    }>(`/news?locale=uk&depth=1&where[title][equals]=${encodeURIComponent(NEWS_TITLE)}`)
    const news = published.docs[0]
    expect(news?.publishedAt).toBeTruthy()
    if (news?.cover) {
      uploaded.push(
        news.cover.filename,
        ...Object.values(news.cover.sizes).flatMap((size) =>
          size.filename ? [size.filename] : [],
        ),
      )
    }

    const titles = await reloadUntil(
      site,
      university.url('uk'),
      () => widgetText(site, 'etw-news-feed', '[part="title"]'),
      (list) => list.includes(NEWS_TITLE),
      FEED_MAX_AGE_MS + 10_000,
    )
    expect(titles).toContain(NEWS_TITLE)
    const expectedDate = await site.evaluate(
      (iso) => new Intl.DateTimeFormat('uk', { dateStyle: 'medium' }).format(new Date(iso)),
      news!.publishedAt,
    )
    expect(await widgetText(site, 'etw-news-feed', '[part="date"]')).toContain(
      expectedDate.replace(/[\s\u00a0\u202f]+/g, ' '),
    )
    const image = await site.evaluate(() => {
      const img = document
        .querySelector('etw-news-feed')
        ?.shadowRoot?.querySelector<HTMLImageElement>('img[part="image"]')
      return img && { alt: img.alt, src: img.src, complete: img.complete, width: img.naturalWidth }
    })
    expect(image?.alt).toBe(COVER_ALT)
    expect(image?.src.startsWith(cms.url)).toBe(true)
    await site.waitForFunction(() => {
      const img = document
        .querySelector('etw-news-feed')
        ?.shadowRoot?.querySelector<HTMLImageElement>('img[part="image"]')
      return !!img && img.complete && img.naturalWidth > 0
    })
    expect(siteProblems.errors).toEqual([])
    expect(siteProblems.violations).toEqual([])
    await shoot('1-news')
  })

  it('should count a new statistics snapshot as "4 400" in Ukrainian and "4,400" in English', async () => {
    await admin.goto(`${cms.url}/admin/collections/statistics/create`)
    await chooseOption(admin, '#field-metric', 'Учит', 'Учителі')
    await admin.locator('#field-value').fill('4400')
    await fillDate(admin, 'asOf', pickerText(new Date(), TIME_ZONE).slice(0, 10))
    await whenFormSettled(admin)
    await chooseOption(admin, '#field-scope', 'Краї', 'Країна')
    await chooseOption(admin, '#field-country', 'Азерб', 'Азербайджан')
    // The last figure of the same metric and scope, to check the new one against.
    const previous = admin.locator('[data-previous-figure="found"]')
    await previous.waitFor()
    expect(await previous.innerText()).toMatch(/4\s308 · Станом на 7 лют\. 2025/)
    await admin.locator('#action-save').click()
    await admin.waitForURL(/\/admin\/collections\/statistics\/\d+/)

    const read = () => widgetText(site, 'etw-stats', '[part="value"] .sr')
    const uk = await reloadUntil(
      site,
      university.url('uk'),
      read,
      (values) => values.includes('4 400'),
      FEED_MAX_AGE_MS + 10_000,
    )
    expect(uk).toEqual(['4 400'])
    const en = await reloadUntil(
      site,
      university.url('en'),
      read,
      (values) => values.includes('4,400'),
      FEED_MAX_AGE_MS + 10_000,
    )
    expect(en).toEqual(['4,400'])
    await site.goto(university.url('uk'))
    await settle(site)
    await admin.goto(`${cms.url}/admin/collections/statistics`)
    await admin.locator('.etw-table').waitFor()
    // Azerbaijan's teachers: 4,180 (May 2023), 4,308, then the figure just recorded.
    const trend = admin.locator(
      'tbody[data-scope="country:AZ"] tr[data-metric="teachers"] .etw-trend',
    )
    expect(await trend.getAttribute('data-points')).toBe('3')
    expect(await trend.getAttribute('aria-label')).toMatch(/4\s180 .* → 4\s400 /)
    expect(siteProblems.errors).toEqual([])
    expect(siteProblems.violations).toEqual([])
    await shoot('2-statistics')
  })

  it('should keep showing the published news item while the editor saves a draft change', async () => {
    const { docs } = await rest<{ docs: { id: number }[] }>(
      `/news?where[title][equals]=${encodeURIComponent(NEWS_TITLE)}&locale=uk`,
    )
    const id = docs[0]!.id
    await admin.goto(`${cms.url}/admin/collections/news/${id}?locale=uk`)
    const autosaved = admin.waitForResponse(
      (response) =>
        response.url().includes(`/api/news/${id}`) &&
        response.request().method() === 'PATCH' &&
        response.ok(),
    )
    await admin.locator('#field-title').fill(DRAFT_TITLE)
    await autosaved

    const draft = await rest<{ title: string; _status: string }>(
      `/news/${id}?draft=true&locale=uk`,
      {},
      editorAuth,
    )
    expect(draft.title).toBe(DRAFT_TITLE)
    // Without the browser's copy of earlier feed answers, the page asks the CMS itself.
    await clearHttpCache(site)
    await site.goto(university.url('uk'))
    await settle(site)
    const titles = await widgetText(site, 'etw-news-feed', '[part="title"]')
    expect(titles).toContain(NEWS_TITLE)
    expect(titles).not.toContain(DRAFT_TITLE)
    const feed = await rest<{ items: { title: string }[] }>('/etw/v1/news?locale=uk')
    expect(feed.items.map((item) => item.title)).toEqual([NEWS_TITLE])
    await shoot('3-draft')
  })

  it('should show an event scheduled to publish a minute ahead once the job has run', async () => {
    const start = new Date(Date.now() + 7 * 86_400_000)
    start.setUTCHours(7, 0, 0, 0)
    const end = new Date(start.getTime() + 2 * 3_600_000)
    // English first, then the Ukrainian translation: the job publishes every language that has a
    // title.
    await admin.goto(`${cms.url}/admin/collections/events/create?locale=en`)
    await admin.locator('#field-title').fill(EVENT_TITLE_EN)
    // Autosave creates the draft from the title and moves to its address; the rest goes into it.
    await admin.waitForURL(/\/admin\/collections\/events\/\d+/)
    await admin.locator('#field-title').waitFor()
    // The pickers take the time in the event's zone (the default one, Brussels), whatever the
    // browser's zone is.
    await fillDate(admin, 'startsAt', pickerText(start, EVENT_TIME_ZONE))
    await fillDate(admin, 'endsAt', pickerText(end, EVENT_TIME_ZONE))
    await chooseOption(admin, '#field-format', 'Онлайн', 'Онлайн')
    await chooseOption(admin, '#field-kind', 'Вебінар', 'Вебінар')
    await chooseOption(admin, '#field-country', 'Азерб', 'Азербайджан')
    const eventId = /events\/(\d+)/.exec(admin.url())![1]
    // Every required field has reached the autosaved draft before the publication is planned.
    await expect
      .poll(
        async () => {
          const draft = await rest<Record<string, unknown>>(
            `/events/${eventId}?draft=true&locale=en&depth=0`,
            {},
            editorAuth,
          )
          return [draft.startsAt, draft.endsAt, draft.format, draft.kind, draft.country]
        },
        { timeout: 20_000 },
      )
      .toEqual([start.toISOString(), end.toISOString(), 'online', 'webinar', 'AZ'])
    await admin.goto(`${cms.url}/admin/collections/events/${eventId}?locale=uk`)
    const autosaved = admin.waitForResponse(
      (response) =>
        response.url().includes(`/api/events/${eventId}`) &&
        response.request().method() === 'PATCH' &&
        response.ok(),
    )
    await admin.locator('#field-title').fill(EVENT_TITLE)
    await autosaved
    await admin.locator('#action-save + .popup-button, .form-submit .popup-button').first().click()
    await admin.locator('#schedule-publish').click()
    await admin.locator('.schedule-publish__type label[for$="-type-publish"]').click()
    const at = new Date(Date.now() + 90_000)
    const time = admin.locator(
      '.schedule-publish__scheduler .react-datepicker__input-container input',
    )
    await time.fill(pickerText(at, TIME_ZONE))
    await time.press('Enter')
    await admin.locator('#scheduled-publish-save').click()
    await admin
      .locator('.schedule-publish__upcoming tbody tr, .schedule-publish__upcoming li')
      .first()
      .waitFor()
    await admin.screenshot({ path: path.join(SHOTS, '4-schedule-admin.png'), fullPage: true })
    await admin.keyboard.press('Escape')

    const read = () => widgetText(site, 'etw-events', '[part="title"]')
    expect(await read()).not.toContain(EVENT_TITLE)
    const titles = await reloadUntil(
      site,
      university.url('uk'),
      read,
      (list) => list.includes(EVENT_TITLE),
      JOB_WAIT_MS,
    )
    expect(titles, `CMS output:\n${cms.output().slice(-4000)}`).toContain(EVENT_TITLE)
    await admin.reload()
    expect(siteProblems.errors).toEqual([])
    expect(siteProblems.violations).toEqual([])
    await shoot('4-event')
  }, 360_000)

  it('should give editors a dashboard with the latest counters and publications, and an embed view', async () => {
    await admin.goto(`${cms.url}/admin`)
    const counters = admin.locator('.etw-counters__scope[data-scope="country:AZ"]')
    await expect
      .poll(async () => (await counters.innerText()).replace(/[\s\u00a0\u202f]+/g, ' '))
      .toContain('Учителі 4 400')
    const publications = await admin.locator('.etw-publications li a').allInnerTexts()
    expect(publications).toEqual(expect.arrayContaining([NEWS_TITLE, EVENT_TITLE]))
    await admin.screenshot({ path: path.join(SHOTS, '4-dashboard-admin.png'), fullPage: true })

    await admin.goto(`${cms.url}/admin/collections/events`)
    await admin.locator('.etw-quick-filters a', { hasText: 'Азербайджан' }).click()
    await admin.waitForURL(/where/)
    await expect
      .poll(() => admin.locator('.table tbody tr').allInnerTexts())
      .toEqual([expect.stringContaining(EVENT_TITLE)])
    await admin.screenshot({ path: path.join(SHOTS, '4-events-admin.png'), fullPage: true })

    await admin.goto(`${cms.url}/admin/embed`)
    await admin.locator('select[name="scope"]').selectOption('country')
    await admin.locator('select[name="country"]').selectOption('AZ')
    await admin.locator('select[name="lang"]').selectOption('uk')
    const snippet = admin.locator('[data-etw-snippet]')
    await expect.poll(() => snippet.innerText()).toContain('<etw-stats country="AZ"')
    const text = await snippet.innerText()
    expect(text.split('\n')[0]).toBe(`<script src="${cms.url}/widgets/etw-widgets.js"></script>`)
    expect(text).toContain('metrics="teachers,schools,projects" show-date show-source lang="uk"')
    await admin.waitForFunction(() =>
      document
        .querySelector('.etw-embed__stage etw-stats')
        ?.shadowRoot?.querySelector('[part="value"]'),
    )
    await admin.screenshot({ path: path.join(SHOTS, '4-embed-admin.png'), fullPage: true })

    // The article widget: one page of the host site for every article, named by its address.
    await admin.locator('select[name="widget"]').selectOption('article')
    await admin.locator('select[name="article-source"]').selectOption('address')
    await admin.locator('select[name="heading-level"]').selectOption('1')
    await expect
      .poll(() => snippet.innerText())
      .toContain('<etw-article slug-param="slug" heading-level="1" lang="uk">')
    await admin.waitForFunction(() =>
      document
        .querySelector('.etw-embed__stage etw-article')
        ?.shadowRoot?.querySelector('h1[part="title"]'),
    )
    expect(
      await admin.evaluate(
        () =>
          document
            .querySelector('.etw-embed__stage etw-article')
            ?.shadowRoot?.querySelector('[part="title"]')?.textContent,
      ),
    ).toBe(await admin.locator('select[name="article"] option:checked').innerText())
    await admin.screenshot({ path: path.join(SHOTS, '4-embed-article-admin.png'), fullPage: true })
  })

  it('should keep showing the last data from the widget cache, without an uncaught error, when the CMS is down', async () => {
    // A later visit, after the feed's HTTP cache lifetime: the browser still has the widgets'
    // code (the loader cached for an hour, each tag's chunks for a year, fetched on another page
    // of the site) but no feed answer for this page, so only the widgets' own copy can show data.
    await clearHttpCache(site)
    await site.goto(`${university.origin}/empty/`)
    await site.waitForFunction(() =>
      ['etw-stats', 'etw-news-feed', 'etw-events'].every((tag) => customElements.get(tag)),
    )
    expect(await cms.stop()).toBe(0)

    siteProblems.errors.length = 0
    await site.goto(university.url('uk'))
    await settle(site, 'etw-error')
    expect(await widgetText(site, 'etw-news-feed', '[part="title"]')).toContain(NEWS_TITLE)
    expect(await widgetText(site, 'etw-stats', '[part="value"] .sr')).toEqual(['4 400'])
    expect(await widgetText(site, 'etw-events', '[part="title"]')).toContain(EVENT_TITLE)
    expect(siteProblems.errors).toEqual([])
    expect(siteProblems.violations).toEqual([])
    await shoot('5-offline')
  })
})
