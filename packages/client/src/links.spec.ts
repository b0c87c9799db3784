import { describe, expect, it } from 'vitest'

import { applyLinkTemplate, publicPagePath } from './links'

const values = { id: '42', locale: 'uk', slug: 'zustrich-u-kyievi' }

describe('applyLinkTemplate', () => {
  it('should fill every placeholder of an https template', () => {
    expect(
      applyLinkTemplate(
        'https://univ.example/etwinning/article?slug={slug}&lang={locale}&n={id}',
        values,
      ),
    ).toBe('https://univ.example/etwinning/article?slug=zustrich-u-kyievi&lang=uk&n=42')
  })

  it('should URL-encode the values it inserts', () => {
    expect(applyLinkTemplate('https://univ.example/a/{slug}', { ...values, slug: 'a b&c' })).toBe(
      'https://univ.example/a/a%20b%26c',
    )
  })

  it('should refuse a template whose result is not http or https', () => {
    expect(applyLinkTemplate('javascript:alert({id})', values)).toBeNull()
    expect(applyLinkTemplate('/relative/{slug}', values)).toBeNull()
    expect(applyLinkTemplate('{slug}', { ...values, slug: 'https:' })).toBeNull()
  })

  it('should give null for an empty template', () => {
    expect(applyLinkTemplate('', values)).toBeNull()
    expect(applyLinkTemplate(undefined, values)).toBeNull()
  })
})

describe('publicPagePath', () => {
  it('should build the locale, kind and slug path', () => {
    expect(publicPagePath('events', 'az', 'baki-seminari')).toBe('/az/events/baki-seminari')
  })
})
