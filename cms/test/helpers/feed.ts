import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { getFeed } from '@etw/payload-plugin'
import type { Payload } from 'payload'

/** The `Host` feed requests are sent with, so links and UIDs are absolute. */
export const TEST_HOST = 'cms.example.org'

export interface FeedResult {
  status: number
  headers: Record<string, string>
  /** The body as sent (possibly compressed). */
  raw: Buffer
  /** The body decoded from its content coding, as text. */
  text: string
  /** The parsed body of a JSON answer. */
  json: any
}

/** Calls the feed of `payload` directly, as any server does, and decodes the answer. */
export const callFeed = async (
  payload: Payload,
  url: string,
  { headers = {}, method = 'GET' }: { headers?: Record<string, string>; method?: string } = {},
): Promise<FeedResult> => {
  const response = await getFeed(payload).handle({
    headers: { host: TEST_HOST, ...headers },
    method,
    url,
  })
  if (!response) throw new Error(`${url} is not a feed path`)
  const raw = Buffer.from(response.body)
  const encoding = response.headers['content-encoding']
  const decoded =
    encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw
  const text = decoded.toString('utf8')
  const isJson = response.headers['content-type']?.startsWith('application/json')
  return {
    headers: response.headers,
    json: isJson && text ? JSON.parse(text) : undefined,
    raw,
    status: response.status,
    text,
  }
}

/** Waits until the feed cache stores answers again after a change (its settle window). */
export const afterSettle = () => new Promise((resolve) => setTimeout(resolve, 1_100))
