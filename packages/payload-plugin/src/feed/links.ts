import type { TypedLocale } from 'payload'

import { applyLinkTemplate, publicPagePath } from '@etw/client'

import type { RouteContext } from './handler'

import { SETTINGS_SLUG } from '../slugs'
import { sharedRead } from './handler'
import { absoluteUrl } from './urls'

/** What a link is made for. */
export type LinkKind = 'events' | 'news'

/** Makes the `link` of an item: `(kind, { id, slug }) => URL`. */
export type LinkMaker = (kind: LinkKind, item: { id: number | string; slug: string }) => string

/** What the public reads show of the settings global. */
export interface PublicSettings {
  linkTemplate: string | null
  logo: unknown
  siteName: string | null
}

const NO_SETTINGS: PublicSettings = { linkTemplate: null, logo: null, siteName: null }

/**
 * The public fields of the settings global in `locale` (the site's name, its logo, the link
 * template), read once per request through {@link sharedRead}; empty when the global is missing.
 */
export const readPublicSettings = (
  context: Pick<RouteContext, 'payload' | 'reads'>,
  locale: string,
): Promise<PublicSettings> =>
  sharedRead(context, `settings:${locale}`, async () => {
    const { payload } = context
    if (!payload.config.globals.some((global) => global.slug === SETTINGS_SLUG)) return NO_SETTINGS
    const settings = (await payload.findGlobal({
      slug: SETTINGS_SLUG,
      depth: 0,
      locale: locale as TypedLocale,
      // Shown on public pages or in every link; the contact address is not read.
      overrideAccess: true,
      select: { linkTemplate: true, logo: true, siteName: true },
    })) as { linkTemplate?: string | null; logo?: unknown; siteName?: string | null }
    return {
      linkTemplate: settings.linkTemplate?.trim() || null,
      logo: settings.logo ?? null,
      siteName: settings.siteName?.trim() || null,
    }
  })

/**
 * The `link` of a news item or event in `locale`. News: the page the settings' link template gives
 * when one is set and its result is an http(s) URL (a host site shows articles, not events, on its
 * own page), else the public page on the CMS (`/{locale}/news/{slug}`). Events: their public page
 * (`/{locale}/events/{slug}`). Absolute when the origin is known.
 */
export const createLinkMaker = async (
  context: Pick<RouteContext, 'origin' | 'payload' | 'reads'>,
  locale: string,
): Promise<LinkMaker> => {
  const { linkTemplate: template } = await readPublicSettings(context, locale)
  return (kind, { id, slug }) =>
    (kind === 'news' ? applyLinkTemplate(template, { id: String(id), locale, slug }) : null) ??
    absoluteUrl(context.origin, publicPagePath(kind, locale, slug))
}
