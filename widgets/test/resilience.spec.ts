import { describe, expect, it } from 'vitest'
import { chromiumMissing } from './support/browser'
import { loaded, useHarness } from './support/harness'

const FALLBACK =
  '<etw-stats country="AZ"><p id="fallback">4308 teachers in Azerbaijan</p></etw-stats>'

const reduce = { contextOptions: { reducedMotion: 'reduce' as const } }

/** Records `etw-error` events from the start of the page. */
const recordErrors = `<script>window.etwErrors=[];addEventListener('etw-error',e=>etwErrors.push(e.error.status+' '+e.url))</script>`

describe.skipIf(chromiumMissing)('resilience', () => {
  const h = useHarness()

  it('should keep showing the fallback content, fire etw-error and throw nothing when the API is down', async () => {
    h.cms.mode = 'down'
    try {
      const { page, problems } = await h.open(FALLBACK, { head: recordErrors, script: false })
      await page.addScriptTag({ url: `${h.cms.origin}/widgets/etw-widgets.js` })
      expect(await page.locator('#fallback').isVisible()).toBe(true)
      await page.waitForFunction(() => (window as any).etwErrors.length > 0, null, {
        timeout: 15_000,
      })
      expect(await page.evaluate(() => (window as any).etwErrors)).toEqual([
        `0 ${h.cms.origin}/api/etw/v1/stats?country=AZ&locale=en`,
      ])
      expect(await page.locator('#fallback').isVisible()).toBe(true)
      expect(await page.locator('etw-stats [part="base"]').count()).toBe(0)
      expect(problems.errors).toEqual([])
      // Three attempts: the first and two retries.
      expect(h.cms.requests.filter((r) => r.url.includes('stats?country=AZ')).length).toBe(3)
    } finally {
      h.cms.mode = 'ok'
    }
  })

  it('should show the last good data at once on the next visit, even with the API down', async () => {
    const first = await h.open(FALLBACK, reduce)
    await loaded(first.page)
    await first.page.close()
    h.cms.mode = 'down'
    try {
      const { page, problems } = await h.open(FALLBACK, { context: first.context })
      await loaded(page)
      expect(await page.locator('etw-stats .cur').first().innerText()).toBe('4,308')
      expect(await page.locator('#fallback').isVisible()).toBe(false)
      expect(problems.errors).toEqual([])
      // Its revalidation keeps retrying in the background; stop it here.
      await page.close()
    } finally {
      h.cms.mode = 'ok'
    }
  })

  it('should wait as long as Retry-After says before retrying', async () => {
    h.cms.mode = 'retry-after'
    try {
      const { page } = await h.open('<etw-news-feed limit="1"></etw-news-feed>')
      await loaded(page)
      const tries = h.cms.requests.filter((r) => r.url.startsWith('/api/etw/v1/news?limit=1'))
      expect(tries.length).toBe(2)
      expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(1000)
    } finally {
      h.cms.mode = 'ok'
    }
  })

  it('should send one request per distinct URL however many widgets ask for it', async () => {
    const before = h.cms.requests.length
    const { page } = await h.open(
      '<etw-stats country="AZ" metrics="schools"></etw-stats>'.repeat(3) +
        '<etw-stats country="AZ" metrics="projects"></etw-stats>',
      reduce,
    )
    await loaded(page)
    const urls = h.cms.requests.slice(before).map((r) => r.url)
    expect(urls.sort()).toEqual([
      '/api/etw/v1/stats?country=AZ&locale=en&metrics=projects',
      '/api/etw/v1/stats?country=AZ&locale=en&metrics=schools',
    ])
  })
})
