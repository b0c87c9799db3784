import { describe, expect, it } from 'vitest'

import { matchPage, negotiateLocale } from './router'

const LOCALES = ['en', 'uk', 'az']
const match = (path: string) => matchPage(path, LOCALES, 'en')

describe('matchPage', () => {
  it('should find the home, item and list pages of every locale', () => {
    expect(match('/')).toEqual({ kind: 'home', locale: 'en', path: '/' })
    expect(match('/uk')).toEqual({ kind: 'home', locale: 'uk', path: '/uk' })
    expect(match('/az/news')).toEqual({ kind: 'newsList', locale: 'az' })
    expect(match('/uk/events/baku')).toEqual({ kind: 'event', locale: 'uk', slug: 'baku' })
    expect(match('/en/news/a%20b')).toEqual({ kind: 'article', locale: 'en', slug: 'a b' })
  })

  it('should find the site-wide files', () => {
    expect(match('/robots.txt')).toEqual({ kind: 'robots' })
    expect(match('/sitemap.xml')).toEqual({ file: { kind: 'index' }, kind: 'sitemap' })
    expect(match('/sitemap-news-2.xml')).toEqual({
      file: { chunk: 2, kind: 'news' },
      kind: 'sitemap',
    })
    expect(match('/etw-site.css')).toEqual({ kind: 'stylesheet' })
    expect(match('/etw-icon.svg')).toEqual({ kind: 'icon' })
  })

  it('should send /news/{slug} to locale negotiation and name unknown locales', () => {
    expect(match('/news/baku')).toEqual({ kind: 'negotiate', section: 'news', slug: 'baku' })
    expect(match('/fr/news/baku')).toEqual({ kind: 'unknownLocale', locale: 'fr' })
  })

  it('should leave the admin, the API and Next’s paths alone', () => {
    for (const path of [
      '/admin',
      '/admin/collections/news',
      '/api/news',
      '/_next/static/x.js',
      '/favicon.ico',
      '/fr',
      '/widgets/demo',
    ]) {
      expect(match(path), path).toBeNull()
    }
  })
})

describe('negotiateLocale', () => {
  it('should pick the best available locale, a regional variant included', () => {
    expect(negotiateLocale('fr, uk-UA;q=0.9, en;q=0.5', LOCALES, 'en')).toBe('uk')
    expect(negotiateLocale('az;q=0.4, en;q=0.3', LOCALES, 'en')).toBe('az')
  })

  it('should fall back to the default locale', () => {
    expect(negotiateLocale(undefined, LOCALES, 'en')).toBe('en')
    expect(negotiateLocale('fr, de', LOCALES, 'en')).toBe('en')
  })
})
