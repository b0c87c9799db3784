import http from 'node:http'

import { afterAll, beforeAll, expect, it } from 'vitest'

import type { CmsProcess } from './helpers/cms-process'
import { describeWithBuild, startCms } from './helpers/cms-process'
import {
  adminEnv,
  listOrganizationIds,
  loginAdmin,
  organizationData,
  tempSqlite,
} from './helpers/system'

interface Answer {
  status: number
  connection: string | undefined
  body: any
}

/**
 * A `POST` whose body is sent in two parts: the server has the request (headers and the first
 * half of the body) and is waiting for the rest, so it is in flight until `finish` is called.
 */
const startSlowPost = (url: string, auth: string, data: unknown, agent: http.Agent) => {
  const payload = Buffer.from(JSON.stringify(data))
  const half = Math.floor(payload.length / 2)
  let resolveSent: () => void
  const sent = new Promise<void>((resolve) => (resolveSent = resolve))
  const request = http.request(url, {
    method: 'POST',
    agent,
    headers: {
      authorization: auth,
      'content-type': 'application/json',
      'content-length': String(payload.length),
    },
  })
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('response', (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          connection: response.headers.connection,
          body: text ? JSON.parse(text) : undefined,
        }),
      )
    })
    request.on('error', reject)
  })
  request.flushHeaders()
  request.write(payload.subarray(0, half), () => resolveSent())
  return { sent, answer, finish: () => request.end(payload.subarray(half)) }
}

describeWithBuild()('graceful shutdown on SIGTERM', () => {
  const db = tempSqlite('shutdown')
  const inFlight = 8
  let restarted: CmsProcess | undefined
  let answers: Answer[] = []
  let refusedAfterSigterm: unknown
  let exitCode: number | string | null = null
  let output = ''

  beforeAll(async () => {
    const cms = await startCms({ databaseUrl: db.url, env: adminEnv() })
    const auth = await loginAdmin(cms.url)
    // Kept-alive connections, as browsers and proxies hold them.
    const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight })
    const slow = Array.from({ length: inFlight }, (_, index) =>
      startSlowPost(
        `${cms.url}/api/organizations`,
        auth,
        organizationData(`Shutdown school ${index}`),
        agent,
      ),
    )
    await Promise.all(slow.map((request) => request.sent))
    // Let the server read the headers of every request.
    await new Promise((resolve) => setTimeout(resolve, 500))
    const stopped = Date.now()
    const exited = cms.stop('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 500))
    refusedAfterSigterm = await fetch(`${cms.url}/api/health`).then(
      (response) => response.status,
      (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
    )
    for (const request of slow) request.finish()
    answers = await Promise.all(slow.map((request) => request.answer))
    exitCode = await exited
    console.log(
      `[shutdown] SIGTERM to exit: ${Date.now() - stopped} ms (1 s of it spent by the test)`,
    )
    output = cms.output()
    agent.destroy()
    restarted = await startCms({ databaseUrl: db.url })
  })

  afterAll(async () => {
    await restarted?.stop()
    db.remove()
  })

  it('should refuse new connections once SIGTERM is received', () => {
    expect(refusedAfterSigterm).toBe('ECONNREFUSED')
  })

  it('should answer every request in flight at SIGTERM with 2xx', () => {
    expect(answers.map((answer) => answer.status)).toEqual(Array(inFlight).fill(201))
  })

  it('should exit with code 0 after saying it is finishing requests', () => {
    expect(output).toContain('SIGTERM: finishing in-flight requests, then stopping')
    expect(exitCode).toBe(0)
  })

  it('should keep every write it acknowledged during shutdown', async () => {
    const auth = await loginAdmin(restarted!.url)
    const stored = await listOrganizationIds(restarted!.url, auth)
    for (const answer of answers) {
      expect(stored.get(answer.body.doc.id)).toBe(answer.body.doc.name)
    }
  })
})
