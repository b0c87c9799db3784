import { readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { Plugin } from 'vite'

const QUERY = '?etw-copy='

/**
 * Self-hosted build: each tag folder (`src/<tag>/`) that imports a module matching `pattern` gets a
 * copy of it in its own chunk, instead of Rollup's usual one chunk of the modules that several
 * entries import. For a small module that only some tags use, a copy in each of them weighs less
 * than a chunk of its own (a file more to compress alone) and keeps it out of the shared chunk that
 * every page loads.
 */
export const copyModules = (pattern: RegExp): Plugin => ({
  name: 'etw:copy-modules',
  apply: 'build',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || importer.includes(QUERY)) return null
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
    if (!resolved || resolved.external || !pattern.test(resolved.id)) return null
    return `${resolved.id}${QUERY}${basename(dirname(importer))}`
  },
  load(id) {
    const at = id.indexOf(QUERY)
    // Read as the module itself; its own imports resolve from its real path.
    return at < 0 ? null : readFile(id.slice(0, at), 'utf8')
  },
})
