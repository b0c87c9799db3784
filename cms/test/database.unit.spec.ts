import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { describe, expect, it } from 'vitest'

import {
  createDatabaseAdapter,
  DatabaseConfigError,
  defaultSqliteFile,
  mongoUrlHasReplicaSet,
  resolveDatabaseTarget,
} from '../src/database'

describe('resolveDatabaseTarget', () => {
  it('should pick the embedded SQLite file under cms/data when DATABASE_URL is empty', () => {
    expect(resolveDatabaseTarget(undefined)).toEqual({
      kind: 'sqlite',
      url: pathToFileURL(defaultSqliteFile).href,
    })
    expect(defaultSqliteFile).toMatch(/cms[/\\]data[/\\]etwinning\.db$/)
  })

  it('should resolve a relative file: URL against the working directory', () => {
    expect(resolveDatabaseTarget('file:./tmp/x.db').url).toBe(
      pathToFileURL(path.resolve('tmp/x.db')).href,
    )
  })

  it('should pick PostgreSQL for postgres:// and postgresql:// URLs', () => {
    expect(resolveDatabaseTarget('postgres://u@127.0.0.1/db').kind).toBe('postgres')
    expect(resolveDatabaseTarget('postgresql://u@127.0.0.1/db').kind).toBe('postgres')
  })

  it('should pick MongoDB for mongodb:// and mongodb+srv:// URLs', () => {
    expect(resolveDatabaseTarget('mongodb://127.0.0.1/etw').kind).toBe('mongodb')
    expect(resolveDatabaseTarget('mongodb+srv://cluster.example.net/etw').kind).toBe('mongodb')
  })

  it('should refuse an unknown scheme with a message naming it', () => {
    expect(() => resolveDatabaseTarget('mysql://127.0.0.1/etw')).toThrow(/"mysql:"/)
  })
})

describe('mongoUrlHasReplicaSet', () => {
  it('should see a replica set in replicaSet=, several hosts or an SRV URL', () => {
    expect(mongoUrlHasReplicaSet('mongodb://127.0.0.1:27017/etw?replicaSet=rs0')).toBe(true)
    expect(mongoUrlHasReplicaSet('mongodb://u:p@a:27017,b:27017/etw')).toBe(true)
    expect(mongoUrlHasReplicaSet('mongodb+srv://cluster.example.net/etw')).toBe(true)
  })

  it('should see none in a single-host URL', () => {
    expect(mongoUrlHasReplicaSet('mongodb://127.0.0.1:27017/etw')).toBe(false)
  })
})

describe('createDatabaseAdapter', () => {
  const standalone = { kind: 'mongodb', url: 'mongodb://127.0.0.1:27017/etw' } as const

  it('should refuse a production MongoDB without a replica set', async () => {
    await expect(createDatabaseAdapter(standalone, { NODE_ENV: 'production' })).rejects.toThrow(
      DatabaseConfigError,
    )
  })

  it('should accept it when explicitly allowed', async () => {
    const adapter = await createDatabaseAdapter(standalone, {
      NODE_ENV: 'production',
      ETW_ALLOW_MONGODB_WITHOUT_REPLICA_SET: 'true',
    })
    expect(adapter.name).toBe('mongoose')
  })

  it('should create the SQLite and PostgreSQL adapters without connecting', async () => {
    expect((await createDatabaseAdapter({ kind: 'sqlite', url: 'file:/tmp/x.db' })).name).toBe(
      'sqlite',
    )
    expect(
      (await createDatabaseAdapter({ kind: 'postgres', url: 'postgres://u@127.0.0.1/db' })).name,
    ).toBe('postgres')
  })
})
