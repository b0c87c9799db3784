import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumMissing, shadowText } from './support/browser'
import { loaded, useHarness } from './support/harness'
import { strictCsp } from './support/server'

const reduce = { contextOptions: { reducedMotion: 'reduce' as const } }

const THREE = `<etw-stats country="AZ"></etw-stats>
<etw-news-feed limit="1"></etw-news-feed>
<etw-events when="past" limit="1"></etw-events>`

/** The widget files the page fetched, in order: `loader`, then the chunks' names without hash. */
const fetched = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/widgets/'))
      .map((path) =>
        path === '/widgets/etw-widgets.js'
          ? 'loader'
          : path.replace(/^\/widgets\/chunks\/(.+)-[\w-]{8}\.js$/, '$1'),
      ),
  )

/** `<link rel=modulepreload>` the loader added: paths and integrity values. */
const preloads = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((link) => ({
      path: new URL(link.href).pathname,
      integrity: link.integrity,
    })),
  )

describe.skipIf(chromiumMissing)('the combined module, for a page of several tags', () => {
  const h = useHarness()

  it('should load three tags from one module, checked by its integrity, under a strict CSP', async () => {
    const { page, problems } = await h.open(THREE, {
      ...reduce,
      csp: strictCsp(h.cms.origin),
    })
    await loaded(page)
    expect(await fetched(page)).toEqual(['loader', 'all'])
    expect(await preloads(page)).toEqual([
      {
        path: expect.stringMatching(/^\/widgets\/chunks\/all-[\w-]{8}\.js$/),
        integrity: expect.stringMatching(/^sha256-[\w+/]{43}=$/),
      },
    ])
    expect(await shadowText(page, 'etw-stats', '[part="value"] .sr')).toEqual([
      '4,308',
      '1,141',
      '5,103',
    ])
    expect(await shadowText(page, 'etw-news-feed', '[part="title"]')).toHaveLength(1)
    expect(await shadowText(page, 'etw-events', '[part="title"]')).toHaveLength(1)
    expect(problems).toEqual({ errors: [], console: [], violations: [] })
  })

  it('should take the chart in its copy that imports the combined module: one Lit on the page', async () => {
    const { page, problems } = await h.open(
      `${THREE}<etw-stats-chart metric="teachers" country="AZ"></etw-stats-chart>`,
      reduce,
    )
    await loaded(page, 'etw-stats, etw-news-feed, etw-events, etw-stats-chart')
    expect(await fetched(page)).toEqual(['loader', 'all', 'etw-stats-chart-all'])
    // One copy of Lit: every widget's class extends the same LitElement.
    expect(
      await page.evaluate(() => {
        const bases = ['etw-stats', 'etw-news-feed', 'etw-events', 'etw-stats-chart'].map((tag) => {
          let base = customElements.get(tag)!
          while (Object.getPrototypeOf(base) !== HTMLElement) base = Object.getPrototypeOf(base)
          return base
        })
        return new Set(bases).size
      }),
    ).toBe(1)
    expect(problems).toEqual({ errors: [], console: [], violations: [] })
  })

  it('should keep a lone tag on the shared chunk, and tags added to that page later too', async () => {
    const { page, problems } = await h.open('<etw-stats country="AZ"></etw-stats>', reduce)
    await loaded(page)
    expect(await fetched(page)).toEqual(['loader', 'shared', 'etw-stats'])
    // The shared chunk is already in the page: two more tags need only their own modules.
    await page.evaluate(() => {
      document
        .querySelector('main')!
        .insertAdjacentHTML(
          'beforeend',
          '<etw-news-feed limit="1"></etw-news-feed><etw-events when="past" limit="1"></etw-events>',
        )
    })
    await loaded(page)
    expect(await fetched(page)).toEqual([
      'loader',
      'shared',
      'etw-stats',
      'etw-news-feed',
      'etw-events',
    ])
    expect(problems).toEqual({ errors: [], console: [], violations: [] })
  })

  it('should take the combined module for `data-etw` mounts and for tags a script adds at once', async () => {
    const mounts = await h.open(
      '<div data-etw="stats" data-country="AZ"></div><div data-etw="news-feed" data-limit="1"></div>',
      reduce,
    )
    await loaded(mounts.page)
    expect(await fetched(mounts.page)).toEqual(['loader', 'all'])
    expect(mounts.problems).toEqual({ errors: [], console: [], violations: [] })

    const added = await h.open('', reduce)
    await added.page.waitForLoadState('load')
    await added.page.evaluate(() => {
      document
        .querySelector('main')!
        .insertAdjacentHTML(
          'beforeend',
          '<etw-stats country="AZ"></etw-stats><etw-article slug="every-node"></etw-article>',
        )
    })
    await loaded(added.page)
    expect(await fetched(added.page)).toEqual(['loader', 'all'])
    expect(added.problems).toEqual({ errors: [], console: [], violations: [] })
  })
})
