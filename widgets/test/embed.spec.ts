import { describe, expect, it } from 'vitest'
import { axe, chromiumMissing, watch } from './support/browser'
import { loaded, useHarness } from './support/harness'
import { strictCsp } from './support/server'

const ALL = `<h2>Figures</h2><etw-stats country="AZ"></etw-stats>
<h2>News</h2><etw-news-feed limit="2"></etw-news-feed>
<h2>Events</h2><etw-events when="past" layout="cards"></etw-events>`

const reduce = { contextOptions: { reducedMotion: 'reduce' as const } }

describe.skipIf(chromiumMissing)('embedding', () => {
  const h = useHarness()

  it('should read from the origin the script came from, on another site', async () => {
    const { page } = await h.open('<etw-stats country="AZ"></etw-stats>', reduce)
    await loaded(page)
    expect(new URL(page.url()).origin).not.toBe(h.cms.origin)
    expect(h.site.requests).toEqual([])
    expect(h.cms.requests.at(-1)?.url).toBe('/api/etw/v1/stats?country=AZ&locale=en')
  })

  it('should mount <div data-etw> for editors that strip unknown tags, keeping its content as fallback', async () => {
    const { page } = await h.open(
      '<div data-etw="stats" data-country="AZ" data-metrics="teachers" data-lang="uk"><p>4308 вчителів</p></div>',
      reduce,
    )
    await loaded(page)
    const widget = page.locator('div[data-etw] > etw-stats')
    expect(await widget.getAttribute('country')).toBe('AZ')
    expect(await widget.getAttribute('lang')).toBe('uk')
    expect(await widget.locator('.cur').innerText()).toBe('4\u00a0308')
    expect(await widget.evaluate((el) => el.querySelector('p')?.textContent)).toBe('4308 вчителів')
    // A second mount() leaves it alone.
    expect(await page.evaluate(() => window.etwWidgets!.mount().length)).toBe(0)
  })

  it('should not throw when two copies or versions of the bundle load, even under the strict CSP', async () => {
    const second = `<script src="${h.cms.origin}/widgets/etw-widgets.js?v=2"></script>`
    const { page, problems } = await h.open('<etw-stats country="AZ"></etw-stats>', {
      head: second,
      csp: strictCsp(h.cms.origin),
      ...reduce,
    })
    await loaded(page)
    expect(await page.evaluate(() => window.etwWidgets?.version)).toBe('0.1.0')
    expect(await page.locator('etw-stats .cur').first().innerText()).toBe('4,308')
    expect(problems).toEqual({ errors: [], console: [], violations: [] })
  })

  it('should render every widget under the strict CSP with no violation and no console error', async () => {
    const { page, problems } = await h.open(ALL, { csp: strictCsp(h.cms.origin) })
    await loaded(page)
    await page.locator('etw-stats').scrollIntoViewIfNeeded()
    await page.locator('etw-news-feed img').first().scrollIntoViewIfNeeded()
    await page.waitForFunction(
      () =>
        document.querySelector('etw-stats')?.shadowRoot?.querySelector('.cur')?.textContent ===
        '4,308',
    )
    await page.waitForLoadState('networkidle')
    expect(
      await page
        .locator('etw-news-feed img')
        .first()
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    ).toBe(true)
    expect(problems).toEqual({ errors: [], console: [], violations: [] })
  })

  it('should have no accessibility violations (axe-core)', async () => {
    for (const lang of ['en', 'uk']) {
      const { page } = await h.open(ALL, { lang, ...reduce })
      await loaded(page)
      expect(await axe(page)).toEqual([])
    }
  })

  it('should follow the visitor colour scheme with theme="auto"', async () => {
    const body =
      '<etw-stats country="AZ" theme="auto"></etw-stats><etw-stats country="AZ"></etw-stats>'
    const { page } = await h.open(body, {
      contextOptions: { colorScheme: 'dark', reducedMotion: 'reduce' },
    })
    await loaded(page)
    const colors = await page
      .locator('etw-stats [part="value"] >> nth=0')
      .evaluateAll((values) => values.map((value) => getComputedStyle(value).color))
    const [auto, light] = await page.$$eval('etw-stats', (widgets) =>
      widgets.map((w) => getComputedStyle(w.shadowRoot!.querySelector('[part="value"]')!).color),
    )
    expect(colors.length).toBeGreaterThan(0)
    expect(auto).toBe('rgb(140, 194, 255)')
    expect(light).toBe('rgb(11, 87, 164)')
  })
})

describe.skipIf(chromiumMissing)('demo page', () => {
  const h = useHarness()

  it('should show every widget live with a copyable snippet, under a strict CSP', async () => {
    const context = await h.browser.newContext({ reducedMotion: 'reduce' })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.cms.origin })
    const page = await context.newPage()
    const problems = await watch(page)
    await page.goto(`${h.cms.origin}/widgets/demo/`)
    await loaded(page)
    expect(await page.locator('etw-stats').count()).toBe(4)
    expect(await page.locator('etw-news-feed').count()).toBe(2)
    expect(await page.locator('etw-events').count()).toBe(2)
    const snippets = page.locator('.snippet code')
    expect(await snippets.count()).toBe(await page.locator('[data-demo]').count())
    expect(await snippets.first().innerText()).toBe(
      `<script src="${h.cms.origin}/widgets/etw-widgets.js"></script>\n<etw-stats country="AZ" metrics="teachers,schools,projects">\n  <p>Azerbaijan in eTwinning: 4308 teachers, 1141 schools, 5103 projects.</p>\n</etw-stats>`,
    )
    expect(await snippets.last().innerText()).toContain('<div data-etw="stats" data-country="AZ"')
    await page.locator('.snippet button').first().click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await snippets.first().innerText(),
    )
    expect(problems).toEqual({ errors: [], console: [], violations: [] })
    await context.close()
  })
})
