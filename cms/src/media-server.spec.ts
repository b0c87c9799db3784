import fs from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo, Server } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { bodyHash } from '@etw/payload-plugin'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { MediaServer, MediaServerOptions } from './media-server'
import { createMediaServer } from './media-server'
import { rawGet as get } from '../test/helpers/raw-get'

/** The headers of an answer that are the server's own, not the connection's. */
const own = ({
  date: _date,
  connection: _connection,
  'keep-alive': _keep,
  ...rest
}: IncomingHttpHeaders) => rest

/** Bytes that differ from file to file (a name and a length), like an image. */
const bytes = (name: string, length: number) =>
  Buffer.from(Array.from({ length }, (_, index) => (index * 31 + name.charCodeAt(0)) & 0xff))

describe('media server', () => {
  let dir: string
  let server: Server
  let base: string
  let media: MediaServer
  /** Files an anonymous reader may see; every question asked is counted. */
  let readableFiles: Set<string>
  let asked: string[]

  const start = (options: Partial<MediaServerOptions> = {}) => {
    media = createMediaServer({
      dir,
      readable: async (filename) => {
        asked.push(filename)
        return readableFiles.has(filename)
      },
      ...options,
    })
  }

  /** Writes `filename` with `data` and marks it readable; its content-addressed URL. */
  const store = (filename: string, data: Buffer) => {
    fs.writeFileSync(path.join(dir, filename), data)
    readableFiles.add(filename)
    return `${base}/media/${bodyHash(data)}/${encodeURIComponent(filename)}`
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-media-server-'))
    server = createServer((req, res) => {
      void Promise.resolve(media(req, res)).then((handled) => handled || res.writeHead(418).end())
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  beforeEach(() => {
    for (const file of fs.readdirSync(dir)) fs.rmSync(path.join(dir, file))
    readableFiles = new Set()
    asked = []
    start()
  })

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('should answer a second request from memory with the same bytes and headers', async () => {
    const data = bytes('cover', 5000)
    const url = store('cover.jpg', data)
    const first = await get(url)
    expect(first.status).toBe(200)
    expect(first.body.equals(data)).toBe(true)
    expect(first.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'content-length': '5000',
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${bodyHash(data)}"`,
      'access-control-allow-origin': '*',
    })
    // Other bytes on disk under the same name: the held answer does not read them.
    fs.writeFileSync(path.join(dir, 'cover.jpg'), bytes('other', 5000))
    const second = await get(url)
    expect(second.status).toBe(200)
    expect(second.body.equals(data)).toBe(true)
    expect(own(second.headers)).toEqual(own(first.headers))
    expect(asked).toEqual(['cover.jpg'])
  })

  it('should answer 304 to its ETag, from memory and on a first request', async () => {
    const data = bytes('card', 3000)
    const url = store('card.png.avif', data)
    const etag = `"${bodyHash(data)}"`
    const cold = await get(url, { 'if-none-match': etag })
    expect(cold.status).toBe(304)
    expect(cold.body.length).toBe(0)
    expect(cold.headers.etag).toBe(etag)
    expect(cold.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const held = await get(url, { 'if-none-match': `W/${etag}, "other"` })
    expect(held.status).toBe(304)
    expect((await get(url)).headers['content-type']).toBe('image/avif')
    expect(asked).toEqual(['card.png.avif'])
  })

  it('should check many requests for one new file once', async () => {
    const url = store('hero.webp', bytes('hero', 20_000))
    const answers = await Promise.all(Array.from({ length: 20 }, () => get(url)))
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200))
    expect(asked).toEqual(['hero.webp'])
  })

  it('should hold no more bytes than its bound, dropping the least recently used file', async () => {
    start({ maxBytes: 10_000 })
    const urls = ['a.jpg', 'b.jpg', 'c.jpg'].map((name) => store(name, bytes(name, 4000)))
    for (const url of urls) expect((await get(url)).status).toBe(200)
    // Other bytes on disk under every name: a held file is still answered, a dropped one is read
    // again and no longer matches its address.
    for (const name of ['a.jpg', 'b.jpg', 'c.jpg']) {
      fs.writeFileSync(path.join(dir, name), bytes('other', 4000))
    }
    // c and b are held (8,000 bytes); a was dropped to make room for c.
    expect((await get(urls[2]!)).status).toBe(200)
    expect((await get(urls[1]!)).status).toBe(200)
    expect((await get(urls[0]!)).status).toBe(404)
  })

  it('should stream a file over the memory bound from disk, checking it is still the same file', async () => {
    start({ maxFileBytes: 10_000 })
    const data = bytes('poster', 50_000)
    const url = store('poster.png', data)
    const first = await get(url)
    expect(first.status).toBe(200)
    expect(first.headers['content-length']).toBe('50000')
    expect(first.body.equals(data)).toBe(true)
    const head = await get(url, {}, 'HEAD')
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([
      200,
      '50000',
      0,
    ])
    expect((await get(url, { 'if-none-match': `"${bodyHash(data)}"` })).status).toBe(304)
    expect(asked).toEqual(['poster.png'])
    // Replaced on disk by other bytes: never sent under the old hash.
    fs.writeFileSync(path.join(dir, 'poster.png'), bytes('replaced', 60_000))
    expect((await get(url)).status).toBe(404)
    fs.rmSync(path.join(dir, 'poster.png'))
    expect((await get(url)).status).toBe(404)
  })

  it('should stop serving a held file once cleared after its document was deleted', async () => {
    const url = store('gone.jpg', bytes('gone', 2000))
    expect((await get(url)).status).toBe(200)
    fs.rmSync(path.join(dir, 'gone.jpg'))
    readableFiles.delete('gone.jpg')
    media.clear()
    const after = await get(url)
    expect(after.status).toBe(404)
    expect(after.headers['cache-control']).toBe('no-store')
  })

  it('should stop serving a held file once cleared after an anonymous reader lost access', async () => {
    const url = store('private.jpg', bytes('private', 2000))
    expect((await get(url)).status).toBe(200)
    readableFiles.delete('private.jpg')
    media.clear()
    expect((await get(url)).status).toBe(404)
  })

  it('should check a held file again once its checks are older than recheckMs', async () => {
    start({ recheckMs: 50 })
    const url = store('stale.jpg', bytes('stale', 2000))
    expect((await get(url)).status).toBe(200)
    readableFiles.delete('stale.jpg')
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect((await get(url)).status).toBe(404)
  })

  it('should serve a replaced file on its new address only', async () => {
    const old = store('photo.jpg', bytes('old', 2000))
    expect((await get(old)).status).toBe(200)
    const data = bytes('new', 2500)
    const replaced = store('photo.jpg', data)
    media.clear()
    expect((await get(old)).status).toBe(404)
    const answer = await get(replaced)
    expect(answer.status).toBe(200)
    expect(answer.body.equals(data)).toBe(true)
  })

  it('should not serve a file no anonymous reader may see, nor one under another hash', async () => {
    const url = store('draft.jpg', bytes('draft', 1000))
    readableFiles.delete('draft.jpg')
    expect((await get(url)).status).toBe(404)
    const other = store('public.jpg', bytes('public', 1000))
    expect(
      (await get(other.replace(/\/media\/[\w-]{27}\//, `/media/${'A'.repeat(27)}/`))).status,
    ).toBe(404)
    expect((await get(`${base}/media/${'A'.repeat(27)}/..%2Fsecret`)).status).toBe(404)
  })

  it('should refuse methods other than GET and HEAD, and leave other paths alone', async () => {
    const url = store('logo.png', bytes('logo', 1000))
    expect((await get(url, {}, 'POST')).status).toBe(405)
    expect((await get(`${base}/widgets/etw-widgets.js`)).status).toBe(418)
  })
})
