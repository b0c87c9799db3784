import { toLatin } from '../utilities/slugify'

/**
 * Text as the search index compares it, the same on every database: folded in JavaScript before it
 * is stored and before a query is made of it, so SQLite, PostgreSQL and MongoDB see the same words.
 */

/** A word of text: letters, marks and digits, with apostrophes inside (`Кам’янець`, `l'école`). */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼ‘`][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu
const MARKS = /\p{M}+/gu
const APOSTROPHES = /['’ʼ‘`]/g
const NOT_WORD = /[^\p{L}\p{N}]+/u

/** Longest token kept: longer runs of letters are not words anyone searches for. */
const MAX_TOKEN = 64

/**
 * `text` folded: compatibility forms decomposed (NFKD), marks dropped (accents, Arabic vowel signs,
 * the dot of `İ`), lower case in every script, dotless `ı` and final `ς` read as `i` and `σ`.
 */
export const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/ς/g, 'σ')
    .replace(/ß/g, 'ss')
    .replace(/\u0640/g, '')

/** A word's place in the text it comes from, with its tokens. */
export interface Word {
  start: number
  end: number
  /** The word folded, apostrophes dropped: one token, or several when folding splits it. */
  tokens: string[]
  /** Its transliteration's tokens (as slugs spell it), or `undefined` when they are the same. */
  latin: string[] | undefined
}

const tokensOf = (text: string): string[] =>
  fold(text.replace(APOSTROPHES, ''))
    .split(NOT_WORD)
    .filter((token) => token !== '')
    .map((token) => token.slice(0, MAX_TOKEN))

/** Spellings of words already read: texts repeat their words, and folding costs microseconds. */
const spellings = new Map<string, Pick<Word, 'latin' | 'tokens'>>()
const MAX_SPELLINGS = 50_000

const spell = (word: string): Pick<Word, 'latin' | 'tokens'> => {
  let known = spellings.get(word)
  if (!known) {
    const tokens = tokensOf(word)
    const latin = tokensOf(toLatin(word))
    const same = latin.length === tokens.length && latin.every((token, i) => token === tokens[i])
    known = { latin: same ? undefined : latin, tokens }
    if (spellings.size >= MAX_SPELLINGS) spellings.clear()
    spellings.set(word, known)
  }
  return known
}

/** The words of `text`, in order, with where each stands. */
export const words = (text: string): Word[] =>
  Array.from(text.matchAll(WORD), (match) => ({
    ...spell(match[0]),
    end: match.index + match[0].length,
    start: match.index,
  }))

/** What {@link indexText} keeps of each word read: its tokens, then its transliteration's, as text. */
const indexed = new Map<string, readonly [tokens: string, latin: string]>()

/**
 * What the index stores for `text`: its folded tokens, then those of its transliteration where
 * they differ (`Київ` → `київ kyiv`), separated by spaces. A full reindex folds every text, so
 * this reads each word once and keeps no positions (about a tenth of the time of {@link words}).
 */
export const indexText = (text: string): string => {
  const tokens: string[] = []
  const latin: string[] = []
  for (const [word] of text.matchAll(WORD)) {
    let known = indexed.get(word)
    if (!known) {
      const spelt = spell(word)
      known = [spelt.tokens.join(' '), spelt.latin?.join(' ') ?? '']
      if (indexed.size >= MAX_SPELLINGS) indexed.clear()
      indexed.set(word, known)
    }
    if (known[0]) tokens.push(known[0])
    if (known[1]) latin.push(known[1])
  }
  return (latin.length ? [...tokens, ...latin] : tokens).join(' ')
}

/** Most words a query is made of; further words are ignored. */
export const MAX_QUERY_WORDS = 8

/**
 * A query as the index reads it: each term must match as the start of some token of the text, by
 * any of its spellings (the folded word or its transliteration). `[]` when the query has no words.
 */
export const queryTerms = (query: string): string[][] => {
  const terms: string[][] = []
  for (const word of words(query)) {
    word.tokens.forEach((token, index) => {
      const latin = word.latin?.length === word.tokens.length ? word.latin[index] : undefined
      terms.push(latin && latin !== token ? [token, latin] : [token])
    })
  }
  return terms.slice(0, MAX_QUERY_WORDS)
}
