import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { chromium } from 'playwright-core'

/** The machine's Chromium; Playwright never downloads a browser here. */
export const CHROMIUM = process.env.ETW_CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Why browser tests cannot run, or `null`. Under `CI=true` or `CI=1` a missing Chromium fails the
 * run; elsewhere the tests are skipped with this message.
 */
export const chromiumMissing = existsSync(CHROMIUM)
  ? null
  : `Chromium not found at ${CHROMIUM} (install the Debian package "chromium" or set ETW_CHROMIUM_PATH): browser tests cannot run.`

if (chromiumMissing) {
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(chromiumMissing)
  console.warn(`Skipping browser tests. ${chromiumMissing}`)
}

export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })

export const contextOptions: BrowserContextOptions = {
  viewport: { width: 1000, height: 800 },
  locale: 'en-US',
  timezoneId: 'Europe/Kyiv',
}

/** What went wrong on a page: uncaught errors, console errors and CSP violations. */
export interface Problems {
  errors: string[]
  console: string[]
  violations: string[]
}

/** Starts recording a page's problems; call before `goto`. */
export const watch = async (page: Page): Promise<Problems> => {
  const problems: Problems = { errors: [], console: [], violations: [] }
  page.on('pageerror', (error) => problems.errors.push(String(error)))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(message.text())
  })
  await page.exposeBinding('__etwViolation', (_source, text: string) => {
    problems.violations.push(text)
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { __etwViolation: (text: string) => void }).__etwViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      )
    })
  })
  return problems
}

/** Text of the widgets' shadow DOM, whitespace of every kind (U+00A0, U+202F) as one space. */
export const shadowText = (page: Page, tag: string, selector: string) =>
  page.evaluate(
    ([tagName, inner]) =>
      [...document.querySelectorAll(tagName)].flatMap((el) =>
        [...(el.shadowRoot?.querySelectorAll(inner) ?? [])].map((node) =>
          (node.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim(),
        ),
      ),
    [tag, selector] as const,
  )

/** Injects axe-core (on pages without a CSP) and returns its violations. */
export const axe = async (page: Page) => {
  const require = createRequire(import.meta.url)
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: unknown[] }> }
      }
    ).axe.run(document)
    return result.violations as { id: string; help: string; nodes: { target: string[] }[] }[]
  })
}
