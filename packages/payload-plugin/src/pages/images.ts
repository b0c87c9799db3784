import type { Payload } from 'payload'

import { html } from 'ghtml'

import { findMedia, relationId } from '../feed/relations'
import { absoluteUrl } from '../feed/urls'

/** An image with every size Payload made of it, for `srcset`. */
export interface ResponsiveImage {
  src: string
  width: number | null
  height: number | null
  alt: string
  /** `url width`, narrowest first. */
  candidates: { url: string; width: number }[]
}

interface MediaSize {
  url?: unknown
  filename?: unknown
  width?: unknown
}

interface MediaDoc extends MediaSize {
  id: number | string
  alt?: unknown
  height?: unknown
  mimeType?: unknown
  sizes?: Record<string, MediaSize | undefined> | null
}

const toImage = (doc: MediaDoc, origin: string): ResponsiveImage | null => {
  if (typeof doc.mimeType === 'string' && !doc.mimeType.startsWith('image/')) return null
  if (typeof doc.url !== 'string' || doc.url === '') return null
  const candidates: { url: string; width: number }[] = []
  for (const size of Object.values(doc.sizes ?? {})) {
    if (size && typeof size.url === 'string' && size.filename && typeof size.width === 'number') {
      candidates.push({ url: absoluteUrl(origin, size.url), width: size.width })
    }
  }
  if (typeof doc.width === 'number')
    candidates.push({ url: absoluteUrl(origin, doc.url), width: doc.width })
  candidates.sort((a, b) => a.width - b.width)
  return {
    alt: typeof doc.alt === 'string' ? doc.alt : '',
    candidates,
    height: typeof doc.height === 'number' ? doc.height : null,
    src: absoluteUrl(origin, doc.url),
    width: typeof doc.width === 'number' ? doc.width : null,
  }
}

/** Images by id with all their sizes, read anonymously, in `locale` (for `alt`). */
export const loadResponsiveImages = async (
  payload: Payload,
  ids: Iterable<unknown>,
  locale: string,
  origin: string,
): Promise<Map<string, ResponsiveImage>> => {
  const found = new Map<string, ResponsiveImage>()
  const docs = await findMedia(payload, [...ids].map(relationId), locale, {
    alt: true,
    filename: true,
    height: true,
    mimeType: true,
    sizes: true,
    url: true,
    width: true,
  })
  for (const doc of docs as unknown as MediaDoc[]) {
    const image = toImage(doc, origin)
    if (image) found.set(String(doc.id), image)
  }
  return found
}

/** `<img>` with `srcset`, `sizes`, its size, alt text and lazy loading. */
export const imageTag = (image: ResponsiveImage, sizes: string, eager = false): string =>
  html`<img
    src="${image.src}"
    srcset="${image.candidates.map((c) => `${c.url} ${c.width}w`).join(', ')}"
    sizes="${sizes}"
    alt="${image.alt}"
    !${image.width ? html` width="${image.width}"` : ''}!${image.height ? html` height="${image.height}"` : ''}
    loading="${eager ? 'eager' : 'lazy'}"
    decoding="async"
  />`
