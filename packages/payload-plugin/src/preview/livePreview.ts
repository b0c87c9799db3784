import type { CollectionConfig, LivePreviewConfig } from 'payload'

import { hasAnyRole } from '../access/roles'
import { requestOrigin } from '../feed/urls'
import { PREVIEW_PATH } from './routes'
import { signPreviewToken } from './token'

/** Sizes the live preview offers, next to Payload's own "responsive". */
export const PREVIEW_BREAKPOINTS: NonNullable<LivePreviewConfig['breakpoints']> = [
  { label: 'Mobile', name: 'mobile', width: 375, height: 667 },
  { label: 'Tablet', name: 'tablet', width: 768, height: 1024 },
  { label: 'Desktop', name: 'desktop', width: 1280, height: 800 },
]

/**
 * The admin's live preview of a news item or event: the widget readers meet, fed with the latest
 * draft through a token-bound URL that expires within a quarter of an hour. Only team members get
 * a URL; a document not yet saved has none.
 */
export const livePreviewOf = (collection: string): LivePreviewConfig => ({
  breakpoints: PREVIEW_BREAKPOINTS,
  url: async ({ data, locale, req }) => {
    const id = (data as { id?: unknown } | undefined)?.id
    const user = req.user as { id?: number | string } | null
    if ((typeof id !== 'number' && typeof id !== 'string') || !user?.id || !hasAnyRole(user)) {
      return null
    }
    const token = await signPreviewToken(req.payload.secret, {
      collection,
      id: String(id),
      locale: locale?.code ?? (req.payload.config.localization || undefined)?.defaultLocale ?? 'en',
      user: String(user.id),
    })
    const origin = requestOrigin(req.payload.config.serverURL, req.headers)
    return `${origin}${req.payload.config.routes.api}${PREVIEW_PATH}/${token}`
  },
})

/** `collection` with {@link livePreviewOf} in its admin. */
export const withLivePreview = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  admin: { ...collection.admin, livePreview: livePreviewOf(collection.slug) },
})
