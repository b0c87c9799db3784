import type { Page, Request } from 'playwright-core'

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

const formStateRequests = new WeakMap<Page, Set<Request>>()

/**
 * Starts counting the admin's in-flight server-function requests on `page`: Next server actions
 * (POST with a `next-action` header), which Payload sends to rebuild a form's state after each
 * change. {@link whenFormSettled} waits on them.
 */
export const trackFormState = (page: Page) => {
  const inFlight = new Set<Request>()
  formStateRequests.set(page, inFlight)
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.headers()['next-action']) inFlight.add(request)
  })
  const done = (request: Request) => void inFlight.delete(request)
  page.on('requestfinished', done)
  page.on('requestfailed', done)
}

/**
 * Resolves once no form-state request has been in flight for `quietMs`. Payload applies each
 * answer to the whole form, so one sent before a change and answered after it undoes what the change
 * showed (a field whose condition the change met disappears again); a person waits for the form
 * before going on, and so does a test.
 */
export const whenFormSettled = async (page: Page, quietMs = 750, timeoutMs = 30_000) => {
  const inFlight = formStateRequests.get(page)
  if (!inFlight) throw new Error('Call trackFormState(page) before whenFormSettled(page).')
  const deadline = Date.now() + timeoutMs
  let quietSince = Date.now()
  while (Date.now() < deadline) {
    if (inFlight.size > 0) quietSince = Date.now()
    else if (Date.now() - quietSince >= quietMs) return
    await page.waitForTimeout(100)
  }
  throw new Error(`The admin's form state did not settle within ${timeoutMs} ms.`)
}
