import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload, Where } from 'payload'

import fs from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import {
  bodyHash,
  entityTag,
  fileHash,
  getFeed,
  ifNoneMatchMatches,
  MEDIA_SLUG,
  parseMediaPath,
  staticDirOf,
  VARIANT_FORMATS,
} from '@etw/payload-plugin'
import { LRUCache } from 'lru-cache'

import type { StaticFile, StaticFileSender } from './static-file'

import { prepareStaticFile } from './static-file'

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
   * Bytes of files kept in memory, with their answers worked out; the least recently used go
   * first.
   * @default 32 MiB
   */
  maxBytes?: number
  /**
   * Files larger than this are sent from disk on each request rather than kept in memory (their
   * headers and checks are still kept).
   * @default 2 MiB
   */
  maxFileBytes?: number
  /**
   * Milliseconds a file's checks (its hash, an anonymous reader's access) hold before they are made
   * again. A change of a media document on this instance clears them at once ({@link MediaServer.clear});
   * this bounds how long a change on another instance goes unseen.
   * @default 60 000
   */
  recheckMs?: number
}

/** Answers `/media/…` requests; resolves `false` for any other path. */
export interface MediaServer {
  (req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean>
  /** Forgets every file and access answer held: a media document changed or was deleted. */
  clear(): void
}

const ONE_YEAR = 'public, max-age=31536000, immutable'

/** Headers of every media answer. */
const HEADERS = {
  'cache-control': ONE_YEAR,
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
}

/** A file held in memory: its answers worked out once. */
interface MemoryEntry {
  kind: 'memory'
  size: number
  send: StaticFileSender
}

/** A file too large for memory: its headers, and what its bytes must still be on disk. */
interface DiskEntry {
  kind: 'disk'
  file: string
  hash: string
  size: number
  mtimeMs: number
  ok: Record<string, string>
  notModified: Record<string, string>
}

type Entry = MemoryEntry | DiskEntry

/** What a disk entry weighs in the cache besides its bytes (which stay on disk). */
const DISK_ENTRY_WEIGHT = 1024

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

/**
 * Serves media on their content-addressed URLs (`/media/<hash>/<filename>`): a year of `immutable`
 * caching, a strong ETag and `304`, readable from any origin. A URL whose hash is not the file's
 * current one, a file no anonymous reader may see, or a missing file is a 404.
 *
 * The bytes behind a URL never change, so a file once checked (its hash, its access) is held in a
 * size-bounded LRU with its answers worked out (ETag, Content-Length, Content-Type,
 * Cache-Control): a request for it, or a `304` for it, is answered at once with no await and no
 * file system call. A file over `maxFileBytes` keeps only its headers there and is streamed from
 * disk, after a check that it is still the same file.
 */
export const createMediaServer = ({
  dir,
  readable,
  maxBytes = 32 * 1024 * 1024,
  maxFileBytes = 2 * 1024 * 1024,
  recheckMs = 60_000,
}: MediaServerOptions): MediaServer => {
  // A file the cache could not hold is sent from disk rather than read again for every request.
  const inMemoryUpTo = Math.min(maxFileBytes, maxBytes)
  const files = new LRUCache<string, Entry>({
    ttl: recheckMs,
    maxSize: maxBytes,
    sizeCalculation: (entry) =>
      entry.kind === 'memory' ? Math.max(1, entry.size) : DISK_ENTRY_WEIGHT,
  })
  const allowed = new LRUCache<string, boolean>({ max: 10_000, ttl: recheckMs })
  // One check and read per file at a time, however many requests ask for it at once.
  const loading = new Map<string, Promise<Entry | undefined>>()
  // Bumped by `clear`: a load that began before it does not store what it found.
  let generation = 0

  const isReadable = async (filename: string) => {
    let ok = allowed.get(filename)
    if (ok === undefined) {
      const asked = generation
      ok = await readable(filename)
      if (asked === generation) allowed.set(filename, ok)
    }
    return ok
  }

  /** Checks a file (hash, access) and reads it, or its headers when it is large. */
  const read = async (wanted: { hash: string; filename: string }): Promise<Entry | undefined> => {
    const file = path.join(dir, wanted.filename)
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    let handle
    try {
      handle = await fs.open(file, 'r')
    } catch {
      return undefined
    }
    try {
      const stat = await handle.stat()
      if (!stat.isFile()) return undefined
      if (stat.size > inMemoryUpTo) {
        // The hash is remembered by size and modification time; the file is read only when new.
        if ((await fileHash(file)) !== wanted.hash) return undefined
        if (!(await isReadable(wanted.filename))) return undefined
        const notModified = {
          ...HEADERS,
          etag: entityTag(wanted.hash, 'identity'),
          'x-content-type-options': 'nosniff',
        }
        return {
          kind: 'disk',
          file,
          hash: wanted.hash,
          size: stat.size,
          mtimeMs: stat.mtimeMs,
          notModified,
          ok: { ...notModified, 'content-type': type, 'content-length': String(stat.size) },
        }
      }
      const identity = await handle.readFile()
      // The bytes read are the ones checked: kept only under their own hash.
      if (bodyHash(identity) !== wanted.hash) return undefined
      if (!(await isReadable(wanted.filename))) return undefined
      const stored: StaticFile = { identity, hash: wanted.hash, type }
      return { kind: 'memory', size: identity.length, send: prepareStaticFile(stored, HEADERS) }
    } finally {
      await handle.close()
    }
  }

  /** Streams a large file after checking, on the open file, that it is the one checked. */
  const sendFromDisk = async (
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    entry: DiskEntry,
  ): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return true
    }
    if (ifNoneMatchMatches(req.headers['if-none-match'], entry.hash)) {
      res.writeHead(304, entry.notModified).end()
      return true
    }
    let handle
    try {
      handle = await fs.open(entry.file, 'r')
    } catch {
      files.delete(key)
      return notFound(res)
    }
    const stat = await handle.stat().catch(() => undefined)
    if (!stat || stat.size !== entry.size || stat.mtimeMs !== entry.mtimeMs) {
      // Changed since it was checked: checked again from the start.
      await handle.close()
      files.delete(key)
      return serve(req, res)
    }
    res.writeHead(200, entry.ok)
    if (req.method === 'HEAD') {
      await handle.close()
      res.end()
      return true
    }
    const stream = handle.createReadStream({ start: 0, end: entry.size - 1 })
    await pipeline(stream, res).catch(() => undefined)
    return true
  }

  const answer = (req: IncomingMessage, res: ServerResponse, key: string, entry: Entry) => {
    if (entry.kind === 'disk') return sendFromDisk(req, res, key, entry)
    entry.send(req, res)
    return true
  }

  const load = async (
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    wanted: { hash: string; filename: string },
  ): Promise<boolean> => {
    let pending = loading.get(key)
    if (!pending) {
      const started = generation
      const reading = read(wanted)
      loading.set(key, reading)
      pending = reading.then(
        (entry) => {
          if (loading.get(key) === reading) loading.delete(key)
          if (entry && started === generation) files.set(key, entry)
          return entry
        },
        (error: unknown) => {
          if (loading.get(key) === reading) loading.delete(key)
          throw error
        },
      )
    }
    const entry = await pending
    return entry ? answer(req, res, key, entry) : notFound(res)
  }

  // A file in memory is answered at once, with no await: the common case, and the fast one.
  const serve = (req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> => {
    const url = req.url ?? '/'
    if (!url.startsWith('/media/')) return false
    const query = url.indexOf('?')
    const pathname = query === -1 ? url : url.slice(0, query)
    const entry = files.get(pathname)
    if (entry) return answer(req, res, pathname, entry)
    const wanted = parseMediaPath(pathname)
    if (!wanted) return notFound(res)
    return load(req, res, pathname, wanted)
  }

  return Object.assign(serve, {
    clear() {
      generation += 1
      files.clear()
      allowed.clear()
      loading.clear()
    },
  })
}

/** Reads a byte count from the environment variable `name`; `undefined` when unset or not one. */
const bytesFromEnv = (name: string): number | undefined => {
  const value = Number(process.env[name])
  return process.env[name] && Number.isSafeInteger(value) && value >= 0 ? value : undefined
}

/** Milliseconds after a change by when its transaction has committed (as for the HTTP cache bans). */
const COMMITTED_MS = 1_000

/**
 * The media server of a running Payload: its media directory, its anonymous read access, its
 * memory bounds from `ETW_MEDIA_CACHE_BYTES` and `ETW_MEDIA_CACHE_FILE_BYTES`. A change of a media
 * document on this instance makes it check every file again; `changed` does the same for a change
 * heard from another instance (`undefined`: changes may have been missed).
 */
export const mediaServerFor = (
  payload: Payload,
): MediaServer & { changed: (collection: string | undefined) => void } => {
  const server = createMediaServer({
    dir: staticDirOf(payload.collections[MEDIA_SLUG]?.config.upload),
    readable: anonymousMediaReadable(payload),
    maxBytes: bytesFromEnv('ETW_MEDIA_CACHE_BYTES'),
    maxFileBytes: bytesFromEnv('ETW_MEDIA_CACHE_FILE_BYTES'),
  })
  const changed = (collection: string | undefined) => {
    if (collection !== undefined && collection !== MEDIA_SLUG) return
    // At once, and again once the change's transaction has surely committed: a request in between
    // may have seen the state before it.
    server.clear()
    setTimeout(() => server.clear(), COMMITTED_MS).unref()
  }
  getFeed(payload).onChange(({ collection }) => changed(collection))
  return Object.assign(server, { changed })
}
