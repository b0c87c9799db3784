import type { TFunction } from '@payloadcms/translations'

import { describe, expect, it } from 'vitest'

import { uk as ukStrings } from '../translations/uk'
import {
  validateCountry,
  validateEndsAfterStart,
  validateHttpUrl,
  validateNonNegative,
  validateTimeZone,
} from './validators'

/** A `req.t` that answers in Ukrainian from the plugin's own translations. */
const ukrainianT = ((key: string, vars: Record<string, string> = {}) => {
  const [namespace, name] = key.split(':')
  if (namespace === 'validation' && name === 'required') return 'Це поле обов’язкове.'
  const template = namespace === 'etw' ? ukStrings[name as 'invalidUrl'] : undefined
  return template ? template.replace(/\{\{(\w+)\}\}/g, (_, v: string) => vars[v] ?? '') : key
}) as TFunction

const uk = { req: { t: ukrainianT } }

describe('validateHttpUrl', () => {
  it('should accept an https link', () => {
    expect(validateHttpUrl('https://etwinning.org.ua/about')).toBe(true)
  })

  it('should refuse a javascript: link with an English message by default', () => {
    expect(validateHttpUrl('javascript:alert(1)')).toBe(
      'Enter a full web address that starts with http:// or https://.',
    )
  })

  it('should refuse a relative link in the editor’s language', () => {
    expect(validateHttpUrl('/news', uk)).toBe(
      'Введіть повну вебадресу, що починається з http:// або https://.',
    )
  })

  it('should let an optional empty link pass', () => {
    expect(validateHttpUrl('')).toBe(true)
  })

  it('should require a required link', () => {
    expect(validateHttpUrl(undefined, { ...uk, required: true })).toBe('Це поле обов’язкове.')
  })
})

describe('validateCountry', () => {
  it('should accept an ISO alpha-2 code', () => {
    expect(validateCountry('AZ')).toBe(true)
  })

  it('should name the code it refuses', () => {
    expect(validateCountry('XX')).toBe(
      '"XX" is not an ISO 3166-1 alpha-2 country code (for example UA or AZ).',
    )
  })

  it('should refuse a list that holds one unknown code', () => {
    expect(validateCountry(['UA', 'ZZ'], uk)).toBe(
      '«ZZ» не є кодом країни ISO 3166-1 alpha-2 (наприклад, UA або AZ).',
    )
  })
})

describe('validateTimeZone', () => {
  it('should accept Asia/Baku', () => {
    expect(validateTimeZone('Asia/Baku')).toBe(true)
  })

  it('should refuse an unknown zone with a message naming it', () => {
    expect(validateTimeZone('Mars/Olympus')).toMatch(/^"Mars\/Olympus" is not an IANA time zone/)
  })
})

describe('validateNonNegative', () => {
  it('should accept zero', () => {
    expect(validateNonNegative(0)).toBe(true)
  })

  it('should refuse a negative value', () => {
    expect(validateNonNegative(-5, uk)).toBe('Значення не може бути від’ємним.')
  })

  it('should refuse a value that is not a number', () => {
    expect(validateNonNegative('many')).toBe('Enter a number.')
  })
})

describe('validateEndsAfterStart', () => {
  const validate = validateEndsAfterStart('startsAt')
  const startsAt = '2023-05-15T05:00:00.000Z'

  it('should accept an end after the start', () => {
    expect(validate('2023-05-17T14:00:00.000Z', { siblingData: { startsAt } })).toBe(true)
  })

  it('should refuse an end before the start', () => {
    expect(validate('2023-05-14T00:00:00.000Z', { siblingData: { startsAt } })).toBe(
      'The end must be after the start.',
    )
  })

  it('should refuse an end equal to the start', () => {
    expect(validate(startsAt, { ...uk, siblingData: { startsAt } })).toBe(
      'Завершення має бути пізніше за початок.',
    )
  })

  it('should leave a missing start to the required check', () => {
    expect(validate('2023-05-14T00:00:00.000Z', { siblingData: {} })).toBe(true)
  })
})
