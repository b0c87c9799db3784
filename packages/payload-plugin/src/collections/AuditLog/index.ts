import type { CollectionConfig, CollectionSlug } from 'payload'

import type { Localized } from '../../utilities/labels'

import { isAdmin } from '../../access/roles'
import { ADMIN_GROUP, AUDIT_LOG_SLUG } from '../../slugs'

/** What an audit entry records (`import`: a spreadsheet import of statistics). */
export const AUDIT_ACTIONS = ['publish', 'unpublish', 'delete', 'login', 'import'] as const

/** An action recorded in the audit trail. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

const actionLabels: Record<AuditAction, Localized> = {
  publish: { az: 'Dərc edildi', en: 'Published', uk: 'Опубліковано' },
  unpublish: { az: 'Dərcdən çıxarıldı', en: 'Unpublished', uk: 'Знято з публікації' },
  delete: { az: 'Silindi', en: 'Deleted', uk: 'Видалено' },
  login: { az: 'Giriş', en: 'Login', uk: 'Вхід' },
  import: { az: 'İdxal', en: 'Imported', uk: 'Імпортовано' },
}

const nobody = () => false

/**
 * The `audit-log` collection: who published, unpublished or deleted what, who imported statistics,
 * and who logged in, when.
 * Written only by the plugin's hooks, in the transaction of the change it records; read by admins;
 * never edited or deleted through the API.
 */
export const generateAuditLogCollection = (usersSlug: string): CollectionConfig => ({
  slug: AUDIT_LOG_SLUG,
  labels: {
    singular: { az: 'Audit qeydi', en: 'Audit entry', uk: 'Запис журналу' },
    plural: { az: 'Audit jurnalı', en: 'Audit trail', uk: 'Журнал дій' },
  },
  graphQL: { singularName: 'AuditEntry', pluralName: 'AuditLog' },
  access: { create: nobody, delete: nobody, read: isAdmin, update: nobody },
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'action', 'summary', 'userEmail', 'clientAddress'],
    listSearchableFields: ['summary', 'userEmail', 'documentId'],
    description: {
      az: 'Kim nəyi nə vaxt dərc etdi, dərcdən çıxardı, sildi və kim daxil oldu. Yalnız oxumaq üçündür.',
      en: 'Who published, unpublished or deleted what, and who logged in, when. Read-only.',
      uk: 'Хто, що й коли опублікував, зняв з публікації чи видалив, і хто входив. Лише для читання.',
    },
  },
  defaultSort: '-createdAt',
  timestamps: true,
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      label: { az: 'Əməliyyat', en: 'Action', uk: 'Дія' },
      options: AUDIT_ACTIONS.map((value) => ({ label: actionLabels[value], value })),
    },
    {
      name: 'summary',
      type: 'text',
      label: { az: 'Nə', en: 'What', uk: 'Що' },
    },
    {
      name: 'targetCollection',
      type: 'text',
      index: true,
      label: { az: 'Kolleksiya', en: 'Collection', uk: 'Колекція' },
    },
    {
      name: 'documentId',
      type: 'text',
      index: true,
      label: { az: 'Sənəd ID', en: 'Document ID', uk: 'ID документа' },
    },
    {
      name: 'user',
      type: 'relationship',
      relationTo: usersSlug as CollectionSlug,
      label: { az: 'İstifadəçi', en: 'User', uk: 'Користувач' },
    },
    {
      name: 'userEmail',
      type: 'text',
      label: { az: 'İstifadəçinin e-poçtu', en: 'User email', uk: 'Ел. пошта користувача' },
      admin: {
        description: {
          az: 'Boşdursa, dəyişikliyi planlaşdırılmış dərc kimi sistem etdi.',
          en: 'Empty when the system made the change, e.g. a scheduled publication.',
          uk: 'Порожньо, якщо зміну зробила система, наприклад запланована публікація.',
        },
      },
    },
    {
      name: 'clientAddress',
      type: 'text',
      label: { az: 'IP ünvanı', en: 'Client address', uk: 'IP-адреса' },
    },
  ],
})
