import type { Page } from 'playwright-core'

/** Logs in on the admin's login form and waits for the dashboard. */
export const logIn = async (page: Page, cms: string, email: string, password: string) => {
  await page.goto(`${cms}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(`${cms}/admin`)
}

/**
 * Picks `option` in a react-select the admin uses for select fields (`#field-<name>`) and the
 * language switch: opens it, types to filter, chooses the exact option.
 */
export const chooseOption = async (
  page: Page,
  container: string,
  typed: string,
  option: string,
) => {
  await page.locator(`${container} .rs__control`).click()
  await page.keyboard.type(typed)
  await page.locator('.rs__option', { hasText: option }).first().click()
}

/** Fills a date field's picker input with `value` (any text `new Date()` reads) and leaves it. */
export const fillDate = async (page: Page, field: string, value: string) => {
  const input = page.locator(`#field-${field} input`).first()
  await input.click()
  await input.fill(value)
  await input.press('Enter')
  await page.keyboard.press('Escape')
}

/** `date` as the admin's pickers read it from text in the browser's `timeZone`: `YYYY-MM-DDTHH:mm`. */
export const pickerText = (date: Date, timeZone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}
