import { etwLanguages } from '@etw/payload-plugin'
import { describe, expect, it } from 'vitest'

import { adminLanguages } from './admin-languages'

const cancelIn = (language: string): unknown =>
  (
    adminLanguages[language as keyof typeof adminLanguages]?.translations as
      { general?: { cancel?: unknown } } | undefined
  )?.general?.cancel

describe('admin languages', () => {
  it('should offer Payload’s own admin translation for every language the plugin has strings for', () => {
    const english = cancelIn('en')
    const untranslated = Object.keys(etwLanguages).filter(
      (language) =>
        language !== 'en' &&
        (typeof cancelIn(language) !== 'string' || cancelIn(language) === english),
    )
    expect(typeof english).toBe('string')
    expect(untranslated).toEqual([])
  })

  it('should offer Serbian in both scripts and Ukrainian under Payload’s keys', () => {
    expect([cancelIn('uk'), cancelIn('rs'), cancelIn('rs-latin')]).toEqual([
      'Скасувати',
      'Откажи',
      'Otkaži',
    ])
  })
})
