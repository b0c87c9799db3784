import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

import type { ContentCoding } from '@etw/payload-plugin'

import { bodyHash, entityTag, ifNoneMatchMatches, negotiateEncoding } from '@etw/payload-plugin'

/** A file held in memory in every coding it is sent in. */
export interface StaticFile {
  /** The bytes as stored (`identity`). */
  identity: Buffer
  br?: Buffer
  gzip?: Buffer
  /** Hash of `identity`: the opaque part of the file's entity tags, one per coding. */
  hash: string
  type: string
}

/** Types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml))|\+xml/

/**
 * Reads `file` once. Its `.br` and `.gz` siblings, written at build time, are used when present;
 * otherwise a compressible type is compressed here, once (brotli q11, gzip 9). A coding that saves
 * nothing is left out. Throws when `file` cannot be read.
 */
export const readStaticFile = (file: string, type: string): StaticFile => {
  const identity = fs.readFileSync(file)
  const sibling = (suffix: string) => {
    try {
      return fs.readFileSync(file + suffix)
    } catch {
      return undefined
    }
  }
  let br = sibling('.br')
  let gzip = sibling('.gz')
  if (!br && !gzip && COMPRESSIBLE.test(type)) {
    br = brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
    gzip = gzipSync(identity, { level: 9 })
  }
  return {
    identity,
    ...(br && br.length < identity.length ? { br } : {}),
    ...(gzip && gzip.length < identity.length ? { gzip } : {}),
    hash: bodyHash(identity),
    type,
  }
}

/**
 * Answers `GET`/`HEAD` for `file`: the coding `Accept-Encoding` prefers among those the file has
 * (q-values honoured, identity otherwise), `Vary: Accept-Encoding`, the right `Content-Length`, a
 * strong ETag per coding and `304` for a matching `If-None-Match`. Other methods get `405`.
 */
export const sendStaticFile = (
  req: IncomingMessage,
  res: ServerResponse,
  file: StaticFile,
  headers: Record<string, string>,
): void => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end()
    return
  }
  const wanted: ContentCoding = negotiateEncoding(req.headers['accept-encoding'])
  const coding: ContentCoding = wanted !== 'identity' && file[wanted] ? wanted : 'identity'
  const all: Record<string, string> = {
    ...headers,
    'content-type': file.type,
    etag: entityTag(file.hash, coding),
    'x-content-type-options': 'nosniff',
  }
  if (file.br || file.gzip) all.vary = 'Accept-Encoding'
  if (ifNoneMatchMatches(req.headers['if-none-match'], file.hash)) {
    delete all['content-type']
    res.writeHead(304, all).end()
    return
  }
  const body = coding === 'identity' ? file.identity : (file[coding] as Buffer)
  if (coding !== 'identity') all['content-encoding'] = coding
  all['content-length'] = String(body.length)
  res.writeHead(200, all)
  res.end(req.method === 'HEAD' ? undefined : body)
}
