import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterLoginHook,
  CollectionConfig,
  PayloadRequest,
} from 'payload'

import type { AuditAction } from '../index'

import { AUDIT_LOG_SLUG } from '../../../slugs'
import { storedStatus } from '../../drafts'
import { clientAddress } from '../../../utilities/clientAddress'

type Doc = Record<string, unknown> & { id?: number | string; _status?: unknown }

const titleOf = (collection: CollectionConfig, doc: Doc): string => {
  const field = collection.admin?.useAsTitle ?? 'id'
  const value = doc[field]
  return typeof value === 'string' || typeof value === 'number' ? String(value) : String(doc.id)
}

const userOf = (req: PayloadRequest) => {
  const user = req.user as { id?: number | string; email?: unknown; collection?: string } | null
  return user && user.collection !== AUDIT_LOG_SLUG
    ? { id: user.id, email: typeof user.email === 'string' ? user.email : undefined }
    : undefined
}

/** Writes one audit entry in the transaction of `req`, so the entry and the change commit together. */
export const recordAudit = async (
  req: PayloadRequest,
  entry: { action: AuditAction; collection: string; documentId?: number | string; summary: string },
  actor = userOf(req),
): Promise<void> => {
  await req.payload.create({
    collection: AUDIT_LOG_SLUG,
    data: {
      action: entry.action,
      clientAddress: clientAddress(req.headers),
      documentId: entry.documentId === undefined ? undefined : String(entry.documentId),
      summary: entry.summary,
      targetCollection: entry.collection,
      // A number on SQL databases, a string on MongoDB.
      user: actor?.id as number | undefined,
      userEmail: actor?.email,
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

/**
 * Records publish and unpublish of a drafted collection. Saving a draft of a published document
 * leaves the published version in place, so a change to `draft` is an unpublish only when the
 * stored document itself is no longer published.
 */
const auditPublication =
  (collection: CollectionConfig): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const now = (doc as Doc)._status
    const before = (previousDoc as Doc | undefined)?._status
    let action: AuditAction | undefined
    if (now === 'published' && before !== 'published') action = 'publish'
    if (now === 'draft' && before === 'published') {
      if ((await storedStatus(req, collection.slug, (doc as Doc).id)) === 'draft') {
        action = 'unpublish'
      }
    }
    if (action) {
      await recordAudit(req, {
        action,
        collection: collection.slug,
        documentId: (doc as Doc).id,
        summary: titleOf(collection, doc as Doc),
      })
    }
    return doc
  }

const auditDelete =
  (collection: CollectionConfig): CollectionAfterDeleteHook =>
  async ({ doc, id, req }) => {
    await recordAudit(req, {
      action: 'delete',
      collection: collection.slug,
      documentId: id,
      summary: titleOf(collection, doc as Doc),
    })
    return doc
  }

const auditLogin: CollectionAfterLoginHook = async ({ collection, req, user }) => {
  const account = user as { id?: number | string; email?: unknown }
  const email = typeof account.email === 'string' ? account.email : undefined
  await recordAudit(
    req,
    { action: 'login', collection: collection.slug, documentId: account.id, summary: email ?? '' },
    { id: account.id, email },
  )
  return user
}

const hasDrafts = (collection: CollectionConfig): boolean =>
  typeof collection.versions === 'object' && Boolean(collection.versions.drafts)

/**
 * Adds the audit trail's hooks to a collection: deletes always, publish and unpublish when it has
 * drafts, logins when it is an auth collection.
 */
export const withAuditTrail = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterChange: hasDrafts(collection)
      ? [...(collection.hooks?.afterChange ?? []), auditPublication(collection)]
      : collection.hooks?.afterChange,
    afterDelete: [...(collection.hooks?.afterDelete ?? []), auditDelete(collection)],
    afterLogin: collection.auth
      ? [...(collection.hooks?.afterLogin ?? []), auditLogin]
      : collection.hooks?.afterLogin,
  },
})
