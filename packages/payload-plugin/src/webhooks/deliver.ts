import type { PayloadRequest, TaskConfig } from 'payload'

import { Webhook } from 'standardwebhooks'
import { Agent, request } from 'undici'

import { WEBHOOK_DELIVERIES_SLUG, WEBHOOK_ENDPOINTS_SLUG } from '../slugs'
import { guardedLookup, refusedLiteral } from './address'
import {
  DELIVER_WEBHOOK_TASK,
  WEBHOOK_ATTEMPTS,
  WEBHOOK_RETRY_DELAY_MS,
  WEBHOOK_TIMEOUT_MS,
} from './events'

/** What one try of a delivery gave. */
export interface AttemptResult {
  ok: boolean
  responseCode: number | null
  durationMs: number
  error: string | null
}

// One connection pool for every delivery: names resolved through the address guard, nothing
// reused past the timeout. `request` never follows redirects, so a 3xx is an answer like any other.
const agent = new Agent({
  connect: { lookup: guardedLookup as never, timeout: WEBHOOK_TIMEOUT_MS },
  headersTimeout: WEBHOOK_TIMEOUT_MS,
  bodyTimeout: WEBHOOK_TIMEOUT_MS,
})

const describe = (error: unknown): string => {
  const cause = (error as { cause?: unknown }).cause
  if (cause instanceof Error && cause.message) return cause.message
  return error instanceof Error ? error.message : String(error)
}

/**
 * POSTs `body` to `url` signed for Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`, HMAC-SHA256 with `secret`), within {@link WEBHOOK_TIMEOUT_MS}, without
 * following redirects and only to public addresses. A 2xx answer is a success.
 */
export const sendWebhook = async (
  url: string,
  secret: string,
  messageId: string,
  body: string,
  now: Date = new Date(),
): Promise<AttemptResult> => {
  const started = performance.now()
  const signature = new Webhook(secret).sign(messageId, now, body)
  try {
    const literal = refusedLiteral(url)
    if (literal) throw literal
    const response = await request(url, {
      body,
      dispatcher: agent,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'eTwinning-Hub-Webhooks/1',
        'webhook-id': messageId,
        'webhook-signature': signature,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      },
      method: 'POST',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    })
    // The answer's body is not used; reading it frees the connection.
    await response.body.dump()
    const ok = response.statusCode >= 200 && response.statusCode < 300
    return {
      durationMs: Math.round(performance.now() - started),
      error: ok ? null : `HTTP ${response.statusCode}`,
      ok,
      responseCode: response.statusCode,
    }
  } catch (error) {
    return {
      durationMs: Math.round(performance.now() - started),
      error: describe(error),
      ok: false,
      responseCode: null,
    }
  }
}

/** When the job runner tries a delivery again after its `tries`-th failed try. */
export const nextTryAfter = (tries: number, now: Date = new Date()): Date =>
  new Date(now.getTime() + 2 ** (tries - 1) * WEBHOOK_RETRY_DELAY_MS)

interface DeliveryRow {
  attempts?: number | null
  endpoint?: null | number | string | { id: number | string }
  messageId: string
  payload: unknown
}

const loadDelivery = async (req: PayloadRequest, id: string) => {
  const delivery = (await req.payload.findByID({
    collection: WEBHOOK_DELIVERIES_SLUG,
    depth: 0,
    id,
    overrideAccess: true,
  })) as unknown as DeliveryRow
  const endpointId =
    delivery.endpoint && typeof delivery.endpoint === 'object'
      ? delivery.endpoint.id
      : delivery.endpoint
  const endpoint =
    endpointId === null || endpointId === undefined
      ? null
      : ((await req.payload.findByID({
          collection: WEBHOOK_ENDPOINTS_SLUG,
          depth: 0,
          disableErrors: true,
          id: endpointId,
          overrideAccess: true,
        })) as unknown as { active?: boolean; secret: string; url: string } | null)
  return { delivery, endpoint }
}

/**
 * The job that delivers one logged message: one try per run, the log entry updated after each
 * (status, response code, duration, tries, next try). A failed try fails the job, and Payload runs
 * it again with exponential backoff ({@link WEBHOOK_ATTEMPTS} tries over a little more than an hour).
 */
export const deliverWebhookTask: TaskConfig = {
  slug: DELIVER_WEBHOOK_TASK as never,
  inputSchema: [{ name: 'delivery', type: 'text', required: true }],
  retries: {
    attempts: WEBHOOK_ATTEMPTS - 1,
    backoff: { type: 'exponential', delay: WEBHOOK_RETRY_DELAY_MS },
  },
  handler: async ({ input, job, req }) => {
    const id = (input as { delivery: string }).delivery
    const { delivery, endpoint } = await loadDelivery(req, id)
    if (!endpoint) {
      // The endpoint was deleted: nobody is left to tell, so there is nothing to retry.
      await req.payload.update({
        collection: WEBHOOK_DELIVERIES_SLUG,
        data: { lastError: 'The endpoint was deleted.', nextTryAt: null, status: 'failed' },
        depth: 0,
        id,
        overrideAccess: true,
      })
      return { output: {} }
    }
    const result = await sendWebhook(
      endpoint.url,
      endpoint.secret,
      delivery.messageId,
      JSON.stringify(delivery.payload),
    )
    const tries = (delivery.attempts ?? 0) + 1
    // Tries of this job (a redelivery is a new job with tries of its own).
    const jobTries = (job.totalTried ?? 0) + 1
    const lastTry = jobTries >= WEBHOOK_ATTEMPTS
    await req.payload.update({
      collection: WEBHOOK_DELIVERIES_SLUG,
      data: {
        attempts: tries,
        durationMs: result.durationMs,
        lastError: result.error,
        nextTryAt: result.ok || lastTry ? null : nextTryAfter(jobTries).toISOString(),
        responseCode: result.responseCode,
        status: result.ok ? 'succeeded' : lastTry ? 'failed' : 'retrying',
      },
      depth: 0,
      id,
      overrideAccess: true,
    })
    if (!result.ok) throw new Error(`Webhook delivery ${delivery.messageId}: ${result.error}`)
    return { output: {} }
  },
}
