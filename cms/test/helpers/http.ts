import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { CLIENT_ADDRESS_HEADER, getFeed } from '@etw/payload-plugin'
import type { Payload, SanitizedConfig } from 'payload'

import { isFeedPath, serveFeed } from '../../src/feed-server'
import { createGraphQLHandlers } from '../../src/graphql'
import { mediaServerFor } from '../../src/media-server'
import type { RouteHandler } from '../../src/request-limits'
import type { RestHandlers } from '../../src/rest-routes'
import { createRestHandlers } from '../../src/rest-routes'

/** A running HTTP server in this process. */
export interface TestHttpServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string
  close: () => Promise<void>
}

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const toRequest = async (req: IncomingMessage, origin: string): Promise<Request> => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const method = req.method ?? 'GET'
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req)
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: body && body.byteLength > 0 ? new Uint8Array(body) : undefined,
  })
}

const writeResponse = async (
  response: Response,
  res: ServerResponse,
  method: string,
): Promise<void> => {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  // The body is written whole: a content coding or length from the handler would no longer match.
  delete headers['content-encoding']
  delete headers['content-length']
  delete headers['transfer-encoding']
  const body = method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(await response.arrayBuffer())
  headers['content-length'] = String(body.byteLength)
  res.writeHead(response.status, headers)
  res.end(body)
}

/**
 * Serves `payload` over `node:http` on 127.0.0.1 (port 0 unless given), as `cms/src/server.ts`
 * does apart from Next's pages: the public feed and `/api/health` through `serveFeed`, media files on
 * their content-addressed URLs through the media server, GraphQL (GET
 * and POST) at `/api/graphql` and REST under `/api/` through the same route handlers as
 * `cms/src/app/(payload)/api`.
 * The server sets the client address header from the socket, as production does. Anything else is
 * a 404.
 */
export const startHttpServer = async (
  payload: Payload,
  config: SanitizedConfig,
  { port = 0 }: { port?: number } = {},
): Promise<TestHttpServer> => {
  const feed = getFeed(payload)
  const serveMedia = mediaServerFor(payload)
  const rest: Partial<Record<string, RouteHandler>> & RestHandlers = createRestHandlers(config)
  const graphqlHandlers = createGraphQLHandlers(config)
  const graphql: Record<string, (request: Request) => Promise<Response>> = {
    ...graphqlHandlers,
    // As Next does for a route without its own HEAD: the GET answer without its body.
    HEAD: graphqlHandlers.GET,
    OPTIONS: (request) => rest.OPTIONS(request, { params: Promise.resolve({ slug: [] }) }),
  }
  let origin = 'http://127.0.0.1'

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? ''
    const url = req.url ?? '/'
    const method = (req.method ?? 'GET').toUpperCase()
    if (isFeedPath(url) && (await serveFeed(feed, req, res))) return
    if (await serveMedia(req, res)) return
    const { pathname } = new URL(url, origin)
    const restHandler = rest[method]
    let response: Response
    if (pathname === '/api/graphql') {
      const handler = graphql[method]
      response = handler
        ? await handler(await toRequest(req, origin))
        : Response.json({ errors: [{ message: 'Method not allowed' }] }, { status: 405 })
    } else if (pathname.startsWith('/api/') && restHandler) {
      const slug = pathname.slice('/api/'.length).split('/').filter(Boolean)
      response = await restHandler(await toRequest(req, origin), {
        params: Promise.resolve({ slug }),
      })
    } else {
      response = Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })
    }
    await writeResponse(response, res, method)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      payload.logger.error({ err: error }, 'test HTTP server: request failed')
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ message: 'Internal server error' }] }))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
