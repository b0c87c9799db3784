import type { BrowserContextOptions, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { chromiumMissing } from './support/browser'
import { loaded, useHarness } from './support/harness'

/** A school's page as a webmaster writes it: the three widgets, each with its fallback content. */
const HOST_PAGE = `<p>eTwinning connects schools across Europe. Here is what is happening in Azerbaijan.</p>
<h2>Figures</h2>
<etw-stats country="AZ" metrics="teachers,schools,projects">
  <p>Azerbaijan in eTwinning: 4308 teachers, 1141 schools, 5103 projects.</p>
</etw-stats>
<h2>News</h2>
<etw-news-feed limit="3"><p><a href="/news">Latest eTwinning news</a></p></etw-news-feed>
<h2>Events</h2>
<etw-events when="past" limit="2"><p><a href="/events">eTwinning events</a></p></etw-events>
<p id="after">Questions? Write to the school's eTwinning coordinator.</p>`

const STYLE =
  '<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:1rem}</style>'

/**
 * Records every layout shift from the first paint on (the observer is buffered) and when each
 * widget's fresh data was rendered.
 */
const RECORD = `<script>
window.etwShifts = []
window.etwLoaded = []
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) etwShifts.push({ value: entry.value, at: entry.startTime, nodes: entry.sources.map((s) => s.node && (s.node.id || s.node.nodeName)) })
  }
}).observe({ type: 'layout-shift', buffered: true })
addEventListener('etw-load', (event) => etwLoaded.push(performance.now()))
</script>`

/** Layout shifts on `page` once every widget shows its data, every image is loaded and counters are done. */
const shiftsAfterEverything = async (page: Page) => {
  await loaded(page)
  await page.waitForFunction(() =>
    [...document.querySelectorAll('etw-news-feed')].every((feed) =>
      [...feed.shadowRoot!.querySelectorAll('img')].every(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    ),
  )
  await page.waitForFunction(
    () =>
      document.querySelector('etw-stats')?.shadowRoot?.querySelectorAll('.cur')[2]?.textContent ===
      '5,103',
  )
  // Two more frames: a shift is reported for the frame that shows it.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  )
  return page.evaluate(() => {
    const w = window as unknown as {
      etwShifts: { value: number; nodes: string[] }[]
      etwLoaded: number[]
    }
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity
    return { shifts: w.etwShifts, paintedBeforeData: w.etwLoaded.every((at) => at > paint) }
  })
}

const VIEWS: [string, BrowserContextOptions][] = [
  ['a phone, with motion', { viewport: { width: 412, height: 823 } }],
  [
    'a laptop, under reduced motion',
    { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' },
  ],
]

describe.skipIf(chromiumMissing)('layout shift', () => {
  const h = useHarness()

  afterEach(() => {
    h.cms.mode = 'ok'
  })

  for (const [view, contextOptions] of VIEWS) {
    it(`should not shift the host page on ${view}, when data arrives or images load`, async () => {
      // The feed and images answer late: the page is painted with the fallbacks first.
      h.cms.mode = 'slow'
      const { page } = await h.open(HOST_PAGE, { head: RECORD + STYLE, contextOptions })
      const { shifts, paintedBeforeData } = await shiftsAfterEverything(page)
      expect(paintedBeforeData).toBe(true)
      expect(shifts).toEqual([])
      // The data is there, not its fallback.
      expect(await page.locator('etw-news-feed li').count()).toBeGreaterThan(0)
      expect(await page.locator('etw-events li').count()).toBeGreaterThan(0)
    })
  }

  it('should not shift the host page with themed widgets, padded from the first paint', async () => {
    h.cms.mode = 'slow'
    const { page } = await h.open(
      HOST_PAGE.replace(/<etw-(stats|news-feed|events) /g, '<etw-$1 theme="dark" '),
      { head: RECORD + STYLE, contextOptions: { viewport: { width: 412, height: 823 } } },
    )
    const { shifts } = await shiftsAfterEverything(page)
    expect(shifts).toEqual([])
    expect(await page.locator('etw-events').evaluate((w) => getComputedStyle(w).paddingTop)).toBe(
      '16px',
    )
  })

  it('should not shift the host page from a <div data-etw> mount', async () => {
    h.cms.mode = 'slow'
    const { page } = await h.open(
      `${HOST_PAGE.replace(
        /<etw-stats[^]*<\/etw-stats>/,
        '<div data-etw="stats" data-country="AZ" data-metrics="teachers,schools,projects"><p>4308 teachers, 1141 schools, 5103 projects.</p></div>',
      )}`,
      { head: RECORD + STYLE, contextOptions: { viewport: { width: 412, height: 823 } } },
    )
    const { shifts } = await shiftsAfterEverything(page)
    expect(shifts).toEqual([])
  })

  it('should reserve list heights for list mounts only, not for an article or stats mount', async () => {
    h.cms.mode = 'slow'
    // A host page may well use the same custom property name; mounts inherit it.
    const { page } = await h.open(
      `<section style="--_h: 40px">
<div data-etw="news-feed" data-limit="3"></div>
<div data-etw="events" data-limit="2"></div>
<div data-etw="article" data-slug="x" data-limit="9"></div>
<div data-etw="stats" data-limit="9"></div>
</section>`,
      { head: STYLE },
    )
    const reserved = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-etw]')].map(
        (mount) => getComputedStyle(mount).minBlockSize !== '0px',
      ),
    )
    expect(reserved).toEqual([true, true, false, false])
  })

  it('should keep the height of a fallback taller than the data', async () => {
    h.cms.mode = 'slow'
    const tall = '<p>Teachers: 4308.</p><p>Schools: 1141.</p><p>Projects: 5103.</p><p>More…</p>'
    const { page } = await h.open(
      `<etw-stats country="AZ" metrics="teachers,schools,projects">${tall}</etw-stats><p id="after">After</p>`,
      { head: RECORD + STYLE, contextOptions: { reducedMotion: 'reduce' } },
    )
    const before = await page.locator('#after').boundingBox()
    const { shifts } = await shiftsAfterEverything(page)
    expect(shifts).toEqual([])
    expect(await page.locator('#after').boundingBox()).toEqual(before)
  })
})
