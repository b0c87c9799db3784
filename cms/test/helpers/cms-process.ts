import type { ChildProcess } from 'node:child_process'

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import net from 'node:net'
import path from 'node:path'

import { describe, inject } from 'vitest'

import { cmsDir, isProductionBuildCurrent } from '../../scripts/production-build'

/** Why the production server cannot be started here, or `undefined` when it can. */
export const productionBuildMissing = (): string | undefined =>
  isProductionBuildCurrent()
    ? undefined
    : 'the CMS production build is missing or stale: run `pnpm --filter @etw/cms build:if-stale` (pnpm test does).'

/** A free TCP port on 127.0.0.1. */
export const freePort = async (): Promise<number> => {
  const server = net.createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as net.AddressInfo
  server.close()
  await once(server, 'close')
  return port
}

export interface CmsProcess {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string
  child: ChildProcess
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string
  /** Sends `signal` and resolves with the exit code (or the signal name) once the process is gone. */
  stop: (signal?: NodeJS.Signals) => Promise<number | string | null>
}

export interface StartCmsOptions {
  /** `DATABASE_URL` of the process, e.g. `file:/tmp/x/etw.db` or `postgres://…`. */
  databaseUrl: string
  /**
   * Extra environment; `ETW_SEED` defaults to `'false'`, and the per-client budgets
   * (`ETW_CLIENT_RATE`, `ETW_CLIENT_CONCURRENCY`) to off.
   */
  env?: Record<string, string | undefined>
  port?: number
  /** Milliseconds to wait for `/api/health` to answer 200. */
  readyTimeout?: number
}

/**
 * Starts the CMS's production server (`cms/src/server.ts`, the same as `pnpm start` after its
 * build) as a child process on 127.0.0.1 and waits until `/api/health` answers 200.
 */
export const startCms = async (options: StartCmsOptions): Promise<CmsProcess> => {
  const port = options.port ?? (await freePort())
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(cmsDir, 'src', 'server.ts')],
    {
      cwd: cmsDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NODE_OPTIONS: '--no-deprecation --conditions=production',
        NEXT_TELEMETRY_DISABLED: '1',
        PAYLOAD_SECRET: 'cms-process-test-secret-0123456789abcdef',
        ETW_SEED: 'false',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: options.databaseUrl,
        // The suites drive hundreds of writes from 127.0.0.1 on purpose; the ones about budgets
        // set them.
        ETW_CLIENT_RATE: '0',
        ETW_CLIENT_CONCURRENCY: '0',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  )
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + (options.readyTimeout ?? 120_000)
  let gone = false
  void exited.then(() => (gone = true))
  while (true) {
    if (gone) throw new Error(`the CMS exited before it was ready:\n${log}`)
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })
      if (response.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the CMS did not answer /api/health within the timeout:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return {
    url,
    child,
    output: () => log,
    stop: async (signal = 'SIGTERM') => {
      if (!gone) child.kill(signal)
      return exited
    },
  }
}

/** `describe` when the production build is current, otherwise a skipped block (reason printed once by the setup). */
export const describeWithBuild = (): typeof describe =>
  inject('etwProductionBuild').available ? describe : (describe.skip as typeof describe)
