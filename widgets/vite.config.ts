import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { copyModules } from './build/copy-modules'
import { lazyBundle } from './build/lazy-bundle'
import { minifyTemplates } from './build/minify-templates'
import { trimLit } from './build/trim-lit'

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {
  version: string
}

const LICENSE = '/*! @etw/widgets %s MIT; Lit (c) Google LLC, BSD-3-Clause */'

const TAGS = ['etw-stats', 'etw-news-feed', 'etw-events', 'etw-article', 'etw-stats-chart']

/** Languages with strings in `src/locales/<language>.ts` (English is built into each tag). */
const LOCALES = readdirSync(new URL('src/locales', import.meta.url))
  .filter((file) => /^[a-z]{2,3}\.json$/.test(file))
  .map((file) => file.slice(0, -5))
  .sort()
const localeSource = (lang: string) =>
  readFileSync(new URL(`src/locales/${lang}.json`, import.meta.url), 'utf8')

/**
 * One hash of every language's strings and the version: the self-hosted strings files are named
 * `chunks/locale-<language>-<hash>.json`, so the shared chunk finds any of them from one constant
 * (a name per language would cost it a table) and each can be cached for good.
 */
const localeHash = createHash('sha256')
  .update(version)
  .update(LOCALES.map(localeSource).join('\0'))
  .digest('base64url')
  .slice(0, 8)

/**
 * `vite build`: the npm ESM build (Lit and @etw/client stay imports).
 * `vite build --mode bundle`: the self-hosted files, Lit inside — `dist/etw-widgets.js`, the classic
 * script webmasters paste (a loader), and under `dist/chunks/` one ES module per tag plus the
 * shared chunk (Lit and `src/shared/`), named by a hash of their content, each with a `.br` and a
 * `.gz` beside it; `dist/etw-widgets.json` lists them.
 */
export default defineConfig(({ mode }) => {
  const bundle = mode === 'bundle'
  const define = { __ETW_VERSION__: JSON.stringify(version) }
  const i18n = {
    __ETW_LOCALES__: JSON.stringify(LOCALES.join(' ')),
    __ETW_LOCALE_HASH__: JSON.stringify(localeHash),
    __ETW_SELF_HOSTED__: String(bundle),
  }
  return {
    define: { ...define, ...i18n },
    publicDir: false,
    // Vite's transpile step drops every comment by default, the licence banner with them.
    esbuild: { legalComments: 'inline' },
    plugins: bundle
      ? [
          copyModules(/\/src\/shared\/picture\.ts$/),
          minifyTemplates(),
          trimLit(fileURLToPath(new URL('src', import.meta.url))),
          {
            // One JSON file per language, beside the tags' chunks; fetched by `loadStrings`.
            name: 'etw:locale-files',
            generateBundle() {
              for (const lang of LOCALES) {
                this.emitFile({
                  type: 'asset',
                  fileName: `chunks/locale-${lang}-${localeHash}.json`,
                  source: JSON.stringify(JSON.parse(localeSource(lang))),
                })
              }
            },
          },
          lazyBundle({
            loader: 'src/bundle.ts',
            fileName: 'etw-widgets.js',
            define,
            chunksDir: 'chunks',
            // The tags a page uses together; the chart, larger and rarer, stays a module of its own.
            combined: TAGS.filter((tag) => tag !== 'etw-stats-chart'),
          }),
        ]
      : [minifyTemplates()],
    build: bundle
      ? {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'es2022',
          // Terser's passes save a few hundred bytes over esbuild's minifier here.
          minify: 'terser',
          // Only our banner stays of the comments (Lit's own licence is named in it).
          terserOptions: {
            compress: { passes: 3 },
            // lit-html's internal fields (`_$AH`, `_$litType$`, …), which only the shared chunk
            // reads and writes (no other Lit shares its objects), and our `_name` members, each
            // used in one module only: every chunk is minified on its own, so such a name must
            // not be used across chunks.
            mangle: { properties: { regex: /^_(\$(A[A-Z]|C[a-z]|lit(Type|Part)\$)|[a-z]\w*)$/ } },
            ecma: 2020,
            module: true,
            format: { comments: /^!/ },
          },
          modulePreload: false,
          rollupOptions: {
            input: Object.fromEntries(TAGS.map((tag) => [tag, `src/lazy/${tag}.ts`])),
            preserveEntrySignatures: 'exports-only',
            output: {
              format: 'es',
              entryFileNames: 'chunks/[name]-[hash].js',
              chunkFileNames: 'chunks/[name]-[hash].js',
              // Lit and everything in src/shared/ travel once, whichever tags a page uses, the lists
              // of the news feed and the events too: fewer files, each compressed alone, weigh less
              // on a page of several tags. Link templates stay with the news feed, the only tag that
              // applies them; pictures are copied into the news feed's and the article's chunks
              // (`copyModules` above), cheaper for a page of all tags than a chunk of their own, and
              // kept off the counters' page (only the modules named here join the shared chunk, not
              // all that they import).
              manualChunks: (id) =>
                /\/node_modules\/|\/src\/shared\/(?!picture\.ts)|\/client\/src\/(client|index)\.ts$/.test(
                  id,
                )
                  ? 'shared'
                  : undefined,
              onlyExplicitManualChunks: true,
              banner: (chunk) => (chunk.name === 'shared' ? LICENSE.replace('%s', version) : ''),
            },
          },
        }
      : {
          outDir: 'dist',
          emptyOutDir: true,
          target: 'es2022',
          minify: false,
          lib: {
            entry: {
              index: 'src/index.ts',
              define: 'src/define.ts',
              'etw-stats/etw-stats': 'src/etw-stats/etw-stats.ts',
              'etw-news-feed/etw-news-feed': 'src/etw-news-feed/etw-news-feed.ts',
              'etw-events/etw-events': 'src/etw-events/etw-events.ts',
              'etw-article/etw-article': 'src/etw-article/etw-article.ts',
              'etw-stats-chart/etw-stats-chart': 'src/etw-stats-chart/etw-stats-chart.ts',
            },
            formats: ['es'],
            fileName: (_format, name) => `${name}.js`,
          },
          rollupOptions: {
            external: [/^lit(\/|$)/, /^@lit\//, /^@etw\/client(\/|$)/],
            output: { chunkFileNames: 'shared/[name]-[hash].js' },
          },
        },
  }
})
