import { createHash } from 'node:crypto'
import { readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
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
  /** Tags whose modules the combined module holds, with the shared chunk (`chunks/all-<hash>.js`). */
  combined: string[]
}

/** `dist/etw-widgets.json`: what the self-hosted build wrote. */
export interface BundleManifest {
  /** The loader's file name. */
  loader: string
  /** Subresource Integrity value of the loader (SHA-384), for `<script integrity>`. */
  integrity: string
  /** Per tag, the chunks it needs (paths under `dist/`), its own last. */
  tags: Record<string, string[]>
  /**
   * What a page of two or more of `combined.tags` loads instead: per tag, the combined module and,
   * for a tag it does not hold, that tag's own module importing it.
   */
  combined: { tags: string[]; modules: Record<string, string[]> }
}

/** A short content hash for a file name, as Rollup's `[hash]`. */
const nameHash = (source: string) =>
  createHash('sha256').update(source).digest('base64url').slice(0, 8)

/** Terser, after esbuild has bundled and folded: its passes save a few more bytes. */
const squeeze = async (code: string, module: boolean) =>
  (
    await minify(code, {
      compress: { passes: 3 },
      ecma: 2020,
      module,
      format: { comments: module ? /^!/ : false },
    })
  ).code!

/**
 * One ES module of chunks of `bundle`: `export *` of `shared` — whose exports other chunks import —
 * and `element` of each tag's module (`tags`: tag → file) exported under the tag's name. Bundled
 * again by esbuild, so the modules' code shares one scope and one compression window.
 */
const combine = async (bundle: OutputBundle, shared: string, tags: Record<string, string>) => {
  const entry = [
    `export * from './${basename(shared)}'`,
    ...Object.entries(tags).map(
      ([tag, file]) => `export { element as ${JSON.stringify(tag)} } from './${basename(file)}'`,
    ),
  ].join('\n')
  const dir = dirname(shared)
  const result = await build({
    stdin: { contents: entry, resolveDir: '/', sourcefile: 'all.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'inline',
    plugins: [
      {
        name: 'etw:chunks',
        setup(plugin) {
          plugin.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) => ({
            path: `${dir}/${args.path.slice(2)}`,
            namespace: 'chunk',
          }))
          plugin.onLoad({ filter: /./, namespace: 'chunk' }, (args) => ({
            contents: (bundle[args.path] as OutputChunk).code,
            loader: 'js',
          }))
        },
      },
    ],
  })
  return squeeze(result.outputFiles[0]!.text, true)
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
    // Per tag, the chunks it needs (names under `chunksDir`, without `.js`): the shared chunk, which
    // every tag imports, and its own module.
    const tags: Record<string, string[]> = {}
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && chunk.isEntry) {
        tags[chunk.name] = [...importsOf(chunk, bundle), chunk.fileName].map((file) =>
          basename(file, '.js'),
        )
      }
    }
    const sharedNames = new Set(Object.values(tags).map((names) => names.slice(0, -1).join()))
    const [sharedName] = sharedNames
    if (sharedNames.size !== 1 || !sharedName || sharedName.includes(',')) {
      throw new Error(`every tag must import exactly one shared chunk, not ${[...sharedNames]}`)
    }
    const fileOf = (name: string) => `${options.chunksDir}/${name}.js`
    const codeOf = (name: string) => (bundle[fileOf(name)] as OutputChunk).code
    // What the loader needs of a module: its name and the integrity it gives the browser with it.
    const module = (name: string, code = codeOf(name)): [string, string] => [
      name,
      integrity('sha256', code),
    ]
    const own = (tag: string) => tags[tag]!.at(-1)!

    // The combined module, and each other tag's module importing it instead of the shared chunk.
    const all = await combine(
      bundle,
      fileOf(sharedName),
      Object.fromEntries(options.combined.map((tag) => [tag, fileOf(own(tag))])),
    )
    const allName = `all-${nameHash(all)}`
    this.emitFile({ type: 'asset', fileName: fileOf(allName), source: all })
    const combined: BundleManifest['combined'] = { tags: options.combined, modules: {} }
    const outside: Record<string, [string, string]> = {}
    for (const tag of Object.keys(tags)) {
      combined.modules[tag] = [fileOf(allName)]
      if (options.combined.includes(tag)) continue
      const code = codeOf(own(tag)).replaceAll(`"./${sharedName}.js"`, `"./${allName}.js"`)
      const name = `${tag}-all-${nameHash(code)}`
      this.emitFile({ type: 'asset', fileName: fileOf(name), source: code })
      outside[tag] = module(name, code)
      combined.modules[tag].push(fileOf(name))
    }
    const result = await build({
      entryPoints: [options.loader],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      define: {
        ...options.define,
        __ETW_SHARED__: JSON.stringify(module(sharedName)),
        __ETW_TAGS__: JSON.stringify(
          Object.fromEntries(Object.keys(tags).map((tag) => [tag, module(own(tag))])),
        ),
        __ETW_ALL__: JSON.stringify([module(allName, all), outside]),
      },
    })
    const loader = await squeeze(result.outputFiles[0]!.text, false)
    this.emitFile({ type: 'asset', fileName: options.fileName, source: loader })
    const manifest: BundleManifest = {
      loader: options.fileName,
      integrity: integrity('sha384', loader),
      tags: Object.fromEntries(
        Object.entries(tags).map(([tag, names]) => [tag, names.map(fileOf)]),
      ),
      combined,
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
