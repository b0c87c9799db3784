import { describe, expect, it } from 'vitest'

import { previousFigureQuery } from './previousQuery'

const conditions = (query: string | undefined) =>
  query === undefined ? undefined : Object.fromEntries(new URLSearchParams(query))

describe('previousFigureQuery', () => {
  it('should ask for the latest snapshot of the same metric and country before the date typed', () => {
    expect(
      conditions(
        previousFigureQuery(
          { metric: 'teachers', scope: 'country', country: 'AZ', asOf: '2026-01-15T12:00:00.000Z' },
          7,
        ),
      ),
    ).toEqual({
      'where[and][0][metric][equals]': 'teachers',
      'where[and][1][scope][equals]': 'country',
      'where[and][2][country][equals]': 'AZ',
      'where[and][3][asOf][less_than]': '2026-01-15T00:00:00.000Z',
      'where[and][4][id][not_equals]': '7',
      sort: '-asOf',
      limit: '1',
      depth: '0',
    })
  })

  it('should match a custom metric by its key and an organization by its id', () => {
    expect(
      conditions(
        previousFigureQuery({
          metric: 'custom',
          customKey: 'Partner-Schools ',
          scope: 'organization',
          organization: { id: 3 },
        }),
      ),
    ).toMatchObject({
      'where[and][0][key][equals]': 'partner-schools',
      'where[and][1][scope][equals]': 'organization',
      'where[and][2][organization][equals]': '3',
    })
  })

  it('should wait until the metric and the scope are complete', () => {
    expect(previousFigureQuery({ scope: 'country', country: 'AZ' })).toBeUndefined()
    expect(previousFigureQuery({ metric: 'teachers', scope: 'country' })).toBeUndefined()
    expect(previousFigureQuery({ metric: 'custom', scope: 'programme' })).toBeUndefined()
    expect(
      previousFigureQuery({ metric: 'teachers', scope: 'region', country: 'AZ' }),
    ).toBeUndefined()
    expect(previousFigureQuery({ metric: 'schools' })).toContain('scope%5D%5Bequals%5D=programme')
  })
})
