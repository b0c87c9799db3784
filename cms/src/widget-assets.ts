import { createHash } from 'node:crypto'
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** `widgets/` of the workspace: the built bundle in `dist/`, the demo page in `demo/`. */
export const widgetsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../widgets',
)

const widgetsVersion = (): string => {
  const manifest = JSON.parse(fs.readFileSync(path.join(widgetsDir, 'package.json'), 'utf8')) as {
    version: string
  }
  return manifest.version
}

interface Asset {
  file: string
  type: string
  cacheControl: string
}

const ONE_HOUR = 'public, max-age=3600, stale-while-revalidate=86400'
const ONE_YEAR = 'public, max-age=31536000, immutable'

/**
 * The public files under `/widgets/`: the self-hosted bundle (`/widgets/etw-widgets.js`, cached for
 * an hour, and `/widgets/<version>/etw-widgets.js`, cached for a year) and the demo page.
 */
export const widgetAssetRoutes = (): Map<string, Asset> => {
  const bundle = path.join(widgetsDir, 'dist/etw-widgets.js')
  const demo = path.join(widgetsDir, 'demo')
  const js = 'text/javascript; charset=utf-8'
  return new Map<string, Asset>([
    ['/widgets/etw-widgets.js', { file: bundle, type: js, cacheControl: ONE_HOUR }],
    [
      `/widgets/${widgetsVersion()}/etw-widgets.js`,
      { file: bundle, type: js, cacheControl: ONE_YEAR },
    ],
    [
      '/widgets/demo',
      {
        file: path.join(demo, 'index.html'),
        type: 'text/html; charset=utf-8',
        cacheControl: 'no-cache',
      },
    ],
    [
      '/widgets/demo/demo.js',
      { file: path.join(demo, 'demo.js'), type: js, cacheControl: 'no-cache' },
    ],
    [
      '/widgets/demo/demo.css',
      {
        file: path.join(demo, 'demo.css'),
        type: 'text/css; charset=utf-8',
        cacheControl: 'no-cache',
      },
    ],
  ])
}

/** The demo page's own Content-Security-Policy: what the widgets promise to work under. */
const DEMO_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html"

/**
 * Serves `/widgets/…` from disk with `ETag`/`304` and CORS for the bundle. Files are read once and
 * kept in memory. Resolves `false` for any other path.
 */
export const createWidgetAssets = (routes = widgetAssetRoutes()) => {
  const cache = new Map<string, { body: Buffer; etag: string }>()
  const load = (file: string) => {
    let entry = cache.get(file)
    if (!entry) {
      const body = fs.readFileSync(file)
      entry = {
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      }
      cache.set(file, entry)
    }
    return entry
  }
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/'
    const asset = routes.get(pathname.replace(/\/$/, '') || '/')
    if (!asset) return false
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return true
    }
    let entry: { body: Buffer; etag: string }
    try {
      entry = load(asset.file)
    } catch {
      res
        .writeHead(503, {
          'content-type': 'text/plain; charset=utf-8',
          'cache-control': 'no-store',
        })
        .end('The widget bundle is not built: run `pnpm --filter @etw/widgets build`.\n')
      return true
    }
    const headers: Record<string, string> = {
      'content-type': asset.type,
      'cache-control': asset.cacheControl,
      etag: entry.etag,
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    }
    if (asset.type.startsWith('text/html')) headers['content-security-policy'] = DEMO_CSP
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, headers).end()
      return true
    }
    headers['content-length'] = String(entry.body.length)
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : entry.body)
    return true
  }
}
