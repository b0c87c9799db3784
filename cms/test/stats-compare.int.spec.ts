import { COUNTRY_CODES } from '@etw/payload-plugin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callFeed } from './helpers/feed'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

const STATS = '/api/etw/v1/stats'
const COMPARE = '/api/etw/v1/stats/compare'

/** The first `count` assigned ISO codes, for the bound of `countries`. */
const manyCountries = (count: number): string[] => COUNTRY_CODES.slice(0, count)

describeDb('statistics: previous snapshot and comparison by country', () => {
  let ctx: IntContext
  const call = (url: string, options?: Parameters<typeof callFeed>[2]) =>
    callFeed(ctx.payload, url, options)

  beforeAll(async () => {
    ctx = await bootPayload({ seed: true })
    const snapshots = [
      { country: 'UA', value: 31_000, asOf: '2024-09-01' },
      { country: 'UA', value: 32_500, asOf: '2025-03-01' },
      { country: 'GE', value: 2100, asOf: '2025-01-20' },
    ] as const
    for (const { asOf, country, value } of snapshots) {
      await ctx.payload.create({
        collection: 'statistics',
        data: { metric: 'teachers', value, asOf, scope: 'country', country },
        overrideAccess: true,
      })
    }
  })

  afterAll(async () => {
    await ctx?.close()
  })

  describe('previous value on /stats', () => {
    it('should give each metric the snapshot dated before its latest one', async () => {
      const res = await call(`${STATS}?country=AZ&metrics=teachers,projects`)
      expect(res.status).toBe(200)
      expect(
        res.json.metrics.map((metric: any) => [metric.key, metric.value, metric.previous]),
      ).toEqual([
        [
          'teachers',
          4308,
          { value: 4180, asOf: '2023-05-15', formatted: { value: '4,180', asOf: 'May 15, 2023' } },
        ],
        [
          'projects',
          5103,
          { value: 4445, asOf: '2023-05-15', formatted: { value: '4,445', asOf: 'May 15, 2023' } },
        ],
      ])
    })

    it('should give null when a metric has a single snapshot in the scope', async () => {
      const res = await call(`${STATS}?metrics=teachers`)
      expect(res.json.metrics[0]).toMatchObject({ value: 1_200_000, previous: null })
    })
  })

  describe('GET /stats/compare', () => {
    it('should give the latest value per country, highest first, and list the missing ones', async () => {
      const res = await call(`${COMPARE}?metric=teachers&countries=az,GE,UA,FR`)
      expect(res.status).toBe(200)
      expect(res.json.metric).toEqual({ key: 'teachers', label: 'Teachers' })
      expect(res.json.countries.map((item: any) => [item.country, item.value, item.asOf])).toEqual([
        ['UA', 32_500, '2025-03-01'],
        ['AZ', 4308, '2025-02-07'],
        ['GE', 2100, '2025-01-20'],
      ])
      expect(res.json.missing).toEqual(['FR'])
    })

    it('should label the metric in the requested locale', async () => {
      const res = await call(`${COMPARE}?metric=teachers&countries=AZ&locale=uk`)
      expect(res.json.locale).toBe('uk')
      expect(res.json.metric.label).toBe('Учителі')
    })

    it('should refuse unassigned country codes, naming each of them', async () => {
      const res = await call(`${COMPARE}?metric=teachers&countries=AZ,XX,QQ`)
      expect(res.status).toBe(400)
      expect(res.json.error.parameter).toBe('countries')
      expect(res.json.error.message).toContain('"XX", "QQ"')
    })

    it('should refuse more than 50 countries', async () => {
      const res = await call(`${COMPARE}?metric=teachers&countries=${manyCountries(51).join(',')}`)
      expect(res.status).toBe(400)
      expect(res.json.error).toMatchObject({ parameter: 'countries', code: 'invalid_parameter' })
      expect(res.json.error.message).toContain('at most 50')
    })

    it('should take 50 countries', async () => {
      const res = await call(`${COMPARE}?metric=teachers&countries=${manyCountries(50).join(',')}`)
      expect(res.status).toBe(200)
      expect(res.json.countries.length + res.json.missing.length).toBe(50)
    })

    it('should refuse a metric no snapshot uses, naming it', async () => {
      const res = await call(`${COMPARE}?metric=exchange-visits&countries=AZ`)
      expect(res.status).toBe(400)
      expect(res.json.error.parameter).toBe('metric')
      expect(res.json.error.message).toContain('"exchange-visits"')
    })

    it('should require metric and countries', async () => {
      expect((await call(`${COMPARE}?countries=AZ`)).json.error.parameter).toBe('metric')
      expect((await call(`${COMPARE}?metric=teachers`)).json.error.parameter).toBe('countries')
    })

    it('should be cached and revalidated like the other feed routes', async () => {
      const url = `${COMPARE}?metric=teachers&countries=AZ,UA`
      const first = await call(url)
      expect(first.headers['cache-control']).toContain('s-maxage=')
      expect(first.headers['access-control-allow-origin']).toBe('*')
      const again = await call(url, { headers: { 'if-none-match': first.headers.etag as string } })
      expect(again.status).toBe(304)
      // The same comparison written otherwise is the same cache entry.
      const other = await call(`${COMPARE}?countries=az,ua&metric=teachers`)
      expect(other.headers.etag).toBe(first.headers.etag)
    })
  })

  describe('compareStatistics (GraphQL)', () => {
    it('should answer as the feed does', async () => {
      const res = await ctx.api.graphql(
        `query ($countries: [String!]!) {
          compareStatistics(metric: "teachers", countries: $countries) {
            metric { key label }
            countries { country value asOf approximate }
            missing
          }
        }`,
        { countries: ['GE', 'AZ', 'FR'] },
      )
      expect(res.body.errors).toBeUndefined()
      expect(res.body.data.compareStatistics).toEqual({
        metric: { key: 'teachers', label: 'Teachers' },
        countries: [
          { country: 'AZ', value: 4308, asOf: '2025-02-07', approximate: false },
          { country: 'GE', value: 2100, asOf: '2025-01-20', approximate: false },
        ],
        missing: ['FR'],
      })
    })

    it('should refuse unknown codes with the parameter named', async () => {
      const res = await ctx.api.graphql(
        `{ compareStatistics(metric: "teachers", countries: ["AZ", "ZZ"]) { missing } }`,
      )
      expect(res.body.errors?.[0]?.message).toContain('"ZZ"')
      expect(res.body.errors?.[0]).toMatchObject({
        extensions: { statusCode: 400, data: { parameter: 'countries' } },
      })
    })

    it('should give the previous snapshot on latestStatistics', async () => {
      const res = await ctx.api.graphql(
        `{ latestStatistics(country: "AZ", metrics: ["teachers"]) { metrics { value previous { value asOf } } } }`,
      )
      expect(res.body.data.latestStatistics.metrics).toEqual([
        { value: 4308, previous: { value: 4180, asOf: '2023-05-15' } },
      ])
    })
  })
})
