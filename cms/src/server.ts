import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import next from 'next'

/**
 * The production server: one Node HTTP server in front of Next's request handler, so that
 * latency-sensitive routes can be answered before they reach Next.
 */
const dev = process.env.NODE_ENV !== 'production'
const port = Number(process.env.PORT ?? 3000)
const hostname = process.env.HOST ?? '0.0.0.0'
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const app = next({ dev, dir, hostname, port })
const handle = app.getRequestHandler()

await app.prepare()

const server = createServer((req, res) => {
  void handle(req, res)
})

server.listen(port, hostname, () => {
  const base = `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`
  console.log(
    `eTwinning Hub is ready: admin ${base}/admin · REST ${base}/api · GraphQL ${base}/api/graphql`,
  )
})

const shutdown = (signal: string) => {
  console.log(`${signal} received: closing the server`)
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 10_000).unref()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
