import type {
  CollectionBeforeChangeHook,
  CollectionConfig,
  TextFieldSingleValidation,
} from 'payload'

import { randomBytes } from 'node:crypto'

import type { Localized } from '../utilities/labels'

import { isAdmin } from '../access/roles'
import { validateHttpUrl } from '../fields/validators'
import { ADMIN_GROUP, WEBHOOK_DELIVERIES_SLUG, WEBHOOK_ENDPOINTS_SLUG } from '../slugs'
import { refusedAddress } from './address'
import { WEBHOOK_COLLECTIONS, WEBHOOK_EVENTS } from './events'

const nobody = () => false

const eventLabels: Record<(typeof WEBHOOK_EVENTS)[number], Localized> = {
  published: { az: 'Dərc edildi', en: 'Published', uk: 'Опубліковано' },
  unpublished: { az: 'Dərcdən çıxarıldı', en: 'Unpublished', uk: 'Знято з публікації' },
  updated: {
    az: 'Dərc olunmuş dəyişdirildi',
    en: 'Published item updated',
    uk: 'Опубліковане змінено',
  },
  deleted: { az: 'Silindi', en: 'Deleted', uk: 'Видалено' },
  recorded: { az: 'Statistika qeydə alındı', en: 'Statistics recorded', uk: 'Статистику записано' },
}

const collectionLabels: Record<(typeof WEBHOOK_COLLECTIONS)[number], Localized> = {
  news: { az: 'Xəbərlər', en: 'News', uk: 'Новини' },
  events: { az: 'Tədbirlər', en: 'Events', uk: 'Події' },
  statistics: { az: 'Statistika', en: 'Statistics', uk: 'Статистика' },
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
    singular: { az: 'Vebhuk', en: 'Webhook endpoint', uk: 'Вебхук' },
    plural: { az: 'Vebhuklar', en: 'Webhooks', uk: 'Вебхуки' },
  },
  graphQL: false,
  access: { create: isAdmin, delete: isAdmin, read: isAdmin, update: isAdmin },
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'url',
    defaultColumns: ['url', 'events', 'collections', 'active'],
    description: {
      az: 'Dərc, dərcdən çıxarma, dəyişiklik, silinmə və yeni statistika haqqında digər sistemlərə imzalı HTTP sorğular (Standard Webhooks).',
      en: 'Signed HTTP requests (Standard Webhooks) that tell other systems when something is published, unpublished, updated, deleted or recorded.',
      uk: 'Підписані HTTP-запити (Standard Webhooks), що повідомляють інші системи про публікацію, зняття, зміну, видалення або нову статистику.',
    },
  },
  hooks: disabled ? {} : { beforeChange: [setSecret] },
  fields: [
    {
      name: 'url',
      type: 'text',
      required: true,
      label: { az: 'Ünvan', en: 'URL', uk: 'Адреса' },
      admin: { placeholder: 'https://' },
      validate: validateEndpointUrl,
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      label: { az: 'Hadisələr', en: 'Events', uk: 'Події' },
      options: WEBHOOK_EVENTS.map((value) => ({ label: eventLabels[value], value })),
    },
    {
      name: 'collections',
      type: 'select',
      hasMany: true,
      required: true,
      label: { az: 'Kolleksiyalar', en: 'Collections', uk: 'Колекції' },
      options: WEBHOOK_COLLECTIONS.map((value) => ({ label: collectionLabels[value], value })),
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      label: { az: 'Aktiv', en: 'Active', uk: 'Активний' },
    },
    {
      name: 'secret',
      type: 'text',
      label: { az: 'İmza açarı', en: 'Signing secret', uk: 'Ключ підпису' },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: {
          az: 'Qəbul edən sistem imzanı bu açarla yoxlayır. Yadda saxlanılanda yaradılır.',
          en: 'The receiving system verifies signatures with this secret. Made when the endpoint is saved.',
          uk: 'Система-отримувач перевіряє підпис цим ключем. Створюється під час збереження.',
        },
      },
    },
  ],
})

const statusLabels: Record<string, Localized> = {
  pending: { az: 'Gözləyir', en: 'Pending', uk: 'Очікує' },
  retrying: { az: 'Yenidən cəhd', en: 'Retrying', uk: 'Повторна спроба' },
  succeeded: { az: 'Çatdırıldı', en: 'Delivered', uk: 'Доставлено' },
  failed: { az: 'Alınmadı', en: 'Failed', uk: 'Не вдалося' },
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
    singular: { az: 'Çatdırılma', en: 'Webhook delivery', uk: 'Доставка вебхука' },
    plural: { az: 'Vebhuk çatdırılmaları', en: 'Webhook deliveries', uk: 'Доставки вебхуків' },
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
      label: { az: 'Vebhuk', en: 'Endpoint', uk: 'Вебхук' },
    },
    {
      name: 'type',
      type: 'text',
      required: true,
      label: { az: 'Hadisə', en: 'Event', uk: 'Подія' },
    },
    {
      name: 'messageId',
      type: 'text',
      required: true,
      index: true,
      label: { az: 'webhook-id', en: 'webhook-id', uk: 'webhook-id' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      label: { az: 'Vəziyyət', en: 'Status', uk: 'Стан' },
      options: DELIVERY_STATUSES.map((value) => ({ label: statusLabels[value]!, value })),
    },
    {
      name: 'attempts',
      type: 'number',
      defaultValue: 0,
      label: { az: 'Cəhdlər', en: 'Tries', uk: 'Спроби' },
    },
    {
      name: 'responseCode',
      type: 'number',
      label: { az: 'Cavab kodu', en: 'Response code', uk: 'Код відповіді' },
    },
    {
      name: 'durationMs',
      type: 'number',
      label: { az: 'Müddət (ms)', en: 'Duration (ms)', uk: 'Тривалість (мс)' },
    },
    {
      name: 'nextTryAt',
      type: 'date',
      label: { az: 'Növbəti cəhd', en: 'Next try', uk: 'Наступна спроба' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'lastError',
      type: 'textarea',
      label: { az: 'Son xəta', en: 'Last error', uk: 'Остання помилка' },
    },
    {
      name: 'payload',
      type: 'json',
      required: true,
      label: { az: 'Məzmun', en: 'Payload', uk: 'Вміст' },
    },
  ],
})
