import { createHash } from 'node:crypto'
import { readdirSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'
import { gzipAsync } from '@gfx/zopfli'
import { build } from 'esbuild'
import { minify } from 'terser'
import type { Plugin, Rollup } from 'vite'

type OutputBundle = Rollup.OutputBundle
type OutputChunk = Rollup.OutputChunk

/**
 * The same file compressed for the wire at build time, brotli at quality 11 and gzip by Zopfli
 * (plain gzip that any client reads, a few percent smaller than zlib's level 9, too slow to do per
 * request); servers pick one by `Accept-Encoding`. A coding that does not save bytes is left out.
 */
export const precompress = async (source: string | Uint8Array) => {
  const bytes = Buffer.from(source)
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  })
  const gz = Buffer.from(await gzipAsync(bytes, { numiterations: 50 }))
  return {
    ...(br.length < bytes.length ? { br } : {}),
    ...(gz.length < bytes.length ? { gz } : {}),
  }
}

/** A Subresource Integrity value of `source`. */
const integrity = (algorithm: 'sha256' | 'sha384', source: string) =>
  `${algorithm}-${createHash(algorithm).update(source).digest('base64')}`

interface LazyBundleOptions {
  /** Source of the classic-script loader. */
  loader: string
  /** File name of the loader in `outDir`. */
  fileName: string
  /** Values replaced in the loader, as Vite's `define`. */
  define: Record<string, string>
  /** Folder of the module chunks under `outDir`; files of earlier builds are removed from it. */
  chunksDir: string
}

/** `dist/etw-widgets.json`: what the self-hosted build wrote. */
export interface BundleManifest {
  /** The loader's file name. */
  loader: string
  /** Subresource Integrity value of the loader (SHA-384), for `<script integrity>`. */
  integrity: string
  /** Per tag, the chunks it needs (paths under `dist/`), its own last. */
  tags: Record<string, string[]>
}

/** Static imports of `chunk`, transitively, dependencies first. */
const importsOf = (chunk: OutputChunk, bundle: OutputBundle, seen = new Set<string>()) => {
  const out: string[] = []
  for (const file of chunk.imports) {
    if (seen.has(file)) continue
    seen.add(file)
    const imported = bundle[file]
    if (imported?.type === 'chunk') out.push(...importsOf(imported, bundle, seen))
    out.push(file)
  }
  return out
}

/**
 * Self-hosted build: the entry chunks (one per tag, ES modules) and their shared chunk come from
 * Rollup, named by a hash of their content; this plugin builds the loader — a small classic script
 * that knows each tag's chunks — and writes a `.br` and a `.gz` next to every file.
 */
export const lazyBundle = (options: LazyBundleOptions): Plugin => ({
  name: 'etw:lazy-bundle',
  apply: 'build',
  enforce: 'post',
  async generateBundle(_output, bundle) {
    // Per tag, the chunks it needs (names under `chunksDir`, without `.js`), its own last; and
    // each chunk's integrity, which the loader gives the browser with its URL.
    const tags: Record<string, string[]> = {}
    const modules: Record<string, [name: string, integrity: string][]> = {}
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && chunk.isEntry) {
        const files = [...importsOf(chunk, bundle), chunk.fileName]
        tags[chunk.name] = files.map((file) => basename(file, '.js'))
        modules[chunk.name] = files.map((file) => {
          const code = (bundle[file] as OutputChunk).code
          return [basename(file, '.js'), integrity('sha256', code)]
        })
      }
    }
    const result = await build({
      entryPoints: [options.loader],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      define: { ...options.define, __ETW_TAGS__: JSON.stringify(modules) },
    })
    // esbuild bundles and folds the defines; Terser's passes then save a few more bytes.
    const minified = await minify(result.outputFiles[0]!.text, {
      compress: { passes: 3 },
      ecma: 2020,
      format: { comments: false },
    })
    const loader = minified.code!
    this.emitFile({ type: 'asset', fileName: options.fileName, source: loader })
    const manifest: BundleManifest = {
      loader: options.fileName,
      integrity: integrity('sha384', loader),
      tags: Object.fromEntries(
        Object.entries(tags).map(([tag, names]) => [
          tag,
          names.map((name) => `${options.chunksDir}/${name}.js`),
        ]),
      ),
    }
    // Read by the CMS (routes, the SRI hash it shows) and by `pnpm bench:widgets`.
    this.emitFile({
      type: 'asset',
      fileName: options.fileName.replace(/\.js$/, '.json'),
      source: `${JSON.stringify(manifest, null, 2)}\n`,
    })
    for (const item of Object.values(bundle)) {
      // Modules, and the widgets' strings files beside them.
      const json =
        item.fileName.startsWith(`${options.chunksDir}/`) && item.fileName.endsWith('.json')
      if (!item.fileName.endsWith('.js') && !json) continue
      const source = item.type === 'chunk' ? item.code : item.source
      const { br, gz } = await precompress(source)
      if (br) this.emitFile({ type: 'asset', fileName: `${item.fileName}.br`, source: br })
      if (gz) this.emitFile({ type: 'asset', fileName: `${item.fileName}.gz`, source: gz })
    }
  },
  writeBundle(output, bundle) {
    // Chunk names carry content hashes, so each build would otherwise leave the last one's behind.
    const dir = join(output.dir ?? 'dist', options.chunksDir)
    for (const name of readdirSync(dir)) {
      if (!bundle[`${options.chunksDir}/${name}`]) rmSync(join(dir, name))
    }
  },
})
