import fs from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo, Server } from 'node:net'
import path from 'node:path'

import { staticDirOf } from '@etw/payload-plugin'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { mediaServerFor } from '../src/media-server'
import { callFeed, TEST_HOST } from './helpers/feed'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#0b57a4' } })
    .png()
    .toBuffer()

describeDb('images on the fast path', () => {
  let ctx: IntContext
  let server: Server
  let base: string
  let dir: string
  let media: Record<string, any>
  let image: {
    url: string
    width: number
    height: number
    srcset: string
    sizes: string
    sources: { type: string; srcset: string }[]
  }

  /** The `/media/…` path of a feed URL (the feed's links use the request's host). */
  const local = (url: string) => base + new URL(url).pathname

  beforeAll(async () => {
    ctx = await bootPayload()
    const data = await png(1200, 675)
    media = await ctx.payload.create({
      collection: 'media',
      data: { alt: 'Teachers in Baku' },
      file: { data, mimetype: 'image/png', name: `baku-${Date.now()}.png`, size: data.length },
      overrideAccess: true,
    })
    await ctx.payload.create({
      collection: 'news',
      data: {
        _status: 'published',
        cover: media.id,
        publishedAt: '2025-06-01T10:00:00.000Z',
        tags: ['images'],
        title: 'Images on the fast path',
      },
      overrideAccess: true,
    })
    dir = staticDirOf(ctx.payload.collections.media.config.upload)
    const feed = await callFeed(ctx.payload, '/api/etw/v1/news?tag=images')
    image = feed.json.items[0].image
    const serve = mediaServerFor(ctx.payload)
    server = createServer((req, res) => {
      void Promise.resolve(serve(req, res)).then((handled) => handled || res.writeHead(404).end())
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
    await ctx?.close()
  })

  it('should make a real AVIF and WebP variant of the original and of every size', async () => {
    const files = [media, ...Object.values(media.sizes as Record<string, any>)].filter(
      (file) => file.filename,
    )
    expect(files.length).toBeGreaterThanOrEqual(3)
    for (const file of files) {
      const avif = await sharp(path.join(dir, `${file.filename}.avif`)).metadata()
      const webp = await sharp(path.join(dir, `${file.filename}.webp`)).metadata()
      expect(avif.format).toBe('heif')
      expect(avif.compression).toBe('av1')
      expect(webp.format).toBe('webp')
      expect([avif.width, avif.height, webp.width, webp.height]).toEqual([
        file.width,
        file.height,
        file.width,
        file.height,
      ])
    }
  })

  it('should give each feed image a srcset by width, sizes, AVIF and WebP sources and its dimensions', () => {
    const widths = (srcset: string) => srcset.split(', ').map((entry) => entry.split(' ')[1])
    expect(image.url).toMatch(new RegExp(`^https?://${TEST_HOST}/media/[\\w-]{27}/`))
    expect([image.width, image.height]).toEqual([768, 432])
    expect(widths(image.srcset)).toEqual(['400w', '768w', '1200w'])
    expect(image.sizes).toBe('(min-width: 48rem) 48rem, 100vw')
    expect(image.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp'])
    expect(widths(image.sources[0]!.srcset)).toEqual(['400w', '768w', '1200w'])
    expect(image.sources[0]!.srcset).toMatch(/\.png\.avif 400w/)
  })

  it('should serve a content-addressed image for a year, immutable, with its type and length', async () => {
    const avif = image.sources[0]!.srcset.split(' ')[0]!
    const res = await fetch(local(avif))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/avif')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const body = Buffer.from(await res.arrayBuffer())
    expect(res.headers.get('content-length')).toBe(String(body.length))
    expect((await sharp(body).metadata()).format).toBe('heif')
  })

  it('should answer 304 to a matching If-None-Match for every file of the image', async () => {
    const urls = [image.srcset, ...image.sources.map((source) => source.srcset)].flatMap((srcset) =>
      srcset.split(', ').map((entry) => entry.split(' ')[0]!),
    )
    expect(urls.length).toBe(9)
    for (const url of urls) {
      const first = await fetch(local(url))
      expect(first.status, url).toBe(200)
      const etag = first.headers.get('etag')!
      expect(etag).toMatch(/^"[\w-]{27}"$/)
      const again = await fetch(local(url), { headers: { 'if-none-match': etag } })
      expect(again.status, url).toBe(304)
    }
  })

  it('should not serve a file under a hash that is not its content', async () => {
    const { pathname } = new URL(image.url)
    const wrong = pathname.replace(/\/media\/[\w-]{27}\//, `/media/${'A'.repeat(27)}/`)
    expect((await fetch(base + wrong)).status).toBe(404)
  })

  it('should not serve a file of the media folder that no media document holds', async () => {
    const stray = path.join(dir, 'stray.png')
    fs.writeFileSync(stray, await png(10, 10))
    const { bodyHash } = await import('@etw/payload-plugin')
    const res = await fetch(`${base}/media/${bodyHash(fs.readFileSync(stray))}/stray.png`)
    fs.rmSync(stray)
    expect(res.status).toBe(404)
  })

  it('should stop serving a file it holds once its media document is deleted', async () => {
    const data = await png(320, 180)
    const doc = await ctx.payload.create({
      collection: 'media',
      data: { alt: 'Held, then deleted' },
      file: { data, mimetype: 'image/png', name: `held-${Date.now()}.png`, size: data.length },
      overrideAccess: true,
    })
    const { bodyHash } = await import('@etw/payload-plugin')
    const webp = `${doc.filename}.webp`
    const url = `${base}/media/${bodyHash(fs.readFileSync(path.join(dir, webp)))}/${webp}`
    expect((await fetch(url)).status).toBe(200)
    expect((await fetch(url)).status).toBe(200)
    await ctx.payload.delete({ collection: 'media', id: doc.id, overrideAccess: true })
    expect((await fetch(url)).status).toBe(404)
  })

  it('should remove the variants with the media document', async () => {
    const data = await png(500, 300)
    const doc = await ctx.payload.create({
      collection: 'media',
      data: { alt: 'To delete' },
      file: { data, mimetype: 'image/png', name: `gone-${Date.now()}.png`, size: data.length },
      overrideAccess: true,
    })
    const variant = path.join(dir, `${doc.filename}.webp`)
    expect(fs.existsSync(variant)).toBe(true)
    await ctx.payload.delete({ collection: 'media', id: doc.id, overrideAccess: true })
    expect(fs.existsSync(variant)).toBe(false)
  })
})
