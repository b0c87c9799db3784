import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload, Where } from 'payload'

import path from 'node:path'

import {
  fileHash,
  MEDIA_SLUG,
  parseMediaPath,
  staticDirOf,
  VARIANT_FORMATS,
} from '@etw/payload-plugin'
import { LRUCache } from 'lru-cache'

import type { StaticFileSender } from './static-file'

import { prepareStaticFile, readStaticFile } from './static-file'

const TYPES: Record<string, string> = {
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
}

/** Whether an anonymous reader may see the stored file `filename` (an original, size or variant). */
export type MediaReadable = (filename: string) => Promise<boolean>

/**
 * Asks Payload, as an anonymous reader (the media collection's own read access), whether a media
 * document stores `filename` as its original or one of its sizes; a variant (`x.png.avif`) counts
 * as the file it was made of.
 */
export const anonymousMediaReadable =
  (payload: Payload): MediaReadable =>
  async (filename) => {
    const collection = payload.collections[MEDIA_SLUG]?.config
    if (!collection) return false
    const names = [filename]
    for (const format of VARIANT_FORMATS) {
      if (filename.endsWith(`.${format}`)) names.push(filename.slice(0, -format.length - 1))
    }
    const sizes = ((collection.upload as { imageSizes?: { name: string }[] }).imageSizes ?? []).map(
      (size) => size.name,
    )
    const where: Where = {
      or: [
        { filename: { in: names } },
        ...sizes.map((size) => ({ [`sizes.${size}.filename`]: { in: names } })),
      ],
    }
    const { docs } = await payload.find({
      collection: MEDIA_SLUG,
      depth: 0,
      limit: 1,
      overrideAccess: false,
      pagination: false,
      select: {},
      where,
    })
    return docs.length > 0
  }

export interface MediaServerOptions {
  /** The media directory. */
  dir: string
  readable: MediaReadable
  /**
   * Bytes of files kept in memory.
   * @default 64 MiB
   */
  maxBytes?: number
}

const ONE_YEAR = 'public, max-age=31536000, immutable'

/**
 * Serves media on their content-addressed URLs (`/media/<hash>/<filename>`) from memory: a year
 * of `immutable` caching, a strong ETag and `304`, readable from any origin. A URL whose hash is not
 * the file's current one, a file no anonymous reader may see, or a missing file is a 404. Resolves
 * `false` for any other path.
 */
export const createMediaServer = ({
  dir,
  readable,
  maxBytes = 64 * 1024 * 1024,
}: MediaServerOptions) => {
  // Entries are checked again (hash, access) a minute after they were read: a deleted or
  // re-permissioned file stops being served within that time.
  const files = new LRUCache<string, { size: number; send: StaticFileSender }>({
    ttl: 60_000,
    maxSize: maxBytes,
    sizeCalculation: (file) => Math.max(1, file.size),
  })
  const allowed = new LRUCache<string, boolean>({ max: 10_000, ttl: 60_000 })
  const notFound = (res: ServerResponse) => {
    res
      .writeHead(404, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        'access-control-allow-origin': '*',
      })
      .end('Not found\n')
    return true
  }
  /** Checks, reads and keeps a file not in memory, then answers. */
  const load = async (
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    wanted: { hash: string; filename: string },
  ): Promise<boolean> => {
    const file = path.join(dir, wanted.filename)
    if ((await fileHash(file)) !== wanted.hash) return notFound(res)
    let ok = allowed.get(wanted.filename)
    if (ok === undefined) {
      ok = await readable(wanted.filename)
      allowed.set(wanted.filename, ok)
    }
    if (!ok) return notFound(res)
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    let stored
    try {
      stored = readStaticFile(file, type)
    } catch {
      return notFound(res)
    }
    // The bytes read may be newer than the hash checked: keep them only under their own hash.
    if (stored.hash !== wanted.hash) return notFound(res)
    const entry = { size: stored.identity.length, send: prepareStaticFile(stored, HEADERS) }
    files.set(key, entry)
    entry.send(req, res)
    return true
  }
  // A file in memory is answered at once, with no await: the common case, and the fast one.
  return (req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> => {
    const url = req.url ?? '/'
    if (!url.startsWith('/media/')) return false
    const query = url.indexOf('?')
    const pathname = query === -1 ? url : url.slice(0, query)
    const entry = files.get(pathname)
    if (entry) {
      entry.send(req, res)
      return true
    }
    const wanted = parseMediaPath(pathname)
    if (!wanted) return notFound(res)
    return load(req, res, pathname, wanted)
  }
}

/** Headers of every media answer. */
const HEADERS = {
  'cache-control': ONE_YEAR,
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
}

/** The media server of a running Payload: its media directory, its anonymous read access. */
export const mediaServerFor = (payload: Payload) =>
  createMediaServer({
    dir: staticDirOf(payload.collections[MEDIA_SLUG]?.config.upload),
    readable: anonymousMediaReadable(payload),
  })
