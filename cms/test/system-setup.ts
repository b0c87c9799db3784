import type { TestProject } from 'vitest/node'

import { productionBuildMissing } from './helpers/cms-process'
import { isCi } from './helpers/databases'

/**
 * Global setup of the projects that run the production CMS as separate processes (`system`, `e2e`):
 * checks once that the production build is current. `pnpm test` builds it first; under `CI=true` a
 * missing build fails the run, elsewhere the project is skipped with the same message.
 */
export default function setup(project: TestProject): void {
  const missing = productionBuildMissing()
  if (missing && isCi()) throw new Error(missing)
  if (missing) console.warn(`[${project.name}] skipped: ${missing}`)
  project.provide('etwProductionBuild', { available: !missing, reason: missing ?? '' })
}

declare module 'vitest' {
  export interface ProvidedContext {
    etwProductionBuild: { available: boolean; reason: string }
  }
}
