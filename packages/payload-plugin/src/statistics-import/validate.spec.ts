import { describe, expect, it } from 'vitest'

import type { RawRow } from './columns'
import type { ValidationContext } from './validate'

import { parseDay, parseNumber, snapshotIdentity, validateRow, validateRows } from './validate'

const context: ValidationContext = {
  organizations: new Map<string, number | string>([
    ['k-pnu', 7],
    ['7', 7],
  ]),
}

const check = (cells: RawRow, extra: Partial<ValidationContext> = {}) =>
  validateRow({ cells, row: 2 }, { ...context, ...extra })

const base: RawRow = { metric: 'teachers', value: '4308', asOf: '2024-06-01', country: 'AZ' }

describe('validateRow', () => {
  it('should turn a country row into the snapshot the collection stores', () => {
    expect(check({ ...base, sourceTitle: 'NSS', sourceUrl: 'https://example.org/r' })).toEqual({
      messages: [],
      row: 2,
      status: 'valid',
      snapshot: {
        approximate: false,
        asOf: '2024-06-01T12:00:00.000Z',
        country: 'AZ',
        customKey: null,
        key: 'teachers',
        metric: 'teachers',
        organization: null,
        region: null,
        scope: 'country',
        scopeKey: 'country:AZ',
        source: { title: 'NSS', url: 'https://example.org/r' },
        value: 4308,
      },
    })
  })

  it('should read a custom key as a custom metric', () => {
    const { snapshot } = check({ ...base, metric: 'Partner-Schools' })
    expect(snapshot).toMatchObject({
      customKey: 'partner-schools',
      key: 'partner-schools',
      metric: 'custom',
    })
  })

  it('should name every missing required field', () => {
    expect(check({ scope: 'programme' }).messages).toEqual([
      'metric is required.',
      'value is required.',
      'asOf is required.',
    ])
  })

  it('should refuse a negative value', () => {
    expect(check({ ...base, value: '-5' })).toMatchObject({
      messages: ['The value must be 0 or more, not -5.'],
      status: 'invalid',
    })
  })

  it('should refuse an unknown country', () => {
    expect(check({ ...base, country: 'XX' }).messages).toEqual([
      '"XX" is not a known country code (ISO 3166-1 alpha-2, e.g. UA or AZ).',
    ])
  })

  it('should refuse a date that is not a calendar day', () => {
    expect(check({ ...base, asOf: '2024-02-30' }).messages).toEqual([
      '"2024-02-30" is not a date; write it as YYYY-MM-DD, e.g. 2024-06-01.',
    ])
    expect(check({ ...base, asOf: '01/06/2024' }).status).toBe('invalid')
  })

  it('should find an organization by slug or ID and refuse an unknown one', () => {
    expect(check({ ...base, organization: 'K-PNU' }).snapshot?.scopeKey).toBe('organization:7')
    expect(check({ ...base, organization: 'nowhere' }).messages).toEqual([
      'There is no organization "nowhere" (give its slug, short name, name or ID).',
    ])
  })

  it('should refuse a metric outside the allowed ones', () => {
    expect(check({ ...base, metric: 'students' }, { metrics: ['teachers'] }).messages).toEqual([
      'The metric "students" is not accepted here; accepted: teachers.',
    ])
  })

  it('should refuse a metric that is not a key', () => {
    expect(check({ ...base, metric: 'Teachers (all)' }).status).toBe('invalid')
  })

  it('should refuse a non-http source URL', () => {
    expect(check({ ...base, sourceUrl: 'javascript:alert(1)' }).messages).toEqual([
      'source URL: "javascript:alert(1)" is not an http:// or https:// address.',
    ])
  })

  it('should need a region for a region row', () => {
    expect(check({ ...base, scope: 'region' }).messages).toEqual(['region is required.'])
  })

  it('should infer a programme-wide scope from an empty row of scope fields', () => {
    expect(
      check({ metric: 'projects', value: 160000, approximate: 'yes', asOf: '2024-06-01' }).snapshot,
    ).toMatchObject({
      approximate: true,
      scope: 'programme',
      scopeKey: 'programme',
    })
  })
})

describe('validateRows', () => {
  it('should mark a stored snapshot as a duplicate and a repeated row as an error', () => {
    const existing = new Set([
      snapshotIdentity({ asOf: '2024-06-01', key: 'teachers', scopeKey: 'country:AZ' }),
    ])
    const results = validateRows(
      [
        { cells: base, row: 2 },
        { cells: { ...base, metric: 'schools' }, row: 3 },
        { cells: { ...base, metric: 'schools' }, row: 4 },
      ],
      context,
      existing,
    )
    expect(results.map(({ messages, status }) => ({ messages, status }))).toEqual([
      {
        messages: ['A snapshot of teachers for country:AZ on 2024-06-01 already exists.'],
        status: 'duplicate',
      },
      { messages: [], status: 'valid' },
      { messages: ['Same metric, scope and date as row 3.'], status: 'invalid' },
    ])
  })
})

describe('parseNumber and parseDay', () => {
  it('should read figures as spreadsheets write them', () => {
    expect([
      parseNumber('4 308'),
      parseNumber('4,308'),
      parseNumber(12.5),
      parseNumber('4.3k'),
    ]).toEqual([4308, 4308, 12.5, undefined])
  })

  it('should read a date cell and an ISO date as the stored noon UTC', () => {
    expect(parseDay(new Date('2024-06-01T00:00:00Z'))).toBe('2024-06-01T12:00:00.000Z')
    expect(parseDay('2024-06-01T08:30:00Z')).toBe('2024-06-01T12:00:00.000Z')
  })
})
