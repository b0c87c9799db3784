import type { EventDetail } from '@etw/client'

import type { EventDoc } from '../events'
import type { NormalizedParams, RouteContext, RouteHandler } from '../handler'
import type { ItemParams } from './item'

import { EVENTS_SLUG } from '../../slugs'
import { notFound } from '../errors'
import { EVENT_SELECT, toEventItem, toEventRecord } from '../events'
import { jsonBody } from '../handler'
import { createLinkMaker } from '../links'
import { loadImages, loadOrganizations, relationId } from '../relations'
import { findPublishedBySlug, loadRichTextTree, parseItemParams } from './item'
import { routeParameters } from '../../contract/routes'

/** An event document as the detail reads it. */
export type EventDetailDoc = EventDoc & {
  description?: unknown
  participantGroups?: { count?: number | null; label?: string | null }[] | null
}

/**
 * One published event in full, in `locale` (or the default locale where it has no text there), or
 * `null`. Past events too: their page stays readable.
 */
export const loadEventDetail = async (
  params: ItemParams,
  context: RouteContext,
): Promise<EventDetail | null> => {
  const found = await findEventDetailDoc(params, context)
  return found ? toEventDetail({ ...found, requested: params.locale }, context) : null
}

/** The fields of an event its detail shows. */
export const EVENT_DETAIL_SELECT = {
  ...EVENT_SELECT,
  description: true,
  participantGroups: true,
} as const

/** The published event with the slug of `params` ({@link findPublishedBySlug}). */
export const findEventDetailDoc = (
  params: ItemParams,
  context: RouteContext,
): Promise<{ doc: EventDetailDoc; locale: string } | null> =>
  findPublishedBySlug<EventDetailDoc>(
    context,
    EVENTS_SLUG,
    params.slug,
    params.locale,
    EVENT_DETAIL_SELECT,
  )

/**
 * The detail of an event document read in `locale` (a published one, or a draft for its preview).
 * `tree: false` leaves out the description's node tree and the cover's feed image, which a page
 * renders from the document itself.
 */
export const toEventDetail = async (
  { doc, locale, requested = locale }: { doc: EventDetailDoc; locale: string; requested?: string },
  context: RouteContext,
  { tree = true }: { tree?: boolean } = {},
): Promise<EventDetail> => {
  const [organizations, images, link] = await Promise.all([
    loadOrganizations(context.payload, (doc.organizers ?? []).map(relationId), locale),
    tree ? loadImages(context.payload, [relationId(doc.cover)], locale, context.origin) : new Map(),
    createLinkMaker(context, locale),
  ])
  const record = toEventRecord(doc, context, { images, link, organizations }, requested, locale)
  return {
    ...toEventItem(record),
    description: tree ? await loadRichTextTree(doc.description, context, locale, link) : [],
    locale,
    participants: (doc.participantGroups ?? []).flatMap((group) =>
      typeof group.count === 'number' ? [{ count: group.count, label: group.label ?? '' }] : [],
    ),
    updatedAt: record.updatedAt,
  }
}

/**
 * `GET /api/etw/v1/events/{slug}`: one published event in full, its description as a vetted node
 * tree; `locale` as for the lists. A JSON 404 for an unknown slug or an unpublished event.
 */
export const eventItemRoute: RouteHandler<ItemParams> = {
  parameters: routeParameters('eventItem'),
  parse: (query, context) => parseItemParams(query, context, 'event'),
  normalize: (params): NormalizedParams => ({ ...params }),
  produce: async (params, context) => {
    const event = await loadEventDetail(params, context)
    if (!event) throw notFound(`No published event has the slug "${params.slug}".`)
    return jsonBody(event)
  },
}
