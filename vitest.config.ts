import { defineConfig } from 'vitest/config'

/**
 * One Vitest run for the whole workspace.
 *
 * - `unit`: pure functions and config shape, no database.
 * - `int-sqlite`: Payload's Local API, REST and GraphQL on a throw-away SQLite file.
 * - `int-postgres`: the same suite on PostgreSQL (`ETW_TEST_POSTGRES_URL`, default the local server).
 *   Fails under `CI=true` when the server is unreachable; skips with the same message elsewhere.
 * - `int-mongodb`: the same suite on any MongoDB given as `ETW_TEST_MONGODB_URL`.
 * - `browser`: the widgets' built bundle in the machine's Chromium, driven by playwright-core from
 *   Node against a local fixture server. Fails under `CI=true` when Chromium is missing; skips with
 *   the same message elsewhere.
 */
const intProject = (name: string, env: Record<string, string>) => ({
  test: {
    name: `int-${name}`,
    environment: 'node',
    include: ['cms/test/**/*.int.spec.ts'],
    env: { NODE_ENV: 'test', ETW_TEST_DB: name, ...env },
    globalSetup: ['cms/test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
})

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'packages/*/src/**/*.spec.ts',
            'cms/src/**/*.spec.ts',
            'cms/test/**/*.unit.spec.ts',
          ],
        },
      },
      intProject('sqlite', {}),
      intProject('postgres', {}),
      intProject('mongodb', {}),
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['widgets/src/**/*.spec.ts', 'widgets/test/**/*.spec.ts'],
          globalSetup: ['widgets/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
