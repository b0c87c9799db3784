import { describe, expect, it } from 'vitest'
import { dayTime, linear, niceTicks, spread } from './etw-stats-chart.scale'
import { countryName, fill, formatDay, formatValue, t } from './etw-stats-chart.strings'

describe('niceTicks', () => {
  it('should frame the seeded history 4180 → 4308 with steps of 50', () => {
    expect(niceTicks(4180, 4308)).toEqual([4150, 4200, 4250, 4300, 4350])
  })

  it('should start bars at zero with steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 32_500)).toEqual([0, 10_000, 20_000, 30_000, 40_000])
    expect(niceTicks(0, 5103)).toEqual([0, 2000, 4000, 6000])
    expect(niceTicks(0, 46)).toEqual([0, 10, 20, 30, 40, 50])
  })

  it('should keep whole numbers whole for a small span', () => {
    expect(niceTicks(3, 5)).toEqual([3, 4, 5])
  })

  it('should give decimal ticks without floating-point noise', () => {
    expect(niceTicks(0.1, 0.35)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35])
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3])
  })

  it('should widen a single value into a span around it', () => {
    const ticks = niceTicks(4308, 4308)
    expect(ticks[0]).toBeLessThan(4308)
    expect(ticks.at(-1)).toBeGreaterThan(4308)
    expect(niceTicks(0, 0)).toEqual([-1, 0, 1])
  })
})

describe('linear', () => {
  it('should map the domain onto the range, reversed ranges included', () => {
    const y = linear(4150, 4350, 200, 0)
    expect(y(4150)).toBe(200)
    expect(y(4350)).toBe(0)
    expect(y(4250)).toBe(100)
  })

  it('should map an empty domain to the middle of the range', () => {
    expect(linear(5, 5, 0, 100)(5)).toBe(50)
  })
})

describe('dayTime and spread', () => {
  it('should read an ISO day at midnight UTC', () => {
    expect(dayTime('2023-05-15')).toBe(Date.UTC(2023, 4, 15))
  })

  it('should pick evenly spread indexes with the first and the last', () => {
    expect(spread(3, 5)).toEqual([0, 1, 2])
    expect(spread(11, 3)).toEqual([0, 5, 10])
  })
})

describe('chart strings', () => {
  it('should format values with the approximate marker and dates in the locale', () => {
    expect(formatValue('en', 160_000, true)).toBe('160,000+')
    expect(formatValue('uk', 4308)).toBe('4\u00a0308')
    expect(formatDay('en', '2023-05-15')).toBe('May 15, 2023')
    expect(formatDay('en', '2025-02-07', true)).toBe('Feb 2025')
  })

  it('should name countries and fill the summary', () => {
    expect(countryName('uk', 'AZ')).toBe('Азербайджан')
    expect(
      fill(t('en', 'chartCompare'), { a: '4,308', b: '2,100', c: 'Azerbaijan', e: 'Georgia' }),
    ).toBe('Highest: Azerbaijan, 4,308. Lowest: Georgia, 2,100.')
    expect(t('en', 'chartValue')).toBe('Value')
  })
})
