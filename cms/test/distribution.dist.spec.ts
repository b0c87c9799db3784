import type { ChildProcess } from 'node:child_process'

import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { contextOptions, launch, watch } from '../../widgets/test/support/browser'
import { isProductionBuildCurrent } from '../scripts/production-build'

/**
 * Every publishable package installs from what it ships: each is built and packed (`pnpm pack`),
 * and the tarballs are installed into fresh hosts outside the workspace — a minimal Payload 3 app
 * on SQLite for `@etw/payload-plugin` (it creates and runs its migration, boots, and serves the
 * feed), a plain Vite page for `@etw/widgets` (its tags render in Chromium). A missing `files`
 * entry, a `src/` import or an undeclared dependency fails here. Installs prefer the local store.
 */
const root = path.resolve(import.meta.dirname, '..', '..')
const PUBLISHED = ['packages/client', 'packages/payload-plugin', 'widgets']
const packageManager = (
  JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { packageManager: string }
).packageManager

/**
 * Runs a command as a person would in a shell (without the test runner's `NODE_ENV=test`) and
 * returns what it printed; throws with that output when it fails.
 */
const run = (cwd: string, command: string, args: string[], extra: Record<string, string> = {}) => {
  const env: Record<string, string | undefined> = { ...process.env, ...extra, CI: 'true' }
  delete env.NODE_ENV
  const result = spawnSync(command, args, {
    cwd,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = `${result.stdout}${result.stderr}`
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${output}`,
    )
  }
  return output
}

const writeJson = (file: string, data: unknown) =>
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`)

/** Files a host writes: its package.json (tarballs by path, `@etw/client` overridden to its tarball). */
const hostPackage = (name: string, packs: Record<string, string>, extra: object) => ({
  name,
  private: true,
  type: 'module',
  packageManager,
  ...extra,
  pnpm: { overrides: { '@etw/client': `file:${packs['@etw/client']}` } },
})

const PAYLOAD_CONFIG = `import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { etwPlugin } from '@etw/payload-plugin'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  secret: 'a university secret of at least thirty-two characters',
  db: sqliteAdapter({
    client: { url: 'file:' + path.join(dirname, 'university.db') },
    migrationDir: path.join(dirname, 'migrations'),
    push: false,
  }),
  editor: lexicalEditor(),
  telemetry: false,
  plugins: [etwPlugin({ jobs: { autoRun: false } })],
})
`

/**
 * The university's API server: Payload's endpoints through `handleEndpoints`, no Next. It listens on
 * a port of the system's choosing and prints it (`listening on <port>`), so no other process can
 * take the port between a test's choice and the server's start. Each start-up step is printed as it
 * begins: Node 20 exits with code 13 and says nothing when a top-level await never settles, so the
 * server says itself where it stopped.
 */
const PAYLOAD_SERVER = `import { writeSync } from 'node:fs'
import http from 'node:http'

let step = 'start'
const begin = (name) => {
  step = name
  writeSync(2, 'server.js: ' + name + '\\n')
}
process.on('exit', () => {
  if (process.exitCode === 13) {
    writeSync(2, 'server.js: exit 13, a top-level await never settled in: ' + step + '\\n')
  }
})

begin('import payload')
const { getPayload, handleEndpoints } = await import('payload')
begin('import payload.config.js')
const { default: config } = await import('./payload.config.js')
begin('getPayload')
const payload = await getPayload({ config })
begin('create statistics')
for (const [metric, value] of [['teachers', 4308], ['schools', 1141], ['projects', 5103]]) {
  await payload.create({
    collection: 'statistics',
    data: { metric, value, asOf: '2025-02-07', scope: 'country', country: 'AZ', _status: 'published' },
  })
}

begin('listen')
const server = http.createServer(async (req, res) => {
  const chunks = []
  for await (const chunk of req) chunks.push(chunk)
  const request = new Request(new URL(req.url, 'http://' + req.headers.host), {
    method: req.method,
    headers: Object.entries(req.headers).flatMap(([name, value]) =>
      [value].flat().filter((item) => item !== undefined).map((item) => [name, item]),
    ),
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
  })
  const response = await handleEndpoints({ config, request })
  res.writeHead(response.status, Object.fromEntries(response.headers))
  res.end(Buffer.from(await response.arrayBuffer()))
})
server.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port))
`

/** How long the Payload host may take to start: seconds when idle, far longer on a busy machine. */
const HOST_START_MS = 180_000

/**
 * Resolves with the host's URL once it prints `listening on <port>`. When it exits first, or has
 * not started within `timeout` ms, rejects with its exit code and everything it printed on stdout
 * and stderr, read to the end of both pipes.
 */
const hostReady = (child: ChildProcess, timeout: number): Promise<string> => {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const printed = () => `--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the Payload host did not start within ${timeout} ms:\n${printed()}`))
    }, timeout)
    const listening = () => {
      const port = /listening on (\d+)/.exec(stdout)?.[1]
      if (!port) return
      clearTimeout(timer)
      child.stdout?.off('data', listening)
      child.off('close', closed)
      resolve(`http://127.0.0.1:${port}`)
    }
    // 'close' comes after the exit and the end of both pipes: nothing the host printed is lost.
    const closed = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer)
      reject(
        new Error(`the Payload host exited (${code ?? signal}) before it listened:\n${printed()}`),
      )
    }
    child.stdout?.on('data', listening)
    child.once('close', closed)
  })
}

describe('the published packages, installed from their tarballs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-distribution-'))
  const packs: Record<string, string> = {}
  let api: ChildProcess | undefined
  let apiUrl = ''

  beforeAll(() => {
    for (const pkg of PUBLISHED) {
      const cwd = path.join(root, pkg)
      // A current production build has just built the widgets; building them again would empty
      // widgets/dist under the CMS that other projects run at the same time.
      if (!(pkg === 'widgets' && isProductionBuildCurrent())) run(cwd, 'pnpm', ['run', 'build'])
      const file = run(cwd, 'pnpm', ['pack', '--pack-destination', dir])
        .trim()
        .split('\n')
        .filter((line) => line.endsWith('.tgz'))
        .at(-1)!
      const { name } = JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8')) as {
        name: string
      }
      packs[name] = file
    }
  }, 600_000)

  afterAll(async () => {
    if (api && api.exitCode === null && api.signalCode === null) {
      api.kill('SIGTERM')
      await new Promise((resolve) => api!.once('exit', resolve))
    }
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it.each(Object.entries({ '@etw/client': 0, '@etw/payload-plugin': 0, '@etw/widgets': 0 }))(
    'should ship every file that %s’s exports name, and no source',
    (name) => {
      const listing = run(dir, 'tar', ['tzf', packs[name]!]).split('\n').filter(Boolean)
      const manifest = JSON.parse(run(dir, 'tar', ['xzOf', packs[name]!, 'package/package.json']))
      const targets = (value: unknown): string[] =>
        typeof value === 'string'
          ? [value]
          : Object.values((value ?? {}) as Record<string, unknown>).flatMap(targets)
      const named = [...targets(manifest.exports), manifest.main, manifest.types].filter(Boolean)
      expect(named.length).toBeGreaterThan(0)
      for (const target of named)
        expect(listing).toContain(`package/${target.replace(/^\.\//, '')}`)
      expect(listing.filter((file) => file.startsWith('package/src/'))).toEqual([])
      expect(JSON.stringify(manifest)).not.toMatch(/workspace:|catalog:/)
    },
  )

  it('should let a Payload 3 app on SQLite create and run its migration, boot, and serve the feed', async () => {
    const host = path.join(dir, 'payload-host')
    fs.mkdirSync(host)
    writeJson(
      path.join(host, 'package.json'),
      hostPackage('university-payload', packs, {
        dependencies: {
          '@etw/payload-plugin': `file:${packs['@etw/payload-plugin']}`,
          '@payloadcms/db-sqlite': '3.90.2',
          '@payloadcms/richtext-lexical': '3.90.2',
          graphql: '^16.15.0',
          payload: '3.90.2',
        },
      }),
    )
    fs.writeFileSync(path.join(host, 'payload.config.js'), PAYLOAD_CONFIG)
    fs.writeFileSync(path.join(host, 'server.js'), PAYLOAD_SERVER)
    run(host, 'pnpm', ['install', '--prefer-offline'])
    const payloadBin = path.join(host, 'node_modules', 'payload', 'bin.js')
    // Lexical's Node entry points choose their development or production build with a top-level
    // `await import()`, which under Node 20 now and then never settles on a busy machine; a
    // process whose event loop has then nothing left exits without a word (see the server below).
    // The `production` condition, which the CMS's own scripts set too, imports Lexical's
    // production build directly.
    const env = {
      PAYLOAD_CONFIG_PATH: 'payload.config.js',
      NODE_OPTIONS: '--conditions=production',
    }
    // Payload's bin loads its TypeScript through tsx's loader thread, and has been seen to exit 0
    // before running the command, printing nothing: such a run is tried again.
    const payloadCommand = (args: string[], done: RegExp) => {
      let output = ''
      for (let attempt = 0; attempt < 3 && !done.test(output); attempt += 1) {
        output = run(host, process.execPath, [payloadBin, ...args], env)
      }
      return output
    }
    expect(payloadCommand(['migrate:create', 'initial'], /Migration created at/)).toMatch(
      /Migration created at/,
    )
    expect(payloadCommand(['migrate'], /Migrated: +\S+_initial/)).toMatch(/Migrated: +\S+_initial/)

    // With the `production` condition too: without it, a top-level await in Lexical's Node entry
    // points left the server's import of its config unsettled now and then (exit 13).
    api = spawn(process.execPath, ['--conditions=production', 'server.js'], {
      cwd: host,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    apiUrl = await hostReady(api, HOST_START_MS)
    const response = await fetch(`${apiUrl}/api/etw/v1/stats?country=AZ`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { metrics: { key: string; value: number }[] }
    expect(body.metrics.map(({ key, value }) => [key, value])).toEqual([
      ['teachers', 4308],
      ['schools', 1141],
      ['projects', 5103],
    ])
  }, 480_000)

  it('should let a plain Vite page import the widgets and render their tags', async () => {
    expect(apiUrl, 'the Payload host serves the data').not.toBe('')
    const host = path.join(dir, 'vite-host')
    fs.mkdirSync(host)
    writeJson(
      path.join(host, 'package.json'),
      hostPackage('university-site', packs, {
        dependencies: { '@etw/widgets': `file:${packs['@etw/widgets']}`, lit: '^3.3.3' },
        devDependencies: { vite: '^7.3.8' },
      }),
    )
    fs.writeFileSync(
      path.join(host, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>University</title>
<link rel="icon" href="data:,"><script type="module">import '@etw/widgets/define'</script></head>
<body><etw-stats api-base="${apiUrl}" country="AZ" metrics="teachers,schools,projects"><p>Azerbaijan in eTwinning</p></etw-stats></body></html>\n`,
    )
    run(host, 'pnpm', ['install', '--prefer-offline'])
    run(host, process.execPath, [
      path.join(host, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
    ])

    const distDir = path.join(host, 'dist')
    const server = createServer((req, res) => {
      const file = path.join(
        distDir,
        req.url === '/' ? 'index.html' : (req.url ?? '').split('?')[0]!,
      )
      if (!file.startsWith(distDir) || !fs.existsSync(file)) return void res.writeHead(404).end()
      const type = file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8'
      res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const browser: Browser = await launch()
    try {
      const page = await browser.newPage({ ...contextOptions, reducedMotion: 'reduce' })
      const problems = await watch(page)
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
      await expect
        .poll(
          () =>
            page.evaluate(() =>
              [
                ...(document.querySelector('etw-stats')?.shadowRoot?.querySelectorAll('.sr') ?? []),
              ].map((node) => node.textContent),
            ),
          { timeout: 20_000 },
        )
        .toEqual(['4,308', '1,141', '5,103'])
      expect(problems.errors).toEqual([])
      expect(problems.console).toEqual([])
    } finally {
      await browser.close()
      await new Promise((resolve) => server.close(resolve))
    }
  }, 300_000)
})
