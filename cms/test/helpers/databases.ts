import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export interface DatabaseProbe {
  kind: string
  available: boolean
  /** Whether a missing server must fail the run (PostgreSQL under `CI=true`). */
  required: boolean
  reason: string
  /** Server URL that throw-away databases are created from. */
  adminUrl?: string
}

/** Whether this run is a CI run (`CI=true` or `CI=1`): a missing service then fails it. */
export const isCi = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.CI === 'true' || env.CI === '1'

/** Why the integration suite does not run on MongoDB here, or `undefined` when it does. */
export const mongodbNotRun = (env: NodeJS.ProcessEnv): string | undefined =>
  env.ETW_TEST_MONGODB_URL
    ? undefined
    : 'no MongoDB server here: set ETW_TEST_MONGODB_URL (a replica set, e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0) to run the integration suite on MongoDB.'

export const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/test'

/** Finds out whether the integration suite can run on `kind` here. */
export const probeTestDatabase = async (kind: string): Promise<DatabaseProbe> => {
  const ci = isCi()
  if (kind === 'sqlite') return { kind, available: true, required: true, reason: '' }
  if (kind === 'postgres') {
    const adminUrl = process.env.ETW_TEST_POSTGRES_URL ?? defaultPostgresUrl
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 })
    try {
      await client.connect()
      await client.query('select 1')
      return { kind, available: true, required: ci, reason: '', adminUrl }
    } catch (error) {
      return {
        kind,
        available: false,
        required: ci,
        reason: `PostgreSQL is not reachable at ${redact(adminUrl)} (${(error as Error).message}). Start it or set ETW_TEST_POSTGRES_URL.`,
      }
    } finally {
      await client.end().catch(() => undefined)
    }
  }
  if (kind === 'mongodb') {
    const adminUrl = process.env.ETW_TEST_MONGODB_URL
    if (!adminUrl) {
      return { kind, available: false, required: false, reason: mongodbNotRun(process.env) ?? '' }
    }
    return { kind, available: true, required: true, reason: '', adminUrl }
  }
  return { kind, available: false, required: true, reason: `unknown test database "${kind}"` }
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@')

export interface ThrowAwayDatabase {
  url: string
  drop: () => Promise<void>
}

/** A new, empty database for one test file. */
export const createThrowAwayDatabase = async (probe: DatabaseProbe): Promise<ThrowAwayDatabase> => {
  const name = `etw_int_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  if (probe.kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-int-'))
    return {
      url: pathToFileURL(path.join(dir, `${name}.db`)).href.replace('file://', 'file:'),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    }
  }
  if (probe.kind === 'postgres' && probe.adminUrl) {
    const { default: pg } = await import('pg')
    const admin = new pg.Client({ connectionString: probe.adminUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = new URL(probe.adminUrl)
    url.pathname = `/${name}`
    return {
      url: url.href,
      drop: async () => {
        const client = new pg.Client({ connectionString: probe.adminUrl })
        await client.connect()
        await client.query(`drop database if exists ${name} with (force)`)
        await client.end()
      },
    }
  }
  if (probe.kind === 'mongodb' && probe.adminUrl) {
    const url = new URL(probe.adminUrl)
    url.pathname = `/${name}`
    return { url: url.href, drop: async () => undefined }
  }
  throw new Error(`cannot create a test database for ${probe.kind}`)
}
