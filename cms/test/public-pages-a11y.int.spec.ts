import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { axe, chromiumMissing, contextOptions, launch } from '../../widgets/test/support/browser'
import type { TestHttpServer } from './helpers/http'
import { startHttpServer } from './helpers/http'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

const PAGES = [
  '/en/news/etwinning-seminar-baku-2023',
  '/uk/events/innovation-and-education-baku-2023',
  // The search page: its form, and results with the matched words marked.
  '/az/search?q=baki',
]

describeDb('public pages in Chromium', () => {
  describe.skipIf(chromiumMissing)('accessibility and layout', () => {
    let ctx: IntContext
    let server: TestHttpServer
    let browser: Browser

    beforeAll(async () => {
      ctx = await bootPayload({ seed: true })
      server = await startHttpServer(ctx.payload, ctx.config)
      browser = await launch()
    })

    afterAll(async () => {
      await browser?.close()
      await server?.close()
      await ctx?.close()
    })

    /** Opens a page; axe-core is injected as a script, which the pages' CSP would refuse. */
    const open = async (path: string, colorScheme: 'dark' | 'light'): Promise<Page> => {
      const context = await browser.newContext({ ...contextOptions, bypassCSP: true, colorScheme })
      const page = await context.newPage()
      const response = await page.goto(`${server.url}${path}`)
      expect(response?.status()).toBe(200)
      await page.waitForLoadState('networkidle')
      return page
    }

    it.each(
      PAGES.flatMap((path) => (['light', 'dark'] as const).map((scheme) => ({ path, scheme }))),
    )('should have no axe violations on $path in $scheme', async ({ path, scheme }) => {
      const page = await open(path, scheme)
      expect(await axe(page)).toEqual([])
      await page.context().close()
    })

    it('should use the dark colours when the reader prefers them', async () => {
      const page = await open(PAGES[0]!, 'dark')
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        'rgb(18, 20, 23)',
      )
      await page.context().close()
    })

    it('should mirror the layout for lang="ar"', async () => {
      const page = await open(PAGES[0]!, 'light')
      const ltr = await page.locator('.brand').boundingBox()
      await page.evaluate(() => {
        document.documentElement.lang = 'ar'
        document.documentElement.dir = 'rtl'
      })
      const rtl = await page.locator('.brand').boundingBox()
      const width = page.viewportSize()!.width
      // The brand starts the header: at the left edge in English, at the right edge in Arabic.
      expect(ltr!.x).toBeLessThan(width / 2)
      expect(rtl!.x + rtl!.width).toBeGreaterThan(width / 2)
      const border = await page.evaluate(() => {
        const quote = document.createElement('blockquote')
        quote.textContent = 'اقتباس'
        document.querySelector('.body')!.append(quote)
        const style = getComputedStyle(quote)
        return { left: style.borderLeftWidth, right: style.borderRightWidth }
      })
      expect(border).toEqual({ left: '0px', right: '4px' })
      expect(await axe(page)).toEqual([])
      await page.context().close()
    })
  })
})
