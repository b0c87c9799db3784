import type {
  CollectionBeforeChangeHook,
  CollectionConfig,
  TextFieldSingleValidation,
} from 'payload'

import { randomBytes } from 'node:crypto'

import type { EtwLabel } from '../utilities/labels'

import { isAdmin } from '../access/roles'
import { validateHttpUrl } from '../fields/validators'
import { ADMIN_GROUP, WEBHOOK_DELIVERIES_SLUG, WEBHOOK_ENDPOINTS_SLUG } from '../slugs'
import { refusedAddress } from './address'
import { WEBHOOK_COLLECTIONS, WEBHOOK_EVENTS } from './events'
import { etwText } from '../utilities/labels'

const nobody = () => false

const eventLabels: Record<(typeof WEBHOOK_EVENTS)[number], EtwLabel> = {
  published: etwText('webhooksPublished'),
  unpublished: etwText('webhooksUnpublished'),
  updated: etwText('webhooksUpdated'),
  deleted: etwText('webhooksDeleted'),
  recorded: etwText('webhooksRecorded'),
}

const collectionLabels: Record<(typeof WEBHOOK_COLLECTIONS)[number], EtwLabel> = {
  news: etwText('webhooksNews'),
  events: etwText('webhooksEvents'),
  statistics: etwText('webhooksStatistics'),
}

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
export const generateWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`

const validateEndpointUrl: TextFieldSingleValidation = async (value, options) => {
  const base = validateHttpUrl(value, options)
  if (base !== true || !value) return base
  return (await refusedAddress(value)) ?? true
}

// The secret is made once, when the endpoint is created, and kept on every later save.
const setSecret: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => {
  const kept = (originalDoc as { secret?: unknown } | undefined)?.secret
  data.secret =
    operation === 'update' && typeof kept === 'string' && kept ? kept : generateWebhookSecret()
  return data
}

/**
 * The `webhook-endpoints` collection: where admins register the systems told about publications.
 * Each endpoint has a URL (public addresses only, unless the operator allows private ones), the
 * events and collections it wants, and its own signing secret. Admins only.
 */
export const generateWebhookEndpointsCollection = (disabled = false): CollectionConfig => ({
  slug: WEBHOOK_ENDPOINTS_SLUG,
  labels: {
    singular: etwText('webhookEndpointsSingular'),
    plural: etwText('webhookEndpointsPlural'),
  },
  graphQL: false,
  access: { create: isAdmin, delete: isAdmin, read: isAdmin, update: isAdmin },
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'url',
    defaultColumns: ['url', 'events', 'collections', 'active'],
    description: etwText('webhookEndpointsDescription'),
  },
  hooks: disabled ? {} : { beforeChange: [setSecret] },
  fields: [
    {
      name: 'url',
      type: 'text',
      required: true,
      label: etwText('webhooksUrlLabel'),
      admin: { placeholder: 'https://' },
      validate: validateEndpointUrl,
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      label: etwText('webhooksEventsLabel'),
      options: WEBHOOK_EVENTS.map((value) => ({ label: eventLabels[value], value })),
    },
    {
      name: 'collections',
      type: 'select',
      hasMany: true,
      required: true,
      label: etwText('webhooksCollectionsLabel'),
      options: WEBHOOK_COLLECTIONS.map((value) => ({ label: collectionLabels[value], value })),
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      label: etwText('webhooksActiveLabel'),
    },
    {
      name: 'secret',
      type: 'text',
      label: etwText('webhooksSecretLabel'),
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: etwText('webhooksSecretDescription'),
      },
    },
  ],
})

const statusLabels: Record<string, EtwLabel> = {
  pending: etwText('webhooksPending'),
  retrying: etwText('webhooksRetrying'),
  succeeded: etwText('webhooksSucceeded'),
  failed: etwText('webhooksFailed'),
}

/** Values of a delivery's `status`. */
export const DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const

/**
 * The `webhook-deliveries` collection: the delivery log. One entry per message and endpoint, with
 * its status, the last response code and duration, the number of tries and the next one. Written
 * only by the delivery job; read by admins, who can redeliver an entry.
 */
export const generateWebhookDeliveriesCollection = (): CollectionConfig => ({
  slug: WEBHOOK_DELIVERIES_SLUG,
  labels: {
    singular: etwText('webhookDeliveriesSingular'),
    plural: etwText('webhookDeliveriesPlural'),
  },
  graphQL: false,
  access: { create: nobody, delete: nobody, read: isAdmin, update: nobody },
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'type',
    defaultColumns: [
      'createdAt',
      'type',
      'endpoint',
      'status',
      'responseCode',
      'durationMs',
      'nextTryAt',
    ],
  },
  defaultSort: '-createdAt',
  indexes: [{ fields: ['status', 'createdAt'] }],
  fields: [
    {
      name: 'endpoint',
      type: 'relationship',
      relationTo: WEBHOOK_ENDPOINTS_SLUG,
      // Empty once the endpoint is deleted; the entry stays in the log.
      label: etwText('webhooksEndpointLabel'),
    },
    {
      name: 'type',
      type: 'text',
      required: true,
      label: etwText('webhooksTypeLabel'),
    },
    {
      name: 'messageId',
      type: 'text',
      required: true,
      index: true,
      label: etwText('webhooksMessageIdLabel'),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      label: etwText('webhooksStatusLabel'),
      options: DELIVERY_STATUSES.map((value) => ({ label: statusLabels[value]!, value })),
    },
    {
      name: 'attempts',
      type: 'number',
      defaultValue: 0,
      label: etwText('webhooksAttemptsLabel'),
    },
    {
      name: 'responseCode',
      type: 'number',
      label: etwText('webhooksResponseCodeLabel'),
    },
    {
      name: 'durationMs',
      type: 'number',
      label: etwText('webhooksDurationMsLabel'),
    },
    {
      name: 'nextTryAt',
      type: 'date',
      label: etwText('webhooksNextTryAtLabel'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'lastError',
      type: 'textarea',
      label: etwText('webhooksLastErrorLabel'),
    },
    {
      name: 'payload',
      type: 'json',
      required: true,
      label: etwText('webhooksPayloadLabel'),
    },
  ],
})
