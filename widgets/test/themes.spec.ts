import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axe, chromiumMissing } from './support/browser'
import { loaded, useHarness } from './support/harness'

/**
 * Screenshots the checks below take, for a person to look at: `ETW_SCREENSHOTS`, else a folder
 * in the system's temporary directory.
 */
const SHOTS = process.env.ETW_SCREENSHOTS ?? join(tmpdir(), 'etw-widgets-screenshots')
mkdirSync(SHOTS, { recursive: true })

/** Every widget, with `attributes` on each. */
const every = (attributes = '') =>
  `<etw-stats country="AZ"${attributes}></etw-stats>
<etw-news-feed limit="2"${attributes}></etw-news-feed>
<etw-events when="past" layout="cards"${attributes}></etw-events>
<etw-article slug="every-node" heading-level="3"${attributes}></etw-article>`

/** A host page's own colours: the light default, or a dark site. */
const DARK_PAGE = '<style>html{background:#0d1117;color:#f0f3f6}a{color:#9ecbff}</style>'

/** Waits for the browser's next two frames (whatever an animation would do has been done). */
const frames = (page: Page) =>
  page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  )

/** The colour (`r,g,b`) of the screenshot's pixel at `x`,`y` of the viewport. */
const pixel = async (page: Page, x: number, y: number) => {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } })
  return page.evaluate(async (data) => {
    const image = new Image()
    image.src = `data:image/png;base64,${data}`
    await image.decode()
    const canvas = new OffscreenCanvas(1, 1)
    const context = canvas.getContext('2d')!
    context.drawImage(image, 0, 0)
    return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)].join(',')
  }, png.toString('base64'))
}

/** Where a widget's box starts on screen, a little inside its padding. */
const corner = async (page: Page, selector: string) => {
  const box = (await page.locator(selector).first().boundingBox())!
  return [Math.round(box.x + 4), Math.round(box.y + 4)] as const
}

describe.skipIf(chromiumMissing)('themes, direction and print', () => {
  const h = useHarness()

  it('should pass axe in every theme and in Arabic, on a light and on a dark page', async () => {
    for (const host of ['light', 'dark'] as const) {
      for (const theme of ['light', 'dark', 'auto'] as const) {
        // `auto` meets the system scheme opposite to the page's: the harder case.
        const colorScheme = theme === 'auto' ? (host === 'light' ? 'dark' : 'light') : host
        const { page } = await h.open(
          `<section><h2>English</h2>${every(` theme="${theme}"`)}</section>
<section><h2 lang="ar">العربية</h2>${every(` theme="${theme}" lang="ar"`)}</section>`,
          {
            head: host === 'dark' ? DARK_PAGE : '',
            contextOptions: { colorScheme, reducedMotion: 'reduce' },
          },
        )
        await loaded(page)
        const violations = (await axe(page)).map((v) => ({
          id: v.id,
          targets: v.nodes.map((node) => node.target.join(' ')),
        }))
        expect(violations, `${theme} theme on a ${host} page`).toEqual([])
        if (host === 'light' && theme === 'dark') {
          await page.screenshot({ path: join(SHOTS, 'dark-on-light.png'), fullPage: true })
        }
        await page.close()
      }
    }
  })

  it('should paint its own background in either theme, whatever the colours of the page', async () => {
    const { page } = await h.open(
      '<etw-news-feed limit="1" theme="dark"></etw-news-feed><etw-news-feed limit="1" theme="light"></etw-news-feed>',
      { head: DARK_PAGE },
    )
    await loaded(page)
    const [dark, light] = await page.$$eval('etw-news-feed', (widgets) =>
      widgets.map((widget) => [
        getComputedStyle(widget).backgroundColor,
        getComputedStyle(widget.shadowRoot!.querySelector('a')!).color,
      ]),
    )
    expect(dark).toEqual(['rgb(27, 33, 41)', 'rgb(140, 194, 255)'])
    expect(light).toEqual(['rgb(255, 255, 255)', 'rgb(11, 87, 164)'])
    // The keyboard's focus ring is drawn in the theme's link colour, which has the contrast.
    await page.keyboard.press('Tab')
    const ring = await page.locator('etw-news-feed[theme="dark"]').evaluate((widget) => {
      const focused = widget.shadowRoot!.activeElement!
      const style = getComputedStyle(focused)
      return [focused.getAttribute('part'), style.outlineStyle, style.outlineColor]
    })
    expect(ring).toEqual(['link', 'solid', 'rgb(140, 194, 255)'])
    // The page's own background never shows through a themed widget.
    expect(await pixel(page, ...(await corner(page, 'etw-news-feed[theme="light"]')))).toBe(
      '255,255,255',
    )
  })

  it('should let --etw-background replace the theme background', async () => {
    const { page } = await h.open(
      '<etw-stats country="AZ" theme="dark" style="--etw-background:#000"></etw-stats>',
      { contextOptions: { reducedMotion: 'reduce' } },
    )
    await loaded(page)
    expect(
      await page.locator('etw-stats').evaluate((w) => getComputedStyle(w).backgroundColor),
    ).toBe('rgb(0, 0, 0)')
  })

  it('should lay an Arabic widget out right to left on a left-to-right page, numbers and their plus isolated', async () => {
    const { page } = await h.open(
      `<etw-stats lang="ar" metrics="projects"></etw-stats>
<etw-news-feed lang="ar" limit="1"></etw-news-feed>
<etw-events lang="ar" when="past"></etw-events>`,
      { contextOptions: { reducedMotion: 'reduce' } },
    )
    await loaded(page)
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr')
    const widgets = await page.$$eval('etw-stats, etw-news-feed, etw-events', (elements) =>
      elements.map((widget) => {
        const base = widget.shadowRoot!.querySelector('[part="base"]')!
        return [base.getAttribute('dir'), getComputedStyle(base).direction]
      }),
    )
    expect(widgets).toEqual([
      ['rtl', 'rtl'],
      ['rtl', 'rtl'],
      ['rtl', 'rtl'],
    ])
    const number = await page.locator('etw-stats').evaluate((widget) => {
      const root = widget.shadowRoot!
      const visible = [...root.querySelector('.cur')!.childNodes].find(
        (node): node is Text => node.nodeType === Node.TEXT_NODE,
      )!
      const text = visible.data
      const rect = (start: number) => {
        const range = document.createRange()
        range.setStart(visible, start)
        range.setEnd(visible, start + 1)
        return range.getBoundingClientRect()
      }
      return {
        text,
        spoken: root.querySelector('.sr')!.textContent,
        isolated: getComputedStyle(root.querySelector('.num')!).direction,
        // The plus follows the number on its right, as "160,000+" reads everywhere.
        plusOnTheRight: rect(text.length - 1).left > rect(0).left,
      }
    })
    const final = await page.evaluate(() => new Intl.NumberFormat('ar').format(160000) + '+')
    expect(number).toEqual({ text: final, spoken: final, isolated: 'ltr', plusOnTheRight: true })
    // English CMS texts inside the right-to-left widgets keep their own direction.
    const texts = await page.evaluate(() =>
      [
        'etw-news-feed [part="title"]',
        'etw-news-feed [part="summary"]',
        'etw-events [part="title"]',
        'etw-events [part="place"] span',
      ].map((selector) => {
        const [tag, inner] = [
          selector.slice(0, selector.indexOf(' ')),
          selector.slice(selector.indexOf(' ') + 1),
        ]
        const el = document.querySelector(tag)!.shadowRoot!.querySelector(inner)!
        return [el.getAttribute('dir'), getComputedStyle(el).direction]
      }),
    )
    expect(texts).toEqual([
      ['auto', 'ltr'],
      ['auto', 'ltr'],
      ['auto', 'ltr'],
      ['auto', 'ltr'],
    ])
    await page.screenshot({ path: join(SHOTS, 'arabic-on-ltr-page.png'), fullPage: true })
  })

  it('should keep the quotation marks of a title beside its words in a right-to-left widget', async () => {
    const title = '“İnnovasiya və Təhsil” beynəlxalq seminarı'
    const context = await h.browser.newContext({ reducedMotion: 'reduce' })
    await context.route('**/api/etw/v1/events?*', async (route) => {
      const response = await route.fetch()
      const json = (await response.json()) as { items?: { title: string }[] }
      // An error answer (a language the feed refuses) goes through as it is.
      if (json.items?.[0]) json.items[0].title = title
      await route.fulfill({ response, json })
    })
    const { page } = await h.open('<etw-events lang="ar" when="past"></etw-events>', { context })
    await loaded(page)
    const marks = await page.locator('etw-events').evaluate((widget) => {
      const link = widget.shadowRoot!.querySelector('[part="link"]')!
      const text = [...link.childNodes].find((node): node is Text => node.nodeType === 3)!
      const left = (index: number) => {
        const range = document.createRange()
        range.setStart(text, index)
        range.setEnd(text, index + 1)
        return range.getBoundingClientRect().left
      }
      const close = text.data.indexOf('”')
      // Opening mark, first letter, last letter of the quotation, closing mark: left to right.
      return [left(0), left(1), left(close - 1), left(close)]
    })
    expect(marks).toEqual([...marks].sort((a, b) => a - b))
    await context.close()
  })

  it('should keep an English widget left to right on a right-to-left page', async () => {
    const { page } = await h.open('<etw-stats lang="en" country="AZ"></etw-stats>', {
      lang: 'ar',
      contextOptions: { reducedMotion: 'reduce' },
    })
    await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'))
    await loaded(page)
    expect(
      await page
        .locator('etw-stats')
        .evaluate((w) => getComputedStyle(w.shadowRoot!.querySelector('[part="base"]')!).direction),
    ).toBe('ltr')
  })

  it('should print light, with the final values, whole texts and the addresses of links', async () => {
    // A dark page that prints its own background too.
    const { page } = await h.open(
      `${every(' theme="dark"')}<p style="height:2000px">Below</p><etw-stats id="below" country="AZ"></etw-stats>`,
      {
        head: `${DARK_PAGE}<style>html{print-color-adjust:exact}</style>`,
        contextOptions: { colorScheme: 'dark' },
      },
    )
    await loaded(page)
    // The first counters are counting up when the page is printed.
    await page.waitForFunction(
      () =>
        document.querySelector('etw-stats')?.shadowRoot?.querySelector('.cur')?.textContent !==
        '4,308',
    )
    await page.emulateMedia({ media: 'print' })
    const shown = () =>
      page.$$eval('etw-stats', (widgets) =>
        widgets.map((widget) =>
          [...widget.shadowRoot!.querySelectorAll('.num > *')]
            .filter((span) => getComputedStyle(span).visibility === 'visible')
            .map((span) => span.textContent)
            .join('|'),
        ),
      )
    expect(await shown()).toEqual(['4,308|1,141|5,103', '4,308|1,141|5,103'])
    // Counters reaching the screen while printing do not start counting.
    await page.locator('#below').scrollIntoViewIfNeeded()
    await frames(page)
    expect(
      await page
        .locator('#below')
        .locator('.cur')
        .evaluateAll((spans) => spans.map((span) => span.textContent)),
    ).toEqual(['4,308', '1,141', '5,103'])
    const look = await page.evaluate(() =>
      [...document.querySelectorAll('etw-stats, etw-news-feed, etw-events, etw-article')].map(
        (widget) => {
          const style = getComputedStyle(widget)
          const base = widget.shadowRoot!.querySelector('[part="base"]')!
          return `${style.colorScheme} ${style.backgroundImage} ${style.backgroundColor} ${getComputedStyle(base).color}`
        },
      ),
    )
    // Themed widgets on white, the one without a theme on the paper itself; dark text on both.
    expect(look).toEqual([
      ...Array(4).fill('light none rgb(255, 255, 255) rgb(29, 36, 48)'),
      'light none rgba(0, 0, 0, 0) rgb(29, 36, 48)',
    ])
    await page.locator('etw-news-feed').scrollIntoViewIfNeeded()
    expect(await pixel(page, ...(await corner(page, 'etw-news-feed')))).toBe('255,255,255')
    const news = await page.locator('etw-news-feed').evaluate((widget) => {
      const root = widget.shadowRoot!
      const link = root.querySelector<HTMLAnchorElement>('[part="link"]')!
      const summary = root.querySelector('[part="summary"]')!
      return {
        after: getComputedStyle(link, '::after').content,
        href: link.href,
        clamped: summary.scrollHeight > summary.clientHeight,
      }
    })
    expect(news.after).toBe(`" (${news.href})"`)
    expect(news.clamped).toBe(false)
    await page.screenshot({ path: join(SHOTS, 'print.png'), fullPage: true })
  })

  it('should show the final values at once when printing starts during the count-up', async () => {
    const { page } = await h.open('<etw-stats country="AZ" metrics="teachers"></etw-stats>')
    await loaded(page)
    await page.waitForFunction(
      () =>
        document.querySelector('etw-stats')?.shadowRoot?.querySelector('.cur')?.textContent !==
        '4,308',
    )
    const text = await page.evaluate(async () => {
      dispatchEvent(new Event('beforeprint'))
      // The render that follows runs before the browser lays the page out for printing.
      await Promise.resolve()
      await document.querySelector('etw-stats')!.updateComplete
      return document.querySelector('etw-stats')!.shadowRoot!.querySelector('.cur')!.textContent
    })
    expect(text).toBe('4,308')
  })
})
