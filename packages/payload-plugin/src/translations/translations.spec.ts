import { readFileSync } from 'node:fs'

import type { AcceptedLanguages } from '@payloadcms/translations'

import { initI18n } from '@payloadcms/translations'
import { de } from '@payloadcms/translations/languages/de'
import { en as payloadEn } from '@payloadcms/translations/languages/en'
import { ja } from '@payloadcms/translations/languages/ja'
import { uk as payloadUk } from '@payloadcms/translations/languages/uk'
import type { Config, SanitizedConfig } from 'payload'

import { describe, expect, it } from 'vitest'

import { applyDefaults } from '../defaults'
import { generateSettingsGlobal } from '../globals/Settings'
import { etwPlugin } from '../plugin'
import { en } from './en'
import { etwI18nTranslations, etwLanguages, etwString } from './index'

const keys = Object.keys(en).sort()
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
const languages = Object.keys(etwLanguages).filter((language) => language !== 'en')

describe('etw translations', () => {
  it.each(languages)('should have every key of the English source in %s, and no other', (code) => {
    expect(Object.keys(etwLanguages[code]!).sort()).toEqual(keys)
  })

  it.each(languages)('should give %s a non-empty string with the same placeholders', (code) => {
    const table = etwLanguages[code] as Record<string, unknown>
    const wrong = keys.filter((key) => {
      const text = table[key]
      return (
        typeof text !== 'string' ||
        text.trim() === '' ||
        placeholders(text).join() !== placeholders(en[key as keyof typeof en]).join()
      )
    })
    expect(wrong).toEqual([])
  })

  it('should list every shipped language in the README status table', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8')
    const rows = [...readme.matchAll(/^\| `([\w-]+)` +\|/gm)].map((m) => m[1]).sort()
    expect(rows).toEqual(Object.keys(etwLanguages).sort())
  })

  it('should fill a language without strings of its own with English, never a raw key', () => {
    const { ja: japanese } = etwI18nTranslations(['ja'])
    expect(japanese?.etw).toEqual(en)
    expect(etwString('ja', 'newsTitleLabel')).toBe('Title')
  })

  it('should write Serbian Latin as the transliterated Cyrillic strings', () => {
    expect([etwString('rs', 'pageNews'), etwString('rs-latin', 'pageNews')]).toEqual([
      'Вести',
      'Vesti',
    ])
    expect(etwString('rs-latin', 'eventsParticipantGroupsLabel')).toBe('Grupe učesnika')
  })

  it('should read a page string in Ukrainian and fill in its values', () => {
    expect(etwString('uk', 'pageNews')).toBe('Новини')
    expect(etwString('en', 'scheduleFailed', { message: 'boom' })).toBe(
      'Scheduled publishing failed: boom',
    )
  })
})

describe("the plugin's i18n config", () => {
  it("should give the settings global's description as text per language, which Payload passes to the admin as is", () => {
    const settings = generateSettingsGlobal(applyDefaults({}))
    const description = settings.admin?.description as Record<string, string>
    expect([description.en, description.uk, description.de]).toEqual([
      en.settingsDescription,
      'Назва, логотип, контактна адреса та шаблон посилань для всього сайту.',
      'Name, Logo, Kontaktadresse und Linkvorlage der ganzen Website.',
    ])
  })

  /** The i18n config Payload sanitizes from the host's `i18n` with the plugin applied. */
  const configWith = async (i18n: Config['i18n']) => {
    const plugged = etwPlugin()({
      collections: [],
      db: {} as Config['db'],
      i18n,
      secret: 'test',
    }).i18n
    return { i18n: { fallbackLanguage: 'en', ...plugged } as SanitizedConfig['i18n'] }
  }

  it("should answer t('etw:…') in the admin language and in English for a language without strings", async () => {
    const config = await configWith({
      supportedLanguages: { de, en: payloadEn, ja, uk: payloadUk },
    })
    const t = async (language: AcceptedLanguages) =>
      (await initI18n({ config: config.i18n, context: 'client', language })).t as (
        key: string,
      ) => string
    expect((await t('uk'))('etw:newsTitleLabel')).toBe('Заголовок')
    expect((await t('ja'))('etw:newsTitleLabel')).toBe('Title')
    expect((await t('de'))('general:cancel')).toBe('Abbrechen')
  })

  it("should keep the host's own etw strings over the plugin's and its other namespaces", async () => {
    const config = await configWith({
      supportedLanguages: { en: payloadEn, uk: payloadUk },
      translations: { uk: { etw: { newsTitleLabel: 'Назва' }, site: { hello: 'Привіт' } } },
    })
    // `initI18n` keeps one i18n per language and context: another context than the test above.
    const { t } = await initI18n({ config: config.i18n, context: 'api', language: 'uk' })
    const tr = t as (key: string) => string
    expect([tr('etw:newsTitleLabel'), tr('etw:newsBodyLabel'), tr('site:hello')]).toEqual([
      'Назва',
      'Текст',
      'Привіт',
    ])
  })
})
