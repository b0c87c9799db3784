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

  it('should name a country in the admin language from Intl', () => {
    expect(['en', 'uk', 'az', 'de'].map((language) => countryName('AZ', language))).toEqual([
      'Azerbaijan',
      'Азербайджан',
      'Azərbaycan',
      'Aserbaidschan',
    ])
  })

  it('should name a country in Serbian Cyrillic and Latin for the rs and rs-latin admin languages', () => {
    expect([countryName('AZ', 'rs'), countryName('AZ', 'rs-latin')]).toEqual([
      'Азербејџан',
      'Azerbejdžan',
    ])
  })

  it('should name a country in English for a language ICU does not know', () => {
    expect(countryName('AZ', 'rs-latin-x')).toBe('Azerbaijan')
  })

  it('should offer one select option per code', () => {
    const options = countryOptions()
    expect(options).toHaveLength(COUNTRY_CODES.length)
    const ukraine = options.find((option) => option.value === 'UA')
    expect(ukraine?.label({ i18n: { language: 'uk' } })).toBe('Україна')
    expect(options[0]?.label({ i18n: { language: 'en' } })).toBe('Afghanistan')
  })
})
