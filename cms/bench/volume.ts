import type { Payload } from 'payload'

/** Deterministic pseudo-random numbers, so every run generates the same volume. */
export const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}

/** Countries of the generated news and events. */
export const COUNTRIES = ['UA', 'AZ', 'PL', 'FI', 'PT', 'SK', 'SI', 'BG', 'CZ', 'AL', 'GE', 'MD']
/** Tags of the generated news: every news carries `etwinning` and one other. */
export const TAGS = [
  'etwinning',
  'seminar',
  'training',
  'webinar',
  'school',
  'inclusion',
  'stem',
  'languages',
]

interface SqliteClient {
  batch: (statements: { sql: string; args: unknown[] }[], mode: 'write') => Promise<unknown>
  execute: (
    statement: string | { sql: string; args: unknown[] },
  ) => Promise<{ rows: Record<string, unknown>[] }>
}

/**
 * Inserts `count` published news straight into the SQLite tables (the Local API would take
 * minutes for 100,000 documents). Titles, countries, organizations and tags vary.
 */
export const insertNews = async (payload: Payload, count: number, offset = 0): Promise<void> => {
  const client = (payload.db as unknown as { client: SqliteClient }).client
  const organizations = (await client.execute('select id from organizations')).rows.map((row) =>
    Number(row.id),
  )
  const media = (await client.execute('select id from media')).rows.map((row) => Number(row.id))
  const next = random(42 + offset)
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T
  const base = Date.parse('2020-01-01T00:00:00Z')
  const span = Date.parse('2026-11-01T00:00:00Z') - base
  const maxId = Number(
    (await client.execute('select coalesce(max(id), 0) as id from news')).rows[0]?.id ?? 0,
  )
  const batchSize = 500
  for (let start = 0; start < count; start += batchSize) {
    const statements: { sql: string; args: unknown[] }[] = []
    for (let i = start; i < Math.min(count, start + batchSize); i += 1) {
      const id = maxId + i + 1
      const publishedAt = new Date(base + Math.floor(next() * span)).toISOString()
      statements.push({
        sql: 'insert into news (id, slug, cover_id, published_at, organization_id, country, _status) values (?, ?, ?, ?, ?, ?, ?)',
        args: [
          id,
          `bench-news-${id}`,
          next() < 0.5 && media.length ? pick(media) : null,
          publishedAt,
          organizations.length ? pick(organizations) : null,
          pick(COUNTRIES),
          'published',
        ],
      })
      statements.push({
        sql: 'insert into news_locales (title, summary, _locale, _parent_id) values (?, ?, ?, ?), (?, ?, ?, ?)',
        args: [
          `Benchmark news ${id}`,
          `Summary of benchmark news ${id}.`,
          'en',
          id,
          `Новина ${id}`,
          `Підсумок новини ${id}.`,
          'uk',
          id,
        ],
      })
      statements.push({
        sql: 'insert into news_texts ("order", parent_id, path, text) values (1, ?, ?, ?), (2, ?, ?, ?)',
        args: [id, 'tags', 'etwinning', id, 'tags', pick(TAGS)],
      })
    }
    await client.batch(statements, 'write')
  }
}

/** Creates `count` published events through the Local API (hooks, validation and versions included). */
export const createEvents = async (payload: Payload, count: number): Promise<void> => {
  const next = random(7)
  const now = Date.now()
  for (let i = 0; i < count; i += 1) {
    const start = now + Math.floor((next() - 0.5) * 2 * 365 * 86_400_000)
    await payload.create({
      collection: 'events',
      data: {
        title: `Benchmark event ${i + 1}`,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 2 * 3_600_000).toISOString(),
        timeZone: 'Europe/Kyiv',
        format: 'online',
        kind: 'webinar',
        country: COUNTRIES[i % COUNTRIES.length] as 'UA',
        _status: 'published',
      },
      context: { etwSeed: true },
      overrideAccess: true,
    })
  }
}

/** Creates `count` statistics snapshots (one metric, country and day each). */
export const createStatistics = async (payload: Payload, count: number): Promise<void> => {
  const metrics = ['teachers', 'schools', 'projects', 'students'] as const
  for (let i = 0; i < count; i += 1) {
    const day = new Date(
      Date.parse('2015-01-01T12:00:00Z') +
        Math.floor(i / (metrics.length * COUNTRIES.length)) * 86_400_000 * 7,
    )
    await payload.create({
      collection: 'statistics',
      data: {
        metric: metrics[i % metrics.length] as 'teachers',
        value: 1000 + i,
        asOf: day.toISOString(),
        scope: 'country',
        country: COUNTRIES[Math.floor(i / metrics.length) % COUNTRIES.length] as 'UA',
      },
      context: { etwSeed: true },
      overrideAccess: true,
    })
  }
}
