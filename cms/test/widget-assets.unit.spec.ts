import fs from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createWidgetAssets, widgetAssetRoutes } from '../src/widget-assets'

describe('widget assets served by the CMS', () => {
  let base: string
  let server: ReturnType<typeof createServer>
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-assets-'))

  beforeAll(async () => {
    fs.writeFileSync(path.join(dir, 'bundle.js'), 'console.log("etw")\n')
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>demo</title>\n')
    const js = 'text/javascript; charset=utf-8'
    const serve = createWidgetAssets(
      new Map([
        [
          '/widgets/etw-widgets.js',
          { file: path.join(dir, 'bundle.js'), type: js, cacheControl: 'public, max-age=3600' },
        ],
        [
          '/widgets/9.9.9/etw-widgets.js',
          {
            file: path.join(dir, 'bundle.js'),
            type: js,
            cacheControl: 'public, max-age=31536000, immutable',
          },
        ],
        [
          '/widgets/demo',
          {
            file: path.join(dir, 'index.html'),
            type: 'text/html; charset=utf-8',
            cacheControl: 'no-cache',
          },
        ],
        [
          '/widgets/missing.js',
          { file: path.join(dir, 'missing.js'), type: js, cacheControl: 'no-cache' },
        ],
      ]),
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

  it('should list the bundle under its plain and its versioned path', () => {
    const paths = [...widgetAssetRoutes().keys()]
    expect(paths).toContain('/widgets/etw-widgets.js')
    expect(paths.some((p) => /^\/widgets\/\d+\.\d+\.\d+\/etw-widgets\.js$/.test(p))).toBe(true)
    expect(paths).toContain('/widgets/demo')
  })

  it('should serve the bundle as JavaScript, cacheable and readable from any origin', async () => {
    const res = await fetch(`${base}/widgets/etw-widgets.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(await res.text()).toBe('console.log("etw")\n')
  })

  it('should cache the versioned bundle for a year', async () => {
    const res = await fetch(`${base}/widgets/9.9.9/etw-widgets.js`)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('should answer 304 to a matching If-None-Match', async () => {
    const first = await fetch(`${base}/widgets/etw-widgets.js`)
    const etag = first.headers.get('etag') as string
    const second = await fetch(`${base}/widgets/etw-widgets.js`, {
      headers: { 'if-none-match': etag },
    })
    expect(second.status).toBe(304)
  })

  it('should serve the demo page under a strict Content-Security-Policy', async () => {
    const res = await fetch(`${base}/widgets/demo/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toMatch(/trusted-types lit-html/)
  })

  it('should say how to build the bundle when it is missing', async () => {
    const res = await fetch(`${base}/widgets/missing.js`)
    expect(res.status).toBe(503)
    expect(await res.text()).toMatch(/pnpm --filter @etw\/widgets build/)
  })

  it('should leave other paths to the next handler', async () => {
    expect((await fetch(`${base}/api/news`)).status).toBe(404)
  })
})
