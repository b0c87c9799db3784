import type { CollectionBeforeChangeHook } from 'payload'

type SlugDoc = { previousSlugs?: unknown; slug?: unknown }

const slugList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((slug): slug is string => typeof slug === 'string') : []

/**
 * Keeps the slug history: when a save changes `slug`, the old one joins `previousSlugs`, so the
 * public pages answer every earlier address with a permanent redirect to the current one. The
 * current slug never stays in the history (a slug changed back is the page again, not a redirect).
 */
export const rememberPreviousSlug: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const original = originalDoc as SlugDoc | undefined
  const history = slugList(data.previousSlugs ?? original?.previousSlugs)
  const before = typeof original?.slug === 'string' ? original.slug : undefined
  const after = typeof data.slug === 'string' ? data.slug : before
  if (before && after && before !== after && !history.includes(before)) history.push(before)
  data.previousSlugs = history.filter((slug) => slug !== after)
  return data
}
