import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

import { expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

interface LintReport {
  totals: { errors: number; warnings: number }
  problems: { ruleId: string; severity: string; message: string }[]
}

it('should pass redocly lint with its recommended rules, offline', async () => {
  // The local CLI with no remote references: it needs no network, and sends no telemetry.
  const { stdout } = await promisify(execFile)(
    path.join(root, 'node_modules/.bin/redocly'),
    ['lint', '--extends=recommended', '--format=json', 'docs/openapi.yaml'],
    {
      cwd: root,
      env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_TELEMETRY: 'off' },
    },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }))
  const report = JSON.parse(stdout) as LintReport
  const errors = report.problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.ruleId}: ${problem.message}`)
  expect(errors).toEqual([])
  expect(report.totals.errors).toBe(0)
}, 60_000)
