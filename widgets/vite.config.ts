import { readFileSync } from 'node:fs'
import { defineConfig } from 'vite'
import { minifyTemplates } from './build/minify-templates'

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {
  version: string
}

const LICENSE = '/*! @etw/widgets %s | MIT. Includes Lit, (c) Google LLC, BSD-3-Clause. */'

/**
 * `vite build`: the npm ESM build (Lit, @lit/task and @etw/client stay imports).
 * `vite build --mode bundle`: `dist/etw-widgets.js`, one classic script with everything inside.
 */
export default defineConfig(({ mode }) => {
  const bundle = mode === 'bundle'
  return {
    define: { __ETW_VERSION__: JSON.stringify(version) },
    plugins: [minifyTemplates()],
    build: bundle
      ? {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'es2022',
          minify: 'esbuild',
          lib: {
            entry: 'src/bundle.ts',
            formats: ['iife'],
            name: 'etwWidgetsBundle',
            fileName: () => 'etw-widgets.js',
          },
          rollupOptions: {
            output: {
              banner: LICENSE.replace('%s', version),
              // A second copy (or version) on the page stops before Lit runs: Lit's Trusted Types
              // policy name may exist only once under a strict CSP. Nothing may escape into the page.
              intro: 'if (self.etwWidgets) return; try {',
              outro: '} catch (e) { console.warn("[etw-widgets]", e) }',
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
