import type { Endpoint } from 'payload'

import { Forbidden, NotFound } from 'payload'

import { hasRole } from '../access/roles'
import { WEBHOOK_DELIVERIES_SLUG } from '../slugs'
import { DELIVER_WEBHOOK_TASK } from './events'

/**
 * `POST /api/webhook-deliveries/:id/redeliver` (admins): sends a logged message again, with the same
 * `webhook-id` so the receiver can tell it is the same message, as a new job with its own retries.
 * Answers 202 with the delivery.
 */
export const redeliverEndpoint: Endpoint = {
  path: '/:id/redeliver',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin')) throw new Forbidden(req.t)
    const id = String(req.routeParams?.id ?? '')
    const existing = await req.payload
      .findByID({
        collection: WEBHOOK_DELIVERIES_SLUG,
        depth: 0,
        disableErrors: true,
        id,
        overrideAccess: true,
      })
      .catch(() => null)
    if (!existing) throw new NotFound(req.t)
    const delivery = await req.payload.update({
      collection: WEBHOOK_DELIVERIES_SLUG,
      data: { lastError: null, nextTryAt: null, status: 'pending' },
      depth: 0,
      id,
      overrideAccess: true,
      req,
    })
    await req.payload.jobs.queue({
      input: { delivery: String(delivery.id) },
      req,
      task: DELIVER_WEBHOOK_TASK,
    } as never)
    return Response.json({ delivery }, { status: 202 })
  },
}
