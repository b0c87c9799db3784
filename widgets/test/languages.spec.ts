import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { EN as ARTICLE } from '../src/etw-article/etw-article.strings'
import { EN as EVENTS } from '../src/etw-events/etw-events.strings'
import { EN as NEWS } from '../src/etw-news-feed/etw-news-feed.strings'
import { EN as CHART } from '../src/etw-stats-chart/etw-stats-chart.strings'
import { EN as STATS } from '../src/etw-stats/etw-stats.strings'
import type { Strings } from '../src/shared/i18n'
import { EN as LISTS } from '../src/shared/items'
import { chromiumMissing } from './support/browser'
import { loaded, useHarness } from './support/harness'

const ALL = `<etw-stats country="AZ"></etw-stats>
<etw-news-feed limit="1"></etw-news-feed>
<etw-events when="past"></etw-events>`

/** A sample of the shipped languages: Cyrillic, Latin without browser data, Arabic, Greek, Georgian, Armenian. */
const SAMPLE = ['uk', 'az', 'ar', 'el', 'ka', 'hy']

/** The English strings and the names the feed sends in English (`Teachers`, `Seminar`, …). */
const ENGLISH = new Set([
  ...Object.values({ ...LISTS, ...EVENTS, ...ARTICLE, ...STATS, ...CHART, ...NEWS }),
  ...['Teachers', 'Schools', 'Projects', 'Seminar', 'In person'],
])

const reduce = { reducedMotion: 'reduce' as const, timezoneId: 'UTC' }

/** Texts of the parts named `part` inside the widgets' shadow roots, in document order. */
const parts = (page: Page, part: string) =>
  page.evaluate(
    (name) =>
      [...document.querySelectorAll('etw-stats, etw-news-feed, etw-events')].flatMap((widget) =>
        [...widget.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)].map((el) =>
          (el.querySelector('.cur') ?? el).textContent!.trim(),
        ),
      ),
    part,
  )

describe.skipIf(chromiumMissing)('languages', () => {
  const h = useHarness()

  afterEach(() => {
    h.cms.locales = ['en', 'uk', 'az']
  })

  for (const lang of SAMPLE) {
    it(`should show ${lang} digits, dates and strings, with no English left in the UI`, async () => {
      // A CMS configured with the sampled content locales: the feed formats in each of them.
      h.cms.locales = ['en', ...SAMPLE]
      const strings = JSON.parse(
        readFileSync(new URL(`../src/locales/${lang}.json`, import.meta.url), 'utf8'),
      ) as Strings
      const { page, problems } = await h.open(ALL, { lang, contextOptions: reduce })
      await loaded(page)

      const [teachers, schools] = await parts(page, 'value')
      expect(teachers).toBe(new Intl.NumberFormat(lang).format(4308))
      expect(schools).toBe(new Intl.NumberFormat(lang).format(1141))

      const [published] = await parts(page, 'date')
      expect(published).toBe(
        new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date('2023-05-15T10:00:00.000Z'),
        ),
      )
      expect(published).not.toMatch(/M05|May/)

      const labels = await parts(page, 'label')
      expect(labels).toEqual([strings.teachers, strings.schools, strings.projects])
      expect(await parts(page, 'badge')).toEqual([strings.seminar, strings['in-person']])
      expect(await parts(page, 'calendar')).toEqual([strings.ics])
      const [countries] = await parts(page, 'countries')
      expect(countries).toBe(
        `${strings.participating}: ${new Intl.ListFormat(lang).format(
          ['AL', 'BG', 'CZ', 'FI', 'PT', 'SK', 'SI'].map((code) =>
            new Intl.DisplayNames([lang], { type: 'region' }).of(code)!,
          ),
        )}`,
      )
      const [place] = await parts(page, 'place')
      expect(place).toBe(`Baku, ${new Intl.DisplayNames([lang], { type: 'region' }).of('AZ')}`)
      const ui = [
        ...labels,
        ...(await parts(page, 'badge')),
        ...(await parts(page, 'calendar')),
        countries!.split(':')[0]!,
      ]
      // Words a language shares with English ("Seminar" in Azerbaijani) are its own.
      const own = new Set(Object.values(strings))
      expect(ui.filter((text) => ENGLISH.has(text) && !own.has(text))).toEqual([])
      expect(problems.errors).toEqual([])
    })
  }

  it('should show no English while the strings of the page language are still on their way', async () => {
    const context = await h.browser.newContext(reduce)
    try {
      // The strings arrive well after the data: the widget waits for them behind its fallback.
      await context.route(/\/chunks\/locale-uk-[\w-]+\.json$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 600))
        await route.continue()
      })
      await context.addInitScript(() => {
        const seen = ((window as unknown as { seen: string[] }).seen = [] as string[])
        const watch = () => {
          const link = document
            .querySelector('etw-events')
            ?.shadowRoot?.querySelector('[part="calendar"]')
          if (link && seen.at(-1) !== link.textContent) seen.push(link.textContent!)
          requestAnimationFrame(watch)
        }
        requestAnimationFrame(watch)
      })
      const { page } = await h.open('<etw-events when="past"><p>Події</p></etw-events>', {
        lang: 'uk',
        context,
      })
      await loaded(page)
      expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([
        'Додати до календаря',
      ])
      // Data, not code: the strings come by fetch (the modules by the loader, with integrity).
      const strings = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.includes('/chunks/locale-'))
          .map((entry) => (entry as PerformanceResourceTiming).initiatorType),
      )
      expect(strings).toEqual(['fetch'])
    } finally {
      await context.close()
    }
  })

  it('should fetch no strings for an English page', async () => {
    const { page } = await h.open(ALL, { lang: 'en-GB', contextOptions: reduce })
    await loaded(page)
    const fetched = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes('/chunks/locale-')),
    )
    expect(fetched).toEqual([])
    expect(await parts(page, 'calendar')).toEqual(['Add to calendar'])
  })

  it('should ask the CMS in the page language once and show what it serves, marked with its locale', async () => {
    const before = h.cms.requests.length
    const { page, problems } = await h.open(
      '<etw-stats country="AZ"></etw-stats><etw-news-feed limit="1"></etw-news-feed>',
      { lang: 'ar', contextOptions: reduce },
    )
    await loaded(page)
    const asked = h.cms.requests.slice(before).map((request) => request.url)
    // One request per widget, in Arabic as the page is; no second one without the locale.
    expect(asked.filter((url) => url.startsWith('/api/etw/v1/stats'))).toEqual([
      '/api/etw/v1/stats?country=AZ&locale=ar',
    ])
    expect(asked.filter((url) => url.startsWith('/api/etw/v1/news'))).toEqual([
      '/api/etw/v1/news?limit=1&locale=ar',
    ])
    expect(problems).toEqual({ errors: [], console: [], violations: [] })
    const marks = await page.evaluate(() => {
      const root = document.querySelector('etw-news-feed')!.shadowRoot!
      const base = root.querySelector('[part="base"]')!
      return {
        base: [base.getAttribute('lang'), base.getAttribute('dir')],
        title: root.querySelector('[part="title"]')!.getAttribute('lang'),
      }
    })
    // The UI is Arabic, right to left; the texts the CMS served in English say so.
    expect(marks).toEqual({ base: ['ar', 'rtl'], title: 'en' })
    // The labels of the English answer come from the widget's Arabic strings.
    expect(await parts(page, 'label')).toEqual(['المعلمون', 'المدارس', 'المشاريع'])
  })

  it('should mark each text with the locale it came in, not the one asked for', async () => {
    const { page } = await h.open(ALL, { lang: 'az', contextOptions: reduce })
    await loaded(page)
    const marks = await page.evaluate(() => ({
      base: document
        .querySelector('etw-news-feed')!
        .shadowRoot!.querySelector('[part="base"]')!
        .getAttribute('lang'),
      news: document
        .querySelector('etw-news-feed')!
        .shadowRoot!.querySelector('[part="title"]')!
        .getAttribute('lang'),
      event: document
        .querySelector('etw-events')!
        .shadowRoot!.querySelector('[part="title"]')!
        .getAttribute('lang'),
    }))
    // The demo items have English texts only: the feed serves them in `en` for an `az` request.
    expect(marks).toEqual({ base: 'az', news: 'en', event: 'en' })
  })

  it('should count up in the grouping of a locale this browser lacks, from the CMS text', async () => {
    const { page } = await h.open('<etw-stats country="AZ" metrics="teachers"></etw-stats>', {
      lang: 'az',
      contextOptions: { reducedMotion: 'no-preference' },
    })
    await loaded(page)
    // The browser lacks Azerbaijani data (it would write "4,308"): every frame reads like 4.308.
    const seen = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const texts: string[] = []
          const current = document.querySelector('etw-stats')!.shadowRoot!.querySelector('.cur')!
          const frame = () => {
            texts.push(current.textContent!)
            if (current.textContent === '4.308') resolve(texts)
            else requestAnimationFrame(frame)
          }
          frame()
        }),
    )
    expect(seen.length).toBeGreaterThan(2)
    for (const text of seen) expect(text).toMatch(/^\d{1,3}(\.\d{3})?$/)
    expect(seen.some((text) => /^\d\.\d{3}$/.test(text) && text !== '4.308')).toBe(true)
  })
})
