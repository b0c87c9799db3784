import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { cmsDir } from '../scripts/production-build'
import type { CmsProcess } from './helpers/cms-process'
import { describeWithBuild, startCms } from './helpers/cms-process'
import type { ThrowAwayDatabase } from './helpers/databases'
import { createThrowAwayDatabase, probeTestDatabase } from './helpers/databases'
import type { WriteOutcome } from './helpers/system'
import {
  adminEnv,
  listOrganizationIds,
  loginAdmin,
  postJson,
  sqliteIntegrity,
  tempSqlite,
  writeOrganizations,
} from './helpers/system'

const rootDir = path.resolve(cmsDir, '..')

/** Runs `pnpm backup` as an operator would, from the repository root. */
const runBackup = (databaseUrl: string, args: string[]) =>
  new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn('pnpm', ['--silent', 'backup', ...args], {
      cwd: rootDir,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, output }))
  })

describeWithBuild()('pnpm backup: an online SQLite backup restored into a fresh start', () => {
  const live = tempSqlite('backup-live')
  const restoredDb = tempSqlite('backup-restored')
  const backupFile = path.join(live.dir, 'backups', 'etwinning-backup.db')
  const newsTitles = ['Backed-up news one', 'Backed-up news two', 'Backed-up news three']
  let restored: CmsProcess | undefined
  let backup: { code: number | null; output: string }
  let ackedBeforeBackup = new Map<number | string, string>()
  let writes: WriteOutcome

  beforeAll(async () => {
    const cms = await startCms({ databaseUrl: live.url, env: adminEnv() })
    const auth = await loginAdmin(cms.url)
    for (const title of newsTitles) {
      const { status } = await postJson(`${cms.url}/api/news`, auth, {
        _status: 'published',
        title,
      })
      expect(status).toBe(201)
    }
    let backupStarted: Promise<void> | undefined
    writes = await writeOrganizations({
      baseUrl: cms.url,
      auth,
      total: 400,
      concurrency: 4,
      prefix: 'Backup school',
      onAck: ({ acknowledged }) => {
        if (backupStarted || acknowledged.size < 100) return
        // Everything acknowledged so far was committed before the backup began.
        ackedBeforeBackup = new Map(acknowledged)
        backupStarted = runBackup(live.url, ['--out', backupFile]).then((result) => {
          backup = result
        })
      },
    })
    await backupStarted
    await cms.stop()
    fs.copyFileSync(backupFile, restoredDb.file)
    restored = await startCms({ databaseUrl: restoredDb.url })
  })

  afterAll(async () => {
    await restored?.stop()
    live.remove()
    restoredDb.remove()
  })

  it('should finish while writes continue and report a verified copy', () => {
    expect(backup.code, backup.output).toBe(0)
    expect(backup.output).toContain('PRAGMA integrity_check: ok')
    expect(backup.output).toContain('cms/data/media')
    expect(writes.acknowledged.size).toBeGreaterThan(ackedBeforeBackup.size)
    expect(writes.rejected).toEqual([])
  })

  it('should write a copy that passes PRAGMA integrity_check', async () => {
    expect(await sqliteIntegrity(backupFile)).toBe('ok')
  })

  it('should serve the backed-up news in the public feed of the restored CMS', async () => {
    const response = await fetch(`${restored!.url}/api/etw/v1/news?limit=10`)
    expect(response.status).toBe(200)
    const { items } = (await response.json()) as { items: { title: string }[] }
    expect(items.map((item) => item.title).sort()).toEqual([...newsTitles].sort())
  })

  it('should hold every write acknowledged before the backup began', async () => {
    const auth = await loginAdmin(restored!.url)
    const stored = await listOrganizationIds(restored!.url, auth)
    const missing = [...ackedBeforeBackup].filter(([id, name]) => stored.get(id) !== name)
    expect(missing).toEqual([])
  })
})

describe('pnpm backup for server databases', () => {
  it('should fail with the reason pg_dump gives, and no password, when PostgreSQL does not answer', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-backup-pg-'))
    const { code, output } = await runBackup('postgres://etw:secret@127.0.0.1:1/etw', [
      '--out',
      path.join(dir, 'etw.dump'),
    ])
    fs.rmSync(dir, { recursive: true, force: true })
    expect(code).toBe(1)
    expect(output).toMatch(/Backup failed: pg_dump failed: .*127\.0\.0\.1/)
    expect(output).not.toContain('secret')
  })

  it('should print the mongodump and mongorestore commands for MongoDB and run nothing', async () => {
    const { code, output } = await runBackup('mongodb://db.example.org/etw?replicaSet=rs0', [
      '--out',
      'etw.archive',
    ])
    expect(code).toBe(0)
    expect(output).toContain('mongodump --uri="$DATABASE_URL" --gzip --archive=etw.archive')
    expect(output).toContain(
      'mongorestore --uri="$DATABASE_URL" --drop --gzip --archive=etw.archive',
    )
  })
})

const postgres = await probeTestDatabase('postgres')
if (!postgres.available) {
  if (postgres.required) throw new Error(postgres.reason)
  console.warn(`[system] pnpm backup on PostgreSQL skipped: ${postgres.reason}`)
}
const describeWithPostgres = postgres.available
  ? describeWithBuild()
  : (describe.skip as ReturnType<typeof describeWithBuild>)

describeWithPostgres('pnpm backup on PostgreSQL: pg_dump restored into a fresh database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-backup-pg-'))
  const dumpFile = path.join(dir, 'etwinning.dump')
  const newsTitles = ['Dumped news one', 'Dumped news two']
  let live: ThrowAwayDatabase | undefined
  let fresh: ThrowAwayDatabase | undefined
  let restored: CmsProcess | undefined
  let backup: { code: number | null; output: string }
  let restore: { status: number | null; stderr: string }

  beforeAll(async () => {
    live = await createThrowAwayDatabase(postgres)
    const cms = await startCms({ databaseUrl: live.url, env: adminEnv() })
    const auth = await loginAdmin(cms.url)
    for (const title of newsTitles) {
      const { status } = await postJson(`${cms.url}/api/news`, auth, {
        _status: 'published',
        title,
      })
      expect(status).toBe(201)
    }
    // While the CMS runs: pg_dump reads one snapshot.
    backup = await runBackup(live.url, ['--out', dumpFile])
    await cms.stop()
    fresh = await createThrowAwayDatabase(postgres)
    restore = spawnSync(
      'pg_restore',
      ['--no-owner', '--exit-on-error', `--dbname=${fresh.url}`, dumpFile],
      { encoding: 'utf8' },
    )
    restored = await startCms({ databaseUrl: fresh.url })
  })

  afterAll(async () => {
    await restored?.stop()
    await live?.drop()
    await fresh?.drop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('should write a dump that pg_restore reads, and print how to restore it', () => {
    expect(backup.code, backup.output).toBe(0)
    expect(backup.output).toMatch(/pg_restore --list: \d+ tables/)
    expect(backup.output).toContain(
      `pg_restore --no-owner --exit-on-error --dbname="$DATABASE_URL" ${dumpFile}`,
    )
    expect(restore.status, restore.stderr).toBe(0)
  })

  it('should serve the backed-up news in the public feed of a fresh CMS on the restored database', async () => {
    const response = await fetch(`${restored!.url}/api/etw/v1/news?limit=10`)
    expect(response.status).toBe(200)
    const { items } = (await response.json()) as { items: { title: string }[] }
    expect(items.map((item) => item.title).sort()).toEqual([...newsTitles].sort())
  })

  it('should log the backed-up administrator in on the restored CMS', async () => {
    await expect(loginAdmin(restored!.url)).resolves.toMatch(/^JWT /)
  })
})
