import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { generateImportMap } from 'payload'
import { generateTypes } from 'payload/node'
import { afterAll, beforeAll, expect, it } from 'vitest'

import {
  CLIENT_TYPES_FILE,
  OPENAPI_FILE,
  readCommitted,
  renderClientTypes,
  renderOpenApi,
  settingsOf,
} from '../scripts/contract-files'
import type { IntContext } from './helpers/payload'
import { bootPayload, databaseProbe, describeDb } from './helpers/payload'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const regenerate =
  'Run `pnpm generate` (and `pnpm --filter @etw/cms payload migrate:create` for schema changes) and commit the result.'

describeDb('generated files are up to date', () => {
  let ctx: IntContext
  let tmp: string

  beforeAll(async () => {
    ctx = await bootPayload()
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-generated-'))
  })

  afterAll(async () => {
    await ctx?.close()
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  // Types, import map and GraphQL schema do not depend on the database: checked once, on SQLite.
  const onSqlite = databaseProbe.kind === 'sqlite' ? it : it.skip

  onSqlite('should match the committed payload-types.ts', async () => {
    const out = path.join(tmp, 'payload-types.ts')
    process.env.PAYLOAD_TS_OUTPUT_PATH = out
    try {
      await generateTypes(ctx.config, { log: false })
    } finally {
      delete process.env.PAYLOAD_TS_OUTPUT_PATH
    }
    const committed = fs.readFileSync(path.join(cmsDir, 'src/payload-types.ts'), 'utf8')
    expect(fs.readFileSync(out, 'utf8') === committed, regenerate).toBe(true)
  })

  onSqlite('should match the committed admin import map', async () => {
    // Written next to the committed file: the import map holds paths relative to its own folder.
    const adminDir = path.join(cmsDir, 'src/app/(payload)/admin')
    const out = path.join(adminDir, `.importMap.check-${process.pid}.js`)
    const config = {
      ...ctx.config,
      admin: {
        ...ctx.config.admin,
        importMap: { ...ctx.config.admin.importMap, importMapFile: out },
      },
    }
    try {
      await generateImportMap(config, { log: false, force: true })
      const committed = fs.readFileSync(path.join(adminDir, 'importMap.js'), 'utf8')
      expect(fs.readFileSync(out, 'utf8') === committed, regenerate).toBe(true)
    } finally {
      fs.rmSync(out, { force: true })
    }
  })

  onSqlite('should match the committed schema.graphql', () => {
    // In a child process: the GraphQL schema must be built by the same `graphql` module instance
    // that prints it, which the test runner's module graph does not guarantee.
    const out = path.join(tmp, 'schema.graphql')
    const result = spawnSync(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', 'scripts/generate-graphql.ts', '--out', out],
      { cwd: cmsDir, encoding: 'utf8', env: { ...process.env, ETW_SEED: 'false' } },
    )
    expect(result.status, result.stderr).toBe(0)
    const committed = fs.readFileSync(path.join(cmsDir, 'schema.graphql'), 'utf8')
    expect(fs.readFileSync(out, 'utf8') === committed, regenerate).toBe(true)
  })

  onSqlite(
    'should match the committed @etw/client types, generated from the feed contract',
    async () => {
      const generated = await renderClientTypes(settingsOf(ctx.config))
      expect(generated === readCommitted(CLIENT_TYPES_FILE), regenerate).toBe(true)
    },
  )

  onSqlite(
    'should match the committed OpenAPI components, generated from the feed contract',
    async () => {
      const committed = readCommitted(OPENAPI_FILE)
      const generated = await renderOpenApi(committed, settingsOf(ctx.config))
      expect(generated === committed, regenerate).toBe(true)
    },
  )

  // Each SQL dialect has its own migrations; MongoDB has none.
  const onSql = databaseProbe.kind === 'sqlite' || databaseProbe.kind === 'postgres' ? it : it.skip

  onSql(
    `should have a committed ${databaseProbe.kind} migration for every schema change`,
    async () => {
      const db = ctx.payload.db as unknown as {
        migrationDir: string
        schema: unknown
        requireDrizzleKit: () => {
          generateDrizzleJson: (schema: unknown) => Promise<unknown>
          generateMigration: (before: unknown, after: unknown) => Promise<string[]>
        }
      }
      const snapshots = fs
        .readdirSync(db.migrationDir)
        .filter((file) => file.endsWith('.json'))
        .sort()
      const latest = snapshots.at(-1)
      expect(latest, `no migration in ${db.migrationDir}. ${regenerate}`).toBeDefined()
      const before = JSON.parse(
        fs.readFileSync(path.join(db.migrationDir, latest as string), 'utf8'),
      )
      const kit = db.requireDrizzleKit()
      const after = await kit.generateDrizzleJson(db.schema)
      expect(await kit.generateMigration(before, after), regenerate).toEqual([])
    },
  )
})
