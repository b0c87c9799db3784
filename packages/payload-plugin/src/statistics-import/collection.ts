import type { Access, CollectionConfig, CollectionSlug } from 'payload'

import { hasRole } from '../access/roles'
import { STATISTICS_IMPORTS_SLUG } from '../slugs'

/** Where an import is: waiting for the job runner, running, or finished either way. */
export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const

/** One of {@link IMPORT_STATUSES}. */
export type ImportStatus = (typeof IMPORT_STATUSES)[number]

/** What an import does with rows whose snapshot already exists. */
export const DUPLICATE_MODES = ['skip', 'refuse'] as const

/** One of {@link DUPLICATE_MODES}. */
export type DuplicateMode = (typeof DUPLICATE_MODES)[number]

const nobody = () => false

/** Editors and admins read every import; a statistics writer reads its own. */
const readImports: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true
  if (hasRole(req.user, 'statistics-writer') && req.user) return { user: { equals: req.user.id } }
  return false
}

/**
 * The `statistics-imports` collection: one document per spreadsheet import, with the checked rows
 * the job records, its progress and its outcome. Written only by the import endpoint and its job;
 * hidden in the admin, which shows an import through the statistics list.
 */
export const generateStatisticsImportsCollection = (usersSlug: string): CollectionConfig => ({
  slug: STATISTICS_IMPORTS_SLUG,
  labels: {
    singular: { az: 'Statistika idxalı', en: 'Statistics import', uk: 'Імпорт статистики' },
    plural: { az: 'Statistika idxalları', en: 'Statistics imports', uk: 'Імпорти статистики' },
  },
  graphQL: false,
  access: { create: nobody, delete: nobody, read: readImports, update: nobody },
  admin: { hidden: true, useAsTitle: 'fileName' },
  timestamps: true,
  fields: [
    { name: 'status', type: 'select', required: true, options: [...IMPORT_STATUSES] },
    { name: 'fileName', type: 'text' },
    { name: 'duplicates', type: 'select', required: true, options: [...DUPLICATE_MODES] },
    { name: 'total', type: 'number', required: true },
    { name: 'created', type: 'number' },
    { name: 'skipped', type: 'number' },
    { name: 'message', type: 'text' },
    { name: 'rows', type: 'json' },
    { name: 'user', type: 'relationship', relationTo: usersSlug as CollectionSlug },
  ],
})
