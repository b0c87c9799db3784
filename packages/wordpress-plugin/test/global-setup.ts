import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import type { TestProject } from 'vitest/node'

import { productionBuildMissing } from '../../../cms/test/helpers/cms-process'
import { isCi } from '../../../cms/test/helpers/databases'
import { wordpressMissing } from './support/wordpress'

/**
 * Global setup of the `wordpress` project: builds the plugin's zip from the current sources and
 * checks that WordPress, PHP, MariaDB and the CMS's production build are there. Under `CI=true`
 * anything missing fails the run; elsewhere the project is skipped with the same message.
 */
export default function setup(project: TestProject): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
  })
  const missing = wordpressMissing() ?? productionBuildMissing()
  if (missing && isCi()) throw new Error(missing)
  if (missing) console.warn(`[${project.name}] skipped: ${missing}`)
  project.provide('etwWordPress', { available: !missing, reason: missing ?? '' })
}

declare module 'vitest' {
  export interface ProvidedContext {
    etwWordPress: { available: boolean; reason: string }
  }
}
