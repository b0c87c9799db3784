import { createServer } from 'node:http'
import type { AddressInfo, Server } from 'node:net'

import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestUser } from './helpers/users'
import { createTestUser } from './helpers/users'

const MiB = 1024 * 1024

const png = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#0b5cad' } })
    .png()
    .toBuffer()

const SVG_WITH_SCRIPT = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
)

describeDb('uploads', () => {
  let ctx: IntContext
  let editor: TestUser
  /** A web server on the loopback interface: the CMS must never fetch from it. */
  let internal: Server
  let internalHits: string[]
  let internalPort: number

  beforeAll(async () => {
    ctx = await bootPayload()
    editor = await createTestUser(ctx.payload, 'editor')
    internalHits = []
    const image = await png()
    internal = createServer((req, res) => {
      internalHits.push(req.url ?? '')
      res.writeHead(200, { 'content-type': 'image/png' }).end(image)
    })
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve))
    internalPort = (internal.address() as AddressInfo).port
  })

  afterAll(async () => {
    await new Promise((resolve) => internal?.close(resolve))
    await ctx?.close()
  })

  /** Uploads one file through REST as the admin panel does (multipart, `_payload` JSON). */
  const upload = async (file: Buffer, name: string, type: string) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(file)], { type }), name)
    form.append('_payload', JSON.stringify({ alt: `Upload of ${name}` }))
    const response = await REST_POST(ctx.config)(
      new Request('http://localhost:3000/api/media', {
        method: 'POST',
        headers: { Authorization: editor.auth },
        body: form,
      }),
      { params: Promise.resolve({ slug: ['media'] }) },
    )
    const text = await response.text()
    return { status: response.status, text }
  }

  const pasteUrl = async (src: string) => {
    const response = await REST_GET(ctx.config)(
      new Request(`http://localhost:3000/api/media/paste-url?src=${encodeURIComponent(src)}`, {
        headers: { Authorization: editor.auth },
      }),
      { params: Promise.resolve({ slug: ['media', 'paste-url'] }) },
    )
    return { status: response.status, text: await response.text() }
  }

  const mediaCount = async () => (await ctx.payload.count({ collection: 'media' })).totalDocs

  it('should accept a PNG image', async () => {
    const res = await upload(await png(), 'cover.png', 'image/png')
    expect(res.status).toBe(201)
  })

  it('should refuse an SVG image', async () => {
    const before = await mediaCount()
    const res = await upload(SVG_WITH_SCRIPT, 'logo.svg', 'image/svg+xml')
    expect(res.status).toBe(400)
    expect(await mediaCount()).toBe(before)
  })

  it('should refuse an SVG that claims to be a PNG', async () => {
    const res = await upload(SVG_WITH_SCRIPT, 'logo.png', 'image/png')
    expect(res.status).toBe(400)
  })

  it('should refuse an HTML page that claims to be a JPEG', async () => {
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')
    const res = await upload(html, 'photo.jpg', 'image/jpeg')
    expect(res.status).toBe(400)
  })

  it('should refuse a file type outside the allow-list', async () => {
    const res = await upload(Buffer.from('a,b\n1,2\n'), 'data.csv', 'text/csv')
    expect(res.status).toBe(400)
  })

  it('should refuse a file over 20 MiB with 413, not a server error', async () => {
    const before = await mediaCount()
    const big = Buffer.alloc(20 * MiB + 1)
    big.set(await png())
    const res = await upload(big, 'huge.png', 'image/png')
    expect(res.status).toBe(413)
    expect(await mediaCount()).toBe(before)
  })

  it.each([
    ['loopback IPv4', () => `http://127.0.0.1:${internalPort}/cover.png`],
    ['a hostname that resolves to loopback', () => `http://localhost:${internalPort}/cover.png`],
    ['loopback IPv6', () => `http://[::1]:${internalPort}/cover.png`],
    ['a private network', () => 'http://10.0.0.1/cover.png'],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a public host', () => 'https://example.org/cover.png'],
  ])('should not fetch a pasted URL that points to %s', async (_label, src) => {
    const res = await pasteUrl(src())
    expect(res.status).toBe(400)
    expect(res.text).toMatch(/not enabled/i)
    expect(internalHits).toEqual([])
  })

  it('should not fetch a file URL given in the data of a new media item', async () => {
    const res = await ctx.api.post('/media', {
      auth: editor.auth,
      body: {
        alt: 'Remote file',
        filename: 'cover.png',
        url: `http://127.0.0.1:${internalPort}/cover.png`,
        focalX: 10,
        focalY: 10,
      },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('does not download files from web addresses')
    expect(internalHits).toEqual([])
  })

  it.each([
    ['loopback IPv4', () => `http://127.0.0.1:${internalPort}/cover.png`],
    ['a hostname that resolves to loopback', () => `http://localhost:${internalPort}/cover.png`],
    ['loopback IPv6', () => `http://[::1]:${internalPort}/cover.png`],
  ])('should not fetch a file URL pointing to %s given through GraphQL', async (_label, url) => {
    const before = await mediaCount()
    const res = await ctx.api.graphql(
      'mutation ($url: String!) { createMediaItem(data: { alt: "Remote", filename: "cover.png", url: $url }) { id } }',
      { url: url() },
      { auth: editor.auth },
    )
    expect(res.body.errors?.[0]?.message).toBeTruthy()
    expect(await mediaCount()).toBe(before)
    expect(internalHits).toEqual([])
  })

  it('should keep the stored file when the admin sends its own path back on a save', async () => {
    const created = await upload(await png(), 'kept.png', 'image/png')
    const doc = JSON.parse(created.text).doc as { id: number | string; url: string }
    const res = await ctx.api.patch(`/media/${doc.id}`, {
      auth: editor.auth,
      body: { alt: 'Renamed alt text', url: doc.url, focalX: 20, focalY: 30 },
    })
    expect(res.status).toBe(200)
    expect(res.body.doc.url).toBe(doc.url)
    expect(internalHits).toEqual([])
  })
})
