/**
 * Link templates: how a host site that shows eTwinning articles on its own pages says where a
 * reader is sent (`https://univ.example/etwinning/article?slug={slug}&lang={locale}`).
 */

/** Values a link template's placeholders are filled with. */
export interface LinkValues {
  /** The item's slug (`{slug}`). */
  slug: string
  /** The item's document id (`{id}`). */
  id: string
  /** The content locale of the link (`{locale}`). */
  locale: string
}

/** Placeholders a link template may contain. */
export const LINK_PLACEHOLDERS = ['slug', 'id', 'locale'] as const

const PLACEHOLDER = /\{(slug|id|locale)\}/g

const isHttp = (value: string): boolean => {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return false
  try {
    const url = new URL(value)
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname !== '' &&
      url.username === '' &&
      url.password === ''
    )
  } catch {
    return false
  }
}

/**
 * The address `template` gives for an item: each `{slug}`, `{id}` and `{locale}` replaced by the
 * URL-encoded value. `null` when the template is empty or its result is not an absolute `http:`
 * or `https:` URL (a `javascript:` template, a relative path), so the caller keeps its own link.
 */
export const applyLinkTemplate = (
  template: string | null | undefined,
  values: LinkValues,
): string | null => {
  const trimmed = template?.trim()
  if (!trimmed) return null
  const result = trimmed.replace(PLACEHOLDER, (_, name: keyof LinkValues) =>
    encodeURIComponent(values[name]),
  )
  return isHttp(result) ? result : null
}

/** Path of an item's public page on the CMS (`/uk/news/slug`), relative to the CMS origin. */
export const publicPagePath = (kind: 'events' | 'news', locale: string, slug: string): string =>
  `/${encodeURIComponent(locale)}/${kind}/${encodeURIComponent(slug)}`
