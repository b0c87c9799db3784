import type { Access, CollectionConfig, Where } from 'payload'

import { anyone, canRecordStatistics, hasAnyRole, hasRole, isAdmin, isEditor } from './roles'

const PUBLISHED: Where = { _status: { equals: 'published' } }

/**
 * Read access of drafted content (news, events): members of the editorial team read everything,
 * everyone else only published documents.
 */
export const readPublishedOrTeam: Access = ({ req }) => hasAnyRole(req.user) || PUBLISHED

/**
 * Create and update access of drafted content: editors and admins always; contributors only when
 * the data does not publish. Payload asks for publish permission with `data: { _status: 'published' }`.
 */
export const writeDraftsOrPublish: Access = ({ data, req }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true
  if (!hasRole(req.user, 'contributor')) return false
  return (data as { _status?: unknown } | undefined)?._status !== 'published'
}

/** Version history: any member of the editorial team. */
export const readVersionsTeam: Access = ({ req }) => hasAnyRole(req.user)

/**
 * Access of drafted content (news, events): the team reads everything, others only what is
 * published; contributors save drafts, editors publish and delete.
 */
export const draftedContentAccess = (): NonNullable<CollectionConfig['access']> => ({
  create: writeDraftsOrPublish,
  delete: isEditor,
  read: readPublishedOrTeam,
  readVersions: readVersionsTeam,
  update: writeDraftsOrPublish,
})

/**
 * Access of reference data without drafts (organizations, statistics): anyone reads, editors
 * write, only admins delete.
 */
export const referenceDataAccess = (): NonNullable<CollectionConfig['access']> => ({
  create: isEditor,
  delete: isAdmin,
  read: anyone,
  update: isEditor,
})

/**
 * Access of statistics snapshots: anyone reads; editors, admins and statistics writers (API keys)
 * record new snapshots; editors correct them; only admins delete.
 */
export const statisticsAccess = (): NonNullable<CollectionConfig['access']> => ({
  ...referenceDataAccess(),
  create: canRecordStatistics,
})
