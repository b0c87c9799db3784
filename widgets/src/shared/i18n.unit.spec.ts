import type { EventFormat, EventKind } from '@etw/client'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { EN as ARTICLE } from '../etw-article/etw-article.strings'
import { EN as EVENTS } from '../etw-events/etw-events.strings'
import { EN as NEWS } from '../etw-news-feed/etw-news-feed.strings'
import { EN as CHART } from '../etw-stats-chart/etw-stats-chart.strings'
import { EN as STATS } from '../etw-stats/etw-stats.strings'
import type { Strings } from './i18n'
import { EN as LISTS } from './items'

const dir = new URL('../locales/', import.meta.url)

/**
 * The names of what the feed sends by key, which the widgets show in the page's language (the
 * CMS's own labels exist only in its content locales). Typed so that a new format or kind fails
 * the typecheck until it is here.
 */
const FORMATS: Record<EventFormat, string> = {
  'in-person': 'In person',
  online: 'Online',
  hybrid: 'Hybrid',
}
const KINDS: Record<EventKind, string> = {
  seminar: 'Seminar',
  training: 'Training',
  meeting: 'Meeting',
  webinar: 'Webinar',
  conference: 'Conference',
}
const METRICS = {
  teachers: 'Teachers',
  schools: 'Schools',
  projects: 'Projects',
  students: 'Students',
  countries: 'Countries',
}

/** Every key a language file must have, with its English text. */
const ENGLISH: Strings = {
  ...LISTS,
  ...EVENTS,
  ...ARTICLE,
  ...STATS,
  ...CHART,
  ...NEWS,
  ...METRICS,
  ...FORMATS,
  ...KINDS,
}

/** The languages of every eTwinning country (the EU's official ones and the partner countries'). */
const ETWINNING = [
  ...['bg', 'hr', 'cs', 'da', 'nl', 'en', 'et', 'fi', 'fr', 'de', 'el', 'hu', 'ga', 'it', 'lv'],
  ...['lt', 'mt', 'pl', 'pt', 'ro', 'sk', 'sl', 'es', 'sv'],
  ...['sq', 'mk', 'sr', 'bs', 'tr', 'is', 'nb', 'no', 'hy', 'az', 'ka', 'uk', 'ar'],
]

const LANGUAGES = readdirSync(dir)
  .filter((file) => /^[a-z]{2,3}\.json$/.test(file))
  .map((file) => file.slice(0, -5))

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('widget strings', () => {
  it('should ship a strings file for every eTwinning language but English, which is built in', () => {
    expect(LANGUAGES.sort()).toEqual(ETWINNING.filter((lang) => lang !== 'en').sort())
  })

  it('should keep the keys of the tags apart (one chunk per language holds them all)', () => {
    const keys = [LISTS, EVENTS, ARTICLE, METRICS, FORMATS, KINDS].flatMap(Object.keys)
    expect(new Set(keys).size).toBe(keys.length)
  })

  for (const lang of LANGUAGES) {
    it(`should have every key in ${lang}, no unknown one, and the English placeholders`, () => {
      const strings = JSON.parse(readFileSync(new URL(`${lang}.json`, dir), 'utf8')) as Strings
      expect(Object.keys(strings).sort()).toEqual(Object.keys(ENGLISH).sort())
      for (const [key, english] of Object.entries(ENGLISH)) {
        const text = strings[key] ?? ''
        expect(text.trim(), `${lang}: ${key}`).not.toBe('')
        expect(placeholders(text), `${lang}: ${key}`).toEqual(placeholders(english))
      }
    })
  }

  it('should give every language a status in the README beside the strings', () => {
    const readme = readFileSync(new URL('README.md', dir), 'utf8')
    for (const lang of LANGUAGES) {
      expect(readme).toMatch(
        new RegExp(
          `^\\| \`${lang}\` +\\| .+ \\| \\[${lang}\\.json\\]\\(${lang}\\.json\\) +\\| (machine-made|reviewed by a native speaker) +\\|$`,
          'm',
        ),
      )
    }
  })
})
