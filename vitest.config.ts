import { defineConfig } from 'vitest/config'

/**
 * One Vitest run for the whole workspace.
 *
 * - `unit`: pure functions and config shape, no database.
 * - `int-sqlite`: Payload's Local API, REST and GraphQL on a throw-away SQLite file.
 * - `int-postgres`: the same suite on PostgreSQL (`ETW_TEST_POSTGRES_URL`, default the local server).
 *   Fails under `CI=true` or `CI=1` when the server is unreachable; skips with the same message
 *   elsewhere.
 * - `int-mongodb`: the same suite on any MongoDB given as `ETW_TEST_MONGODB_URL`; without that URL
 *   the project is left out and the run prints one line saying so (`cms/test/run-setup.ts`).
 * - `system`: the production CMS (`cms/src/server.ts` after `next build`) as separate processes:
 *   shutdown, crashes, backups, several instances. `pnpm test` builds it first when stale; a missing
 *   build fails under `CI=true` or `CI=1` and skips elsewhere.
 * - `e2e`: editors in the admin and a third-party page with the widgets, in Chromium, against the
 *   production CMS; same build rule, and Chromium as for `browser`.
 * - `wordpress`: the WordPress plugin's zip installed on a real WordPress 6.x (Debian's package
 *   served by `php -S`, MariaDB), posts by each role rendered in Chromium against the production
 *   CMS. `.ci/run` installs PHP and WordPress; anything missing fails under `CI=true` or `CI=1`
 *   and skips elsewhere.
 * - `distribution`: each publishable package built, packed and installed from its tarball into
 *   fresh hosts outside the workspace (a Payload 3 app on SQLite, a plain Vite page).
 * - `browser`: the widgets' built bundle in the machine's Chromium, driven by playwright-core from
 *   Node against a local fixture server. Fails under `CI=true` or `CI=1` when Chromium is missing;
 *   skips with the same message elsewhere.
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
    globalSetup: ['cms/test/run-setup.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'packages/*/src/**/*.spec.ts',
            'cms/src/**/*.spec.ts',
            'cms/test/**/*.unit.spec.ts',
            'widgets/src/**/*.unit.spec.ts',
            'widgets/build/**/*.unit.spec.ts',
            'packages/wordpress-plugin/test/**/*.unit.spec.ts',
          ],
        },
      },
      intProject('sqlite', {}),
      intProject('postgres', {}),
      ...(process.env.ETW_TEST_MONGODB_URL ? [intProject('mongodb', {})] : []),
      {
        test: {
          name: 'system',
          environment: 'node',
          include: ['cms/test/**/*.system.spec.ts'],
          env: { ETW_TEST_DB: 'sqlite' },
          globalSetup: ['cms/test/global-setup.ts', 'cms/test/system-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['cms/e2e/**/*.e2e.spec.ts'],
          globalSetup: ['cms/test/system-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'wordpress',
          environment: 'node',
          include: ['packages/wordpress-plugin/test/**/*.wp.spec.ts'],
          globalSetup: ['packages/wordpress-plugin/test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'distribution',
          environment: 'node',
          include: ['cms/test/**/*.dist.spec.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['widgets/src/**/*.spec.ts', 'widgets/test/**/*.spec.ts'],
          exclude: ['widgets/src/**/*.unit.spec.ts'],
          globalSetup: ['widgets/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
