import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axe, chromiumMissing, shadowText } from '../../test/support/browser'
import { loaded, useHarness } from '../../test/support/harness'

const reduce = { contextOptions: { reducedMotion: 'reduce' as const } }

const ready = (page: Page) => loaded(page, 'etw-stats-chart')

/** Text without the direction isolates SVG labels carry. */
const plain = (texts: string[]) => texts.map((text) => text.replace(/[\u2068\u2069]/g, ''))

/** The focusable marks: their accessible names, in the order they are reached. */
const marks = (page: Page) =>
  page
    .locator('etw-stats-chart [part="mark"]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')))

describe.skipIf(chromiumMissing)('<etw-stats-chart>', () => {
  const h = useHarness()

  it("should draw a country's history as a line through every snapshot", async () => {
    const { page, problems } = await h.open(
      '<etw-stats-chart metric="teachers" country="AZ"></etw-stats-chart>',
      reduce,
    )
    await ready(page)
    expect(h.cms.requests.at(-1)?.url).toContain('/stats/history?country=AZ')
    expect(await marks(page)).toEqual(['May 15, 2023: 4,180', 'February 7, 2025: 4,308'])
    // The line rises from the first point to the second.
    const dots = await page
      .locator('etw-stats-chart .dot')
      .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('cy'))))
    expect(dots).toHaveLength(2)
    expect(dots[1]).toBeLessThan(dots[0]!)
    const path = await page.locator('etw-stats-chart path.line').getAttribute('d')
    expect(path).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/)
    expect(await shadowText(page, 'etw-stats-chart', 'title')).toEqual(['Teachers · Azerbaijan'])
    expect(await shadowText(page, 'etw-stats-chart', 'desc')).toEqual([
      'From 4,180 on May 15, 2023 to 4,308 on February 7, 2025.',
    ])
    expect(problems).toEqual({ errors: [], console: [], violations: [] })
  })

  it('should give round axis ticks that frame the values', async () => {
    const { page } = await h.open(
      '<etw-stats-chart metric="teachers" country="AZ"></etw-stats-chart>',
      reduce,
    )
    await ready(page)
    const labels = plain(await shadowText(page, 'etw-stats-chart', 'text.label'))
    expect(labels).toEqual(expect.arrayContaining(['4,150', '4,200', '4,250', '4,300', '4,350']))
    expect(labels).toEqual(expect.arrayContaining(['May 2023', 'Feb 2025']))
  })

  it('should draw bars from zero with type="bars"', async () => {
    const { page } = await h.open(
      '<etw-stats-chart metric="projects" country="AZ" type="bars"></etw-stats-chart>',
      reduce,
    )
    await ready(page)
    expect(await page.locator('etw-stats-chart rect.bar').count()).toBe(2)
    const labels = plain(await shadowText(page, 'etw-stats-chart', 'text.label'))
    expect(labels[0]).toBe('0')
    expect(await marks(page)).toEqual(['May 15, 2023: 4,445', 'February 7, 2025: 5,103'])
  })

  it('should compare the latest value per country as bars, highest first', async () => {
    const { page } = await h.open(
      '<etw-stats-chart metric="teachers" compare="AZ,UA,GE"></etw-stats-chart>',
      reduce,
    )
    await ready(page)
    expect(h.cms.requests.at(-1)?.url).toContain('/stats/compare?countries=AZ%2CUA%2CGE')
    expect(await marks(page)).toEqual(['Ukraine: 32,500', 'Azerbaijan: 4,308', 'Georgia: 2,100'])
    const widths = await page
      .locator('etw-stats-chart rect.bar')
      .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('width'))))
    expect(widths).toEqual([...widths].sort((a, b) => b - a))
    expect(widths[2]).toBeGreaterThan(0)
  })

  it('should give a screen reader a table of every value', async () => {
    const { page } = await h.open(
      '<etw-stats-chart metric="teachers" compare="GE,AZ"></etw-stats-chart>',
      reduce,
    )
    await ready(page)
    expect(await shadowText(page, 'etw-stats-chart', 'tbody :is(th, td)')).toEqual([
      'Azerbaijan',
      '4,308',
      'Georgia',
      '2,100',
    ])
    expect(await shadowText(page, 'etw-stats-chart', 'thead th')).toEqual(['Country', 'Value'])
    const box = await page.locator('etw-stats-chart .sr').boundingBox()
    expect(box?.width).toBeLessThanOrEqual(1)
  })

  it('should show the value of a point that takes the keyboard focus', async () => {
    const { page } = await h.open(
      '<etw-stats-chart metric="teachers" country="AZ"></etw-stats-chart>',
      reduce,
    )
    await ready(page)
    const tips = page.locator('etw-stats-chart .tip')
    expect(
      await tips.evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).display)),
    ).toEqual(['none', 'none'])
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    const shown = await tips.evaluateAll((nodes) =>
      nodes.filter((n) => getComputedStyle(n).display !== 'none').map((n) => n.textContent),
    )
    expect(plain(shown as string[])).toEqual(['4,308'])
  })

  it('should have no accessibility violations in light and dark', async () => {
    for (const theme of ['', ' theme="dark"', ' theme="auto"']) {
      const { page } = await h.open(
        `<etw-stats-chart metric="teachers" country="AZ"${theme}></etw-stats-chart>
         <etw-stats-chart metric="teachers" compare="AZ,UA,GE"${theme}></etw-stats-chart>`,
        { contextOptions: { colorScheme: 'dark', reducedMotion: 'reduce' } },
      )
      await ready(page)
      expect(await axe(page), theme).toEqual([])
    }
  })

  it('should not animate under reduced motion, and animate otherwise', async () => {
    const animations = async (reducedMotion: 'no-preference' | 'reduce') => {
      const { page } = await h.open(
        '<etw-stats-chart metric="teachers" compare="AZ,UA,GE"></etw-stats-chart>',
        { contextOptions: { reducedMotion } },
      )
      await ready(page)
      return page.evaluate(
        () => document.querySelector('etw-stats-chart')!.shadowRoot!.getAnimations().length,
      )
    }
    expect(await animations('reduce')).toBe(0)
    expect(await animations('no-preference')).toBe(3)
  })

  it('should mirror the time axis on a right-to-left page', async () => {
    const { page } = await h.open(
      '<div dir="rtl"><etw-stats-chart metric="teachers" country="AZ"></etw-stats-chart></div>',
      reduce,
    )
    await ready(page)
    const [older, newer] = await page
      .locator('etw-stats-chart .dot')
      .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('cx'))))
    expect(older).toBeGreaterThan(newer!)
  })

  it('should keep the space the loader reserved when the data arrives', async () => {
    h.cms.mode = 'slow'
    try {
      const { page } = await h.open(
        '<etw-stats-chart metric="teachers" country="AZ"></etw-stats-chart>',
        reduce,
      )
      const height = () => page.locator('etw-stats-chart').evaluate((e) => e.clientHeight)
      const reserved = await height()
      await ready(page)
      expect(reserved).toBe(256)
      expect(await height()).toBe(reserved)
    } finally {
      h.cms.mode = 'ok'
    }
  })
})
