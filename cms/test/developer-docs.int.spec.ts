import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { marked } from 'marked'
import type { Tokens } from 'marked'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { TestHttpServer } from './helpers/http'
import { startHttpServer } from './helpers/http'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import { createApiKeyUser, createTestUser } from './helpers/users'

/**
 * Every example of `docs/developers.md` runs against a real HTTP server on the seeded database:
 * `sh` blocks with bash, `js`/`ts` blocks with Node (tsx), in the order of the document, with the
 * environment variables the guide names (`ETW_URL`, `ETW_EMAIL`, `ETW_PASSWORD`, `ETW_TOKEN`,
 * `ETW_API_KEY`). Each must exit 0 and print every `<!-- expect: … -->` text written under it.
 */

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const guidePath = path.resolve(cmsDir, '../docs/developers.md')
const guide = readFileSync(guidePath, 'utf8')

/** Languages whose blocks are run. */
const RUNNABLE = ['sh', 'js', 'ts'] as const
/** Languages of blocks that only show something (a setting, an answer) and are not run. */
const SHOWN = ['text', 'json']

interface Example {
  lang: string
  code: string
  line: number
  expectations: string[]
}

const EXPECT = /<!--\s*expect:\s*([\s\S]*?)\s*-->/g

/** The fenced blocks of the guide, with the expectations in the HTML comments right after each. */
const readExamples = (markdown: string): Example[] => {
  const tokens = marked.lexer(markdown)
  const examples: Example[] = []
  let offset = 0
  tokens.forEach((token, index) => {
    // Top-level tokens cover the source in order, so their offsets give line numbers.
    const line = markdown.slice(0, offset).split('\n').length
    offset += token.raw.length
    if (token.type !== 'code') return
    const code = token as Tokens.Code
    const expectations: string[] = []
    for (const next of tokens.slice(index + 1)) {
      if (next.type === 'space') continue
      if (next.type !== 'html') break
      for (const match of next.raw.matchAll(EXPECT)) expectations.push(match[1] as string)
    }
    examples.push({ lang: code.lang ?? '', code: code.text, line, expectations })
  })
  return examples
}

const examples = readExamples(guide)
const runnable = examples.filter((example) =>
  (RUNNABLE as readonly string[]).includes(example.lang),
)

interface RunResult {
  code: number | null
  output: string
}

const run = (command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) =>
  new Promise<RunResult>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })

it('should mark every fenced block as run (sh, js, ts) or shown (text, json)', () => {
  const fences = guide.match(/^```/gm) ?? []
  expect(examples.length * 2).toBe(fences.length)
  for (const example of examples) {
    expect([...RUNNABLE, ...SHOWN], `block at line ${example.line}`).toContain(example.lang)
  }
})

it('should state what each runnable example prints', () => {
  expect(runnable.length).toBeGreaterThanOrEqual(10)
  for (const example of runnable) {
    expect(example.expectations.length, `block at line ${example.line}`).toBeGreaterThan(0)
  }
})

describeDb('docs/developers.md examples', () => {
  let ctx: IntContext
  let server: TestHttpServer
  let workDir: string
  let env: NodeJS.ProcessEnv
  const ran = new Set<number>()

  beforeAll(async () => {
    for (const tool of ['bash', 'curl']) {
      if (spawnSync(tool, ['--version']).status !== 0) {
        throw new Error(`The shell examples need ${tool}, which is not installed.`)
      }
    }
    ctx = await bootPayload({ seed: true })
    server = await startHttpServer(ctx.payload, ctx.config)
    const { payload } = ctx
    // The first user of a database becomes an administrator; it creates the API key user, as in
    // the admin. The examples log in as an editor.
    const admin = await createTestUser(payload, 'admin')
    const email = 'editor@example.org'
    const password = 'correct horse battery staple'
    await payload.create({
      collection: 'users',
      data: { email, password, name: 'Editor', roles: ['editor'] } as never,
      overrideAccess: true,
    })
    const { token } = await payload.login({ collection: 'users', data: { email, password } })
    const { apiKey } = await createApiKeyUser(payload, 'statistics-writer', admin)
    env = {
      ...process.env,
      ETW_URL: server.url,
      ETW_EMAIL: email,
      ETW_PASSWORD: password,
      ETW_TOKEN: token,
      ETW_API_KEY: apiKey,
      NODE_OPTIONS: '--no-deprecation --conditions=production',
    }
    // Inside the cms package, so that examples resolve `@etw/client` as an application would.
    mkdirSync(path.join(cmsDir, 'data'), { recursive: true })
    workDir = mkdtempSync(path.join(cmsDir, 'data', 'docs-examples-'))
  })

  afterAll(async () => {
    if (workDir) rmSync(workDir, { recursive: true, force: true })
    await server?.close()
    await ctx?.close()
  })

  it.each(
    runnable.map((example) => ({ ...example, where: `${example.lang} at line ${example.line}` })),
  )('should run the example $where and print what it promises', async (example) => {
    let result: RunResult
    if (example.lang === 'sh') {
      result = await run('bash', ['-e', '-o', 'pipefail', '-c', example.code], env, workDir)
    } else {
      const file = path.join(
        workDir,
        `example-${example.line}.${example.lang === 'ts' ? 'mts' : 'mjs'}`,
      )
      writeFileSync(file, example.code)
      const tsx = path.join(cmsDir, 'node_modules', '.bin', 'tsx')
      result = await run(tsx, [file], env, workDir)
    }
    ran.add(example.line)
    expect(result.code, result.output).toBe(0)
    for (const expected of example.expectations) {
      expect(result.output, `expected "${expected}"`).toContain(expected)
    }
  })

  it('should have run every runnable example', () => {
    expect([...ran].sort()).toEqual(runnable.map((example) => example.line).sort())
  })
})
