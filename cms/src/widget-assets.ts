import type { IncomingMessage, ServerResponse } from 'node:http'

import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { StaticFile, StaticFileSender } from './static-file'

import { prepareStaticFile, readStaticFile } from './static-file'

/** `widgets/` of the workspace: the built files in `dist/`, the demo page in `demo/`. */
export const widgetsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../widgets',
)

/** The version in `widgets/package.json`: the segment of the long-cached URLs. */
export const widgetsVersion = (dir = widgetsDir): string => {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    version: string
  }
  return manifest.version
}

/** The versioned loader and its Subresource Integrity value, for `<script integrity>`. */
export interface PinnedLoader {
  /** Path of the versioned loader (`/widgets/0.1.0/etw-widgets.js`). */
  path: string
  /** `sha384-…` of the loader. */
  integrity: string
}

/** The versioned loader path and its SRI hash from the build, or `null` before a build. */
export const pinnedLoader = (dir = widgetsDir): PinnedLoader | null => {
  try {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(dir, 'dist/etw-widgets.json'), 'utf8'),
    ) as { integrity: string }
    return { path: `/widgets/${widgetsVersion(dir)}/etw-widgets.js`, integrity: manifest.integrity }
  } catch {
    return null
  }
}

/** Where a public path under `/widgets/` is read from, and for how long it may be cached. */
export interface Asset {
  file: string
  type: string
  cacheControl: string
  /**
   * Only ever fetched in CORS mode (a chunk as a module script, a strings file by `fetch`), which
   * `Cross-Origin-Resource-Policy` does not apply to, and decoded as UTF-8 whatever the type says, so
   * neither is sent.
   */
  module?: boolean
}

const ONE_HOUR = 'public, max-age=3600, stale-while-revalidate=86400'
const ONE_YEAR = 'public, max-age=31536000, immutable'
const JS = 'text/javascript; charset=utf-8'
const MODULE = 'text/javascript'
/**
 * Names Rollup gives the chunks (`shared-BJuyLze-.js`), and the widgets' strings files beside them
 * (`locale-uk-YkRNyb55.json`): a content hash is part of each.
 */
const CHUNK = /^[\w-]+\.(js|json)$/

/**
 * The public files under `/widgets/`: the loader (`/widgets/etw-widgets.js`, cached for an hour,
 * and `/widgets/<version>/etw-widgets.js`, immutable), its chunks and strings files next to either
 * (names carry their content hash, so immutable) and the demo page.
 */
export const resolveWidgetAsset = (
  pathname: string,
  dir = widgetsDir,
  version = widgetsVersion(dir),
): Asset | undefined => {
  const dist = path.join(dir, 'dist')
  const demo = path.join(dir, 'demo')
  const clean = pathname.replace(/\/$/, '')
  if (clean === '/widgets/etw-widgets.js') {
    return { file: path.join(dist, 'etw-widgets.js'), type: JS, cacheControl: ONE_HOUR }
  }
  if (clean === `/widgets/${version}/etw-widgets.js`) {
    return { file: path.join(dist, 'etw-widgets.js'), type: JS, cacheControl: ONE_YEAR }
  }
  const chunk = /^\/widgets\/(?:([^/]+)\/)?chunks\/([^/]+)$/.exec(clean)
  if (chunk && (chunk[1] === undefined || chunk[1] === version) && CHUNK.test(chunk[2]!)) {
    return {
      file: path.join(dist, 'chunks', chunk[2]!),
      type: chunk[2]!.endsWith('.json') ? 'application/json; charset=utf-8' : MODULE,
      cacheControl: ONE_YEAR,
      module: true,
    }
  }
  const demoFiles: Record<string, [string, string]> = {
    '/widgets/demo': ['index.html', 'text/html; charset=utf-8'],
    '/widgets/demo/demo.js': ['demo.js', JS],
    '/widgets/demo/demo.css': ['demo.css', 'text/css; charset=utf-8'],
  }
  const entry = demoFiles[clean]
  return entry && { file: path.join(demo, entry[0]), type: entry[1], cacheControl: 'no-cache' }
}

/** {@link resolveWidgetAsset} for `dir`, its version read once rather than per request. */
const resolverOf = (dir: string) => {
  const version = widgetsVersion(dir)
  return (pathname: string) => resolveWidgetAsset(pathname, dir, version)
}

/** The demo page's own Content-Security-Policy: what the widgets promise to work under. */
const DEMO_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html"

/** Path of the release description: what a plugin on another site pins (`<script integrity>`). */
export const RELEASE_PATH = '/widgets/release.json'

/** Body of {@link RELEASE_PATH}: the version, the versioned loader's path and its SRI hash. */
export interface WidgetRelease extends PinnedLoader {
  version: string
}

/** The release the build in `dir` describes, or `null` before a build. */
export const widgetRelease = (dir = widgetsDir): WidgetRelease | null => {
  const pinned = pinnedLoader(dir)
  return pinned && { version: widgetsVersion(dir), ...pinned }
}

/**
 * Serves `/widgets/…` from memory (each file read once, with its precompressed `.br`/`.gz`):
 * content coding by `Accept-Encoding`, ETag/`304`, CORS (module chunks are fetched in CORS mode),
 * and {@link RELEASE_PATH} as JSON (cached for an hour, `503` before a build).
 * Returns `false` for any other path.
 */
export const createWidgetAssets = (
  resolve: (pathname: string) => Asset | undefined = resolverOf(widgetsDir),
  release: () => WidgetRelease | null = () => widgetRelease(),
) => {
  const cache = new Map<string, StaticFile>()
  // Per file and cache policy (the loader has two), the answer worked out once.
  const senders = new Map<string, StaticFileSender>()
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/'
    if (!pathname.startsWith('/widgets/')) return false
    if (pathname === RELEASE_PATH) {
      const current = release()
      res
        .writeHead(current ? 200 : 503, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': current ? ONE_HOUR : 'no-store',
          'access-control-allow-origin': '*',
        })
        .end(
          req.method === 'HEAD'
            ? undefined
            : JSON.stringify(current ?? { error: 'The widgets are not built.' }),
        )
      return true
    }
    const asset = resolve(pathname)
    if (!asset) return false
    let file = cache.get(asset.file)
    if (!file) {
      try {
        file = readStaticFile(asset.file, asset.type)
      } catch {
        const chunk = asset.file.includes(`${path.sep}chunks${path.sep}`)
        res
          .writeHead(chunk ? 404 : 503, {
            'content-type': 'text/plain; charset=utf-8',
            'cache-control': 'no-store',
          })
          .end(
            chunk
              ? 'No such widget module.\n'
              : 'The widgets are not built: run `pnpm --filter @etw/widgets build`.\n',
          )
        return true
      }
      cache.set(asset.file, file)
    }
    const key = `${asset.cacheControl} ${asset.file}`
    let send = senders.get(key)
    if (!send) {
      // Every header counts on the wire: a host page fetches the loader and a few chunks.
      const headers: Record<string, string> = {
        'cache-control': asset.cacheControl,
        'access-control-allow-origin': '*',
      }
      // A classic `<script>` without `crossorigin` is a no-cors request, which a host page under
      // `Cross-Origin-Embedder-Policy: require-corp` loads only with this.
      if (!asset.module) headers['cross-origin-resource-policy'] = 'cross-origin'
      if (asset.type.startsWith('text/html')) headers['content-security-policy'] = DEMO_CSP
      send = prepareStaticFile(file, headers)
      senders.set(key, send)
    }
    send(req, res)
    return true
  }
}
