import type { Payload } from 'payload'

import { applyLinkTemplate, publicPagePath } from '@etw/client'

import type { RouteContext } from './handler'

import { SETTINGS_SLUG } from '../slugs'
import { absoluteUrl } from './urls'

/** What a link is made for. */
export type LinkKind = 'events' | 'news'

/** Makes the `link` of an item: `(kind, { id, slug }) => URL`. */
export type LinkMaker = (kind: LinkKind, item: { id: number | string; slug: string }) => string

/** The link template of the settings global, `null` when none is set (or the global is missing). */
export const readLinkTemplate = async (payload: Payload): Promise<string | null> => {
  if (!payload.config.globals.some((global) => global.slug === SETTINGS_SLUG)) return null
  const settings = (await payload.findGlobal({
    slug: SETTINGS_SLUG,
    depth: 0,
    // The template is public by nature (it is in every link); the global's other fields are not read.
    overrideAccess: true,
    select: { linkTemplate: true },
  })) as { linkTemplate?: string | null }
  return settings.linkTemplate?.trim() || null
}

/**
 * The `link` of a news item or event in `locale`. News: the page the settings' link template gives
 * when one is set and its result is an http(s) URL (a host site shows articles, not events, on its
 * own page), else the public page on the CMS (`/{locale}/news/{slug}`). Events: their public page
 * (`/{locale}/events/{slug}`). Absolute when the origin is known.
 */
export const createLinkMaker = async (
  context: Pick<RouteContext, 'origin' | 'payload'>,
  locale: string,
): Promise<LinkMaker> => {
  const template = await readLinkTemplate(context.payload)
  return (kind, { id, slug }) =>
    (kind === 'news' ? applyLinkTemplate(template, { id: String(id), locale, slug }) : null) ??
    absoluteUrl(context.origin, publicPagePath(kind, locale, slug))
}
