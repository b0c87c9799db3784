import { describe, expect, it } from 'vitest'
import { chromiumMissing } from '../../test/support/browser'
import { loaded, useHarness } from '../../test/support/harness'

describe.skipIf(chromiumMissing)('<etw-events>', () => {
  const h = useHarness()

  it("should show the dates in the event's own time zone", async () => {
    // The visitor is in Kyiv (UTC+3 in May); the seminar is in Baku (UTC+4): 05:00Z is 9:00 there.
    const { page } = await h.open('<h2>Events</h2><etw-events when="past"></etw-events>')
    await loaded(page)
    const time = page.locator('etw-events time')
    expect(await time.getAttribute('datetime')).toBe('2023-05-15T05:00:00.000Z')
    const text = (await time.innerText()).replace(/\s/g, ' ')
    expect(text).toMatch(/^May 15, 2023, 9:00 AM GMT\+4 – May 17, 2023, 6:00 PM GMT\+4$/)
  })

  it("should link each event's title to its page", async () => {
    const { page } = await h.open('<etw-events when="past"></etw-events>')
    await loaded(page)
    const link = page.locator('etw-events h3 a')
    expect(await link.innerText()).toBe('Innovation and Education')
    expect(await link.getAttribute('href')).toBe(
      `${h.cms.origin}/en/events/innovation-and-education`,
    )
  })

  it('should name the place and the participating countries in the visitor language', async () => {
    const { page } = await h.open('<etw-events when="past" lang="uk"></etw-events>')
    await loaded(page)
    expect(await page.locator('etw-events [part="place"]').innerText()).toBe('Baku, Азербайджан')
    expect(await page.locator('etw-events [part="countries"]').innerText()).toBe(
      'Країни-учасниці: Албанія, Болгарія, Чехія, Фінляндія, Португалія, Словаччина і Словенія',
    )
    expect(await page.locator('etw-events [part="badge"]').allInnerTexts()).toEqual([
      'Семінар',
      'Очно',
    ])
  })

  it('should use its built-in Azerbaijani strings', async () => {
    const { page } = await h.open('<etw-events lang="az"></etw-events>')
    await loaded(page)
    expect(await page.locator('etw-events [part="badge"]').allInnerTexts()).toEqual([
      'Seminar',
      'Əyani',
    ])
    expect(await page.locator('etw-events [part="calendar"]').innerText()).toBe('Təqvimə əlavə et')
  })

  it('should link "Add to calendar" to the event\'s .ics file', async () => {
    const { page } = await h.open('<etw-events></etw-events>')
    await loaded(page)
    const link = page.locator('etw-events [part="calendar"]')
    expect(await link.innerText()).toBe('Add to calendar')
    expect(await link.getAttribute('href')).toBe(`${h.cms.origin}/api/etw/v1/events.ics?id=e1`)
    const response = await page.request.get((await link.getAttribute('href'))!)
    expect(response.headers()['content-type']).toBe('text/calendar')
  })

  it('should ask for upcoming events by default and for past ones with when="past"', async () => {
    const { page } = await h.open(
      '<etw-events limit="3" country="az"></etw-events><etw-events when="past"></etw-events>',
    )
    await loaded(page)
    const urls = h.cms.requests
      .map((request) => request.url)
      .filter((url) => url.includes('/events?'))
    expect(urls).toContain('/api/etw/v1/events?country=AZ&limit=3&locale=en&when=upcoming')
    expect(urls).toContain('/api/etw/v1/events?limit=5&locale=en&when=past')
  })
})
