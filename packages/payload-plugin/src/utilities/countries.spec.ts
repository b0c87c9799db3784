import { describe, expect, it } from 'vitest'

import { COUNTRY_CODES, countryName, countryOptions, isCountryCode } from './countries'

describe('countries', () => {
  it('should list every ISO 3166-1 alpha-2 code', () => {
    expect(COUNTRY_CODES.length).toBeGreaterThanOrEqual(249)
    expect(COUNTRY_CODES).toEqual(expect.arrayContaining(['AZ', 'BE', 'UA']))
  })

  it.each(['UA', 'AZ', 'PT'])('should accept %s', (code) => {
    expect(isCountryCode(code)).toBe(true)
  })

  it.each(['XX', 'ua', 'UKR', '', null])('should refuse %j', (code) => {
    expect(isCountryCode(code)).toBe(false)
  })

  it('should name a country in English, Ukrainian and Azerbaijani from Intl', () => {
    expect(countryName('AZ')).toEqual({ az: 'Azərbaycan', en: 'Azerbaijan', uk: 'Азербайджан' })
  })

  it('should offer one select option per code', () => {
    const options = countryOptions()
    expect(options).toHaveLength(COUNTRY_CODES.length)
    expect(options.find((option) => option.value === 'UA')?.label.uk).toBe('Україна')
  })
})
