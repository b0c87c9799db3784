/**
 * `pnpm start`: builds the CMS for production when the sources changed since the last build, then
 * serves it. Without `PAYLOAD_SECRET` it uses (and creates) the local secret in `cms/data/.secret`,
 * which suits one machine; deployments set `PAYLOAD_SECRET` themselves.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { dataDir } from '../src/database'
import { ensureLocalSecret } from '../src/secret'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
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

const sourceHash = (): string => {
  const hash = createHash('sha256')
  for (const file of inputs.flatMap(listFiles).sort()) {
    hash.update(path.relative(rootDir, file))
    hash.update(fs.readFileSync(file))
  }
  return hash.digest('hex')
}

if (!process.env.PAYLOAD_SECRET) {
  process.env.PAYLOAD_SECRET = ensureLocalSecret(dataDir)
  console.warn(
    'PAYLOAD_SECRET is not set: using the local secret in cms/data/.secret. Set PAYLOAD_SECRET in production.',
  )
}

const hash = sourceHash()
const built =
  fs.existsSync(path.join(cmsDir, '.next', 'BUILD_ID')) &&
  fs.existsSync(stampFile) &&
  fs.readFileSync(stampFile, 'utf8') === hash

if (!built || process.argv.includes('--build')) {
  console.log('Building the widgets and the CMS for production (first start or changed sources)…')
  for (const cwd of [path.join(rootDir, 'widgets'), cmsDir]) {
    const result = spawnSync('pnpm', ['run', 'build'], {
      cwd,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    })
    if (result.status !== 0) {
      console.error(`The production build in ${path.relative(rootDir, cwd)} failed; see above.`)
      process.exit(result.status ?? 1)
    }
  }
  fs.writeFileSync(stampFile, hash)
}

Object.assign(process.env, { NODE_ENV: 'production' })
await import('../src/server')
