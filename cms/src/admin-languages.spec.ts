import { etwLanguages } from '@etw/payload-plugin'
import { describe, expect, it } from 'vitest'

import { adminLanguages } from './admin-languages'

describe('admin languages', () => {
  it('should offer exactly the languages the plugin has strings of its own for', () => {
    expect(Object.keys(adminLanguages).sort()).toEqual(Object.keys(etwLanguages).sort())
  })

  it('should offer Payload’s own admin translation for each language', () => {
    const uk = adminLanguages.uk.translations as { general: { cancel: string } }
    const rsLatin = adminLanguages['rs-latin'].translations as { general: { cancel: string } }
    expect([uk.general.cancel, rsLatin.general.cancel]).toEqual(['Скасувати', 'Otkaži'])
  })
})
