import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CmsProcess } from '../test/helpers/cms-process'

import { chromiumMissing, launch, shadowText } from '../../widgets/test/support/browser'
import { cmsDir } from '../scripts/production-build'
import { describeWithBuild, startCms } from '../test/helpers/cms-process'
import { logIn, trackFormState, whenFormSettled } from './support/admin'
import { startUniversity } from './support/university'
import type { University } from './support/university'

/**
 * Issue #15's import end to end, on the production CMS with a fresh SQLite database: an editor
 * checks a CSV file in the statistics list, imports it, follows the job to its summary, and the
 * counter on a university's page (`<etw-stats country="AZ" metrics="teachers">`) shows the figure.
 * Screenshots go to `cms/test-results/e2e/statistics-import-<step>.png`.
 */
const SHOTS = path.join(cmsDir, 'test-results', 'e2e')
const ADMIN = { email: 'admin@import.example.org', password: 'correct horse battery admin' }
const EDITOR = { email: 'editor@import.example.org', password: 'correct horse battery editor' }

const describeE2e = chromiumMissing ? describe.skip : describeWithBuild()

describeE2e('an editor imports statistics from a spreadsheet', () => {
  let tmp: string
  let cms: CmsProcess
  let browser: Browser
  let context: BrowserContext
  let admin: Page
  let site: Page
  let university: University

  const shot = (step: string) =>
    admin.screenshot({ path: path.join(SHOTS, `statistics-import-${step}.png`), fullPage: true })

  const rest = async <T>(route: string, body: unknown, auth?: string): Promise<T> => {
    const response = await fetch(`${cms.url}/api${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${route}: ${response.status} ${text}`)
    return JSON.parse(text) as T
  }

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-e2e-import-'))
    cms = await startCms({ databaseUrl: `file:${path.join(tmp, 'etw.db')}` })
    const first = await rest<{ token: string }>('/users/first-register', ADMIN)
    await rest('/users', { ...EDITOR, roles: ['editor'] }, `JWT ${first.token}`)
    university = await startUniversity(cms.url)
    browser = await launch()
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } })
    admin = await context.newPage()
    site = await context.newPage()
    trackFormState(admin)
  })

  afterAll(async () => {
    await context?.close().catch(() => undefined)
    await browser?.close()
    await university?.close()
    await cms?.stop()
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('should check the file, import it as a job and show the figure on the host page', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const file = [
      'metric,value,approximate,asOf,scope,country,region,organization,source title,source URL',
      `teachers,4512,no,${today},country,AZ,,,eTwinning Azerbaijan,https://example.org/az`,
      `schools,1180,no,${today},country,AZ,,,eTwinning Azerbaijan,https://example.org/az`,
    ].join('\n')

    await logIn(admin, cms.url, EDITOR.email, EDITOR.password)
    await admin.goto(`${cms.url}/admin/collections/statistics`)
    const panel = admin.locator('.etw-import')
    await panel.waitFor()
    await whenFormSettled(admin)
    await panel.locator('input[type="file"]').setInputFiles({
      name: 'azerbaijan.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file),
    })
    await panel.getByRole('button', { name: 'Check the file' }).click()
    await panel.locator('.etw-import__preview, .etw-import__error').first().waitFor()
    expect(await panel.locator('.etw-import__error').count(), await panel.innerText()).toBe(0)
    await expect
      .poll(() => panel.locator('.etw-import__preview [role="status"]').textContent())
      .toBe('2 rows: 2 ready, 0 already exist, 0 with errors.')
    expect(await panel.locator('.etw-import__row--valid').count()).toBe(2)
    await shot('1-preview')

    await panel.getByRole('button', { name: 'Import 2 rows' }).click()
    await expect
      .poll(() => panel.locator('.etw-import__done').textContent(), { timeout: 30_000 })
      .toBe('Import finished: 2 snapshots added, 0 skipped.')
    await shot('2-done')

    // The list below the panel shows the imported snapshots once the page has refreshed.
    await expect
      .poll(() => admin.locator('.collection-list .table tbody tr').count(), { timeout: 10_000 })
      .toBe(2)

    await site.goto(university.url('en'))
    await expect
      .poll(() => shadowText(site, 'etw-stats', '[part="value"] .sr'), { timeout: 30_000 })
      .toEqual(['4,512'])
    await site.screenshot({ path: path.join(SHOTS, 'statistics-import-3-university.png') })
  })
})
