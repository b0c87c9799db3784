import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { contextOptions, launch, watch } from './browser'
import type { Problems } from './browser'
import { html, startServer } from './server'
import type { TestServer } from './server'

export interface Opened {
  page: Page
  context: BrowserContext
  problems: Problems
}

export interface OpenOptions {
  /** Page language (`<html lang>`). */
  lang?: string
  /** Content-Security-Policy of the page. */
  csp?: string
  /** Extra `<head>` markup; the bundle's `<script>` comes first unless `script` is false. */
  head?: string
  script?: boolean
  /** Query string of the page's address (`?slug=…`). */
  query?: string
  context?: BrowserContext
  contextOptions?: BrowserContextOptions
}

/**
 * Per spec file: one Chromium, a "CMS" server (bundle + feed API) and a "site" server on another
 * origin that serves the embedding pages, as on a real third-party website.
 */
export const useHarness = () => {
  const h = {} as {
    browser: Browser
    cms: TestServer
    site: TestServer
    script: string
    /** Serves `body` as a page of the site and opens it in a new (or the given) context. */
    open: (body: string, options?: OpenOptions) => Promise<Opened>
  }
  let count = 0
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    h.browser = await launch()
    h.cms = await startServer('127.0.0.1')
    h.site = await startServer('localhost')
    h.script = `<script src="${h.cms.origin}/widgets/etw-widgets.js"></script>`
    h.open = async (body, options = {}) => {
      const path = `/page-${++count}.html`
      const head = (options.script === false ? '' : h.script) + (options.head ?? '')
      h.site.pages.set(path, { html: html(body, { lang: options.lang, head }), csp: options.csp })
      let context = options.context
      if (!context) {
        context = await h.browser.newContext({ ...contextOptions, ...options.contextOptions })
        contexts.push(context)
      }
      const page = await context.newPage()
      const problems = await watch(page)
      await page.goto(h.site.origin + path + (options.query ?? ''))
      return { page, context, problems }
    }
  })
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {})
    await h.browser?.close()
    await h.cms?.close()
    await h.site?.close()
  })
  return h
}

/** Waits until every widget matching `selector` shows data (not its fallback). */
export const loaded = (
  page: Page,
  selector = 'etw-stats, etw-news-feed, etw-events, etw-article',
) =>
  page.waitForFunction(
    (sel) =>
      [...document.querySelectorAll(sel)].every(
        (el) => el.shadowRoot && el.shadowRoot.querySelector('[part="base"]'),
      ),
    selector,
  )
