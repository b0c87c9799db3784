// The CMS's fast path alone (`serveFeed` on node:http, as `src/server.ts` serves the public pages)
// on the database in DATABASE_URL, listening on 127.0.0.1 at the port given; tells its parent
// when it is ready. The load generator runs in another process.
import { createServer } from 'node:http'

import { getFeed } from '@etw/payload-plugin'
import { getPayload } from 'payload'

import { isFeedPath, serveFeed } from '../src/feed-server'
import configPromise from '../src/payload.config'

const payload = await getPayload({ config: configPromise })
const feed = getFeed(payload)
createServer((req, res) => {
  if (!isFeedPath(req.url ?? '')) {
    res.writeHead(404).end()
    return
  }
  void serveFeed(feed, req, res)
}).listen(Number(process.argv[2]), '127.0.0.1', () => process.send?.('ready'))
