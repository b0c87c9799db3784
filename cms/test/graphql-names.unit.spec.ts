import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildSchema } from 'graphql'
import { describe, expect, it } from 'vitest'

// The committed schema is checked against the config by generated.int.spec.ts.
const schema = buildSchema(
  fs.readFileSync(
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql'),
    'utf8',
  ),
)
const queries = Object.keys(schema.getQueryType()?.getFields() ?? {})
const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {})

describe('GraphQL names', () => {
  it('should name list and single queries naturally, without all* prefixes', () => {
    expect(queries.filter((name) => /^all[A-Z]/.test(name))).toEqual([])
    expect(queries).toEqual(
      expect.arrayContaining([
        'News',
        'NewsItem',
        'Events',
        'Event',
        'Statistics',
        'Statistic',
        'Organizations',
        'Organization',
        'Media',
        'MediaItem',
      ]),
    )
  })

  it('should name mutations after the singular type', () => {
    expect(mutations).toEqual(
      expect.arrayContaining([
        'createNewsItem',
        'updateEvent',
        'createStatistic',
        'deleteMediaItem',
      ]),
    )
  })
})
