import { describe, expect, it } from 'vitest'

import { latestFigures } from './snapshots'

const row = (scopeKey: string, key: string, value: number, asOf: string) => ({
  asOf,
  key,
  metric: key,
  scope: scopeKey.split(':')[0] ?? scopeKey,
  scopeKey,
  value,
})

describe('latestFigures', () => {
  it('should give per scope and metric the latest figure and the one before it', () => {
    const [az] = latestFigures([
      row('country:AZ', 'teachers', 4180, '2023-05-01'),
      row('country:AZ', 'teachers', 4400, '2026-11-01'),
      row('country:AZ', 'teachers', 4308, '2024-01-01'),
    ])
    expect(az?.figures).toHaveLength(1)
    expect(az?.figures[0]?.latest.value).toBe(4400)
    expect(az?.figures[0]?.previous?.value).toBe(4308)
    expect(az?.figures[0]?.history.map((snapshot) => snapshot.value)).toEqual([4180, 4308, 4400])
  })

  it('should list the programme first, then countries, and metrics in counter order', () => {
    const scopes = latestFigures([
      row('organization:3', 'teachers', 1, '2024-01-01'),
      row('country:UA', 'projects', 2, '2024-01-01'),
      row('country:AZ', 'projects', 3, '2024-01-01'),
      row('country:AZ', 'teachers', 4, '2024-01-01'),
      row('programme', 'schools', 5, '2024-01-01'),
    ])
    expect(scopes.map((scope) => scope.scopeKey)).toEqual([
      'programme',
      'country:AZ',
      'country:UA',
      'organization:3',
    ])
    expect(scopes[1]?.figures.map((figure) => figure.key)).toEqual(['teachers', 'projects'])
  })
})
