import type { ChildProcess } from 'node:child_process'

import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import type { CmsProcess } from './cms-process'

import { cmsDir } from '../../scripts/production-build'
import { freePort, startCms } from './cms-process'
import { isCi } from './databases'
import { adminEnv } from './system'

/** The operators' configuration files the topology runs with. */
export const HAPROXY_CONFIG = path.join(cmsDir, 'deploy', 'haproxy.cfg')
export const VARNISH_VCL = path.join(cmsDir, 'deploy', 'varnish.vcl')

const programs = {
  haproxy: process.env.ETW_HAPROXY ?? 'haproxy',
  varnishd: process.env.ETW_VARNISHD ?? 'varnishd',
  'redis-server': process.env.ETW_REDIS_SERVER ?? 'redis-server',
}

const runs = (program: string, args: string[]) => spawnSync(program, args).status === 0

/** Why the topology cannot be started here (a program missing), or `undefined` when it can. */
export const topologyMissing = (): string | undefined => {
  const missing = [
    runs(programs.haproxy, ['-v']) ? undefined : 'haproxy',
    runs(programs.varnishd, ['-V']) ? undefined : 'varnish',
    runs(programs['redis-server'], ['--version']) ? undefined : 'redis-server',
    fs.existsSync(postgresBin('initdb')) ? undefined : 'postgresql',
  ].filter(Boolean)
  return missing.length === 0
    ? undefined
    : `the Debian packages ${missing.join(', ')} are missing (.ci/run installs them): the several-instances topology cannot run.`
}

/** Throws under CI when the topology cannot run; elsewhere prints why and returns `false`. */
export const topologyAvailable = (suite: string): boolean => {
  const missing = topologyMissing()
  if (missing && isCi()) throw new Error(missing)
  if (missing) console.warn(`[system] ${suite} skipped: ${missing}`)
  return !missing
}

/** A program of the newest PostgreSQL installed (`/usr/lib/postgresql/<version>/bin`). */
export function postgresBin(name: string): string {
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((entry) => /^\d+$/.test(entry))
        .sort((a, b) => Number(a) - Number(b))
    : []
  return path.join(root, versions.at(-1) ?? '0', 'bin', name)
}

/** A long-running child process, with what it printed. */
interface Service {
  child: ChildProcess
  output: () => string
  stop: (signal?: NodeJS.Signals) => Promise<void>
}

const runService = (command: string, args: string[], env?: NodeJS.ProcessEnv): Service => {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env })
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  return {
    child,
    output: () => log,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill(signal)
      await once(child, 'exit')
    },
  }
}

/** Runs a command as the `postgres` user when this process is root (initdb refuses root). */
const asPostgres = (command: string, args: string[]) =>
  process.getuid?.() === 0
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' })

export interface OwnPostgres {
  /** Server URL, `postgres://postgres@127.0.0.1:<port>/postgres`. */
  url: string
  /** URL of a database on it. */
  databaseUrl: (name: string) => string
  start: () => void
  stop: () => void
  /** Stops the cluster and removes its data directory. */
  remove: () => void
}

/**
 * A throw-away PostgreSQL cluster of this test (initdb in a directory under the system temp
 * dir, a free port, trust authentication on 127.0.0.1), so that stopping it affects nothing
 * else on the machine.
 */
export const startOwnPostgres = async (): Promise<OwnPostgres> => {
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-pg-'))
  const data = path.join(dir, 'data')
  fs.chmodSync(dir, 0o777)
  const init = asPostgres(postgresBin('initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
  ])
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`)
  const pgCtl = (action: 'start' | 'stop') => {
    const args =
      action === 'start'
        ? [
            '-D',
            data,
            '-w',
            '-l',
            path.join(dir, 'server.log'),
            '-o',
            `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
            'start',
          ]
        : ['-D', data, '-w', '-m', 'fast', 'stop']
    const result = asPostgres(postgresBin('pg_ctl'), args)
    if (result.status !== 0 && action === 'start') {
      throw new Error(`pg_ctl start failed:\n${result.stdout}${result.stderr}`)
    }
  }
  pgCtl('start')
  const base = `postgres://postgres@127.0.0.1:${port}`
  return {
    url: `${base}/postgres`,
    databaseUrl: (name) => `${base}/${name}`,
    start: () => pgCtl('start'),
    stop: () => pgCtl('stop'),
    remove: () => {
      pgCtl('stop')
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A started HAProxy or Varnish, with its address. */
export interface Proxy extends Service {
  url: string
}

const waitForPort = async (url: string, timeoutMs: number, describe: () => string) => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) })
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  throw new Error(`${url} did not answer:\n${describe()}`)
}

/** HAProxy with `cms/deploy/haproxy.cfg`, balancing `backends` (host:port). */
export const startHaproxy = async (backends: string[]): Promise<Proxy> => {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, ETW_LB_BIND: `127.0.0.1:${port}` }
  backends.forEach((backend, index) => (env[`ETW_CMS_${index + 1}`] = backend))
  const service = runService(programs.haproxy, ['-db', '-f', HAPROXY_CONFIG], env)
  const url = `http://127.0.0.1:${port}`
  await waitForPort(`${url}/api/health`, 10_000, service.output)
  return { ...service, url }
}

/**
 * Varnish with `cms/deploy/varnish.vcl`, its backend pointed at `backendPort` (the one edit an
 * operator makes), working files in a temp directory.
 */
export const startVarnish = async (backendPort: number, listenPort?: number): Promise<Proxy> => {
  const port = listenPort ?? (await freePort())
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-varnish-'))
  const vcl = fs
    .readFileSync(VARNISH_VCL, 'utf8')
    .replace(/\.port = "\d+";/, `.port = "${backendPort}";`)
  fs.writeFileSync(path.join(dir, 'default.vcl'), vcl)
  const service = runService(programs.varnishd, [
    '-F',
    '-n',
    path.join(dir, 'work'),
    '-a',
    `127.0.0.1:${port}`,
    '-T',
    'none',
    '-j',
    'none',
    '-f',
    path.join(dir, 'default.vcl'),
    '-s',
    'malloc,64m',
  ])
  const url = `http://127.0.0.1:${port}`
  await waitForPort(`${url}/api/health`, 15_000, service.output)
  return {
    ...service,
    url,
    stop: async (signal) => {
      await service.stop(signal)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Topology {
  /** Varnish: what readers and widgets use. */
  cacheUrl: string
  /** HAProxy: behind Varnish, in front of the instances. */
  lbUrl: string
  instances: CmsProcess[]
  haproxy: Proxy
  varnish: Proxy
  /** Stops everything this topology started. */
  stop: () => Promise<void>
}

/**
 * Three production CMS processes on `databaseUrl`, HAProxy in front of them and Varnish in front
 * of HAProxy, all on 127.0.0.1 with free ports, started with the operators' files in
 * `cms/deploy/`. The first instance applies the migrations and creates the system test's
 * administrator; the two others start once it is up.
 */
export const startTopology = async (options: {
  databaseUrl: string
  redisUrl: string
  mediaDir: string
  env?: Record<string, string>
}): Promise<Topology> => {
  const ports = [await freePort(), await freePort(), await freePort()]
  const varnishPort = await freePort()
  const cacheUrl = `http://127.0.0.1:${varnishPort}`
  const env = {
    REDIS_URL: options.redisUrl,
    ETW_MEDIA_DIR: options.mediaDir,
    // Varnish and HAProxy are the two proxies in front of every instance.
    ETW_TRUST_PROXY: '2',
    ETW_HTTP_CACHE_BAN_URLS: cacheUrl,
    // One public origin for every instance (docs/operators.md): the same links and cache keys
    // whichever instance answers.
    ETW_SERVER_URL: cacheUrl,
    ...options.env,
  }
  const first = await startCms({
    databaseUrl: options.databaseUrl,
    port: ports[0],
    env: { ...adminEnv(), ...env },
  })
  const others = await Promise.all(
    ports.slice(1).map((port) => startCms({ databaseUrl: options.databaseUrl, port, env })),
  )
  const instances = [first, ...others]
  const haproxy = await startHaproxy(ports.map((port) => `127.0.0.1:${port}`))
  const lbPort = Number(new URL(haproxy.url).port)
  // Varnish listens where the instances were told to send their bans.
  const varnish = await startVarnish(lbPort, varnishPort)
  return {
    cacheUrl,
    lbUrl: haproxy.url,
    instances,
    haproxy,
    varnish,
    stop: async () => {
      await varnish.stop()
      await haproxy.stop()
      await Promise.all(instances.map((instance) => instance.stop()))
    },
  }
}

/** One GET from a chosen local address (127.0.0.x), as a client on another machine would be. */
export const getFrom = (
  localAddress: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> =>
  requestFrom(localAddress, 'GET', url, headers)

/** One POST of `json` from a chosen local address (127.0.0.x). */
export const postFrom = (
  localAddress: string,
  url: string,
  json: unknown,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> =>
  requestFrom(
    localAddress,
    'POST',
    url,
    { 'content-type': 'application/json' },
    JSON.stringify(json),
  )

const requestFrom = (
  localAddress: string,
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> =>
  new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method, localAddress, headers, agent: false },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        )
        response.on('error', reject)
      },
    )
    request.setTimeout(10_000, () => request.destroy(new Error(`${method} ${url} timed out`)))
    request.on('error', reject)
    request.end(body)
  })
