import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { cmsDir } from '../scripts/production-build'
import { describeWithBuild } from './helpers/cms-process'
import type { TestRedis } from './helpers/redis'
import { startRedis } from './helpers/redis'
import { loginAdmin, organizationData, postJson } from './helpers/system'
import type { OwnPostgres, Topology } from './helpers/topology'
import {
  getFrom,
  postFrom,
  startOwnPostgres,
  startTopology,
  topologyAvailable,
} from './helpers/topology'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const describeTopology = topologyAvailable('three instances behind HAProxy and Varnish')
  ? describeWithBuild()
  : (describe.skip as typeof describe)

const image = fs.readFileSync(path.resolve(cmsDir, '..', 'docs', 'images', 'demo.png'))

/** The per-client REST/GraphQL budget of this topology: generous for the editor, small for a flood. */
const BUDGET = { rate: 150, windowSeconds: 10, concurrency: 6 }

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

const feedTitles = async (baseUrl: string): Promise<string[]> => {
  const response = await fetch(`${baseUrl}/api/etw/v1/news?limit=20`)
  if (response.status !== 200) throw new Error(`${baseUrl} feed answered ${response.status}`)
  const { items } = (await response.json()) as { items: { title: string }[] }
  return items.map((item) => item.title)
}

/** Reads `urls` round-robin with `concurrency` loops until `signal` aborts; counts the outcomes. */
const steadyReads = async (urls: string[], concurrency: number, signal: AbortSignal) => {
  const outcome = { ok: 0, failed: [] as string[] }
  let next = 0
  const loop = async () => {
    while (!signal.aborted) {
      const url = urls[next++ % urls.length]!
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
        await response.arrayBuffer()
        if (response.status === 200) outcome.ok += 1
        else outcome.failed.push(`${url} → ${response.status}`)
      } catch (error) {
        outcome.failed.push(`${url} → ${(error as Error).message}`)
      }
      await sleep(20)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, loop))
  return outcome
}

describeTopology('three CMS instances behind HAProxy and Varnish, on PostgreSQL and Redis', () => {
  let postgres: OwnPostgres | undefined
  let redis: TestRedis | undefined
  let topology: Topology | undefined
  let mediaDir = ''
  let auth = ''
  let databaseUrl = ''
  let local: Payload | undefined

  const instances = () => topology!.instances

  beforeAll(async () => {
    postgres = await startOwnPostgres()
    const admin = new pg.Client({ connectionString: postgres.url })
    await admin.connect()
    await admin.query('create database etw')
    await admin.end()
    databaseUrl = postgres.databaseUrl('etw')
    redis = await startRedis()
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-shared-media-'))
    topology = await startTopology({
      databaseUrl,
      redisUrl: redis.url,
      mediaDir,
      env: {
        ETW_CLIENT_RATE: String(BUDGET.rate),
        ETW_CLIENT_RATE_WINDOW: String(BUDGET.windowSeconds),
        ETW_CLIENT_CONCURRENCY: String(BUDGET.concurrency),
      },
    })
    auth = await loginAdmin(topology.instances[0]!.url)
  })

  afterAll(async () => {
    await local?.destroy().catch(() => undefined)
    await topology?.stop()
    await redis?.stop()
    postgres?.remove()
    if (mediaDir) fs.rmSync(mediaDir, { recursive: true, force: true })
  })

  it('should answer a repeated feed read from Varnish', async () => {
    const url = `${topology!.cacheUrl}/api/etw/v1/news?limit=3`
    await fetch(url).then((response) => response.arrayBuffer())
    const second = await fetch(url)
    await second.arrayBuffer()
    expect(second.status).toBe(200)
    // Varnish names the request and the stored object it answered from: two ids on a hit.
    expect(second.headers.get('x-varnish')).toMatch(/^\d+ \d+$/)
    expect(second.headers.get('cache-control')).toMatch(/s-maxage=\d+/)
  })

  it('should show a publish on any instance in every instance and in Varnish without waiting for a TTL', async () => {
    const delays: number[] = []
    const readers = () => [topology!.cacheUrl, ...instances().map((instance) => instance.url)]
    for (let round = 0; round < 20; round += 1) {
      // Every reader has the feed cached before the publish.
      await Promise.all(readers().map(feedTitles))
      const title = `Instant ${round} ${Date.now()}`
      const writer = instances()[round % 3]!
      const { status } = await postJson(`${writer.url}/api/news`, auth, {
        _status: 'published',
        title,
      })
      expect(status).toBe(201)
      const acknowledged = Date.now()
      const pending = new Set(readers())
      while (pending.size > 0 && Date.now() - acknowledged < 10_000) {
        for (const reader of [...pending]) {
          if ((await feedTitles(reader)).includes(title)) pending.delete(reader)
        }
        if (pending.size > 0) await sleep(20)
      }
      expect([...pending], `still without "${title}"`).toEqual([])
      delays.push(Date.now() - acknowledged)
    }
    console.log(
      `[instances] publish → visible on all 3 instances and in Varnish, 20 publishes: ` +
        `p50 ${percentile(delays, 50)} ms, p99 ${percentile(delays, 99)} ms, max ${Math.max(...delays)} ms ` +
        `(feed cache TTL 60 s, s-maxage 300 s)`,
    )
  })

  it('should show a publish and an edit on the public pages through Varnish without waiting for a TTL', async () => {
    /** Reads `url` through Varnish until its body contains `text`; the milliseconds it took. */
    const untilShown = async (url: string, text: string, since: number) => {
      while (Date.now() - since < 10_000) {
        const response = await fetch(url)
        const body = await response.text()
        if (response.status === 200 && body.includes(text)) return Date.now() - since
        await sleep(20)
      }
      throw new Error(`${url} still without "${text}" after 10 s`)
    }
    /**
     * Reads `url` through Varnish until an answer comes from its copy (a ban repeated a second
     * after an earlier change may drop the first copy).
     */
    const cached = async (url: string) => {
      let ids: string | null = null
      for (let attempt = 0; attempt < 20 && !/^\d+ \d+$/.test(ids ?? ''); attempt += 1) {
        if (attempt > 0) await sleep(200)
        const response = await fetch(url)
        await response.arrayBuffer()
        expect(response.status, url).toBe(200)
        ids = response.headers.get('x-varnish')
      }
      expect(ids, `${url} from Varnish's copy`).toMatch(/^\d+ \d+$/)
    }
    const delays: number[] = []
    const cache = topology!.cacheUrl
    for (let round = 0; round < 6; round += 1) {
      const lists = [`${cache}/en/news`, `${cache}/`, `${cache}/uk`]
      await Promise.all(lists.map(cached))
      const title = `Page ${round} ${Date.now()}`
      const writer = instances()[round % 3]!
      const created = await postJson(`${writer.url}/api/news`, auth, {
        _status: 'published',
        title,
      })
      expect(created.status).toBe(201)
      const since = Date.now()
      for (const url of lists) delays.push(await untilShown(url, title, since))
      // An edit of the item reaches its own page too.
      const article = `${cache}/en/news/${created.body.doc.slug as string}`
      await cached(article)
      const edited = `${title} edited`
      const response = await fetch(
        `${instances()[(round + 1) % 3]!.url}/api/news/${created.body.doc.id}`,
        {
          method: 'PATCH',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify({ title: edited }),
        },
      )
      await response.arrayBuffer()
      expect(response.status).toBe(200)
      delays.push(await untilShown(article, edited, Date.now()))
    }
    console.log(
      `[instances] publish or edit → visible on public pages through Varnish (home, lists, article), ` +
        `${delays.length} reads: p50 ${percentile(delays, 50)} ms, p99 ${percentile(delays, 99)} ms, ` +
        `max ${Math.max(...delays)} ms (target 1 s; feed cache TTL 60 s, s-maxage 300 s)`,
    )
  })

  it('should refuse a client over its budget with 429 and Retry-After across instances, and serve others', async () => {
    const statuses: number[] = []
    let retryAfter: string | undefined
    const flood = async () => {
      for (let index = 0; index < 60; index += 1) {
        const response = await getFrom(
          '127.0.0.5',
          `${topology!.cacheUrl}/api/organizations?limit=1&depth=0`,
        )
        statuses.push(response.status)
        if (response.status === 429) retryAfter ??= String(response.headers['retry-after'])
      }
    }
    await Promise.all([flood(), flood(), flood()])
    const other = await getFrom('127.0.0.1', `${topology!.cacheUrl}/api/organizations?limit=1`)
    expect(statuses.filter((status) => status >= 500)).toEqual([])
    // 180 requests, at most 150 per window in all: each instance alone would have let all through.
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(30)
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
    expect(other.status).toBe(200)
  })

  it('should serve an image uploaded through one instance from the others and from Varnish', async () => {
    const form = new FormData()
    form.append('file', new Blob([image], { type: 'image/png' }), `shared-${Date.now()}.png`)
    form.append('_payload', JSON.stringify({ alt: 'Shared upload' }))
    const response = await fetch(`${instances()[0]!.url}/api/media`, {
      method: 'POST',
      headers: { authorization: auth },
      body: form,
    })
    const { doc } = (await response.json()) as { doc: { url: string } }
    expect(response.status).toBe(201)
    const filePath = new URL(doc.url, 'http://x').pathname
    for (const base of [instances()[1]!.url, instances()[2]!.url, topology!.cacheUrl]) {
      const file = await fetch(`${base}${filePath}`)
      expect(file.status, base).toBe(200)
      expect(Buffer.from(await file.arrayBuffer()).equals(image), base).toBe(true)
    }
  })

  it('should run a scheduled publish once across the three instances: one version, one audit entry', async () => {
    const { status, body } = await postJson(`${instances()[1]!.url}/api/news?draft=true`, auth, {
      title: `Scheduled across instances ${Date.now()}`,
    })
    expect(status).toBe(201)
    const id = body.doc.id as number
    // The job is queued as the admin's schedule button does, through the Local API.
    process.env.DATABASE_URL = databaseUrl
    process.env.PAYLOAD_SECRET = 'cms-process-test-secret-0123456789abcdef'
    process.env.ETW_SEED = 'false'
    const { getPayload } = await import('payload')
    const config = await (await import('../src/payload.config')).default
    local = await getPayload({ config, key: 'instances-system' })
    // The outage test stops PostgreSQL under this pool too; its idle connections then end.
    ;(local.db as unknown as { pool: { on: (event: 'error', fn: () => void) => void } }).pool.on(
      'error',
      () => undefined,
    )
    const users = await local.find({ collection: 'users', limit: 1, depth: 0 })
    const job = await local.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'news', value: String(id) },
        user: { relationTo: 'users', value: users.docs[0]!.id },
      } as never,
      waitUntil: new Date(),
    })
    // Every instance runs the job queue once a minute; a finished job is deleted.
    const until = Date.now() + 75_000
    let published = false
    while (Date.now() < until && !published) {
      const news = await local.findByID({ collection: 'news', id, depth: 0 })
      published = news._status === 'published'
      if (!published) await sleep(1_000)
    }
    expect(published).toBe(true)
    // The other instances' runners of the same minute have had their chance to run it again.
    await sleep(5_000)
    const left = await local.find({ collection: 'payload-jobs', where: { id: { equals: job.id } } })
    expect(left.totalDocs).toBe(0)
    const versions = await local.findVersions({
      collection: 'news',
      where: { parent: { equals: id }, 'version._status': { equals: 'published' } },
      depth: 0,
    })
    const audit = await local.find({
      collection: 'audit-log',
      where: { documentId: { equals: String(id) }, action: { equals: 'publish' } },
      depth: 0,
    })
    expect(versions.totalDocs).toBe(1)
    expect(audit.totalDocs).toBe(1)
  })

  it('should fall back to per-instance login throttling while Redis is down, answering no 5xx', async () => {
    await redis!.stop()
    try {
      const statuses: number[] = []
      // From an address of its own: wrong logins spend that address's budget, not the reader's.
      for (let attempt = 0; attempt < 12; attempt += 1) {
        const response = await postFrom('127.0.0.7', `${topology!.cacheUrl}/api/users/login`, {
          email: 'nobody@example.org',
          password: 'wrong password 123',
        })
        statuses.push(response.status)
      }
      const read = await fetch(`${topology!.cacheUrl}/api/organizations?limit=1`)
      expect(statuses.filter((status) => status >= 500)).toEqual([])
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true)
      expect(read.status).toBe(200)
      expect(instances().some((instance) => instance.output().includes('is unreachable'))).toBe(
        true,
      )
    } finally {
      await redis!.start()
    }
  })

  it('should keep reads answering, refuse writes with a JSON 503 and lose no acknowledged write while PostgreSQL is stopped for 10 s', async () => {
    const feedUrls = [
      `${topology!.cacheUrl}/api/etw/v1/news?limit=5`,
      `${topology!.lbUrl}/api/etw/v1/news?limit=7`,
      `${topology!.lbUrl}/api/etw/v1/events?limit=5`,
    ]
    // Every instance has answered each read once, as it has after some traffic: the cache that
    // answers during the outage is what the instances computed before it.
    for (const url of feedUrls) {
      const { pathname, search } = new URL(url)
      for (const instance of instances()) await fetch(`${instance.url}${pathname}${search}`)
      await fetch(url)
    }
    const controller = new AbortController()
    const reads = steadyReads(feedUrls, 3, controller.signal)
    const acknowledged = new Map<number, string>()
    const refused: { status: number; body: any }[] = []
    let writing = true
    const writes = (async () => {
      for (let index = 0; writing; index += 1) {
        const name = `During the outage ${index}`
        try {
          const result = await postJson(
            `${instances()[index % 3]!.url}/api/organizations`,
            auth,
            organizationData(name),
          )
          if (result.status === 201) acknowledged.set(result.body.doc.id, name)
          else refused.push(result)
        } catch {
          // no answer: not acknowledged
        }
        await sleep(250)
      }
    })()
    await sleep(1_000)
    postgres!.stop()
    const stoppedAt = Date.now()
    let health: { status: number; body: any } | undefined
    while (Date.now() - stoppedAt < 8_000) {
      const response = await fetch(`${instances()[0]!.url}/api/health`)
      health = { status: response.status, body: await response.json() }
      if (health.body.status === 'degraded') break
      await sleep(250)
    }
    await sleep(Math.max(0, 10_000 - (Date.now() - stoppedAt)))
    postgres!.start()
    let recovered = false
    for (const until = Date.now() + 30_000; Date.now() < until && !recovered;) {
      const statuses = await Promise.all(
        instances().map((instance) => fetch(`${instance.url}/api/health`).then((r) => r.status)),
      )
      recovered = statuses.every((status) => status === 200)
      if (!recovered) await sleep(500)
    }
    await sleep(2_000)
    writing = false
    await writes
    controller.abort()
    const outcome = await reads

    expect(health).toMatchObject({ status: 503, body: { status: 'degraded' } })
    expect(outcome.failed).toEqual([])
    expect(outcome.ok).toBeGreaterThan(100)
    const unavailable = refused.find((result) => result.status === 503)
    expect(unavailable?.body?.errors?.[0]?.message).toMatch(/database is unreachable/)
    expect(recovered).toBe(true)
    const after = await postJson(
      `${instances()[2]!.url}/api/organizations`,
      auth,
      organizationData('After the outage'),
    )
    expect(after.status).toBe(201)
    const stored = await local!.find({
      collection: 'organizations',
      where: { name: { like: 'During the outage' } },
      limit: 0,
      pagination: false,
      depth: 0,
    })
    const storedIds = new Set(stored.docs.map((doc) => doc.id))
    expect([...acknowledged.keys()].filter((id) => !storedIds.has(id))).toEqual([])
  })

  it('should answer every widget read through the load balancer while an instance is killed', async () => {
    const urls = [
      `${topology!.lbUrl}/api/etw/v1/news?limit=5`,
      `${topology!.lbUrl}/api/etw/v1/news?limit=5&locale=uk`,
      `${topology!.lbUrl}/api/etw/v1/events?when=upcoming&limit=5`,
      `${topology!.lbUrl}/api/etw/v1/stats?metrics=teachers,schools`,
      `${topology!.lbUrl}/widgets/etw-widgets.js`,
    ]
    const controller = new AbortController()
    const reads = steadyReads(urls, 4, controller.signal)
    await sleep(2_000)
    await instances()[2]!.stop('SIGKILL')
    await sleep(6_000)
    controller.abort()
    const outcome = await reads
    expect(outcome.failed).toEqual([])
    expect(outcome.ok).toBeGreaterThan(200)
  })
})
