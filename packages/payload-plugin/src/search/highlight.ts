import type { Highlight } from '@etw/client'

import { queryTerms, words } from './fold'

/** Characters of a body excerpt shown around its first match. */
export const EXCERPT_LENGTH = 160

/**
 * The ranges (`[start, end)`, UTF-16 offsets) of the words of `text` that a query's terms match:
 * a word matches when one of its tokens, or of its transliteration's, starts with some spelling of
 * a term. The same reading of words as the index, so what was found is what is marked.
 */
export const matchRanges = (text: string, terms: readonly string[][]): [number, number][] => {
  if (terms.length === 0) return []
  const ranges: [number, number][] = []
  for (const word of words(text)) {
    const tokens = word.latin ? [...word.tokens, ...word.latin] : word.tokens
    const hit = terms.some((spellings) =>
      spellings.some((term) => tokens.some((token) => token.startsWith(term))),
    )
    if (hit) ranges.push([word.start, word.end])
  }
  return ranges
}

/** `text` cut to about {@link EXCERPT_LENGTH} characters around `[start, end)`, at word breaks. */
const excerpt = (text: string, start: number): { offset: number; text: string } => {
  if (text.length <= EXCERPT_LENGTH) return { offset: 0, text }
  let from = Math.max(0, start - 40)
  if (from > 0) {
    const space = text.lastIndexOf(' ', from)
    from = space === -1 ? 0 : space + 1
  }
  let to = Math.min(text.length, from + EXCERPT_LENGTH)
  const space = text.indexOf(' ', to)
  to = space === -1 || space - to > 20 ? to : space
  return { offset: from, text: text.slice(from, to) }
}

/**
 * Where `query` matches an item: each of `fields` (title, summary…) with a match, as its plain text
 * and the match ranges in it; the body (last) only when no other field matched, cut to an excerpt
 * around its first match. `[]` when nothing matches.
 */
export const highlight = (
  query: string,
  fields: readonly [field: Highlight['field'], text: string | null | undefined][],
): Highlight[] => {
  const terms = queryTerms(query)
  const found: Highlight[] = []
  for (const [field, text] of fields) {
    if (!text || (field === 'body' && found.length > 0)) continue
    const ranges = matchRanges(text, terms)
    const first = ranges[0]
    if (!first) continue
    if (field !== 'body') {
      found.push({ field, ranges, text })
      continue
    }
    const cut = excerpt(text, first[0])
    const end = cut.offset + cut.text.length
    found.push({
      field,
      ranges: ranges
        .filter(([from]) => from < end)
        .map(([from, to]) => [from - cut.offset, Math.min(to, end) - cut.offset]),
      text: cut.text,
    })
  }
  return found
}
