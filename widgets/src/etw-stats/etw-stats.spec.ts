import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumMissing } from '../../test/support/browser'
import { loaded, useHarness } from '../../test/support/harness'

const values = (page: Page, selector = 'etw-stats') =>
  page.locator(selector).locator('.cur').allInnerTexts()

/** Each change line as it reads: its words and the difference, without the template's spacing. */
const changes = (page: Page) =>
  page
    .locator('etw-stats [part="change"]')
    .evaluateAll((lines) =>
      lines.map((line) => [...line.children].map((part) => part.textContent).join('')),
    )
const reduce = { contextOptions: { reducedMotion: 'reduce' as const } }

describe.skipIf(chromiumMissing)('<etw-stats>', () => {
  const h = useHarness()

  it("should show the country's counters with their labels", async () => {
    const { page, problems } = await h.open('<etw-stats country="AZ"></etw-stats>', reduce)
    await loaded(page)
    expect(await values(page)).toEqual(['4,308', '1,141', '5,103'])
    expect(await page.locator('etw-stats [part="label"]').allInnerTexts()).toEqual([
      'Teachers',
      'Schools',
      'Projects',
    ])
    expect(problems).toEqual({ errors: [], console: [], violations: [] })
  })

  it('should group digits with a no-break space in Ukrainian', async () => {
    const { page } = await h.open('<etw-stats country="AZ" lang="uk"></etw-stats>', reduce)
    await loaded(page)
    const [teachers] = await values(page)
    expect(teachers).toBe('4\u00a0308')
    expect(await page.locator('etw-stats [part="label"]').first().innerText()).toBe('Учителі')
    expect(h.cms.requests.at(-1)?.url).toContain('locale=uk')
  })

  it('should show approximate programme-wide figures with a plus', async () => {
    const { page } = await h.open(
      '<etw-stats metrics="projects,teachers"></etw-stats><etw-stats lang="uk" metrics="projects"></etw-stats>',
      reduce,
    )
    await loaded(page)
    expect(await values(page, 'etw-stats:not([lang])')).toEqual(['160,000+', '1,200,000+'])
    expect(await values(page, 'etw-stats[lang="uk"]')).toEqual(['160\u00a0000+'])
  })

  it('should take its language from the nearest ancestor with lang', async () => {
    const { page } = await h.open(
      '<section lang="uk-UA"><etw-stats country="AZ"></etw-stats></section>',
      reduce,
    )
    await loaded(page)
    expect(await values(page)).toEqual(['4\u00a0308', '1\u00a0141', '5\u00a0103'])
    expect(h.cms.requests.at(-1)?.url).toContain('locale=uk')
  })

  it('should show the final values at once under reduced motion', async () => {
    const { page } = await h.open(
      '<div style="height:3000px"></div><etw-stats country="AZ"></etw-stats>',
      reduce,
    )
    await loaded(page)
    // Far below the fold and never scrolled to: no animation is waiting for it.
    expect(await values(page)).toEqual(['4,308', '1,141', '5,103'])
  })

  it('should hold the final value until it scrolls into view, then count up in the same space', async () => {
    const { page } = await h.open(
      '<p style="height:3000px">Scroll down</p><etw-stats country="AZ" metrics="teachers"></etw-stats>',
    )
    await loaded(page)
    const value = page.locator('etw-stats [part="value"]')
    // Printed, read by a screen reader or seen before the count-up: never 0.
    expect(await values(page)).toEqual(['4,308'])
    expect(await page.locator('etw-stats .sr').innerText()).toBe('4,308')
    const before = await value.boundingBox()
    await page.locator('etw-stats').scrollIntoViewIfNeeded()
    const counting = (done: boolean) =>
      page.waitForFunction((final) => {
        const text = document.querySelector('etw-stats')?.shadowRoot?.querySelector('.cur')
        return final ? text?.textContent === '4,308' : text?.textContent !== '4,308'
      }, done)
    await counting(false)
    expect(await page.locator('etw-stats .sr').innerText()).toBe('4,308')
    await counting(true)
    const after = await value.boundingBox()
    expect(after?.width).toBe(before?.width)
    expect(after?.height).toBe(before?.height)
  })

  it('should show the date and the linked source under the counters when asked', async () => {
    const { page, problems } = await h.open(
      '<etw-stats country="AZ" show-date show-source></etw-stats><etw-stats country="AZ" id="bare"></etw-stats>',
      reduce,
    )
    await loaded(page)
    expect(await page.locator('etw-stats:not(#bare) [part="note"]').innerText()).toBe(
      'As of Sep 1, 2024 · Source: eTwinning Azerbaijan',
    )
    expect(await page.locator('etw-stats:not(#bare) a[part="source"]').getAttribute('href')).toBe(
      'https://etwinning.example/az',
    )
    expect(await page.locator('#bare [part="note"]').count()).toBe(0)
    expect(problems).toEqual({ errors: [], console: [], violations: [] })
  })

  it('should show the change since the previous snapshot with show-change', async () => {
    const { page } = await h.open('<etw-stats country="AZ" show-change></etw-stats>', reduce)
    await loaded(page)
    expect(await changes(page)).toEqual([
      '+128 since May 15, 2023',
      '0 since May 15, 2023',
      '+658 since May 15, 2023',
    ])
  })

  it('should keep the change in view where the language writes it after a long date', async () => {
    // Azerbaijani: "{d} tarixindən bəri {n}"; three counters in 480 px leave no room for the line.
    const { page } = await h.open(
      '<etw-stats country="AZ" lang="az" show-change style="inline-size: 480px"></etw-stats>',
      reduce,
    )
    await loaded(page)
    expect(await changes(page)).toEqual([
      '15 may 2023 tarixindən bəri +128',
      '15 may 2023 tarixindən bəri 0',
      '15 may 2023 tarixindən bəri +658',
    ])
    const shown = await page.locator('etw-stats [part="change"]').evaluateAll((lines) =>
      lines.map((line) => {
        const box = line.getBoundingClientRect()
        const words = line.querySelector('span')!
        const change = line.querySelector('bdi')!.getBoundingClientRect()
        return {
          cut: words.scrollWidth > words.clientWidth,
          inside: change.left >= box.left - 0.5 && change.right <= box.right + 0.5,
        }
      }),
    )
    expect(shown).toEqual(Array(3).fill({ cut: true, inside: true }))
  })

  it('should write the date and the change in Ukrainian', async () => {
    const { page } = await h.open(
      '<etw-stats country="AZ" metrics="teachers" lang="uk" show-date show-change></etw-stats>',
      reduce,
    )
    await loaded(page)
    expect((await changes(page))[0]).toMatch(/^\+128 з 15 трав\. 2023/)
    expect(await page.locator('etw-stats [part="note"]').innerText()).toMatch(/^Станом на 1 вер/)
  })

  it('should isolate the approximate figure from the text direction around it', async () => {
    const { page } = await h.open(
      '<div dir="rtl" lang="ar"><etw-stats metrics="projects" lang="en"></etw-stats></div>',
      reduce,
    )
    await loaded(page)
    const value = page.locator('etw-stats [part="value"] .cur')
    // An element with `dir` is isolated from the text around it (`unicode-bidi: isolate`).
    expect(await value.evaluate((node) => node.closest('[dir]')?.getAttribute('dir'))).toBe('ltr')
    expect(
      await value.evaluate((node) => getComputedStyle(node.closest('[dir]')!).unicodeBidi),
    ).toBe('isolate')
    expect(await value.innerText()).toBe('160,000+')
  })

  it('should reserve the lines for the date and the change before the data arrives', async () => {
    h.cms.mode = 'slow'
    try {
      const { page } = await h.open(
        '<etw-stats country="AZ" show-date show-change></etw-stats>',
        reduce,
      )
      const height = () => page.locator('etw-stats').evaluate((e) => e.clientHeight)
      const reserved = await height()
      await loaded(page)
      expect(await height()).toBe(reserved)
    } finally {
      h.cms.mode = 'ok'
    }
  })
})
