import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Builds `dist/etw-widgets.js` from the current sources: the browser tests load the real bundle. */
export default function setup() {
  const cwd = fileURLToPath(new URL('..', import.meta.url))
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--mode', 'bundle', '--logLevel', 'warn'],
    {
      cwd,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, with which Vite would bundle Lit's development build, untrimmed
      // (`build/trim-lit.ts`): the tests load what the CMS serves.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  )
}
