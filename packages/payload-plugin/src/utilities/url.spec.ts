import { describe, expect, it } from 'vitest'

import { isHttpUrl } from './url'

describe('isHttpUrl', () => {
  it.each(['https://etwinning.org.ua/about', 'http://example.org', 'https://ədəbiyyat.az/x?y=1#z'])(
    'should accept %s',
    (url) => {
      expect(isHttpUrl(url)).toBe(true)
    },
  )

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'ftp://example.org',
    '/relative/path',
    '//example.org',
    'example.org',
    'https://user:secret@example.org',
    ' https://example.org',
    '',
  ])('should refuse %j', (url) => {
    expect(isHttpUrl(url)).toBe(false)
  })
})
