import { describe, expect, it } from 'vitest'

import { TREND_SIZE, trendPoints } from './trend'

const { width, height, pad } = TREND_SIZE

describe('trendPoints', () => {
  it('should draw the seeded history rising from 4,180 to 4,308 across the whole chart', () => {
    expect(
      trendPoints([
        { asOf: '2023-05-15', value: 4180 },
        { asOf: '2025-02-07', value: 4308 },
      ]),
    ).toEqual([
      [pad, height - pad],
      [width - pad, pad],
    ])
  })

  it('should place snapshots at their real distance in time', () => {
    const [a, b, c] = trendPoints([
      { asOf: '2020-01-01', value: 1 },
      { asOf: '2020-01-02', value: 2 },
      { asOf: '2020-12-31', value: 3 },
    ])
    expect(b![0] - a![0]).toBeLessThan(1)
    expect(c![0] - b![0]).toBeGreaterThan(100)
  })

  it('should keep a flat series in the middle', () => {
    const points = trendPoints([
      { asOf: '2024-01-01', value: 1141 },
      { asOf: '2025-01-01', value: 1141 },
    ])
    expect(points.map(([, y]) => y)).toEqual([height / 2, height / 2])
  })
})
