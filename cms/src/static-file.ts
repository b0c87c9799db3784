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

/** Answers a request for one file with headers worked out in advance. */
export type StaticFileSender = (req: IncomingMessage, res: ServerResponse) => void

/**
 * Answers `GET`/`HEAD` for `file` with `headers`, all worked out once here rather than per
 * request: the coding `Accept-Encoding` prefers among those the file has (q-values honoured,
 * identity otherwise), `Vary: Accept-Encoding`, the right `Content-Length`, a strong ETag per coding
 * and `304` for a matching `If-None-Match`. Other methods get `405`.
 */
export const prepareStaticFile = (
  file: StaticFile,
  headers: Record<string, string>,
): StaticFileSender => {
  const negotiates = Boolean(file.br || file.gzip)
  const answers = new Map<
    ContentCoding,
    { ok: Record<string, string>; notModified: Record<string, string>; body: Buffer }
  >()
  for (const coding of ['identity', 'br', 'gzip'] as const) {
    const body = coding === 'identity' ? file.identity : file[coding]
    if (!body) continue
    const notModified: Record<string, string> = {
      ...headers,
      etag: entityTag(file.hash, coding),
      'x-content-type-options': 'nosniff',
    }
    if (negotiates) notModified.vary = 'Accept-Encoding'
    const ok: Record<string, string> = {
      ...notModified,
      'content-type': file.type,
      'content-length': String(body.length),
    }
    if (coding !== 'identity') ok['content-encoding'] = coding
    answers.set(coding, { ok, notModified, body })
  }
  const identity = answers.get('identity')!
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    const answer = negotiates
      ? (answers.get(negotiateEncoding(req.headers['accept-encoding'])) ?? identity)
      : identity
    const ifNoneMatch = req.headers['if-none-match']
    if (ifNoneMatch !== undefined && ifNoneMatchMatches(ifNoneMatch, file.hash)) {
      res.writeHead(304, answer.notModified).end()
      return
    }
    res.writeHead(200, answer.ok)
    res.end(req.method === 'HEAD' ? undefined : answer.body)
  }
}
