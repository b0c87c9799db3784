import type { EtwTranslations } from './en'

import { rs } from './rs'

const LATIN: Readonly<Record<string, string>> = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Ђ: 'Đ',
  Е: 'E',
  Ж: 'Ž',
  З: 'Z',
  И: 'I',
  Ј: 'J',
  К: 'K',
  Л: 'L',
  Љ: 'Lj',
  М: 'M',
  Н: 'N',
  Њ: 'Nj',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  Ћ: 'Ć',
  У: 'U',
  Ф: 'F',
  Х: 'H',
  Ц: 'C',
  Ч: 'Č',
  Џ: 'Dž',
  Ш: 'Š',
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'đ',
  е: 'e',
  ж: 'ž',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'ć',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'č',
  џ: 'dž',
  ш: 'š',
}

/** Serbian Cyrillic text in Serbian Latin letters (the standard one-to-one correspondence). */
export const toSerbianLatin = (text: string): string =>
  text.replace(/[\u0400-\u04FF]/g, (letter) => LATIN[letter] ?? letter)

/**
 * Serbian, Latin script (machine-made: see README.md): the Cyrillic strings of `rs.ts`
 * transliterated, so the two scripts never drift apart.
 */
export const rsLatin = Object.fromEntries(
  Object.entries(rs).map(([key, text]) => [key, toSerbianLatin(text)]),
) as EtwTranslations
