import { REST_OPTIONS } from '@payloadcms/next/routes'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestUser } from './helpers/users'
import { createTestUser } from './helpers/users'

const SERVER_URL = 'http://cms.etw.test:3500'
const INTRANET = 'https://intranet.example.org'
const ELSEWHERE = 'https://attacker.example.net'

describeDb('CSRF and CORS', () => {
  let ctx: IntContext
  let editor: TestUser
  let cookie: string
  const saved = { serverURL: process.env.ETW_SERVER_URL, cors: process.env.ETW_CORS_ORIGINS }

  beforeAll(async () => {
    process.env.ETW_SERVER_URL = SERVER_URL
    process.env.ETW_CORS_ORIGINS = `${INTRANET}, http://localhost:3501/`
    ctx = await bootPayload()
    editor = await createTestUser(ctx.payload, 'editor')
    cookie = `payload-token=${editor.auth.replace(/^JWT /, '')}`
  })

  afterAll(async () => {
    await ctx?.close()
    for (const [name, value] of [
      ['ETW_SERVER_URL', saved.serverURL],
      ['ETW_CORS_ORIGINS', saved.cors],
    ] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  /** Creates a news draft with the login cookie and the given browser headers. */
  const writeWithCookie = (title: string, headers: Record<string, string>) =>
    ctx.api.post('/news?draft=true', { body: { title }, headers: { Cookie: cookie, ...headers } })

  const countNews = async (title: string) =>
    (await ctx.payload.count({ collection: 'news', where: { title: { equals: title } } })).totalDocs

  const preflight = (path: string, origin: string) =>
    REST_OPTIONS(ctx.config)(
      new Request(`http://localhost:3000/api${path}`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      }),
      { params: Promise.resolve({ slug: path.split('/').filter(Boolean) }) },
    )

  it('should accept a cookie-authenticated write from the CMS origin', async () => {
    const res = await writeWithCookie('Same origin write', { Origin: SERVER_URL })
    expect(res.status).toBe(201)
    expect(await countNews('Same origin write')).toBe(1)
  })

  it('should refuse a cookie-authenticated write from another site as unauthenticated', async () => {
    const res = await writeWithCookie('Cross-site write', { Origin: ELSEWHERE })
    expect(res.status).toBe(403)
    expect(await countNews('Cross-site write')).toBe(0)
  })

  it('should accept a cookie-authenticated write from an origin in ETW_CORS_ORIGINS', async () => {
    const res = await writeWithCookie('Intranet write', { Origin: INTRANET })
    expect(res.status).toBe(201)
  })

  it('should refuse a cookie-authenticated write without Origin that the browser marks cross-site', async () => {
    const res = await writeWithCookie('No origin write', { 'Sec-Fetch-Site': 'cross-site' })
    expect(res.status).toBe(403)
    expect(await countNews('No origin write')).toBe(0)
  })

  it('should not read the user of a cookie sent from another site', async () => {
    const res = await ctx.api.get<{ user: unknown }>('/users/me', {
      headers: { Cookie: cookie, Origin: ELSEWHERE },
    })
    expect(res.body.user).toBeNull()
  })

  it('should refuse a cookie-authenticated GraphQL mutation from another site', async () => {
    const res = await ctx.api.graphql(
      'mutation { createNewsItem(data: { title: "GraphQL cross-site" }, draft: true) { id } }',
      undefined,
      { headers: { Cookie: cookie, Origin: ELSEWHERE } },
    )
    expect(res.body.errors?.[0]?.message).toMatch(/not allowed/i)
    expect(await countNews('GraphQL cross-site')).toBe(0)
  })

  it('should accept a write with the token in the Authorization header from any origin', async () => {
    // A header token is never sent by a browser on its own, so it carries no CSRF risk.
    const res = await ctx.api.post('/news?draft=true', {
      auth: editor.auth,
      body: { title: 'Header token write' },
      headers: { Origin: ELSEWHERE },
    })
    expect(res.status).toBe(201)
  })

  it('should allow a configured origin to call the admin API with credentials', async () => {
    const res = await ctx.api.get('/users/me', { headers: { Origin: INTRANET } })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(INTRANET)
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBe('true')
  })

  it('should give no CORS permission to another origin on the admin API', async () => {
    const res = await ctx.api.get('/users/me', { headers: { Origin: ELSEWHERE } })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull()
  })

  it('should answer a preflight only for configured origins', async () => {
    const allowed = await preflight('/news', INTRANET)
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(INTRANET)
    const refused = await preflight('/news', ELSEWHERE)
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })

  it('should keep the public feed open to every origin without credentials', async () => {
    const res = await ctx.api.get('/etw/v1/news', { headers: { Origin: ELSEWHERE } })
    expect(res.status).toBe(200)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull()
  })

  it('should answer a feed preflight from any origin with a wildcard', async () => {
    const res = await preflight('/etw/v1/news', ELSEWHERE)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull()
  })
})
