import { describe, expect, it } from 'vitest'

import { slugify } from './slugify'

describe('slugify', () => {
  it('should transliterate Ukrainian and keep Latin words', () => {
    expect(slugify('Новини eTwinning Україна')).toBe('novyny-etwinning-ukraina')
  })

  it('should lowercase and hyphenate an English title', () => {
    expect(slugify('eTwinning Seminar was held in Baku')).toBe('etwinning-seminar-was-held-in-baku')
  })

  it('should spell out Azerbaijani letters', () => {
    expect(slugify('Azərbaycan Respublikası Elm və Təhsil Nazirliyi')).toBe(
      'azerbaycan-respublikasi-elm-ve-tehsil-nazirliyi',
    )
  })

  it('should map ş ç ğ ı ö ü and capital İ as the Azerbaijani table says', () => {
    expect(slugify('ŞəkiÇöl Ğ İsmayıllı Üzüm Ö')).toBe('shekichol-gh-ismayilli-uzum-o')
  })

  it.each([
    ['Згорани', 'zghorany'],
    ['Розгон', 'rozghon'],
    ['Юрій', 'yurii'],
    ['Їжакевич', 'yizhakevych'],
    ['Єнакієве', 'yenakiieve'],
    ['Яготин', 'yahotyn'],
    ['Олексій', 'oleksii'],
    ['Гаївка', 'haivka'],
    ['Щербухи', 'shcherbukhy'],
    ['Хмельницький', 'khmelnytskyi'],
    ['Ґалаґан', 'galagan'],
    ["Знам'янка", 'znamianka'],
    ['Короп’є', 'koropie'],
  ])('should spell %s as %s by the 2010 national table', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('should treat a letter after punctuation as the start of a word', () => {
    expect(slugify('«Юрій» (Євген)')).toBe('yurii-yevhen')
  })

  it('should drop diacritics from other Latin letters without dropping the letters', () => {
    expect(slugify('Crème brûlée à Łódź, Straße')).toBe('creme-brulee-a-lodz-strasse')
  })

  it('should leave no leading, trailing or doubled hyphens', () => {
    expect(slugify('  --Hello -- World!--  ')).toBe('hello-world')
  })

  it('should return an empty string when nothing can be spelled', () => {
    expect(slugify('🎉 — !')).toBe('')
  })
})
