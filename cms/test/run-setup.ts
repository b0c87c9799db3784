import type { TestProject } from 'vitest/node'

import { mongodbNotRun } from './helpers/databases'

/**
 * Global setup of the whole run: the `int-mongodb` project is only part of it when
 * `ETW_TEST_MONGODB_URL` names a server (see `vitest.config.ts`); otherwise a run that would have
 * included it says so, once, with the reason.
 */
export default function setup(project: TestProject): void {
  const reason = mongodbNotRun(process.env)
  if (reason && project.vitest.matchesProjectFilter('int-mongodb')) {
    console.warn(`[int-mongodb] not run: ${reason}`)
  }
}
