/**
 * `pnpm bench:search`: the search index with 100,000 news in three locales (en, uk, az), on SQLite
 * and on PostgreSQL, each in a fresh database of its own: the time of a full reindex, p50 and p95
 * of ten queries (a very common word, transliterated and prefix queries among them) through the
 * index alone and through the feed (`/api/etw/v1/news?q=`, its cache emptied before each call), and
 * the extra time per save (the same update with the index's hook and without it). Prints figures;
 * asserts nothing about speed.
 *
 *   BENCH_NEWS (default 100000), BENCH_RUNS (default 40), BENCH_DATABASES (default sqlite,postgres),
 *   ETW_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test),
 *   BENCH_KEEP=1 (keeps each database at the end and prints its URL or file, to study query plans:
 *   drop it by hand afterwards, `drop database etw_bench_search_<pid>` or the file's folder).
 */
import { fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { random } from './volume'

const NEWS = Number(process.env.BENCH_NEWS ?? 100_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 40)
const log = (message: string) => console.log(`[bench:search] ${message}`)

/** The ten queries: locale, words, what they show. */
const QUERIES: [locale: string, q: string, note: string][] = [
  ['en', 'etwinning', 'in every title'],
  ['uk', 'вчителі', 'common word'],
  ['uk', 'kyiv', 'Latin for Київ'],
  ['uk', 'кам’янець', 'apostrophe'],
  ['uk', 'семін', 'prefix'],
  ['az', 'BAKI', 'upper case, ı'],
  ['az', 'müəllim', 'prefix'],
  ['az', 'şəki məktəb', 'two words'],
  ['en', 'robotics workshop', 'two words'],
  ['en', 'lviv', 'rare-ish word'],
]

const WORDS: Record<string, string[]> = {
  en: 'teachers school project seminar conference students education partnership Kyiv Baku Lviv university webinar training languages robotics inclusion cooperation workshop Kamianets'.split(
    ' ',
  ),
  uk: 'вчителі школа проєкт семінар конференція учні освіта партнерство Київ Баку Львів університет вебінар навчання мови робототехніка інклюзія співпраця майстерня Кам’янець-Подільський'.split(
    ' ',
  ),
  az: 'müəllimlər məktəb layihə seminar konfrans şagirdlər təhsil tərəfdaşlıq Bakı Gəncə Şəki universitet vebinar təlim dillər robototexnika inklüziya əməkdaşlıq emalatxana Lənkəran'.split(
    ' ',
  ),
}

/** Syllables of the filler words of each locale's texts. */
const SYLLABLES: Record<string, string[]> = {
  en: 'ta ble ro mi na ter son ly pre con di ve ment ing sta for pla nu ex col'.split(' '),
  uk: 'ко ва ні ре ли па то му ше да бе ри жа ле ми чу ста про при на'.split(' '),
  az: 'ba lə mə şa gö çi ya ta rü qa nə sə dü xə ğı ka lı mu cə vü'.split(' '),
}

/** The machine's load average over 1, 5 and 15 minutes, as `uptime` prints it. */
const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ')

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN

const runChild = async (): Promise<void> => {
  const kind = process.env.BENCH_SEARCH_DATABASE as 'postgres' | 'sqlite'
  const { getPayload } = await import('payload')
  const plugin = await import('@etw/payload-plugin')
  const config = await (await import('../src/payload.config')).default
  const payload = await getPayload({ config })
  const label = (text: string) => `[${kind}] ${text}`

  // 1. 100,000 published news in en, uk and az, straight into the tables (the Local API would
  // take far longer); their index rows come from the full reindex below.
  const sqlModule =
    kind === 'sqlite'
      ? await import('@payloadcms/db-sqlite')
      : await import('@payloadcms/db-postgres')
  const { sql } = sqlModule
  const drizzle = (
    payload.db as unknown as { drizzle: Record<string, (q: unknown) => Promise<unknown>> }
  ).drizzle
  const run = (query: unknown) =>
    kind === 'sqlite' ? drizzle.run!(query) : drizzle.execute!(query)
  const next = random(2026)
  const pick = (items: string[]) => items[Math.floor(next() * items.length)]!
  // Texts of common filler words (skewed: a few very frequent, most rare) with one or two of the
  // meaningful words above: each meaningful word stands in a few percent of the news.
  const filler = Object.fromEntries(
    Object.entries(SYLLABLES).map(([locale, syllables]) => {
      const all: string[] = []
      for (const a of syllables) for (const b of syllables) all.push(a + b)
      for (const a of syllables)
        for (const b of syllables) for (const c of syllables.slice(0, 10)) all.push(a + b + c)
      return [locale, all]
    }),
  )
  const phrase = (locale: string, count: number) => {
    const words = Array.from({ length: count }, () => {
      const pool = filler[locale]!
      return pool[Math.floor(next() ** 3 * pool.length)]!
    })
    words[Math.floor(next() * count)] = pick(WORDS[locale]!)
    if (count > 10) words[Math.floor(next() * count)] = pick(WORDS[locale]!)
    return words.join(' ')
  }
  const paragraph = (text: string) =>
    JSON.stringify({
      root: {
        children: [
          { children: [{ text, type: 'text', version: 1 }], type: 'paragraph', version: 1 },
        ],
        type: 'root',
        version: 1,
      },
    })
  const base = Date.parse('2020-01-01T00:00:00Z')
  const span = Date.parse('2026-11-01T00:00:00Z') - base
  let started = performance.now()
  const batch = 250
  for (let start = 0; start < NEWS; start += batch) {
    const ids = Array.from({ length: Math.min(batch, NEWS - start) }, (_, i) => start + i + 1)
    await run(
      sql`insert into news (id, slug, published_at, country, _status) values ${sql.join(
        ids.map(
          (id) =>
            sql`(${id}, ${`bench-search-${id}`}, ${new Date(base + Math.floor(next() * span)).toISOString()}, ${'UA'}, ${'published'})`,
        ),
        sql`, `,
      )}`,
    )
    await run(
      sql`insert into news_locales (title, summary, body, _locale, _parent_id) values ${sql.join(
        ids.flatMap((id) =>
          ['en', 'uk', 'az'].map(
            (locale) =>
              sql`(${`eTwinning ${phrase(locale, 5)}`}, ${phrase(locale, 12)}, ${paragraph(phrase(locale, 40))}, ${locale}, ${id})`,
          ),
        ),
        sql`, `,
      )}`,
    )
  }
  if (kind === 'postgres') {
    await run(sql`select setval(pg_get_serial_sequence('news', 'id'), (select max(id) from news))`)
  }
  log(
    label(
      `inserted ${NEWS} news × 3 locales in ${((performance.now() - started) / 1000).toFixed(1)} s (batched SQL inserts into the news tables, not through Payload)`,
    ),
  )

  // 2. Full reindex.
  log(label(`load average before the reindex: ${loadAverage()}`))
  const { documents, milliseconds } = await plugin.reindexSearch(payload)
  log(
    label(
      `full reindex: ${documents} documents in ${(milliseconds / 1000).toFixed(1)} s (${((milliseconds / documents) * 1000).toFixed(0)} µs per document)`,
    ),
  )
  await run(sql`ANALYZE`)
  const rows = async (query: unknown) => {
    const result = (await run(query)) as { rows: Record<string, unknown>[] }
    return result.rows
  }
  const mb = (bytes: unknown) => `${(Number(bytes) / 1024 / 1024).toFixed(1)} MB`
  if (kind === 'sqlite') {
    const [{ index: indexBytes } = {}] = await rows(
      sql`SELECT sum(pgsize) AS "index" FROM dbstat WHERE name LIKE 'etw_search%'`,
    )
    const [{ bytes } = {}] = await rows(
      sql`SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()`,
    )
    log(label(`index on disk: ${mb(indexBytes)} (etw_search*, dbstat); database ${mb(bytes)}`))
  } else {
    const [{ index: indexBytes } = {}] = await rows(
      sql`SELECT pg_total_relation_size('etw_search') AS "index"`,
    )
    log(label(`index on disk: ${mb(indexBytes)} (etw_search with its indexes and TOAST)`))
  }

  // 3. Queries: the index alone, and the feed's uncached answer.
  const feed = plugin.getFeed(payload)
  log(label(`load average before the queries: ${loadAverage()}`))
  log(label(`queries (${RUNS} runs each; ms)            index p50   p95 | feed p50   p95 | hits`))
  for (const [locale, q, note] of QUERIES) {
    const index: number[] = []
    const whole: number[] = []
    let hits = 0
    for (let i = 0; i < RUNS + 3; i += 1) {
      started = performance.now()
      const found = await plugin.searchIds(payload, {
        collection: 'news',
        locale,
        query: q,
        state: 'published',
      })
      const indexMs = performance.now() - started
      hits = found.length
      feed.invalidate()
      started = performance.now()
      const response = await feed.handle({
        headers: { host: 'bench.example' },
        method: 'GET',
        url: `/api/etw/v1/news?locale=${locale}&limit=10&q=${encodeURIComponent(q)}`,
      })
      const feedMs = performance.now() - started
      if (response?.status !== 200) throw new Error(`${q}: the feed answered ${response?.status}`)
      if (i >= 3) {
        index.push(indexMs)
        whole.push(feedMs)
      }
    }
    index.sort((a, b) => a - b)
    whole.sort((a, b) => a - b)
    const f = (value: number) => value.toFixed(1).padStart(6)
    log(
      label(
        `${`${locale} "${q}" (${note})`.padEnd(40)} ${f(percentile(index, 50))}${f(percentile(index, 95))} | ${f(percentile(whole, 50))}${f(percentile(whole, 95))} | ${hits}${hits === 1000 ? ' (capped)' : ''}`,
      ),
    )
  }

  // 4. Extra time per save: the same updates with the index's hook and without it.
  const hooks = payload.collections.news.config.hooks.afterChange
  const saves = 10
  const timeSaves = async (round: number) => {
    const times: number[] = []
    for (let i = 0; i < saves; i += 1) {
      const id = 1 + ((round * saves + i) % NEWS)
      started = performance.now()
      await payload.update({
        collection: 'news',
        data: { title: `eTwinning ${phrase('en', 5)}` },
        id,
        overrideAccess: true,
      })
      times.push(performance.now() - started)
    }
    return times
  }
  await timeSaves(9) // warm-up
  const position = hooks.findIndex((hook) => hook.name === 'indexAfterChange')
  const hook = hooks[position]!
  const withIndex: number[] = []
  const without: number[] = []
  // Rounds alternate, so that a busy moment of the machine weighs on both alike.
  for (let round = 0; round < 4; round += 1) {
    withIndex.push(...(await timeSaves(round * 2)))
    hooks.splice(position, 1)
    without.push(...(await timeSaves(round * 2 + 1)))
    hooks.splice(position, 0, hook)
  }
  withIndex.sort((a, b) => a - b)
  without.sort((a, b) => a - b)
  const median = (values: number[]) => percentile(values, 50)
  log(
    label(
      `save (update of one news, median of ${withIndex.length}): ${median(withIndex).toFixed(1)} ms with the index, ${median(without).toFixed(1)} ms without: +${(median(withIndex) - median(without)).toFixed(1)} ms per save`,
    ),
  )
  log(label(`load average at the end: ${loadAverage()}`))
  await payload.destroy()
}

const runParent = async (): Promise<void> => {
  const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',')
  for (const kind of databases) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-bench-search-'))
    let url = pathToFileURL(path.join(work, 'bench.db')).href
    let drop = async () => fs.rmSync(work, { force: true, recursive: true })
    if (kind === 'postgres') {
      const { default: pg } = await import('pg')
      const adminUrl =
        process.env.ETW_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
      const name = `etw_bench_search_${process.pid}`
      const admin = new pg.Client({ connectionString: adminUrl })
      await admin.connect()
      await admin.query(`create database ${name}`)
      await admin.end()
      const target = new URL(adminUrl)
      target.pathname = `/${name}`
      url = target.href
      drop = async () => {
        const client = new pg.Client({ connectionString: adminUrl })
        await client.connect()
        await client.query(`drop database if exists ${name} with (force)`)
        await client.end()
        fs.rmSync(work, { force: true, recursive: true })
      }
    }
    log(`${kind}: ${NEWS} news`)
    const child = fork(fileURLToPath(import.meta.url), [], {
      env: {
        ...process.env,
        BENCH_SEARCH_DATABASE: kind,
        DATABASE_URL: url,
        ETW_SEED: 'false',
        PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'benchmark-secret-0123456789abcdef',
      },
      execArgv: ['--import', 'tsx'],
    })
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    if (process.env.BENCH_KEEP === '1') log(`${kind}: kept the database ${url}`)
    else await drop()
    if (code !== 0) throw new Error(`${kind}: the benchmark exited with ${code}`)
  }
}

if (process.env.BENCH_SEARCH_DATABASE) await runChild()
else await runParent()
process.exit(0)
