import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  PayloadRequest,
} from 'payload'

import { randomUUID } from 'node:crypto'

import type { WebhookCollection, WebhookEvent } from './events'

import { storedStatus } from '../collections/drafts'
import { STATISTICS_SLUG, WEBHOOK_DELIVERIES_SLUG, WEBHOOK_ENDPOINTS_SLUG } from '../slugs'
import { DELIVER_WEBHOOK_TASK } from './events'
import { buildWebhookMessage } from './message'

type Doc = Record<string, unknown> & { _status?: unknown; id: number | string }

const wasLiveKey = (collection: string, id: unknown) =>
  `etwWebhookWasLive:${collection}:${String(id)}`

/**
 * Queues one delivery per active endpoint that subscribed to `event` on `collection`: a log entry
 * and a job, both in the transaction of `req`, so they exist exactly when the change commits.
 */
export const announce = async (
  req: PayloadRequest,
  collection: WebhookCollection,
  event: WebhookEvent,
  doc: Doc,
): Promise<void> => {
  const { payload } = req
  const { docs: endpoints } = await payload.find({
    collection: WEBHOOK_ENDPOINTS_SLUG,
    depth: 0,
    limit: 100,
    overrideAccess: true,
    pagination: false,
    req,
    where: {
      and: [
        { active: { equals: true } },
        { events: { in: [event] } },
        { collections: { in: [collection] } },
      ],
    },
  })
  if (endpoints.length === 0) return
  const message = await buildWebhookMessage(req, collection, event, doc)
  for (const endpoint of endpoints) {
    const delivery = await payload.create({
      collection: WEBHOOK_DELIVERIES_SLUG,
      data: {
        attempts: 0,
        endpoint: endpoint.id,
        messageId: `msg_${randomUUID()}`,
        payload: message as unknown as Record<string, unknown>,
        status: 'pending',
        type: message.type,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await payload.jobs.queue({
      input: { delivery: String(delivery.id) },
      req,
      task: DELIVER_WEBHOOK_TASK,
    } as never)
  }
}

/** Remembers whether the stored document was published before this change. */
const rememberLiveStatus: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const id = (originalDoc as Doc | undefined)?.id
  if (operation === 'update' && id !== undefined) {
    req.context[wasLiveKey(collection.slug, id)] =
      (await storedStatus(req, collection.slug, id)) === 'published'
  }
  return data
}

/**
 * Announces a drafted document's publication, its unpublication, and a change to it while it is
 * published. A draft saved over a published document changes nothing readers see, so it is not
 * announced.
 */
const announcePublication =
  (collection: WebhookCollection): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    const current = doc as Doc
    const key = wasLiveKey(collection, current.id)
    const wasLive = operation === 'update' && req.context[key] === true
    delete req.context[key]
    const isLive = (await storedStatus(req, collection, current.id)) === 'published'
    let event: WebhookEvent | undefined
    if (isLive && !wasLive) event = 'published'
    else if (!isLive && wasLive) event = 'unpublished'
    else if (isLive && wasLive && current._status === 'published') event = 'updated'
    if (event) await announce(req, collection, event, current)
    return doc
  }

const announceDelete =
  (collection: WebhookCollection): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    if ((doc as Doc)._status === 'published') await announce(req, collection, 'deleted', doc as Doc)
    return doc
  }

const announceRecorded: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await announce(req, STATISTICS_SLUG, 'recorded', doc as Doc)
  return doc
}

/**
 * `collection` with the hooks that announce its changes to webhook endpoints: publication,
 * unpublication, updates and deletes of published news and events; new statistics snapshots.
 */
export const withWebhooks = (
  collection: CollectionConfig & { slug: WebhookCollection },
): CollectionConfig => {
  const hooks = collection.hooks ?? {}
  if (collection.slug === STATISTICS_SLUG) {
    return {
      ...collection,
      hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), announceRecorded] },
    }
  }
  return {
    ...collection,
    hooks: {
      ...hooks,
      afterChange: [...(hooks.afterChange ?? []), announcePublication(collection.slug)],
      afterDelete: [...(hooks.afterDelete ?? []), announceDelete(collection.slug)],
      beforeChange: [...(hooks.beforeChange ?? []), rememberLiveStatus],
    },
  }
}
