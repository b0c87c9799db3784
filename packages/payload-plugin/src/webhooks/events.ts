import { EVENTS_SLUG, NEWS_SLUG, STATISTICS_SLUG } from '../slugs'

/** What an endpoint can subscribe to. `type` of a message is `<collection>.<event>`. */
export const WEBHOOK_EVENTS = [
  'published',
  'unpublished',
  'updated',
  'deleted',
  'recorded',
] as const

/** One of {@link WEBHOOK_EVENTS}. */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/** Collections whose changes are announced. */
export const WEBHOOK_COLLECTIONS = [NEWS_SLUG, EVENTS_SLUG, STATISTICS_SLUG] as const

/** One of {@link WEBHOOK_COLLECTIONS}. */
export type WebhookCollection = (typeof WEBHOOK_COLLECTIONS)[number]

/** Tries of one delivery: the first and seven retries. */
export const WEBHOOK_ATTEMPTS = 8

/**
 * First retry delay in ms; each next one doubles (30 s, 1, 2, 4, 8, 16, 32 min), so the eight tries
 * span a little over an hour.
 */
export const WEBHOOK_RETRY_DELAY_MS = 30_000

/** How long one try may take, connection to last byte. */
export const WEBHOOK_TIMEOUT_MS = 5_000

/** Slug of the delivery job's task. */
export const DELIVER_WEBHOOK_TASK = 'etwDeliverWebhook'
