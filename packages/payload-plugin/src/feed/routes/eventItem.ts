import type { EventDetail } from '@etw/client'

import type { EventDoc } from '../events'
import type { NormalizedParams, RouteContext, RouteHandler } from '../handler'
import type { ItemParams } from './item'

import { EVENTS_SLUG } from '../../slugs'
import { notFound } from '../errors'
import { toEventItem, toEventRecord } from '../events'
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
): Promise<EventDetail | null> => (await readEventDetail(params, context))?.event ?? null

/** {@link loadEventDetail}, with the stored document it was made from (its Lexical description). */
export const readEventDetail = async (
  params: ItemParams,
  context: RouteContext,
): Promise<{ event: EventDetail; doc: EventDetailDoc } | null> => {
  const found = await findPublishedBySlug<EventDetailDoc>(
    context,
    EVENTS_SLUG,
    params.slug,
    params.locale,
    {
      city: true,
      country: true,
      cover: true,
      description: true,
      endsAt: true,
      format: true,
      kind: true,
      organizers: true,
      participantGroups: true,
      participatingCountries: true,
      registrationDeadline: true,
      registrationUrl: true,
      slug: true,
      startsAt: true,
      summary: true,
      timeZone: true,
      title: true,
      updatedAt: true,
      venue: true,
    },
  )
  if (!found) return null
  const { doc, locale } = found
  const [organizations, images, link] = await Promise.all([
    loadOrganizations(context.payload, (doc.organizers ?? []).map(relationId), locale),
    loadImages(context.payload, [relationId(doc.cover)], locale, context.origin),
    createLinkMaker(context, locale),
  ])
  const record = toEventRecord(doc, context, { images, link, organizations }, locale)
  const event: EventDetail = {
    ...toEventItem(record),
    description: await loadRichTextTree(doc.description, context, locale, link),
    locale,
    participants: (doc.participantGroups ?? []).flatMap((group) =>
      typeof group.count === 'number' ? [{ count: group.count, label: group.label ?? '' }] : [],
    ),
    updatedAt: record.updatedAt,
  }
  return { doc, event }
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
