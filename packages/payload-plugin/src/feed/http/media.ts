import fs from 'node:fs/promises'

import { bodyHash } from '../etag'

/** Path under which the fast path serves media files by content (`/media/<hash>/<filename>`). */
export const MEDIA_PATH = '/media'

/**
 * The content-addressed URL of a stored file: its bytes' hash, then its name. The same URL always
 * means the same bytes, so it is cached for a year.
 */
export const mediaUrl = (origin: string, hash: string, filename: string) =>
  `${origin}${MEDIA_PATH}/${hash}/${encodeURIComponent(filename)}`

/** `/media/<hash>/<filename>` split, or `undefined` for any other path or a name with a path in it. */
export const parseMediaPath = (
  pathname: string,
): { hash: string; filename: string } | undefined => {
  const match = /^\/media\/([\w-]{27})\/([^/]+)$/.exec(pathname)
  if (!match) return undefined
  let filename: string
  try {
    filename = decodeURIComponent(match[2]!)
  } catch {
    return undefined
  }
  if (/[/\\\0]/.test(filename) || filename.startsWith('.')) return undefined
  return { hash: match[1]!, filename }
}

const hashes = new Map<string, { mtimeMs: number; size: number; hash: string }>()

/**
 * The content hash of the file at `file` ({@link bodyHash}), remembered per file until its size
 * or modification time changes; `undefined` when there is no such file.
 */
export const fileHash = async (file: string): Promise<string | undefined> => {
  try {
    const stat = await fs.stat(file)
    const known = hashes.get(file)
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.hash
    const hash = bodyHash(await fs.readFile(file))
    if (hashes.size > 10_000) hashes.clear()
    hashes.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, hash })
    return hash
  } catch {
    return undefined
  }
}
