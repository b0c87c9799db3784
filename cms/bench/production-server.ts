import type { ChildProcess } from 'node:child_process'

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The CMS package directory. */
export const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Resolves once `url` answers 2xx; throws after `timeoutMs`. */
export const waitFor = async (url: string, timeoutMs: number): Promise<void> => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

/** A production server a benchmark started. */
export interface ProductionServer {
  base: string
  child: ChildProcess
  /** SIGTERM to its process group (pnpm, tsx, node); resolves once it has exited. */
  stop: () => Promise<void>
}

/**
 * `pnpm start` (the production server, built first when the sources changed) on 127.0.0.1:`port`
 * with `env` added to this process's environment (`ETW_SEED=false`: the benchmark seeds). Resolves
 * once `/api/health` answers. Its standard error goes to this process's.
 */
export const startProductionServer = async (
  port: number,
  env: Record<string, string> = {},
): Promise<ProductionServer> => {
  const child = spawn('pnpm', ['start'], {
    cwd: cmsDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ETW_SEED: 'false', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const exited = once(child, 'exit')
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return
    }
    await exited
  }
  process.on('exit', () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
  })
  const base = `http://127.0.0.1:${port}`
  await waitFor(`${base}/api/health`, 15 * 60_000)
  return { base, child, stop }
}

/** Logs in through REST; the `Authorization` header value of the session. */
export const login = async (
  base: string,
  credentials: { email: string; password: string },
): Promise<string> => {
  const response = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  })
  const body = (await response.json()) as { token?: string }
  if (!response.ok || !body.token) throw new Error(`login answered ${response.status}`)
  return `JWT ${body.token}`
}
