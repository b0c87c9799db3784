import type { FieldHook } from 'payload'

/** Field hook of `tags`: trimmed, lower case, without empty or repeated tags. */
export const normalizeTags: FieldHook = ({ value }) => {
  if (!Array.isArray(value)) return value
  const tags = value
    .filter((tag): tag is string => typeof tag === 'string')
    .map((tag) => tag.trim().toLocaleLowerCase())
    .filter((tag) => tag !== '')
  return [...new Set(tags)]
}
