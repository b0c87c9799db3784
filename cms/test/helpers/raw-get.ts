import type { IncomingHttpHeaders } from 'node:http'
import { request } from 'node:http'

/** An answer as it came over the wire. */
export interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

/**
 * Sends one request with `node:http` and reads the whole answer. Unlike `fetch`, it leaves the
 * body as sent (still compressed) and shows every header.
 */
export const rawGet = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Promise<RawAnswer>((resolve, reject) => {
    const req = request(new URL(url), { method, headers }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (part: Buffer) => parts.push(part))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
      )
    })
    req.on('error', reject)
    req.end()
  })
