import { describe, expect, it } from 'vitest'
import { axe, chromiumMissing } from '../../test/support/browser'
import { loaded, useHarness } from '../../test/support/harness'

describe.skipIf(chromiumMissing)('<etw-news-feed>', () => {
  const h = useHarness()

  it('should list news with a linked title, a <time>, a summary and a lazy image', async () => {
    const { page, problems } = await h.open(
      '<h2>News</h2><etw-news-feed limit="2"></etw-news-feed>',
    )
    await loaded(page)
    const first = page.locator('etw-news-feed [part="item"]').first()
    const link = first.locator('h3 a')
    expect(await link.innerText()).toBe('eTwinning Seminar was held in Baku')
    expect(await link.getAttribute('href')).toBe(
      `${h.cms.origin}/en/news/etwinning-seminar-was-held-in-baku`,
    )
    expect(await first.locator('time').getAttribute('datetime')).toBe('2023-05-15T10:00:00.000Z')
    expect(await first.locator('time').innerText()).toBe('May 15, 2023')
    expect(await first.locator('[part="summary"]').innerText()).toContain('eight countries')
    const image = first.locator('img')
    expect(
      await image.evaluate((img) =>
        ['loading', 'width', 'height', 'alt'].map((a) => img.getAttribute(a)),
      ),
    ).toEqual(['lazy', '640', '360', 'Seminar participants in Baku'])
    expect(problems.errors).toEqual([])
  })

  it('should offer the image as AVIF and WebP by width, sized as its layout shows it', async () => {
    const { page } = await h.open(
      '<etw-news-feed limit="1"></etw-news-feed><etw-news-feed limit="1" layout="cards"></etw-news-feed>',
    )
    await loaded(page)
    const [list, cards] = await page.$$eval('etw-news-feed', (widgets) =>
      widgets.map((widget) => {
        const picture = widget.shadowRoot!.querySelector('picture')!
        const img = picture.querySelector('img')!
        return {
          sources: [...picture.querySelectorAll('source')].map((s) => [s.type, s.srcset, s.sizes]),
          img: [img.srcset, img.sizes],
        }
      }),
    )
    const media = `${h.cms.origin}/media`
    expect(list!.sources).toEqual([
      ['image/avif', `${media}/baku-320.avif.svg 320w, ${media}/baku.avif.svg 640w`, '8rem'],
      ['image/webp', `${media}/baku-320.webp.svg 320w, ${media}/baku.webp.svg 640w`, '8rem'],
    ])
    expect(list!.img).toEqual([`${media}/baku-320.svg 320w, ${media}/baku.svg 640w`, '8rem'])
    expect(cards!.img[1]).toBe('(min-width: 48rem) 48rem, 100vw')
  })

  it('should send its filters to the feed API', async () => {
    const { page } = await h.open(
      '<etw-news-feed limit="1" country="ua" organization="k-pnu" tag="university" lang="uk"></etw-news-feed>',
    )
    await loaded(page)
    const url = new URL(h.cms.requests.at(-1)!.url, h.cms.origin)
    expect(url.pathname).toBe('/api/etw/v1/news')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      country: 'UA',
      limit: '1',
      locale: 'uk',
      organization: 'k-pnu',
      tag: 'university',
    })
    expect(await page.locator('etw-news-feed time').innerText()).toBe('1 бер. 2024 р.')
  })

  it('should lead titles to the page its link-template gives', async () => {
    const { page } = await h.open(
      '<etw-news-feed limit="1" lang="uk" link-template="https://univ.example/article?slug={slug}&amp;lang={locale}&amp;n={id}"></etw-news-feed>',
    )
    await loaded(page)
    expect(await page.locator('etw-news-feed h3 a').getAttribute('href')).toBe(
      'https://univ.example/article?slug=etwinning-seminar-was-held-in-baku&lang=uk&n=n1',
    )
  })

  it('should keep the feed link when the link-template does not give an http(s) address', async () => {
    const { page } = await h.open(
      '<etw-news-feed limit="1" link-template="javascript:alert(\'{id}\')"></etw-news-feed>',
    )
    await loaded(page)
    expect(await page.locator('etw-news-feed h3 a').getAttribute('href')).toBe(
      `${h.cms.origin}/en/news/etwinning-seminar-was-held-in-baku`,
    )
  })

  it('should not turn a javascript: URL from the CMS into a link', async () => {
    const { page, problems } = await h.open('<etw-news-feed country="UA"></etw-news-feed>')
    await loaded(page)
    const link = page.locator('etw-news-feed h3 a')
    expect(await link.innerText()).toBe('Kamianets-Podilskyi teachers join eTwinning')
    expect(await link.getAttribute('href')).toBeNull()
    expect(problems.errors).toEqual([])
  })

  it('should lay items out as a grid of cards with layout="cards"', async () => {
    const { page } = await h.open('<etw-news-feed layout="cards"></etw-news-feed>')
    await loaded(page)
    const columns = await page
      .locator('etw-news-feed [part="list"]')
      .evaluate((list) => getComputedStyle(list).gridTemplateColumns.split(' ').length)
    expect(columns).toBeGreaterThan(1)
  })

  it('should search as the reader types, announce the count and mark the matched words', async () => {
    const { page, problems } = await h.open(
      '<h2>News</h2><etw-news-feed search lang="uk"></etw-news-feed>',
    )
    await loaded(page)
    const form = page.locator('etw-news-feed form[role="search"]')
    expect(await form.locator('label').innerText()).toBe('Пошук новин')
    const input = page.getByLabel('Пошук новин')
    expect(await page.locator('etw-news-feed [part="item"]').count()).toBe(2)
    await input.pressSequentially('kam', { delay: 20 })
    await page.waitForFunction(
      () =>
        document.querySelector('etw-news-feed')!.shadowRoot!.querySelectorAll('[part="item"]')
          .length === 1,
    )
    // One request for the whole word typed, after the pause: the input is debounced.
    const searches = h.cms.requests.filter((request) => request.url.includes('q='))
    expect(
      searches.map((request) => new URL(request.url, h.cms.origin).searchParams.get('q')),
    ).toEqual(['kam'])
    expect(await page.locator('etw-news-feed [aria-live="polite"]').innerText()).toBe('Знайдено: 1')
    expect(await page.locator('etw-news-feed h3 mark').innerText()).toBe('Kamianets-Podilskyi')
    expect(await page.locator('etw-news-feed h3 a').innerText()).toBe(
      'Kamianets-Podilskyi teachers join eTwinning',
    )
    expect(await axe(page)).toEqual([])
    expect(problems.errors).toEqual([])
  })

  it('should lay the search box out right to left in an Arabic widget on a left-to-right page', async () => {
    const { page } = await h.open('<etw-news-feed search lang="ar"></etw-news-feed>')
    await loaded(page)
    const form = page.locator('etw-news-feed form[role="search"]')
    expect(await form.evaluate((node) => getComputedStyle(node).direction)).toBe('rtl')
    // The label starts the line on the right, the input follows to its left.
    const label = (await form.locator('label').boundingBox())!
    const input = (await form.locator('input').boundingBox())!
    expect(label.x).toBeGreaterThan(input.x)
    expect(
      await page
        .locator('etw-news-feed [aria-live="polite"]')
        .evaluate((node) => getComputedStyle(node).direction),
    ).toBe('rtl')
  })

  it('should show a fixed search with q and no search box without search', async () => {
    const { page } = await h.open('<etw-news-feed q="baku"></etw-news-feed>')
    await loaded(page)
    const url = new URL(h.cms.requests.at(-1)!.url, h.cms.origin)
    expect(url.searchParams.get('q')).toBe('baku')
    expect(await page.locator('etw-news-feed form').count()).toBe(0)
    expect(await page.locator('etw-news-feed [part="item"]').count()).toBe(1)
    expect(await page.locator('etw-news-feed mark').innerText()).toBe('Baku')
  })
})
