import { afterEach, describe, expect, it } from 'vitest'
import { direction } from './direction'

const RTL = ['ar', 'ar-EG', 'he', 'fa', 'ur', 'ps', 'ckb', 'yi', 'dv', 'az-Arab']
const LTR = ['en', 'en-GB', 'uk', 'az', 'az-Latn', 'el', 'ka', 'hy', 'tr', 'sq', 'mk', 'sr-Cyrl']

describe('direction', () => {
  const prototype = Intl.Locale.prototype
  const saved = Object.getOwnPropertyDescriptors(prototype)

  afterEach(() => {
    for (const name of ['getTextInfo', 'textInfo'] as const) {
      if (saved[name]) Object.defineProperty(prototype, name, saved[name])
      else delete (prototype as unknown as Record<string, unknown>)[name]
    }
  })

  it('should read right-to-left languages and scripts right to left, the others left to right', () => {
    expect(RTL.map(direction)).toEqual(RTL.map(() => 'rtl'))
    expect(LTR.map(direction)).toEqual(LTR.map(() => 'ltr'))
  })

  it('should know the right-to-left languages where Intl.Locale has no text info', () => {
    for (const name of ['getTextInfo', 'textInfo']) {
      Object.defineProperty(prototype, name, { configurable: true, value: undefined })
    }
    expect(RTL.map(direction)).toEqual(RTL.map(() => 'rtl'))
    expect(LTR.map(direction)).toEqual(LTR.map(() => 'ltr'))
  })

  it("should follow the engine's text info for a language the list does not name", () => {
    Object.defineProperty(prototype, 'getTextInfo', {
      configurable: true,
      value: () => ({ direction: 'rtl' }),
    })
    expect(direction('nqo')).toBe('rtl')
  })
})
