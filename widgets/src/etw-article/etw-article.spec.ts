import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { axe, chromiumMissing, contextOptions } from '../../test/support/browser'
import { loaded, useHarness } from '../../test/support/harness'
import { strictCsp } from '../../test/support/server'

const SLUG = 'etwinning-seminar-was-held-in-baku'

/** A context whose pages record every `etw-error` from the start, in `window.etwErrors`. */
const recordingErrors = async (h: ReturnType<typeof useHarness>) => {
  const context = await h.browser.newContext(contextOptions)
  await context.addInitScript(() => {
    const errors: unknown[] = ((window as unknown as { etwErrors: unknown[] }).etwErrors = [])
    document.addEventListener('etw-error', (event) => {
      const { error, url } = event as unknown as {
        error?: { status?: number; message?: string }
        url: string
      }
      errors.push({ status: error?.status ?? null, url, message: error?.message })
    })
  })
  return context
}

const errorsOf = (page: Page) =>
  page
    .waitForFunction(() => (window as unknown as { etwErrors: unknown[] }).etwErrors.length > 0)
    .then(() => page.evaluate(() => (window as unknown as { etwErrors: unknown[] }).etwErrors))

describe.skipIf(chromiumMissing)('<etw-article>', () => {
  const h = useHarness()

  it('should render the seeded article under the strict CSP with no violation', async () => {
    const { page, problems } = await h.open(
      `<etw-article slug="${SLUG}"><p><a href="/news">eTwinning news</a></p></etw-article>`,
      { csp: strictCsp(h.cms.origin) },
    )
    await loaded(page)
    await page.waitForLoadState('networkidle')
    const article = page.locator('etw-article article')
    expect(await article.locator('h2[part="title"]').innerText()).toBe(
      'eTwinning Seminar was held in Baku',
    )
    expect(await article.locator('[part="meta"]').innerText()).toBe(
      'May 15, 2023 · eTwinning Azerbaijan',
    )
    expect(await article.locator('[part="meta"] time').getAttribute('datetime')).toBe(
      '2023-05-15T10:00:00.000Z',
    )
    expect(await article.locator('[part="summary"]').innerText()).toContain('eight countries')
    const paragraphs = await article.locator('[part="body"] p').allInnerTexts()
    expect(paragraphs).toHaveLength(3)
    expect(paragraphs[2]).toBe(
      'eTwinning in Azerbaijan counts 4,180 teachers, 1,141 schools and 4,445 projects.',
    )
    expect(await article.locator('[part="source"]').innerText()).toBe(
      'Originally published by eTwinning Azerbaijan',
    )
    expect(await article.locator('[part="source"] a').getAttribute('href')).toBe(
      'https://etwinning.example/az',
    )
    const event = article.locator('[part="related"] li a')
    expect(await event.innerText()).toBe('Innovation and Education')
    expect(await event.getAttribute('href')).toBe(
      `${h.cms.origin}/en/events/innovation-and-education`,
    )
    expect(await article.locator('[part="related"] h3').innerText()).toBe('Related events')
    expect(await article.getAttribute('lang')).toBe('en')
    expect(problems).toEqual({ errors: [], console: [], violations: [] })
    expect(h.cms.requests.at(-1)?.url).toBe(`/api/etw/v1/news/${SLUG}?locale=en`)
  })

  it('should give the cover its widths, sizes and intrinsic size, so nothing moves when it loads', async () => {
    const { page } = await h.open(`<etw-article slug="${SLUG}"></etw-article>`)
    await loaded(page)
    const cover = await page
      .locator('etw-article img')
      .first()
      .evaluate((img: HTMLImageElement) => {
        const before = img.getBoundingClientRect().height
        return {
          attributes: ['width', 'height', 'sizes', 'loading', 'alt'].map((a) =>
            img.getAttribute(a),
          ),
          srcset: img.srcset,
          sources: [...img.parentElement!.querySelectorAll('source')].map((s) => s.type),
          reserved: before > 0,
        }
      })
    const media = `${h.cms.origin}/media`
    expect(cover).toEqual({
      attributes: [
        '640',
        '360',
        '(min-width: 48rem) 48rem, 100vw',
        'eager',
        'Seminar participants in Baku',
      ],
      srcset: `${media}/baku-320.svg 320w, ${media}/baku.svg 640w`,
      sources: ['image/avif', 'image/webp'],
      reserved: true,
    })
  })

  it('should read the slug from the page address with slug-param', async () => {
    const { page } = await h.open('<etw-article slug-param="article" lang="uk"></etw-article>', {
      query: `?article=${SLUG}&utm=x`,
    })
    await loaded(page)
    expect(h.cms.requests.at(-1)?.url).toBe(`/api/etw/v1/news/${SLUG}?locale=uk`)
    const article = page.locator('etw-article article')
    expect(await article.locator('[part="title"]').innerText()).toBe(
      'У Баку відбувся семінар eTwinning',
    )
    expect(await article.locator('[part="meta"] time').innerText()).toBe('15 трав. 2023 р.')
    expect(await article.locator('[part="source"]').innerText()).toContain('Уперше опубліковано:')
    expect(await article.getAttribute('lang')).toBe('uk')
  })

  it('should keep the fallback and fire etw-error for an unknown slug', async () => {
    const { page, problems } = await h.open(
      '<etw-article slug="no-such-article"><p id="fallback">Read the news on the CMS.</p></etw-article>',
      { csp: strictCsp(h.cms.origin), context: await recordingErrors(h) },
    )
    expect(await errorsOf(page)).toEqual([
      {
        status: 404,
        url: `${h.cms.origin}/api/etw/v1/news/no-such-article?locale=en`,
        message: 'Unknown feed.',
      },
    ])
    expect(await page.locator('#fallback').isVisible()).toBe(true)
    expect(
      await page.evaluate(() => document.querySelector('etw-article')!.shadowRoot!.innerHTML),
    ).not.toContain('part="base"')
    // A 404 is an answer, not a failure to retry.
    expect(h.cms.requests.filter((r) => r.url.includes('no-such-article'))).toHaveLength(1)
    expect(problems.errors).toEqual([])
    expect(problems.violations).toEqual([])
  })

  it('should drop the copy of an earlier visit once the CMS no longer has the article', async () => {
    const context = await recordingErrors(h)
    const url = `${h.cms.origin}/api/etw/v1/news/unpublished?locale=en`
    await context.addInitScript((key) => {
      const copy = {
        title: 'Withdrawn article',
        publishedAt: '2023-01-01T00:00:00.000Z',
        body: [],
        relatedEvents: [],
        locale: 'en',
      }
      localStorage.setItem(key, JSON.stringify({ t: Date.now(), d: copy }))
    }, `etw:v1:${url}`)
    const { page } = await h.open(
      '<etw-article slug="unpublished"><p id="fallback">Read the news on the CMS.</p></etw-article>',
      { context },
    )
    expect(await errorsOf(page)).toEqual([expect.objectContaining({ status: 404, url })])
    await page.waitForFunction(
      () => !document.querySelector('etw-article')!.shadowRoot!.querySelector('[part="base"]'),
    )
    expect(await page.locator('#fallback').isVisible()).toBe(true)
    expect(await page.evaluate((key) => localStorage.getItem(key), `etw:v1:${url}`)).toBeNull()
  })

  it('should keep the fallback and fire etw-error when the page address has no slug', async () => {
    const before = h.cms.requests.length
    const { page } = await h.open(
      '<etw-article slug-param="slug"><p id="fallback">Choose an article.</p></etw-article>',
      { query: '?other=1', context: await recordingErrors(h) },
    )
    expect(await errorsOf(page)).toEqual([
      { status: null, url: '', message: 'etw-article: no slug' },
    ])
    expect(await page.locator('#fallback').isVisible()).toBe(true)
    expect(h.cms.requests.length).toBe(before)
  })

  it('should render every node type of the body, its headings under heading-level', async () => {
    const { page } = await h.open('<etw-article slug="every-node" heading-level="1"></etw-article>')
    await loaded(page)
    const body = page.locator('etw-article [part="body"]')
    expect(await page.locator('etw-article h1[part="title"]').innerText()).toBe('Every node')
    expect(await body.locator('h2').innerText()).toBe('Programme')
    expect(await page.locator('etw-article [part="related"] h2').count()).toBe(1)
    const marks = await body
      .locator('p')
      .nth(3)
      .evaluate((p) =>
        [...p.querySelectorAll('strong, em, u, s, code, br, a')].map((el) =>
          el.localName === 'a'
            ? `a ${el.getAttribute('href')} ${el.getAttribute('target')} ${el.getAttribute('rel')}`
            : `${el.localName} ${el.textContent}`,
        ),
      )
    expect(marks).toEqual([
      'strong bold',
      'em italic',
      'u underlined',
      's struck',
      'code code',
      'br ',
      'a https://etwinning.example/az _blank noopener noreferrer',
    ])
    expect(await body.locator('ol > li').count()).toBe(2)
    expect(await body.locator('ol > li ul > li').innerText()).toBe('Project design')
    expect(await body.locator('blockquote').innerText()).toBe('Schools learn from each other.')
  })

  it('should mount from <div data-etw="article">', async () => {
    const { page } = await h.open(
      '<div data-etw="article" data-slug-param="slug" data-heading-level="3"><p>News</p></div>',
      { query: `?slug=${SLUG}` },
    )
    await loaded(page)
    expect(await page.locator('div[data-etw] > etw-article h3[part="title"]').innerText()).toBe(
      'eTwinning Seminar was held in Baku',
    )
  })

  it('should have no accessibility violations in light and dark, on a light page', async () => {
    for (const theme of ['', ' theme="dark"', ' theme="auto"']) {
      const { page } = await h.open(`<etw-article slug="every-node"${theme}></etw-article>`, {
        contextOptions: { colorScheme: 'dark' },
      })
      await loaded(page)
      expect(await axe(page), theme).toEqual([])
    }
  })

  it('should follow a right-to-left page while the texts of an English article keep their own direction', async () => {
    const { page } = await h.open(`<etw-article slug="${SLUG}" theme="light"></etw-article>`, {
      lang: 'ar',
      head: '',
    })
    await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'))
    await loaded(page)
    const layout = await page.evaluate(() => {
      const widget = document.querySelector('etw-article')!
      const root = widget.shadowRoot!
      const article = root.querySelector('article')!
      const title = root.querySelector('[part="title"]')!
      const time = root.querySelector('time')!
      return {
        host: getComputedStyle(widget).direction,
        frame: getComputedStyle(article).direction,
        title: getComputedStyle(title).direction,
        body: [...root.querySelectorAll('[part="body"] > *')].map(
          (el) => getComputedStyle(el).direction,
        ),
        lang: article.getAttribute('lang'),
        date:
          time.textContent ===
          new Intl.DateTimeFormat('ar', { dateStyle: 'medium' }).format(new Date(time.dateTime)),
        overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      }
    })
    expect(layout).toEqual({
      host: 'rtl',
      frame: 'rtl',
      title: 'ltr',
      body: ['ltr', 'ltr', 'ltr'],
      lang: 'en',
      date: true,
      overflow: false,
    })
    expect(await axe(page)).toEqual([])
  })
})
