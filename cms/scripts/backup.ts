/**
 * `pnpm backup [--out <file>]`: a consistent backup of the database that `DATABASE_URL` names
 * (default `cms/data/etwinning.db`), safe while the CMS runs.
 *
 * - SQLite: an online copy with `VACUUM INTO` (one read transaction, so one consistent snapshot that
 *   includes what is still in the `-wal` file; writers are not blocked). The copy is written next to
 *   its destination, checked with `PRAGMA integrity_check`, then renamed into place, so a file at
 *   `--out` is always a complete, verified backup. Default destination:
 *   `backups/etwinning-<UTC time>.db` under the directory pnpm runs the script from (`INIT_CWD`: the
 *   repository root for the root `pnpm backup`); a relative `--out` is resolved there too.
 * - PostgreSQL: runs `pg_dump --format=custom` (one consistent snapshot while the CMS runs) into
 *   a file next to the destination, checks that `pg_restore --list` reads it, then renames it into
 *   place; default destination `backups/etwinning-<UTC time>.dump`, resolved like SQLite's. Prints
 *   the restore command.
 * - MongoDB: prints the `mongodump` command and the matching restore command, and runs nothing.
 *
 * Uploads (`cms/data/media/`) are files, not database rows: the script reminds the operator to copy
 * them with the same backup. Exit code 0 on success, 1 on failure, 2 on bad arguments.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { createClient } from '@libsql/client'

import { dataDir, resolveDatabaseTarget } from '../src/database'

/** Tables whose row counts are printed for a SQLite backup, when they exist. */
const CONTENT_TABLES = ['news', 'events', 'statistics', 'organizations', 'media', 'users']

/** The directory relative paths are resolved against: where `pnpm backup` was typed. */
const callerDir = process.env.INIT_CWD ?? process.cwd()

const timestamp = () =>
  new Date()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')

const sqlString = (value: string) => `'${value.replaceAll("'", "''")}'`

export interface SqliteBackupReport {
  /** Absolute path of the verified copy. */
  file: string
  bytes: number
  milliseconds: number
  /** Row counts of the content tables present in the copy. */
  rows: Record<string, number>
}

/**
 * Copies the SQLite database at `source` into `destination` with `VACUUM INTO` and verifies the
 * copy. Refuses to overwrite an existing file.
 *
 * @throws Error when the source cannot be read, the destination exists, or the copy fails its
 *   integrity check (the partial copy is removed).
 */
export const backupSqlite = async (
  source: string,
  destination: string,
): Promise<SqliteBackupReport> => {
  const started = Date.now()
  if (!fs.existsSync(source)) throw new Error(`no SQLite database at ${source}`)
  if (fs.existsSync(destination)) throw new Error(`${destination} exists; choose another --out`)
  fs.mkdirSync(path.dirname(destination), { recursive: true })
  const partial = `${destination}.partial-${process.pid}`
  fs.rmSync(partial, { force: true })
  const live = createClient({ url: `file:${source}` })
  try {
    // A running CMS may hold the write lock for a moment; wait for it rather than fail.
    await live.execute('PRAGMA busy_timeout = 10000')
    await live.execute(`VACUUM INTO ${sqlString(partial)}`)
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  } finally {
    live.close()
  }
  const copy = createClient({ url: `file:${partial}` })
  const rows: Record<string, number> = {}
  try {
    const check = await copy.execute('PRAGMA integrity_check')
    const verdict = check.rows.map((row) => String(row[0])).join('; ')
    if (verdict !== 'ok') throw new Error(`the copy failed PRAGMA integrity_check: ${verdict}`)
    const tables = await copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    const present = new Set(tables.rows.map((row) => String(row[0])))
    for (const table of CONTENT_TABLES.filter((name) => present.has(name))) {
      const count = await copy.execute(`SELECT count(*) FROM "${table}"`)
      rows[table] = Number(count.rows[0]?.[0] ?? 0)
    }
  } catch (error) {
    copy.close()
    fs.rmSync(partial, { force: true })
    throw error
  }
  copy.close()
  fs.renameSync(partial, destination)
  return {
    file: destination,
    bytes: fs.statSync(destination).size,
    milliseconds: Date.now() - started,
    rows,
  }
}

export interface PostgresBackupReport {
  file: string
  bytes: number
  milliseconds: number
  /** Tables in the dump's table of contents. */
  tables: number
}

/**
 * Dumps the PostgreSQL database at `url` with `pg_dump --format=custom --no-owner` into
 * `destination`, verified with `pg_restore --list`. Refuses to overwrite an existing file.
 *
 * @throws Error when a tool is missing or fails, or the destination exists (a partial dump is removed).
 */
export const backupPostgres = (url: string, destination: string): PostgresBackupReport => {
  const started = Date.now()
  if (fs.existsSync(destination)) throw new Error(`${destination} exists; choose another --out`)
  fs.mkdirSync(path.dirname(destination), { recursive: true })
  const partial = `${destination}.partial-${process.pid}`
  const run = (tool: string, args: string[]) => {
    const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    if (result.error) {
      throw new Error(
        `${tool} could not run (${result.error.message}): install the PostgreSQL client tools`,
      )
    }
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr.trim()}`)
    return result.stdout
  }
  try {
    run('pg_dump', ['--format=custom', '--no-owner', `--file=${partial}`, url])
    const tables = run('pg_restore', ['--list', partial])
      .split('\n')
      .filter((line) => / TABLE DATA /.test(line)).length
    fs.renameSync(partial, destination)
    return {
      file: destination,
      bytes: fs.statSync(destination).size,
      milliseconds: Date.now() - started,
      tables,
    }
  } finally {
    fs.rmSync(partial, { force: true })
  }
}

const mediaReminder = () =>
  [
    `Uploaded files are not in the database: copy ${path.join(dataDir, 'media')} with this backup, e.g.`,
    `  tar -czf media-${timestamp()}.tar.gz -C ${dataDir} media`,
  ].join('\n')

const main = async (): Promise<number> => {
  let out: string | undefined
  try {
    ;({
      values: { out },
    } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: false }))
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: pnpm backup [--out <file>]`)
    return 2
  }
  const target = resolveDatabaseTarget(process.env.DATABASE_URL)
  switch (target.kind) {
    case 'sqlite': {
      if (!target.url.startsWith('file:/')) {
        console.error(`DATABASE_URL ${target.url} is not a SQLite file that can be backed up.`)
        return 2
      }
      const source = fileURLToPath(target.url)
      const destination = path.resolve(
        callerDir,
        out ?? path.join('backups', `etwinning-${timestamp()}.db`),
      )
      const report = await backupSqlite(source, destination)
      const counts = Object.entries(report.rows)
        .map(([table, count]) => `${table} ${count}`)
        .join(', ')
      console.log(
        [
          `Backed up ${source}`,
          `       to ${report.file}`,
          `  ${(report.bytes / 1024).toFixed(0)} KiB in ${report.milliseconds} ms; PRAGMA integrity_check: ok`,
          `  rows: ${counts}`,
          `Restore: stop the CMS, copy the file over ${source} (and delete ${path.basename(source)}-wal and -shm next to it), start the CMS.`,
          mediaReminder(),
        ].join('\n'),
      )
      return 0
    }
    case 'postgres': {
      const destination = path.resolve(
        callerDir,
        out ?? path.join('backups', `etwinning-${timestamp()}.dump`),
      )
      const report = backupPostgres(target.url, destination)
      console.log(
        [
          `Backed up the PostgreSQL database of DATABASE_URL with pg_dump (one consistent snapshot)`,
          `       to ${report.file}`,
          `  ${(report.bytes / 1024).toFixed(0)} KiB in ${report.milliseconds} ms; pg_restore --list: ${report.tables} tables`,
          'Restore into an empty database, then start the CMS on it:',
          `  pg_restore --no-owner --exit-on-error --dbname="$DATABASE_URL" ${report.file}`,
          mediaReminder(),
        ].join('\n'),
      )
      return 0
    }
    case 'mongodb': {
      const file = out ?? `etwinning-${timestamp()}.archive`
      console.log(
        [
          'MongoDB: run the server tools (each collection is read consistently, not all at one instant;',
          'for a point-in-time copy use a snapshot of the replica set, or dump while no one edits):',
          `  mongodump --uri="$DATABASE_URL" --gzip --archive=${file}`,
          'Restore (replaces the collections it contains), then start the CMS:',
          `  mongorestore --uri="$DATABASE_URL" --drop --gzip --archive=${file}`,
          mediaReminder(),
        ].join('\n'),
      )
      return 0
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    },
  )
}
