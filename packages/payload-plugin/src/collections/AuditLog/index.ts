import type { CollectionConfig, CollectionSlug } from 'payload'

import type { EtwLabel } from '../../utilities/labels'

import { isAdmin } from '../../access/roles'
import { ADMIN_GROUP, AUDIT_LOG_SLUG } from '../../slugs'
import { etwText } from '../../utilities/labels'

/** What an audit entry records (`import`: a spreadsheet import of statistics). */
export const AUDIT_ACTIONS = ['publish', 'unpublish', 'delete', 'login', 'import'] as const

/** An action recorded in the audit trail. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

const actionLabels: Record<AuditAction, EtwLabel> = {
  publish: etwText('auditLogPublish'),
  unpublish: etwText('auditLogUnpublish'),
  delete: etwText('auditLogDelete'),
  login: etwText('auditLogLogin'),
  import: etwText('auditLogImport'),
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
    singular: etwText('auditLogSingular'),
    plural: etwText('auditLogPlural'),
  },
  graphQL: { singularName: 'AuditEntry', pluralName: 'AuditLog' },
  access: { create: nobody, delete: nobody, read: isAdmin, update: nobody },
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'action', 'summary', 'userEmail', 'clientAddress'],
    listSearchableFields: ['summary', 'userEmail', 'documentId'],
    description: etwText('auditLogDescription'),
  },
  defaultSort: '-createdAt',
  timestamps: true,
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      label: etwText('auditLogActionLabel'),
      options: AUDIT_ACTIONS.map((value) => ({ label: actionLabels[value], value })),
    },
    {
      name: 'summary',
      type: 'text',
      label: etwText('auditLogSummaryLabel'),
    },
    {
      name: 'targetCollection',
      type: 'text',
      index: true,
      label: etwText('auditLogTargetCollectionLabel'),
    },
    {
      name: 'documentId',
      type: 'text',
      index: true,
      label: etwText('auditLogDocumentIdLabel'),
    },
    {
      name: 'user',
      type: 'relationship',
      relationTo: usersSlug as CollectionSlug,
      label: etwText('auditLogUserLabel'),
    },
    {
      name: 'userEmail',
      type: 'text',
      label: etwText('auditLogUserEmailLabel'),
      admin: {
        description: etwText('auditLogUserEmailDescription'),
      },
    },
    {
      name: 'clientAddress',
      type: 'text',
      label: etwText('auditLogClientAddressLabel'),
    },
  ],
})
