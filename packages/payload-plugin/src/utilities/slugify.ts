import slugifyLatin from 'slugify'

// Ukrainian: official national transliteration (Cabinet of Ministers resolution No. 55, 2010).
// Letters with a different spelling at the start of a word are listed in UK_INITIAL.
const UK: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  // Russian letters that Ukrainian lacks, so mixed texts never lose letters.
  ё: 'yo',
  ы: 'y',
  э: 'e',
  ъ: '',
}

const UK_INITIAL: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' }

// Azerbaijani letters that generic tables reduce to a bare Latin letter (ş → s); spelled out instead.
const AZ: Record<string, string> = {
  ə: 'e',
  ş: 'sh',
  ç: 'ch',
  ğ: 'gh',
  ı: 'i',
  ö: 'o',
  ü: 'u',
}

const APOSTROPHES = new Set(["'", '’', 'ʼ', '`', '‘'])
const LETTER = /\p{L}/u
const COMBINING_MARK = /\p{M}/gu

const isWordStart = (text: string, index: number): boolean => {
  const previous = text[index - 1]
  // An apostrophe sits inside a word (Знам'янка → Znamianka), so it does not start a new one.
  return previous === undefined || (!LETTER.test(previous) && !APOSTROPHES.has(previous))
}

const transliterate = (text: string): string => {
  let result = ''
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string
    if (APOSTROPHES.has(char)) continue
    if (char === 'г' && text[index - 1] === 'з') {
      // "зг" is spelled "zgh" so it is not read as the digraph "zh" (Згорани → Zghorany).
      result += 'gh'
      continue
    }
    const initial = isWordStart(text, index) ? UK_INITIAL[char] : undefined
    result += initial ?? UK[char] ?? AZ[char] ?? char
  }
  return result
}

const fromCharMap = (char: string): string =>
  /[a-z0-9]/.test(char) || !LETTER.test(char)
    ? char
    : slugifyLatin(char, { lower: true, strict: true, locale: 'en' })

/**
 * `text` in lower case with Ukrainian and Azerbaijani letters transliterated as in slugs and the
 * other letters spelled in Latin where the slug table knows them (`Кам’янець` → `kamianets`);
 * everything else (spaces, punctuation, letters of unknown scripts) stays.
 * The search index keeps this spelling beside the original, so a Latin query finds Cyrillic text.
 */
export const toLatin = (text: string): string => {
  const lower = text.replaceAll('İ', 'i').toLowerCase()
  const latin = transliterate(lower).normalize('NFD').replace(COMBINING_MARK, '').normalize('NFC')
  return Array.from(latin, fromCharMap).join('')
}

/**
 * Turns a title in Ukrainian, Azerbaijani, English or another Latin or Cyrillic script into a URL slug:
 * lowercase Latin letters, digits and single hyphens, with no hyphen at either end.
 *
 * Ukrainian follows the 2010 national transliteration table; Azerbaijani ə ş ç ğ ı ö ü become
 * e sh ch gh i o u; other diacritics are dropped from their letters, never the letters themselves.
 * Returns `''` when the text has no letters or digits.
 */
export const slugify = (text: string): string => {
  return toLatin(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
