import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { zipBomb } from '../../packages/payload-plugin/src/statistics-import/testing'
import { createRestHandlers } from '../src/rest-routes'
import { callFeed } from './helpers/feed'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { ApiKeyUser, TestRole, TestUser } from './helpers/users'
import { createApiKeyUser, createTestUsers } from './helpers/users'

type Answer = { status: number; body: any; headers: Headers }

const HEADER =
  'metric,value,approximate,asOf,scope,country,region,organization,source title,source URL'

/** A CSV file with the template's header and `lines` below it. */
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n')

describeDb('statistics spreadsheet import', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>
  let writer: ApiKeyUser<'statistics-writer'>
  let rest: ReturnType<typeof createRestHandlers>

  const call = async (
    method: 'GET' | 'POST',
    path: string,
    { auth, body, type }: { auth?: string; body?: BodyInit; type?: string } = {},
  ): Promise<Answer> => {
    const url = new URL(`http://localhost:3000/api${path}`)
    const headers = new Headers()
    if (auth) headers.set('Authorization', auth)
    if (type) headers.set('Content-Type', type)
    const request = new Request(url, { method, headers, body })
    const slug = url.pathname.replace(/^\/api\//, '').split('/')
    const response = await rest[method](request, { params: Promise.resolve({ slug }) })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // CSV or a file
    }
    return { status: response.status, body: parsed, headers: response.headers }
  }

  /** POSTs `text` as a text/csv body. */
  const postCsv = (text: string, query: string, auth = users.editor.auth) =>
    call('POST', `/statistics/import${query}`, { auth, body: text, type: 'text/csv' })

  /** POSTs a file as the `file` part of a multipart form, as the admin does. */
  const postFile = (bytes: Uint8Array, name: string, query: string, auth = users.editor.auth) => {
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(bytes)]), name)
    return call('POST', `/statistics/import${query}`, { auth, body: form })
  }

  const count = async () => (await ctx.payload.count({ collection: 'statistics' })).totalDocs

  /** Polls the import's status until it has finished. */
  const finished = async (id: number | string, auth = users.editor.auth) => {
    for (let tries = 0; tries < 600; tries += 1) {
      const answer = await call('GET', `/statistics/import/${id}`, { auth })
      if (answer.body.status === 'succeeded' || answer.body.status === 'failed') return answer.body
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`import ${id} did not finish`)
  }

  let organizationSlug = ''

  beforeAll(async () => {
    ctx = await bootPayload()
    rest = createRestHandlers(ctx.config)
    users = await createTestUsers(ctx.payload)
    writer = await createApiKeyUser(ctx.payload, 'statistics-writer', users.admin)
    const organization = await ctx.payload.create({
      collection: 'organizations',
      data: { name: 'Kyiv Polytechnic', shortName: 'KPI', kind: 'university', country: 'UA' },
      overrideAccess: true,
    })
    organizationSlug = String(organization.slug)
    await ctx.payload.create({
      collection: 'statistics',
      data: {
        metric: 'teachers',
        value: 4180,
        asOf: '2023-05-15',
        scope: 'country',
        country: 'AZ',
      },
      overrideAccess: true,
    })
  })

  afterAll(async () => {
    await ctx?.close()
  })

  describe('a bad file', () => {
    const bad = csv(
      'teachers,4308,no,2024-06-01,country,XX,,,,',
      'schools,-3,no,2024-06-01,country,AZ,,,,',
      'teachers,4180,no,2023-05-15,country,AZ,,,,',
      'projects,5103,no,2024-13-40,country,AZ,,,,',
      'projects,10,no,2024-06-01,organization,UA,,nowhere-university,,',
      ',12,no,2024-06-01,programme,,,,,',
      'schools,1141,no,2024-06-01,country,UA,,,,',
    )

    it('should preview every row with its own message', async () => {
      const answer = await postCsv(bad, '?dryRun=true&duplicates=refuse')
      expect(answer.status).toBe(200)
      expect(answer.body).toMatchObject({ total: 7, valid: 1, duplicate: 1, invalid: 5 })
      expect(
        answer.body.rows.map((row: { row: number; status: string; messages: string[] }) => [
          row.row,
          row.status,
          row.messages,
        ]),
      ).toEqual([
        [2, 'invalid', ['"XX" is not a known country code (ISO 3166-1 alpha-2, e.g. UA or AZ).']],
        [3, 'invalid', ['The value must be 0 or more, not -3.']],
        [4, 'duplicate', ['A snapshot of teachers for country:AZ on 2023-05-15 already exists.']],
        [5, 'invalid', ['"2024-13-40" is not a date; write it as YYYY-MM-DD, e.g. 2024-06-01.']],
        [
          6,
          'invalid',
          [
            'There is no organization "nowhere-university" (give its slug, short name, name or ID).',
          ],
        ],
        [7, 'invalid', ['metric is required.']],
        [8, 'valid', []],
      ])
    })

    it('should refuse the import with the same rows and write nothing', async () => {
      const before = await count()
      const answer = await postCsv(bad, '?duplicates=skip')
      expect(answer.status).toBe(400)
      expect(answer.body.errors[0].message).toBe(
        'Correct the rows with errors and check the file again. Nothing has been saved.',
      )
      expect(answer.body.invalid).toBe(5)
      expect(await count()).toBe(before)
    })

    it('should name a parameter that has an unknown value', async () => {
      const answer = await postCsv(bad, '?duplicates=overwrite')
      expect(answer.status).toBe(400)
      expect(answer.body.errors[0].message).toBe(
        'The duplicates parameter must be one of: skip, refuse.',
      )
    })
  })

  describe('a good file', () => {
    it('should import 1,000 rows as a job, all shown by the feed, with an audit entry', async () => {
      const lines = Array.from({ length: 1000 }, (_, index) => {
        const day = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10)
        return `projects,${5000 + index},no,${day},country,UA,,,Report,https://example.org/r`
      })
      const before = await count()
      const answer = await postCsv(csv(...lines), '?duplicates=refuse')
      expect(answer.status).toBe(202)
      expect(answer.body.import).toMatchObject({ status: 'queued', total: 1000 })
      const done = await finished(answer.body.import.id)
      expect(done).toMatchObject({
        status: 'succeeded',
        created: 1000,
        skipped: 0,
        processed: 1000,
      })
      expect(await count()).toBe(before + 1000)

      const feed = await callFeed(ctx.payload, '/api/etw/v1/stats?country=UA&metrics=projects')
      expect(feed.json.metrics[0]).toMatchObject({ value: 5999, asOf: '2022-09-26' })
      const history = await callFeed(
        ctx.payload,
        '/api/etw/v1/stats/history?country=UA&metric=projects',
      )
      expect(history.status).toBe(200)

      const { docs } = await ctx.payload.find({
        collection: 'audit-log',
        where: { action: { equals: 'import' } },
        depth: 0,
      })
      expect(docs).toHaveLength(1)
      expect(docs[0]).toMatchObject({
        summary: 'Import of CSV: 1000 added, 0 skipped',
        targetCollection: 'statistics',
        userEmail: users.editor.email,
      })
    })

    it('should read an XLSX file sent as a multipart form, organizations by slug', async () => {
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet('statistics')
      sheet.addRow(HEADER.split(','))
      sheet.addRow([
        'teachers',
        350,
        'yes',
        new Date(Date.UTC(2024, 5, 1)),
        '',
        '',
        '',
        organizationSlug,
      ])
      const file = new Uint8Array(await workbook.xlsx.writeBuffer())
      const answer = await postFile(file, 'kpi.xlsx', '?duplicates=refuse')
      expect(answer.status).toBe(202)
      expect(await finished(answer.body.import.id)).toMatchObject({ created: 1 })
      const { docs } = await ctx.payload.find({
        collection: 'statistics',
        where: { scope: { equals: 'organization' } },
        depth: 0,
      })
      expect(docs[0]).toMatchObject({ value: 350, approximate: true, key: 'teachers' })
      expect(docs[0]!.asOf.slice(0, 10)).toBe('2024-06-01')
    })
  })

  describe('a browser upload', () => {
    it('should read a multipart body whose boundary has upper-case letters', async () => {
      const boundary = '----WebKitFormBoundaryAbCdEf0123456789'
      const body = [
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="one.csv"',
        'Content-Type: text/csv',
        '',
        csv('teachers,12,no,2024-01-01,programme,,,,,'),
        `--${boundary}--`,
        '',
      ].join('\r\n')
      const answer = await call('POST', '/statistics/import?dryRun=true', {
        auth: users.editor.auth,
        body,
        type: `multipart/form-data; boundary=${boundary}`,
      })
      expect(answer.status).toBe(200)
      expect(answer.body).toMatchObject({ total: 1, valid: 1 })
    })
  })

  describe('duplicates', () => {
    const file = csv(
      'teachers,4180,no,2023-05-15,country,AZ,,,,',
      'teachers,4308,no,2024-06-01,country,AZ,,,,',
    )

    it('should refuse the whole file when duplicates are refused', async () => {
      const before = await count()
      const answer = await postCsv(file, '?duplicates=refuse')
      expect(answer.status).toBe(409)
      expect(answer.body).toMatchObject({ duplicate: 1, valid: 1 })
      expect(await count()).toBe(before)
    })

    it('should skip them and import the other rows when asked', async () => {
      const before = await count()
      const answer = await postCsv(file, '?duplicates=skip')
      expect(answer.status).toBe(202)
      expect(await finished(answer.body.import.id)).toMatchObject({
        status: 'succeeded',
        created: 1,
        skipped: 1,
      })
      expect(await count()).toBe(before + 1)
    })
  })

  describe('all or none', () => {
    it('should roll back every row when one fails in the job, and record the failure', async () => {
      const before = await count()
      const row = {
        approximate: false,
        asOf: '2019-01-01T12:00:00.000Z',
        country: null,
        customKey: null,
        key: 'schools',
        metric: 'schools',
        organization: null,
        region: null,
        scope: 'programme',
        scopeKey: 'programme',
        source: { title: null, url: null },
        value: 1,
      }
      // Two rows of the same snapshot: the second breaks the unique index after the first is written.
      const queued = await ctx.payload.create({
        collection: 'statistics-imports',
        data: {
          duplicates: 'skip',
          fileName: 'twice.csv',
          rows: [row, { ...row, value: 2 }],
          status: 'queued',
          total: 2,
          user: users.editor.id,
        } as never,
        overrideAccess: true,
      })
      const job = await ctx.payload.jobs.queue({
        input: { import: String(queued.id) },
        task: 'importStatistics',
      } as never)
      await ctx.payload.jobs.runByID({ id: job.id, silent: true })
      expect(await finished(queued.id)).toMatchObject({ status: 'failed', created: 0 })
      expect(await count()).toBe(before)
      const { docs } = await ctx.payload.find({
        collection: 'audit-log',
        where: {
          and: [{ action: { equals: 'import' } }, { documentId: { equals: String(queued.id) } }],
        },
        depth: 0,
      })
      expect(docs.map((entry) => entry.summary)).toEqual([
        'Import of twice.csv failed, nothing saved: The rows could not be saved: a snapshot of the same metric, scope and date was recorded meanwhile, or the database refused them. The server log has the details.',
      ])
    })
  })

  describe('access', () => {
    const one = () => csv('students,1200,no,2025-01-10,programme,,,,,')

    it.each(['admin', 'editor'] as const)('should let an %s import', async (role) => {
      const answer = await postCsv(one(), '?dryRun=true', users[role].auth)
      expect(answer.status).toBe(200)
    })

    it('should let a statistics-writer key import and follow its own import', async () => {
      const answer = await postCsv(
        csv('countries,44,no,2025-02-02,programme,,,,,'),
        '',
        writer.auth,
      )
      expect(answer.status).toBe(202)
      expect(await finished(answer.body.import.id, writer.auth)).toMatchObject({ created: 1 })
    })

    it('should refuse a contributor with 403 and write nothing', async () => {
      const before = await count()
      const answer = await postCsv(one(), '', users.contributor.auth)
      expect(answer.status).toBe(403)
      expect(await count()).toBe(before)
    })

    it('should refuse an anonymous caller with 401', async () => {
      const answer = await call('POST', '/statistics/import', { body: one(), type: 'text/csv' })
      expect(answer.status).toBe(401)
      expect((await call('GET', '/statistics/export')).status).toBe(401)
    })

    it('should give the templates to those who import', async () => {
      const template = await call('GET', '/statistics/import-template?format=csv', {
        auth: users.editor.auth,
      })
      expect(template.status).toBe(200)
      expect(String(template.body).split('\r\n')[0]).toBe(HEADER)
      const xlsx = await call('GET', '/statistics/import-template?format=xlsx', {
        auth: users.editor.auth,
      })
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
      const dry = await postFile(
        new TextEncoder().encode(String(template.body)),
        'template.csv',
        '?dryRun=true',
      )
      expect(dry.body.invalid).toBe(0)
    })
  })

  describe('hostile files', () => {
    it('should refuse a file over the size limit with 413', async () => {
      const big = new Uint8Array(5 * 1024 * 1024 + 10).fill(0x41)
      const answer = await postFile(big, 'big.csv', '?dryRun=true')
      expect(answer.status).toBe(413)
      expect(answer.body.errors[0].message).toBe('The file is larger than 5242880 bytes.')
    })

    it('should refuse more than 10,000 rows with 400', async () => {
      const rows = Array.from({ length: 10_001 }, () => 'teachers,1,no,2024-06-01,programme,,,,,')
      const answer = await postFile(new TextEncoder().encode(csv(...rows)), 'long.csv', '')
      expect(answer.status).toBe(400)
      expect(answer.body.errors[0].message).toBe(
        'The file has more than 10000 rows; import at most 10000 at once.',
      )
    })

    it('should refuse an XLSX that expands without bound, before unpacking it', async () => {
      const before = await count()
      const bomb = await zipBomb(100 * 1024 * 1024)
      expect(bomb.byteLength).toBeLessThan(1024 * 1024)
      const answer = await postFile(bomb, 'bomb.xlsx', '')
      expect(answer.status).toBe(400)
      expect(answer.body.errors[0].message).toBe(
        'The XLSX file expands to more than 52428800 bytes or has too many parts; it is refused.',
      )
      expect(await count()).toBe(before)
    })

    it('should refuse a malformed file with a clear 400', async () => {
      const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 9, 9])
      const answer = await postFile(broken, 'broken.xlsx', '?dryRun=true')
      expect(answer.status).toBe(400)
      expect(answer.body.errors[0].message).toMatch(/^The file could not be read as XLSX: /)
      const quotes = await postCsv(
        csv('teachers,"4308,no,2024-06-01,programme,,,,,'),
        '?dryRun=true',
      )
      expect(quotes.status).toBe(400)
      expect(quotes.body.errors[0].message).toMatch(/^The file could not be read as CSV: /)
      const nothing = await call('POST', '/statistics/import', {
        auth: users.editor.auth,
        body: '{}',
        type: 'application/json',
      })
      expect(nothing.status).toBe(400)
    })
  })

  describe('export', () => {
    it("should escape cells a spreadsheet would run and keep the list's filters", async () => {
      await ctx.payload.create({
        collection: 'statistics',
        data: {
          metric: 'schools',
          value: 77,
          asOf: '2021-03-03',
          scope: 'region',
          country: 'GE',
          region: '=HYPERLINK("https://evil.example","x")',
          source: { title: '@SUM(1+1)', url: 'https://example.org/ge' },
        },
        overrideAccess: true,
      })
      const answer = await call(
        'GET',
        `/statistics/export?${new URLSearchParams({ 'where[country][equals]': 'GE' })}`,
        { auth: users.contributor.auth },
      )
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-disposition')).toMatch(
        /^attachment; filename="statistics-/,
      )
      const parsed = Papa.parse<string[]>(String(answer.body).replace(/^\uFEFF/, '')).data
      expect(parsed).toEqual([
        HEADER.split(','),
        [
          'schools',
          '77',
          'no',
          '2021-03-03',
          'region',
          'GE',
          `'=HYPERLINK("https://evil.example","x")`,
          '',
          "'@SUM(1+1)",
          'https://example.org/ge',
        ],
      ])
    })
  })
})
