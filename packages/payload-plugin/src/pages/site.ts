import type { FeedImage } from '@etw/client'

import type { RouteContext } from '../feed/handler'

import { readPublicSettings } from '../feed/links'
import { loadImages, relationId } from '../feed/relations'
import { absoluteUrl } from '../feed/urls'

/** What every public page shows of the institution (the settings global). */
export interface Site {
  name: string
  logo: FeedImage | null
}

/** The default name of the site when the settings give none. */
export const DEFAULT_SITE_NAME = 'eTwinning Hub'

/**
 * The institution's name in `locale` and its logo, from the settings global (read once per request,
 * with the link template: {@link readPublicSettings}).
 */
export const loadSite = async (context: RouteContext, locale: string): Promise<Site> => {
  const settings = await readPublicSettings(context, locale)
  const logoId = relationId(settings.logo)
  const images = await loadImages(context.payload, [logoId], locale, context.origin)
  return {
    logo: (logoId !== undefined && images.get(String(logoId))) || null,
    name: settings.siteName || DEFAULT_SITE_NAME,
  }
}

/** Path of a public page: `/{locale}` plus `rest`. */
export const pagePath = (locale: string, rest = ''): string => `/${locale}${rest}`

/** Absolute URL of a public page when the origin is known. */
export const pageUrl = (context: Pick<RouteContext, 'origin'>, path: string): string =>
  absoluteUrl(context.origin, path)
