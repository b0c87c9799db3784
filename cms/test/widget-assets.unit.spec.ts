import fs from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  createWidgetAssets,
  pinnedLoader,
  resolveWidgetAsset,
  widgetRelease,
} from '../src/widget-assets'
import { rawGet as get } from './helpers/raw-get'

describe('widget files served by the CMS', () => {
  let base: string
  let server: ReturnType<typeof createServer>
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-assets-'))
  const loader = `(()=>{${'/* loader */'.repeat(40)}})()\n`
  const chunk = `export const shared = ${JSON.stringify('lit '.repeat(200))}\n`
  const write = (file: string, text: string, compress = true) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), text)
    if (compress) {
      fs.writeFileSync(path.join(dir, `${file}.br`), brotliCompressSync(text))
      fs.writeFileSync(path.join(dir, `${file}.gz`), gzipSync(text))
    }
  }
  /** The widgets' Ukrainian strings, as the build writes them beside the chunks. */
  const ukrainian = JSON.parse(
    fs.readFileSync(new URL('../../widgets/src/locales/uk.json', import.meta.url), 'utf8'),
  ) as Record<string, string>
  /** Every path served, as a page and the loader ask for them. */
  const PATHS = [
    '/widgets/etw-widgets.js',
    '/widgets/9.9.9/etw-widgets.js',
    '/widgets/chunks/shared-Ab12_-x.js',
    '/widgets/9.9.9/chunks/shared-Ab12_-x.js',
    '/widgets/demo/',
    '/widgets/demo/demo.js',
    '/widgets/demo/demo.css',
  ]

  beforeAll(async () => {
    fs.writeFileSync(path.join(dir, 'package.json'), '{"version":"9.9.9"}')
    write('dist/etw-widgets.js', loader)
    write('dist/chunks/shared-Ab12_-x.js', chunk)
    write('dist/chunks/locale-uk-Ab12_-x.json', JSON.stringify(ukrainian))
    fs.writeFileSync(
      path.join(dir, 'dist/etw-widgets.json'),
      JSON.stringify({ integrity: 'sha384-abc', tags: {} }),
    )
    write(
      'demo/index.html',
      `<!doctype html><title>demo</title>${'<p>demo</p>'.repeat(20)}\n`,
      false,
    )
    write('demo/demo.js', `console.log(${JSON.stringify('demo '.repeat(50))})\n`, false)
    write('demo/demo.css', `body { margin: 0 }\n${'p { color: red }\n'.repeat(20)}`, false)
    const serve = createWidgetAssets(
      (pathname) => resolveWidgetAsset(pathname, dir),
      () => widgetRelease(dir),
    )
    server = createServer((req, res) => {
      if (!serve(req, res)) res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('should send the precompressed brotli file when brotli is accepted', async () => {
    const res = await get(`${base}/widgets/etw-widgets.js`, { 'accept-encoding': 'gzip, br' })
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-length']).toBe(String(res.body.length))
    expect(res.body).toEqual(fs.readFileSync(path.join(dir, 'dist/etw-widgets.js.br')))
    expect(brotliDecompressSync(res.body).toString()).toBe(loader)
  })

  it('should send gzip when the client prefers it by q-value', async () => {
    const res = await get(`${base}/widgets/chunks/shared-Ab12_-x.js`, {
      'accept-encoding': 'br;q=0.5, gzip;q=1',
    })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.headers['content-length']).toBe(String(res.body.length))
    expect(gunzipSync(res.body).toString()).toBe(chunk)
  })

  it('should send the file as stored without Accept-Encoding', async () => {
    const res = await get(`${base}/widgets/etw-widgets.js`)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(loader)))
    expect(res.body.toString()).toBe(loader)
  })

  it('should not use a coding refused with q=0', async () => {
    const res = await get(`${base}/widgets/etw-widgets.js`, {
      'accept-encoding': 'br;q=0, gzip;q=0, identity',
    })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.toString()).toBe(loader)
    const star = await get(`${base}/widgets/etw-widgets.js`, { 'accept-encoding': '*, br;q=0' })
    expect(star.headers['content-encoding']).toBe('gzip')
  })

  it('should say that the answer varies by Accept-Encoding and give each coding its own ETag', async () => {
    const tags = new Set<string>()
    for (const coding of ['br', 'gzip', 'identity']) {
      const res = await get(`${base}/widgets/etw-widgets.js`, { 'accept-encoding': coding })
      expect(res.headers.vary).toBe('Accept-Encoding')
      expect(res.headers.etag).toMatch(/^"[\w-]+"$/)
      tags.add(res.headers.etag as string)
    }
    expect(tags.size).toBe(3)
  })

  it('should answer 304 to a matching If-None-Match for every file it serves', async () => {
    for (const pathname of PATHS) {
      const first = await get(base + pathname, { 'accept-encoding': 'br, gzip' })
      expect(first.status, pathname).toBe(200)
      const again = await get(base + pathname, {
        'accept-encoding': 'br, gzip',
        'if-none-match': first.headers.etag as string,
      })
      expect(again.status, pathname).toBe(304)
      expect(again.body.length, pathname).toBe(0)
      expect(again.headers.etag, pathname).toBe(first.headers.etag)
    }
  })

  it('should cache the versioned loader and every chunk for a year, and the plain loader for an hour', async () => {
    const cacheControl = async (pathname: string) =>
      (await get(base + pathname)).headers['cache-control']
    expect(await cacheControl('/widgets/9.9.9/etw-widgets.js')).toBe(
      'public, max-age=31536000, immutable',
    )
    expect(await cacheControl('/widgets/chunks/shared-Ab12_-x.js')).toBe(
      'public, max-age=31536000, immutable',
    )
    expect(await cacheControl('/widgets/9.9.9/chunks/shared-Ab12_-x.js')).toBe(
      'public, max-age=31536000, immutable',
    )
    expect(await cacheControl('/widgets/etw-widgets.js')).toBe(
      'public, max-age=3600, stale-while-revalidate=86400',
    )
  })

  it('should let pages of any origin load the chunks as modules, with no header they do not need', async () => {
    const res = await get(`${base}/widgets/chunks/shared-Ab12_-x.js`)
    expect(res.headers['content-type']).toBe('text/javascript')
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['cross-origin-resource-policy']).toBeUndefined()
  })

  it('should let pages of any origin, cross-origin isolated ones too, load the loader', async () => {
    for (const pathname of ['/widgets/etw-widgets.js', '/widgets/9.9.9/etw-widgets.js']) {
      const res = await get(base + pathname)
      expect(res.headers['content-type'], pathname).toBe('text/javascript; charset=utf-8')
      expect(res.headers['access-control-allow-origin'], pathname).toBe('*')
      expect(res.headers['cross-origin-resource-policy'], pathname).toBe('cross-origin')
    }
  })

  it("should serve the widgets' strings files as JSON, cached for a year, to any origin", async () => {
    const res = await get(`${base}/widgets/chunks/locale-uk-Ab12_-x.json`, {
      'accept-encoding': 'br',
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.headers['content-encoding']).toBe('br')
    expect(JSON.parse(brotliDecompressSync(res.body).toString())).toEqual(ukrainian)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.headers['access-control-allow-origin']).toBe('*')
  })

  it('should compress the demo page, which has no precompressed files, on first read', async () => {
    const res = await get(`${base}/widgets/demo/`, { 'accept-encoding': 'gzip' })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(res.body).toString()).toMatch(/<title>demo<\/title>/)
    expect(res.headers['content-security-policy']).toMatch(/trusted-types lit-html/)
  })

  it('should answer HEAD with the headers of GET and no body', async () => {
    const res = await get(`${base}/widgets/etw-widgets.js`, { 'accept-encoding': 'br' }, 'HEAD')
    expect(res.status).toBe(200)
    expect(res.headers['content-length']).toBe(
      String(fs.statSync(path.join(dir, 'dist/etw-widgets.js.br')).size),
    )
    expect(res.body.length).toBe(0)
  })

  it('should refuse other methods with 405', async () => {
    const res = await get(`${base}/widgets/etw-widgets.js`, {}, 'POST')
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe('GET, HEAD')
  })

  it('should answer 404 for a chunk that does not exist and leave unknown paths alone', async () => {
    expect((await get(`${base}/widgets/chunks/missing-1234.js`)).status).toBe(404)
    expect((await get(`${base}/widgets/chunks/../../package.json`)).status).toBe(404)
    expect((await get(`${base}/widgets/1.0.0/chunks/shared-Ab12_-x.js`)).status).toBe(404)
    expect((await get(`${base}/api/news`)).status).toBe(404)
  })

  it('should say how to build the widgets when the loader is missing', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-assets-empty-'))
    fs.writeFileSync(path.join(empty, 'package.json'), '{"version":"1.0.0"}')
    const serve = createWidgetAssets((pathname) => resolveWidgetAsset(pathname, empty))
    const other = createServer((req, res) => void serve(req, res))
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    const res = await get(
      `http://127.0.0.1:${(other.address() as AddressInfo).port}/widgets/etw-widgets.js`,
    )
    await new Promise((resolve) => other.close(resolve))
    fs.rmSync(empty, { recursive: true, force: true })
    expect(res.status).toBe(503)
    expect(res.body.toString()).toMatch(/pnpm --filter @etw\/widgets build/)
  })

  it('should give the versioned loader path with its SRI hash from the build', () => {
    expect(pinnedLoader(dir)).toEqual({
      path: '/widgets/9.9.9/etw-widgets.js',
      integrity: 'sha384-abc',
    })
  })
  it('should describe the release for pinning: version, versioned path and hash, for any origin', async () => {
    const res = await get(`${base}/widgets/release.json`)
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['cache-control']).toMatch(/max-age=3600/)
    expect(JSON.parse(res.body.toString())).toEqual({
      version: '9.9.9',
      path: '/widgets/9.9.9/etw-widgets.js',
      integrity: 'sha384-abc',
    })
  })

  it('should answer 503 for the release before a build', async () => {
    const serve = createWidgetAssets(undefined, () => null)
    const other = createServer((req, res) => void serve(req, res))
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    const res = await get(
      `http://127.0.0.1:${(other.address() as AddressInfo).port}/widgets/release.json`,
    )
    await new Promise((resolve) => other.close(resolve))
    expect(res.status).toBe(503)
    expect(res.headers['cache-control']).toBe('no-store')
  })
})
