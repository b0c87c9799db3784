import type { TestProject } from 'vitest/node'

import type { DatabaseProbe } from './helpers/databases'
import { probeTestDatabase } from './helpers/databases'

/**
 * Checks once per integration project that its database server answers, and hands the outcome to
 * the test files. A missing PostgreSQL fails the run under `CI=true` and skips elsewhere.
 */
export default async function setup(project: TestProject): Promise<void> {
  const kind = project.config.env?.ETW_TEST_DB ?? 'sqlite'
  const probe = await probeTestDatabase(kind)
  if (!probe.available) {
    if (probe.required) throw new Error(probe.reason)
    console.warn(`[int-${kind}] skipped: ${probe.reason}`)
  }
  project.provide('etwDatabase', probe)
}

declare module 'vitest' {
  export interface ProvidedContext {
    etwDatabase: DatabaseProbe
  }
}
