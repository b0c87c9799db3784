import type { FeedImage } from '@etw/client'
import type { TypedLocale } from 'payload'

import type { RouteContext } from '../feed/handler'

import { loadImages, relationId } from '../feed/relations'
import { absoluteUrl } from '../feed/urls'
import { SETTINGS_SLUG } from '../slugs'

/** What every public page shows of the institution (the settings global). */
export interface Site {
  name: string
  logo: FeedImage | null
}

/** The default name of the site when the settings give none. */
export const DEFAULT_SITE_NAME = 'eTwinning Hub'

/** The institution's name in `locale` and its logo, from the settings global. */
export const loadSite = async (context: RouteContext, locale: string): Promise<Site> => {
  const { payload } = context
  if (!payload.config.globals.some((global) => global.slug === SETTINGS_SLUG)) {
    return { logo: null, name: DEFAULT_SITE_NAME }
  }
  const settings = (await payload.findGlobal({
    slug: SETTINGS_SLUG,
    depth: 0,
    locale: locale as TypedLocale,
    // The name and the logo are shown on public pages; the contact address is not read.
    overrideAccess: true,
    select: { logo: true, siteName: true },
  })) as { logo?: unknown; siteName?: string | null }
  const logoId = relationId(settings.logo)
  const images = await loadImages(payload, [logoId], locale, context.origin)
  return {
    logo: (logoId !== undefined && images.get(String(logoId))) || null,
    name: settings.siteName?.trim() || DEFAULT_SITE_NAME,
  }
}

/** Path of a public page: `/{locale}` plus `rest`. */
export const pagePath = (locale: string, rest = ''): string => `/${locale}${rest}`

/** Absolute URL of a public page when the origin is known. */
export const pageUrl = (context: Pick<RouteContext, 'origin'>, path: string): string =>
  absoluteUrl(context.origin, path)
