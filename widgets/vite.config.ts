import { readFileSync } from 'node:fs'
import { defineConfig } from 'vite'
import { lazyBundle } from './build/lazy-bundle'
import { minifyTemplates } from './build/minify-templates'

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {
  version: string
}

const LICENSE = '/*! @etw/widgets %s MIT; Lit (c) Google LLC, BSD-3-Clause */'

const TAGS = ['etw-stats', 'etw-news-feed', 'etw-events', 'etw-article', 'etw-stats-chart']

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
  return {
    define,
    publicDir: false,
    plugins: bundle
      ? [
          minifyTemplates(),
          lazyBundle({
            loader: 'src/bundle.ts',
            fileName: 'etw-widgets.js',
            define,
            chunksDir: 'chunks',
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
          terserOptions: { compress: { passes: 3 }, ecma: 2020, module: true },
          modulePreload: false,
          rollupOptions: {
            input: Object.fromEntries(TAGS.map((tag) => [tag, `src/lazy/${tag}.ts`])),
            preserveEntrySignatures: 'exports-only',
            output: {
              format: 'es',
              entryFileNames: 'chunks/[name]-[hash].js',
              chunkFileNames: 'chunks/[name]-[hash].js',
              // Lit and everything in src/shared/ travel once, whichever tags a page uses; link
              // templates stay with the news feed, the only tag that applies them (only the modules
              // named here join the shared chunk, not all that they import).
              manualChunks: (id) =>
                /\/node_modules\/|\/src\/shared\/|\/client\/src\/(client|index)\.ts$/.test(id)
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
