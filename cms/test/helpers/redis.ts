import type { ChildProcess } from 'node:child_process'

import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'

import { freePort } from './cms-process'
import { isCi } from './databases'

/** The Redis server binary the tests start (Debian's `redis-server`). */
export const REDIS_SERVER = process.env.ETW_REDIS_SERVER ?? 'redis-server'

/** Why a test Redis cannot be started here, or `undefined` when it can. */
export const redisMissing = (): string | undefined =>
  spawnSync(REDIS_SERVER, ['--version']).status === 0
    ? undefined
    : `${REDIS_SERVER} not found (install the Debian package "redis-server" or set ETW_REDIS_SERVER): tests with a shared Redis cannot run.`

/** Throws under `CI=true`/`CI=1` when Redis is missing; elsewhere prints why and returns `false`. */
export const redisAvailable = (suite: string): boolean => {
  const missing = redisMissing()
  if (missing && isCi()) throw new Error(missing)
  if (missing) console.warn(`[system] ${suite} skipped: ${missing}`)
  return !missing
}

export interface TestRedis {
  url: string
  port: number
  /** Stops the server (SIGTERM) and waits until it is gone. */
  stop: () => Promise<void>
  /** Starts it again on the same port. */
  start: () => Promise<void>
}

/**
 * A throw-away `redis-server` of this test on a free port of 127.0.0.1, without persistence; the
 * machine's own Redis is never touched.
 */
export const startRedis = async (): Promise<TestRedis> => {
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = async () => {
    const server = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child = server
    let log = ''
    await new Promise<void>((resolve, reject) => {
      server.stdout?.on('data', (chunk: Buffer) => {
        log += chunk.toString()
        if (log.includes('Ready to accept connections')) resolve()
      })
      server.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${log}`)))
    })
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop: async () => {
      const server = child
      child = undefined
      if (!server || server.exitCode !== null) return
      server.kill('SIGTERM')
      await once(server, 'exit')
    },
  }
}
