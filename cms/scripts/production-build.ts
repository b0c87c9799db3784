/**
 * The CMS's production build, redone only when its sources changed: a hash of every input
 * (sources of the CMS, the plugin, the client, the widgets, the lockfile) is stamped into `.next`.
 * `pnpm start` and the test suites that run the production server use it; run directly
 * (`pnpm --filter @etw/cms build:if-stale`) it builds when needed and exits.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rootDir = path.resolve(cmsDir, '..')
const stampFile = path.join(cmsDir, '.next', 'etw-build-hash')

const inputs = [
  path.join(cmsDir, 'src'),
  path.join(cmsDir, 'next.config.ts'),
  path.join(cmsDir, 'package.json'),
  path.join(rootDir, 'packages', 'payload-plugin', 'src'),
  path.join(rootDir, 'packages', 'client', 'src'),
  path.join(rootDir, 'widgets', 'src'),
  path.join(rootDir, 'widgets', 'vite.config.ts'),
  // The self-hosted build's plugins (loader, lit-html trimming, template minification).
  path.join(rootDir, 'widgets', 'build'),
  path.join(rootDir, 'pnpm-lock.yaml'),
]

const listFiles = (entry: string): string[] => {
  if (!fs.existsSync(entry)) return []
  if (fs.statSync(entry).isFile()) return [entry]
  return fs
    .readdirSync(entry, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.join(dirent.parentPath, dirent.name))
}

/** Hash of every input of the production build. */
export const sourceHash = (): string => {
  const hash = createHash('sha256')
  for (const file of inputs.flatMap(listFiles).sort()) {
    hash.update(path.relative(rootDir, file))
    hash.update(fs.readFileSync(file))
  }
  return hash.digest('hex')
}

/** Whether `.next` holds a production build of the current sources. */
export const isProductionBuildCurrent = (): boolean =>
  fs.existsSync(path.join(cmsDir, '.next', 'BUILD_ID')) &&
  fs.existsSync(stampFile) &&
  fs.readFileSync(stampFile, 'utf8') === sourceHash()

/**
 * Builds the widgets and the CMS for production unless the build is current (or `force`).
 * Throws when a build fails; its output goes to this process's stdout and stderr.
 */
export const ensureProductionBuild = ({ force = false } = {}): void => {
  if (!force && isProductionBuildCurrent()) return
  console.log('Building the widgets and the CMS for production (first start or changed sources)…')
  for (const cwd of [path.join(rootDir, 'widgets'), cmsDir]) {
    const result = spawnSync('pnpm', ['run', 'build'], {
      cwd,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    })
    if (result.status !== 0) {
      throw new Error(`The production build in ${path.relative(rootDir, cwd)} failed; see above.`)
    }
  }
  fs.writeFileSync(stampFile, sourceHash())
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    ensureProductionBuild({ force: process.argv.includes('--force') })
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}
