import { describe, expect, it } from 'vitest'

import { COUNTRY_CODES } from '../utilities/countries'
import { FeedError } from './errors'
import {
  MAX_PAGE,
  parseCountry,
  parseCountryList,
  parseDocumentId,
  parseEnum,
  parseIsoDate,
  parseLimit,
  parseLocale,
  parseMetricList,
  parsePage,
  parseQueryString,
  parseSlug,
  parseTag,
  refuseUnknownParameters,
} from './params'

const errorOf = (fn: () => unknown): FeedError => {
  try {
    fn()
  } catch (error) {
    if (error instanceof FeedError) return error
    throw error
  }
  throw new Error('expected a FeedError')
}

describe('parseQueryString', () => {
  it('should decode parameters', () => {
    expect(parseQueryString('tag=erasmus%2B&country=UA')).toEqual(
      new Map([
        ['tag', 'erasmus+'],
        ['country', 'UA'],
      ]),
    )
  })

  it('should refuse a repeated parameter, naming it', () => {
    const error = errorOf(() => parseQueryString('country=UA&country=AZ'))
    expect(error.toBody().error).toMatchObject({ code: 'invalid_parameter', parameter: 'country' })
  })

  it('should refuse an overlong value', () => {
    expect(errorOf(() => parseQueryString(`tag=${'x'.repeat(201)}`)).parameter).toBe('tag')
  })
})

describe('refuseUnknownParameters', () => {
  it('should name the first unknown parameter', () => {
    const error = errorOf(() =>
      refuseUnknownParameters(new Map([['callback', 'x']]), ['country', 'limit']),
    )
    expect(error.code).toBe('unknown_parameter')
    expect(error.parameter).toBe('callback')
    expect(error.message).toContain('country, limit')
  })
})

describe('parseLimit', () => {
  it('should apply the default when absent', () => {
    expect(parseLimit(undefined, 5, 50)).toBe(5)
  })

  it('should accept the maximum', () => {
    expect(parseLimit('50', 5, 50)).toBe(50)
  })

  it.each(['51', '0', '-1', '2.5', 'five', '', ' 5', '1e1'])('should refuse %j', (value) => {
    expect(errorOf(() => parseLimit(value, 5, 50)).parameter).toBe('limit')
  })
})

describe('parsePage', () => {
  it('should default to the first page', () => {
    expect(parsePage(undefined)).toBe(1)
  })

  it('should refuse a page beyond the maximum', () => {
    expect(errorOf(() => parsePage(String(MAX_PAGE + 1))).parameter).toBe('page')
  })
})

describe('parseCountry', () => {
  it('should accept a code in lower case and return it in upper case', () => {
    expect(parseCountry('az')).toBe('AZ')
  })

  it.each(['XX', 'AZE', '', 'U'])('should refuse %j', (value) => {
    expect(errorOf(() => parseCountry(value)).parameter).toBe('country')
  })
})

describe('parseLocale', () => {
  it('should default to the default locale', () => {
    expect(parseLocale(undefined, ['en', 'uk'], 'en')).toBe('en')
  })

  it('should serve the default locale for a language the config does not have', () => {
    expect(parseLocale('ar', ['en', 'uk'], 'en')).toBe('en')
  })

  it('should serve the configured locale equal to the tag, in any case', () => {
    expect(parseLocale('PT-br', ['en', 'pt', 'pt-BR'], 'en')).toBe('pt-BR')
  })

  it("should serve the tag's language when the config has not its region (pt-BR → pt)", () => {
    expect(parseLocale('pt-BR', ['en', 'pt'], 'en')).toBe('pt')
    expect(parseLocale('uk-UA', ['en', 'uk'], 'en')).toBe('uk')
  })

  it.each(['en_US', 'e', '-en', 'en-', 'en--US', 'ar-toolongsubtag', `en-${'a'.repeat(40)}`, ''])(
    'should refuse %j, which is not a language tag',
    (value) => {
      expect(errorOf(() => parseLocale(value, ['en', 'uk'], 'en')).parameter).toBe('locale')
    },
  )
})

describe('parseSlug and parseTag', () => {
  it('should lower-case a slug', () => {
    expect(parseSlug('organization', 'K-PNU')).toBe('k-pnu')
  })

  it('should refuse a slug with other characters', () => {
    expect(errorOf(() => parseSlug('organization', 'k pnu')).parameter).toBe('organization')
  })

  it('should normalize a tag as tags are stored', () => {
    expect(parseTag('  Seminar ')).toBe('seminar')
  })
})

describe('parseMetricList', () => {
  it('should keep the order given and drop repeats', () => {
    expect(parseMetricList('projects,teachers,projects')).toEqual(['projects', 'teachers'])
  })

  it('should accept custom keys', () => {
    expect(parseMetricList('partner-schools')).toEqual(['partner-schools'])
  })

  it('should refuse something that cannot be a metric key', () => {
    expect(errorOf(() => parseMetricList('teachers,Bad Key')).parameter).toBe('metrics')
  })
})

describe('parseCountryList', () => {
  it('should upper-case the codes and drop repeats, in the order given', () => {
    expect(parseCountryList('countries', 'az, UA,ge,AZ')).toEqual(['AZ', 'UA', 'GE'])
  })

  it('should name every unassigned code', () => {
    const error = errorOf(() => parseCountryList('countries', 'AZ,XX,,Q1'))
    expect(error.parameter).toBe('countries')
    expect(error.message).toContain('"XX", "", "Q1"')
  })

  it('should take 50 different countries and refuse 51', () => {
    expect(parseCountryList('countries', COUNTRY_CODES.slice(0, 50).join(','))).toHaveLength(50)
    const error = errorOf(() => parseCountryList('countries', COUNTRY_CODES.slice(0, 51).join(',')))
    expect(error.message).toContain('at most 50')
  })
})

describe('parseIsoDate', () => {
  it('should read a date as the start of the day for from', () => {
    expect(parseIsoDate('from', '2025-05-15', 'start')?.toISOString()).toBe(
      '2025-05-15T00:00:00.000Z',
    )
  })

  it('should read a date as the end of the day for to', () => {
    expect(parseIsoDate('to', '2025-05-15', 'end')?.toISOString()).toBe('2025-05-15T23:59:59.999Z')
  })

  it('should read a date-time with an offset', () => {
    expect(parseIsoDate('from', '2025-05-15T09:00:00+04:00', 'start')?.toISOString()).toBe(
      '2025-05-15T05:00:00.000Z',
    )
  })

  it.each(['2025-02-30', '15.05.2025', '2025-05-15T09:00', 'tomorrow', '2025-13-01'])(
    'should refuse %j',
    (value) => {
      expect(errorOf(() => parseIsoDate('from', value, 'start')).parameter).toBe('from')
    },
  )
})

describe('parseEnum', () => {
  it('should refuse a value outside the list', () => {
    const error = errorOf(() => parseEnum('when', 'soon', ['upcoming', 'past'], 'upcoming'))
    expect(error.parameter).toBe('when')
    expect(error.message).toContain('upcoming, past')
  })
})

describe('parseDocumentId', () => {
  it('should read a number id on SQL databases', () => {
    expect(parseDocumentId('id', '42', 'number')).toBe(42)
  })

  it('should refuse text where numbers are expected', () => {
    expect(errorOf(() => parseDocumentId('id', 'abc', 'number')).parameter).toBe('id')
  })

  it('should read an ObjectId on MongoDB', () => {
    expect(parseDocumentId('id', '65f1c0ffee0000000000abcd', 'text')).toBe(
      '65f1c0ffee0000000000abcd',
    )
  })
})
