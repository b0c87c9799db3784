import { describe, expect, it } from 'vitest'
import { chromiumMissing } from './support/browser'
import { useHarness } from './support/harness'

const PAGE = '<etw-stats country="AZ"><p id="fallback">4308 teachers in Azerbaijan</p></etw-stats>'

describe.skipIf(chromiumMissing)('module integrity', () => {
  const h = useHarness()

  for (const [which, pattern, body, loads] of [
    ["the tag's module", /\/chunks\/etw-stats-[^/]+\.js$/, PAGE, '/chunks/shared-'],
    ['the shared module', /\/chunks\/shared-[^/]+\.js$/, PAGE, '/chunks/shared-'],
    // Two tags: the page takes the combined module.
    [
      'the combined module',
      /\/chunks\/all-[^/]+\.js$/,
      `${PAGE}<etw-news-feed limit="1"></etw-news-feed>`,
      '/chunks/all-',
    ],
  ] as const) {
    it(`should refuse ${which} when its bytes differ from the build's, and keep the fallback`, async () => {
      const context = await h.browser.newContext({ reducedMotion: 'reduce' })
      try {
        const tampered: string[] = []
        await context.route(pattern, async (route) => {
          const response = await route.fetch()
          tampered.push(route.request().url())
          await route.fulfill({
            response,
            body: `${await response.text()}\nwindow.etwTampered = true`,
          })
        })
        const { page, problems } = await h.open(body, { context })
        await page.waitForFunction(
          (name) =>
            performance.getEntriesByType('resource').some((entry) => entry.name.includes(name)),
          loads,
        )
        await page.waitForLoadState('networkidle')
        expect(tampered.length).toBeGreaterThan(0)
        expect(await page.evaluate(() => 'etwTampered' in window)).toBe(false)
        expect(await page.evaluate(() => customElements.get('etw-stats'))).toBeUndefined()
        expect(await page.locator('#fallback').isVisible()).toBe(true)
        expect(problems.errors).toEqual([])
        expect(problems.console.join('\n')).toMatch(/integrity/i)
      } finally {
        await context.close()
      }
    })
  }

  it('should preload every module of a tag with its integrity value', async () => {
    const { page } = await h.open(PAGE, { contextOptions: { reducedMotion: 'reduce' } })
    await page.waitForFunction(() => customElements.get('etw-stats') !== undefined)
    const preloads = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((link) => [
        new URL(link.href).pathname,
        link.integrity,
      ]),
    )
    expect(preloads.map(([path]) => path)).toEqual([
      expect.stringMatching(/^\/widgets\/chunks\/shared-[\w-]+\.js$/),
      expect.stringMatching(/^\/widgets\/chunks\/etw-stats-[\w-]+\.js$/),
    ])
    for (const [, integrity] of preloads) expect(integrity).toMatch(/^sha256-[\w+/]{43}=$/)
  })
})
